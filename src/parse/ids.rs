//! Unit ids and nouns: `Epic 01`, `E01`, `Task 1.2`, `**1.1**:`, and how they normalise.

use super::scan::{Cursor, Span, boundary, is_word};
use crate::model::UnitId;
use crate::vocab::kinds::{self, kind_of, kind_of_letter};
use compact_str::CompactString;

/// `01` → `1`, `1.01` → `1.1`, so that `Epic 01` and `E1` are one id.
pub fn normalize_number(number: &str) -> CompactString {
    let padded = |part: &str| part.len() > 1 && part.starts_with('0');
    if !number.split('.').any(padded) {
        return CompactString::from(number);
    }
    let mut out = CompactString::default();
    for (i, part) in number.split('.').enumerate() {
        if i > 0 {
            out.push('.');
        }
        let t = part.trim_start_matches('0');
        out.push_str(if t.is_empty() { "0" } else { t });
    }
    out
}

/// The id a title starts with, and the byte length of that label.
pub fn leading_id(title: &str) -> Option<(UnitId, usize)> {
    if !super::text::has_digit(title) {
        return None;
    }
    if let Some((kind, (from, to))) = leading_kind(title) {
        let id = UnitId {
            kind: kind_of(&title[kind.0..kind.1]),
            number: normalize_number(&title[from..to]),
        };
        return Some((id, to));
    }
    if let Some((from, to)) = leading_short(title) {
        let id = UnitId {
            kind: Some(kind_of_letter(&title[..1]).into()),
            number: normalize_number(&title[from..to]),
        };
        return Some((id, to));
    }
    let (from, to) = leading_bare(title)?;
    Some((
        UnitId {
            kind: None,
            number: normalize_number(&title[from..to]),
        },
        to,
    ))
}

/// The id a title starts with, and the byte length of its label (0 without one).
pub fn id_and_label(title: &str) -> (Option<UnitId>, usize) {
    leading_id(title).map_or((None, 0), |(id, len)| (Some(id), len))
}

/// Not a hyphen, an en dash or a digit, or the end: `(?:[^-–\d]|$)`.
fn no_range_after(s: &str, at: usize) -> bool {
    let rest = &s[at..];
    !(rest.starts_with(['-', '–']) || rest.as_bytes().first().is_some_and(u8::is_ascii_digit))
}

/// `(?i)^(phase|epic|...|ticket)\s+#?(\d+(?:\.\d+)*)\b(?:[^-–\d]|$)`: the kind word and
/// the number.
fn leading_kind(title: &str) -> Option<(Span, Span)> {
    let mut c = Cursor::new(title, 0);
    c.one_of_ci(kinds::leading_words())?;
    let kind = (0, c.at);
    if !c.spaces1() {
        return None;
    }
    c.byte(b'#');
    let from = c.at;
    let end = c
        .dotted_ends()
        .find(|&e| boundary(c.s, e) && no_range_after(title, e))?;
    Some((kind, (from, end)))
}

/// `^([ET])(\d{1,4})\b(?:[^-–\d]|$)`: `E07`, `T012`.
fn leading_short(title: &str) -> Option<Span> {
    let mut c = Cursor::new(title, 0);
    if !(c.byte(b'E') || c.byte(b'T')) {
        return None;
    }
    let (from, to) = c.digits()?;
    (to - from <= 4 && boundary(c.s, to) && no_range_after(title, to)).then_some((from, to))
}

/// `^(\d+(?:\.\d+)+|\d+)(?:\*\*|__)?(?:[.:)](?:\s|$)|\s*$)|^(\d+\.\d+(?:\.\d+)*)\s`:
/// a bare number such as `1.1**:`, `1.` or `1.2 Title`.
fn leading_bare(title: &str) -> Option<Span> {
    let c = Cursor::new(title, 0);
    let ends_here = |at: usize| {
        let mut t = Cursor::new(title, at);
        let punct = t.byte(b'.') || t.byte(b':') || t.byte(b')');
        if punct {
            return t.done() || t.spaces1();
        }
        t.spaces().done()
    };
    let ends_number = |at: usize| {
        let mut t = Cursor::new(title, at);
        ((t.lit("**") || t.lit("__")) && ends_here(t.at)) || ends_here(at)
    };
    if let Some(e) = c.dotted_ends().find(|&e| ends_number(e)) {
        return Some((0, e));
    }
    // `^(\d+\.\d+(?:\.\d+)*)\s`: only the whole number can be followed by a space.
    let (longest, first) = (c.dotted_ends().next()?, c.dotted_ends().last()?);
    let spaced = title
        .as_bytes()
        .get(longest)
        .is_some_and(|&b| super::scan::is_space(b));
    (longest > first && spaced).then_some((0, longest))
}

