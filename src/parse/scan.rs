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

    /// `[A-Za-z][A-Za-z-]*`: a noun as figures are counted in.
    pub fn noun(&mut self) -> Option<Span> {
        let from = self.at;
        if !self.peek().is_some_and(|b| b.is_ascii_alphabetic()) {
            return None;
        }
        while self
            .peek()
            .is_some_and(|b| b.is_ascii_alphabetic() || b == b'-')
        {
            self.at += 1;
        }
        Some((from, self.at))
    }

    /// `\b` here.
    pub fn boundary(&self) -> bool {
        boundary(self.s, self.at)
    }

    /// One of `words` (ASCII case-insensitive), the first that matches, in order.
    pub fn one_of_ci(&mut self, words: &[&str]) -> Option<usize> {
        // Words are compared only where their first letter stands.
        let first = self.peek()?.to_ascii_lowercase();
        let i = words.iter().position(|w| {
            let mut c = *self;
            w.as_bytes().first().map(u8::to_ascii_lowercase) == Some(first) && c.lit_ci(w)
        })?;
        self.at += words[i].len();
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

/// Differential testing: a matcher against the regular expression it implements, on random
/// lines made of the tokens that matter to it and on every line of the bundled fixtures.
#[cfg(test)]
pub mod oracle {
    use regex::Regex;

    /// Tokens most matchers care about; each test adds its own words.
    pub const COMMON: &[&str] = &[
        " ", " ", "  ", "\t", "(", ")", "/", "%", "**", "*", "__", "_", ":", "-", "–", "—", ".",
        ",", "+", "#", "~", "≈", "[", "]", "|", "0", "1", "2", "9", "01", "12", "1.2", "100",
        "3.5", "a", "x", "E", "T", "é", "✅", "⬜", "\r",
    ];

    /// A deterministic xorshift generator.
    pub struct Rng(u64);

    impl Rng {
        pub fn new(seed: u64) -> Self {
            Self(seed.max(1))
        }

        pub fn below(&mut self, n: usize) -> usize {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            (self.0 % n as u64) as usize
        }
    }

    /// `n` random lines of up to 14 tokens from `words` and [`COMMON`].
    pub fn lines(words: &[&str], n: usize, seed: u64) -> Vec<String> {
        let tokens: Vec<&str> = words.iter().chain(COMMON).copied().collect();
        phrases(&tokens, 15, n, seed)
    }

    /// `n` random phrases of fewer than `most` tokens from `tokens` alone.
    pub fn phrases(tokens: &[&str], most: usize, n: usize, seed: u64) -> Vec<String> {
        let mut rng = Rng::new(seed);
        (0..n)
            .map(|_| {
                let len = rng.below(most);
                (0..len).map(|_| tokens[rng.below(tokens.len())]).collect()
            })
            .collect()
    }

    /// Every line of every Markdown file under fixtures/.
    pub fn fixture_lines() -> Vec<String> {
        let mut out = Vec::new();
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
        collect(&root, &mut out);
        out
    }

    fn collect(dir: &std::path::Path, out: &mut Vec<String>) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                collect(&path, out);
            } else if path.extension().is_some_and(|e| e == "md")
                && let Ok(text) = std::fs::read_to_string(&path)
            {
                out.extend(text.lines().map(str::to_string));
            }
        }
    }

    /// Lines sketched from `slots` (one choice from each, in order; the first choices of all
    /// slots make a match) and then mutated: a
    /// slot dropped or replaced by a [`COMMON`] token, noise before or after. Most come
    /// close to what the matcher looks for, many match, and many just miss.
    pub fn sketches(slots: &[&[&str]], n: usize, seed: u64) -> Vec<String> {
        let mut rng = Rng::new(seed);
        let noise = |rng: &mut Rng| -> String {
            (0..rng.below(3))
                .map(|_| COMMON[rng.below(COMMON.len())])
                .collect()
        };
        (0..n)
            .map(|_| {
                // The first choice of each slot is the one that matches: taken half the time.
                let mut parts: Vec<&str> = slots
                    .iter()
                    .map(|s| {
                        if rng.below(2) == 0 {
                            s[0]
                        } else {
                            s[rng.below(s.len())]
                        }
                    })
                    .collect();
                if rng.below(3) == 0 && !parts.is_empty() {
                    let i = rng.below(parts.len());
                    parts[i] = if rng.below(2) == 0 {
                        ""
                    } else {
                        COMMON[rng.below(COMMON.len())]
                    };
                }
                let (before, after) = if rng.below(4) == 0 {
                    (noise(&mut rng), noise(&mut rng))
                } else {
                    (String::new(), String::new())
                };
                format!("{before}{}{after}", parts.concat())
            })
            .collect()
    }

    /// Sketched lines, random lines of the slots' words mixed with [`COMMON`], and fixture
    /// lines, for one matcher's test.
    pub fn inputs(slots: &[&[&str]], seed: u64) -> Vec<String> {
        let words: Vec<&str> = slots.iter().flat_map(|s| s.iter().copied()).collect();
        let mut all = sketches(slots, 20_000, seed);
        all.extend(lines(&words, 5_000, seed + 1));
        all.extend(fixture_lines());
        all
    }

    /// The spans of every group of the first match, as the matcher reports them.
    pub fn groups(re: &Regex, text: &str) -> Option<Vec<Option<(usize, usize)>>> {
        let c = re.captures(text)?;
        Some(c.iter().map(|m| m.map(|m| (m.start(), m.end()))).collect())
    }

    /// The spans of every group of every match, left to right.
    pub fn all_groups(re: &Regex, text: &str) -> Vec<Vec<Option<(usize, usize)>>> {
        re.captures_iter(text)
            .map(|c| c.iter().map(|m| m.map(|m| (m.start(), m.end()))).collect())
            .collect()
    }

    /// Asserts that `matcher` agrees with `pattern` on every input.
    pub fn agree<T: PartialEq + std::fmt::Debug>(
        pattern: &str,
        slots: &[&[&str]],
        seed: u64,
        expected: impl Fn(&Regex, &str) -> T,
        matcher: impl Fn(&str) -> T,
    ) {
        agree_on(pattern, &inputs(slots, seed), expected, matcher);
    }

    /// As [`agree`], on the given lines.
    pub fn agree_on<T: PartialEq + std::fmt::Debug>(
        pattern: &str,
        lines: &[String],
        expected: impl Fn(&Regex, &str) -> T,
        matcher: impl Fn(&str) -> T,
    ) {
        let re = crate::pattern::ascii(pattern);
        let nothing = expected(&re, "");
        let mut found = 0;
        for line in lines {
            let want = expected(&re, line);
            found += usize::from(want != nothing);
            assert_eq!(matcher(line), want, "{pattern} on {line:?}");
        }
        // The inputs must exercise the pattern, or agreeing proves nothing.
        assert!(
            found * 100 >= lines.len(),
            "{pattern}: {found} of {} inputs match",
            lines.len()
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn steps() {
        let mut c = Cursor::new("**12.5.3 Tasks", 0);
        assert_eq!(c.bold().dotted_ends().collect::<Vec<_>>(), [8, 6, 4]);
        assert_eq!(Cursor::new("x", 0).dotted_ends().count(), 0);
        c.at = 8;
        assert!(c.spaces1() && c.lit_ci("tasks") && c.done());
        assert!(boundary(b"a b", 1) && !boundary(b"ab", 1) && boundary(b"a", 1));
        assert!(contains_ci("X (Optional)", "(optional") && !contains_ci("ab", "abc"));
        assert!(ends_with_ci("Overall PROGRESS", "progress"));
        let mut c = Cursor::new("12.", 0);
        assert_eq!(c.decimal(3), Some((0, 2)));
        assert_eq!(c.at, 2);
    }
}
