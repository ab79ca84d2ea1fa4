//! The library's `quality` agrees with the evaluation kit's `selfcheck.py`, kind by kind, on
//! every document we have: the real documents and the seed fixture of the shared folder, our
//! fixtures, the renders, and the texts written to show each anomaly
//! (`tests/data/quality/`). The script runs as the kit ships it (`python3
//! ../shared/eval/selfcheck.py OUT.json --verbose`), once per document, and its counts are
//! compared with the library's for its thirteen kinds. Without the shared folder or
//! `python3` the test is skipped with a line saying so (a failure under
//! `EURODOC_REQUIRE_SHARED`).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use eurodoc::output::{AnomalyKind, Extraction};

use crate::util::{repo, shared_dir, shared_file, skip};

const TEST: &str = "quality::agrees_with_selfcheck";

/// Every document to compare on, each once.
fn documents() -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = Vec::new();
    let files_in = |out: &mut Vec<PathBuf>, dir: &Path, keep: &dyn Fn(&Path) -> bool| {
        let mut found: Vec<PathBuf> = std::fs::read_dir(dir)
            .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.is_file() && keep(p))
            .collect();
        found.sort();
        out.extend(found);
    };
    let shared = shared_dir();
    for sub in ["real", "fixtures"] {
        let dir = shared.join(sub);
        if dir.is_dir() {
            files_in(&mut out, &dir, &|p| {
                p.file_name().is_some_and(|n| n != "README.md")
            });
        } else {
            skip(TEST, &format!("{} is missing", dir.display()));
        }
    }
    // Our fixtures: their own inputs, and the shared files `input.shared` names.
    let fixtures = repo("fixtures");
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(&fixtures)
        .expect("fixtures/ is readable")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_dir())
        .collect();
    dirs.sort();
    for dir in dirs {
        let f = eurodoc::check::load(&dir, &shared).expect("a sound fixture");
        if f.input.is_file() {
            out.push(f.input);
        }
    }
    files_in(&mut out, &repo("tests/data/renders"), &|p| {
        p.extension().is_some_and(|e| e == "pdf")
    });
    files_in(&mut out, &repo("tests/data/quality"), &|_| true);
    // A shared document named by a fixture is the same file as in `real/`.
    let mut seen = std::collections::HashSet::new();
    out.retain(|p| seen.insert(std::fs::canonicalize(p).unwrap_or_else(|_| p.clone())));
    out
}

