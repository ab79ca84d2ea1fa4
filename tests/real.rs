//! Real documents (`fixtures/<name>/input.pdf` with the hand-written `checks.json` of the
//! evaluation kit): each is scored with the checklist scorer, as read with its tags and with
//! its tags stripped, so that both the structure-tree reader and the layout rules are held to
//! the bar of issue #11 (footnotes, calls, page furniture, headings).

use crate::realcheck::{Scores, check, share};
use crate::util::{assert_valid, repo};

/// Minimum shares per category. The first four are the reader's bar; the rest are floors at
/// the scores measured when the fixture was added, so that a regression shows.
struct Bar {
    name: &'static str,
    tagged: &'static [(&'static str, f64)],
    untagged: &'static [(&'static str, f64)],
}

const READER: [(&str, f64); 4] = [
    ("footnotes", 0.95),
    ("calls", 0.90),
    ("furniture", 1.0),
    ("sections", 0.95),
];

const BARS: &[Bar] = &[
    Bar {
        name: "com-2023-335-step",
        tagged: &[("references", 0.93), ("figures", 0.88)],
        untagged: &[("footnotes", 0.90), ("furniture", 1.0), ("sections", 0.95)],
    },
    Bar {
        name: "oj-l-277-2022-dsa",
        tagged: &[("references", 0.9), ("figures", 0.88)],
        untagged: &[("footnotes", 0.90), ("furniture", 1.0), ("sections", 0.95)],
    },
    Bar {
        name: "wp29-wp251rev01-profiling",
        tagged: &[("references", 0.5), ("figures", 1.0)],
        untagged: &[("footnotes", 0.90), ("furniture", 1.0), ("sections", 0.95)],
    },
];

fn checklist(name: &str) -> serde_json::Value {
    let path = repo("fixtures").join(name).join("checks.json");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).expect("the checklist is JSON")
}

fn input(name: &str) -> Vec<u8> {
    let path = repo("fixtures").join(name).join("input.pdf");
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
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

fn score(bytes: &[u8], name: &str) -> Scores {
    let got = eurodoc::pipeline::extract_bytes(bytes, Some("input.pdf"))
        .unwrap_or_else(|e| panic!("{name}: extraction failed: {e}"));
    let value = serde_json::to_value(&got).expect("serialises");
    assert_valid(&value);
    check(&value, &checklist(name))
}

fn assert_bar(scores: &Scores, bar: &[(&str, f64)], what: &str) {
    let mut missed = Vec::new();
    for &(category, min) in bar {
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

fn tagged(name: &str) {
    let scores = score(&input(name), name);
    assert_bar(&scores, &READER, &format!("{name} (tagged)"));
    assert_bar(&scores, bar(name).tagged, &format!("{name} (tagged)"));
}

fn untagged(name: &str) {
    let scores = score(&strip_tags(&input(name)), name);
    assert_bar(
        &scores,
        bar(name).untagged,
        &format!("{name} (tags stripped)"),
    );
}

#[test]
fn step_proposal_tagged() {
    tagged("com-2023-335-step");
}

#[test]
fn step_proposal_untagged() {
    untagged("com-2023-335-step");
}

#[test]
fn official_journal_act_tagged() {
    tagged("oj-l-277-2022-dsa");
}

#[test]
fn official_journal_act_untagged() {
    untagged("oj-l-277-2022-dsa");
}

#[test]
fn word_guidelines_tagged() {
    tagged("wp29-wp251rev01-profiling");
}

#[test]
fn word_guidelines_untagged() {
    untagged("wp29-wp251rev01-profiling");
}

#[test]
fn every_real_fixture_has_a_bar() {
    for entry in std::fs::read_dir(repo("fixtures")).expect("fixtures/ is readable") {
        let dir = entry.expect("an entry").path();
        if dir.join("checks.json").exists() {
            let name = dir.file_name().unwrap().to_string_lossy().into_owned();
            bar(&name);
        }
    }
}
