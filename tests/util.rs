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
