//! `eurodoc index`: references found whichever way they are written, incremental adds that
//! add nothing twice and replace exactly a changed document's rows, interrupted runs that
//! leave a sound index, and clear errors for files that are not an index.

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use eurodoc::index::{self, AddOptions, AddSummary, Index, Status};

use crate::util::{repo, shared_file, stderr, stdout};

/// A corpus folder of small fixtures (Markdown and text, quick to extract) and one PDF.
fn corpus() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (from, to) in [
        ("joint-communication/input.md", "joint.md"),
        ("references-variants/input.md", "refs.md"),
        ("references-plain/input.txt", "refs-plain.txt"),
        ("cover-note-plain/input.txt", "cover.txt"),
        ("commitments-variants/input.md", "commitments.md"),
        ("cover-note-libreoffice/input.pdf", "cover.pdf"),
    ] {
        std::fs::copy(repo(&format!("fixtures/{from}")), dir.path().join(to)).unwrap();
    }
    dir
}

fn add(db: &Path, folder: &Path, limit: Option<usize>) -> AddSummary {
    let mut index = Index::open(db).unwrap();
    let inputs = eurodoc::batch::collect_inputs(&[folder.to_path_buf()]);
    let mut failures = Vec::new();
    let summary = index::add_paths(
        &mut index,
        &inputs,
        &AddOptions { jobs: 2, limit },
        &mut |path, status| {
            if let Status::Failed { message, .. } = status {
                failures.push(format!("{path}: {message}"));
            }
        },
    )
    .unwrap();
    assert!(failures.is_empty(), "{failures:?}");
    summary
}

/// Every mention row with its document's path, in a stable order: the index's content.
fn mention_rows(db: &Path) -> Vec<String> {
    let conn = rusqlite::Connection::open(db).unwrap();
    let mut stmt = conn
        .prepare(
            "SELECT d.path, d.sha256, m.ref, m.seq, m.text, m.sentence
             FROM mentions m JOIN documents d ON d.id = m.document
             ORDER BY d.path, m.ref, m.seq",
        )
        .unwrap();
    stmt.query_map([], |r| {
        Ok(format!(
            "{} {} {} {} {} | {}",
            r.get::<_, String>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, String>(2)?,
            r.get::<_, i64>(3)?,
            r.get::<_, String>(4)?,
            r.get::<_, String>(5)?
        ))
    })
    .unwrap()
    .collect::<rusqlite::Result<_>>()
    .unwrap()
}

/// Panic unless the index passes its integrity check.
fn assert_sound(db: &Path) {
    let problems = Index::open_existing(db).unwrap().verify().unwrap();
    assert!(problems.is_empty(), "{problems:?}");
}

fn document_count(db: &Path) -> u64 {
    Index::open_existing(db).unwrap().stats().unwrap().documents
}

fn citing_paths(index: &Index, query: &str) -> (String, Vec<String>) {
    let q = index
        .query(query)
        .unwrap()
        .unwrap_or_else(|| panic!("{query} not found"));
    (q.id, q.documents.into_iter().map(|d| d.path).collect())
}

#[test]
fn a_reference_written_three_ways_finds_the_same_documents() {
    let dir = corpus();
    let db = dir.path().join("ix.sqlite");
    add(&db, dir.path(), None);
    let index = Index::open_existing(&db).unwrap();
    for spellings in [
        ["COM (2015) 185 final", "com(2015)185", "COM/2015/185"],
        ["Directive 2011/36/EU", "directive 2011/36/eu", "32011L0036"],
    ] {
        let found: Vec<_> = spellings.iter().map(|q| citing_paths(&index, q)).collect();
        assert!(
            !found[0].1.is_empty(),
            "{} has no citing documents",
            spellings[0]
        );
        assert!(
            found.iter().all(|f| f == &found[0]),
            "{spellings:?} gave {found:?}"
        );
    }
    // Spelling a reference the corpus does not hold finds nothing.
    assert!(index.query("COM(1999) 1").unwrap().is_none());
}

