//! Labelled lines: `**Label:** value`, `Label: value`, `**Phase 1** ✅`, and what kind of
//! label a field has (status, progress, the whole document). Each matcher implements the
//! regular expression in its comment.

use super::scan::{Cursor, Labelled, Span, ends_with_ci, is_space, starts_with_ci};
use crate::vocab::labels;

/// A field's label, and where its value starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Field {
    pub(super) label: Span,
    pub(super) value_start: usize,
}

/// `**Label:** value`, `**Label**: value` or `Label: value` in one line: the label's span
/// and where the value starts. As the pattern
/// `^\s*(?:(?:\*\*|__)([^*_]{1,80}?)(?::\s*(?:\*\*|__)|(?:\*\*|__)\s*:)|([A-Z][A-Za-z0-9 %/()-]{0,40}?):\s)(.*)$`.
pub(super) fn field(line: &str) -> Option<Field> {
    let mut c = Cursor::new(line, 0);
    c.spaces();
    let start = c.at;
    let found = if c.lit("**") || c.lit("__") {
        bold_label(line, c.at)
    } else {
        plain_label(line, start)
    };
    found.filter(|_| !line.contains('\n'))
}

/// `[^*_]{1,80}?` then `:\s*` and emphasis, or emphasis, `\s*` and `:`.
fn bold_label(line: &str, from: usize) -> Option<Field> {
    let close = |c: &mut Cursor| c.lit("**") || c.lit("__");
    for (n, (i, ch)) in line[from..].char_indices().enumerate().take(81) {
        let at = from + i;
        if n >= 1 {
            let mut c = Cursor::new(line, at);
            let field = |c: Cursor| Field {
                label: (from, at),
                value_start: c.at,
            };
            if c.byte(b':') && close(c.spaces()) {
                return Some(field(c));
            }
            let mut c = Cursor::new(line, at);
            if close(&mut c) && c.spaces().byte(b':') {
                return Some(field(c));
            }
        }
        if n == 80 || ch == '*' || ch == '_' {
            return None;
        }
    }
    // The label may run to the end of the line only if nothing closes it.
    None
}

/// `[A-Z][A-Za-z0-9 %/()-]{0,40}?` then `:` and one space.
fn plain_label(line: &str, from: usize) -> Option<Field> {
    let bytes = line.as_bytes();
    if !bytes.get(from)?.is_ascii_uppercase() {
        return None;
    }
    let class = |b: u8| b.is_ascii_alphanumeric() || b" %/()-".contains(&b);
    let mut at = from + 1;
    while at <= from + 41 {
        if bytes.get(at) == Some(&b':') && bytes.get(at + 1).is_some_and(|&b| is_space(b)) {
            return Some(Field {
                label: (from, at),
                value_start: at + 2,
            });
        }
        if at == from + 41 || !bytes.get(at).is_some_and(|&b| class(b)) {
            return None;
        }
        at += 1;
    }
    None
}

/// `(?i)^(?:overall |current |project |phase |epic |task )?status$`, where `status` may be
/// any word of `STATUS_LABELS` (`Estado`, `Статус`, `状態`), in any case of any script.
pub(super) fn is_status_label(label: &str) -> bool {
    let rest = labels::STATUS_PREFIXES
        .iter()
        .find(|p| starts_with_ci(label, p))
        .map_or(label, |p| &label[p.len()..]);
    let is = |l: &str| {
        labels::STATUS_LABELS.iter().any(|w| {
            if w.is_ascii() {
                l.eq_ignore_ascii_case(w)
            } else {
                !l.is_ascii() && crate::vocab::prefix_ci(l, w) == Some(l.len())
            }
        })
    };
    is(rest) || is(label)
}

/// `(?i)(?:progress|completion|complete|percent|percentage|%|% done)$`, or a word of
/// `PROGRESS_WORDS` (`Avancement`, `Общий прогресс`) at the end. A label beyond ASCII is
/// lower-cased once.
pub(super) fn is_progress_label(label: &str) -> bool {
    let lower = (!label.is_ascii()).then(|| label.to_lowercase());
    labels::PROGRESS_ENDINGS
        .iter()
        .chain(labels::PROGRESS_WORDS)
        .any(|w| {
            w.is_ascii() && ends_with_ci(label, w) || lower.as_ref().is_some_and(|l| l.ends_with(w))
        })
}

/// `(?i)^(?:overall|project)\b`: the label speaks of the whole document.
pub(super) fn is_overall_label(label: &str) -> bool {
    labels::WHOLE_DOCUMENT.iter().any(|w| {
        starts_with_ci(label, w)
            && !label
                .as_bytes()
                .get(w.len())
                .is_some_and(|&b| super::scan::is_word(b))
    })
}

/// `^\s*\*\*([^*]+)\*\*\s*(.*?)\s*$`: a bold line's words and what follows them.
pub(super) fn bold_line(line: &str) -> Option<Labelled> {
    let mut c = Cursor::new(line, 0);
    c.spaces();
    if !c.lit("**") {
        return None;
    }
    let from = c.at;
    let end = from + line[from..].find('*')?;
    if end == from {
        return None;
    }
    let mut c = Cursor::new(line, end);
    if !c.lit("**") {
        return None;
    }
    c.spaces();
    let rest = &line[c.at..];
    let trimmed = rest.trim_end_matches(|ch: char| ch.is_ascii() && is_space(ch as u8));
    if trimmed.contains('\n') {
        return None;
    }
    Some(Labelled {
        label: (from, end),
        value: (c.at, c.at + trimmed.len()),
    })
}

#[cfg(test)]
mod tests;
