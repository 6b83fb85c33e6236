//! Claims written in a line of text: counts, sizes, percentages, status words, totals.
//!
//! Each finder takes one line with inline code blanked out and returns what it found with
//! byte spans in the file (`base` is the line's offset). Where a claim may stand is decided
//! by the caller; these functions only read figures.

use super::figures::{self, Sized};
use super::percents;
use super::ratios::{self, OwnCounts};
use super::scan::{self, Span};
use crate::model::{ClaimKind, Figure, Marker, Percent};
use crate::source;
use crate::vocab::kinds::{is_work_noun, kind_of, singular};
use crate::vocab::units::measures;
use crate::vocab::{self, State};
use rustc_hash::FxHashSet as HashSet;

/// A claim found in a line, before its subject is resolved.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    pub kind: ClaimKind,
    pub approx: bool,
    /// Byte position in the line where the claim starts (for finding the unit named before it).
    pub at: usize,
}

impl Found {
    /// A declared status: words, a marker, or both.
    pub fn status(
        state: State,
        words: Option<source::Span>,
        marker: Option<Marker>,
        at: usize,
    ) -> Self {
        Found {
            kind: ClaimKind::Status {
                state,
                words,
                marker,
            },
            approx: false,
            at,
        }
    }
}

pub(super) fn figure(text: &str, (start, end): Span, base: usize) -> Option<Figure> {
    Some(Figure {
        value: scan::figure_value(&text[start..end])?,
        span: base + start..base + end,
    })
}

fn percent(text: &str, (start, end): Span, base: usize) -> Option<Percent> {
    let written = &text[start..end];
    // More decimals than a figure written by hand has is not a figure to check or rewrite.
    let decimals = written.split_once('.').map_or(0, |(_, d)| d.len());
    let decimals = u8::try_from(decimals).ok().filter(|&d| d <= 9)?;
    Some(Percent {
        value: written.parse().ok()?,
        decimals,
        span: base + start..base + end,
    })
}

fn countable(text: &str, noun: Option<Span>) -> bool {
    noun.is_none_or(|n| !measured(text, n))
}

/// Whether the noun at `span` measures rather than counts (`5 days`, `32/37 story points`).
fn measured(text: &str, (start, end): Span) -> bool {
    measures(&text[start..end], &text[end..])
}

/// `(3/8 tasks)`, `100% - 12/12 sub-tasks`, `3 of 8 phases complete`.
pub fn counts(text: &str, base: usize) -> Vec<Found> {
    let mut out = Vec::new();
    if !text.contains('/') && !scan::contains_ci(text, "of") {
        return out;
    }
    // Two forms can read the same figure; a set keeps a line of many figures linear.
    let mut seen = HashSet::default();
    let found = figures::count_paren(text)
        .chain(figures::count_after_percent(text))
        .chain(figures::count_of(text));
    for (at, m) in found {
        let (Some(done), Some(total)) = (figure(text, m.done, base), figure(text, m.total, base))
        else {
            continue;
        };
        if done.value > total.value || total.value == 0 || !countable(text, m.noun) {
            continue;
        }
        if !seen.insert(done.span.start) {
            continue;
        }
        let noun = m.noun.map(|(s, e)| singular(&text[s..e]));
        out.push(Found {
            kind: ClaimKind::Count {
                done,
                total,
                noun,
                alone: false,
            },
            approx: false,
            at,
        });
    }
    out
}

/// A count that opens a field value or a table cell, after any marker: `24/25 steps`,
/// `✅ 7/7`. What follows it is the caller's to read.
pub fn leading_count(text: &str, base: usize) -> Option<Found> {
    let from = text.len()
        - text
            .trim_start_matches(|ch: char| {
                ch == ' ' || ch == '*' || !ch.is_ascii() && !ch.is_alphanumeric()
            })
            .len();
    let (_, m) = figures::count_at(text, from)?;
    let (done, total) = (figure(text, m.done, base)?, figure(text, m.total, base)?);
    if done.value > total.value || total.value == 0 || !countable(text, m.noun) {
        return None;
    }
    // `3/5 done` says what the first figure counts, not what the items are; in `91/128 total
    // tasks` the noun is the word after `total`.
    let noun = m
        .noun
        .map(|(s, e)| match &text[s..e] {
            w if w.eq_ignore_ascii_case("total") => next_word(&text[e..]).unwrap_or(w),
            w => w,
        })
        .filter(|n| {
            !vocab::labels::COUNT_DONE
                .iter()
                .any(|w| n.eq_ignore_ascii_case(w))
        })
        .map(singular);
    Some(Found {
        kind: ClaimKind::Count {
            done,
            total,
            noun,
            alone: true,
        },
        approx: false,
        at: from,
    })
}

