//! Unit ids and nouns: `Epic 01`, `E01`, `Task 1.2`, `**1.1**:`, and how they normalise.

use std::sync::LazyLock;

use regex::Regex;

use crate::model::UnitId;

/// Kind words that name units, singular and lower case.
const KINDS: &[&str] = &[
    "phase",
    "epic",
    "task",
    "sub-task",
    "story",
    "milestone",
    "step",
    "stage",
    "sprint",
    "week",
    "feature",
    "module",
    "part",
    "ticket",
    "deliverable",
    "item",
];

/// Nouns that count work, for size claims such as `(3 sub-tasks)`.
const WORK_NOUNS: &[&str] = &[
    "phase",
    "epic",
    "task",
    "sub-task",
    "story",
    "milestone",
    "step",
    "stage",
    "feature",
    "ticket",
    "deliverable",
    "item",
    "checkpoint",
    "todo",
];

/// Units of time and measure: a count or size in these is never a count of work.
const MEASURES: &[&str] = &[
    "day", "hour", "week", "month", "year", "min", "minute", "sec", "second", "ms", "h", "d", "w",
    "kb", "mb", "gb", "x", "req", "point", "pt", "sp",
];

static LEADING_KIND: LazyLock<Regex> = LazyLock::new(|| {
    super::pattern::ascii(
        r"(?i)^(phase|epic|task|sub[- ]?task|story|milestone|step|stage|sprint|week|feature|module|part|ticket)\s+#?(\d+(?:\.\d+)*)\b(?:[^-–\d]|$)",
    )
});
static LEADING_SHORT: LazyLock<Regex> =
    LazyLock::new(|| super::pattern::ascii(r"^([ET])(\d{1,4})\b(?:[^-–\d]|$)"));
static LEADING_BARE: LazyLock<Regex> = LazyLock::new(|| {
    super::pattern::ascii(
        r"^(\d+(?:\.\d+)+|\d+)(?:\*\*|__)?(?:[.:)](?:\s|$)|\s*$)|^(\d+\.\d+(?:\.\d+)*)\s",
    )
});
/// An id mentioned anywhere in a line: `Phase 3`, `Task 2.1`, `E07`.
static ID_REF: LazyLock<Regex> = LazyLock::new(|| {
    super::pattern::ascii(
        r"(?i)\b(phase|epic|task|sub[- ]?task|story|milestone|sprint|feature)\s+#?(\d+(?:\.\d+)*)\b|\b(?-i:([ET])(\d{1,4}))\b",
    )
});

/// The singular, lower-case form of a noun: `Sub-tasks` → `sub-task`, `stories` → `story`.
pub fn singular(noun: &str) -> String {
    let lower = noun.trim().to_lowercase();
    let word = if let Some(stem) = lower.strip_suffix("ies") {
        format!("{stem}y")
    } else if lower.ends_with("sses") || lower.ends_with("ches") || lower.ends_with("shes") {
        lower[..lower.len() - 2].to_string()
    } else if lower.ends_with('s') && !lower.ends_with("ss") && lower.len() > 1 {
        lower[..lower.len() - 1].to_string()
    } else {
        lower
    };
    match word.as_str() {
        "subtask" | "sub task" => "sub-task".to_string(),
        _ => word,
    }
}

/// The unit kind a noun names, if it names one.
pub fn kind_of(noun: &str) -> Option<String> {
    let s = singular(noun);
    KINDS.contains(&s.as_str()).then_some(s)
}

pub fn is_work_noun(noun: &str) -> bool {
    WORK_NOUNS.contains(&singular(noun).as_str())
}

pub fn is_measure(noun: &str) -> bool {
    MEASURES.contains(&singular(noun).as_str())
}

/// `01` → `1`, `1.01` → `1.1`, so that `Epic 01` and `E1` are one id.
pub fn normalize_number(number: &str) -> String {
    number
        .split('.')
        .map(|part| {
            let t = part.trim_start_matches('0');
            if t.is_empty() { "0" } else { t }
        })
        .collect::<Vec<_>>()
        .join(".")
}

fn short_kind(letter: &str) -> &'static str {
    if letter == "E" { "epic" } else { "task" }
}

