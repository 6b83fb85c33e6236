//! Tests of `figures`.

use super::*;
use crate::parse::percents::*;
use crate::parse::scan::oracle::{agree, all_groups, groups};

const NOUNS: &[&str] = &[
    "tasks",
    "Sub-tasks",
    "",
    "1",
    "é",
    "days",
    "x-",
    "этапов",
    "tâches",
];
const SP: &[&str] = &["", " ", "  "];
const WS: &[&str] = &[" ", "  ", "", "\t"];
const BOLD: &[&str] = &["**", "", "*"];
const PCT: &[&str] = &["0", "25", "100", "1234", "12.5", "1.", ""];
const APPROX: &[&str] = &[
    "", "~", "≈", "about ", "about", "approx ", "approx. ", "approx.",
];

const COUNT_WORDS: &[&[&str]] = &[
    &["", "x ", "(", "a1 "],
    &["3", "13", "", "a"],
    &[" ", "", "  "],
    &["of", "von", "OF", "sur", "из", "ofx", "de"],
    &[" ", "", "  "],
    &["8", "18", "", "x"],
    &[" ", "", "a", "_", "  ", ")", "-"],
    NOUNS,
    &["", ")", " - 40%)"],
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
const PERCENT_LEADING: &[&[&str]] = &[SP, BOLD, SP, APPROX, PCT, &["%", ""], &["", "**", " (x)"]];
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
    &["", "(62%)", "( 12.5 % )", "(62)", "(6.%)"],
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

const NOUN: &str = r"((?u:\p{Alphabetic})(?u:[\p{Alphabetic}-])*)";

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
        &format!(r"(?i)\b(\d+)\s+(?:of|von|sur|de|di|van|av|af|z|из)\s+(\d+)\b\s+{NOUN}"),
        COUNT_WORDS,
        41,
        |l| count_words(l).collect(),
        count,
    );
    agree_groups(
        &format!(r"\b(\d+)\s*/\s*(\d+)\b\s+{NOUN}"),
        COUNT_PAREN,
        40,
        |l| count_bare(l).collect(),
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
        |m: Sized| vec![Some(m.figure), Some(m.noun)],
    );
    agree_groups(
        &format!(r"(?i)\(\s*(\d+)\s+{NOUN}\s+(?:across|in|over)\s+(\d+)\s+{NOUN}\s*\)"),
        SIZE_ACROSS,
        25,
        |l| size_across(l).collect(),
        |[a, b]: [Sized; 2]| vec![Some(a.figure), Some(a.noun), Some(b.figure), Some(b.noun)],
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
        r"^\s*(?:\*\*)?\s*(\d+)(?:\*\*)?\s*(?:\(\s*\+\s*(\d+)\s+optional\s*\))?\s*(?:\(\s*\d+(?:\.\d+)?\s*%\s*\))?\s*(?:\*\*)?\s*$",
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
        |l| parts_total(l).map(|(end, m)| (end, m.spans())),
    );
    agree_groups(
        r"\((\s*\d+\s+[A-Za-z-]+(?:\s*\+\s*\d+\s+[A-Za-z-]+)+\s*)\)",
        PLUS_PARTS,
        31,
        |l| plus_parts(l).collect(),
        |inner| vec![Some(inner)],
    );
    agree_groups(
        r"(\d+)\s+((?u:\p{Alphabetic})(?u:[\p{Alphabetic}-])*(?:\s+(?u:\p{Alphabetic})(?u:[\p{Alphabetic}-])*)?)",
        NUMBER_NOUN,
        32,
        |l| number_noun(l).collect(),
        |m: Sized| vec![Some(m.figure), Some(m.noun)],
    );
    agree(
        r"^\W*\[?\s*(\d+)\s+more\b",
        PLACEHOLDER,
        33,
        |re, l| groups(re, l).map(|g| g[1].unwrap()),
        placeholder,
    );
}
