//! How the graph's ids and durations are ordered and shown.

use compact_str::CompactString;

use crate::model::{Duration, UnitId};

/// Numbers compared component by component: 1.2 < 1.10 < 2.
pub fn number_key(number: &str) -> Vec<u64> {
    number
        .split('.')
        .map(|p| p.parse().unwrap_or(u64::MAX))
        .collect()
}

/// The order of ids: kind, then number component by component.
pub type IdKey = (Option<CompactString>, Vec<u64>);

/// Node order for stable output: kind, then number.
pub fn id_key(id: &UnitId) -> IdKey {
    (id.kind.clone(), number_key(&id.number))
}

/// `4-6 days`, `14 weeks`, `0.5 days`: hours shown in a unit, or in a smaller one when the
/// figures do not come out in hundredths of it (`29 hours`, not `3.62 days`).
pub fn format_duration(
    min: f64,
    max: f64,
    unit: crate::model::TimeUnit,
    calendar: crate::vocab::Calendar,
) -> String {
    use crate::model::TimeUnit;
    let per = |u: TimeUnit| match u {
        TimeUnit::Hours => 1.0,
        TimeUnit::Days => calendar.hours_per_day,
        TimeUnit::Weeks => calendar.hours_per_day * calendar.days_per_week,
    };
    let exact = |x: f64, u: TimeUnit| {
        let v = x / per(u) * 100.0;
        (v - v.round()).abs() < 1e-6
    };
    let unit = [unit, TimeUnit::Days, TimeUnit::Hours]
        .into_iter()
        .filter(|&u| u <= unit)
        .find(|&u| exact(min, u) && exact(max, u))
        .unwrap_or(TimeUnit::Hours);
    let word = match unit {
        TimeUnit::Hours => "hour",
        TimeUnit::Days => "day",
        TimeUnit::Weeks => "week",
    };
    let number = |x: f64| {
        let text = format!("{:.2}", x / per(unit));
        text.trim_end_matches('0').trim_end_matches('.').to_string()
    };
    let (a, b) = (number(min), number(max));
    let plural = if a == "1" && b == "1" { "" } else { "s" };
    if a == b {
        format!("{a} {word}{plural}")
    } else {
        format!("{a}-{b} {word}{plural}")
    }
}

/// The unit most of these durations were written in (the larger one on a tie).
pub fn common_unit(durations: impl Iterator<Item = Duration>) -> crate::model::TimeUnit {
    use crate::model::TimeUnit;
    let mut counts = [0usize; 3];
    for d in durations {
        counts[d.unit as usize] += 1;
    }
    [TimeUnit::Weeks, TimeUnit::Days, TimeUnit::Hours]
        .into_iter()
        .max_by_key(|u| counts[*u as usize])
        .unwrap_or(TimeUnit::Days)
}

/// An id written the way `like` writes ids: `E01`, `Epic 01`, `Task 1.2`, `1.2`.
pub fn id_like(id: &UnitId, like: &str) -> String {
    let like = like.trim();
    let digits = like.chars().rev().take_while(char::is_ascii_digit).count();
    let number = if id.number.contains('.') || digits < 2 {
        id.number.to_string()
    } else {
        format!("{:0>digits$}", id.number)
    };
    let head = &like[..like.len()
        - like
            .trim_start_matches(|c: char| c.is_alphabetic() || c == '-')
            .len()];
    match (head, like[head.len()..].starts_with(' ')) {
        ("", _) => number,
        (letter, false) => format!("{letter}{number}"),
        (word, true) => format!("{word} {number}"),
    }
}

/// How an id is shown in messages: epics as `E02`, others as `Task 1.2`, `Phase 2`, `1.1`.
pub fn short_id(id: &UnitId) -> String {
    match id.kind.as_deref() {
        Some("epic") if !id.number.contains('.') => format!("E{:0>2}", id.number),
        _ => id.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::TimeUnit;
    use crate::vocab::Calendar;

    #[test]
    fn durations_and_ids() {
        let c = Calendar::default();
        assert_eq!(format_duration(32.0, 48.0, TimeUnit::Days, c), "4-6 days");
        assert_eq!(
            format_duration(560.0, 560.0, TimeUnit::Weeks, c),
            "14 weeks"
        );
        assert_eq!(format_duration(4.0, 4.0, TimeUnit::Days, c), "0.5 days");
        assert_eq!(format_duration(8.0, 8.0, TimeUnit::Days, c), "1 day");
        assert_eq!(format_duration(29.0, 29.0, TimeUnit::Days, c), "29 hours");
        assert_eq!(format_duration(60.0, 60.0, TimeUnit::Weeks, c), "1.5 weeks");
        assert_eq!(format_duration(51.0, 51.0, TimeUnit::Weeks, c), "51 hours");
        let epic = UnitId {
            kind: Some("epic".into()),
            number: "7".into(),
        };
        assert_eq!(id_like(&epic, "E01"), "E07");
        assert_eq!(id_like(&epic, "Epic 01"), "Epic 07");
        assert_eq!(
            id_like(
                &UnitId {
                    kind: Some("task".into()),
                    number: "1.4".into()
                },
                "1.1"
            ),
            "1.4"
        );
        assert_eq!(short_id(&epic), "E07");
    }
}