/// The id a title starts with, and the byte length of that label.
pub fn leading_id(title: &str) -> Option<(UnitId, usize)> {
    if !super::text::has_digit(title) {
        return None;
    }
    if let Some(c) = LEADING_KIND.captures(title) {
        let id = UnitId {
            kind: kind_of(&c[1]),
            number: normalize_number(&c[2]),
        };
        return Some((id, c.get(2).map_or(0, |m| m.end())));
    }
    if let Some(c) = LEADING_SHORT.captures(title) {
        let id = UnitId {
            kind: Some(short_kind(&c[1]).into()),
            number: normalize_number(&c[2]),
        };
        return Some((id, c.get(2).map_or(0, |m| m.end())));
    }
    let c = LEADING_BARE.captures(title)?;
    let m = c.get(1).or_else(|| c.get(2))?;
    Some((
        UnitId {
            kind: None,
            number: normalize_number(m.as_str()),
        },
        m.end(),
    ))
}

/// The last id mentioned in `text`, if any.
pub fn last_id_ref(text: &str) -> Option<UnitId> {
    ID_REF.captures_iter(text).last().map(|c| id_of(&c))
}

fn id_of(c: &regex::Captures<'_>) -> UnitId {
    match (c.get(1), c.get(3)) {
        (Some(kind), _) => UnitId {
            kind: kind_of(kind.as_str()),
            number: normalize_number(&c[2]),
        },
        (None, Some(letter)) => UnitId {
            kind: Some(short_kind(letter.as_str()).into()),
            number: normalize_number(&c[4]),
        },
        _ => unreachable!("one alternative matched"),
    }
}

/// The ids mentioned along one line, found in one pass, so that asking for the last id
/// before each of many figures on the line stays linear (a line of a million figures).
pub struct IdRefs<'a> {
    line: &'a str,
    /// Where each mention starts and ends, in order.
    spans: Vec<(usize, usize)>,
}

impl<'a> IdRefs<'a> {
    pub fn new(line: &'a str) -> Self {
        let spans = ID_REF
            .find_iter(line)
            .map(|m| (m.start(), m.end()))
            .collect();
        Self { line, spans }
    }

    /// As `last_id_ref(&line[..at])`.
    pub fn last_before(&self, at: usize) -> Option<UnitId> {
        let at = at.min(self.line.len());
        let n = self.spans.partition_point(|&(_, end)| end <= at);
        if self.spans.get(n).is_some_and(|&(start, _)| start < at) {
            // A mention the cut runs through may match differently when cut: ask the
            // prefix itself (a figure glued to an id, which is rare).
            return last_id_ref(&self.line[..at]);
        }
        let (start, end) = *self.spans[..n].last()?;
        ID_REF
            .captures_at(&self.line[..end], start)
            .map(|c| id_of(&c))
    }
}

/// Any id mentioned in a document title such as `Task Tracking - Phase 1`.
pub fn title_id(title: &str) -> Option<UnitId> {
    let c = ID_REF.captures(title)?;
    let kind = c.get(1)?;
    Some(UnitId {
        kind: kind_of(kind.as_str()),
        number: normalize_number(&c[2]),
    })
}

/// A title without its leading id: `Task 1.1: Project Setup` → `Project Setup`.
pub fn bare_title(title: &str) -> String {
    let rest = leading_id(title).map_or(title, |(_, len)| &title[len..]);
    let mut rest = rest
        .trim_start_matches([':', ' ', '-', '–', '—', '*'])
        .trim_end();
    // Figures in parentheses at the end (`(2 days)`, `(0/9 models)`, `(~40 controllers)`)
    // are shown beside the unit already, or are claims about it.
    while let Some(open) = rest.rfind('(').filter(|_| rest.ends_with(')')) {
        if !rest[open + 1..].starts_with(|c: char| c.is_ascii_digit() || c == '~') {
            break;
        }
        rest = rest[..open].trim_end();
    }
    rest.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn id(kind: Option<&str>, number: &str) -> UnitId {
        UnitId {
            kind: kind.map(str::to_string),
            number: number.to_string(),
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
    }

    #[test]
    fn nouns() {
        assert_eq!(singular("Sub-tasks"), "sub-task");
        assert_eq!(singular("Subtasks"), "sub-task");
        assert_eq!(singular("stories"), "story");
        assert_eq!(kind_of("Phases").as_deref(), Some("phase"));
        assert!(is_measure("days"));
        assert!(is_work_noun("tasks"));
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
}
