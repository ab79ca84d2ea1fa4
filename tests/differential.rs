//! Differential test by producer: `tests/data/renders/<fixture>--<variant>.pdf` is
//! `fixtures/<fixture>/input.md` rendered by another producer and style (LibreOffice with other
//! fonts, no footnote separator, non-bold headings; pdfTeX and XeTeX with real `\footnote`;
//! WeasyPrint with CSS footnotes), made by `scripts/render-variants.sh`. Each render must give
//! what the Markdown gives: the same footnotes, sections, references, figures and commitments.
//!
//! Left out: `com-2013-179--weasy-sans10`, whose renderer dropped the body of footnote 4
//! (the PDF itself lacks it), and planned actions, whose annex grid the TeX and WeasyPrint
//! renders set without row rules (a known gap of the table reader).

use std::collections::BTreeSet;
use std::path::Path;

use serde_json::Value;

use crate::util::repo;

/// Text compared the way the evaluation kit compares it: case, spaces, hyphens, quotes and
/// punctuation ignored, so `tool-box` at a line end equals `toolbox`.
fn norm(s: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    s.nfkc()
        .flat_map(char::to_lowercase)
        .filter(|c| c.is_alphanumeric())
        .collect()
}

fn extract(path: &Path) -> Value {
    let got = eurodoc::extract_file(path)
        .unwrap_or_else(|e| panic!("{}: extraction failed: {e}", path.display()));
    serde_json::to_value(&got).expect("serialises")
}

fn items<'a>(v: &'a Value, key: &str) -> &'a [Value] {
    v[key].as_array().map_or(&[][..], Vec::as_slice)
}

fn s(v: &Value, key: &str) -> String {
    match &v[key] {
        Value::String(s) => s.clone(),
        Value::Null => String::new(),
        other => other.to_string(),
    }
}

/// What the two extractions disagree on, one line per difference.
fn differences(pdf: &Value, md: &Value) -> Vec<String> {
    let mut out = Vec::new();
    let mut compare = |what: &str, a: BTreeSet<String>, b: BTreeSet<String>| {
        for x in a.difference(&b) {
            out.push(format!("{what}: only in the PDF: {x}"));
        }
        for x in b.difference(&a) {
            out.push(format!("{what}: only in the Markdown: {x}"));
        }
    };
    let sections = |v: &Value| {
        items(v, "sections")
            .iter()
            .map(|x| format!("{} {}", s(x, "number"), norm(&s(x, "title"))))
            .collect()
    };
    compare("section", sections(pdf), sections(md));
    let refs = |v: &Value| items(v, "references").iter().map(|x| s(x, "id")).collect();
    compare("reference", refs(pdf), refs(md));
    let figures = |v: &Value| {
        let mut seen = BTreeSet::new();
        for x in items(v, "figures") {
            // Two figures of one value and unit are told apart by their order.
            let key = format!("{} {}", s(x, "value"), s(x, "unit"));
            let mut k = 0;
            while !seen.insert(format!("{key} #{k}")) {
                k += 1;
            }
        }
        seen
    };
    compare("figure", figures(pdf), figures(md));
    let commitments = |v: &Value| {
        items(v, "commitments")
            .iter()
            .map(|x| {
                format!(
                    "{} | {} | {}",
                    s(x, "section"),
                    s(x, "actor"),
                    norm(&s(x, "text"))
                )
            })
            .collect()
    };
    compare("commitment", commitments(pdf), commitments(md));
    let numbers = |v: &Value| {
        items(v, "footnotes")
            .iter()
            .map(|x| s(x, "number"))
            .collect()
    };
    compare("footnote", numbers(pdf), numbers(md));
    // A footnote's text: one must start with the other (the Markdown reader cuts a URL that
    // a converter wrapped; the PDF reader reads it whole).
    for f in items(md, "footnotes") {
        let other = items(pdf, "footnotes")
            .iter()
            .find(|g| g["number"] == f["number"]);
        if let Some(g) = other {
            let (a, b) = (norm(&s(g, "text")), norm(&s(f, "text")));
            if !(a.starts_with(&b) || b.starts_with(&a)) || a.is_empty() {
                out.push(format!(
                    "footnote {}: PDF {:?}, Markdown {:?}",
                    f["number"],
                    s(g, "text"),
                    s(f, "text")
                ));
            }
        }
    }
    out
}

#[test]
fn every_render_reads_as_its_source() {
    let dir = repo("tests/data/renders");
    let mut renders: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.expect("an entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "pdf"))
        .collect();
    renders.sort();
    assert!(renders.len() >= 20, "the renders are missing");
    let mut failures = Vec::new();
    let mut sources = std::collections::HashMap::new();
    for pdf in &renders {
        let name = pdf.file_stem().unwrap().to_string_lossy().into_owned();
        let (fixture, _variant) = name.split_once("--").expect("named <fixture>--<variant>");
        let md = sources
            .entry(fixture.to_string())
            .or_insert_with(|| extract(&repo("fixtures").join(fixture).join("input.md")));
        let diffs = differences(&extract(pdf), md);
        if !diffs.is_empty() {
            failures.push(format!("{name}:\n  {}", diffs.join("\n  ")));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} renders differ from their source:\n{}",
        failures.len(),
        renders.len(),
        failures.join("\n")
    );
}
