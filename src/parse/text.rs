//! Line-level text helpers: code spans, emphasis, and the marker a list item starts with.

use std::borrow::Cow;
use std::sync::LazyLock;

use crate::model::{BadCheckbox, Legend, Marker};
use crate::vocab::{State, Vocab, labels};

/// Blanks out inline code spans (`` `...` ``) byte for byte, so that nothing inside them is
/// read as a claim while every other byte keeps its offset.
pub fn mask_code(line: &str) -> Cow<'_, str> {
    if !line.contains('`') {
        return Cow::Borrowed(line);
    }
    let bytes = line.as_bytes();
    let mut out = bytes.to_vec();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] != b'`' {
            i += 1;
            continue;
        }
        let run = bytes[i..].iter().take_while(|b| **b == b'`').count();
        let close = find_run(bytes, i + run, run);
        match close {
            Some(end) => {
                out[i..end + run].fill(b' ');
                i = end + run;
            }
            None => i += run,
        }
    }
    // Only whole multi-byte characters were replaced, so the bytes are still UTF-8.
    Cow::Owned(String::from_utf8(out).unwrap_or_else(|_| line.to_string()))
}

fn find_run(bytes: &[u8], from: usize, run: usize) -> Option<usize> {
    let mut j = from;
    while j < bytes.len() {
        if bytes[j] == b'`' {
            let len = bytes[j..].iter().take_while(|b| **b == b'`').count();
            if len == run {
                return Some(j);
            }
            j += len;
        } else {
            j += 1;
        }
    }
    None
}

/// Byte length of leading emphasis and spaces (`**`, `__`, `*`, `_`).
pub fn emphasis_len(text: &str) -> usize {
    text.len() - text.trim_start_matches(['*', '_', ' ']).len()
}

/// Removes emphasis and link syntax for titles and comparisons: `**[1.1](x)**: Foo` → `1.1: Foo`.
/// Runs of whitespace become one space, and none is left at either end.
pub fn plain(text: &str) -> String {
    let s = text.as_bytes();
    if is_plain(s) {
        return text.to_string();
    }
    let mut out: Vec<u8> = Vec::with_capacity(s.len());
    // A blank seen since the last character kept, written only before the next one.
    let mut blank = false;
    let mut i = 0;
    while i < s.len() {
        // A run of ASCII that is neither markup nor blank is kept as it is.
        let run = s[i..]
            .iter()
            .take_while(|&&b| CLASS[usize::from(b)] == 0)
            .count();
        if run > 0 {
            if blank {
                out.push(b' ');
                blank = false;
            }
            out.extend_from_slice(&s[i..i + run]);
            i += run;
            continue;
        }
        let (kept, len) = match s[i] {
            b']' if s.get(i + 1) == Some(&b'(') => {
                // A link's target: skip to its closing parenthesis.
                i = memchr::memchr(b')', &s[i..]).map_or(s.len(), |end| i + end + 1);
                continue;
            }
            b'*' | b'[' | b']' | b'`' => (None, 1),
            b'_' if s.get(i + 1) == Some(&b'_') => (None, 1),
            b if b.is_ascii() => (Some(!(b as char).is_whitespace()), 1),
            _ => {
                let c = text[i..].chars().next().unwrap_or_default();
                (Some(!c.is_whitespace()), c.len_utf8())
            }
        };
        match kept {
            // Markup goes without a trace.
            None => {}
            Some(false) => blank = !out.is_empty(),
            Some(true) => {
                if blank {
                    out.push(b' ');
                    blank = false;
                }
                out.extend_from_slice(&s[i..i + len]);
            }
        }
        i += len;
    }
    // Only whole characters were copied.
    String::from_utf8(out).unwrap_or_default()
}

/// By byte: 0 kept as it is (printable ASCII but markup), 1 a space, 2 anything else
/// (markup, other blanks, control bytes, and the bytes of other characters).
static CLASS: [u8; 256] = classes();

const fn classes() -> [u8; 256] {
    let mut t = [2u8; 256];
    let mut b = 0x21;
    while b < 0x7F {
        t[b] = 0;
        b += 1;
    }
    t[b' ' as usize] = 1;
    t[b'*' as usize] = 2;
    t[b'[' as usize] = 2;
    t[b']' as usize] = 2;
    t[b'`' as usize] = 2;
    t[b'_' as usize] = 2;
    t
}

/// Whether `plain` would return the text as it is: ASCII without markup, and blanks only
/// as single spaces between words. Most titles are.
fn is_plain(s: &[u8]) -> bool {
    let mut previous = 1;
    for &b in s {
        let class = CLASS[usize::from(b)];
        if class == 2 || (class == 1 && previous == 1) {
            return false;
        }
        previous = class;
    }
    previous == 0 || s.is_empty()
}