/// The word after the spaces that start `text`, in letters of any script and hyphens.
fn next_word(text: &str) -> Option<&str> {
    let rest = text.strip_prefix(' ')?.trim_start();
    let len = rest
        .find(|ch: char| !ch.is_alphabetic() && ch != '-')
        .unwrap_or(rest.len());
    (len > 0).then(|| &rest[..len])
}

/// `(3 sub-tasks)`, `(22 Epics Across 7 Phases)`, in nouns that count work.
pub fn sizes(text: &str, base: usize) -> Vec<Found> {
    let mut out = Vec::new();
    if !text.contains('(') {
        return out;
    }
    for (at, pair) in figures::size_across(text) {
        for sized in pair {
            push_size(&mut out, text, sized, base, at);
        }
    }
    if out.is_empty() {
        for (at, sized) in figures::size_paren(text) {
            push_size(&mut out, text, sized, base, at);
        }
    }
    out
}

fn push_size(out: &mut Vec<Found>, text: &str, sized: Sized, base: usize, at: usize) {
    let Some(total) = figure(text, sized.figure, base) else {
        return;
    };
    let noun = &text[sized.noun.0..sized.noun.1];
    // `(2 weeks)` is an estimate, even though `Week 2` can name a unit.
    let counts_work = is_work_noun(noun) || kind_of(noun).is_some();
    if counts_work && !measured(text, sized.noun) {
        let kind = ClaimKind::Size {
            total,
            noun: singular(noun),
            list_len: None,
        };
        out.push(Found {
            kind,
            approx: false,
            at,
        });
    }
}

/// An item's own size in any noun: `**Automation** (5 models)`.
pub fn own_size(text: &str) -> Option<(String, u64)> {
    let (
        _,
        Sized {
            figure: (ns, ne),
            noun: (ws, we),
        },
    ) = figures::size_paren(text).next()?;
    let noun = &text[ws..we];
    (!measured(text, (ws, we)))
        .then(|| Some((singular(noun), scan::figure_value(&text[ns..ne])?)))?
}

/// Whether the words after a percentage say what it is a share of, other than work: `of
/// active epic work`, `of total`. `of tasks`, `of all phases` and `of Sprint 2` count work.
fn basis_in_words(after: &str) -> bool {
    let Some(rest) = after
        .get(..3)
        .filter(|w| w.eq_ignore_ascii_case("of "))
        .map(|_| after[3..].trim_start())
    else {
        return false;
    };
    let first = rest
        .split(|ch: char| !ch.is_alphanumeric() && ch != '-')
        .filter(|w| !w.is_empty())
        .find(|w| !["all", "the"].iter().any(|a| w.eq_ignore_ascii_case(a)));
    first.is_none_or(|w| !is_work_noun(w) && kind_of(w).is_none())
}

/// A placeholder such as `[31 more controllers...]`.
pub fn placeholder(text: &str) -> Option<u64> {
    let (s, e) = figures::placeholder(text)?;
    scan::figure_value(&text[s..e])
}

/// Percentages that stand beside a unit: `(0%)`, `(100% - 12/12 ...)`, `0% (0/9 ...)`.
pub fn percents(text: &str, base: usize) -> Vec<Found> {
    let mut out: Vec<Found> = Vec::new();
    if !text.contains('%') {
        return out;
    }
    let mut seen = HashSet::default();
    let own = OwnCounts::of(text);
    let found = percents::percent_paren(text)
        .chain(percents::percent_before_count(text))
        .chain(ratios::trailing_percents(text, &own));
    for (at, m) in found {
        let Some(p) = percent(text, m.figure, base) else {
            continue;
        };
        if !seen.insert(p.span.start) {
            continue;
        }
        out.push(Found {
            kind: ratios::percent_kind(text, m.figure, p, &own),
            approx: m.approx.is_some(),
            at,
        });
    }
    out
}

