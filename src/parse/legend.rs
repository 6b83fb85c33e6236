//! A document's own legend: `**Status Legend:**` followed by `- 🔴 Not Started` entries, a
//! two-column table after such a label, or one line such as `Legend: ✅ Done · ⬜ To do`.

use comrak::nodes::{AstNode, NodeValue};

use super::scan::Cursor;
use super::text::plain;
use crate::model::Legend;
use crate::source::SourceFile;
use crate::vocab::{Vocab, labels, phrase_state};

/// `(?i)^(?:status |progress |marker |emoji )?(?:legend|key)\s*:?\s*(.*)$`: what follows a
/// legend's label, if the text starts with one.
fn label(text: &str) -> Option<&str> {
    fn word(mut c: Cursor) -> Option<Cursor> {
        c.one_of_ci(labels::LEGEND).map(|_| c)
    }
    let start = Cursor::new(text, 0);
    let mut prefixed = start;
    let prefix = prefixed.one_of_ci(labels::LEGEND_QUALIFIERS).is_some() && prefixed.byte(b' ');
    let mut c = prefix
        .then(|| word(prefixed))
        .flatten()
        .or_else(|| word(start))?;
    // `Legenda de status:`, `Légende des statuts :`: the words after the label may say what
    // it is a legend of, ending in a status or marker word.
    let after = &text[c.at..];
    if after.starts_with(char::is_whitespace)
        && let Some(colon) = after.find(':')
        && let words = after[..colon].split_whitespace().collect::<Vec<_>>()
        && words.len() <= 3
        && words.last().is_some_and(|w| {
            let w = w.to_lowercase();
            let of = |list: &[&str]| list.iter().any(|q| w.starts_with(q));
            of(labels::STATUS_LABELS) || of(labels::LEGEND_QUALIFIERS)
        })
    {
        c.at += colon;
    }
    c.spaces().byte(b':');
    let rest = &text[c.spaces().at..];
    (!rest.contains('\n')).then_some(rest)
}

/// Whether a line may start with a legend's label: after blanks and emphasis, one of the
/// label's first words. Most lines are not, and need not be made plain to find out.
fn may_be_label(raw: &str) -> bool {
    let rest = raw.trim_start_matches([' ', '\t', '*', '_', '[', '`']);
    labels::LEGEND_QUALIFIERS
        .iter()
        .chain(labels::LEGEND)
        .any(|w| super::scan::starts_with_ci(rest, w))
}

/// Reads the legend, and the start lines of the lists that hold it (they are not work).
pub fn read<'n>(root: &'n AstNode<'n>, src: &SourceFile, vocab: &Vocab) -> (Legend, Vec<usize>) {
    let mut legend = Legend::default();
    let mut lists = Vec::new();
    let mut labelled = false;
    for node in root.children() {
        let d = node.data();
        let (start, end) = (d.sourcepos.start, d.sourcepos.end);
        match &d.value {
            NodeValue::Paragraph | NodeValue::Heading(_) => {
                let line = src.line_text(start.line);
                let raw = line
                    .get(start.column - 1..)
                    .unwrap_or_default()
                    .trim_start_matches('#');
                if !may_be_label(raw) {
                    labelled = false;
                    continue;
                }
                labelled = match label(&plain(raw)) {
                    Some(rest) if !rest.trim().is_empty() => {
                        inline_entries(rest, vocab, &mut legend);
                        false
                    }
                    Some(_) => end.line == start.line,
                    None => false,
                };
            }
            NodeValue::List(_) if labelled => {
                for item in node.children() {
                    let pos = item.data().sourcepos.start;
                    let text = src
                        .line_text(pos.line)
                        .get(pos.column - 1..)
                        .unwrap_or_default();
                    entry(
                        text.trim_start_matches(['-', '*', '+', ' ']),
                        vocab,
                        &mut legend,
                    );
                }
                lists.push(start.line);
                labelled = false;
            }
            NodeValue::Table(_) if labelled => {
                for line in start.line..=end.line {
                    let first = src.line_text(line).trim().trim_start_matches('|');
                    let mut cells = first.split('|');
                    let (marker, meaning) =
                        (cells.next().unwrap_or(""), cells.next().unwrap_or(""));
                    entry(
                        &format!("{} {}", marker.trim(), meaning.trim()),
                        vocab,
                        &mut legend,
                    );
                }
                labelled = false;
            }
            _ => labelled = false,
        }
    }
    (legend, lists)
}

fn inline_entries(text: &str, vocab: &Vocab, legend: &mut Legend) {
    for piece in text.split(['|', '·', ',', ';']) {
        entry(piece.trim(), vocab, legend);
    }
}

/// One `MARKER meaning` entry; separators `=`, `:`, `-` between them are allowed.
fn entry(text: &str, vocab: &Vocab, legend: &mut Legend) {
    let text = text.trim_start_matches(['*', '_', ' ']);
    let Some((canonical, len)) = vocab
        .marker_at(text)
        .map(|m| (m.canonical.into_owned(), m.len))
        .or_else(|| new_symbol(text))
    else {
        return;
    };
    let meaning = text[len..].trim_start_matches(['\u{FE0F}', ' ', '=', ':', '-', '–', '*', '_']);
    if let Some(state) = phrase_state(meaning)
        && legend.state_of(&canonical).is_none()
    {
        legend.entries.push((canonical, state));
    }
}

/// A symbol the vocabulary does not know yet (`🟣 In Review`): one pictographic character.
fn new_symbol(text: &str) -> Option<(String, usize)> {
    let c = text.chars().next()?;
    let pictographic = u32::from(c) >= 0x2190 && !c.is_alphanumeric();
    pictographic.then(|| (c.to_string(), c.len_utf8()))
}

#[cfg(test)]
mod tests {
    #[test]
    fn labels_as_the_pattern() {
        let slots: &[&[&str]] = &[
            &["", "Status ", "progress ", "EMOJI ", "marker", "x "],
            &[
                "Legend", "key", "Keyboard", "leg", "Legenda", "LÉGENDE", "凡例",
            ],
            &[
                "",
                " ",
                "  ",
                " de status",
                " des statuts ",
                " x y z emoji",
                "EMOJI",
                " of keys",
            ],
            &[":", "", "::"],
            &["", " "],
            &["✅ Done · ⬜ To do", "", "x"],
        ];
        crate::parse::scan::oracle::agree(
            &format!(
                r"(?i)^(?:status |progress |marker |emoji )?(?:legenda|légende|legende|legend|leyenda|легенда|lejant|keterangan|chú thích|图例|凡例|범례|key)(?:\s+(?:[^\s:]+\s+){{0,2}}(?:{})[^\s:]*\s*:\s*(.*)|\s*:?\s*(.*))$",
                crate::vocab::labels::STATUS_LABELS
                    .iter()
                    .chain(crate::vocab::labels::LEGEND_QUALIFIERS)
                    .copied()
                    .collect::<Vec<_>>()
                    .join("|")
            ),
            slots,
            52,
            |re, l| {
                re.captures(l)
                    .map(|c| c.get(1).or(c.get(2)).unwrap().as_str().to_string())
            },
            |l| super::label(l).map(str::to_string),
        );
    }
}
