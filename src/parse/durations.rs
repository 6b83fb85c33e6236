//! Durations: `2-3 days`, `4 hours`, `1.5 weeks`, in fields, columns and parentheses.

use super::scan::{self, Cursor, Span};
use crate::model::{Duration, TimeUnit};
use crate::source;
use crate::vocab::Calendar;
use crate::vocab::labels;
use crate::vocab::units::TIME_UNITS;

/// `(\d+(?:\.\d+)?)`: a number with at most one decimal part.
fn amount(c: &mut Cursor) -> Option<Span> {
    c.decimal(usize::MAX)
}

/// `(?i)(\d+(?:\.\d+)?)(?:\s*[-–]\s*(\d+(?:\.\d+)?))?\s*(hours?|hrs?|h|days?|d|weeks?|wks?|w)\b`:
/// the whole span, the figures and the unit word.
fn find_duration(text: &str) -> Option<(Span, Span, Option<Span>, Span)> {
    let starts =
        |s: &[u8], i: usize| s[i].is_ascii_digit() && (i == 0 || !s[i - 1].is_ascii_digit());
    super::scan::find_all(text, starts, |t, i| {
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

pub fn is_duration_label(label: &str) -> bool {
    let label = label.trim().trim_end_matches(':').trim();
    labels::DURATION
        .iter()
        .any(|w| label.eq_ignore_ascii_case(w))
}

/// `**Phase 1 Total**: 28-34 hours`, `**Total Time:** 80-120 hours (10-15 days)`: a label with
/// the word `total` whose value opens with a duration. `150+ hours` is a bound, not a total.
pub(crate) fn time_total(
    label: &str,
    value: &str,
    base: usize,
    calendar: Calendar,
) -> Option<super::claims::Found> {
    let total_word = label
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| w.eq_ignore_ascii_case("total"));
    let lead = value.len() - value.trim_start_matches(['*', '_', ' ', '~']).len();
    if !total_word || !value[lead..].starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let (total, span, _) = duration(&value[lead..], base + lead, calendar)?;
    (span.start == base + lead).then_some(super::claims::Found {
        kind: crate::model::ClaimKind::TimeTotal { total, span },
        approx: false,
        at: lead,
    })
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
    use crate::parse::scan::oracle::{agree, groups};

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
    fn durations() {
        let c = Calendar::default();
        let d = |t: &str| duration(t, 0, c).map(|(d, _, u)| (d.min, d.max, u));
        assert_eq!(d("0.5 days (4 hours)"), Some((4.0, 4.0, "days".into())));
        assert_eq!(d("2-3 days"), Some((16.0, 24.0, "days".into())));
        assert_eq!(d("1.5 weeks"), Some((60.0, 60.0, "weeks".into())));
        assert_eq!(d("4 hours"), Some((4.0, 4.0, "hours".into())));
        assert_eq!(d("TBD"), None);
    }
}
