//! The command line: exit status, messages, and the commands' output.

use crate::util::{assert_valid, eurodoc, repo, shared_file, stderr, stdout};

#[test]
fn extract_prints_valid_json() {
    let o = eurodoc(&["extract", "fixtures/com-2013-179/input.md"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("stdout is JSON");
    assert_valid(&v);
    assert_eq!(v["metadata"]["council_number"], "8410/13");
    assert_eq!(v["source"]["path"], "fixtures/com-2013-179/input.md");
    assert!(stdout(&o).lines().count() > 10, "pretty-printed by default");
}

#[test]
fn extract_compact_and_to_file() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out.json");
    let o = eurodoc(&[
        "extract",
        "fixtures/joint-communication/input.md",
        "--compact",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(o.stdout.is_empty());
    let text = std::fs::read_to_string(&out).unwrap();
    assert_eq!(text.lines().count(), 1);
    assert_valid(&serde_json::from_str(&text).unwrap());
}

fn assert_fails(args: &[&str], code: i32, needles: &[&str]) {
    let o = eurodoc(args);
    assert_eq!(o.status.code(), Some(code), "stderr: {}", stderr(&o));
    let err = stderr(&o);
    for n in needles {
        assert!(err.contains(n), "stderr {err:?} lacks {n:?}");
    }
    assert!(!err.contains("panicked"), "{err}");
}

#[test]
fn bad_inputs_get_one_clear_line() {
    let dir = tempfile::tempdir().unwrap();
    let p = |name: &str, bytes: &[u8]| {
        let path = dir.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        path.to_string_lossy().into_owned()
    };
    let empty = p("empty.md", b"");
    let binary = p("blob.bin", &[0u8, 1, 2, 3, 0xff, 0, 7, 8]);
    let latin1 = p("latin1.txt", b"Caf\xe9 au lait\n");
    let fake_pdf = p("report.pdf", b"<html>not a pdf</html>");
    let missing = dir.path().join("nope.md").to_string_lossy().into_owned();
    let folder = dir.path().to_string_lossy().into_owned();
    assert_fails(&["extract", &empty], 1, &["empty.md", "empty"]);
    assert_fails(&["extract", &binary], 1, &["blob.bin", "binary"]);
    assert_fails(
        &["extract", &latin1],
        1,
        &["latin1.txt", "not valid UTF-8", "offset 3"],
    );
    assert_fails(&["extract", &fake_pdf], 1, &["report.pdf", "not a PDF"]);
    assert_fails(&["extract", &missing], 1, &["nope.md", "cannot read"]);
    assert_fails(&["extract", &folder], 1, &["is a directory"]);
    for err in [&empty, &binary, &latin1, &fake_pdf, &missing, &folder] {
        let o = eurodoc(&["extract", err]);
        assert_eq!(
            stderr(&o).lines().count(),
            1,
            "one line for {err}: {}",
            stderr(&o)
        );
    }
}

#[test]
fn usage_errors_exit_2() {
    assert_fails(&["extract"], 2, &["FILE"]);
    assert_fails(&["extract", "a.md", "--bogus"], 2, &["--bogus"]);
    assert_fails(&["frobnicate"], 2, &["frobnicate"]);
}

#[test]
fn schema_command_prints_the_checked_in_schema() {
    let o = eurodoc(&["schema"]);
    assert!(o.status.success());
    let on_disk = std::fs::read_to_string(repo("schemas/eurodoc.schema.json")).unwrap();
    assert_eq!(stdout(&o), on_disk);
}

#[test]
fn check_reports_differences_and_bless_fixes_them() {
    let dir = tempfile::tempdir().unwrap();
    let fx = dir.path().join("one");
    std::fs::create_dir(&fx).unwrap();
    std::fs::copy(
        repo("fixtures/joint-communication/input.md"),
        fx.join("input.md"),
    )
    .unwrap();
    let root = dir.path().to_str().unwrap();

    // No expected file yet: an error, exit 1.
    let o = eurodoc(&["check", root]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stdout(&o).contains("ERROR"), "{}", stdout(&o));

    let o = eurodoc(&["check", root, "--bless"]);
    assert!(o.status.success(), "{}", stdout(&o));
    let o = eurodoc(&["check", root]);
    assert!(o.status.success(), "{}", stdout(&o));
    assert!(stdout(&o).contains("pass     one"));

    // A changed expectation is reported as a diff naming the changed value.
    let expected = fx.join("expected.json");
    let text = std::fs::read_to_string(&expected).unwrap();
    std::fs::write(&expected, text.replace("2016-04-06", "2016-04-07")).unwrap();
    let o = eurodoc(&["check", root]);
    assert_eq!(o.status.code(), Some(1));
    let out = stdout(&o);
    assert!(out.contains("FAIL     one"), "{out}");
    assert!(
        out.contains("-    \"commission_date\": \"2016-04-07\""),
        "{out}"
    );
    assert!(
        out.contains("+    \"commission_date\": \"2016-04-06\""),
        "{out}"
    );
}

/// A fixture whose extraction shows more anomalies than its expected file fails, naming the
/// kind and the new places before the diff.
#[test]
fn check_names_the_anomalies_a_fixture_gained() {
    let dir = tempfile::tempdir().unwrap();
    let fx = dir.path().join("gap");
    std::fs::create_dir(&fx).unwrap();
    let text = "# 1. Scope\n\nA plan<sup>1</sup> and a review<sup>3</sup>.\n\n\
                <sup>1</sup> One.\n\n<sup>3</sup> Three.\n";
    std::fs::write(fx.join("input.md"), text).unwrap();
    let root = dir.path().to_str().unwrap();
    let o = eurodoc(&["check", root, "--bless"]);
    assert!(o.status.success(), "{}", stdout(&o));
    // The expected file as it was before the gap: no anomaly.
    let expected = fx.join("expected.json");
    let mut want: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&expected).unwrap()).unwrap();
    assert_eq!(want["quality"][0]["kind"], "footnote-gap");
    want["quality"] = serde_json::json!([]);
    std::fs::write(&expected, serde_json::to_string_pretty(&want).unwrap()).unwrap();
    let o = eurodoc(&["check", root]);
    assert_eq!(o.status.code(), Some(1));
    let out = stdout(&o);
    assert!(
        out.contains("FAIL     gap\n  more anomalies: footnote-gap 0 → 1\n    new: § 1, block 2, footnote 2: footnote 2 is missing\n"),
        "{out}"
    );
}

/// A fixture over a document of the shared folder (`input.shared`) reads it from there; where
/// the folder lacks it the fixture is skipped with a line naming it, or fails when required.
#[test]
fn check_reads_shared_inputs_and_skips_them_when_absent() {
    let dir = tempfile::tempdir().unwrap();
    let (fixtures, shared) = (dir.path().join("fixtures"), dir.path().join("kit"));
    std::fs::create_dir_all(fixtures.join("one")).unwrap();
    std::fs::create_dir_all(shared.join("real")).unwrap();
    std::fs::write(fixtures.join("one/input.shared"), "real/note.md\n").unwrap();
    let (root, kit) = (fixtures.to_str().unwrap(), shared.to_str().unwrap());

    let o = eurodoc(&["check", root, "--shared", kit]);
    assert!(o.status.success(), "{}", stdout(&o));
    let out = stdout(&o);
    assert!(out.contains("skip     fixture one: needs "), "{out}");
    assert!(out.contains("real/note.md"), "{out}");
    assert!(out.contains("0 passed, 0 failed, 1 skipped"), "{out}");
    let o = eurodoc(&["check", root, "--shared", kit, "--require-shared"]);
    assert_eq!(o.status.code(), Some(1), "{}", stdout(&o));

    std::fs::copy(
        repo("fixtures/joint-communication/input.md"),
        shared.join("real/note.md"),
    )
    .unwrap();
    let o = eurodoc(&["check", root, "--shared", kit, "--bless"]);
    assert!(o.status.success(), "{}", stdout(&o));
    let o = eurodoc(&["check", root, "--shared", kit, "--require-shared"]);
    assert!(stdout(&o).contains("pass     one"), "{}", stdout(&o));
    let expected = std::fs::read_to_string(fixtures.join("one/expected.json")).unwrap();
    assert!(expected.contains("JOIN(2016) 18"), "the document was read");

    // A name that leaves the shared folder is refused.
    std::fs::write(fixtures.join("one/input.shared"), "../secret.md\n").unwrap();
    let o = eurodoc(&["check", root, "--shared", kit]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("inside the shared folder"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn check_on_a_folder_without_fixtures_fails() {
    let dir = tempfile::tempdir().unwrap();
    let o = eurodoc(&["check", dir.path().to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("no fixtures"));
}

#[test]
fn mentions_flattens_batch_output_and_skips_error_records() {
    let test = "mentions_flattens_batch_output_and_skips_error_records";
    let Some(dsa) = shared_file(test, "real/oj-l-277-2022-dsa.pdf") else {
        return;
    };
    let dsa = dsa.to_str().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let results = dir.path().join("batch.jsonl");
    let o = eurodoc(&[
        "batch",
        "--quiet",
        dsa,
        "no/such/file.pdf",
        "-o",
        results.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let o = eurodoc(&["mentions", results.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let rows: Vec<serde_json::Value> = stdout(&o)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let extraction: serde_json::Value = serde_json::from_str(
        std::fs::read_to_string(&results)
            .unwrap()
            .lines()
            .find(|l| !l.contains("\"error\""))
            .unwrap(),
    )
    .unwrap();
    let mentions: usize = extraction["references"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["mentions"].as_array().unwrap().len())
        .sum();
    assert_eq!(
        rows.len(),
        mentions,
        "one row per mention, none for the error"
    );
    assert!(rows.iter().all(|r| r["path"] == dsa));
    // A mention in an article paragraph is placed as the index places it.
    assert!(rows.iter().any(|r| {
        r["place"]
            .as_str()
            .is_some_and(|p| p.starts_with("Article ") && p.ends_with(')'))
            && r["page"].as_u64().is_some()
    }));

    let o = eurodoc(&["mentions", "--csv", results.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let csv = stdout(&o);
    assert!(csv.starts_with(
        "path,sha256,reference,kind,celex,text,section,place,page,footnote,sentence\n"
    ));
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    assert_eq!(reader.records().count(), mentions);

    assert_fails(
        &["mentions", "Cargo.toml"],
        1,
        &["not a line of `eurodoc batch` output"],
    );
}

/// `eurodoc mentions RESULTS | head -1`: the reader going away ends the run quietly, whether
/// the closed pipe surfaces in the JSON or the CSV writer.
#[test]
fn mentions_stops_quietly_when_the_reader_goes_away() {
    use std::io::Read;
    use std::process::{Command, Stdio};
    let dir = tempfile::tempdir().unwrap();
    let results = dir.path().join("batch.jsonl");
    let o = eurodoc(&[
        "batch",
        "--quiet",
        "fixtures",
        "-o",
        results.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    for csv in [false, true] {
        let mut args = vec!["mentions", results.to_str().unwrap()];
        if csv {
            args.push("--csv");
        }
        let mut child = Command::new(env!("CARGO_BIN_EXE_eurodoc"))
            .args(&args)
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut first = [0u8; 64];
        child
            .stdout
            .as_mut()
            .unwrap()
            .read_exact(&mut first)
            .unwrap();
        drop(child.stdout.take()); // the reader goes away after a few bytes
        let mut err = String::new();
        child
            .stderr
            .take()
            .unwrap()
            .read_to_string(&mut err)
            .unwrap();
        let status = child.wait().unwrap();
        assert!(status.success(), "csv={csv}: {status:?}, stderr {err:?}");
        assert!(err.is_empty(), "csv={csv}: stderr {err:?}");
    }
}
