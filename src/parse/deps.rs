//! Dependencies, durations and declared critical paths (SPEC section 5).

use std::sync::LazyLock;

use regex::Regex;

use super::ids::{kind_of, normalize_number};
use crate::model::{Duration, Reference, Target, TimeUnit, UnitId};
use crate::source::Span;
use crate::vocab::Calendar;

macro_rules! re {
    ($name:ident, $pattern:expr) => {
        static $name: LazyLock<Regex> = LazyLock::new(|| super::pattern::ascii($pattern));
    };
}

re!(
    DURATION,
    r"(?i)(\d+(?:\.\d+)?)(?:\s*[-–]\s*(\d+(?:\.\d+)?))?\s*(hours?|hrs?|h|days?|d|weeks?|wks?|w)\b"
);
re!(
    ATOM,
    r"(?i)\b(?:(phase|epic|task|sub-?task|story|milestone|sprint|feature|step)s?\s+#?|((?-i)[ET]))?(\d+(?:\.\d+)*)(?:\s*[-–]\s*(?:(?-i)[ET])?(\d+(?:\.\d+)*))?\b"
);
re!(
    ALL_PREVIOUS,
    r"(?i)^\W*all\s+(?:(?:previous|prior|earlier)\s+(\w+)|complete\b|done\b)"
);
re!(LINK, r"\]\(([^)\s]+\.(?:md|markdown))(?:#[^)]*)?\)");
re!(
    DEP_LABEL,
    r"(?i)^(dependencies|dependency|depends on|depends|blocked by|blocks|waiting on|prerequisites)$"
);
re!(
    DURATION_LABEL,
    r"(?i)^(estimated time|estimate|est\.? time|duration|effort)$"
);
re!(CRITICAL_LABEL, r"(?i)^\W*critical path\W*");
re!(TOTAL, r"(?i)\(\s*total\s*:\s*([^)]*)\)");

/// A duration in the text, with the span of its figures and unit, and the unit word.
pub fn duration(text: &str, base: usize, calendar: Calendar) -> Option<(Duration, Span, String)> {
    let c = DURATION.captures(text)?;
    let min: f64 = c[1].parse().ok()?;
    let max: f64 = c.get(2).map_or(Some(min), |m| m.as_str().parse().ok())?;
    let unit = c[3].to_lowercase();
    let (hours, time_unit) = match unit.chars().next() {
        Some('h') => (1.0, TimeUnit::Hours),
        Some('d') => (calendar.hours_per_day, TimeUnit::Days),
        _ => (
            calendar.hours_per_day * calendar.days_per_week,
            TimeUnit::Weeks,
        ),
    };
    let whole = c.get(0)?;
    Some((
        Duration {
            min: min * hours,
            max: max * hours,
            unit: time_unit,
        },
        base + whole.start()..base + whole.end(),
        unit,
    ))
}

/// Whether a label names a dependency declaration, and which way it points.
pub fn dependency_label(label: &str) -> Option<crate::model::Direction> {
    let label = label.trim().trim_end_matches(':').trim();
    let c = DEP_LABEL.captures(label)?;
    Some(if c[1].eq_ignore_ascii_case("blocks") {
        crate::model::Direction::Blocks
    } else {
        crate::model::Direction::DependsOn
    })
}

pub fn is_duration_label(label: &str) -> bool {
    DURATION_LABEL.is_match(label.trim().trim_end_matches(':').trim())
}

/// `None`, `-`, `N/A`, `None (final epic)`: no edge.
fn is_none(text: &str) -> bool {
    let t = text
        .trim()
        .trim_matches(|c: char| c == '*' || c == '_' || c == '`')
        .trim()
        .to_lowercase();
    let head = t.split(['(', ' ']).next().unwrap_or("");
    t.is_empty() || matches!(head, "none" | "-" | "—" | "n/a" | "na" | "tbd")
}

/// The references in a declaration's text. A bare number counts only when it is dotted
/// (`1.2`) or follows a kinded one in the same list (`Epic 01, 02`); a parenthesis that lists
/// ids replaces the words before it (`All Phase 1 tasks (1.1, 1.2)`).
pub fn references(text: &str, base: usize, default_kind: Option<&str>) -> Vec<Reference> {
    if is_none(text) {
        return Vec::new();
    }
    if let Some(c) = ALL_PREVIOUS.captures(text) {
        let kind = c.get(1).and_then(|k| kind_of(k.as_str()));
        let m = c.get(0).expect("match");
        return vec![Reference {
            target: Target::AllPrevious(kind),
            text: m.as_str().trim().to_string(),
            span: base + m.start()..base + m.end(),
        }];
    }
    let (outside, inside) = split_parentheses(text);
    let lists_ids = |&(s, e): &Range| {
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
        refs.extend(LINK.captures_iter(text).filter_map(|c| {
            let m = c.get(1)?;
            Some(Reference {
                target: Target::File(m.as_str().to_string()),
                text: m.as_str().to_string(),
                span: base + m.start()..base + m.end(),
            })
        }));
    }
    refs
}

/// Whether a text is nothing but ids and separators: `1.1, 1.2 and 1.3`.
fn only_ids(text: &str) -> bool {
    let rest = ATOM.replace_all(text, "");
    rest.split(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | '&' | '+' | '/'))
        .all(|w| w.is_empty() || w.eq_ignore_ascii_case("and"))
}

/// A byte range of a text, as (start, end).
type Range = (usize, usize);

/// Byte ranges of `text` outside and inside parentheses.
fn split_parentheses(text: &str) -> (Vec<Range>, Vec<Range>) {
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
    let mut kind: Option<String> = None;
    for c in ATOM.captures_iter(text) {
        let whole = c.get(0).expect("match");
        let explicit = c.get(1).and_then(|k| kind_of(k.as_str())).or_else(|| {
            c.get(2).map(|l| {
                if l.as_str() == "E" {
                    "epic".to_string()
                } else {
                    "task".to_string()
                }
            })
        });
        let number = &c[3];
        if explicit.is_some() {
            kind = explicit;
        } else if kind.is_none() && !number.contains('.') && default_kind.is_none() {
            continue;
        }
        let kind = kind.clone().or_else(|| {
            (!number.contains('.'))
                .then(|| default_kind.map(str::to_string))
                .flatten()
        });
        let span = base + whole.start()..base + whole.end();
        for n in expand(number, c.get(4).map(|m| m.as_str())) {
            let target = Target::Id(UnitId {
                kind: kind.clone(),
                number: n,
            });
            out.push(Reference {
                target,
                text: whole.as_str().to_string(),
                span: span.clone(),
            });
        }
    }
    out
}

/// `07-10` → 7, 8, 9, 10; `1.1-1.4` → 1.1 … 1.4. Only the last component counts up.
fn expand(from: &str, to: Option<&str>) -> Vec<String> {
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
                    n.to_string()
                } else {
                    format!("{prefix}.{n}")
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
    let mut kind: Option<String> = None;
    let mut offset = 0;
    let total_at = TOTAL.find(text).map_or(text.len(), |m| m.start());
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
    let total = TOTAL.captures(text).and_then(|c| {
        let inner = c.get(1)?;
        duration(inner.as_str(), base + inner.start(), calendar)
    });
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
    CRITICAL_LABEL.find(line).map(|m| m.end())
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
