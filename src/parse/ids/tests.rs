use super::*;

fn id(kind: Option<&str>, number: &str) -> UnitId {
    UnitId {
        kind: kind.map(CompactString::from),
        number: CompactString::from(number),
    }
}

#[test]
fn leading_ids() {
    assert_eq!(
        leading_id("Epic 01: Infrastructure").unwrap().0,
        id(Some("epic"), "1")
    );
    assert_eq!(
        leading_id("Sub-task 1.1.1: Review").unwrap().0,
        id(Some("sub-task"), "1.1.1")
    );
    assert_eq!(leading_id("E11: Auth").unwrap().0, id(Some("epic"), "11"));
    assert_eq!(leading_id("1.1**: Create").unwrap().0, id(None, "1.1"));
    assert_eq!(leading_id("1. Set up").unwrap().0, id(None, "1"));
    assert_eq!(leading_id("1.2 Create models").unwrap().0, id(None, "1.2"));
    assert_eq!(leading_id("Week 7-8: Chat"), None);
    assert_eq!(leading_id("5 retry attempts"), None);
    assert_eq!(leading_id("2025-10-21"), None);
    assert_eq!(leading_id("E03-E06"), None);
    let (signed, len) = id_after_signs("✅ Phase 1: Setup");
    assert_eq!(
        (signed, len),
        (Some(id(Some("phase"), "1")), "✅ Phase 1".len())
    );
    assert_eq!(id_after_signs("🔄 ЭТАП 2").0, Some(id(Some("phase"), "2")));
    assert_eq!(id_after_signs("Setup"), (None, 0));
}

const KINDS: &[&str] = &[
    "Phase",
    "epic",
    "TASK",
    "Sub-task",
    "sub task",
    "subtask",
    "Story",
    "milestone",
    "step",
    "stage",
    "sprint",
    "week",
    "feature",
    "module",
    "part",
    "ticket",
    "Phases",
    "x",
    "E",
    "T",
];
const NUMBERS: &[&str] = &["1", "01", "1.2", "1.2.3", "12a", "", "1.", "12345", "0123"];
const AFTER: &[&str] = &[
    "", ":", " ", "-", "–", "3", "a", ".", "_", "é", "**", ")", ".x",
];

const LEADING_KIND: &[&[&str]] = &[KINDS, &[" ", "  ", "", "\t"], &["#", ""], NUMBERS, AFTER];
const LEADING_SHORT: &[&[&str]] = &[&["E", "T", "e", "X"], NUMBERS, AFTER, &["", "x"]];
const LEADING_BARE: &[&[&str]] = &[NUMBERS, &["", "**", "__", "*"], AFTER, &["", " ", "x"]];
const MENTIONS: &[&[&str]] = &[
    &["", "x ", "See ", "a"],
    KINDS,
    &[" ", "", "  "],
    &["#", ""],
    NUMBERS,
    &["", " ", ", ", "-", "_"],
    KINDS,
    &[" ", ""],
    NUMBERS,
    AFTER,
];

fn spans(re: &regex::Regex, line: &str) -> Option<(usize, usize)> {
    let c = re.captures(line)?;
    let m = c.get(2).or_else(|| c.get(1))?;
    Some((m.start(), m.end()))
}

#[test]
fn leading_ids_as_the_patterns() {
    use crate::parse::scan::oracle::agree;
    agree(
        r"(?i)^(phase|epic|task|sub[- ]?task|story|milestone|step|stage|sprint|week|feature|module|part|ticket)\s+#?(\d+(?:\.\d+)*)\b(?:[^-–\d]|$)",
        LEADING_KIND,
        11,
        |re, l| {
            re.captures(l).map(|c| {
                (
                    (c.get(1).unwrap().start(), c.get(1).unwrap().end()),
                    (c.get(2).unwrap().start(), c.get(2).unwrap().end()),
                )
            })
        },
        leading_kind,
    );
    agree(
        r"^([ET])(\d{1,4})\b(?:[^-–\d]|$)",
        LEADING_SHORT,
        12,
        spans,
        leading_short,
    );
    agree(
        r"^(\d+(?:\.\d+)+|\d+)(?:\*\*|__)?(?:[.:)](?:\s|$)|\s*$)|^(\d+\.\d+(?:\.\d+)*)\s",
        LEADING_BARE,
        13,
        |re, l| {
            let c = re.captures(l)?;
            let m = c.get(1).or_else(|| c.get(2))?;
            Some((m.start(), m.end()))
        },
        leading_bare,
    );
}

#[test]
fn mentions_as_the_pattern() {
    use crate::parse::scan::oracle::{agree, all_groups};
    agree(
        r"(?i)\b(phase|fase|etapa|faza|tahap|epic|task|tarea|tarefa|aufgabe|zadanie|sub[- ]?task|story|milestone|meilenstein|hito|jalon|sprint|feature)\s+#?(\d+(?:\.\d+)*)\b|\b(?-i:([ET])(\d{1,4}))\b",
        MENTIONS,
        14,
        |re, l| {
            all_groups(re, l)
                .into_iter()
                .map(|g| {
                    let (whole, kind, number) = match g[1] {
                        Some(k) => (g[0].unwrap(), k, g[2].unwrap()),
                        None => (g[0].unwrap(), g[3].unwrap(), g[4].unwrap()),
                    };
                    (whole.0, whole.1, kind, number)
                })
                .collect::<Vec<_>>()
        },
        |l| refs(l).collect::<Vec<_>>(),
    );
}

#[test]
fn references() {
    assert_eq!(
        last_id_ref("**Phase 3 Completion:** 0%"),
        Some(id(Some("phase"), "3"))
    );
    assert_eq!(last_id_ref("Overall Progress: 80%"), None);
    assert_eq!(
        title_id("Task Tracking - Phase 1"),
        Some(id(Some("phase"), "1"))
    );
}
