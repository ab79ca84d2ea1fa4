//! The documents as EUR-Lex publishes them (`../shared/formats/`): each file is read as its
//! own format, with the footnote and article counts that `EXPECTED.tsv` reads from its markup
//! (footnotes within 5 %, articles at least 95 %), its id in the metadata, a title, and no
//! anomaly in `quality`. And the GDPR read from Formex and from its Official Journal PDF gives
//! the same articles and the same references.

use std::collections::BTreeSet;

use eurodoc::Extraction;
use eurodoc::model::SourceFormat;

use crate::util::{assert_valid, shared_file};

/// What `EXPECTED.tsv` says of one file: its form, footnotes, articles (`None` for `-`), id.
struct Expected {
    form: String,
    footnotes: usize,
    articles: Option<usize>,
    id: String,
}

fn expected(test: &str, file: &str) -> Option<Expected> {
    let table = shared_file(test, "formats/EXPECTED.tsv")?;
    let text = std::fs::read_to_string(table).expect("EXPECTED.tsv is readable");
    let row = text
        .lines()
        .filter(|l| !l.starts_with('#'))
        .map(|l| l.split('\t').collect::<Vec<_>>())
        .find(|cols| cols.first() == Some(&file))
        .unwrap_or_else(|| panic!("EXPECTED.tsv has no row for {file}"));
    let [_, form, footnotes, articles, id] = row.as_slice() else {
        panic!("EXPECTED.tsv row for {file} has not five columns: {row:?}");
    };
    Some(Expected {
        form: form.to_string(),
        footnotes: footnotes.parse().expect("a footnote count"),
        articles: articles.parse().ok(),
        id: id.to_string(),
    })
}

/// The format a form of `EXPECTED.tsv` is read as.
fn format_of(form: &str) -> SourceFormat {
    if form.ends_with("html") {
        SourceFormat::Html
    } else if form.starts_with("formex") {
        SourceFormat::Formex
    } else if form.starts_with("akn") {
        SourceFormat::Akn
    } else {
        panic!("a form this test does not know: {form}")
    }
}

/// Ids compared as the scorer compares them: without spaces, in any case.
fn same_id(a: &str, b: &str) -> bool {
    let squash = |s: &str| {
        s.chars()
            .filter(|c| !c.is_whitespace())
            .flat_map(char::to_lowercase)
            .collect::<String>()
    };
    squash(a) == squash(b)
}

fn check_file(file: &str) {
    let test = format!("formats::{}", file.replace(['-', '.'], "_"));
    let Some(want) = expected(&test, file) else {
        return;
    };
    let Some(path) = shared_file(&test, &format!("formats/{file}")) else {
        return;
    };
    let e = eurodoc::extract_file(&path).unwrap_or_else(|err| panic!("{file}: {err}"));
    assert_valid(&serde_json::to_value(&e).expect("serialises"));
    assert_eq!(e.source.format, format_of(&want.form), "{file}: format");
    let footnotes = e.footnotes.len();
    assert!(
        footnotes.abs_diff(want.footnotes) * 20 <= want.footnotes,
        "{file}: {footnotes} footnotes, {} expected (within 5 %)",
        want.footnotes
    );
    if let Some(articles) = want.articles {
        let found = e
            .sections
            .iter()
            .filter(|s| s.number.starts_with("Article "))
            .count();
        assert!(
            found * 100 >= articles * 95,
            "{file}: {found} articles, at least 95 % of {articles} expected"
        );
    }
    let m = &e.metadata;
    let ids = [&m.act, &m.commission_reference, &m.council_number];
    assert!(
        ids.iter()
            .any(|id| id.as_deref().is_some_and(|id| same_id(id, &want.id))),
        "{file}: id {} not in the metadata (act {:?}, COM {:?})",
        want.id,
        m.act,
        m.commission_reference
    );
    assert!(
        m.title.as_deref().is_some_and(|t| !t.trim().is_empty()),
        "{file}: no title"
    );
    assert!(e.quality.is_empty(), "{file}: anomalies {:#?}", e.quality);
}

