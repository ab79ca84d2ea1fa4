//! `eurodoc batch`: one line per input in path order, error records for bad inputs, the same
//! bytes for any number of jobs, no progress bar when stderr is not a terminal.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};

use crate::util::{assert_valid, repo, stderr};

/// A folder of good and bad inputs, with a subfolder and files the walk must skip.
fn mixed_folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::create_dir(d.join("sub")).unwrap();
    std::fs::create_dir(d.join(".hidden")).unwrap();
    let copy = |from: &str, to: &str| std::fs::copy(repo(from), d.join(to)).unwrap();
    copy("fixtures/joint-communication/input.md", "a.md");
    copy("fixtures/cover-note-libreoffice/input.pdf", "b.pdf");
    copy("fixtures/cover-note-plain/input.txt", "sub/c.txt");
    copy("fixtures/commitments-libreoffice/input.pdf", "sub/d");
    copy("fixtures/joint-communication/input.md", ".hidden/skip.md");
    std::fs::write(d.join("empty.md"), b"").unwrap();
    let pdf = std::fs::read(repo("fixtures/cover-note-libreoffice/input.pdf")).unwrap();
    std::fs::write(d.join("truncated.pdf"), &pdf[..pdf.len() / 3]).unwrap();
    std::fs::write(d.join("fake.pdf"), b"<html>not a pdf</html>").unwrap();
    std::fs::write(d.join("notes.log"), b"not a document").unwrap();
    dir
}

fn batch(args: &[&str], stdin: Option<&str>) -> std::process::Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_eurodoc"))
        .arg("batch")
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    if let Some(s) = stdin {
        child.stdin.take().unwrap().write_all(s.as_bytes()).unwrap();
    } else {
        drop(child.stdin.take());
    }
    child.wait_with_output().unwrap()
}

fn lines(out: &[u8]) -> Vec<serde_json::Value> {
    String::from_utf8_lossy(out)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not JSON ({e}): {l}")))
        .collect()
}

fn path_of(v: &serde_json::Value, root: &Path) -> String {
    let p = v["source"]["path"].as_str().unwrap();
    Path::new(p)
        .strip_prefix(root)
        .unwrap()
        .to_string_lossy()
        .into_owned()
}

#[test]
fn a_mixed_folder_gives_one_line_per_input() {
    let dir = mixed_folder();
    let out = dir.path().join("out.jsonl");
    let o = batch(
        &[dir.path().to_str().unwrap(), "-o", out.to_str().unwrap()],
        None,
    );
    assert_eq!(
        o.status.code(),
        Some(1),
        "some inputs failed: {}",
        stderr(&o)
    );
    let got = lines(&std::fs::read(&out).unwrap());
    let names: Vec<String> = got.iter().map(|v| path_of(v, dir.path())).collect();
    assert_eq!(
        names,
        vec![
            "a.md",
            "b.pdf",
            "empty.md",
            "fake.pdf",
            "sub/c.txt",
            "sub/d",
            "truncated.pdf"
        ]
    );
    let kinds: Vec<Option<&str>> = got.iter().map(|v| v["error"]["kind"].as_str()).collect();
    assert_eq!(
        kinds,
        vec![
            None,
            None,
            Some("empty"),
            Some("not_pdf"),
            None,
            None,
            Some("malformed_pdf")
        ]
    );
    for v in got.iter().filter(|v| v.get("error").is_none()) {
        assert_valid(v);
    }
    // Nothing left behind under a temporary name.
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().contains("partial"))
        .collect();
    assert!(leftovers.is_empty());
    // The summary counts them and the failures are named.
    let err = stderr(&o);
    assert!(err.contains("7 documents: 4 ok, 3 failed"), "{err}");
    assert!(
        err.contains("fake.pdf: the file is named .pdf but is not a PDF"),
        "{err}"
    );
}

#[test]
fn output_is_the_same_for_any_number_of_jobs() {
    let dir = mixed_folder();
    let root = dir.path().to_str().unwrap();
    let one = batch(&[root, "--jobs", "1", "--quiet"], None);
    let two = batch(&[root, "--jobs", "2", "--quiet"], None);
    assert!(!one.stdout.is_empty());
    assert!(one.stdout == two.stdout, "--jobs 1 and --jobs 2 differ");
    assert_eq!(
        stderr(&one),
        "7 documents, none with anomalies\n",
        "--quiet prints the one summary line"
    );
    assert_eq!(one.stderr, two.stderr);
}

/// The summary counts the documents whose extraction shows anomalies, by kind, most
/// documents first, and names a few of each; `--quiet` keeps the one line.
#[test]
fn the_summary_counts_documents_with_anomalies_by_kind() {
    let dir = mixed_folder();
    let d = dir.path();
    std::fs::copy(repo("tests/data/quality/anomalies.md"), d.join("x.md")).unwrap();
    let text = "# 1. Scope\n\nA plan<sup>1</sup> and a review<sup>3</sup>.\n\n\
                <sup>1</sup> One.\n\n<sup>3</sup> Three.\n";
    std::fs::write(d.join("y.md"), text).unwrap();
    let root = d.to_str().unwrap();
    let o = batch(&[root, "--quiet"], None);
    let quiet = stderr(&o);
    assert_eq!(quiet.lines().count(), 1, "{quiet}");
    assert!(
        quiet.starts_with("9 documents, 2 with anomalies: 2 footnote-gap, 1 footnote-uncalled, "),
        "{quiet}"
    );
    let o = batch(&[root], None);
    let err = stderr(&o);
    assert!(err.contains(&format!("\n{quiet}")), "{err}");
    let x = d.join("x.md");
    let y = d.join("y.md");
    assert!(
        err.contains(&format!(
            "\n  footnote-gap: {}, {}\n",
            x.display(),
            y.display()
        )),
        "{err}"
    );
}

#[test]
fn no_progress_bar_when_stderr_is_redirected() {
    let dir = mixed_folder();
    let o = batch(&[dir.path().to_str().unwrap()], None);
    let err = stderr(&o);
    assert!(!err.contains('\r') && !err.contains('\u{1b}'), "{err:?}");
    assert!(!err.contains("ETA"), "{err}");
    // stdout holds only the JSON lines.
    assert_eq!(lines(&o.stdout).len(), 7);
}

#[test]
fn paths_from_stdin_and_fail_fast() {
    let dir = mixed_folder();
    let d = dir.path();
    let list = format!(
        "{}\n{}\n\n{}\n",
        d.join("a.md").display(),
        d.join("fake.pdf").display(),
        d.join("sub/c.txt").display()
    );
    let o = batch(&["-", "--quiet"], Some(&list));
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(lines(&o.stdout).len(), 3);
    let o = batch(&["-", "--quiet", "--fail-fast", "--jobs", "1"], Some(&list));
    assert_eq!(o.status.code(), Some(1));
    let got = lines(&o.stdout);
    assert_eq!(got.len(), 2, "stops after the failure");
    assert_eq!(got[1]["error"]["kind"], "not_pdf");
}

#[test]
fn all_good_exits_zero_and_nothing_found_is_an_error() {
    let o = batch(
        &[
            repo("fixtures/joint-communication").to_str().unwrap(),
            "--quiet",
        ],
        None,
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(lines(&o.stdout).len(), 1);
    let empty = tempfile::tempdir().unwrap();
    let o = batch(&[empty.path().to_str().unwrap()], None);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("no documents found"));
    let o = batch(&[], None);
    assert_eq!(o.status.code(), Some(2), "a path is required");
}
