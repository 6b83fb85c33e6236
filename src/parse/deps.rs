//! Dependencies, durations and declared critical paths (SPEC section 5).

use super::figures;
use super::ids::normalize_number;
use super::scan::{self, Cursor, Span, boundary, is_space, is_word};
use crate::model::{Duration, Reference, Target, TimeUnit, UnitId};
use crate::source;
use crate::vocab::Calendar;
use crate::vocab::kinds::{self, kind_of};
use crate::vocab::labels;
use crate::vocab::units::TIME_UNITS;
use compact_str::CompactString;

/// `(\d+(?:\.\d+)?)`: a number with at most one decimal part.
fn amount(c: &mut Cursor) -> Option<Span> {
    c.decimal(usize::MAX)
}

/// `(?i)(\d+(?:\.\d+)?)(?:\s*[-–]\s*(\d+(?:\.\d+)?))?\s*(hours?|hrs?|h|days?|d|weeks?|wks?|w)\b`:
/// the whole span, the figures and the unit word.
fn find_duration(text: &str) -> Option<(Span, Span, Option<Span>, Span)> {
    let starts =
        |s: &[u8], i: usize| s[i].is_ascii_digit() && (i == 0 || !s[i - 1].is_ascii_digit());
    figures::find_all(text, starts, |t, i| {
        let mut c = Cursor::new(t, i);
        let min = amount(&mut c)?;
        let mut r = c;
        if (r.spaces().byte(b'-') || r.lit("–"))
            && let Some(max) = amount(r.spaces())
            && let Some(unit) = time_unit(r.spaces())
        {
            return Some((unit.1, (min, Some(max), unit)));
        }
        let unit = time_unit(c.spaces())?;
        Some((unit.1, (min, None, unit)))
    })
    .next()
    .map(|(start, (min, max, unit))| ((start, unit.1), min, max, unit))
}

/// `(hours?|hrs?|h|days?|d|weeks?|wks?|w)\b`, any case.
fn time_unit(c: &Cursor) -> Option<Span> {
    TIME_UNITS.iter().find_map(|&(word, plural)| {
        let mut t = *c;
        if !t.lit_ci(word) {
            return None;
        }
        let mut s = t;
        if plural && (s.byte(b's') || s.byte(b'S')) && s.boundary() {
            return Some((c.at, s.at));
        }
        t.boundary().then_some((c.at, t.at))
    })
}

/// One reference in a declaration: where it ends, its kind word or letter, its number and
/// the number a range runs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Atom {
    kind: Option<Span>,
    number: Span,
    to: Option<Span>,
}

/// `(\d+(?:\.\d+)*)(?:\s*[-–]\s*(?:[ET])?(\d+(?:\.\d+)*))?\b` from `c`.
fn atom_number(c: &Cursor, kind: Option<Span>) -> Option<(usize, Atom)> {
    for end in c.dotted_ends() {
        let number = (c.at, end);
        let mut r = Cursor { s: c.s, at: end };
        if r.spaces().byte(b'-') || r.lit("–") {
            r.spaces();
            let _ = r.byte(b'E') || r.byte(b'T');
            for to_end in r.dotted_ends() {
                if boundary(c.s, to_end) {
                    let to = Some((r.at, to_end));
                    return Some((to_end, Atom { kind, number, to }));
                }
            }
        }
        if boundary(c.s, end) {
            return Some((
                end,
                Atom {
                    kind,
                    number,
                    to: None,
                },
            ));
        }
    }
    None
}

/// `(?i)\b(?:(phase|...|step)s?\s+#?|((?-i)[ET]))?(\d+(?:\.\d+)*)(?:\s*[-–]\s*(?:(?-i)[ET])?(\d+(?:\.\d+)*))?\b`.
fn atom_at(text: &str, at: usize) -> Option<(usize, Atom)> {
    let c = Cursor::new(text, at);
    let mut k = c;
    if let Some(i) = k.one_of_ci(kinds::dependency_words()) {
        let kind = Some((at, at + kinds::dependency_words()[i].len()));
        let mut plural = k;
        let found = [
            (plural.byte(b's') || plural.byte(b'S')).then_some(plural),
            Some(k),
        ];
        for mut p in found.into_iter().flatten() {
            if p.spaces1() {
                p.byte(b'#');
                if let Some(m) = atom_number(&p, kind) {
                    return Some(m);
                }
            }
        }
    }
    let mut l = c;
    if (l.byte(b'E') || l.byte(b'T'))
        && let Some(m) = atom_number(&l, Some((at, at + 1)))
    {
        return Some(m);
    }
    atom_number(&c, None)
}

