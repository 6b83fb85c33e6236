//! The figures of a line as written: counts, sizes, percentages and sums, found where they
//! stand, with the byte spans of their parts. Each matcher implements the regular expression
//! in its comment, which its test holds it to; what the figures mean is for `claims`.

use super::scan::{Cursor, Span, is_word};

/// Every non-overlapping match of `at` in `text`, left to right, as a regex search finds
/// them: tried at each position where `starts` holds, resumed after each match.
pub fn find_all<'t, M: 't>(
    text: &'t str,
    starts: impl Fn(&[u8], usize) -> bool + 't,
    at: impl Fn(&'t str, usize) -> Option<(usize, M)> + 't,
) -> impl Iterator<Item = (usize, M)> + 't {
    let s = text.as_bytes();
    let mut i = 0;
    std::iter::from_fn(move || {
        while i < s.len() {
            if starts(s, i)
                && let Some((end, m)) = at(text, i)
            {
                let start = i;
                i = end.max(i + 1);
                return Some((start, m));
            }
            i += 1;
        }
        None
    })
}

/// As [`find_all`] for matches that start with the byte `first`: the line is searched for
/// that byte (with memchr) rather than tried at every position.
pub fn find_all_at<'t, M: 't>(
    text: &'t str,
    first: u8,
    at: impl Fn(&'t str, usize) -> Option<(usize, M)> + 't,
) -> impl Iterator<Item = (usize, M)> + 't {
    let s = text.as_bytes();
    let mut i = 0;
    std::iter::from_fn(move || {
        while let Some(skip) = memchr::memchr(first, s.get(i..)?) {
            let start = i + skip;
            if let Some((end, m)) = at(text, start) {
                i = end.max(start + 1);
                return Some((start, m));
            }
            i = start + 1;
        }
        i = s.len();
        None
    })
}

/// A digit that starts a number where `\b` holds before it.
fn number_start(s: &[u8], i: usize) -> bool {
    s[i].is_ascii_digit() && (i == 0 || !is_word(s[i - 1]))
}

/// `(?:\s+([A-Za-z][A-Za-z-]*))?` after a count: the noun, if there is one.
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

/// `\(\s*(\d+)\s+NOUN\s*\)`: `(3 sub-tasks)`, the figure and the noun.
pub fn size_paren(text: &str) -> impl Iterator<Item = (usize, (Span, Span))> + '_ {
    find_all_at(text, b'(', |t, i| {
        let mut c = Cursor::new(t, i + 1);
        let m = figure_noun(c.spaces())?;
        c.spaces().byte(b')').then_some((c.at, m))
    })
}

/// `(?i)\(\s*(\d+)\s+NOUN\s+(?:across|in|over)\s+(\d+)\s+NOUN\s*\)`: `(22 Epics Across 7
/// Phases)`, both figures with their nouns.
pub fn size_across(text: &str) -> impl Iterator<Item = (usize, [(Span, Span); 2])> + '_ {
    find_all_at(text, b'(', |t, i| {
        let mut c = Cursor::new(t, i + 1);
        let (n1, noun1) = figure_noun(c.spaces())?;
        if !(c.spaces1() && c.one_of_ci(&["across", "in", "over"]).is_some() && c.spaces1()) {
            return None;
        }
        let (n2, noun2) = figure_noun(&mut c)?;
        c.spaces()
            .byte(b')')
            .then_some((c.at, [(n1, noun1), (n2, noun2)]))
    })
}

/// `(\d+)\s+NOUN`.
fn figure_noun(c: &mut Cursor) -> Option<(Span, Span)> {
    let n = c.digits()?;
    if !c.spaces1() {
        return None;
    }
    Some((n, c.noun()?))
}

/// A percentage as written: whether it is approximate, and its figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pct {
    pub approx: Option<Span>,
    pub figure: Span,
}

