//! Every rule's fixtures: `bad_*` files must trigger their rule, `ok_*` files must produce no
//! finding at all. Each file's human output is an insta snapshot.

mod common;

use std::collections::BTreeMap;
use std::path::Path;

use tracker::rules::RULES;

fn rule_of(path: &Path) -> String {
    path.parent()
        .and_then(|p| p.file_name())
        .and_then(|n| n.to_str())
        .expect("fixtures/rules/<rule>/")
        .to_string()
}

#[test]
fn rule_fixtures_match_their_snapshots() {
    let mut seen = 0;
    insta::glob!("../fixtures", "rules/*/*.md", |path| {
        seen += 1;
        let rule = rule_of(path);
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default()
            .to_string();
        let file = common::check(path);
        let rules: Vec<&str> = file.diagnostics.iter().map(|d| d.rule.name).collect();
        if name.starts_with("ok_") {
            assert!(rules.is_empty(), "{name} must stay silent, got {rules:?}");
        } else {
            assert!(
                rules.contains(&rule.as_str()),
                "{name} must trigger {rule}, got {rules:?}"
            );
        }
        insta::assert_snapshot!(common::human(file));
    });
    assert!(seen >= 32, "the glob found only {seen} fixtures");
}

#[test]
fn every_rule_has_two_triggering_and_two_silent_fixtures() {
    let mut counts: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    for dir in std::fs::read_dir(common::root().join("fixtures/rules")).expect("fixtures/rules") {
        let dir = dir.expect("entry").path();
        for file in std::fs::read_dir(&dir).expect("rule dir") {
            let name = file
                .expect("entry")
                .file_name()
                .to_string_lossy()
                .to_string();
            let entry = counts.entry(rule_of(&dir.join(&name))).or_default();
            if name.starts_with("bad_") {
                entry.0 += 1;
            } else if name.starts_with("ok_") {
                entry.1 += 1;
            }
        }
    }
    for rule in RULES {
        let (bad, ok) = counts.get(rule.name).copied().unwrap_or_default();
        assert!(
            bad >= 2 && ok >= 2,
            "{}: {bad} triggering and {ok} silent fixtures",
            rule.name
        );
    }
}

#[test]
fn every_rule_has_a_docs_page_with_the_four_sections() {
    for rule in RULES {
        let path = common::root().join(format!("docs/rules/{}.md", rule.name));
        let page = std::fs::read_to_string(&path)
            .unwrap_or_else(|_| panic!("{} is missing", path.display()));
        assert_eq!(
            page,
            rule.doc,
            "{} is the page `tracker` embeds",
            path.display()
        );
        for section in [
            "## What it finds",
            "## Why it matters",
            "## Example",
            "## Fix",
        ] {
            assert!(
                page.contains(section),
                "{}: missing `{section}`",
                path.display()
            );
        }
    }
}
