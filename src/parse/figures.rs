//! The figures of a line as written: counts, sizes, percentages and sums, found where they
//! stand, with the byte spans of their parts. Each matcher implements the regular expression
//! in its comment, which its test holds it to; what the figures mean is for `claims`.

use super::scan::{Cursor, Span, find_all, find_all_at, is_word};

/// A digit that starts a number where `\b` holds before it.
pub(super) fn number_start(s: &[u8], i: usize) -> bool {
    s[i].is_ascii_digit() && (i == 0 || !is_word(s[i - 1]))
}

/// `(?:\s+(\p{Alphabetic}[\p{Alphabetic}-]*))?` after a count: the noun, if there is one.
fn trailing_noun(c: &mut Cursor) -> Option<Span> {
    let mut t = *c;
    if !t.spaces1() {
        return None;
    }
    let noun = t.noun()?;
    *c = t;
    Some(noun)
}

/// `(\d+)\s*/\s*(\d+)\b(?:\s+NOUN)?`: done, total and noun.
fn ratio(c: &mut Cursor) -> Option<Count> {
    let done = c.digits()?;
    if !c.spaces().byte(b'/') {
        return None;
    }
    let total = c.spaces().digits()?;
    if !c.boundary() {
        return None;
    }
    let noun = trailing_noun(c);
    Some(Count { done, total, noun })
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Count {
    pub done: Span,
    pub total: Span,
    pub noun: Option<Span>,
}

/// `\(\s*(?:\*\*)?(\d+)\s*/\s*(\d+)\b(?:\s+NOUN)?`: `(3/8 tasks)`.
pub fn count_paren(text: &str) -> impl Iterator<Item = (usize, Count)> + '_ {
    find_all_at(text, b'(', |t, i| {
        let mut c = Cursor::new(t, i + 1);
        c.spaces().bold();
        ratio(&mut c).map(|m| (c.at, m))
    })
}

/// `^(?:\*\*)?\s*(\d+)\s*/\s*(\d+)\b(?:\s+NOUN)?` at `from`: a count that starts a field
/// value or a table cell (`24/25 steps`, `**3/5**`).
pub fn count_at(text: &str, from: usize) -> Option<(usize, Count)> {
    let mut c = Cursor::new(text, from);
    c.bold().spaces();
    let m = ratio(&mut c)?;
    Some((c.at, m))
}

/// `\b(\d+)\s+(?:of|von|sur|…)\s+(\d+)\b\s+NOUN`: a count written out in any language of
/// [`COUNT_OF`](crate::vocab::labels::COUNT_OF), `13 von 18 Sprints`, `28 of 69 fixed`.
pub fn count_words(text: &str) -> impl Iterator<Item = (usize, Count)> + '_ {
    find_all(text, number_start, |t, i| {
        let mut c = Cursor::new(t, i);
        let done = c.digits()?;
        if !c.spaces1() {
            return None;
        }
        let mut any = false;
        for w in crate::vocab::labels::COUNT_OF {
            let mut t = c;
            if t.lit_ci(w) && t.spaces1() {
                c = t;
                any = true;
                break;
            }
        }
        if !any {
            return None;
        }
        let total = c.digits()?;
        if !c.boundary() {
            return None;
        }
        let noun = trailing_noun(&mut c)?;
        let noun = Some(noun);
        Some((c.at, Count { done, total, noun }))
    })
}

/// `\b(\d+)\s*/\s*(\d+)\b\s+NOUN`: `2/46 pages`, a count standing anywhere in a line with
/// the noun it counts.
pub fn count_bare(text: &str) -> impl Iterator<Item = (usize, Count)> + '_ {
    find_all(text, number_start, |t, i| {
        let mut c = Cursor::new(t, i);
        let m = ratio(&mut c)?;
        m.noun.map(|_| (c.at, m))
    })
}

/// `%\s*(?:\*\*)?\s*[-–—]\s*(?:\*\*)?\s*(\d+)\s*/\s*(\d+)\b(?:\s+NOUN)?`: `100% - 12/12`.
pub fn count_after_percent(text: &str) -> impl Iterator<Item = (usize, Count)> + '_ {
    find_all_at(text, b'%', |t, i| {
        let mut c = Cursor::new(t, i + 1);
        c.spaces().bold().spaces();
        if !(c.byte(b'-') || c.lit("–") || c.lit("—")) {
            return None;
        }
        c.spaces().bold().spaces();
        ratio(&mut c).map(|m| (c.at, m))
    })
}

