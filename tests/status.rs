//! `tracker status` with the real binary: the seeds' progress, computed from their items.

mod common;

use std::process::Output;

fn tracker(args: &[&str]) -> Output {
    common::tracker_in_repo(args)
}

#[test]
fn status_of_the_seeds() {
    let out = tracker(&["status", "fixtures/seeds"]);
    assert_eq!(out.status.code(), Some(0), "a view, not a gate");
    let text = String::from_utf8(out.stdout).expect("UTF-8");
    insta::assert_snapshot!(text);
}

fn units(json: &serde_json::Value, doc: usize) -> Vec<(String, f64, Option<String>)> {
    json["documents"][doc]["units"]
        .as_array()
        .expect("units")
        .iter()
        .map(|u| {
            (
                u["id"].as_str().expect("id").to_string(),
                u["progress"].as_f64().expect("progress"),
                u["state"].as_str().map(str::to_string),
            )
        })
        .collect()
}

#[test]
fn status_json_uses_computed_figures_and_marks_declared_ones() {
    let out = tracker(&[
        "status",
        "--format",
        "json",
        "fixtures/seeds/003_0d13b72687c9cc93.md",
        "fixtures/seeds/004_182c52a2c30351e5.md",
    ]);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(json["version"], 1);
    // 003: phases 1-4 have every box ticked, 5-8 none, whatever the summary says.
    let phases = units(&json, 0);
    assert_eq!(phases.len(), 8);
    for (i, (id, progress, state)) in phases.iter().enumerate() {
        assert_eq!(id, &format!("Phase {}", i + 1));
        let done = i < 4;
        assert_eq!(*progress, if done { 1.0 } else { 0.0 }, "{id}");
        assert_eq!(
            state.as_deref(),
            Some(if done { "done" } else { "open" }),
            "{id}"
        );
    }
    assert_eq!(json["documents"][0]["progress"], 0.5);
    let phase3 = &json["documents"][0]["units"][2];
    let declared: Vec<&str> = phase3["declared"]
        .as_array()
        .expect("declared")
        .iter()
        .map(|d| d["text"].as_str().expect("text"))
        .collect();
    assert!(
        declared.contains(&"0%") && declared.contains(&"0/9"),
        "{declared:?}"
    );
    // 004: 2 of 5 tasks, not the declared 80%; the 🟢 rows are marked.
    let doc = &json["documents"][1];
    assert_eq!(
        (doc["done"].as_u64(), doc["total"].as_u64()),
        (Some(2), Some(5))
    );
    assert_eq!(doc["progress"], 0.4);
    let task = &doc["units"][0];
    assert_eq!(task["id"], "Task 1.1");
    assert_eq!(task["declared"][0]["line"], 16);
    assert_eq!(task["findings"], 1);
    // Its checklist item is the truth, not the ✅ validation criteria in its section.
    let validation = &doc["units"][4];
    assert_eq!(
        (validation["id"].as_str(), validation["state"].as_str()),
        (Some("Task 1.5"), Some("open"))
    );
}

#[test]
fn status_of_an_unreadable_file_exits_2() {
    let dir = std::env::temp_dir().join(format!("tracker-status-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let bad = dir.join("bad.md");
    std::fs::write(&bad, b"\xff").expect("write");
    let out = tracker(&[
        "status",
        bad.to_str().expect("path"),
        "fixtures/seeds/004_182c52a2c30351e5.md",
    ]);
    let _ = std::fs::remove_dir_all(&dir);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("bad.md: not valid UTF-8"));
    assert!(String::from_utf8_lossy(&out.stdout).contains("Task 1.5"));
}