/// `(~|≈|about\s+|approx\.?\s+)?(\d{1,3}(?:\.\d+)?)%`, or with `words` false
/// `(~|≈)?(\d{1,3}(?:\.\d+)?)%`.
fn percent(c: &mut Cursor, words: bool) -> Option<Pct> {
    let from = c.at;
    let mut t = approximately(*c, words).unwrap_or(*c);
    let approx = (t.at > from).then_some((from, t.at));
    let figure = t.decimal(3)?;
    if !t.byte(b'%') {
        return None;
    }
    *c = t;
    Some(Pct { approx, figure })
}

/// `~`, `≈`, and with `words` also `about\s+` and `approx\.?\s+`: the cursor after it.
fn approximately(c: Cursor, words: bool) -> Option<Cursor> {
    let mut t = c;
    if t.byte(b'~') || t.lit("≈") {
        return Some(t);
    }
    if !words {
        return None;
    }
    let mut t = c;
    if t.lit("about") && t.spaces1() {
        return Some(t);
    }
    let mut t = c;
    if t.lit("approx") {
        t.byte(b'.');
        if t.spaces1() {
            return Some(t);
        }
    }
    None
}

/// `\(\s*(?:\*\*)?(~|≈|about\s+|approx\.?\s+)?(\d{1,3}(?:\.\d+)?)%\s*(?:\*\*)?\s*(?:\)|[-–—(])`:
/// `(0%)`, `(100% - 12/12 ...)`.
pub fn percent_paren(text: &str) -> impl Iterator<Item = (usize, Pct)> + '_ {
    find_all_at(text, b'(', |t, i| {
        let mut c = Cursor::new(t, i + 1);
        c.spaces().bold();
        let p = percent(&mut c, true)?;
        c.spaces().bold().spaces();
        let close = c.byte(b')') || c.byte(b'-') || c.lit("–") || c.lit("—") || c.byte(b'(');
        close.then_some((c.at, p))
    })
}

/// `(~|≈)?(?-u:\b)(\d{1,3}(?:\.\d+)?)%(?:\*\*)?\s*(?:\(|[-–—]\s*\(?)\s*(?:\*\*)?\d+\s*/\s*\d+`:
/// `0% (0/9 ...)`. The figure starts a number: the last digits of a longer one are no
/// percentage.
pub fn percent_before_count(text: &str) -> impl Iterator<Item = (usize, Pct)> + '_ {
    find_all(
        text,
        |s, i| number_start(s, i) || s[i] == b'~' || s[i..].starts_with("≈".as_bytes()),
        |t, i| {
            let mut c = Cursor::new(t, i);
            let p = percent(&mut c, false)?;
            c.bold().spaces();
            if !c.byte(b'(') {
                if !(c.byte(b'-') || c.lit("–") || c.lit("—")) {
                    return None;
                }
                c.spaces().byte(b'(');
            }
            c.spaces().bold().digits()?;
            if !c.spaces().byte(b'/') {
                return None;
            }
            c.spaces().digits().map(|_| (c.at, p))
        },
    )
}

/// `^\s*(?:\*\*)?\s*(~|≈|about\s+|approx\.?\s+)?(\d{1,3}(?:\.\d+)?)%`: `80%`, `**~25%**`.
pub fn leading_percent(text: &str) -> Option<(usize, Pct)> {
    let mut c = Cursor::new(text, 0);
    c.spaces().bold().spaces();
    let p = percent(&mut c, true)?;
    Some((c.at, p))
}

/// `^\s*(?:\*\*)?\s*(\d+)(?:\*\*)?\s*(?:\(\s*\+\s*(\d+)\s+optional\s*\))?\s*(?:\*\*)?\s*$`:
/// a tally's value, `52 (+ 1 optional)`.
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
    c.spaces().bold().spaces();
    c.done().then_some((n, optional))
}