/// What a list item's text starts with.
pub struct Lead {
    pub marker: Option<Marker>,
    /// Bytes from the start of the text to where the title begins.
    pub title_start: usize,
    pub bad_checkbox: Option<BadCheckbox>,
    /// Kiro's `- [ ]*` optional task.
    pub starred: bool,
}

/// Reads the marker at the start of an item's text (`text` begins right after the list
/// bullet; `base` is its byte offset in the file).
pub fn lead(text: &str, base: usize, vocab: &Vocab, legend: &Legend) -> Lead {
    let skip = emphasis_len(text);
    let rest = &text[skip..];
    let mut lead = Lead {
        marker: None,
        title_start: 0,
        bad_checkbox: None,
        starred: false,
    };
    let at = base + skip;
    if let Some((state, len, bad)) = checkbox(rest) {
        let canonical = match state {
            State::Done => "[x]",
            State::InProgress => "[/]",
            State::Cancelled => "[~]",
            State::Open | State::Blocked => "[ ]",
        };
        lead.marker = Some(Marker {
            state,
            text: canonical.into(),
            span: at..at + len,
            garbled: false,
        });
        lead.bad_checkbox = bad.map(|replacement| BadCheckbox {
            span: at..at + len,
            replacement,
        });
        lead.starred = rest[len..].starts_with('*') && !rest[len..].starts_with("**");
        lead.title_start = skip + len + usize::from(lead.starred);
    } else if let Some(m) = vocab.marker_at(rest) {
        let state = legend
            .state_of(&m.canonical)
            .or_else(|| vocab.marker_state(&m.canonical));
        let Some(state) = state else { return lead };
        let mut len = m.len;
        len += rest[len..].len() - rest[len..].trim_start_matches('\u{FE0F}').len();
        lead.marker = Some(Marker {
            state,
            text: m.canonical,
            span: at..at + len,
            garbled: m.garbled,
        });
        lead.title_start = skip + len;
    } else if let Some(inner) = struck_through(rest) {
        let span = at..at + rest.len();
        lead.marker = Some(Marker {
            state: State::Cancelled,
            text: "~~".into(),
            span,
            garbled: false,
        });
        lead.title_start = text.len() - inner.len();
    } else if is_cancelled_word(rest) {
        let span = at..at + rest.trim_end().len();
        lead.marker = Some(Marker {
            state: State::Cancelled,
            text: rest.trim().to_string().into(),
            span,
            garbled: false,
        });
        lead.title_start = text.len();
    }
    lead.title_start += emphasis_len(&text[lead.title_start.min(text.len())..]);
    lead.title_start = lead.title_start.min(text.len());
    lead
}

/// A task box at the start of `s`: state, byte length, and the replacement when GitHub would
/// not render it (`[]`, `[ x]`, `[X ]`).
pub(crate) fn checkbox(s: &str) -> Option<(State, usize, Option<&'static str>)> {
    let inner_len = s.strip_prefix('[')?.find(']').filter(|&n| n <= 4)?;
    let inner = &s[1..1 + inner_len];
    let len = inner_len + 2;
    if !s[len..]
        .chars()
        .next()
        .is_none_or(|c| c == ' ' || c == '\t' || c == '*')
    {
        return None;
    }
    let (state, bad) = match inner {
        " " => (State::Open, None),
        "x" | "X" => (State::Done, None),
        "/" => (State::InProgress, None),
        "~" | "-" => (State::Cancelled, None),
        _ if inner.trim().is_empty() => (State::Open, Some("[ ]")),
        _ if inner.trim().eq_ignore_ascii_case("x") => (State::Done, Some("[x]")),
        _ => return None,
    };
    Some((state, len, bad))
}

fn struck_through(s: &str) -> Option<&str> {
    let t = s.trim_end();
    let inner = t.strip_prefix("~~")?.strip_suffix("~~")?;
    (!inner.is_empty() && !inner.contains("~~")).then_some(inner)
}

fn is_cancelled_word(s: &str) -> bool {
    let t = s.trim().trim_end_matches('.').to_ascii_lowercase();
    crate::vocab::words_of(State::Cancelled).contains(&t.as_str())
}