#[test]
fn re_adding_the_same_folder_adds_nothing() {
    let dir = corpus();
    let db = dir.path().join("ix.sqlite");
    let first = add(&db, dir.path(), None);
    assert_eq!((first.new, first.unchanged), (6, 0));
    let before = mention_rows(&db);
    assert!(!before.is_empty());
    let again = add(&db, dir.path(), None);
    assert_eq!(
        (again.new, again.replaced, again.unchanged),
        (0, 0, 6),
        "{again:?}"
    );
    assert_eq!(mention_rows(&db), before);
    assert_eq!(document_count(&db), 6);
}

#[test]
fn a_changed_document_replaces_exactly_its_rows() {
    let dir = corpus();
    let db = dir.path().join("ix.sqlite");
    add(&db, dir.path(), None);
    let changed = dir.path().join("joint.md");
    let changed_path = index::stored_path(&changed);
    let before = mention_rows(&db);
    let (before_changed, before_others): (Vec<_>, Vec<_>) = before
        .iter()
        .partition(|r| r.starts_with(&format!("{changed_path} ")));
    assert!(!before_changed.is_empty());

    let text = std::fs::read_to_string(&changed).unwrap();
    // COM(2015) 185 stays cited by another document; COM(2013) 48 was cited by this one only.
    let edited = text
        .replace("COM(2015) 185", "COM(2014) 154")
        .replace("COM(2013) 48", "COM(2013) 49")
        + "\nThe Commission refers to Directive 2012/29/EU.\n";
    std::fs::write(&changed, edited).unwrap();
    let s = add(&db, dir.path(), None);
    assert_eq!((s.new, s.replaced, s.unchanged), (0, 1, 5), "{s:?}");

    let after = mention_rows(&db);
    let (after_changed, after_others): (Vec<_>, Vec<_>) = after
        .iter()
        .partition(|r| r.starts_with(&format!("{changed_path} ")));
    assert_eq!(after_others, before_others, "other documents' rows changed");
    // The changed document's rows are what indexing it alone gives.
    let alone = tempfile::tempdir().unwrap();
    let alone_db = alone.path().join("alone.sqlite");
    let mut index = Index::open(&alone_db).unwrap();
    index::add_paths(
        &mut index,
        std::slice::from_ref(&changed),
        &AddOptions::default(),
        &mut |_, _| {},
    )
    .unwrap();
    let expected = mention_rows(&alone_db);
    assert_eq!(after_changed, expected.iter().collect::<Vec<_>>());
    assert!(
        after_changed
            .iter()
            .any(|r| r.contains("DIRECTIVE2012/29/EU"))
    );
    assert!(!after_changed.iter().any(|r| r.contains(" COM(2015)185 ")));
    // No reference is left that nothing cites.
    let conn = rusqlite::Connection::open(&db).unwrap();
    let uncited: i64 = conn
        .query_row(
            "SELECT COUNT(*) FROM refs WHERE key NOT IN (SELECT ref FROM citations)",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(uncited, 0);
}

#[test]
fn an_add_stopped_after_n_documents_is_completed_by_the_next() {
    let dir = corpus();
    let db = dir.path().join("ix.sqlite");
    let first = add(&db, dir.path(), Some(2));
    assert_eq!(first.new, 2);
    assert!(first.stopped_at_limit);
    assert_eq!(document_count(&db), 2);
    assert_sound(&db);
    let second = add(&db, dir.path(), None);
    assert_eq!((second.new, second.unchanged), (4, 2));

    let whole = dir.path().join("whole.sqlite");
    add(&whole, dir.path(), None);
    assert_eq!(mention_rows(&db), mention_rows(&whole));
}

/// A corpus big enough that indexing it takes a while: variants of the small fixtures, each
/// with its own content.
fn big_corpus(copies: usize) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let sources = [
        "joint-communication/input.md",
        "references-variants/input.md",
        "commitments-variants/input.md",
        "figures-variants/input.md",
    ];
    for i in 0..copies {
        for (j, s) in sources.iter().enumerate() {
            let text = std::fs::read_to_string(repo(&format!("fixtures/{s}"))).unwrap();
            let text = format!("{text}\nSee also COM({}) {}.\n", 2000 + i % 20, i + 1);
            std::fs::write(dir.path().join(format!("doc-{i:04}-{j}.md")), text).unwrap();
        }
    }
    dir
}