/// `(?i)\b(\d+)\s+((?:[a-z]+\s)?[a-z]+?)\s+total\b`: `532 unit tests total`, the figure
/// and its one or two words.
pub fn parts_total(text: &str) -> Option<(usize, (Span, Span))> {
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
                return Some((end, (n, (from, two.at))));
            }
        }
        total_after(c).map(|end| (end, (n, first)))
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

/// `(\d+)\s+([A-Za-z][A-Za-z-]*(?:\s+[A-Za-z][A-Za-z-]*)?)`: a figure and the one or two
/// words after it.
pub fn number_noun(text: &str) -> impl Iterator<Item = (usize, (Span, Span))> + '_ {
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
            Some((c.at, (n, (from, end))))
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
mod tests {
    use super::*;
    use crate::parse::scan::oracle::{agree, all_groups, groups};

    const NOUNS: &[&str] = &["tasks", "Sub-tasks", "", "1", "é", "days", "x-"];
    const SP: &[&str] = &["", " ", "  "];
    const WS: &[&str] = &[" ", "  ", "", "\t"];
    const BOLD: &[&str] = &["**", "", "*"];
    const PCT: &[&str] = &["0", "25", "100", "1234", "12.5", "1.", ""];
    const APPROX: &[&str] = &[
        "", "~", "≈", "about ", "about", "approx ", "approx. ", "approx.",
    ];

    const COUNT_PAREN: &[&[&str]] = &[
        &["", "x ", "Epic 1 "],
        &["(", ""],
        SP,
        BOLD,
        &["3", "12", "", "a"],
        SP,
        &["/", "", "//"],
        SP,
        &["8", "12", "", "x"],
        &[" ", "", "a", "_", "  ", ")", "-"],
        NOUNS,
        &["", ")", " complete)"],
    ];
    const COUNT_AFTER_PERCENT: &[&[&str]] = &[
        &["", "x "],
        &["100", "5"],
        &["%", ""],
        SP,
        BOLD,
        SP,
        &["-", "–", "—", "", "x"],
        SP,
        BOLD,
        SP,
        &["12", "", "a"],
        SP,
        &["/"],
        SP,
        &["12", "0", ""],
        &["", "a", " "],
        NOUNS,
    ];
    const COUNT_OF: &[&[&str]] = &[
        &["", "x", "a", "("],
        &["3", "12", ""],
        WS,
        &["of", "OF", "off"],
        &[" ", ""],
        &["8", ""],
        &[" ", ""],
        NOUNS,
        &[" ", ""],
        &["are ", "is ", "", "are", "be "],
        &[
            "complete",
            "completed",
            "done",
            "finished",
            "Done",
            "completely",
            "finish",
        ],
        &["", ")", "x", " "],
    ];
    const SIZE_PAREN: &[&[&str]] = &[
        &["", "x "],
        &["(", ""],
        SP,
        &["3", "", "a"],
        SP,
        NOUNS,
        &["", " ", "x"],
        &[")", "", " )"],
    ];
    const SIZE_ACROSS: &[&[&str]] = &[
        &["(", "x("],
        SP,
        &["22", ""],
        &[" "],
        NOUNS,
        &[" ", ""],
        &["Across", "in", "over", "x", "inside"],
        &[" ", ""],
        &["7", ""],
        &[" "],
        NOUNS,
        SP,
        &[")", ""],
    ];
    const PERCENT_PAREN: &[&[&str]] = &[
        &["", "x "],
        &["(", ""],
        SP,
        BOLD,
        APPROX,
        PCT,
        &["%", ""],
        SP,
        BOLD,
        SP,
        &[")", "-", "–", "—", "(", "", "x"],
    ];
    const PERCENT_BEFORE_COUNT: &[&[&str]] = &[
        &["", "x", "a", "99999", "é", " "],
        &["", "~", "≈"],
        PCT,
        &["%", ""],
        BOLD,
        SP,
        &["(", "-", "– (", "—(", "", "x"],
        SP,
        BOLD,
        &["0", "12", ""],
        SP,
        &["/", ""],
        SP,
        &["9", ""],
        &["", " tasks"],
    ];
    const PERCENT_LEADING: &[&[&str]] =
        &[SP, BOLD, SP, APPROX, PCT, &["%", ""], &["", "**", " (x)"]];
    const TALLY_VALUE: &[&[&str]] = &[
        SP,
        BOLD,
        SP,
        &["52", "", "x"],
        BOLD,
        SP,
        &[
            "",
            "(+ 1 optional)",
            "( + 2  optional )",
            "(+1 optional)",
            "(+ 1 Optional)",
            "(+ x optional)",
        ],
        SP,
        BOLD,
        &["", " ", "x"],
    ];
    const PARTS_TOTAL: &[&[&str]] = &[
        &["", "x", "(", "a"],
        &["532", "5", ""],
        SP,
        &["unit", "", "Unit"],
        SP,
        &["tests", "", "x1"],
        &[" ", ""],
        &["total", "TOTAL", "totals", ""],
        &["", " across", ")"],
    ];
    const PLUS_PARTS: &[&[&str]] = &[
        &["", "20 tests "],
        &["(", ""],
        SP,
        &["17", ""],
        &[" ", ""],
        &["unit", "", "a-b"],
        SP,
        &["+", "", ","],
        SP,
        &["3", ""],
        &[" "],
        &["integration", ""],
        &["", " + 2 e2e", "+"],
        SP,
        &[")", ""],
    ];
    const NUMBER_NOUN: &[&[&str]] = &[
        &["", "x", "a1"],
        &["5", "12", ""],
        SP,
        &["unit", "", "-x"],
        SP,
        &["tests", "", "1"],
        &["", " (20 tests total)", " more"],
    ];
    const PLACEHOLDER: &[&[&str]] = &[
        &["", "**", "[", "- ", "é", "a"],
        &["", "["],
        &["", " "],
        &["31", "", "x"],
        &[" ", ""],
        &["more", "More", "moreover"],
        &["", " controllers", "..."],
    ];

