//! Compiling patterns as ASCII patterns. Figures, ids and the words around
//! them are ASCII; Unicode `\d`, `\s`, `\b` and case folding make each automaton many times
//! larger, and compiling them was most of the cost of checking one small file.

use regex::Regex;

/// `pattern` compiled with ASCII classes, word boundaries and case folding. What must stay
/// Unicode to match whole characters (`.`, negated sets, sets holding non-ASCII characters,
/// `\W`) stays Unicode.
pub fn ascii(pattern: &str) -> Regex {
    Regex::new(&ascii_pattern(pattern)).expect("valid regex")
}

const SPACE: &str = r"\t\n\x0B\x0C\r ";
const WORD: &str = "0-9A-Za-z_";

/// `(?-u)` before `pattern`, with the parts that would match part of a character wrapped
/// back into `(?u:...)`.
fn ascii_pattern(pattern: &str) -> String {
    let mut out = String::with_capacity(pattern.len() * 2);
    out.push_str("(?-u)");
    let mut rest = pattern;
    while let Some(c) = rest.chars().next() {
        match c {
            '\\' => {
                let escape: String = rest.chars().take(2).collect();
                match escape.as_str() {
                    r"\W" => out.push_str(&format!("(?u:[^{WORD}])")),
                    _ => out.push_str(&escape),
                }
                rest = &rest[escape.len()..];
            }
            '[' => {
                let len = class_len(rest);
                let class = &rest[..len];
                if class.starts_with("[^") || !class.is_ascii() {
                    out.push_str(&format!("(?u:{})", ascii_in_class(class)));
                } else {
                    out.push_str(class);
                }
                rest = &rest[len..];
            }
            '.' => {
                out.push_str("(?u:.)");
                rest = &rest[1..];
            }
            _ => {
                out.push(c);
                rest = &rest[c.len_utf8()..];
            }
        }
    }
    out
}

/// The byte length of the set `[...]` that `text` starts with: a `]` right after `[` or `[^`
/// is a literal, and escapes are skipped.
fn class_len(text: &str) -> usize {
    let bytes = text.as_bytes();
    let mut i = 1;
    if bytes.get(i) == Some(&b'^') {
        i += 1;
    }
    if bytes.get(i) == Some(&b']') {
        i += 1;
    }
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 2,
            b']' => return i + 1,
            _ => i += 1,
        }
    }
    text.len()
}

/// A set with its `\d`, `\s` and `\w` spelled as ASCII ranges, for use in Unicode mode.
fn ascii_in_class(class: &str) -> String {
    class
        .replace(r"\d", "0-9")
        .replace(r"\s", SPACE)
        .replace(r"\w", WORD)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sets_that_match_whole_characters_stay_unicode() {
        assert_eq!(ascii_pattern(r"\d+\b"), r"(?-u)\d+\b");
        assert_eq!(ascii_pattern(r"[^-–\d]"), "(?-u)(?u:[^-–0-9])");
        assert_eq!(ascii_pattern(r"[\s_*]x"), r"(?-u)[\s_*]x");
        assert_eq!(ascii_pattern(r"(.*)$"), "(?-u)((?u:.)*)$");
        assert_eq!(ascii_pattern(r"\(\*\*\.\)"), r"(?-u)\(\*\*\.\)");
        assert_eq!(ascii_pattern(r"[]\d]\W"), r"(?-u)[]\d](?u:[^0-9A-Za-z_])");
        assert_eq!(ascii_pattern(r"(~|≈)"), "(?-u)(~|≈)");
    }

    #[test]
    fn ascii_patterns_match_as_before_on_ascii() {
        let re = ascii(r"(?i)\b(\d+)\s+of\s+(\d+)\b");
        let c = re.captures("3 OF 12 done").expect("matches");
        assert_eq!((&c[1], &c[2]), ("3", "12"));
        assert!(!re.is_match("٣ of 12"), "only ASCII digits are figures");
        assert!(ascii(r"^\W*x").is_match("— x"));
        assert_eq!(
            &ascii(r"^a(.*)$").captures("a—é").expect("matches")[1],
            "—é"
        );
        assert!(ascii(r"(?i)^[^*]+\*").is_match("ÉTAPE*"));
        assert!(ascii(r"(~|≈)?(\d+)%").is_match("≈50%"));
    }
}
