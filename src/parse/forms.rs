//! The forms of claim a line of prose, a heading or an item is searched for.

use super::claims::{Found, counts, percents, sizes};
use super::totals::plus_parts;

/// A form of claim that may stand anywhere in a line of prose, a heading or an item.
pub struct LineForm {
    /// What the form is: `count`, `percent`, `size`, `plus-parts`.
    #[cfg_attr(
        not(test),
        expect(dead_code, reason = "tests name the form that fails")
    )]
    pub name: &'static str,
    /// Whether every claim of the form holds an ASCII digit; a line without one is not
    /// searched for the form.
    pub has_digit: bool,
    /// Every claim of the form in a line (`base` is the line's offset in the file).
    pub find: fn(&str, usize) -> Vec<Found>,
}

/// Every form a line is searched for, in order. Adding a form is one entry here, with its
/// matcher, a fixture and its snapshot; the search of a line skips only what these entries
/// say cannot match.
pub static LINE_FORMS: &[LineForm] = &[
    LineForm {
        name: "count",
        has_digit: true,
        find: counts,
    },
    LineForm {
        name: "percent",
        has_digit: true,
        find: percents,
    },
    LineForm {
        name: "size",
        has_digit: true,
        find: sizes,
    },
    LineForm {
        name: "plus-parts",
        has_digit: true,
        find: plus_parts,
    },
];

/// Every claim of every line form in `text`, form by form.
pub fn in_line(text: &str, base: usize) -> Vec<Found> {
    let digit = super::text::has_digit(text);
    let mut found = Vec::new();
    for form in LINE_FORMS.iter().filter(|f| digit || !f.has_digit) {
        found.extend((form.find)(text, base));
    }
    found
}