#[test]
fn an_add_killed_midway_leaves_a_sound_index_that_the_next_add_completes() {
    let dir = big_corpus(150);
    let db = dir.path().join("ix.sqlite");
    let mut child = Command::new(env!("CARGO_BIN_EXE_eurodoc"))
        .args(["index", "add", "--quiet", "--jobs", "2", "--db"])
        .arg(&db)
        .arg(dir.path())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Kill it (SIGKILL: no chance to clean up) once some documents are in.
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        let n =
            rusqlite::Connection::open_with_flags(&db, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
                .and_then(|c| {
                    c.query_row("SELECT COUNT(*) FROM documents", [], |r| r.get::<_, i64>(0))
                })
                .unwrap_or(0);
        if n >= 10 {
            break;
        }
        if Instant::now() > deadline || child.try_wait().unwrap().is_some() {
            let _ = child.kill();
            let out = child.wait_with_output().unwrap();
            panic!(
                "the add did not get going: {n} documents; {:?} {}",
                out.status,
                stderr(&out)
            );
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    assert!(
        child.try_wait().unwrap().is_none(),
        "the add finished before it could be killed: the corpus is too small"
    );
    child.kill().unwrap();
    child.wait().unwrap();

    let partial = document_count(&db);
    assert!((10..600).contains(&partial), "{partial} documents");
    assert_sound(&db);

    let out = Command::new(env!("CARGO_BIN_EXE_eurodoc"))
        .args(["index", "add", "--db"])
        .arg(&db)
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stderr(&out).contains(&format!("{partial} unchanged")),
        "{}",
        stderr(&out)
    );
    assert_eq!(document_count(&db), 600);

    let whole = dir.path().join("whole.sqlite");
    add(&whole, dir.path(), None);
    assert_eq!(mention_rows(&db), mention_rows(&whole));
}

#[test]
fn readers_during_an_add_disturb_nothing() {
    // The index sits in the folder being indexed and is also named as an input: it must
    // not be read as a document (closing it would drop SQLite's locks in the writer).
    let dir = big_corpus(100);
    let db = dir.path().join("ix.sqlite");
    let mut child = Command::new(env!("CARGO_BIN_EXE_eurodoc"))
        .args(["index", "add", "--jobs", "2", "--db"])
        .arg(&db)
        .arg(dir.path())
        .arg(&db)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut reads = 0;
    while child.try_wait().unwrap().is_none() {
        let out = index_cli(&db, &["stats", "--json"]);
        let err = stderr(&out);
        assert!(
            out.status.success() || err.contains("no index at"),
            "a reader failed: {err}"
        );
        reads += 1;
    }
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "{:?} {}", out.status, stderr(&out));
    assert!(reads > 1, "the add ended before any reader ran");
    assert_eq!(document_count(&db), 400);
    assert_sound(&db);
}

fn index_cli(db: &Path, args: &[&str]) -> std::process::Output {
    let mut all: Vec<&str> = vec!["index"];
    all.extend_from_slice(args);
    all.push("--db");
    all.push(db.to_str().unwrap());
    crate::util::eurodoc(&all)
}