/// Optional work: "(optional", "optional" at the start, ": optional", "- optional",
/// "if time permits", "n/a)", "not required", in any case.
pub fn is_optional(title: &str) -> bool {
    // For each byte, the phrases that start with it (a bit each), in either case: any other
    // byte is passed over with one lookup, and only the phrases of its bits are compared.
    static STARTS: LazyLock<[u8; 256]> = LazyLock::new(|| {
        let mut starts = [0u8; 256];
        for (k, phrase) in labels::OPTIONAL_PHRASES.iter().enumerate().take(8) {
            if let Some(b) = phrase.bytes().next() {
                starts[usize::from(b.to_ascii_lowercase())] |= 1 << k;
                starts[usize::from(b.to_ascii_uppercase())] |= 1 << k;
            }
        }
        starts
    });
    let s = title.as_bytes();
    let at = |i: usize, phrase: &str| {
        s.get(i..i + phrase.len())
            .is_some_and(|w| w.eq_ignore_ascii_case(phrase.as_bytes()))
    };
    let starts = &*STARTS;
    let phrase_at = |i: usize, mask: u8| {
        let second = s.get(i + 1).map_or(0, u8::to_ascii_lowercase);
        let bits = std::iter::successors(Some(mask), |b| Some(b & b.wrapping_sub(1)));
        let mut set = bits.take_while(|&b| b != 0).map(|b| b.trailing_zeros());
        set.any(|k| {
            let p = labels::OPTIONAL_PHRASES[k as usize];
            p.as_bytes().get(1) == Some(&second) && at(i, p)
        })
    };
    labels::OPTIONAL_OPENING.iter().any(|p| at(0, p))
        || s.iter().enumerate().any(|(i, &b)| {
            let mask = starts[usize::from(b)];
            mask != 0 && phrase_at(i, mask)
        })
}

/// Whether a text has an ASCII digit. Figures, ids and durations all have one, so a text
/// without can skip their searches.
pub fn has_digit(text: &str) -> bool {
    text.bytes().any(|b| b.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lead_of(text: &str) -> Lead {
        lead(text, 0, &Vocab::default(), &Legend::default())
    }

    #[test]
    fn masks_code_spans() {
        assert_eq!(mask_code("a `- [x]` b"), "a         b");
        assert_eq!(mask_code("``x ` y`` z"), "          z");
        assert_eq!(mask_code("no code"), "no code");
        assert_eq!(mask_code("open ` tick"), "open ` tick");
    }

    #[test]
    fn checkboxes() {
        let l = lead_of("[x] Done thing");
        assert_eq!(l.marker.unwrap().state, State::Done);
        assert_eq!(l.title_start, 4);
        let l = lead_of("[] Validation");
        assert_eq!(l.bad_checkbox.unwrap().replacement, "[ ]");
        assert_eq!(lead_of("[ x] a").bad_checkbox.unwrap().replacement, "[x]");
        assert!(lead_of("[31 more controllers...]").marker.is_none());
        assert!(lead_of("[1.1](tasks/a.md) x").marker.is_none());
        let l = lead_of("[ ]* 2.3 Write tests");
        assert!(l.starred);
        assert_eq!(&"[ ]* 2.3 Write tests"[l.title_start..], "2.3 Write tests");
    }

    #[test]
    fn emoji_and_words() {
        let l = lead_of("✅ **1.1**: Foo");
        assert_eq!(l.marker.unwrap().state, State::Done);
        assert_eq!(&"✅ **1.1**: Foo"[l.title_start..], "1.1**: Foo");
        assert_eq!(lead_of("cancelled").marker.unwrap().state, State::Cancelled);
        assert_eq!(
            lead_of("~~Old plan~~").marker.unwrap().state,
            State::Cancelled
        );
        assert!(lead_of("⚠️ Integration tests").marker.is_none());
        assert!(lead_of("**Deliverable**: ✅ x").marker.is_none());
    }

    #[test]
    fn plain_text() {
        assert_eq!(plain("**[1.1](tasks/x.md)**: Foo"), "1.1: Foo");
        assert_eq!(plain("**01**: Infra  Setup"), "01: Infra Setup");
        assert_eq!(plain(" a * b\u{a0}\tc `d` __e__ "), "a b c d _e_");
        assert_eq!(plain("*"), "");
        assert_eq!(
            plain("**Task 1.1**:  Set  up `ci`\u{a0}(✅ [x](y.md))_a__b"),
            "Task 1.1: Set up ci (✅ x)_a_b"
        );
        for clean in ["Set up CI", "a", "", "x (2 days)"] {
            assert!(
                is_plain(clean.as_bytes()) && plain(clean) == clean,
                "{clean}"
            );
        }
        for marked in [" a", "a ", "a  b", "a*b", "a_b", "é", "a\tb", "[a]"] {
            assert!(!is_plain(marked.as_bytes()), "{marked}");
        }
    }

    #[test]
    fn optional_phrases() {
        for title in [
            "Docs (Optional)",
            "OPTIONAL - extra",
            "Stretch: optional",
            "Extra - Optional",
            "Polish (if time permits)",
            "Telemetry (N/A)",
            "Not required for launch",
        ] {
            assert!(is_optional(title), "{title}");
        }
        for title in [
            "Options page",
            "n/a",
            "Required",
            "optionally",
            "If time",
            "é (Optional",
        ] {
            let optional = title == "optionally" || title.starts_with('é');
            assert_eq!(is_optional(title), optional, "{title}");
        }
    }
}
