//! Tests of `claims`.

use super::*;
use crate::model::Tally;
use crate::parse::forms::LINE_FORMS;
use crate::parse::totals::{part_of, parts_total, plus_parts, tally};

fn values(found: &[Found]) -> Vec<String> {
    found
        .iter()
        .map(|f| match &f.kind {
            ClaimKind::Count {
                done, total, noun, ..
            } => {
                format!("{}/{} {:?}", done.value, total.value, noun)
            }
            ClaimKind::Size { total, noun, .. } => format!("{} {noun}", total.value),
            ClaimKind::Percent { percent, .. } => {
                format!("{}% approx={}", percent.value, f.approx)
            }
            ClaimKind::Sum { figure, parts, .. } => format!("{} = {parts:?}", figure.value),
            other => format!("{other:?}"),
        })
        .collect()
}

#[test]
fn count_forms() {
    assert_eq!(
        values(&counts("Epic 01: Setup (0/12 tasks)", 0)),
        ["0/12 Some(\"task\")"]
    );
    assert_eq!(
        values(&counts("(100% - 12/12 sub-tasks complete)", 0)),
        ["12/12 Some(\"sub-task\")"]
    );
    assert_eq!(
        values(&counts("**0% (0/9 sub-tasks complete)**", 0)),
        ["0/9 Some(\"sub-task\")"]
    );
    assert_eq!(
        values(&counts("12.5% (1 of 8 phases complete)", 0)),
        ["1/8 Some(\"phase\")"]
    );
    assert_eq!(
        values(&counts("**Key Controllers** (0/40):", 0)),
        ["0/40 None"]
    );
    assert!(counts("(24/7 support)", 0).is_empty());
    assert!(counts("(1/2 day)", 0).is_empty());
    assert!(counts("46/46 tests passing", 0).is_empty());
}

#[test]
fn size_forms() {
    assert_eq!(
        values(&sizes("Task 2.1: nginx (3 sub-tasks)", 0)),
        ["3 sub-task"]
    );
    assert_eq!(
        values(&sizes("Overview (22 Epics Across 7 Phases)", 0)),
        ["22 epic", "7 phase"]
    );
    assert!(sizes("(78 KB)", 0).is_empty());
    assert!(sizes("(9 channels)", 0).is_empty());
    assert_eq!(
        own_size("**Automation** (5 models): Rule"),
        Some(("model".into(), 5))
    );
    assert_eq!(placeholder("**[31 more controllers...]**"), Some(31));
}

#[test]
fn percent_forms() {
    assert_eq!(
        values(&percents("Phase 2: Setup (0%)", 0)),
        ["0% approx=false"]
    );
    assert_eq!(
        values(&percents("**Phase 1** - **100% (13/13 sub-tasks)**", 0)),
        ["100% approx=false"]
    );
    assert_eq!(
        values(&percents("(100% - 12/12 sub-tasks complete)", 0)),
        ["100% approx=false"]
    );
    assert!(percents("85%+ coverage, >90% threshold", 0).is_empty());
    assert_eq!(
        values(&[leading_percent(" ~25%", 0).unwrap()]),
        ["25% approx=true"]
    );
}

#[test]
fn totals() {
    let t = tally("Total Sub-tasks", " 52 (+ 1 optional)", 0).unwrap();
    assert!(matches!(
        t.kind,
        ClaimKind::Tally {
            tally: Tally::Total,
            optional: Some(_),
            ..
        }
    ));
    assert!(tally("Completed Date", " 2026-12-10", 0).is_none());
    assert!(tally("Total Duration", " 5 weeks", 0).is_none());
    assert_eq!(
        parts_total("(532 unit tests total across all services):", 0)
            .unwrap()
            .1,
        "unit test"
    );
    assert_eq!(
        part_of("CI/CD Monitor: 5 unit tests (20 tests total)", "unit test"),
        Some(5)
    );
    assert_eq!(
        values(&plus_parts(
            "145 tests passing (109 unit + 36 integration)",
            0
        )),
        ["145 = [109, 36]"]
    );
    assert!(plus_parts("113 tests passing (82 unit, 31 integration)", 0).is_empty());
}

#[test]
fn a_form_said_to_need_a_digit_finds_nothing_without_one() {
    let mut lines = crate::parse::scan::oracle::fixture_lines();
    lines.extend(crate::parse::scan::oracle::lines(
        &[
            "(", ")", "/", "%", "of", "tasks", "done", "+", "~", "about", " ",
        ],
        2000,
        7,
    ));
    for line in lines
        .iter()
        .filter(|l| !l.bytes().any(|b| b.is_ascii_digit()))
    {
        for form in LINE_FORMS.iter().filter(|f| f.has_digit) {
            assert!(
                (form.find)(line, 0).is_empty(),
                "the {} form matches {line:?}, which has no digit",
                form.name
            );
        }
    }
}