/// What `selfcheck.py --verbose` prints for one extraction: count per kind, and the whole
/// output to show when it disagrees.
fn selfcheck(script: &Path, json: &Path) -> (BTreeMap<String, usize>, String) {
    let out = Command::new("python3")
        .arg(script)
        .arg(json)
        .arg("--verbose")
        .output()
        .expect("python3 runs");
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(
        out.status.success(),
        "selfcheck.py failed on {}: {}",
        json.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    let mut counts = BTreeMap::new();
    for line in text.lines().filter(|l| !l.starts_with(' ')) {
        let mut words = line.split_whitespace();
        if let (Some(kind), Some(n), None) = (words.next(), words.next(), words.next()) {
            if kind != "anomalies" {
                counts.insert(kind.to_string(), n.parse().expect("a count"));
            }
        }
    }
    (counts, text)
}

/// One document: the library's extraction and what the script says of it.
struct Compared {
    path: PathBuf,
    extraction: Extraction,
    script: BTreeMap<String, usize>,
    text: String,
}

/// Extract `path`, write its JSON to `json`, and run the script on it.
fn compare(path: &Path, json: &Path, script: &Path) -> Result<Compared, String> {
    let extraction =
        eurodoc::extract_file(path).map_err(|err| format!("{}: {err}", path.display()))?;
    std::fs::write(json, serde_json::to_string(&extraction).unwrap()).unwrap();
    let (script, text) = selfcheck(script, json);
    Ok(Compared {
        path: path.to_path_buf(),
        extraction,
        script,
        text,
    })
}

fn library_counts(e: &Extraction) -> BTreeMap<String, usize> {
    // A body whose call the source says it left out (`call_omitted`) is no anomaly to the
    // library; the script, which cannot know, counts it as uncalled.
    let omitted = e
        .footnotes
        .iter()
        .filter(|f| f.call_omitted && f.calls.is_empty())
        .count();
    AnomalyKind::ALL
        .into_iter()
        .filter(|k| k.in_selfcheck())
        .map(|k| {
            let n = e
                .quality
                .iter()
                .find(|a| a.kind == k)
                .map_or(0, |a| a.count);
            let n = if k == AnomalyKind::FootnoteUncalled {
                n + omitted
            } else {
                n
            };
            (k.name().to_string(), n)
        })
        .collect()
}

#[test]
fn agrees_with_selfcheck() {
    if Command::new("python3").arg("--version").output().is_err() {
        skip(TEST, "python3 is missing");
        return;
    }
    let Some(script) = shared_file(TEST, "eval/selfcheck.py") else {
        return;
    };
    let docs = documents();
    let tmp = tempfile::tempdir().unwrap();
    // Two at a time: the machine has two cores, and the big PDFs take a while unoptimised.
    let results: Vec<Result<Compared, String>> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..2)
            .map(|k| {
                let (docs, tmp, script) = (&docs, tmp.path(), &script);
                scope.spawn(move || {
                    docs.iter()
                        .enumerate()
                        .skip(k)
                        .step_by(2)
                        .map(|(i, path)| compare(path, &tmp.join(format!("{i}.json")), script))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().expect("a worker finishes"))
            .collect()
    });
    let mut disagreements = Vec::new();
    let mut totals: BTreeMap<String, usize> = BTreeMap::new();
    let mut unclassified = Vec::new();
    for r in &results {
        let Compared {
            path,
            extraction: e,
            script,
            text,
        } = r
            .as_ref()
            .unwrap_or_else(|err| panic!("extraction failed: {err}"));
        let ours = library_counts(e);
        assert_eq!(
            script.keys().collect::<Vec<_>>(),
            ours.keys().collect::<Vec<_>>(),
            "selfcheck.py's kinds are not the library's thirteen"
        );
        if &ours != script {
            let differ: Vec<String> = ours
                .iter()
                .filter(|(k, n)| script.get(*k) != Some(n))
                .map(|(k, n)| format!("{k}: library {n}, selfcheck.py {}", script[k]))
                .collect();
            disagreements.push(format!(
                "{}: {}\nlibrary places: {:?}\nselfcheck.py:\n{text}",
                path.display(),
                differ.join("; "),
                e.quality
            ));
        }
        for (k, n) in ours {
            *totals.entry(k).or_default() += n;
        }
        if let Some(a) = e
            .quality
            .iter()
            .find(|a| a.kind == AnomalyKind::OtherWarning)
        {
            unclassified.push(format!("{}: {:?}", path.display(), a.places));
        }
    }
    assert!(
        disagreements.is_empty(),
        "{} of {} documents disagree with selfcheck.py:\n\n{}",
        disagreements.len(),
        results.len(),
        disagreements.join("\n\n")
    );
    assert!(
        unclassified.is_empty(),
        "warnings without a kind of their own:\n{}",
        unclassified.join("\n")
    );
    // The documents written to show the anomalies make every check count something, so
    // agreement is more than both saying zero (`celex-form` and `body-dropped` aside: no
    // reader writes them; the unit tests give them to the checks).
    for (kind, n) in &totals {
        if kind != "celex-form" && kind != "body-dropped" {
            assert!(
                *n > 0,
                "no document shows {kind}: the comparison proves nothing for it"
            );
        }
    }
    eprintln!(
        "quality: {} documents agree with selfcheck.py; anomalies by kind: {totals:?}",
        results.len()
    );
}
