//! Fixture regression: every `fixtures/<name>/` holds one `input.*` file and the
//! `expected.json` it must give. [`run`] extracts the input and compares the result with the
//! expected file, ignoring `source.path`; with `bless` it rewrites the expected file instead.
//! The expected file holds the extraction's `quality`, so a fixture whose anomalies grow
//! fails, and [`Outcome::Fail`] names the new ones.
//!
//! A fixture over a genuine document does not carry the document: the publishers' files are
//! not ours to redistribute. Its folder holds `input.shared` instead, one line naming the file
//! inside the shared folder of the evaluation kit (`real/oj-l-2016-119-gdpr.pdf`); the caller
//! says where that folder is ([`shared_dir`] finds the usual place). Without it such a fixture
//! cannot run, and [`run`] says so with [`CheckError::SharedMissing`], which callers may treat
//! as a skip.

use std::path::{Path, PathBuf};

use crate::output::{Anomaly, AnomalyKind, AnomalyPlace, Extraction};
use crate::pipeline::extract_file;

/// A fixture directory.
#[derive(Debug, Clone)]
pub struct Fixture {
    pub name: String,
    /// The document: the folder's own `input.*`, or the shared file its `input.shared` names.
    pub input: PathBuf,
    pub expected: PathBuf,
    /// The input lives in the shared folder (named by `input.shared`), not in the fixture.
    pub shared: bool,
}

/// The name of the file that points a fixture at a document of the shared folder.
pub const SHARED_INPUT: &str = "input.shared";

/// The environment variable that names the shared folder.
pub const SHARED_ENV: &str = "EURODOC_SHARED";

/// The shared folder of the evaluation kit for the fixtures under `root`: `$EURODOC_SHARED`
/// when set, else `shared/` beside the repository that holds `root` (`fixtures/../../shared`).
pub fn shared_dir(root: &Path) -> PathBuf {
    if let Some(dir) = std::env::var_os(SHARED_ENV).filter(|v| !v.is_empty()) {
        return PathBuf::from(dir);
    }
    let root = std::path::absolute(root).unwrap_or_else(|_| root.to_path_buf());
    let repo = root.parent().unwrap_or(&root);
    repo.parent().unwrap_or(repo).join("shared")
}

/// The result of checking one fixture.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    Pass,
    /// The expected file was (re)written.
    Blessed,
    /// The output differs; `diff` is a unified diff, expected → actual, and `grown` the kinds
    /// of anomaly (`quality`) the output has more of than the expected file.
    Fail {
        diff: String,
        grown: Vec<Growth>,
    },
}

/// A kind of anomaly a fixture has more of than its expected file says.
#[derive(Debug, Clone, PartialEq)]
pub struct Growth {
    pub kind: AnomalyKind,
    pub expected: usize,
    pub actual: usize,
    /// The places the expected file does not list (among the places each lists).
    pub new_places: Vec<AnomalyPlace>,
}

impl std::fmt::Display for Growth {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} {} → {}", self.kind, self.expected, self.actual)
    }
}

/// The kinds of anomaly `got` has more of than the expected extraction `want` (JSON), with
/// the new places. An expected file without `quality` expects none.
pub fn anomalies_grown(want: &serde_json::Value, got: &Extraction) -> Vec<Growth> {
    let expected: Vec<Anomaly> = want
        .get("quality")
        .and_then(|q| serde_json::from_value(q.clone()).ok())
        .unwrap_or_default();
    got.quality
        .iter()
        .filter_map(|a| {
            let before = expected.iter().find(|e| e.kind == a.kind);
            let count = before.map_or(0, |e| e.count);
            (a.count > count).then(|| Growth {
                kind: a.kind,
                expected: count,
                actual: a.count,
                new_places: a
                    .places
                    .iter()
                    .filter(|p| !before.is_some_and(|e| e.places.contains(p)))
                    .cloned()
                    .collect(),
            })
        })
        .collect()
}

/// Why a fixture could not be checked at all.
#[derive(Debug, thiserror::Error)]
pub enum CheckError {
    #[error("cannot read fixtures in {}: {source}", dir.display())]
    Dir {
        dir: PathBuf,
        source: std::io::Error,
    },
    #[error("no fixtures in {}", .0.display())]
    NoFixtures(PathBuf),
    #[error("fixture {name}: {reason}")]
    Fixture { name: String, reason: String },
    /// The fixture's document is in the shared folder, which is not there.
    #[error(
        "fixture {name}: needs {} from the shared folder (set {SHARED_ENV} to where it is)",
        input.display()
    )]
    SharedMissing { name: String, input: PathBuf },
    #[error("fixture {name}: extraction failed: {source}")]
    Extract {
        name: String,
        #[source]
        source: crate::Error,
    },
}

/// Every fixture under `root`, sorted by name; `shared` is the folder `input.shared` files
/// name their documents in.
pub fn discover(root: &Path, shared: &Path) -> Result<Vec<Fixture>, CheckError> {
    let entries = std::fs::read_dir(root).map_err(|source| CheckError::Dir {
        dir: root.to_path_buf(),
        source,
    })?;
    let mut out = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|source| CheckError::Dir {
            dir: root.to_path_buf(),
            source,
        })?;
        if entry.path().is_dir() {
            out.push(load(&entry.path(), shared)?);
        }
    }
    if out.is_empty() {
        return Err(CheckError::NoFixtures(root.to_path_buf()));
    }
    out.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(out)
}

