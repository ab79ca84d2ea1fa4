//! Real documents (`../shared/real/`, with the hand-written checklists of the evaluation kit
//! in `../shared/eval/real/`), scored with the checklist scorer. The documents are not in the
//! repository (they are their publishers'); without the shared folder these tests are skipped
//! with a line saying so, and `EURODOC_REQUIRE_SHARED` (set by `.ci/run`) makes that a failure. PDFs are read with their tags and with
//! their tags stripped, so that both the structure-tree reader and the layout rules are held to
//! the bar of issue #11; texts (EUR-Lex copies, converter Markdown, pdfminer lines) to the bar
//! of issue #12 (footnotes, calls, page furniture, headings).

use crate::realcheck::{Scores, check, share};
use std::path::PathBuf;
use std::sync::{Mutex, OnceLock};

use crate::util::{assert_valid, shared_file, skip};

/// Minimum shares per category. The first four are the reader's bar; the rest are floors at
/// the scores measured when the fixture was added, so that a regression shows.
struct Bar {
    name: &'static str,
    as_given: &'static [(&'static str, f64)],
    untagged: &'static [(&'static str, f64)],
}

const READER: [(&str, f64); 4] = [
    ("footnotes", 0.95),
    ("calls", 0.90),
    ("furniture", 1.0),
    ("sections", 0.95),
];

/// The layout rules alone (structure tree removed): the reader's bar, footnotes a little lower.
const UNTAGGED: &[(&str, f64)] = &[("footnotes", 0.90), ("furniture", 1.0), ("sections", 0.95)];

const BARS: &[Bar] = &[
    Bar {
        name: "com-2019-640-green-deal-pdf",
        as_given: &[
            ("metadata", 1.0),
            ("references", 1.0),
            ("figures", 1.0),
            ("commitments", 1.0),
            ("planned", 1.0),
        ],
        untagged: UNTAGGED,
    },
    Bar {
        name: "com-2022-496-ai-liability-directive",
        as_given: &[
            ("metadata", 1.0),
            ("references", 1.0),
            ("figures", 1.0),
            ("commitments", 1.0),
        ],
        untagged: UNTAGGED,
    },
    Bar {
        name: "oj-l-2016-119-gdpr",
        as_given: &[("references", 1.0), ("figures", 1.0)],
        untagged: UNTAGGED,
    },
    Bar {
        name: "pe-cons-43-24-esg-ratings",
        as_given: &[("metadata", 1.0), ("references", 1.0), ("figures", 1.0)],
        untagged: UNTAGGED,
    },
    Bar {
        name: "com-2019-640-green-deal",
        as_given: &[
            ("references", 1.0),
            ("figures", 1.0),
            ("metadata", 1.0),
            ("commitments", 1.0),
            ("planned", 1.0),
        ],
        untagged: &[],
    },
    Bar {
        name: "oj-l-2021-243-climate-law",
        as_given: &[("references", 1.0), ("figures", 1.0)],
        untagged: &[],
    },
    Bar {
        name: "com-2023-335-step-p1-9",
        as_given: &[("references", 1.0), ("figures", 1.0), ("commitments", 1.0)],
        untagged: &[],
    },
    Bar {
        name: "com-2020-381-farm-to-fork-brochure",
        as_given: &[
            ("references", 1.0),
            ("figures", 1.0),
            ("commitments", 1.0),
            ("planned", 1.0),
        ],
        untagged: &[],
    },
    Bar {
        name: "com-2023-335-step",
        as_given: &[
            ("references", 1.0),
            ("figures", 1.0),
            ("metadata", 1.0),
            ("commitments", 1.0),
            ("planned", 1.0),
        ],
        untagged: UNTAGGED,
    },
    Bar {
        name: "oj-l-277-2022-dsa",
        as_given: &[("references", 1.0), ("figures", 1.0)],
        untagged: UNTAGGED,
    },
    Bar {
        name: "wp29-wp251rev01-profiling",
        as_given: &[
            ("references", 1.0),
            ("figures", 1.0),
            ("metadata", 1.0),
            ("commitments", 1.0),
        ],
        untagged: UNTAGGED,
    },
];

/// The checklist `eval/real/NAME.checks.json`, or `None` (the test skipped) without the
/// shared folder.
fn checklist(name: &str) -> Option<serde_json::Value> {
    checklist_for(name, name)
}