    type Groups = Vec<Vec<Option<Span>>>;

    /// The whole match is not part of what the matchers return but its start; compare the
    /// start and the groups.
    fn with_start(start: usize, groups: &[Option<Span>]) -> Vec<Option<Span>> {
        let mut out = vec![Some((start, usize::MAX))];
        out.extend_from_slice(groups);
        out
    }

    fn agree_groups<M>(
        pattern: &str,
        slots: &[&[&str]],
        seed: u64,
        matcher: impl Fn(&str) -> Vec<(usize, M)>,
        shape: impl Fn(M) -> Vec<Option<Span>>,
    ) {
        let expected = |re: &regex::Regex, line: &str| -> Groups {
            all_groups(re, line)
                .into_iter()
                .map(|g| with_start(g[0].unwrap().0, &g[1..]))
                .collect()
        };
        agree(pattern, slots, seed, expected, |line| {
            matcher(line)
                .into_iter()
                .map(|(start, m)| with_start(start, &shape(m)))
                .collect::<Groups>()
        });
    }

    fn count(m: Count) -> Vec<Option<Span>> {
        vec![Some(m.done), Some(m.total), m.noun]
    }

    fn pct(m: Pct) -> Vec<Option<Span>> {
        vec![m.approx, Some(m.figure)]
    }

    const NOUN: &str = r"([A-Za-z][A-Za-z-]*)";

    #[test]
    fn counts_as_the_patterns() {
        agree_groups(
            &format!(r"\(\s*(?:\*\*)?(\d+)\s*/\s*(\d+)\b(?:\s+{NOUN})?"),
            COUNT_PAREN,
            21,
            |l| count_paren(l).collect(),
            count,
        );
        agree_groups(
            &format!(r"%\s*(?:\*\*)?\s*[-–—]\s*(?:\*\*)?\s*(\d+)\s*/\s*(\d+)\b(?:\s+{NOUN})?"),
            COUNT_AFTER_PERCENT,
            22,
            |l| count_after_percent(l).collect(),
            count,
        );
        agree_groups(
            &format!(
                r"(?i)\b(\d+)\s+of\s+(\d+)\s+{NOUN}\s+(?:are\s+|is\s+)?(?:complete|completed|done|finished)\b"
            ),
            COUNT_OF,
            23,
            |l| count_of(l).collect(),
            count,
        );
    }

