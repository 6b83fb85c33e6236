//! Claims written in a line of text: counts, sizes, percentages, status words, totals.
//!
//! Each finder takes one line with inline code blanked out and returns what it found with
//! byte spans in the file (`base` is the line's offset). Where a claim may stand is decided
//! by the caller; these functions only read figures.

use std::collections::HashSet;
use std::sync::LazyLock;

use regex::{Captures, Regex};

use super::ids::{is_measure, is_work_noun, kind_of, singular};
use crate::model::{ClaimKind, Figure, Marker, Percent, Tally};
use crate::source::Span;
use crate::vocab::{self, State};

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
    pub fn status(state: State, words: Option<Span>, marker: Option<Marker>, at: usize) -> Self {
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

macro_rules! re {
    ($name:ident, $pattern:expr) => {
        static $name: LazyLock<Regex> = LazyLock::new(|| super::pattern::ascii($pattern));
    };
}

const NOUN: &str = r"([A-Za-z][A-Za-z-]*)";
re!(
    COUNT_PAREN,
    &format!(r"\(\s*(?:\*\*)?(\d+)\s*/\s*(\d+)\b(?:\s+{NOUN})?")
);
re!(
    COUNT_AFTER_PERCENT,
    &format!(r"%\s*(?:\*\*)?\s*[-–—]\s*(?:\*\*)?\s*(\d+)\s*/\s*(\d+)\b(?:\s+{NOUN})?")
);
re!(
    COUNT_OF,
    &format!(
        r"(?i)\b(\d+)\s+of\s+(\d+)\s+{NOUN}\s+(?:are\s+|is\s+)?(?:complete|completed|done|finished)\b"
    )
);
re!(SIZE_PAREN, &format!(r"\(\s*(\d+)\s+{NOUN}\s*\)"));
re!(
    SIZE_ACROSS,
    &format!(r"(?i)\(\s*(\d+)\s+{NOUN}\s+(?:across|in|over)\s+(\d+)\s+{NOUN}\s*\)")
);
re!(
    PERCENT_PAREN,
    r"\(\s*(?:\*\*)?(~|≈|about\s+|approx\.?\s+)?(\d{1,3}(?:\.\d+)?)%\s*(?:\*\*)?\s*(?:\)|[-–—(])"
);
re!(
    PERCENT_BEFORE_COUNT,
    r"(~|≈)?(\d{1,3}(?:\.\d+)?)%(?:\*\*)?\s*(?:\(|[-–—]\s*\(?)\s*(?:\*\*)?\d+\s*/\s*\d+"
);
re!(
    PERCENT_LEADING,
    r"^\s*(?:\*\*)?\s*(~|≈|about\s+|approx\.?\s+)?(\d{1,3}(?:\.\d+)?)%"
);
re!(
    TALLY_LABEL,
    r"(?i)^(total|completed|complete|done|finished|in[ -]progress|not[ -]started|remaining)\b\s*(.*)$"
);
re!(
    TALLY_VALUE,
    r"^\s*(?:\*\*)?\s*(\d+)(?:\*\*)?\s*(?:\(\s*\+\s*(\d+)\s+optional\s*\))?\s*(?:\*\*)?\s*$"
);
re!(
    PARTS_TOTAL,
    r"(?i)\b(\d+)\s+((?:[a-z]+\s)?[a-z]+?)\s+total\b"
);
re!(
    PLUS_PARTS,
    r"\((\s*\d+\s+[A-Za-z-]+(?:\s*\+\s*\d+\s+[A-Za-z-]+)+\s*)\)"
);
re!(
    NUMBER_NOUN,
    r"(\d+)\s+([A-Za-z][A-Za-z-]*(?:\s+[A-Za-z][A-Za-z-]*)?)"
);

fn figure(c: &Captures, i: usize, base: usize) -> Option<Figure> {
    let m = c.get(i)?;
    Some(Figure {
        value: m.as_str().parse().ok()?,
        span: base + m.start()..base + m.end(),
    })
}

fn percent(c: &Captures, i: usize, base: usize) -> Option<Percent> {
    let m = c.get(i)?;
    let decimals = m.as_str().split_once('.').map_or(0, |(_, d)| d.len() as u8);
    Some(Percent {
        value: m.as_str().parse().ok()?,
        decimals,
        span: base + m.start()..base + m.end(),
    })
}

fn countable(noun: Option<&str>) -> bool {
    noun.is_none_or(|n| !is_measure(n))
}

/// `(3/8 tasks)`, `100% - 12/12 sub-tasks`, `3 of 8 phases complete`.
pub fn counts(text: &str, base: usize) -> Vec<Found> {
    let mut out = Vec::new();
    // Two patterns can read the same figure; a set keeps a line of many figures linear.
    let mut seen = HashSet::new();
    for re in [&*COUNT_PAREN, &*COUNT_AFTER_PERCENT, &*COUNT_OF] {
        for c in re.captures_iter(text) {
            let (Some(done), Some(total)) = (figure(&c, 1, base), figure(&c, 2, base)) else {
                continue;
            };
            let noun = c.get(3).map(|m| m.as_str());
            if done.value > total.value || total.value == 0 || !countable(noun) {
                continue;
            }
            if !seen.insert(done.span.start) {
                continue;
            }
            let at = c.get(0).map_or(0, |m| m.start());
            let noun = noun.map(singular);
            out.push(Found {
                kind: ClaimKind::Count { done, total, noun },
                approx: false,
                at,
            });
        }
    }
    out
}

/// `(3 sub-tasks)`, `(22 Epics Across 7 Phases)`, in nouns that count work.
pub fn sizes(text: &str, base: usize) -> Vec<Found> {
    let mut out = Vec::new();
    for c in SIZE_ACROSS.captures_iter(text) {
        let at = c.get(0).map_or(0, |m| m.start());
        for (n, noun) in [(1, 2), (3, 4)] {
            push_size(&mut out, &c, n, noun, base, at);
        }
    }
    if out.is_empty() {
        for c in SIZE_PAREN.captures_iter(text) {
            push_size(&mut out, &c, 1, 2, base, c.get(0).map_or(0, |m| m.start()));
        }
    }
    out
}

fn push_size(out: &mut Vec<Found>, c: &Captures, n: usize, noun: usize, base: usize, at: usize) {
    let (Some(total), Some(noun)) = (figure(c, n, base), c.get(noun)) else {
        return;
    };
    // `(2 weeks)` is an estimate, even though `Week 2` can name a unit.
    let counts_work = is_work_noun(noun.as_str()) || kind_of(noun.as_str()).is_some();
    if counts_work && !is_measure(noun.as_str()) {
        let kind = ClaimKind::Size {
            total,
            noun: singular(noun.as_str()),
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
    let c = SIZE_PAREN.captures(text)?;
    let noun = c.get(2)?.as_str();
    (!is_measure(noun)).then(|| Some((singular(noun), c[1].parse().ok()?)))?
}

/// A placeholder such as `[31 more controllers...]`.
pub fn placeholder(text: &str) -> Option<u64> {
    static RE: LazyLock<Regex> =
        LazyLock::new(|| super::pattern::ascii(r"^\W*\[?\s*(\d+)\s+more\b"));
    RE.captures(text)?[1].parse().ok()
}

/// Percentages that stand beside a unit: `(0%)`, `(100% - 12/12 ...)`, `0% (0/9 ...)`.
pub fn percents(text: &str, base: usize) -> Vec<Found> {
    let mut out: Vec<Found> = Vec::new();
    let mut seen = HashSet::new();
    for re in [&*PERCENT_PAREN, &*PERCENT_BEFORE_COUNT] {
        for c in re.captures_iter(text) {
            let Some(p) = percent(&c, 2, base) else {
                continue;
            };
            if !seen.insert(p.span.start) {
                continue;
            }
            let at = c.get(0).map_or(0, |m| m.start());
            out.push(Found {
                kind: ClaimKind::Percent { percent: p },
                approx: c.get(1).is_some(),
                at,
            });
        }
    }
    out
}

/// A percentage at the start of a field value or table cell: `80%`, `**~25%**`.
/// A percentage whose own words give its basis (`5% (Planning & Documentation Complete)`)
/// speaks of something no reading resolves, so it is not a claim.
pub fn leading_percent(text: &str, base: usize) -> Option<Found> {
    let c = PERCENT_LEADING.captures(text)?;
    let after = text[c.get(0)?.end()..].trim_start_matches(['*', ' ']);
    if after.starts_with('(')
        && !after[1..]
            .trim_start()
            .starts_with(|ch: char| ch.is_ascii_digit())
    {
        return None;
    }
    let p = percent(&c, 2, base)?;
    Some(Found {
        kind: ClaimKind::Percent { percent: p },
        approx: c.get(1).is_some(),
        at: 0,
    })
}

/// A `Total / Completed / In Progress / Not Started [noun]` field and its value.
pub fn tally(label: &str, value: &str, value_base: usize) -> Option<Found> {
    let l = TALLY_LABEL.captures(label.trim())?;
    let noun_text = l[2].trim();
    let noun = if noun_text.is_empty() {
        None
    } else if is_work_noun(noun_text) || kind_of(noun_text).is_some() {
        Some(singular(noun_text))
    } else {
        return None;
    };
    let tally = match l[1].to_ascii_lowercase().replace('-', " ").as_str() {
        "total" => Tally::Total,
        "in progress" => Tally::InProgress,
        "not started" | "remaining" => Tally::NotStarted,
        _ => Tally::Done,
    };
    let v = TALLY_VALUE.captures(value)?;
    let figure = figure(&v, 1, value_base)?;
    let optional = self::figure(&v, 2, value_base);
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

/// `532 unit tests total`: the figure and its noun; the parts come from the list after it.
pub fn parts_total(text: &str, base: usize) -> Option<(Figure, String, usize)> {
    let c = PARTS_TOTAL.captures(text)?;
    Some((figure(&c, 1, base)?, singular(&c[2]), c.get(0)?.start()))
}

/// The first `N noun` in a list entry, when its noun is `noun`.
pub fn part_of(entry: &str, noun: &str) -> Option<u64> {
    let c = NUMBER_NOUN.captures(entry)?;
    let found = singular(&c[2]);
    (found == noun || found.starts_with(&format!("{noun} "))).then(|| c[1].parse().ok())?
}

/// `20 tests (17 unit + 3 integration)`: a figure and the parts added with `+`.
pub fn plus_parts(text: &str, base: usize) -> Vec<Found> {
    let mut out = Vec::new();
    for c in PLUS_PARTS.captures_iter(text) {
        let Some(open) = c.get(0) else { continue };
        let before = &text[..open.start()];
        let Some(total) = NUMBER_NOUN.captures_iter(before).last() else {
            continue;
        };
        let Some(whole) = total.get(0) else { continue };
        if before[whole.end()..].len() > 30 || before[whole.end()..].contains([')', '(']) {
            continue;
        }
        let parts: Vec<u64> = c[1]
            .split('+')
            .filter_map(|p| p.split_whitespace().next()?.parse().ok())
            .collect();
        let Some(figure) = figure(&total, 1, base) else {
            continue;
        };
        let what = total[2]
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
            at: whole.start(),
        });
    }
    out
}

/// A declared status at the start of `text` (after emphasis): optional marker, then words.
/// Returns the state, the span of the words and the marker.
pub fn status_value(
    text: &str,
    base: usize,
    vocab: &vocab::Vocab,
    legend: &crate::model::Legend,
) -> Option<(State, Option<Span>, Option<crate::model::Marker>)> {
    let mut pos = super::text::emphasis_len(text);
    let mut marker = None;
    if let Some((state, len, _)) = super::text::checkbox(&text[pos..]) {
        let canonical = if state == State::Done { "[x]" } else { "[ ]" };
        let span = base + pos..base + pos + len;
        let m = crate::model::Marker {
            state,
            text: canonical.to_string(),
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
    match vocab::word_at(&text[pos..]) {
        Some((state, len)) => Some((state, Some(base + pos..base + pos + len), marker)),
        None => marker.map(|m| (m.state, None, Some(m))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(found: &[Found]) -> Vec<String> {
        found
            .iter()
            .map(|f| match &f.kind {
                ClaimKind::Count { done, total, noun } => {
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
}