/// Every reference in `text`, left to right: where it starts and ends, and its parts.
fn atom_matches(text: &str) -> impl Iterator<Item = (usize, (usize, Atom))> + '_ {
    let starts = |s: &[u8], i: usize| is_word(s[i]) && boundary(s, i);
    figures::find_all(text, starts, |t, i| {
        atom_at(t, i).map(|(end, a)| (end, (end, a)))
    })
}

/// `(?i)^\W*all\s+(?:(?:previous|prior|earlier)\s+(\w+)|complete\b|done\b)`: where the
/// phrase ends and the kind word it names.
fn all_previous(text: &str) -> Option<(usize, Option<Span>)> {
    let mut c = Cursor::new(text, 0);
    while c.peek().is_some_and(|b| !is_word(b)) {
        c.at += 1;
    }
    if !(c.lit_ci("all") && c.spaces1()) {
        return None;
    }
    let mut p = c;
    if p.one_of_ci(labels::EARLIER).is_some() && p.spaces1() {
        let from = p.at;
        while p.peek().is_some_and(is_word) {
            p.at += 1;
        }
        if p.at > from {
            return Some((p.at, Some((from, p.at))));
        }
    }
    labels::ALL_DONE.iter().find_map(|w| {
        let mut t = c;
        (t.lit_ci(w) && t.boundary()).then_some((t.at, None))
    })
}

/// `\]\(([^)\s]+\.(?:md|markdown))(?:#[^)]*)?\)`: links to other Markdown files.
fn links(text: &str) -> impl Iterator<Item = Span> + '_ {
    figures::find_all_at(text, b']', |t, i| {
        let s = t.as_bytes();
        if s.get(i + 1) != Some(&b'(') {
            return None;
        }
        let from = i + 2;
        let run_end = from
            + s[from..]
                .iter()
                .take_while(|&&b| b != b')' && !is_space(b))
                .count();
        let close = t[run_end..].find(')').map(|j| run_end + j);
        // The path is the longest run that ends in an extension the rest can follow.
        (from + 1..run_end).rev().find_map(|k| {
            let ext = [".md", ".markdown"].iter().find_map(|e| {
                let end = k + e.len();
                let fits = end <= run_end && s[k..].starts_with(e.as_bytes());
                let rest = fits.then(|| match s.get(end) {
                    Some(b')') => Some(end + 1),
                    Some(b'#') => close.map(|c| c + 1),
                    _ => None,
                });
                rest.flatten().map(|after| (end, after))
            })?;
            Some((ext.1, (from, ext.0)))
        })
    })
    .map(|(_, path)| path)
}

/// `(?i)^\W*critical path\W*`: where the text after the label starts.
fn critical_label(line: &str) -> Option<usize> {
    let mut c = Cursor::new(line, 0);
    let skip = |c: &mut Cursor| {
        while c.peek().is_some_and(|b| !is_word(b)) {
            c.at += 1;
        }
    };
    skip(&mut c);
    if !c.lit_ci("critical path") {
        return None;
    }
    skip(&mut c);
    Some(c.at)
}

/// `(?i)\(\s*total\s*:\s*([^)]*)\)`: where `(Total: ...)` starts and the span inside.
fn total(text: &str) -> Option<(usize, Span)> {
    figures::find_all_at(text, b'(', |t, i| {
        let mut c = Cursor::new(t, i + 1);
        if !(c.spaces().lit_ci("total") && c.spaces().byte(b':')) {
            return None;
        }
        let from = c.spaces().at;
        let end = from + t[from..].find(')')?;
        Some((end + 1, (from, end)))
    })
    .next()
}

