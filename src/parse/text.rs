//! Line-level text helpers: code spans, emphasis, and the marker a list item starts with.

use std::borrow::Cow;

use crate::model::{BadCheckbox, Legend, Marker};
use crate::vocab::{State, Vocab};

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
pub fn plain(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        if c == ']' && rest[1..].starts_with('(') {
            rest = rest.find(')').map_or("", |end| &rest[end + 1..]);
            continue;
        }
        let markup = matches!(c, '*' | '[' | ']' | '`') || (c == '_' && rest.starts_with("__"));
        if !markup {
            out.push(c);
        }
        rest = &rest[c.len_utf8()..];
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
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
            text: rest.trim().into(),
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
    matches!(
        t.as_str(),
        "cancelled" | "canceled" | "dropped" | "won't do"
    )
}

/// Optional work: "(optional)", "Optional -", "If Time Permits", "N/A", "not required".
pub fn is_optional(title: &str) -> bool {
    let lower = title.to_ascii_lowercase();
    lower.contains("(optional")
        || lower.starts_with("optional")
        || lower.contains(": optional")
        || lower.contains("- optional")
        || lower.contains("if time permits")
        || lower.contains("n/a)")
        || lower.contains("not required")
}

/// Whether a text has a digit, as the regexes' `\d` sees digits (any numeric character).
/// Figures, ids and durations all have one, so a text without can skip their searches.
pub fn has_digit(text: &str) -> bool {
    text.bytes().any(|b| b.is_ascii_digit())
        || (!text.is_ascii() && text.chars().any(char::is_numeric))
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
    }
}
