//! Tests of `deps`.

use super::*;

fn ids(text: &str) -> Vec<String> {
    references(text, 0, None)
        .into_iter()
        .map(|r| match r.target {
            Target::Id(id) => id.to_string(),
            other => format!("{other:?}"),
        })
        .collect()
}

use crate::parse::scan::oracle::{agree, all_groups, groups};

const SP: &[&str] = &["", " ", "  "];
const NUMBERS: &[&str] = &["1", "07", "1.2", "1.2.3", "12a", "", "1.", "3.5"];

#[test]
fn references_as_the_pattern() {
    let kinds: &[&str] = &[
        "Epic",
        "epics",
        "Phase",
        "TASK",
        "subtask",
        "Sub-tasks",
        "story",
        "Milestone",
        "sprint",
        "feature",
        "step",
        "E",
        "T",
        "e",
        "",
        "x",
    ];
    let slots: &[&[&str]] = &[
        &["", "x", "All ", "(", ", "],
        kinds,
        &[" ", "", "  "],
        &["", "#"],
        NUMBERS,
        SP,
        &["-", "–", "", ", "],
        SP,
        &["", "E", "T"],
        &["10", "1.4", "", "x"],
        &["", " and ", ", ", "a", "_", "é"],
        kinds,
        &[" 02", "03", ""],
    ];
    agree(
        r"(?i)\b(?:(phase|epic|task|sub-?task|story|milestone|sprint|feature|step)s?\s+#?|((?-i)[ET]))?(\d+(?:\.\d+)*)(?:\s*[-–]\s*(?:(?-i)[ET])?(\d+(?:\.\d+)*))?\b",
        slots,
        42,
        |re, l| {
            all_groups(re, l)
                .into_iter()
                .map(|g| {
                    (
                        g[0].unwrap().0,
                        g[0].unwrap().1,
                        g[1].or(g[2]),
                        g[3].unwrap(),
                        g[4],
                    )
                })
                .collect::<Vec<_>>()
        },
        |l| {
            atom_matches(l)
                .map(|(start, (end, a))| {
                    // The kind word's span, without a plural `s`.
                    (start, end, a.kind, a.number, a.to)
                })
                .collect::<Vec<_>>()
        },
    );
}

#[test]
fn phrases_as_the_patterns() {
    let all: &[&[&str]] = &[
        &["", "*", " ", "(", "é"],
        &["ALL", "all", "al", "x"],
        &[" ", "", "  "],
        &[
            "previous",
            "prior",
            "Earlier",
            "complete",
            "done",
            "completed",
            "x",
        ],
        &[" ", ""],
        &["epics", "", "phase_2", "é"],
    ];
    agree(
        r"(?i)^\W*all\s+(?:(?:previous|prior|earlier)\s+(\w+)|complete\b|done\b)",
        all,
        43,
        |re, l| groups(re, l).map(|g| (g[0].unwrap().1, g[1])),
        all_previous,
    );
    let link: &[&[&str]] = &[
        &["", "see [x", "]"],
        &["](", "]", "("],
        &["tasks/a", "a b", "", "é", "x)"],
        &[".md", ".markdown", ".mdx", ".txt", ""],
        &["", "#part", "#a b", ".md"],
        &[")", "", " )"],
        &["", " and [y](b.md)", ")"],
    ];
    agree(
        r"\]\(([^)\s]+\.(?:md|markdown))(?:#[^)]*)?\)",
        link,
        44,
        |re, l| {
            all_groups(re, l)
                .into_iter()
                .map(|g| g[1].unwrap())
                .collect::<Vec<_>>()
        },
        |l| links(l).collect::<Vec<_>>(),
    );
}

#[test]
fn references_and_ranges() {
    assert_eq!(ids("Epic 01, 02"), ["Epic 1", "Epic 2"]);
    assert_eq!(ids("Epic 07-10"), ["Epic 7", "Epic 8", "Epic 9", "Epic 10"]);
    assert_eq!(
        ids("E03-E06 complete"),
        ["Epic 3", "Epic 4", "Epic 5", "Epic 6"]
    );
    assert_eq!(ids("T010-T012"), ["Task 10", "Task 11", "Task 12"]);
    assert_eq!(
        ids("Task 1.2, 1.3, 1.4 (all need project setup)"),
        ["Task 1.2", "Task 1.3", "Task 1.4"]
    );
    assert_eq!(ids("All Phase 1 tasks (1.1, 1.2)"), ["1.1", "1.2"]);
    assert_eq!(
        ids("Phase 2 (SyncEngine, REST API, WebSocket all depend on this)"),
        ["Phase 2"]
    );
    assert_eq!(
        ids("Phase 2 (cannot start until Phase 1 validated)"),
        ["Phase 2"]
    );
    assert_eq!(ids("ALL complete"), ["AllPrevious(None)"]);
    assert_eq!(ids("1.1, 1.2"), ["1.1", "1.2"]);
    assert_eq!(ids("ALL previous epics"), ["AllPrevious(Some(\"epic\"))"]);
    assert!(ids("None (final epic)").is_empty());
    assert!(ids("-").is_empty());
    assert!(ids("N/A").is_empty());
    assert!(ids("the infra team, 2 weeks").is_empty());
}
