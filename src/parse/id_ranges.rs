//! Counts of a range of ids: `6 tasks (T001-T006)`, `71 tasks through T045`. The range says
//! how many ids it spans, and the document which of them it lists.

use super::builder::Builder;
use super::claims::{Found, figure};
use super::scan::{Cursor, find_all};
use crate::model::{ClaimKind, Site, Subject};
use crate::vocab::kinds::{is_work_noun, singular};

/// `([A-Z]{1,3})(\d+)`: an id's letters and number.
fn coded_id(c: &mut Cursor) -> Option<(String, u64)> {
    let from = c.at;
    while c.peek().is_some_and(|b| b.is_ascii_uppercase()) && c.at - from < 3 {
        c.at += 1;
    }
    let letters = std::str::from_utf8(&c.s[from..c.at]).ok()?.to_string();
    let (ds, de) = c.digits()?;
    let number = std::str::from_utf8(&c.s[ds..de]).ok()?.parse().ok()?;
    (!letters.is_empty() && c.boundary()).then_some((letters, number))
}

/// `(\d+)\s+(noun)\s*\(\s*([A-Z]{1,3})(\d+)\s*[-–]\s*(?:[A-Z]{1,3})?(\d+)\s*\)` and
/// `(\d+)\s+(noun)\s+through\s+([A-Z]{1,3})(\d+)` (from the kind's first id, 1): the figure,
/// the noun, the letters and the first and last numbers.
type Range = (
    super::scan::Span,
    super::scan::Span,
    String,
    u64,
    u64,
    usize,
);

fn id_range(text: &str, i: usize) -> Option<(usize, Range)> {
    let mut c = Cursor::new(text, i);
    let n = c.digits()?;
    if !c.spaces1() {
        return None;
    }
    let noun = c.noun()?;
    let mut t = c;
    if t.spaces().byte(b'(') {
        let (letters, first) = coded_id(t.spaces())?;
        if !(t.spaces().byte(b'-') || t.lit("–")) {
            return None;
        }
        t.spaces();
        let mut u = t;
        let from = t.at;
        let (_, last) = coded_id(&mut u)
            .filter(|(l, _)| *l == letters)
            .or_else(|| {
                let (ds, de) = t.digits()?;
                let last = std::str::from_utf8(&t.s[ds..de]).ok()?.parse().ok()?;
                u = t;
                Some((letters.clone(), last))
            })?;
        let digits = text[from..u.at].bytes().filter(u8::is_ascii_digit).count();
        return u
            .spaces()
            .byte(b')')
            .then_some((u.at, (n, noun, letters, first, last, digits)));
    }
    let mut t = c;
    if t.spaces1() && t.lit_ci("through") && t.spaces1() {
        let from = t.at;
        let (letters, last) = coded_id(&mut t)?;
        let digits = t.at - from - letters.len();
        return Some((t.at, (n, noun, letters, 1, last, digits)));
    }
    None
}

impl Builder<'_> {
    /// The counts of id ranges on a line, about the document's units.
    pub(super) fn id_ranges(&mut self, masked: &str, base: usize, line: usize) {
        if !super::text::has_digit(masked) {
            return;
        }
        let starts = |s: &[u8], i: usize| {
            s[i].is_ascii_digit() && (i == 0 || !s[i - 1].is_ascii_alphanumeric())
        };
        let found: Vec<_> = find_all(masked, starts, id_range).collect();
        let group = self.new_group();
        for (_, ((ns, ne), (ws, we), letters, first, last, digits)) in found {
            let noun = &masked[ws..we];
            if !is_work_noun(noun) || first > last || last - first > 100_000 {
                continue;
            }
            let Some(figure) = figure(masked, (ns, ne), base) else {
                continue;
            };
            let kind = ClaimKind::IdRange {
                figure,
                noun: singular(noun),
                letters,
                first,
                last,
                digits,
            };
            let f = Found {
                kind,
                approx: false,
                at: ns,
            };
            self.push_claim(
                f,
                Subject::Unit(crate::model::ROOT),
                Site::Entry,
                line,
                group,
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::id_range;

    fn read(text: &str) -> Option<(String, String, u64, u64, usize)> {
        let (_, ((ns, ne), (ws, we), letters, first, last, digits)) = id_range(text, 0)?;
        Some((
            format!("{}{}", &text[ns..ne], &text[ws..we]),
            letters,
            first,
            last,
            digits,
        ))
    }

    #[test]
    fn ranges_of_ids() {
        let r = |f: &str, l: &str, a, b, d| Some((f.to_string(), l.to_string(), a, b, d));
        assert_eq!(read("6 tasks (T001-T006)"), r("6tasks", "T", 1, 6, 3));
        assert_eq!(read("4 tasks ( T042 – 45 )"), r("4tasks", "T", 42, 45, 2));
        assert_eq!(read("71 tasks through T045"), r("71tasks", "T", 1, 45, 3));
        assert_eq!(read("2 stories (US1-US2)"), r("2stories", "US", 1, 2, 1));
        assert_eq!(read("3 tasks (T1-US4)"), None);
        assert_eq!(read("5 tasks (see T001)"), None);
        assert_eq!(read("5 tasks (T001-T006"), None);
    }
}