/// The fixture in directory `dir`: it must hold exactly one `input.*` file, its own document
/// or an `input.shared` naming one in `shared`.
pub fn load(dir: &Path, shared: &Path) -> Result<Fixture, CheckError> {
    let name = dir.file_name().map_or_else(
        || dir.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    let fail = |reason: String| CheckError::Fixture {
        name: name.clone(),
        reason,
    };
    let entries =
        std::fs::read_dir(dir).map_err(|e| fail(format!("cannot read directory: {e}")))?;
    let mut inputs: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.file_stem().is_some_and(|s| s == "input") && p.extension().is_some())
        .collect();
    inputs.sort();
    let input = match inputs.len() {
        0 => return Err(fail("no input.* file".into())),
        1 => inputs.remove(0),
        _ => return Err(fail(format!("several input files: {inputs:?}"))),
    };
    let is_shared = input.file_name().is_some_and(|n| n == SHARED_INPUT);
    let input = if is_shared {
        let text = std::fs::read_to_string(&input)
            .map_err(|e| fail(format!("cannot read {}: {e}", input.display())))?;
        let rel = text.trim();
        if rel.is_empty() || rel.contains("..") || Path::new(rel).is_absolute() {
            return Err(fail(format!(
                "{SHARED_INPUT} must name a file inside the shared folder, not {rel:?}"
            )));
        }
        shared.join(rel)
    } else {
        input
    };
    Ok(Fixture {
        name: name.clone(),
        input,
        expected: dir.join("expected.json"),
        shared: is_shared,
    })
}

/// The JSON a fixture is compared on: the extraction with `source.path` removed.
pub fn comparable_json(e: &Extraction) -> String {
    let mut e = e.clone();
    e.source.path = None;
    let mut s = serde_json::to_string_pretty(&e).expect("an extraction always serialises");
    s.push('\n');
    s
}

/// Check one fixture (or, with `bless`, rewrite its expected file).
pub fn run(f: &Fixture, bless: bool) -> Result<Outcome, CheckError> {
    if f.shared && !f.input.exists() {
        return Err(CheckError::SharedMissing {
            name: f.name.clone(),
            input: f.input.clone(),
        });
    }
    let got = extract_file(&f.input).map_err(|source| CheckError::Extract {
        name: f.name.clone(),
        source,
    })?;
    compare(f, &got, bless)
}

/// Compare an extraction of the fixture's input with its expected file (or, with `bless`,
/// write it as the expected file).
pub fn compare(f: &Fixture, got: &Extraction, bless: bool) -> Result<Outcome, CheckError> {
    let actual = comparable_json(got);
    if bless {
        std::fs::write(&f.expected, &actual).map_err(|e| CheckError::Fixture {
            name: f.name.clone(),
            reason: format!("cannot write {}: {e}", f.expected.display()),
        })?;
        return Ok(Outcome::Blessed);
    }
    let expected = std::fs::read_to_string(&f.expected).map_err(|e| CheckError::Fixture {
        name: f.name.clone(),
        reason: format!(
            "cannot read {}: {e} (run `eurodoc check --bless` to create it)",
            f.expected.display()
        ),
    })?;
    // Compare as JSON values, so formatting and float spelling do not matter.
    let want: serde_json::Value =
        serde_json::from_str(&expected).map_err(|e| CheckError::Fixture {
            name: f.name.clone(),
            reason: format!("{} is not valid JSON: {e}", f.expected.display()),
        })?;
    let mut want_obj = want.clone();
    if let Some(src) = want_obj.get_mut("source").and_then(|s| s.as_object_mut()) {
        src.insert("path".into(), serde_json::Value::Null);
    }
    let got_v: serde_json::Value = serde_json::from_str(&actual).expect("our own JSON parses");
    if got_v == want_obj {
        return Ok(Outcome::Pass);
    }
    // Diff both through `Value`, so keys sit in the same (sorted) order on both sides.
    let pretty = |v: &serde_json::Value| serde_json::to_string_pretty(v).unwrap_or_default() + "\n";
    Ok(Outcome::Fail {
        diff: unified_diff(&pretty(&want_obj), &pretty(&got_v), 200),
        grown: anomalies_grown(&want_obj, got),
    })
}

/// A unified diff of `expected` → `actual`, cut after `max_lines` lines.
pub fn unified_diff(expected: &str, actual: &str, max_lines: usize) -> String {
    let diff = similar::TextDiff::from_lines(expected, actual);
    let text = diff
        .unified_diff()
        .context_radius(3)
        .header("expected", "actual")
        .to_string();
    let total = text.lines().count();
    if total <= max_lines {
        return text;
    }
    let mut cut: String = text.lines().take(max_lines).collect::<Vec<_>>().join("\n");
    cut.push_str(&format!("\n... ({} more diff lines)\n", total - max_lines));
    cut
}
