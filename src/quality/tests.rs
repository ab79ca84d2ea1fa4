use super::*;

/// The quality of a Markdown text, by kind name and count.
fn counts(markdown: &str) -> Vec<(String, usize)> {
    let e = crate::extract_bytes(markdown.as_bytes(), Some("t.md")).unwrap();
    e.quality
        .iter()
        .map(|a| (a.kind.name().to_string(), a.count))
        .collect()
}

fn kinds(markdown: &str) -> Vec<String> {
    counts(markdown).into_iter().map(|(k, _)| k).collect()
}

#[test]
fn grouped_numbers_are_found_as_python_finds_them() {
    // Expected values from Python's `re.search` with the script's pattern.
    for (text, want) in [
        ("6.600 groups", Some("6.600")),
        ("1.234.567,5 EUR", None),
        ("1 000 000.5 tonnes", Some("1 000")),
        ("12.345.678,9", None),
        ("4,300 farms", None),
        ("200 000 people", Some("200 000")),
        ("a1.234", None),
        ("1.2345", None),
        ("over 1 000 000 and 2.500", Some("1 000 000")),
        ("é1.234", None),
        ("_1.234", None),
        ("1.234_", None),
        ("1.234.5678", None),
        ("x 12 345 678.9", Some("12 345")),
    ] {
        assert_eq!(grouped_number(text), want, "{text}");
    }
}

#[test]
fn furniture_is_found_as_python_finds_it() {
    for (text, want) in [
        ("OJ L 277/4 of 2022", None),
        ("in L 277/4 of and L 12/3 too", Some("L 12/3")),
        ("L 1234/5", None),
        ("xL 12/3", None),
        ("see EN 12 EN here", Some(" EN 12 EN ")),
        ("EN 12 EN", Some("EN 12 EN")),
        (
            "Official Journal of the European Union L 119/1",
            Some("Official Journal of the European Union L 119/1"),
        ),
        ("in L 12/345 of", None),
    ] {
        assert_eq!(furniture(text).map(|r| &text[r]), want, "{text}");
    }
}

#[test]
fn act_ids_that_cannot_exist_in_their_year() {
    for id in [
        "Regulation (EU) No 1013/2006",
        "Directive (EU) 2000/60/EC",
        "Regulation (EC) 2016/679",
        "Regulation (EC) No 2016/679",
        "Regulation (EEC) No 1/12",
    ] {
        assert!(impossible_era(id), "{id}");
    }
    for id in [
        "Regulation (EU) No 1052/2013",
        "Regulation (EU) 2016/679",
        "Regulation (EC) No 45/2001",
        "Regulation (EEC) No 1234/85",
        "Directive 2011/36/EU",
        "Regulation (EU, Euratom) No 883/2013",
    ] {
        assert!(!impossible_era(id), "{id}");
    }
}

#[test]
fn every_reader_warning_has_a_kind() {
    use AnomalyKind::*;
    for (warning, kind) in [
        (
            "footnote call 7 has no footnote body",
            Some(CallWithoutBody),
        ),
        (
            "footnote call 7 has no footnote body on page 3",
            Some(CallWithoutBody),
        ),
        ("footnote 3 is never called", None),
        ("footnote 3 of page 2 is never called", None),
        (
            "40 footnote bodies were found in the text's notation but only 30 of their calls",
            None,
        ),
        (
            "no footnote bodies recognised in the plain text",
            Some(FootnoteAreaUnread),
        ),
        (
            "page(s) 125: text in the footnote area continues no footnote that was read; kept as body text",
            Some(FootnoteAreaUnread),
        ),
        (
            "page(s) 4: the structure tree marks no footnotes, but the foot of the page reads as numbered notes; kept as text, as tagged",
            Some(FootnoteAreaUnread),
        ),
        (
            "page(s) 9, 10: small type at the foot opens with numbers but is set as a table; read as a table, not as footnotes",
            Some(FootnoteAreaUnread),
        ),
        (
            "page(s) 2, 3 hit a work limit and were read only in part",
            Some(PageTruncated),
        ),
        (
            "page(s) 5: some text is in fonts without a Unicode mapping and may come out garbled",
            Some(TextUndecodable),
        ),
        (
            "the file marks most of its text as page furniture (artifacts); the marks were ignored",
            Some(ArtifactsIgnored),
        ),
        ("something new happened", Some(OtherWarning)),
        (
            "Formex: markup not known, read as plain text: <FORMULA> ×2",
            Some(MarkupUnread),
        ),
    ] {
        assert_eq!(warning_kind(warning), kind, "{warning}");
    }
}

#[test]
fn a_warning_naming_pages_counts_each_page() {
    let mut e = crate::extract_bytes(b"Text.\n", Some("t.md")).unwrap();
    let doc = crate::ingest::ingest(b"Text.\n", Some("t.md")).unwrap();
    e.warnings = vec![
        "page(s) 9, 10: small type at the foot opens with numbers but is set as a table; read as a table, not as footnotes".into(),
    ];
    let q = check(&doc, &e);
    assert_eq!(q.len(), 1);
    assert_eq!(
        (q[0].kind, q[0].count),
        (AnomalyKind::FootnoteAreaUnread, 2)
    );
    assert_eq!(q[0].places[1].page, Some(10));
    assert!(q[0].places[1].excerpt.starts_with("small type"));
}

