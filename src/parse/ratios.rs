//! Percentages written with their own count: `75% (19/25 story points)`, `2/46 pages (4%)`,
//! `(28 von 69 behoben - 60%)`. When the count's noun is no count of work, the count is the
//! percentage's basis, and the claim is a [`ClaimKind::Ratio`] checked against it alone.

use super::figures;
use super::percents;
use super::scan::{self, Span};
use crate::model::{ClaimKind, Percent};
use crate::vocab::kinds::{is_group_noun, is_work_noun, kind_of};
use crate::vocab::units::measures;
use rustc_hash::FxHashMap as HashMap;

/// A percentage, or a [`ClaimKind::Ratio`] where a count in a noun the items do not count
/// stands right beside it and gives its basis.
pub(super) fn percent_kind(
    text: &str,
    (start, end): Span,
    percent: Percent,
    own: &OwnCounts,
) -> ClaimKind {
    // Only the counts that start just after the percentage or end just before it are
    // looked up, so a line of many figures stays linear.
    let after = (end..=end + BESIDE).filter_map(|at| own.by_start.get(&at));
    let before = (start.saturating_sub(BESIDE)..=start).filter_map(|at| own.by_end.get(&at));
    let beside = |c: &&OwnCount| between(text, end, c.count.done.0) || between(text, c.end, start);
    match after.chain(before).map(|&i| &own.list[i]).find(beside) {
        Some(c) => ClaimKind::Ratio {
            percent,
            done: c.done,
            total: c.total,
        },
        None => ClaimKind::Percent { percent },
    }
}

/// How far apart a percentage and its count may stand.
const BESIDE: usize = 8;

/// A count whose noun is no count of work: a measure (`19/25 story points`), a group of
/// work (`13 of 18 sprints`) or a thing the items are not (`2/46 pages`, `28 of 69 fixed`).
struct OwnCount {
    count: figures::Count,
    /// Where the count's noun ends.
    end: usize,
    done: u64,
    total: u64,
}

/// A line's own counts in line order, found by where each starts and where its noun ends.
#[derive(Default)]
pub(super) struct OwnCounts {
    list: Vec<OwnCount>,
    by_start: HashMap<usize, usize>,
    by_end: HashMap<usize, usize>,
}

impl OwnCounts {
    pub(super) fn of(text: &str) -> Self {
        let mut own = OwnCounts::default();
        if text.contains('%') {
            for c in own_counts(text) {
                own.by_end.insert(c.end, own.list.len());
                own.by_start.insert(c.count.done.0, own.list.len());
                own.list.push(c);
            }
        }
        own
    }
}

fn own_counts(text: &str) -> impl Iterator<Item = OwnCount> + '_ {
    figures::count_paren(text)
        .chain(figures::count_after_percent(text))
        .chain(figures::count_bare(text))
        .chain(figures::count_words(text))
        .filter_map(|(_, count)| {
            let noun = count.noun?;
            let word = &text[noun.0..noun.1];
            let own = measures(word, &text[noun.1..])
                || is_group_noun(word)
                || !(is_work_noun(word) || kind_of(word).is_some());
            let done = scan::figure_value(&text[count.done.0..count.done.1])?;
            let total = scan::figure_value(&text[count.total.0..count.total.1])?;
            (own && done <= total && total > 0).then_some(OwnCount {
                count,
                end: noun.1,
                done,
                total,
            })
        })
}

/// Whether only brackets, dashes, emphasis and spaces stand between `from` and `to`: what
/// stands there is written together.
fn between(text: &str, from: usize, to: usize) -> bool {
    from <= to
        && to - from <= BESIDE
        && text[from..to]
            .chars()
            .all(|ch| matches!(ch, ' ' | '%' | '(' | ')' | '*' | '-' | '–' | '—' | ':'))
}

/// Percentages written right after a count of their own (`(28 of 69 fixed - 40%)`), which
/// no other form finds.
pub(super) fn trailing_percents<'t>(
    text: &'t str,
    own: &'t OwnCounts,
) -> impl Iterator<Item = (usize, percents::Pct)> + 't {
    own.list.iter().filter_map(move |c| {
        let from = c.end
            + text[c.end..]
                .find(|ch: char| !matches!(ch, ' ' | '(' | '*' | '-' | '–' | '—' | ':'))?;
        if !between(text, c.end, from) {
            return None;
        }
        percents::percent_at(text, from).map(|(_, p)| (from, p))
    })
}
