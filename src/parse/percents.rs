//! Percentages as written: `80%`, `(~25%)`, `0% (0/9 tasks)`, with the byte spans of their
//! parts. Each matcher implements the regular expression in its comment.

use super::figures::number_start;
use super::scan::{Cursor, Span};
use super::scan::{find_all, find_all_at};

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

/// `(~|≈)?(\d{1,3}(?:\.\d+)?)%` at `from`: a percentage that starts there.
pub fn percent_at(text: &str, from: usize) -> Option<(usize, Pct)> {
    let mut c = Cursor::new(text, from);
    let p = percent(&mut c, false)?;
    Some((c.at, p))
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
