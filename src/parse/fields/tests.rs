//! Tests of `fields`.

use super::*;
use crate::parse::scan::oracle::{agree, groups};

const FIELD: &[&[&str]] = &[
    &["", " ", "  "],
    &["**", "__", "", "*", "_"],
    &[
        "Status",
        "Overall Progress",
        "A",
        "Phase 1 Status",
        "x",
        "Key (v2)",
        "é",
        "a*b",
    ],
    &["", ":", " ", "::"],
    &["**", "__", "", "*"],
    &["", ":", " :"],
    &[" ", "", "\t"],
    &["Done", "80%", "", "✅ Complete", "**x**"],
];

const BOLD_LINE: &[&[&str]] = &[
    &["", " "],
    &["**", "*", ""],
    &["Chat Service", "x", "", "é", "a_b"],
    &["**", "*", ""],
    &["", " ", "  "],
    &["✅", "⬜ Pending", "", "x y", "*"],
    &["", " ", "\t"],
];

#[test]
fn fields_as_the_pattern() {
    agree(
        r"^\s*(?:(?:\*\*|__)([^*_]{1,80}?)(?::\s*(?:\*\*|__)|(?:\*\*|__)\s*:)|([A-Z][A-Za-z0-9 %/()-]{0,40}?):\s)(.*)$",
        FIELD,
        1,
        |re, line| groups(re, line).map(|g| (g[1].or(g[2]).unwrap(), g[3].unwrap().0)),
        |line| field(line).map(|f| (f.label, f.value_start)),
    );
}

#[test]
fn bold_lines_as_the_pattern() {
    agree(
        r"^\s*\*\*([^*]+)\*\*\s*(.*?)\s*$",
        BOLD_LINE,
        2,
        |re, line| groups(re, line).map(|g| (g[1].unwrap(), g[2].unwrap())),
        |line| bold_line(line).map(|b| (b.label, b.value)),
    );
}

#[test]
fn labels_as_the_patterns() {
    let words = &[
        "overall ",
        "current ",
        "project",
        "status",
        "STATUS",
        "progress",
        "% done",
        "percentage",
        "Complete",
        "x",
        " ",
        "_",
        "é",
    ];
    let lines = crate::parse::scan::oracle::phrases(words, 4, 5_000, 3);
    let one = |pattern: &str, f: fn(&str) -> bool| {
        crate::parse::scan::oracle::agree_on(pattern, &lines, |re, l| re.is_match(l), f);
    };
    one(
        r"(?i)^(?:overall |current |project |phase |epic |task )?status$",
        is_status_label,
    );
    one(
        r"(?i)(?:progress|completion|complete|percent|percentage|%|% done)$",
        is_progress_label,
    );
    one(r"(?i)^(?:overall|project)\b", is_overall_label);
}

#[test]
fn labels_in_other_languages() {
    assert!(is_progress_label("Общий прогресс") && is_progress_label("Tiến độ"));
    assert!(
        is_status_label("Estado") && is_status_label("СТАТУС") && is_status_label("Phase Status")
    );
    assert!(!is_status_label("Estados") && !is_progress_label("Progresses"));
}
