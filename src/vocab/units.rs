//! Units of time and measure: the words durations are written in, and the nouns whose
//! counts are never counts of work (`3 days`, `12 MB`, `5 points`).

use super::kinds::singular_in;

/// Time units in the order they are tried, with whether a plural `s` may follow.
pub static TIME_UNITS: &[(&str, bool)] = &[
    ("hour", true),
    ("hr", true),
    ("h", false),
    ("day", true),
    ("d", false),
    ("week", true),
    ("wk", true),
    ("w", false),
];

/// Units of time and measure: a count or size in these is never a count of work.
static MEASURES: &[&str] = &[
    "day", "hour", "week", "month", "year", "min", "minute", "sec", "second", "ms", "h", "d", "w",
    "kb", "mb", "gb", "x", "req", "point", "pt", "sp",
];

/// Whether a noun is a unit of time or measure.
pub fn is_measure(noun: &str) -> bool {
    singular_in(noun, MEASURES).is_some()
}

/// Whether `noun`, followed in its text by `after`, measures rather than counts: it is a unit
/// of measure (`5 days`), or the head of its compound is (`32/37 story points`, `3 task
/// hours`).
pub fn measures(noun: &str, after: &str) -> bool {
    if is_measure(noun) {
        return true;
    }
    let next = after.trim_start_matches([' ', '-']);
    if next.len() == after.len() {
        return false;
    }
    let word_len = next
        .find(|ch: char| !ch.is_ascii_alphabetic())
        .unwrap_or(next.len());
    // One letter after a noun is an abbreviation or a list mark, not a unit (`tasks x 2`).
    word_len >= 2 && is_measure(&next[..word_len])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn measure_nouns() {
        assert!(is_measure("days"));
        assert!(is_measure("Points"));
        assert!(!is_measure("tasks"));
        assert!(measures("story", " points)") && measures("days", ""));
        assert!(!measures("tasks", " done") && !measures("tasks", " x 2"));
    }
}