#[test]
fn what_no_reader_writes_today_is_still_checked() {
    // A malformed CELEX and a body set aside come from no reader now; the checks still see
    // them in an extraction that has them.
    let text = b"# 1. Scope\n\nSee Directive 2011/36/EU.\n";
    let doc = crate::ingest::ingest(text, Some("t.md")).unwrap();
    let mut e = crate::extract_bytes(text, Some("t.md")).unwrap();
    assert!(e.quality.is_empty(), "{:?}", e.quality);
    e.references[0].links.celex = Some("3201L036".into());
    e.warnings
        .push("footnote 3 has more than one body; the second was set aside".into());
    let q = check(&doc, &e);
    let got: Vec<(AnomalyKind, usize)> = q.iter().map(|a| (a.kind, a.count)).collect();
    assert_eq!(
        got,
        [(AnomalyKind::BodyDropped, 1), (AnomalyKind::CelexForm, 1)]
    );
    assert_eq!(q[1].places[0].excerpt, "Directive 2011/36/EU: 3201L036");
    assert_eq!(q[1].places[0].section.as_deref(), Some("1"));
}

#[test]
fn headings_that_skip_a_number() {
    let skip = |headings: &str| {
        let text = format!("COMMUNICATION FROM THE COMMISSION\n\n{headings}");
        counts(&text)
            .into_iter()
            .find(|(k, _)| k == "heading-skip")
            .map_or(0, |(_, n)| n)
    };
    assert_eq!(skip("# 1. A\n\nx\n\n# 2. B\n\nx\n\n# 3. C\n\nx\n"), 0);
    assert_eq!(skip("# 1. A\n\nx\n\n# 3. C\n\nx\n"), 1);
    // Under another parent a series starts again; a restart at 1 is no skip.
    assert_eq!(
        skip("# 1. A\n\n## 1.1. A\n\nx\n\n# 2. B\n\n## 2.1. B\n\nx\n\n## 2.2. C\n\nx\n"),
        0
    );
    assert_eq!(skip("# 1. A\n\n## 1.1. A\n\nx\n\n## 1.3. C\n\nx\n"), 1);
    // Roman numerals and letters, each in the style its series opened with.
    assert_eq!(
        skip(
            "# I. A\n\nx\n\n# II. B\n\nx\n\n## A. a\n\nx\n\n## B. b\n\nx\n\n## C. c\n\nx\n\n## D. d\n\nx\n\n# III. C\n\nx\n\n# IV. D\n\nx\n\n# V. E\n\nx\n"
        ),
        0
    );
    assert_eq!(skip("# I. A\n\nx\n\n# II. B\n\nx\n\n# IV. D\n\nx\n"), 1);
    // The structure stage keeps letters in sequence; a reader that does not is still checked.
    let skips = |numbers: &[&str]| {
        let text = b"# 1. A\n\nx\n";
        let doc = crate::ingest::ingest(text, Some("t.md")).unwrap();
        let mut e = crate::extract_bytes(text, Some("t.md")).unwrap();
        let template = e.sections[0].clone();
        e.sections = numbers
            .iter()
            .map(|n| Section {
                number: n.to_string(),
                ..template.clone()
            })
            .collect();
        let q = check(&doc, &e);
        q.iter()
            .filter(|a| a.kind == AnomalyKind::HeadingSkip)
            .flat_map(|a| a.places.iter().map(|p| p.excerpt.clone()))
            .collect::<Vec<_>>()
    };
    assert_eq!(skips(&["A", "B", "D"]), ["D after B"]);
    assert_eq!(skips(&["I", "II", "III", "IV", "V", "VI"]), [] as [&str; 0]);
    assert_eq!(skips(&["B", "C", "D"]), [] as [&str; 0]);
    assert_eq!(
        skips(&["Chapter I", "Chapter III"]),
        ["Chapter III after Chapter I"]
    );
    assert_eq!(
        skips(&["Annex 1", "Annex 2", "Annex 4"]),
        ["Annex 4 after Annex 2"]
    );
}

#[test]
fn a_heading_repeats_only_under_its_own_parent() {
    let repeated = |parents: &[Option<&str>]| {
        let text = b"# 1. A\n\nx\n";
        let doc = crate::ingest::ingest(text, Some("t.md")).unwrap();
        let mut e = crate::extract_bytes(text, Some("t.md")).unwrap();
        let template = e.sections[0].clone();
        e.sections = parents
            .iter()
            .map(|p| Section {
                number: "Section 4".to_string(),
                title: "Cooperation".to_string(),
                parent: p.map(str::to_string),
                ..template.clone()
            })
            .collect();
        check(&doc, &e)
            .iter()
            .filter(|a| a.kind == AnomalyKind::HeadingRepeated)
            .map(|a| a.count)
            .sum::<usize>()
    };
    // A regulation's Chapters III and IV each with a `Section 4 Cooperation`.
    assert_eq!(repeated(&[Some("Chapter III"), Some("Chapter IV")]), 0);
    assert_eq!(repeated(&[Some("Chapter III"), Some("Chapter III")]), 1);
    assert_eq!(repeated(&[None, None]), 1);
}

