//! Tallies and totals: `Total Tasks: 12`, `Completed: 5`, `532 unit tests total` over the
//! list of its parts, `20 tests (17 unit + 3 integration)`.

use super::claims::{Found, figure};
use super::figures::{self, Sized};
use super::scan;
use crate::model::{ClaimKind, Figure, Tally};
use crate::vocab::kinds::{is_work_noun, kind_of, singular};
use crate::vocab::{State, labels};

/// `(?i)^(total|completed|...|remaining)\b\s*(.*)$`: the tally a label declares and the
/// noun text after it.
fn tally_label(label: &str) -> Option<(Tally, &str)> {
    labels::TALLIES.iter().find_map(|(word, state)| {
        let mut c = scan::Cursor::new(label, 0);
        let hit = c.lit_ci(word) && c.boundary() && !label.contains('\n');
        let tally = match state {
            None => Tally::Total,
            Some(State::Done) => Tally::Done,
            Some(State::InProgress) => Tally::InProgress,
            Some(_) => Tally::NotStarted,
        };
        hit.then(|| (tally, &label[c.spaces().at..]))
    })
}

/// A `Total / Completed / In Progress / Not Started [noun]` field and its value.
pub fn tally(label: &str, value: &str, value_base: usize) -> Option<Found> {
    let (tally, noun_text) = tally_label(label.trim())?;
    let noun_text = noun_text.trim();
    let noun = if noun_text.is_empty() {
        None
    } else if is_work_noun(noun_text) || kind_of(noun_text).is_some() {
        Some(singular(noun_text))
    } else {
        return None;
    };
    let (n, optional, noun) = match figures::tally_value(value) {
        Some((n, optional)) => (n, optional, noun),
        None if noun.is_none() => {
            let (n, value_noun) = noun_after_figure(value)?;
            (n, None, Some(value_noun))
        }
        None => return None,
    };
    let figure = figure(value, n, value_base)?;
    let optional = optional.and_then(|o| self::figure(value, o, value_base));
    Some(Found {
        kind: ClaimKind::Tally {
            tally,
            figure,
            noun,
            optional,
        },
        approx: false,
        at: 0,
    })
}

/// `8 tasks 🚧`, `**3** phases`: a tally's value that names its noun after the figure, with
/// nothing after but signs. As `^[\s*]*(\d+)[\s*]+([A-Za-z-]+)[^\p{L}\p{N}]*$` with a noun of
/// work or a kind.
fn noun_after_figure(value: &str) -> Option<(scan::Span, String)> {
    let mut c = scan::Cursor::new(value, 0);
    c.spaces().bold().spaces();
    let n = c.digits()?;
    c.bold();
    if !c.spaces1() {
        return None;
    }
    let (ws, we) = c.noun()?;
    let rest = &value[we..];
    let noun = &value[ws..we];
    let known = is_work_noun(noun) || kind_of(noun).is_some();
    (known && rest.chars().all(|ch| !ch.is_alphanumeric())).then(|| (n, singular(noun)))
}

/// `532 unit tests total`: the figure and its noun; the parts come from the list after it.
pub fn parts_total(text: &str, base: usize) -> Option<(Figure, String, usize)> {
    let (
        at,
        Sized {
            figure: n,
            noun: (ws, we),
        },
    ) = figures::parts_total(text)?;
    Some((figure(text, n, base)?, singular(&text[ws..we]), at))
}

/// The first `N noun` in a list entry, when its noun is `noun`.
pub fn part_of(entry: &str, noun: &str) -> Option<u64> {
    let (
        _,
        Sized {
            figure: (ns, ne),
            noun: (ws, we),
        },
    ) = figures::number_noun(entry).next()?;
    let found = singular(&entry[ws..we]);
    (found == noun || found.starts_with(&format!("{noun} ")))
        .then(|| scan::figure_value(&entry[ns..ne]))?
}

/// `20 tests (17 unit + 3 integration)`: a figure and the parts added with `+`.
pub fn plus_parts(text: &str, base: usize) -> Vec<Found> {
    let mut out = Vec::new();
    if !text.contains('+') {
        return out;
    }
    for (open, (is, ie)) in figures::plus_parts(text) {
        let before = &text[..open];
        let Some((
            start,
            Sized {
                figure: n,
                noun: (ws, we),
            },
        )) = figures::number_noun(before).last()
        else {
            continue;
        };
        let whole_end = we;
        if before[whole_end..].len() > 30 || before[whole_end..].contains([')', '(']) {
            continue;
        }
        let parts: Vec<u64> = text[is..ie]
            .split('+')
            .filter_map(|p| scan::figure_value(p.split_whitespace().next()?))
            .collect();
        let Some(figure) = figure(text, n, base) else {
            continue;
        };
        let what = text[ws..we]
            .split_whitespace()
            .next()
            .unwrap_or_default()
            .to_string();
        out.push(Found {
            kind: ClaimKind::Sum {
                figure,
                parts,
                what,
            },
            approx: false,
            at: start,
        });
    }
    out
}
