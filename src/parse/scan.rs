//! Hand-written scanning over the bytes of one line: the small steps the parser's matchers
//! are made of. Figures, ids and the words around them are ASCII, so a matcher reads bytes;
//! a non-ASCII byte is never a digit, a letter or a word byte.
//!
//! Matchers built from these run in one pass without compiling anything first, which keeps
//! a pre-commit run on one small file as fast as parsing it. Each matcher documents the
//! regular expression it implements, and its tests check it against that expression.

/// A stretch of a line, in bytes: where it starts and where it ends. The grammar's one span
/// type; the model's spans ([`crate::source::Span`]) are made from it with the line's offset.
pub type Span = (usize, usize);

/// A label and its value, each where it stands: `**Blocked By:** Task 2`, `**Phase 1** ✅`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Labelled {
    pub label: Span,
    pub value: Span,
}

/// The largest count, size or total read as a figure. A longer number is an id, a phone
/// number or noise, not a count of work; the bound also keeps sums of figures exact.
pub const MAX_FIGURE: u64 = 999_999_999;

/// The value of a figure's digits, whole: `None` for a number of more than nine digits, so
/// that no figure is read as part of a longer number.
pub fn figure_value(digits: &str) -> Option<u64> {
    digits.parse().ok().filter(|&v| v <= MAX_FIGURE)
}

/// The value of an amount (`1.5` days, `20.25` hours), with figures' bound.
pub fn amount_value(written: &str) -> Option<f64> {
    written
        .parse::<f64>()
        .ok()
        .filter(|v| v.is_finite() && *v <= MAX_FIGURE as f64)
}

/// `\s` in an ASCII pattern: tab, line feed, vertical tab, form feed, carriage return, space.
pub fn is_space(b: u8) -> bool {
    matches!(b, b'\t' | b'\n' | 0x0B | 0x0C | b'\r' | b' ')
}

/// `\w` in an ASCII pattern.
pub fn is_word(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// `\b` in an ASCII pattern: a word byte on one side of `at` and not on the other.
pub fn boundary(s: &[u8], at: usize) -> bool {
    let before = at > 0 && is_word(s[at - 1]);
    let after = s.get(at).is_some_and(|&b| is_word(b));
    before != after
}

/// A position in a line, moved forward by the steps that match.
#[derive(Debug, Clone, Copy)]
pub struct Cursor<'a> {
    pub s: &'a [u8],
    pub at: usize,
}

impl<'a> Cursor<'a> {
    pub fn new(s: &'a str, at: usize) -> Self {
        Self {
            s: s.as_bytes(),
            at,
        }
    }

    pub fn peek(&self) -> Option<u8> {
        self.s.get(self.at).copied()
    }

    pub fn done(&self) -> bool {
        self.at >= self.s.len()
    }

    /// `\s*`.
    pub fn spaces(&mut self) -> &mut Self {
        while self.peek().is_some_and(is_space) {
            self.at += 1;
        }
        self
    }

    /// `\s+`.
    pub fn spaces1(&mut self) -> bool {
        let from = self.at;
        self.spaces();
        self.at > from
    }

    /// One byte.
    pub fn byte(&mut self, b: u8) -> bool {
        let hit = self.peek() == Some(b);
        self.at += usize::from(hit);
        hit
    }

    /// A literal, exactly.
    pub fn lit(&mut self, lit: &str) -> bool {
        let hit = self.s[self.at..].starts_with(lit.as_bytes());
        if hit {
            self.at += lit.len();
        }
        hit
    }

    /// A literal, ASCII letters in either case.
    pub fn lit_ci(&mut self, lit: &str) -> bool {
        let end = self.at + lit.len();
        let hit = self
            .s
            .get(self.at..end)
            .is_some_and(|w| w.eq_ignore_ascii_case(lit.as_bytes()));
        if hit {
            self.at = end;
        }
        hit
    }

    /// `(?:\*\*)?`.
    pub fn bold(&mut self) -> &mut Self {
        self.lit("**");
        self
    }

    /// `\d+`: the span of the digits.
    pub fn digits(&mut self) -> Option<Span> {
        let from = self.at;
        while self.peek().is_some_and(|b| b.is_ascii_digit()) {
            self.at += 1;
        }
        (self.at > from).then_some((from, self.at))
    }

