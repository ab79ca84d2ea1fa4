//! The JSON contract: the checked-in schema is the one the types generate, and it rejects
//! output that breaks it.

use crate::util::{repo, schema_errors};

#[test]
fn checked_in_schema_matches_the_types() {
    let on_disk = std::fs::read_to_string(repo("schemas/eurodoc.schema.json"))
        .expect("schemas/eurodoc.schema.json is readable");
    assert!(
        on_disk == eurodoc::output::schema_json(),
        "schemas/eurodoc.schema.json is stale: run `cargo run -- schema > schemas/eurodoc.schema.json`"
    );
}

#[test]
fn schema_rejects_broken_output() {
    let got = eurodoc::extract_file(&repo("fixtures/joint-communication/input.md")).unwrap();
    let good = serde_json::to_value(&got).unwrap();
    assert!(schema_errors(&good).is_empty());

    let mut bad = good.clone();
    bad["metadata"]["council_date"] = serde_json::json!(20130412);
    assert!(
        !schema_errors(&bad).is_empty(),
        "a number where a date string belongs"
    );

    let mut bad = good.clone();
    bad["sections"][0]["level"] = serde_json::json!("one");
    assert!(
        !schema_errors(&bad).is_empty(),
        "a string where a level belongs"
    );

    let mut bad = good.clone();
    bad["unexpected"] = serde_json::json!(true);
    assert!(!schema_errors(&bad).is_empty(), "unknown top-level field");

    let mut bad = good;
    bad.as_object_mut().unwrap().remove("footnotes");
    assert!(!schema_errors(&bad).is_empty(), "missing required field");
}

#[test]
fn output_deserialises_strictly() {
    // The types deny unknown fields: the output round-trips through them exactly.
    let got = eurodoc::extract_file(&repo("fixtures/com-2013-179/input.md")).unwrap();
    let json = serde_json::to_string(&got).unwrap();
    let back: eurodoc::Extraction = serde_json::from_str(&json).unwrap();
    assert_eq!(back, got);
}