    #[test]
    fn sizes_as_the_patterns() {
        agree_groups(
            &format!(r"\(\s*(\d+)\s+{NOUN}\s*\)"),
            SIZE_PAREN,
            24,
            |l| size_paren(l).collect(),
            |(n, noun)| vec![Some(n), Some(noun)],
        );
        agree_groups(
            &format!(r"(?i)\(\s*(\d+)\s+{NOUN}\s+(?:across|in|over)\s+(\d+)\s+{NOUN}\s*\)"),
            SIZE_ACROSS,
            25,
            |l| size_across(l).collect(),
            |[(a, b), (c, d)]| vec![Some(a), Some(b), Some(c), Some(d)],
        );
    }

    #[test]
    fn percentages_as_the_patterns() {
        agree_groups(
            r"\(\s*(?:\*\*)?(~|≈|about\s+|approx\.?\s+)?(\d{1,3}(?:\.\d+)?)%\s*(?:\*\*)?\s*(?:\)|[-–—(])",
            PERCENT_PAREN,
            26,
            |l| percent_paren(l).collect(),
            pct,
        );
        agree_groups(
            r"(~|≈)?(?-u:\b)(\d{1,3}(?:\.\d+)?)%(?:\*\*)?\s*(?:\(|[-–—]\s*\(?)\s*(?:\*\*)?\d+\s*/\s*\d+",
            PERCENT_BEFORE_COUNT,
            27,
            |l| percent_before_count(l).collect(),
            pct,
        );
        agree(
            r"^\s*(?:\*\*)?\s*(~|≈|about\s+|approx\.?\s+)?(\d{1,3}(?:\.\d+)?)%",
            PERCENT_LEADING,
            28,
            |re, l| groups(re, l).map(|g| (g[0].unwrap().1, g[1], g[2].unwrap())),
            |l| leading_percent(l).map(|(end, p)| (end, p.approx, p.figure)),
        );
    }

    #[test]
    fn totals_as_the_patterns() {
        agree(
            r"^\s*(?:\*\*)?\s*(\d+)(?:\*\*)?\s*(?:\(\s*\+\s*(\d+)\s+optional\s*\))?\s*(?:\*\*)?\s*$",
            TALLY_VALUE,
            29,
            |re, l| groups(re, l).map(|g| (g[1].unwrap(), g[2])),
            tally_value,
        );
        agree(
            r"(?i)\b(\d+)\s+((?:[a-z]+\s)?[a-z]+?)\s+total\b",
            PARTS_TOTAL,
            30,
            |re, l| groups(re, l).map(|g| (g[0].unwrap().0, (g[1].unwrap(), g[2].unwrap()))),
            parts_total,
        );
        agree_groups(
            r"\((\s*\d+\s+[A-Za-z-]+(?:\s*\+\s*\d+\s+[A-Za-z-]+)+\s*)\)",
            PLUS_PARTS,
            31,
            |l| plus_parts(l).collect(),
            |inner| vec![Some(inner)],
        );
        agree_groups(
            r"(\d+)\s+([A-Za-z][A-Za-z-]*(?:\s+[A-Za-z][A-Za-z-]*)?)",
            NUMBER_NOUN,
            32,
            |l| number_noun(l).collect(),
            |(n, words)| vec![Some(n), Some(words)],
        );
        agree(
            r"^\W*\[?\s*(\d+)\s+more\b",
            PLACEHOLDER,
            33,
            |re, l| groups(re, l).map(|g| g[1].unwrap()),
            placeholder,
        );
    }
}
