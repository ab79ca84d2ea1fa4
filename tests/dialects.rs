//! Differential test by notation (#12): `tests/data/dialects/com-2013-179--<dialect>.<ext>` is
//! `fixtures/com-2013-179/input.md` rewritten by `scripts/make-dialects.py` in the notation of
//! another producer — text copied from EUR-Lex (`eurlex.txt`, and `eurlex-caret.txt` as its act
//! pages copy: calls `(^1 )`, each body's marker on a line of its own), converter Markdown with
//! caret notes (`caret.md`, `caret-space.md`, `runon.md` with a page's bodies on one line) or
//! glued calls (`glued.md`), pdfminer's text of a PDF (`pdfminer.txt`), the cover note in a code
//! fence (`fenced.md`). The text and the footnote
//! numbering are the original's; only the notation differs. Each must give what the original
//! gives: the same footnotes (numbers, texts, number of calls), reference ids and figures.
//!
//! Sections and commitments are compared too, but only reported (printed, and listed in a
//! failure message), not asserted.

use std::collections::BTreeSet;
use std::path::Path;
use std::sync::OnceLock;

use serde_json::Value;

use crate::util::repo;

const FIXTURE: &str = "com-2013-179";

/// Text compared the way the evaluation kit compares it: case, spaces, hyphens, quotes and
/// punctuation ignored.
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

fn original() -> &'static Value {
    static ORIGINAL: OnceLock<Value> = OnceLock::new();
    ORIGINAL.get_or_init(|| extract(&repo("fixtures").join(FIXTURE).join("input.md")))
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

/// One line per difference between the two sets.
fn compare(out: &mut Vec<String>, what: &str, dialect: BTreeSet<String>, md: BTreeSet<String>) {
    for x in dialect.difference(&md) {
        out.push(format!("{what}: only in the dialect: {x}"));
    }
    for x in md.difference(&dialect) {
        out.push(format!("{what}: only in the original: {x}"));
    }
}

/// What the dialect's extraction and the original's disagree on: the differences asserted
/// (footnotes, references, figures) and those only reported (sections, commitments).
fn differences(dialect: &Value, md: &Value) -> (Vec<String>, Vec<String>) {
    let mut out = Vec::new();
    let numbers = |v: &Value| {
        items(v, "footnotes")
            .iter()
            .map(|x| s(x, "number"))
            .collect()
    };
    compare(&mut out, "footnote", numbers(dialect), numbers(md));
    for f in items(md, "footnotes") {
        let Some(g) = items(dialect, "footnotes")
            .iter()
            .find(|g| g["number"] == f["number"])
        else {
            continue;
        };
        // A footnote's text: one must start with the other (a converter may cut a URL).
        let (a, b) = (norm(&s(g, "text")), norm(&s(f, "text")));
        if !(a.starts_with(&b) || b.starts_with(&a)) || a.is_empty() {
            out.push(format!(
                "footnote {}: dialect {:?}, original {:?}",
                f["number"],
                s(g, "text"),
                s(f, "text")
            ));
        }
        let (a, b) = (items(g, "calls").len(), items(f, "calls").len());
        if a != b {
            out.push(format!(
                "footnote {}: {a} calls in the dialect, {b} in the original",
                f["number"]
            ));
        }
    }
    let refs = |v: &Value| items(v, "references").iter().map(|x| s(x, "id")).collect();
    compare(&mut out, "reference", refs(dialect), refs(md));
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
    compare(&mut out, "figure", figures(dialect), figures(md));

    let mut info = Vec::new();
    let sections = |v: &Value| {
        items(v, "sections")
            .iter()
            .map(|x| format!("{} {}", s(x, "number"), norm(&s(x, "title"))))
            .collect()
    };
    compare(&mut info, "section", sections(dialect), sections(md));
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
    compare(
        &mut info,
        "commitment",
        commitments(dialect),
        commitments(md),
    );
    (out, info)
}

/// Extract `tests/data/dialects/com-2013-179--<dialect>` and assert it reads as the original.
fn reads_as_original(dialect: &str) {
    let path = repo("tests/data/dialects").join(format!("{FIXTURE}--{dialect}"));
    assert!(
        path.is_file(),
        "{}: missing (made by `python3 scripts/make-dialects.py`)",
        path.display()
    );
    let (diffs, info) = differences(&extract(&path), original());
    let info = if info.is_empty() {
        String::new()
    } else {
        eprintln!(
            "{dialect}: sections and commitments differ (not asserted):\n  {}",
            info.join("\n  ")
        );
        format!(
            "\nnot asserted, sections and commitments:\n  {}",
            info.join("\n  ")
        )
    };
    assert!(
        diffs.is_empty(),
        "{dialect} does not read as {FIXTURE}/input.md: {} differences:\n  {}{info}",
        diffs.len(),
        diffs.join("\n  ")
    );
}

#[test]
fn eurlex_txt_reads_as_the_original() {
    reads_as_original("eurlex.txt");
}

#[test]
fn caret_md_reads_as_the_original() {
    reads_as_original("caret.md");
}

#[test]
fn caret_space_md_reads_as_the_original() {
    reads_as_original("caret-space.md");
}

#[test]
fn eurlex_caret_txt_reads_as_the_original() {
    reads_as_original("eurlex-caret.txt");
}

#[test]
fn runon_md_reads_as_the_original() {
    reads_as_original("runon.md");
}

#[test]
fn glued_md_reads_as_the_original() {
    reads_as_original("glued.md");
}

#[test]
fn pdfminer_txt_reads_as_the_original() {
    reads_as_original("pdfminer.txt");
}

#[test]
fn fenced_md_reads_as_the_original() {
    reads_as_original("fenced.md");
}