/// [`checklist`], skipping `test` without it.
fn checklist_for(test: &str, name: &str) -> Option<serde_json::Value> {
    let path = shared_file(test, &format!("eval/real/{name}.checks.json"))?;
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    Some(serde_json::from_str(&text).expect("the checklist is JSON"))
}

/// The document a checklist is written for (its `document`, a file of `real/`): its file name
/// and bytes, or `None` (the test skipped) without the shared folder.
fn input(test: &str, name: &str) -> Option<(String, Vec<u8>)> {
    let chk = checklist_for(test, name)?;
    let file = chk["document"]
        .as_str()
        .unwrap_or_else(|| panic!("{name}: the checklist names no document"));
    let path = shared_file(test, &format!("real/{file}"))?;
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    Some((file.to_string(), bytes))
}

/// The same PDF without its structure tree: the catalog's `/StructTreeRoot` and `/MarkInfo`
/// removed, as a producer that does not tag would leave it.
fn strip_tags(bytes: &[u8]) -> Vec<u8> {
    let mut doc = lopdf::Document::load_mem(bytes).expect("the fixture loads");
    let catalog = doc.catalog_mut().expect("the fixture has a catalog");
    assert!(
        catalog.remove(b"StructTreeRoot").is_some(),
        "the fixture is tagged"
    );
    catalog.remove(b"MarkInfo");
    let mut out = Vec::new();
    doc.save_to(&mut out).expect("the stripped PDF saves");
    out
}

fn score(bytes: &[u8], file: &str, name: &str) -> Scores {
    let got = eurodoc::pipeline::extract_bytes(bytes, Some(file))
        .unwrap_or_else(|e| panic!("{name}: extraction failed: {e}"));
    let value = serde_json::to_value(&got).expect("serialises");
    assert_valid(&value);
    check(&value, &checklist(name).expect("read before the document"))
}

/// Hold `scores` to `bar`. The reader's bar applies to what a checklist checks; a fixture's own
/// bar names categories its checklist has, and one it does not have fails (a bar that cannot
/// fail is no bar).
fn assert_bar(scores: &Scores, bar: &[(&str, f64)], what: &str) {
    hold(scores, bar, what, true)
}

/// The reader's bar, on the categories the checklist has.
fn assert_reader_bar(scores: &Scores, what: &str) {
    hold(scores, &READER, what, false)
}

fn hold(scores: &Scores, bar: &[(&str, f64)], what: &str, must_check: bool) {
    let mut missed = Vec::new();
    for &(category, min) in bar {
        if must_check && !scores.contains_key(category) {
            missed.push(format!("{category}: not in the checklist"));
            continue;
        }
        let got = share(scores, category);
        if got + 1e-9 < min {
            let fails = scores.get(category).map_or(&[][..], |s| &s.2[..]);
            missed.push(format!(
                "{category}: {got:.3} < {min}\n    {}",
                fails
                    .iter()
                    .take(8)
                    .cloned()
                    .collect::<Vec<_>>()
                    .join("\n    ")
            ));
        }
    }
    assert!(missed.is_empty(), "{what}:\n{}", missed.join("\n"));
}

fn bar(name: &str) -> &'static Bar {
    BARS.iter()
        .find(|b| b.name == name)
        .unwrap_or_else(|| panic!("no bar for {name}"))
}

fn as_given(name: &str) {
    let Some((file, bytes)) = input(&format!("{name} (as given)"), name) else {
        return;
    };
    let scores = score(&bytes, &file, name);
    assert_reader_bar(&scores, &format!("{name} (as given)"));
    assert_bar(&scores, bar(name).as_given, &format!("{name} (as given)"));
}

fn untagged(name: &str) {
    let Some((file, bytes)) = input(&format!("{name} (tags stripped)"), name) else {
        return;
    };
    let scores = score(&strip_tags(&bytes), &file, name);
    assert_bar(
        &scores,
        bar(name).untagged,
        &format!("{name} (tags stripped)"),
    );
}

#[test]
fn step_proposal_tagged() {
    as_given("com-2023-335-step");
}

#[test]
fn step_proposal_untagged() {
    untagged("com-2023-335-step");
}

#[test]
fn official_journal_act_tagged() {
    as_given("oj-l-277-2022-dsa");
}