/// A duration in the text, with the span of its figures and unit, and the unit word.
pub fn duration(
    text: &str,
    base: usize,
    calendar: Calendar,
) -> Option<(Duration, source::Span, String)> {
    let (whole, (a, b), to, (us, ue)) = find_duration(text)?;
    let min = scan::amount_value(&text[a..b])?;
    let max = to.map_or(Some(min), |(a, b)| scan::amount_value(&text[a..b]))?;
    let unit = text[us..ue].to_lowercase();
    let (hours, time_unit) = match unit.chars().next() {
        Some('h') => (1.0, TimeUnit::Hours),
        Some('d') => (calendar.hours_per_day, TimeUnit::Days),
        _ => (
            calendar.hours_per_day * calendar.days_per_week,
            TimeUnit::Weeks,
        ),
    };
    Some((
        Duration {
            min: min * hours,
            max: max * hours,
            unit: time_unit,
        },
        base + whole.0..base + whole.1,
        unit,
    ))
}

/// Whether a label names a dependency declaration, and which way it points.
pub fn dependency_label(label: &str) -> Option<crate::model::Direction> {
    let label = label.trim().trim_end_matches(':').trim();
    let is = |words: &[&str]| words.iter().any(|w| label.eq_ignore_ascii_case(w));
    if is(labels::BLOCKS) {
        Some(crate::model::Direction::Blocks)
    } else {
        is(labels::DEPENDS_ON).then_some(crate::model::Direction::DependsOn)
    }
}

pub fn is_duration_label(label: &str) -> bool {
    let label = label.trim().trim_end_matches(':').trim();
    labels::DURATION
        .iter()
        .any(|w| label.eq_ignore_ascii_case(w))
}

/// `None`, `-`, `N/A`, `None (final epic)`: no edge.
fn is_none(text: &str) -> bool {
    let t = text
        .trim()
        .trim_matches(|c: char| c == '*' || c == '_' || c == '`')
        .trim()
        .to_lowercase();
    let head = t.split(['(', ' ']).next().unwrap_or("");
    t.is_empty() || labels::NO_DEPENDENCY.contains(&head)
}

/// The references in a declaration's text. A bare number counts only when it is dotted
/// (`1.2`) or follows a kinded one in the same list (`Epic 01, 02`); a parenthesis that lists
/// ids replaces the words before it (`All Phase 1 tasks (1.1, 1.2)`).
pub fn references(text: &str, base: usize, default_kind: Option<&str>) -> Vec<Reference> {
    if is_none(text) {
        return Vec::new();
    }
    if let Some((end, word)) = all_previous(text) {
        let kind = word.and_then(|(s, e)| kind_of(&text[s..e]));
        return vec![Reference {
            target: Target::AllPrevious(kind),
            span: base..base + end,
        }];
    }
    let (outside, inside) = split_parentheses(text);
    let lists_ids = |&(s, e): &Span| {
        only_ids(&text[s..e]) && !atoms(&text[s..e], base + s, default_kind).is_empty()
    };
    let chosen = if inside.iter().any(lists_ids) {
        inside.into_iter().filter(lists_ids).collect()
    } else {
        outside
    };
    let mut refs: Vec<Reference> = chosen
        .iter()
        .flat_map(|(s, e)| atoms(&text[*s..*e], base + s, default_kind))
        .collect();
    if refs.is_empty() {
        refs.extend(links(text).map(|(s, e)| Reference {
            target: Target::File(text[s..e].to_string()),
            span: base + s..base + e,
        }));
    }
    refs
}

/// Whether a text is nothing but ids and separators: `1.1, 1.2 and 1.3`.
fn only_ids(text: &str) -> bool {
    let mut rest = String::with_capacity(text.len());
    let mut last = 0;
    for (start, (end, _)) in atom_matches(text) {
        rest.push_str(&text[last..start]);
        last = end;
    }
    rest.push_str(&text[last..]);
    rest.split(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | '&' | '+' | '/'))
        .all(|w| w.is_empty() || w.eq_ignore_ascii_case("and"))
}

/// Byte ranges of `text` outside and inside parentheses.
fn split_parentheses(text: &str) -> (Vec<Span>, Vec<Span>) {
    let (mut outside, mut inside) = (Vec::new(), Vec::new());
    let (mut depth, mut start) = (0usize, 0usize);
    for (i, c) in text.char_indices() {
        match c {
            '(' => {
                if depth == 0 {
                    outside.push((start, i));
                    start = i + 1;
                }
                depth += 1;
            }
            ')' if depth > 0 => {
                depth -= 1;
                if depth == 0 {
                    inside.push((start, i));
                    start = i + 1;
                }
            }
            _ => {}
        }
    }
    let end = (start, text.len());
    if depth == 0 {
        outside.push(end)
    } else {
        inside.push(end)
    }
    (outside, inside)
}