/// A percentage at the start of a field value or table cell: `80%`, `**~25%**`.
/// A percentage whose own words give its basis (`5% (Planning & Documentation Complete)`,
/// `74% of active epic work`, `40% of total`) speaks of something no reading resolves, so
/// it is not a claim; `60% of tasks` and `90% of Sprint 2` name what they count.
pub fn leading_percent(text: &str, base: usize) -> Option<Found> {
    let (end, m) = percents::leading_percent(text)?;
    let after = text[end..].trim_start_matches(['*', ' ']);
    if after.starts_with('(')
        && !after[1..]
            .trim_start()
            .starts_with(|ch: char| ch.is_ascii_digit())
        || basis_in_words(after)
    {
        return None;
    }
    let p = percent(text, m.figure, base)?;
    Some(Found {
        kind: ratios::percent_kind(text, m.figure, p, &OwnCounts::of(text)),
        approx: m.approx.is_some(),
        at: 0,
    })
}

/// A declared status at the start of `text` (after emphasis): optional marker, then words.
/// Returns the state, the span of the words and the marker.
pub fn status_value(
    text: &str,
    base: usize,
    vocab: &vocab::Vocab,
    legend: &crate::model::Legend,
) -> Option<(State, Option<source::Span>, Option<crate::model::Marker>)> {
    let mut pos = super::text::emphasis_len(text);
    let mut marker = None;
    if let Some((state, len, _)) = super::text::checkbox(&text[pos..]) {
        let canonical = if state == State::Done { "[x]" } else { "[ ]" };
        let span = base + pos..base + pos + len;
        let m = crate::model::Marker {
            state,
            text: canonical.into(),
            span,
            garbled: false,
        };
        return Some((state, None, Some(m)));
    }
    if let Some(m) = vocab.marker_at(&text[pos..]) {
        let state = legend
            .state_of(&m.canonical)
            .or_else(|| vocab.marker_state(&m.canonical));
        let mut len = m.len;
        len += text[pos + len..].len() - text[pos + len..].trim_start_matches('\u{FE0F}').len();
        if let Some(state) = state {
            let span = base + pos..base + pos + len;
            marker = Some(crate::model::Marker {
                state,
                text: m.canonical,
                span,
                garbled: m.garbled,
            });
        }
        pos += len;
        pos += super::text::emphasis_len(&text[pos..]);
    }
    if marker.is_none() {
        // A sign that is no marker (`🚀 In Progress`) decorates the words after it.
        let rest = &text[pos..];
        let signs = rest.trim_start_matches(|c: char| {
            c == ' ' || c == '\u{FE0F}' || (!c.is_ascii() && !c.is_alphanumeric())
        });
        pos += rest.len() - signs.len();
    }
    match vocab::word_at(&text[pos..]) {
        // `Pending:` opens a list of what is pending; it states no status of its own.
        Some((_, len)) if text[pos + len..].trim_start_matches('*').starts_with(':') => None,
        Some((state, len)) => {
            let state = match state {
                State::Done if takes_part_out(&text[pos + len..]) => State::InProgress,
                s => s,
            };
            Some((state, Some(base + pos..base + pos + len), marker))
        }
        None => marker.map(|m| (m.state, None, Some(m))),
    }
}

/// Whether the words after a status word leave part of the work out: `(except screenshots)`,
/// `, but untested`.
fn takes_part_out(rest: &str) -> bool {
    let rest = rest.trim_start_matches([' ', '*', '(', ',', '-', '–', '—']);
    vocab::labels::EXCEPT.iter().any(|w| {
        rest.get(..w.len())
            .is_some_and(|head| head.to_lowercase() == *w)
            && rest[w.len()..]
                .chars()
                .next()
                .is_none_or(|ch| !ch.is_alphanumeric())
    })
}

#[cfg(test)]
mod tests;