#[test]
fn articles_are_one_series_through_their_chapters() {
    let act = "REGULATION (EU) 2024/1 OF THE EUROPEAN PARLIAMENT AND OF THE COUNCIL\n\n\
               HAVE ADOPTED THIS REGULATION:\n\n\
               CHAPTER I\n\nGENERAL\n\nArticle 1\n\nSubject matter\n\nText.\n\n\
               Article 2\n\nScope\n\nText.\n\nCHAPTER II\n\nRULES\n\n\
               Article 4\n\nRules\n\nText.\n";
    let e = crate::extract_bytes(act.as_bytes(), Some("act.txt")).unwrap();
    let numbers: Vec<&str> = e.sections.iter().map(|s| s.number.as_str()).collect();
    assert!(numbers.contains(&"Article 4"), "{numbers:?}");
    let skip = e
        .quality
        .iter()
        .find(|a| a.kind == AnomalyKind::HeadingSkip)
        .expect("a skip");
    assert_eq!(skip.places[0].excerpt, "Article 4 after Article 2");
}

#[test]
fn roman_numbers_are_read_in_their_canonical_spelling() {
    assert_eq!(roman("IV"), Some(4));
    assert_eq!(roman("XIX"), Some(19));
    assert_eq!(roman("IIII"), None);
    assert_eq!(roman("VX"), None);
    assert_eq!(previous_name("Chapter IV", 2, Style::Roman), "Chapter II");
    assert_eq!(previous_name("C", 1, Style::Letter), "A");
}

#[test]
fn a_clean_text_has_no_anomalies() {
    let text = "COMMUNICATION FROM THE COMMISSION\n\n# 1. Scope\n\nThe Commission adopted a \
                strategy<sup>1</sup> with 200 000 cases.\n\n<sup>1</sup> COM(2013) 45 final.\n\n\
                # 2. Next\n\n## 2.1. First\n\nx\n\n## 2.2. Second\n\nx\n";
    assert!(kinds(text).is_empty(), "{:?}", kinds(text));
}

#[test]
fn places_are_capped_and_counts_are_not() {
    // Footnote 1 and footnote 40: 38 numbers missing.
    let text = "x<sup>1</sup> y<sup>40</sup>\n\n<sup>1</sup> One.\n\n<sup>40</sup> Forty.\n";
    let e = crate::extract_bytes(text.as_bytes(), Some("t.md")).unwrap();
    let gap = &e.quality[0];
    assert_eq!((gap.kind, gap.count), (AnomalyKind::FootnoteGap, 38));
    assert_eq!(gap.places.len(), MAX_ANOMALY_PLACES);
    assert_eq!(gap.places[0].footnote, Some(2));
    assert_eq!(gap.places[0].excerpt, "footnote 2 is missing");
}

#[test]
fn a_misread_footnote_number_opens_a_wide_gap_counted_without_a_walk() {
    let text = b"x<sup>1</sup>\n\n<sup>1</sup> One.\n";
    let doc = crate::ingest::ingest(text, Some("t.md")).unwrap();
    let mut e = crate::extract_bytes(text, Some("t.md")).unwrap();
    let mut far = e.footnotes[0].clone();
    far.number = u32::MAX;
    e.footnotes.push(far);
    let q = check(&doc, &e);
    assert_eq!(q[0].kind, AnomalyKind::FootnoteGap);
    assert_eq!(q[0].count, u32::MAX as usize - 2);
    assert_eq!(q[0].places.len(), MAX_ANOMALY_PLACES);
}

#[test]
fn a_call_in_a_table_header_is_named() {
    let text =
        "| Measure<sup>1</sup> | Year |\n|---|---|\n| Plan | 2020 |\n\n<sup>1</sup> A note.\n";
    let e = crate::extract_bytes(text.as_bytes(), Some("t.md")).unwrap();
    let a = e
        .quality
        .iter()
        .find(|a| a.kind == AnomalyKind::CallInTableHeader)
        .expect("found");
    assert_eq!(a.places[0].footnote, Some(1));
    assert_eq!(a.places[0].excerpt, "Measure");
}

#[test]
fn every_kind_has_a_name_and_is_in_the_readme() {
    let readme = include_str!("../../README.md");
    for kind in AnomalyKind::ALL {
        assert_eq!(AnomalyKind::from_name(kind.name()), Some(kind));
        let json = serde_json::to_string(&kind).unwrap();
        assert_eq!(json, format!("\"{}\"", kind.name()));
        assert!(
            readme.contains(&format!("`{}`", kind.name())),
            "README does not describe {kind}"
        );
    }
    let selfcheck: Vec<&str> = AnomalyKind::ALL
        .into_iter()
        .filter(|k| k.in_selfcheck())
        .map(AnomalyKind::name)
        .collect();
    assert_eq!(selfcheck.len(), 13);
}