fn atoms(text: &str, base: usize, default_kind: Option<&str>) -> Vec<Reference> {
    let mut out = Vec::new();
    let mut kind: Option<CompactString> = None;
    for (start, (end, atom)) in atom_matches(text) {
        let explicit = atom.kind.and_then(|(s, e)| match &text[s..e] {
            letter if letter.len() == 1 => {
                Some(CompactString::const_new(kinds::kind_of_letter(letter)))
            }
            word => kind_of(word),
        });
        let number = &text[atom.number.0..atom.number.1];
        if explicit.is_some() {
            kind = explicit;
        } else if kind.is_none() && !number.contains('.') && default_kind.is_none() {
            continue;
        }
        let kind = kind.clone().or_else(|| {
            (!number.contains('.'))
                .then(|| default_kind.map(CompactString::from))
                .flatten()
        });
        let span = base + start..base + end;
        for n in expand(number, atom.to.map(|(s, e)| &text[s..e])) {
            let target = Target::Id(UnitId {
                kind: kind.clone(),
                number: n,
            });
            out.push(Reference {
                target,
                span: span.clone(),
            });
        }
    }
    out
}

/// `07-10` → 7, 8, 9, 10; `1.1-1.4` → 1.1 … 1.4. Only the last component counts up.
fn expand(from: &str, to: Option<&str>) -> Vec<CompactString> {
    let from = normalize_number(from);
    let Some(to) = to.map(normalize_number) else {
        return vec![from];
    };
    let (prefix, first) = from
        .rsplit_once('.')
        .map_or(("", from.as_str()), |(p, l)| (p, l));
    let last = to.rsplit_once('.').map_or(to.as_str(), |(_, l)| l);
    match (first.parse::<u32>(), last.parse::<u32>()) {
        (Ok(a), Ok(b)) if a <= b && b - a < 500 => (a..=b)
            .map(|n| {
                if prefix.is_empty() {
                    compact_str::format_compact!("{n}")
                } else {
                    compact_str::format_compact!("{prefix}.{n}")
                }
            })
            .collect(),
        _ => vec![from],
    }
}

/// Arrows between the steps of a chain, as written (garbled forms included).
const ARROWS: &[&str] = &["→", "‚Üí", "â†’", "->", "⟶", "=>"];

/// A declared critical path in `text` (the part after the label): steps, total, arrow.
pub fn chain(
    text: &str,
    base: usize,
    calendar: Calendar,
) -> Option<crate::model::CriticalPathDecl> {
    let arrow = ARROWS.iter().find(|a| text.contains(**a))?;
    let mut steps = Vec::new();
    let mut kind: Option<CompactString> = None;
    let mut offset = 0;
    let total_at = total(text).map_or(text.len(), |(at, _)| at);
    for part in text[..total_at].split(arrow) {
        let refs = atoms(part, base + offset, kind.as_deref());
        if let Some(Reference {
            target: Target::Id(id),
            span,
            ..
        }) = refs.into_iter().next()
        {
            kind = id.kind.clone().filter(|_| !id.number.contains('.'));
            steps.push((id, span));
        }
        offset += part.len() + arrow.len();
    }
    if steps.len() < 2 {
        return None;
    }
    let span = steps[0].1.start..steps[steps.len() - 1].1.end;
    let total = total(text).and_then(|(_, (s, e))| duration(&text[s..e], base + s, calendar));
    Some(crate::model::CriticalPathDecl {
        line: 0,
        steps,
        span,
        total,
        arrow: (*arrow).to_string(),
    })
}

/// The text after a `Critical Path` label at the start of a line, if the line has one.
pub fn after_critical_label(line: &str) -> Option<usize> {
    critical_label(line)
}