/// `(?i)\b(\d+)\s+of\s+(\d+)\s+NOUN\s+(?:are\s+|is\s+)?(?:complete|completed|done|finished)\b`:
/// `3 of 8 phases complete`.
pub fn count_of(text: &str) -> impl Iterator<Item = (usize, Count)> + '_ {
    find_all(text, number_start, |t, i| {
        let mut c = Cursor::new(t, i);
        let done = c.digits()?;
        if !(c.spaces1() && c.lit_ci("of") && c.spaces1()) {
            return None;
        }
        let total = c.digits()?;
        if !c.spaces1() {
            return None;
        }
        let noun = c.noun()?;
        if !c.spaces1() {
            return None;
        }
        let mut verb = c;
        if (verb.lit_ci("are") || verb.lit_ci("is"))
            && verb.spaces1()
            && let Some(end) = done_word(verb)
        {
            let noun = Some(noun);
            return Some((end, Count { done, total, noun }));
        }
        let end = done_word(c)?;
        Some((
            end,
            Count {
                done,
                total,
                noun: Some(noun),
            },
        ))
    })
}

/// `(?:complete|completed|done|finished)\b`: where the word ends.
fn done_word(c: Cursor) -> Option<usize> {
    crate::vocab::labels::COUNT_DONE.iter().find_map(|w| {
        let mut t = c;
        (t.lit_ci(w) && t.boundary()).then_some(t.at)
    })
}

/// A figure and the noun after it: `5 models`, `532 unit tests`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sized {
    pub figure: Span,
    pub noun: Span,
}

impl Sized {
    /// The two spans, as a regular expression's groups give them.
    #[cfg(test)]
    pub fn spans(self) -> (Span, Span) {
        (self.figure, self.noun)
    }
}

/// `\(\s*(\d+)\s+NOUN\s*\)`: `(3 sub-tasks)`, the figure and the noun.
pub fn size_paren(text: &str) -> impl Iterator<Item = (usize, Sized)> + '_ {
    find_all_at(text, b'(', |t, i| {
        let mut c = Cursor::new(t, i + 1);
        let m = figure_noun(c.spaces())?;
        c.spaces().byte(b')').then_some((c.at, m))
    })
}

/// `(?i)\(\s*(\d+)\s+NOUN\s+(?:across|in|over)\s+(\d+)\s+NOUN\s*\)`: `(22 Epics Across 7
/// Phases)`, both figures with their nouns.
pub fn size_across(text: &str) -> impl Iterator<Item = (usize, [Sized; 2])> + '_ {
    find_all_at(text, b'(', |t, i| {
        let mut c = Cursor::new(t, i + 1);
        let first = figure_noun(c.spaces())?;
        if !(c.spaces1() && c.one_of_ci(crate::vocab::labels::ACROSS).is_some() && c.spaces1()) {
            return None;
        }
        let second = figure_noun(&mut c)?;
        c.spaces().byte(b')').then_some((c.at, [first, second]))
    })
}

/// `(\d+)\s+NOUN`.
fn figure_noun(c: &mut Cursor) -> Option<Sized> {
    let figure = c.digits()?;
    if !c.spaces1() {
        return None;
    }
    let noun = c.noun()?;
    Some(Sized { figure, noun })
}

/// `^\s*(?:\*\*)?\s*(\d+)(?:\*\*)?\s*(?:\(\s*\+\s*(\d+)\s+optional\s*\))?\s*(?:\(\s*\d+(?:\.\d+)?\s*%\s*\))?\s*(?:\*\*)?\s*$`:
/// a tally's value, `52 (+ 1 optional)`, `5 (62%)` (a share in brackets follows the figure).
pub fn tally_value(text: &str) -> Option<(Span, Option<Span>)> {
    let mut c = Cursor::new(text, 0);
    c.spaces().bold().spaces();
    let n = c.digits()?;
    c.bold().spaces();
    let mut t = c;
    let mut optional = None;
    if t.byte(b'(')
        && t.spaces().byte(b'+')
        && let Some(o) = t.spaces().digits()
        && t.spaces1()
        && t.lit("optional")
        && t.spaces().byte(b')')
    {
        optional = Some(o);
        c = t;
    }
    let mut t = c;
    let decimals = |t: &mut Cursor| {
        let mut d = *t;
        if d.byte(b'.') && d.digits().is_some() {
            *t = d;
        }
        true
    };
    if t.spaces().byte(b'(')
        && t.spaces().digits().is_some()
        && decimals(&mut t)
        && t.spaces().byte(b'%')
        && t.spaces().byte(b')')
    {
        c = t;
    }
    c.spaces().bold().spaces();
    c.done().then_some((n, optional))
}