/// One id mention at `at`, as `(?i)\b(phase|...|feature)\s+#?(\d+(?:\.\d+)*)\b` or
/// `\b([ET])(\d{1,4})\b`: where it ends, the kind (a word or a letter) and the number.
fn ref_at(text: &str, at: usize) -> Option<(usize, Span, Span)> {
    let s = text.as_bytes();
    if !boundary(s, at) {
        return None;
    }
    let mut c = Cursor::new(text, at);
    if c.one_of_ci(kinds::mentioned_words()).is_some() {
        let kind = (at, c.at);
        if c.spaces1() {
            c.byte(b'#');
            let from = c.at;
            if let Some(end) = c.dotted_ends().find(|&e| boundary(s, e)) {
                return Some((end, kind, (from, end)));
            }
        }
    }
    let mut c = Cursor::new(text, at);
    if c.byte(b'E') || c.byte(b'T') {
        let (from, to) = c.digits()?;
        if to - from <= 4 && boundary(s, to) {
            return Some((to, (at, at + 1), (from, to)));
        }
    }
    None
}

/// Every id mention in `text`, left to right, as `(start, end, kind, number)`.
fn refs(text: &str) -> impl Iterator<Item = (usize, usize, Span, Span)> + '_ {
    let s = text.as_bytes();
    let mut at = 0;
    std::iter::from_fn(move || {
        while at < s.len() {
            // A mention starts a word with a kind word's first letter, or E or T.
            let first = kinds::may_start_mention(s[at]);
            if !first || (at > 0 && is_word(s[at - 1])) {
                at += 1;
                continue;
            }
            if let Some((end, kind, number)) = ref_at(text, at) {
                let start = at;
                at = end;
                return Some((start, end, kind, number));
            }
            at += 1;
        }
        None
    })
}

/// The id of one mention.
fn ref_id(text: &str, kind: Span, number: Span) -> UnitId {
    let word = &text[kind.0..kind.1];
    UnitId {
        kind: if word.len() == 1 {
            Some(kind_of_letter(word).into())
        } else {
            kind_of(word)
        },
        number: normalize_number(&text[number.0..number.1]),
    }
}

/// The last id mentioned in `text`, if any.
pub fn last_id_ref(text: &str) -> Option<UnitId> {
    if !super::text::has_digit(text) {
        return None;
    }
    let (_, _, kind, number) = refs(text).last()?;
    Some(ref_id(text, kind, number))
}

/// The ids mentioned along one line, found in one pass, so that asking for the last id
/// before each of many figures on the line stays linear (a line of a million figures).
pub struct IdRefs<'a> {
    line: &'a str,
    /// Each mention in order: where it starts and ends, its kind and its number.
    found: Vec<(usize, usize, Span, Span)>,
}

impl<'a> IdRefs<'a> {
    pub fn new(line: &'a str) -> Self {
        let found = if super::text::has_digit(line) {
            refs(line).collect()
        } else {
            Vec::new()
        };
        Self { line, found }
    }

    /// As `last_id_ref(&line[..at])`.
    pub fn last_before(&self, at: usize) -> Option<UnitId> {
        let at = at.min(self.line.len());
        let n = self.found.partition_point(|&(_, end, _, _)| end <= at);
        if self
            .found
            .get(n)
            .is_some_and(|&(start, _, _, _)| start < at)
        {
            // A mention the cut runs through may match differently when cut: ask the
            // prefix itself (a figure glued to an id, which is rare).
            return last_id_ref(&self.line[..at]);
        }
        let &(_, _, kind, number) = self.found[..n].last()?;
        Some(ref_id(self.line, kind, number))
    }
}

/// Any id mentioned in a document title such as `Task Tracking - Phase 1`.
pub fn title_id(title: &str) -> Option<UnitId> {
    let (_, _, kind, number) = refs(title).next()?;
    // Only a kind word names the document; `E07` alone does not.
    (kind.1 - kind.0 > 1).then(|| ref_id(title, kind, number))
}

#[cfg(test)]
mod tests {
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
            r"(?i)\b(phase|epic|task|sub[- ]?task|story|milestone|sprint|feature)\s+#?(\d+(?:\.\d+)*)\b|\b(?-i:([ET])(\d{1,4}))\b",
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
}
