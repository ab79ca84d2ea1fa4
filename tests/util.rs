//! Shared helpers: paths, running the binary, schema validation.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::OnceLock;

/// A path inside the repository.
pub fn repo(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(rel)
}

/// Run the `eurodoc` binary with `args`.
pub fn eurodoc(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_eurodoc"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("the eurodoc binary runs")
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn validator() -> &'static jsonschema::Validator {
    static V: OnceLock<jsonschema::Validator> = OnceLock::new();
    V.get_or_init(|| {
        let text = std::fs::read_to_string(repo("schemas/eurodoc.schema.json"))
            .expect("schemas/eurodoc.schema.json is readable");
        let schema: serde_json::Value = serde_json::from_str(&text).expect("the schema is JSON");
        jsonschema::validator_for(&schema).expect("the schema compiles")
    })
}

/// Errors validating `value` against the checked-in schema (empty when valid).
pub fn schema_errors(value: &serde_json::Value) -> Vec<String> {
    validator()
        .iter_errors(value)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect()
}

/// Panic unless `value` validates against the checked-in schema.
pub fn assert_valid(value: &serde_json::Value) {
    let errors = schema_errors(value);
    assert!(
        errors.is_empty(),
        "output does not match the schema:\n{}",
        errors.join("\n")
    );
}

/// The evaluation kit's shared folder, found as `eurodoc check` finds it (`$EURODOC_SHARED`,
/// else `../shared` beside the repository).
pub fn shared_dir() -> PathBuf {
    eurodoc::check::shared_dir(&repo("fixtures"))
}

/// Whether what the real-document tests need (the shared folder, `pdftotext`) must be there:
/// `EURODOC_REQUIRE_SHARED` set, as `.ci/run` sets it, turns a skip into a failure.
pub fn shared_required() -> bool {
    std::env::var_os("EURODOC_REQUIRE_SHARED").is_some_and(|v| !v.is_empty() && v != "0")
}

/// Skip `test` for `why`: one line on stderr, written past the test harness's capture so that
/// it shows in a passing run. Panics instead when [`shared_required`].
pub fn skip(test: &str, why: &str) {
    use std::io::Write;
    assert!(
        !shared_required(),
        "{test}: {why} (EURODOC_REQUIRE_SHARED is set)"
    );
    let _ = writeln!(
        std::io::stderr(),
        "skipped {test}: {why} (real documents are not in the repository: put the evaluation \
         kit at ../shared or set EURODOC_SHARED; README, Real documents)"
    );
}

/// A file of the shared folder (`real/oj-l-277-2022-dsa.pdf`), or `None` after [`skip`]ping
/// `test` when it is not there.
pub fn shared_file(test: &str, rel: &str) -> Option<PathBuf> {
    let path = shared_dir().join(rel);
    if path.is_file() {
        return Some(path);
    }
    skip(test, &format!("{} is missing", path.display()));
    None
}