/// `(?i)\b(\d+)\s+((?:[a-z]+\s)?[a-z]+?)\s+total\b`: `532 unit tests total`, the figure
/// and its one or two words.
pub fn parts_total(text: &str) -> Option<(usize, Sized)> {
    let letters = |c: &mut Cursor| {
        let from = c.at;
        while c.peek().is_some_and(|b| b.is_ascii_alphabetic()) {
            c.at += 1;
        }
        (c.at > from).then_some((from, c.at))
    };
    let total_after =
        |mut c: Cursor| (c.spaces1() && c.lit_ci("total") && c.boundary()).then_some(c.at);
    let (start, m) = find_all(text, number_start, |t, i| {
        let mut c = Cursor::new(t, i);
        let n = c.digits()?;
        if !c.spaces1() {
            return None;
        }
        let from = c.at;
        let first = letters(&mut c)?;
        // Two words: the first, one space, the second.
        let mut two = c;
        if two.peek().is_some_and(super::scan::is_space) {
            two.at += 1;
            if letters(&mut two).is_some()
                && let Some(end) = total_after(two)
            {
                let noun = (from, two.at);
                return Some((end, Sized { figure: n, noun }));
            }
        }
        total_after(c).map(|end| {
            let noun = first;
            (end, Sized { figure: n, noun })
        })
    })
    .next()?;
    Some((start, m))
}

/// `\((\s*\d+\s+[A-Za-z-]+(?:\s*\+\s*\d+\s+[A-Za-z-]+)+\s*)\)`: `(17 unit + 3 integration)`,
/// the span inside the parentheses.
pub fn plus_parts(text: &str) -> impl Iterator<Item = (usize, Span)> + '_ {
    let word = |c: &mut Cursor| {
        let from = c.at;
        while c
            .peek()
            .is_some_and(|b| b.is_ascii_alphabetic() || b == b'-')
        {
            c.at += 1;
        }
        c.at > from
    };
    find_all_at(text, b'(', move |t, i| {
        let mut c = Cursor::new(t, i + 1);
        let from = c.at;
        if !(c.spaces().digits().is_some() && c.spaces1() && word(&mut c)) {
            return None;
        }
        let mut parts = 0;
        loop {
            let mut p = c;
            if p.spaces().byte(b'+') && p.spaces().digits().is_some() && p.spaces1() && word(&mut p)
            {
                c = p;
                parts += 1;
            } else {
                break;
            }
        }
        let inner_end = c.spaces().at;
        (parts > 0 && c.byte(b')')).then_some((c.at, (from, inner_end)))
    })
}

/// `(\d+)\s+(\p{Alphabetic}[\p{Alphabetic}-]*(?:\s+\p{Alphabetic}[\p{Alphabetic}-]*)?)`: a figure and the one or two
/// words after it.
pub fn number_noun(text: &str) -> impl Iterator<Item = (usize, Sized)> + '_ {
    find_all(
        text,
        |s, i| s[i].is_ascii_digit() && (i == 0 || !s[i - 1].is_ascii_digit()),
        |t, i| {
            let mut c = Cursor::new(t, i);
            let n = c.digits()?;
            if !c.spaces1() {
                return None;
            }
            let (from, mut end) = c.noun()?;
            let mut t2 = c;
            if t2.spaces1()
                && let Some((_, e)) = t2.noun()
            {
                end = e;
                c = t2;
            }
            let noun = (from, end);
            Some((c.at, Sized { figure: n, noun }))
        },
    )
}

/// `^\W*\[?\s*(\d+)\s+more\b`: a placeholder such as `[31 more controllers...]`.
pub fn placeholder(text: &str) -> Option<Span> {
    let mut c = Cursor::new(text, 0);
    while c.peek().is_some_and(|b| !is_word(b)) {
        c.at += 1;
    }
    let n = c.digits()?;
    (c.spaces1() && c.lit("more") && c.boundary()).then_some(n)
}

#[cfg(test)]
mod tests;