#[test]
fn a_file_that_is_not_an_index_gets_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("text.sqlite"), b"this is not a database at all").unwrap();
    std::fs::copy(
        repo("fixtures/cover-note-libreoffice/input.pdf"),
        d.join("doc.pdf"),
    )
    .unwrap();
    let other = rusqlite::Connection::open(d.join("other.sqlite")).unwrap();
    other
        .execute_batch("CREATE TABLE songs (title TEXT); INSERT INTO songs VALUES ('x');")
        .unwrap();
    drop(other);
    // A real index, cut in half.
    let good = d.join("good.sqlite");
    add(&good, &repo("fixtures/com-2013-179"), None);
    let bytes = std::fs::read(&good).unwrap();
    assert!(bytes.len() > 8192);
    std::fs::write(d.join("cut.sqlite"), &bytes[..bytes.len() / 2]).unwrap();
    // An index from a future eurodoc.
    std::fs::copy(&good, d.join("future.sqlite")).unwrap();
    rusqlite::Connection::open(d.join("future.sqlite"))
        .unwrap()
        .execute(
            "UPDATE meta SET value = '99' WHERE key = 'schema_version'",
            [],
        )
        .unwrap();

    for (file, says) in [
        ("text.sqlite", "not an SQLite database"),
        ("doc.pdf", "not an SQLite database"),
        ("other.sqlite", "another application"),
        ("cut.sqlite", "damaged"),
        ("future.sqlite", "newer eurodoc"),
        ("missing.sqlite", "no index at"),
    ] {
        let db = d.join(file);
        for args in [&["stats"][..], &["query", "COM(2012) 85"]] {
            let out = index_cli(&db, args);
            assert_eq!(out.status.code(), Some(1), "{file} {args:?}");
            let err = stderr(&out);
            assert!(err.contains(says), "{file} {args:?}: {err}");
            assert!(
                err.contains(file),
                "{file}: the message names the file: {err}"
            );
            assert!(!err.contains("panicked"), "{err}");
        }
    }
    // Adding to a file that is not an index leaves it as it was.
    let before = std::fs::read(d.join("other.sqlite")).unwrap();
    let out = index_cli(
        &d.join("other.sqlite"),
        &[
            "add",
            repo("fixtures/joint-communication").to_str().unwrap(),
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(std::fs::read(d.join("other.sqlite")).unwrap(), before);
    assert!(
        !d.join("missing.sqlite").exists(),
        "a query created an index"
    );
}

#[test]
fn the_commands_answer_from_the_index() {
    let dir = corpus();
    let db = dir.path().join("ix.sqlite");
    let out = index_cli(&db, &["add", dir.path().to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stderr(&out).contains("6 new"), "{}", stderr(&out));

    let out = index_cli(&db, &["query", "com (2015) 185 final", "--json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let q: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(q["id"], "COM(2015) 185");
    assert_eq!(q["kind"], "COM");
    assert!(
        q["links"]["eurlex"]
            .as_str()
            .unwrap()
            .starts_with("https://eur-lex.europa.eu/")
    );
    let docs = q["documents"].as_array().unwrap();
    assert!(docs.len() >= 2, "{q}");
    for d in docs {
        let mentions = d["mentions"].as_array().unwrap();
        assert!(!mentions.is_empty());
        for m in mentions {
            assert!(m["sentence"].as_str().unwrap().contains("2015"), "{m}");
        }
    }

    // What COM(2016) 230 cites; the joint communication it cites is also in the corpus.
    let out = index_cli(&db, &["cites", "com(2016) 230 final", "--json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let c: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert!(c["path"].as_str().unwrap().ends_with("refs.md"));
    let refs = c["references"].as_array().unwrap();
    assert!(
        refs.iter()
            .any(|r| r["id"] == "JOIN(2016) 18" && r["in_corpus"] == true),
        "{c}"
    );
    assert!(
        refs.iter()
            .any(|r| r["id"] == "COM(2015) 185" && r["in_corpus"] == false),
        "{c}"
    );
    // By the end of its path, the same answer.
    let by_path = index_cli(&db, &["cites", "refs.md", "--json"]);
    assert_eq!(stdout(&by_path), stdout(&out));

    let out = index_cli(&db, &["top", "-n", "3", "--json"]);
    let top: Vec<serde_json::Value> = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(top.len(), 3);
    assert!(top[0]["documents"].as_u64() >= top[2]["documents"].as_u64());
    let out = index_cli(&db, &["top", "--kind", "directive", "--json"]);
    let top: Vec<serde_json::Value> = serde_json::from_str(&stdout(&out)).unwrap();
    assert!(!top.is_empty() && top.iter().all(|r| r["kind"] == "directive"));

    let out = index_cli(&db, &["export", "--format", "csv"]);
    let csv = stdout(&out);
    let mut lines = csv.lines();
    assert_eq!(
        lines.next(),
        Some("citing_path,citing_reference,cited,kind,mentions,cited_in_corpus")
    );
    let edges: Vec<&str> = lines.collect();
    let stats: serde_json::Value =
        serde_json::from_str(&stdout(&index_cli(&db, &["stats", "--json"]))).unwrap();
    assert_eq!(stats["documents"], 6);
    let out = index_cli(&db, &["export", "--format", "jsonl"]);
    let jsonl: Vec<serde_json::Value> = stdout(&out)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(jsonl.len(), edges.len());
    let mentions: u64 = jsonl.iter().map(|e| e["mentions"].as_u64().unwrap()).sum();
    assert_eq!(stats["mentions"].as_u64(), Some(mentions));
    assert!(
        jsonl
            .iter()
            .any(|e| e["cited"] == "JOIN(2016) 18" && e["cited_in_corpus"] == true)
    );

    let out = index_cli(&db, &["query", "COM(1999) 1"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("no indexed document cites"));
}

#[test]
fn a_batch_output_is_indexed_without_extracting_again() {
    let dir = corpus();
    let results = dir.path().join("results.jsonl");
    std::fs::write(dir.path().join("broken.pdf"), b"%PDF-1.4 nothing else").unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_eurodoc"))
        .args(["batch", "--quiet", "-o"])
        .arg(&results)
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "the broken PDF fails");

    let from = dir.path().join("from.sqlite");
    let out = index_cli(&from, &["add", "--from", results.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains("broken.pdf"), "{err}");
    assert!(err.contains("6 new"), "{err}");

    std::fs::remove_file(dir.path().join("broken.pdf")).unwrap();
    std::fs::remove_file(&results).unwrap();
    let extracted = dir.path().join("extracted.sqlite");
    add(&extracted, dir.path(), None);
    assert_eq!(mention_rows(&from), mention_rows(&extracted));
}

#[test]
fn content_indexed_under_another_path_is_not_indexed_twice() {
    let dir = corpus();
    let db = dir.path().join("ix.sqlite");
    add(&db, dir.path(), None);
    let joint = dir.path().join("joint.md");
    std::fs::copy(&joint, dir.path().join("joint-copy.md")).unwrap();
    let s = add(&db, dir.path(), None);
    assert_eq!((s.new, s.duplicates, s.unchanged), (0, 1, 6), "{s:?}");
    assert_eq!(document_count(&db), 6);

    // refs.md now holds the joint communication: its old rows go, nothing new comes.
    let refs = index::stored_path(&dir.path().join("refs.md"));
    assert!(mention_rows(&db).iter().any(|r| r.starts_with(&refs)));
    std::fs::copy(&joint, dir.path().join("refs.md")).unwrap();
    let s = add(&db, dir.path(), None);
    assert_eq!((s.new, s.duplicates, s.unchanged), (0, 2, 5), "{s:?}");
    assert_eq!(document_count(&db), 5);
    assert!(!mention_rows(&db).iter().any(|r| r.starts_with(&refs)));
    let index = Index::open_existing(&db).unwrap();
    assert!(!index.paths().unwrap().contains(&refs));
}

/// What version 3 added, taken away: an index as schema version 2 wrote it.
const DOWN_TO_V2: &str = "
    DROP TABLE anomaly_places;
    DROP TABLE anomalies;
    DROP INDEX documents_anomalies;
    ALTER TABLE documents DROP COLUMN anomalies;
    UPDATE meta SET value = '2' WHERE key = 'schema_version';
";

/// An index written by schema version 2 (no anomalies) is migrated when opened; its documents
/// count as not checked, and the next `add` of their files extracts them again, the same
/// rows coming back with their anomalies.
#[test]
fn a_version_2_index_is_migrated_and_its_documents_checked_again() {
    let tmp = tempfile::tempdir().unwrap();
    let db = tmp.path().join("old.sqlite");
    let folder = corpus();
    std::fs::copy(
        repo("tests/data/quality/anomalies.md"),
        folder.path().join("anomalies.md"),
    )
    .unwrap();
    add(&db, folder.path(), None);
    let before = mention_rows(&db);
    let checked = Index::open_existing(&db).unwrap().stats().unwrap();
    rusqlite::Connection::open(&db)
        .unwrap()
        .execute_batch(DOWN_TO_V2)
        .unwrap();
    let stats = Index::open(&db).unwrap().stats().unwrap();
    assert_eq!((stats.unchecked, stats.with_anomalies), (7, 0));
    assert_sound(&db);
    let s = add(&db, folder.path(), None);
    assert_eq!((s.replaced, s.unchanged), (7, 0), "{s:?}");
    assert_eq!(mention_rows(&db), before);
    assert_eq!(Index::open_existing(&db).unwrap().stats().unwrap(), checked);
    // Checked now: the next add extracts nothing.
    let s = add(&db, folder.path(), None);
    assert_eq!((s.replaced, s.unchanged), (0, 7), "{s:?}");
}

/// `stats` lists the documents with the most anomalies; `query` marks the mentions that stand
/// where the citing document's extraction shows anomalies.
#[test]
fn stats_and_query_show_where_extractions_cannot_be_trusted() {
    let folder = corpus();
    std::fs::copy(
        repo("tests/data/quality/anomalies.md"),
        folder.path().join("anomalies.md"),
    )
    .unwrap();
    let db = folder.path().join("ix.sqlite");
    add(&db, folder.path(), None);
    let index = Index::open_existing(&db).unwrap();
    let stats = index.stats().unwrap();
    assert_eq!(stats.unchecked, 0);
    let first = &stats.most_anomalies[0];
    assert!(first.path.ends_with("anomalies.md"), "{stats:?}");
    let extraction = eurodoc::extract_file(&folder.path().join("anomalies.md")).unwrap();
    let total: usize = extraction.quality.iter().map(|a| a.count).sum();
    assert_eq!(first.anomalies as usize, total);
    assert_eq!(first.kinds.len(), extraction.quality.len());
    assert!(
        stats
            .most_anomalies
            .windows(2)
            .all(|w| w[0].anomalies >= w[1].anomalies)
    );
    assert_eq!(stats.with_anomalies as usize, stats.most_anomalies.len());

    // COM(2012) 85 stands in section 1, beside converter notation and a footnote gap.
    let q = index.query("COM(2012) 85").unwrap().unwrap();
    let doc = q
        .documents
        .iter()
        .find(|d| d.path.ends_with("anomalies.md"))
        .expect("anomalies.md cites it");
    assert_eq!(doc.anomalies, Some(total as u32));
    let near = &doc.mentions[0].anomalies_near;
    assert!(near.contains(&"notation-residue".to_string()), "{near:?}");
    // A clean document cites COM(2015) 185: nothing near its mentions.
    let q = index.query("COM(2015) 185").unwrap().unwrap();
    for d in &q.documents {
        assert!(
            d.mentions.iter().all(|m| m.anomalies_near.is_empty()),
            "{d:?}"
        );
    }

    let out = index_cli(&db, &["query", "COM(2012) 85"]);
    let text = stdout(&out);
    assert!(
        text.contains("! its extraction shows anomalies near 1 of 1 mention"),
        "{text}"
    );
    assert!(text.contains("      ! near: "), "{text}");
    let out = index_cli(&db, &["stats"]);
    let text = stdout(&out);
    assert!(text.contains("documents with anomalies  "), "{text}");
    assert!(text.contains("anomalies.md"), "{text}");
}

/// An index written by schema version 1 (no recital or paragraph columns) is migrated in
/// place when opened, keeps its rows, and takes new documents with the new columns.
#[test]
fn a_version_1_index_is_migrated() {
    let tmp = tempfile::tempdir().unwrap();
    let db = tmp.path().join("old.sqlite");
    let folder = corpus();
    add(&db, folder.path(), None);
    let before = mention_rows(&db);
    {
        let conn = rusqlite::Connection::open(&db).unwrap();
        conn.execute_batch(DOWN_TO_V2).unwrap();
        conn.execute_batch(
            "ALTER TABLE mentions DROP COLUMN recital;
             ALTER TABLE mentions DROP COLUMN paragraph;
             UPDATE meta SET value = '1' WHERE key = 'schema_version';",
        )
        .unwrap();
    }
    let index = Index::open(&db).unwrap();
    drop(index);
    let conn = rusqlite::Connection::open(&db).unwrap();
    let version: String = conn
        .query_row(
            "SELECT value FROM meta WHERE key = 'schema_version'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(version, index::SCHEMA_VERSION.to_string());
    let nulls: i64 = conn
        .query_row(
            "SELECT count(*) FROM mentions WHERE recital IS NULL AND paragraph IS NULL",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert!(nulls > 0, "the old rows are there, the new columns empty");
    assert_eq!(mention_rows(&db), before);
}

/// An index of the shared Climate Law text (as `climate-law.txt`), with the folder that holds
/// it; `None` (the test skipped) without the shared folder.
fn climate_law_index(test: &str) -> Option<(tempfile::TempDir, Index)> {
    let text = shared_file(test, "real/oj-l-2021-243-climate-law.txt")?;
    let tmp = tempfile::tempdir().unwrap();
    let folder = tmp.path().join("docs");
    std::fs::create_dir(&folder).unwrap();
    std::fs::copy(text, folder.join("climate-law.txt")).unwrap();
    let db = tmp.path().join("acts.sqlite");
    add(&db, &folder, None);
    let index = Index::open_existing(&db).unwrap();
    Some((tmp, index))
}

/// A legal act's mentions carry the article, its paragraph and the recital that cite a
/// reference, and a query shows them.
#[test]
fn query_says_which_article_and_recital_cite() {
    let Some((_tmp, index)) = climate_law_index("query_says_which_article_and_recital_cite") else {
        return;
    };
    let q = index
        .query("Regulation (EU) 2018/1999")
        .unwrap()
        .expect("the reference is indexed");
    let mentions: Vec<_> = q.documents.iter().flat_map(|d| &d.mentions).collect();
    assert!(
        mentions
            .iter()
            .any(|m| m.section.as_deref() == Some("Article 13")),
        "Article 13 amends Regulation (EU) 2018/1999: {mentions:#?}"
    );
    assert!(
        mentions.iter().any(|m| m.recital.is_some()),
        "a recital cites it"
    );
}

/// `cites` lists, for each reference an act cites, the articles (with their paragraphs) and
/// recitals that cite it.
#[test]
fn cites_says_where_an_act_cites_each_reference() {
    let Some((_tmp, index)) = climate_law_index("cites_says_where_an_act_cites_each_reference")
    else {
        return;
    };
    let c = index
        .cites("climate-law.txt")
        .unwrap()
        .expect("the document is indexed");
    let cited = c
        .references
        .iter()
        .find(|r| r.id == "Regulation (EU) 2018/1999")
        .expect("the Governance Regulation is cited");
    assert!(
        cited.places.iter().any(|p| p.starts_with("Article 13")),
        "Article 13 amends it: {:?}",
        cited.places
    );
    assert!(
        cited.places.iter().any(|p| p.starts_with("recital (")),
        "a recital cites it: {:?}",
        cited.places
    );
    let mut seen = cited.places.clone();
    seen.dedup();
    assert_eq!(seen.len(), cited.places.len(), "each place once");
}

#[test]
fn places_read_as_a_reader_writes_them() {
    use eurodoc::index::place;
    assert_eq!(
        place(Some("Article 2"), None, Some(3), None).as_deref(),
        Some("Article 2(3)")
    );
    assert_eq!(
        place(Some("Chapter II"), Some(9), None, None).as_deref(),
        Some("recital (9)")
    );
    assert_eq!(
        place(Some("2.1"), None, None, Some(4)).as_deref(),
        Some("2.1, footnote 4")
    );
    assert_eq!(
        place(None, None, None, Some(4)).as_deref(),
        Some("footnote 4")
    );
    assert_eq!(place(None, None, None, None), None);
}