/// A duration in parentheses after a unit's name: `Task 1.1: Setup (0.5 days)`.
pub(crate) fn parenthesised_duration(
    title: &str,
    calendar: crate::vocab::Calendar,
) -> Option<crate::model::Duration> {
    let open = title.find('(')?;
    let inner = title[open + 1..].split(')').next()?;
    inner
        .trim_start()
        .starts_with(|c: char| c.is_ascii_digit())
        .then(|| duration(inner, 0, calendar))
        .flatten()
        .map(|(d, _, _)| d)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(text: &str) -> Vec<String> {
        references(text, 0, None)
            .into_iter()
            .map(|r| match r.target {
                Target::Id(id) => id.to_string(),
                other => format!("{other:?}"),
            })
            .collect()
    }

    use crate::parse::scan::oracle::{agree, all_groups, groups};

    const SP: &[&str] = &["", " ", "  "];
    const NUMBERS: &[&str] = &["1", "07", "1.2", "1.2.3", "12a", "", "1.", "3.5"];

    #[test]
    fn durations_as_the_pattern() {
        let slots: &[&[&str]] = &[
            &["", "x", "v", "1.", "(", "Total: "],
            NUMBERS,
            SP,
            &["-", "–", "", "—", "to"],
            SP,
            &["3", "4.5", "", "x"],
            SP,
            &[
                "days", "hours", "h", "d", "w", "wks", "Weeks", "hrs", "hourly", "dx", "HOURS",
            ],
            &["", " (4 hours)", "s", "_", ")"],
        ];
        agree(
            r"(?i)(\d+(?:\.\d+)?)(?:\s*[-–]\s*(\d+(?:\.\d+)?))?\s*(hours?|hrs?|h|days?|d|weeks?|wks?|w)\b",
            slots,
            41,
            |re, l| groups(re, l).map(|g| (g[0].unwrap(), g[1].unwrap(), g[2], g[3].unwrap())),
            find_duration,
        );
    }

    #[test]
    fn references_as_the_pattern() {
        let kinds: &[&str] = &[
            "Epic",
            "epics",
            "Phase",
            "TASK",
            "subtask",
            "Sub-tasks",
            "story",
            "Milestone",
            "sprint",
            "feature",
            "step",
            "E",
            "T",
            "e",
            "",
            "x",
        ];
        let slots: &[&[&str]] = &[
            &["", "x", "All ", "(", ", "],
            kinds,
            &[" ", "", "  "],
            &["", "#"],
            NUMBERS,
            SP,
            &["-", "–", "", ", "],
            SP,
            &["", "E", "T"],
            &["10", "1.4", "", "x"],
            &["", " and ", ", ", "a", "_", "é"],
            kinds,
            &[" 02", "03", ""],
        ];
        agree(
            r"(?i)\b(?:(phase|epic|task|sub-?task|story|milestone|sprint|feature|step)s?\s+#?|((?-i)[ET]))?(\d+(?:\.\d+)*)(?:\s*[-–]\s*(?:(?-i)[ET])?(\d+(?:\.\d+)*))?\b",
            slots,
            42,
            |re, l| {
                all_groups(re, l)
                    .into_iter()
                    .map(|g| {
                        (
                            g[0].unwrap().0,
                            g[0].unwrap().1,
                            g[1].or(g[2]),
                            g[3].unwrap(),
                            g[4],
                        )
                    })
                    .collect::<Vec<_>>()
            },
            |l| {
                atom_matches(l)
                    .map(|(start, (end, a))| {
                        // The kind word's span, without a plural `s`.
                        (start, end, a.kind, a.number, a.to)
                    })
                    .collect::<Vec<_>>()
            },
        );
    }

    #[test]
    fn phrases_as_the_patterns() {
        let all: &[&[&str]] = &[
            &["", "*", " ", "(", "é"],
            &["ALL", "all", "al", "x"],
            &[" ", "", "  "],
            &[
                "previous",
                "prior",
                "Earlier",
                "complete",
                "done",
                "completed",
                "x",
            ],
            &[" ", ""],
            &["epics", "", "phase_2", "é"],
        ];
        agree(
            r"(?i)^\W*all\s+(?:(?:previous|prior|earlier)\s+(\w+)|complete\b|done\b)",
            all,
            43,
            |re, l| groups(re, l).map(|g| (g[0].unwrap().1, g[1])),
            all_previous,
        );
        let link: &[&[&str]] = &[
            &["", "see [x", "]"],
            &["](", "]", "("],
            &["tasks/a", "a b", "", "é", "x)"],
            &[".md", ".markdown", ".mdx", ".txt", ""],
            &["", "#part", "#a b", ".md"],
            &[")", "", " )"],
            &["", " and [y](b.md)", ")"],
        ];
        agree(
            r"\]\(([^)\s]+\.(?:md|markdown))(?:#[^)]*)?\)",
            link,
            44,
            |re, l| {
                all_groups(re, l)
                    .into_iter()
                    .map(|g| g[1].unwrap())
                    .collect::<Vec<_>>()
            },
            |l| links(l).collect::<Vec<_>>(),
        );
        let critical: &[&[&str]] = &[
            &["", "**", "## ", "🔥 ", "x"],
            &[
                "Critical Path",
                "critical path",
                "Critical  Path",
                "critical",
            ],
            &["", ":**", ": ", " → ", "x"],
            &["", "1.1 → 1.2"],
        ];
        agree(
            r"(?i)^\W*critical path\W*",
            critical,
            45,
            |re, l| re.find(l).map(|m| m.end()),
            critical_label,
        );
        let totals: &[&[&str]] = &[
            &["", "1.1 → 1.2 ", "("],
            &["(", ""],
            SP,
            &["Total", "total", "TOTAL", "Totals"],
            SP,
            &[":", ""],
            SP,
            &["4.5-6.5 days", "", "(x"],
            &[")", "", " )"],
        ];
        agree(
            r"(?i)\(\s*total\s*:\s*([^)]*)\)",
            totals,
            46,
            |re, l| groups(re, l).map(|g| (g[0].unwrap().0, g[1].unwrap())),
            total,
        );
    }

    #[test]
    fn references_and_ranges() {
        assert_eq!(ids("Epic 01, 02"), ["Epic 1", "Epic 2"]);
        assert_eq!(ids("Epic 07-10"), ["Epic 7", "Epic 8", "Epic 9", "Epic 10"]);
        assert_eq!(
            ids("E03-E06 complete"),
            ["Epic 3", "Epic 4", "Epic 5", "Epic 6"]
        );
        assert_eq!(ids("T010-T012"), ["Task 10", "Task 11", "Task 12"]);
        assert_eq!(
            ids("Task 1.2, 1.3, 1.4 (all need project setup)"),
            ["Task 1.2", "Task 1.3", "Task 1.4"]
        );
        assert_eq!(ids("All Phase 1 tasks (1.1, 1.2)"), ["1.1", "1.2"]);
        assert_eq!(
            ids("Phase 2 (SyncEngine, REST API, WebSocket all depend on this)"),
            ["Phase 2"]
        );
        assert_eq!(
            ids("Phase 2 (cannot start until Phase 1 validated)"),
            ["Phase 2"]
        );
        assert_eq!(ids("ALL complete"), ["AllPrevious(None)"]);
        assert_eq!(ids("1.1, 1.2"), ["1.1", "1.2"]);
        assert_eq!(ids("ALL previous epics"), ["AllPrevious(Some(\"epic\"))"]);
        assert!(ids("None (final epic)").is_empty());
        assert!(ids("-").is_empty());
        assert!(ids("N/A").is_empty());
        assert!(ids("the infra team, 2 weeks").is_empty());
    }

    #[test]
    fn durations() {
        let c = Calendar::default();
        let d = |t: &str| duration(t, 0, c).map(|(d, _, u)| (d.min, d.max, u));
        assert_eq!(d("0.5 days (4 hours)"), Some((4.0, 4.0, "days".into())));
        assert_eq!(d("2-3 days"), Some((16.0, 24.0, "days".into())));
        assert_eq!(d("1.5 weeks"), Some((60.0, 60.0, "weeks".into())));
        assert_eq!(d("4 hours"), Some((4.0, 4.0, "hours".into())));
        assert_eq!(d("TBD"), None);
    }

    #[test]
    fn chains() {
        let c = Calendar::default();
        let p = chain(" 1.1 → 1.2 → 1.4 → 1.5 (Total: 4.5-6.5 days)", 0, c).unwrap();
        let steps: Vec<String> = p.steps.iter().map(|(id, _)| id.to_string()).collect();
        assert_eq!(steps, ["1.1", "1.2", "1.4", "1.5"]);
        let (total, span, _) = p.total.unwrap();
        assert_eq!((total.min, total.max), (36.0, 52.0));
        assert_eq!(
            &" 1.1 → 1.2 → 1.4 → 1.5 (Total: 4.5-6.5 days)"[span],
            "4.5-6.5 days"
        );
        let garbled = chain("E01 ‚Üí E02 ‚Üí E03", 0, c).unwrap();
        assert_eq!(garbled.steps.len(), 3);
        assert_eq!(garbled.arrow, "‚Üí");
    }
}