#[test]
fn official_journal_act_untagged() {
    untagged("oj-l-277-2022-dsa");
}

#[test]
fn word_guidelines_tagged() {
    as_given("wp29-wp251rev01-profiling");
}

#[test]
fn word_guidelines_untagged() {
    untagged("wp29-wp251rev01-profiling");
}

#[test]
fn mac_resaved_communication() {
    as_given("com-2019-640-green-deal-pdf");
}

#[test]
fn mac_resaved_communication_untagged() {
    untagged("com-2019-640-green-deal-pdf");
}

#[test]
fn eur_lex_proposal() {
    as_given("com-2022-496-ai-liability-directive");
}

#[test]
fn eur_lex_proposal_untagged() {
    untagged("com-2022-496-ai-liability-directive");
}

/// Official Journal 2016: footnote numbers restart on every page.
#[test]
fn per_page_footnotes_act() {
    as_given("oj-l-2016-119-gdpr");
}

#[test]
fn per_page_footnotes_act_untagged() {
    untagged("oj-l-2016-119-gdpr");
}

#[test]
fn council_pe_cons() {
    as_given("pe-cons-43-24-esg-ratings");
}

#[test]
fn council_pe_cons_untagged() {
    untagged("pe-cons-43-24-esg-ratings");
}

#[test]
fn eur_lex_communication_text() {
    as_given("com-2019-640-green-deal");
}

#[test]
fn eur_lex_act_text() {
    as_given("oj-l-2021-243-climate-law");
}

#[test]
fn pdfminer_lines_without_form_feeds() {
    as_given("com-2023-335-step-p1-9");
}

/// The brochure's checklist leaves footnotes out (its converter lost some calls and turned
/// bodies into lists): the reader's bar applies to what it checks.
#[test]
fn converter_markdown() {
    as_given("com-2020-381-farm-to-fork-brochure");
}

/// The real PDFs as text converters write them (`pdftotext -layout` keeps columns and indents;
/// plain `pdftotext` sets numbers apart on lines of their own and the note numbers of a page
/// apart from their bodies), made at test time from the shared PDFs into the target folder
/// (needs poppler-utils; `scripts/convert-real.sh` makes the same files for a look), scored
/// with the PDF's checklist: the
/// text path must read what the PDF reader reads. The reader's bar where it is met, floors at
/// the measured scores where it is not yet (plain `pdftotext` bodies of Commission notes).
/// A fixture's name, the converter variant, the bar.
type Converted = (&'static str, &'static str, &'static [(&'static str, f64)]);

const CONVERTED: &[Converted] = &[
    (
        "com-2023-335-step",
        "pdftotext-layout",
        &[
            ("metadata", 1.0),
            ("footnotes", 1.0),
            ("calls", 0.75),
            ("sections", 0.95),
            ("furniture", 1.0),
            ("references", 1.0),
            ("figures", 1.0),
            ("commitments", 1.0),
        ],
    ),
    (
        "com-2023-335-step",
        "pdftotext",
        &[
            ("metadata", 1.0),
            ("footnotes", 0.43),
            ("calls", 0.31),
            ("sections", 0.87),
            ("references", 1.0),
            ("figures", 1.0),
            ("commitments", 1.0),
        ],
    ),
    (
        "oj-l-277-2022-dsa",
        "pdftotext-layout",
        &[
            ("footnotes", 0.95),
            ("calls", 0.92),
            ("sections", 1.0),
            ("furniture", 1.0),
            ("references", 1.0),
            ("figures", 1.0),
        ],
    ),
    (
        "oj-l-277-2022-dsa",
        "pdftotext",
        &[
            ("footnotes", 0.95),
            ("calls", 0.92),
            ("sections", 0.95),
            ("references", 1.0),
            ("figures", 1.0),
        ],
    ),
    (
        "wp29-wp251rev01-profiling",
        "pdftotext-layout",
        &[
            ("metadata", 1.0),
            ("footnotes", 0.95),
            ("calls", 0.8),
            ("sections", 0.95),
            ("furniture", 1.0),
            ("references", 1.0),
            ("commitments", 1.0),
        ],
    ),
    (
        "wp29-wp251rev01-profiling",
        "pdftotext",
        &[
            ("metadata", 1.0),
            ("footnotes", 0.79),
            ("calls", 0.62),
            ("sections", 0.82),
            ("furniture", 1.0),
            ("references", 1.0),
            ("commitments", 1.0),
        ],
    ),
];