macro_rules! formats {
    ($($test:ident => $file:literal),* $(,)?) => {
        $(
            #[test]
            fn $test() {
                check_file($file);
            }
        )*
    };
}

formats! {
    oj_act_html => "eurlex-32022R0868-en.html",
    consolidated_html => "eurlex-02002L0058-20091219-en.html",
    commission_html => "com-2025-1-en.html",
    formex_gdpr => "fmx-32016R0679.xml",
    formex_interoperable_europe => "fmx-32024R0903.xml",
    formex_combined_ai_act_pl => "fmx-32024R1689-pl.xml",
    akn4eu_proposal => "akn4eu-com-2025-162-en.xml",
}

/// `com-2022-209-en.html`, a proposal with its memorandum, financial statement and annexes,
/// whose notes restart at 1 in the annexes: every note finds its call; the sections Word
/// sets as plain paragraphs or in split spans are read (Chapter II's Sections 1 to 6), and
/// its Chapters III and IV each have a `Section 4 Cooperation`, two sections, no anomaly.
#[test]
fn commission_html_with_annexes() {
    let file = "com-2022-209-en.html";
    check_file(file);
    let Some(path) = shared_file(
        "formats::commission_html_with_annexes",
        &format!("formats/{file}"),
    ) else {
        return;
    };
    let e = eurodoc::extract_file(&path).unwrap_or_else(|err| panic!("{file}: {err}"));
    assert!(e.footnotes.iter().all(|f| !f.calls.is_empty()));
    let under = |parent: &str| -> Vec<String> {
        e.sections
            .iter()
            .filter(|s| s.parent.as_deref() == Some(parent) && s.number.starts_with("Section "))
            .map(|s| s.number.clone())
            .collect()
    };
    let sections = |n: usize| (1..=n).map(|k| format!("Section {k}")).collect::<Vec<_>>();
    assert_eq!(under("Chapter II"), sections(6));
    assert_eq!(under("Chapter III"), sections(4));
    assert_eq!(under("Chapter IV"), sections(8));
}

fn articles(e: &Extraction) -> Vec<(String, String)> {
    e.sections
        .iter()
        .filter(|s| s.number.starts_with("Article "))
        .map(|s| (s.number.clone(), s.title.clone()))
        .collect()
}

fn reference_ids(e: &Extraction) -> BTreeSet<String> {
    e.references.iter().map(|r| r.id.clone()).collect()
}

/// The GDPR as Formex and as its Official Journal PDF: the same articles, number and title,
/// in the same order, and the same references.
#[test]
fn gdpr_formex_and_pdf_agree() {
    let test = "formats::gdpr_formex_and_pdf_agree";
    let (Some(fmx), Some(pdf)) = (
        shared_file(test, "formats/fmx-32016R0679.xml"),
        shared_file(test, "real/oj-l-2016-119-gdpr.pdf"),
    ) else {
        return;
    };
    let fmx = eurodoc::extract_file(&fmx).expect("the Formex reads");
    let pdf = eurodoc::extract_file(&pdf).expect("the PDF reads");
    let (a, b) = (articles(&fmx), articles(&pdf));
    assert_eq!(a.len(), 99);
    assert_eq!(a, b, "the articles differ");
    let (a, b) = (reference_ids(&fmx), reference_ids(&pdf));
    assert_eq!(
        a,
        b,
        "references only in the Formex: {:?}; only in the PDF: {:?}",
        a.difference(&b).collect::<Vec<_>>(),
        b.difference(&a).collect::<Vec<_>>()
    );
    assert_eq!(fmx.metadata.act, pdf.metadata.act);
    assert_eq!(fmx.metadata.adoption_date, pdf.metadata.adoption_date);
    assert_eq!(fmx.metadata.title, pdf.metadata.title);
}
