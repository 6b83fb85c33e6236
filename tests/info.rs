//! `tracker rules`, `explain`, `completions` and `man` with the real binary.

mod common;

use std::process::{Command, Output};

use tracker::rules::RULES;

fn tracker(args: &[&str]) -> Output {
    common::tracker_at(&common::root(), args)
}

fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).expect("UTF-8")
}

#[test]
fn rules_lists_every_rule() {
    let out = tracker(&["rules"]);
    assert_eq!(out.status.code(), Some(0));
    let text = stdout(&out);
    for r in RULES {
        let line = text
            .lines()
            .find(|l| l.starts_with(r.code))
            .unwrap_or_else(|| panic!("{} listed: {text}", r.code));
        assert!(line.contains(r.name) && line.contains(r.summary), "{line}");
        assert!(line.contains(" on "), "on by default: {line}");
    }
    assert!(text.contains("TRK004  status-drift            mixed"));
    assert!(text.contains("TRK005  parent-child-drift      none"));
    insta::assert_snapshot!(text);
}

#[test]
fn explain_prints_the_docs_page() {
    let page = std::fs::read_to_string(common::root().join("docs/rules/count-mismatch.md"))
        .expect("docs page");
    for name in ["count-mismatch", "TRK001", "trk001"] {
        let out = tracker(&["explain", name]);
        assert_eq!(out.status.code(), Some(0));
        assert_eq!(stdout(&out), page, "{name}");
    }
    // Every rule's page is the file under docs/rules/.
    for r in RULES {
        let file = common::root().join(format!("docs/rules/{}.md", r.name));
        assert_eq!(
            std::fs::read_to_string(file).expect("page"),
            stdout(&tracker(&["explain", r.name]))
        );
    }
}

#[test]
fn explain_an_unknown_rule_exits_2() {
    let out = tracker(&["explain", "count-mismatches"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("unknown rule `count-mismatches`") && err.contains("count-mismatch,"),
        "{err}"
    );
}

#[test]
fn completions_are_generated_for_each_shell() {
    for shell in ["bash", "zsh", "fish", "powershell"] {
        let out = tracker(&["completions", shell]);
        assert_eq!(out.status.code(), Some(0), "{shell}");
        let script = stdout(&out);
        for word in ["check", "fix", "graph", "status", "unsafe-fixes"] {
            assert!(script.contains(word), "{shell} completes {word}");
        }
    }
    // The bash script is valid bash.
    let script = stdout(&tracker(&["completions", "bash"]));
    let dir = std::env::temp_dir().join(format!("tracker-completions-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join("tracker.bash");
    std::fs::write(&path, script).expect("write");
    let check = Command::new("bash")
        .arg("-n")
        .arg(&path)
        .output()
        .expect("bash runs");
    let _ = std::fs::remove_dir_all(&dir);
    assert!(
        check.status.success(),
        "{}",
        String::from_utf8_lossy(&check.stderr)
    );
}

#[test]
fn man_page_is_generated() {
    let out = tracker(&["man"]);
    assert_eq!(out.status.code(), Some(0));
    let page = stdout(&out);
    assert!(page.contains(".TH tracker 1"), "{page}");
    for word in ["check", "fix", "graph", "status", "rules", "explain"] {
        assert!(page.contains(word), "man page names {word}");
    }
}