    /// `\d+(?:\.\d+)*` as a pattern backtracks over it: where the dotted number may end,
    /// after each of its parts, longest first.
    pub fn dotted_ends(&self) -> impl Iterator<Item = usize> + 'a {
        let mut c = *self;
        let from = c.at;
        let mut end = from;
        if c.digits().is_some() {
            end = c.at;
            loop {
                let mut next = c;
                if !(next.byte(b'.') && next.digits().is_some()) {
                    break;
                }
                end = next.at;
                c = next;
            }
        }
        let s = self.s;
        // A part ends where a digit is followed by a dot, or at the end.
        (from + 1..=end)
            .rev()
            .filter(move |&p| s[p - 1].is_ascii_digit() && (p == end || s[p] == b'.'))
    }

    /// `\d{1,3}(?:\.\d+)?` as a percentage is written: the span.
    pub fn decimal(&mut self, max_int: usize) -> Option<Span> {
        let (from, end) = self.digits()?;
        if end - from > max_int {
            return None;
        }
        let mut c = *self;
        if c.byte(b'.') && c.digits().is_some() {
            *self = c;
        }
        Some((from, self.at))
    }

    /// `\p{Alphabetic}[\p{Alphabetic}-]*`: a noun as figures are counted in, in any script
    /// (`tasks`, `этапов`, `tâches`).
    pub fn noun(&mut self) -> Option<Span> {
        let from = self.at;
        self.at += self.letter()?;
        loop {
            if self.peek() == Some(b'-') {
                self.at += 1;
            } else if let Some(n) = self.letter() {
                self.at += n;
            } else {
                return Some((from, self.at));
            }
        }
    }

    /// The byte length of the letter here, if a letter stands here.
    fn letter(&self) -> Option<usize> {
        let b = self.peek()?;
        if b.is_ascii() {
            return b.is_ascii_alphabetic().then_some(1);
        }
        let len = match b {
            0xF0.. => 4,
            0xE0.. => 3,
            _ => 2,
        };
        let bytes = self.s.get(self.at..self.at + len)?;
        let ch = std::str::from_utf8(bytes).ok()?.chars().next()?;
        ch.is_alphabetic().then_some(len)
    }

    /// `\b` here.
    pub fn boundary(&self) -> bool {
        boundary(self.s, self.at)
    }

    /// One of `words` (ASCII case-insensitive), the first that matches, in order.
    pub fn one_of_ci(&mut self, words: &[&str]) -> Option<usize> {
        // Words are compared only where their first letter stands.
        let first = self.peek()?.to_ascii_lowercase();
        let mut len = 0;
        let i = words.iter().position(|w| {
            if !w.is_ascii() {
                if first.is_ascii() {
                    return false;
                }
                // `ЭТАП 2` for `этап`: letters beyond ASCII in any case.
                let window = &self.s[self.at..self.s.len().min(self.at + 64)];
                let text = std::str::from_utf8(window).unwrap_or_else(|e| {
                    std::str::from_utf8(&window[..e.valid_up_to()]).unwrap_or_default()
                });
                return crate::vocab::prefix_ci(text, w)
                    .inspect(|&n| len = n)
                    .is_some();
            }
            let mut c = *self;
            len = w.len();
            w.as_bytes().first().map(u8::to_ascii_lowercase) == Some(first) && c.lit_ci(w)
        })?;
        self.at += len;
        Some(i)
    }
}

/// Whether `hay` contains `needle`, ASCII letters in either case.
pub fn contains_ci(hay: &str, needle: &str) -> bool {
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    let Some(&first) = n.first() else {
        return true;
    };
    // Jump between places where the first byte stands, in either case.
    memchr::memchr2_iter(first.to_ascii_lowercase(), first.to_ascii_uppercase(), h).any(|i| {
        h[i..]
            .get(..n.len())
            .is_some_and(|w| w.eq_ignore_ascii_case(n))
    })
}

/// Whether `s` ends with `suffix`, ASCII letters in either case.
pub fn ends_with_ci(s: &str, suffix: &str) -> bool {
    s.len() >= suffix.len()
        && s.as_bytes()[s.len() - suffix.len()..].eq_ignore_ascii_case(suffix.as_bytes())
}

/// Whether `s` starts with `prefix`, ASCII letters in either case.
pub fn starts_with_ci(s: &str, prefix: &str) -> bool {
    s.len() >= prefix.len() && s.as_bytes()[..prefix.len()].eq_ignore_ascii_case(prefix.as_bytes())
}

/// Every non-overlapping match of `at` in `text`, left to right, as a regex search finds
/// them: tried at each position where `starts` holds, resumed after each match.
pub fn find_all<'t, M: 't>(
    text: &'t str,
    starts: impl Fn(&[u8], usize) -> bool + 't,
    at: impl Fn(&'t str, usize) -> Option<(usize, M)> + 't,
) -> impl Iterator<Item = (usize, M)> + 't {
    let s = text.as_bytes();
    let mut i = 0;
    std::iter::from_fn(move || {
        while i < s.len() {
            if starts(s, i)
                && let Some((end, m)) = at(text, i)
            {
                let start = i;
                i = end.max(i + 1);
                return Some((start, m));
            }
            i += 1;
        }
        None
    })
}

/// As [`find_all`] for matches that start with the byte `first`: the line is searched for
/// that byte (with memchr) rather than tried at every position.
pub fn find_all_at<'t, M: 't>(
    text: &'t str,
    first: u8,
    at: impl Fn(&'t str, usize) -> Option<(usize, M)> + 't,
) -> impl Iterator<Item = (usize, M)> + 't {
    let s = text.as_bytes();
    let mut i = 0;
    std::iter::from_fn(move || {
        while let Some(skip) = memchr::memchr(first, s.get(i..)?) {
            let start = i + skip;
            if let Some((end, m)) = at(text, start) {
                i = end.max(start + 1);
                return Some((start, m));
            }
            i = start + 1;
        }
        i = s.len();
        None
    })
}

#[cfg(test)]
pub mod oracle;

#[cfg(test)]
mod tests;
