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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn measures() {
        assert!(is_measure("days"));
        assert!(is_measure("Points"));
        assert!(!is_measure("tasks"));
    }
}
