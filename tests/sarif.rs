//! `--format sarif` validates against the SARIF 2.1.0 JSON schema and says what the human
//! format says. The schema in tests/schemas/ is the OASIS SARIF 2.1.0 schema (2.1.0-rtm.5,
//! as published on schemastore.org), taken from Microsoft's `@microsoft/jest-sarif` package
//! (MIT).

mod common;

use std::process::Command;

use serde_json::Value;

fn sarif(args: &[&str]) -> (Value, Option<i32>) {
    let out = Command::new(env!("CARGO_BIN_EXE_tracker"))
        .args(["check", "--format", "sarif"])
        .args(args)
        .current_dir(common::root())
        .output()
        .expect("run tracker");
    let log = serde_json::from_slice(&out.stdout).expect("SARIF is JSON");
    (log, out.status.code())
}

/// The official pattern for `language` has a stray `]` (`^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$`)
/// that no strict regex engine compiles; it is dropped, as other validators of SARIF do.
/// `tracker` never writes `language`.
const BROKEN_PATTERN: &str = "^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$";

fn schema() -> Value {
    let text = std::fs::read_to_string(common::root().join("tests/schemas/sarif-2.1.0.json"))
        .expect("schema file");
    let mut schema: Value = serde_json::from_str(&text).expect("schema is JSON");
    drop_broken_patterns(&mut schema);
    schema
}

fn drop_broken_patterns(value: &mut Value) {
    match value {
        Value::Object(map) => {
            if map.get("pattern").and_then(Value::as_str) == Some(BROKEN_PATTERN) {
                map.remove("pattern");
            }
            map.values_mut().for_each(drop_broken_patterns);
        }
        Value::Array(items) => items.iter_mut().for_each(drop_broken_patterns),
        _ => {}
    }
}

fn assert_valid(log: &Value) {
    let schema = schema();
    let validator = jsonschema::validator_for(&schema).expect("schema compiles");
    let errors: Vec<String> = validator
        .iter_errors(log)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
}

#[test]
fn sarif_validates_against_the_schema() {
    let (log, code) = sarif(&["fixtures/seeds", "fixtures/graph/cycle_across_files"]);
    assert_valid(&log);
    assert_eq!(code, Some(1));
    let results = log["runs"][0]["results"].as_array().expect("results");
    assert!(results.len() > 150, "{}", results.len());
}

#[test]
fn the_schema_rejects_a_broken_log() {
    // The validation above can fail: a result without its message is refused.
    let (mut log, _) = sarif(&["fixtures/seeds/004_182c52a2c30351e5.md"]);
    log["runs"][0]["results"][0]
        .as_object_mut()
        .expect("result")
        .remove("message");
    assert!(!jsonschema::is_valid(&schema(), &log));
}

#[test]
fn results_carry_rule_location_message_and_fix() {
    let (log, _) = sarif(&["fixtures/seeds/004_182c52a2c30351e5.md"]);
    let run = &log["runs"][0];
    assert_eq!(log["version"], "2.1.0");
    assert_eq!(run["columnKind"], "unicodeCodePoints");
    let rules = run["tool"]["driver"]["rules"].as_array().expect("rules");
    assert_eq!(rules.len(), tracker::rules::RULES.len());
    let overall = run["results"]
        .as_array()
        .expect("results")
        .iter()
        .find(|r| r["ruleId"] == "TRK002")
        .expect("the Overall Progress finding");
    assert_eq!(
        rules[overall["ruleIndex"].as_u64().expect("index") as usize]["name"],
        "percent-mismatch"
    );
    assert_eq!(overall["level"], "error");
    let location = &overall["locations"][0]["physicalLocation"];
    assert_eq!(
        location["artifactLocation"]["uri"],
        "fixtures/seeds/004_182c52a2c30351e5.md"
    );
    assert_eq!(location["region"]["startLine"], 6);
    assert_eq!(location["region"]["startColumn"], 23);
    assert!(
        overall["message"]["text"]
            .as_str()
            .expect("text")
            .starts_with("declared 80%")
    );
    let replacement = &overall["fixes"][0]["artifactChanges"][0]["replacements"][0];
    assert_eq!(replacement["insertedContent"]["text"], "40");
    assert_eq!(replacement["deletedRegion"]["startColumn"], 23);
    assert_eq!(replacement["deletedRegion"]["endColumn"], 25);
}

#[test]
fn unreadable_files_are_notifications() {
    let dir = std::env::temp_dir().join(format!("tracker-sarif-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let bad = dir.join("bad.md");
    std::fs::write(&bad, b"# Plan\n\xff\n").expect("write");
    let (log, code) = sarif(&[bad.to_str().expect("UTF-8 path")]);
    let _ = std::fs::remove_dir_all(&dir);
    assert_valid(&log);
    assert_eq!(code, Some(2));
    let invocation = &log["runs"][0]["invocations"][0];
    assert_eq!(invocation["executionSuccessful"], false);
    let note = &invocation["toolExecutionNotifications"][0];
    assert_eq!(note["level"], "error");
    assert!(
        note["message"]["text"]
            .as_str()
            .expect("text")
            .contains("not valid UTF-8")
    );
}
