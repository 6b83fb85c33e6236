//! Differential testing: a matcher against the regular expression it implements, on random
//! lines made of the tokens that matter to it and on every line of the bundled fixtures.

use regex::Regex;

/// Tokens most matchers care about; each test adds its own words.
pub const COMMON: &[&str] = &[
    " ", " ", "  ", "\t", "(", ")", "/", "%", "**", "*", "__", "_", ":", "-", "–", "—", ".", ",",
    "+", "#", "~", "≈", "[", "]", "|", "0", "1", "2", "9", "01", "12", "1.2", "100", "3.5", "a",
    "x", "E", "T", "é", "✅", "⬜", "\r",
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
