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

/// The id a heading's title starts with after its status signs (`✅ Phase 1: Setup`,
/// `🔄 ЭТАП 2`), and the byte length of the signs and the id's label together.
pub fn id_after_signs(title: &str) -> (Option<UnitId>, usize) {
    let words = title.trim_start_matches(|c: char| {
        c == ' ' || c == '\u{FE0F}' || (!c.is_ascii() && !c.is_alphanumeric())
    });
    let signs = title.len() - words.len();
    match leading_id(words) {
        Some((id, len)) => (Some(id), signs + len),
        None => (None, 0),
    }
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

/// The one id mentioned in `text` and where it starts, when there is exactly one.
pub fn only_id_ref(text: &str) -> Option<(usize, UnitId)> {
    if !super::text::has_digit(text) {
        return None;
    }
    let mut found = refs(text);
    let (start, _, kind, number) = found.next()?;
    found
        .next()
        .is_none()
        .then(|| (start, ref_id(text, kind, number)))
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
mod tests;