/// `real/NAME.pdf` converted by `pdftotext` (`variant` is `pdftotext` or `pdftotext-layout`)
/// into the target folder, once per test run: the file name and its bytes, or `None` (the test
/// skipped) without the shared folder or `pdftotext`.
fn convert(name: &str, variant: &str) -> Option<(String, Vec<u8>)> {
    let test = format!("{name} ({variant})");
    let pdf = shared_file(&test, &format!("real/{name}.pdf"))?;
    let file = format!("{name}.{variant}.txt");
    let out = PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
        .join("converted")
        .join(&file);
    // Tests run in parallel: one conversion at a time, each file made once per run.
    static DONE: OnceLock<Mutex<Vec<String>>> = OnceLock::new();
    let mut done = DONE.get_or_init(Default::default).lock().unwrap();
    if !done.contains(&file) {
        std::fs::create_dir_all(out.parent().unwrap()).expect("the target folder is writable");
        let mut cmd = std::process::Command::new("pdftotext");
        if variant == "pdftotext-layout" {
            cmd.arg("-layout");
        }
        match cmd.arg(&pdf).arg(&out).status() {
            Ok(status) => assert!(status.success(), "pdftotext failed on {}", pdf.display()),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                skip(&test, "pdftotext is not installed (Debian: poppler-utils)");
                return None;
            }
            Err(e) => panic!("pdftotext: {e}"),
        }
        done.push(file.clone());
    }
    let bytes = std::fs::read(&out).unwrap_or_else(|e| panic!("{}: {e}", out.display()));
    Some((file, bytes))
}

fn converted(name: &str, variant: &str) {
    let (_, _, bar) = CONVERTED
        .iter()
        .find(|(n, v, _)| *n == name && *v == variant)
        .unwrap_or_else(|| panic!("no bar for {name} {variant}"));
    let Some((file, bytes)) = convert(name, variant) else {
        return;
    };
    checklist(name).expect("the shared folder is there");
    let scores = score(&bytes, &file, name);
    assert_bar(&scores, bar, &file);
}

#[test]
fn step_proposal_pdftotext_layout() {
    converted("com-2023-335-step", "pdftotext-layout");
}

#[test]
fn step_proposal_pdftotext() {
    converted("com-2023-335-step", "pdftotext");
}

#[test]
fn official_journal_act_pdftotext_layout() {
    converted("oj-l-277-2022-dsa", "pdftotext-layout");
}

#[test]
fn official_journal_act_pdftotext() {
    converted("oj-l-277-2022-dsa", "pdftotext");
}

#[test]
fn word_guidelines_pdftotext_layout() {
    converted("wp29-wp251rev01-profiling", "pdftotext-layout");
}

#[test]
fn word_guidelines_pdftotext() {
    converted("wp29-wp251rev01-profiling", "pdftotext");
}

/// Every checklist of the shared folder has a bar here: a real document added to the kit is
/// not left unscored.
#[test]
fn every_checklist_has_a_bar() {
    let Some(readme) = shared_file("every_checklist_has_a_bar", "real/README.md") else {
        return;
    };
    let dir = readme.parent().unwrap().parent().unwrap().join("eval/real");
    let mut names = 0;
    for entry in std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
        let file = entry.expect("an entry").file_name();
        if let Some(name) = file.to_string_lossy().strip_suffix(".checks.json") {
            bar(name);
            names += 1;
        }
    }
    assert!(names > 0, "no checklists in {}", dir.display());
}

/// A figure's or a mention's sentence is clean text: no footnote notation (`(^1)`, `[^1]`,
/// `<sup>`), code fence or running head left in it, on every real document and converted
/// variant.
#[test]
fn sentences_are_clean_text() {
    if shared_file("sentences_are_clean_text", "real/README.md").is_none() {
        return;
    }
    let mut inputs: Vec<(String, Vec<u8>)> = BARS
        .iter()
        .filter_map(|b| input("sentences_are_clean_text", b.name))
        .collect();
    inputs.extend(CONVERTED.iter().filter_map(|(n, v, _)| convert(n, v)));
    let residue = [
        "(^",
        "[^",
        "<sup>",
        "```",
        "Official Journal of the European Union L",
    ];
    let mut checked = 0;
    for (file, bytes) in &inputs {
        let got = eurodoc::pipeline::extract_bytes(bytes, Some(file)).expect("extracts");
        let sentences = got.figures.iter().map(|f| f.sentence.as_str()).chain(
            got.references
                .iter()
                .flat_map(|r| r.mentions.iter().map(|m| m.sentence.as_str())),
        );
        for s in sentences {
            checked += 1;
            for r in residue {
                assert!(!s.contains(r), "{file}: {r:?} left in {s:?}");
            }
        }
    }
    assert!(checked > 1000, "only {checked} sentences");
}

/// The Green Deal as a PDF re-saved on a Mac and as text copied from EUR-Lex: one document, so
/// the same footnotes (numbers, texts, calls), sections, references, figures and commitments.
/// The PDF lacks the annex: what the text finds in it is left out of the comparison.
#[test]
fn mac_pdf_reads_as_its_eur_lex_text() {
    use std::collections::BTreeMap;
    let test = "mac_pdf_reads_as_its_eur_lex_text";
    let (Some(pdf), Some(txt)) = (
        shared_file(test, "real/com-2019-640-green-deal.pdf"),
        shared_file(test, "real/com-2019-640-green-deal.txt"),
    ) else {
        return;
    };
    let extract = |p: &std::path::Path| {
        serde_json::to_value(eurodoc::extract_file(p).expect("extracts")).expect("serialises")
    };
    let (pdf, txt) = (extract(&pdf), extract(&txt));
    let norm = |s: &serde_json::Value| -> String {
        s.as_str()
            .unwrap_or("")
            .chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect()
    };
    let in_annex = |loc: &serde_json::Value| loc["section"].as_str() == Some("Annex");
    let list = |v: &serde_json::Value, key: &str| v[key].as_array().cloned().unwrap_or_default();
    // Each finding as a countable key, the annex's left out.
    type Keys = BTreeMap<String, usize>;
    let count = |keys: Vec<String>| -> Keys {
        let mut m = Keys::new();
        for k in keys {
            *m.entry(k).or_default() += 1;
        }
        m
    };
    let views = |v: &serde_json::Value| -> Vec<(&str, Keys)> {
        let sections = list(v, "sections")
            .iter()
            .filter(|s| s["number"] != "Annex")
            .map(|s| format!("{} {}", s["number"], norm(&s["title"])))
            .collect();
        let footnotes = list(v, "footnotes")
            .iter()
            .filter(|f| !list(f, "calls").iter().all(|c| in_annex(&c["location"])))
            .map(|f| {
                let text: String = norm(&f["text"]).chars().take(60).collect();
                format!("{} {} {} calls", f["number"], text, list(f, "calls").len())
            })
            .collect();
        let references = list(v, "references")
            .iter()
            .filter(|r| {
                list(r, "mentions")
                    .iter()
                    .any(|m| !in_annex(&m["location"]))
            })
            .map(|r| r["id"].as_str().unwrap_or("").to_string())
            .collect();
        let figures = list(v, "figures")
            .iter()
            .filter(|f| !in_annex(&f["location"]))
            .map(|f| format!("{} {}", f["value"], f["unit"]))
            .collect();
        let commitments = list(v, "commitments")
            .iter()
            .filter(|c| !in_annex(&c["location"]))
            .map(|c| format!("{} {} {}", c["section"], c["actor"], norm(&c["text"])))
            .collect();
        vec![
            ("sections", count(sections)),
            ("footnotes", count(footnotes)),
            ("references", count(references)),
            ("figures", count(figures)),
            ("commitments", count(commitments)),
        ]
    };
    let mut diffs = Vec::new();
    for ((what, a), (_, b)) in views(&pdf).into_iter().zip(views(&txt)) {
        assert!(!b.is_empty(), "the text gives no {what}");
        for (k, n) in &a {
            if b.get(k) != Some(n) {
                diffs.push(format!("{what}: PDF {n}x, text {:?}x: {k}", b.get(k)));
            }
        }
        for (k, n) in &b {
            if !a.contains_key(k) {
                diffs.push(format!("{what}: only in the text ({n}x): {k}"));
            }
        }
    }
    assert!(diffs.is_empty(), "{}", diffs.join("\n"));
}
