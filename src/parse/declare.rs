//! Dependency declarations, durations and critical paths, as the builder meets them.

use comrak::nodes::AstNode;

use super::builder::Builder;
use super::claims::Found;
use super::critical::{after_critical_label, chain};
use super::deps::{self, dependency_label, references};
use super::durations;
use super::scan::{Cursor, Labelled, is_space};
use crate::model::{Declarer, DepDecl, Direction, ROOT, Site, Subject, UnitIdx};

/// `_Depends: 1.1, 1.2_` or `**Blocked By:** Task 2` inside a list entry: the label's and
/// the value's spans. As the pattern
/// `(?i)^[\s_*]*(depends(?:\s+on)?|dependencies|blocked\s+by|blocks)[\s_*]*:[\s_*]*(.*?)[\s_*]*$`.
fn inline(text: &str) -> Option<Labelled> {
    let decoration = |b: u8| is_space(b) || b == b'_' || b == b'*';
    let skip = |c: &mut Cursor| {
        while c.peek().is_some_and(decoration) {
            c.at += 1;
        }
    };
    let mut c = Cursor::new(text, 0);
    skip(&mut c);
    let from = c.at;
    let label_end = |mut c: Cursor| -> Option<usize> {
        if c.lit_ci("depends") {
            let mut on = c;
            if on.spaces1() && on.lit_ci("on") {
                return Some(on.at);
            }
            return Some(c.at);
        }
        if c.lit_ci("dependencies") || c.lit_ci("blocks") {
            return Some(c.at);
        }
        (c.lit_ci("blocked") && c.spaces1() && c.lit_ci("by")).then_some(c.at)
    };
    let end = label_end(c)?;
    let mut v = Cursor { s: c.s, at: end };
    skip(&mut v);
    if !v.byte(b':') {
        return None;
    }
    skip(&mut v);
    let value = &text[v.at..];
    let trimmed = value.trim_end_matches(|ch: char| ch.is_ascii() && decoration(ch as u8));
    (!text.contains('\n')).then_some(Labelled {
        label: (from, end),
        value: (v.at, v.at + trimmed.len()),
    })
}

impl Builder<'_> {
    /// A dependency field: its value, or the entries of the list right after it.
    pub(crate) fn dependency_field<'n>(
        &mut self,
        direction: Direction,
        value: &str,
        vbase: usize,
        list: Option<&'n AstNode<'n>>,
    ) {
        let mut refs = references(value, vbase, None);
        if value.trim().trim_matches(['*', '_']).is_empty() {
            for entry in list.into_iter().flat_map(|l| l.children()) {
                let pos = entry.data().sourcepos.start;
                let span = self.src.line_from(pos.line, pos.column);
                let text = &self.src.text[span.clone()];
                let start = text
                    .find(|c: char| !matches!(c, '-' | '*' | '+' | ' '))
                    .unwrap_or(0);
                refs.extend(references(&text[start..], span.start + start, None));
            }
        }
        let declarers = vec![Declarer::Unit(self.section())];
        self.dependencies.push(DepDecl {
            declarers,
            direction,
            refs,
        });
    }

    /// `_Depends: 1.1_` in a list entry speaks for `declarer` (the item it belongs to).
    pub(crate) fn inline_dependency(
        &mut self,
        masked: &str,
        base: usize,
        declarer: UnitIdx,
    ) -> bool {
        let Some(Labelled {
            label: (ls, le),
            value: (vs, ve),
        }) = inline(masked)
        else {
            return false;
        };
        let Some(direction) = dependency_label(&masked[ls..le]) else {
            return false;
        };
        let refs = references(&masked[vs..ve], base + vs, None);
        self.dependencies.push(DepDecl {
            declarers: vec![Declarer::Unit(declarer)],
            direction,
            refs,
        });
        true
    }

    /// `**Estimated Time:** 2-3 days` gives its section's duration.
    pub(crate) fn duration_field(&mut self, value: &str, vbase: usize) {
        let section = self.section();
        if self.units[section].duration.is_none() {
            self.units[section].duration =
                durations::duration(value, vbase, self.vocab.calendar).map(|(d, _, _)| d);
        }
    }

    /// A `Critical Path` label: the chain on the same line, or in the code block after it.
    pub(crate) fn critical_path_line(&mut self, masked: &str, base: usize, line: usize) {
        let Some(after) = after_critical_label(masked) else {
            return;
        };
        match chain(&masked[after..], base + after, self.vocab.calendar) {
            Some(decl) => self
                .critical_paths
                .push(crate::model::CriticalPathDecl { line, ..decl }),
            None => self.pending_critical = Some(line),
        }
    }

    pub(crate) fn critical_path_in_block(&mut self, first: usize, last: usize) {
        for line in first..=last {
            let span = self.src.line_span(line);
            if let Some(decl) = chain(
                &self.src.text[span.clone()],
                span.start,
                self.vocab.calendar,
            ) {
                self.critical_paths
                    .push(crate::model::CriticalPathDecl { line, ..decl });
                return;
            }
        }
    }

    /// YAML front matter: `dependencies:`, `depends_on:`, `blocked_by:`, `blocks:`, and
    /// `status:`, the document's own status (Backlog.md's `status: Done`).
    pub(crate) fn front_matter(&mut self, text: &str) {
        self.front_matter_status(text);
        let body = text
            .trim_start_matches('\u{feff}')
            .trim()
            .trim_start_matches("---")
            .trim_end_matches("---");
        let Ok(serde_yaml::Value::Mapping(map)) = serde_yaml::from_str::<serde_yaml::Value>(body)
        else {
            return;
        };
        for (key, value) in map {
            let Some(key) = key.as_str() else { continue };
            let Some(direction) = deps::dependency_label(&key.replace('_', " ")) else {
                continue;
            };
            let values: Vec<String> = match value {
                serde_yaml::Value::Sequence(items) => items.iter().filter_map(scalar).collect(),
                other => scalar(&other).into_iter().collect(),
            };
            let key_at = self.src.text.find(&format!("{key}:")).unwrap_or(0);
            let mut refs = Vec::new();
            for v in values {
                let at = self.src.text[key_at..]
                    .find(&v)
                    .map_or(key_at, |i| key_at + i);
                refs.extend(references(&v, at, None));
            }
            self.dependencies.push(DepDecl {
                declarers: vec![Declarer::Unit(ROOT)],
                direction,
                refs,
            });
        }
    }

    /// `status: Done` in the front matter: a status claim about the whole document, read
    /// where the line stands (front matter starts the file, so its offsets are the file's).
    fn front_matter_status(&mut self, block: &str) {
        // The block starts the file, after a byte-order mark if there is one.
        let mut offset = self.src.text.len() - self.src.text.trim_start_matches('\u{feff}').len();
        let base = offset;
        for (line, end) in crate::source::lines_with_ends(block) {
            let at = offset;
            offset = base + end;
            let Some(value) = ["status:", "Status:"]
                .iter()
                .find_map(|key| line.strip_prefix(key))
            else {
                continue;
            };
            let value_at = at + line.len() - value.len();
            let trimmed = value.trim_start();
            let start = value_at + value.len() - trimmed.len();
            let words = trimmed.trim_end().trim_matches(['\'', '"']);
            let start = start + trimmed.find(words).unwrap_or(0);
            if let Some(state) = crate::vocab::phrase_state(words) {
                let line_no = self.src.line_of(start);
                let group = self.new_group();
                let f = Found::status(state, Some(start..start + words.len()), None, 0);
                self.push_claim(f, Subject::Unit(ROOT), Site::Field, line_no, group);
            }
            return;
        }
    }
}

/// YAML front matter: a first line (after a byte-order mark) that is `---`, up to and with
/// the next line that is `---`, whatever each line's break (`\n`, `\r\n` or `\r`). The
/// byte range of the block, the byte-order mark left out.
pub(crate) fn front_matter_block(text: &str) -> Option<std::ops::Range<usize>> {
    let start = if text.starts_with('\u{feff}') { 3 } else { 0 };
    let mut lines = crate::source::lines_with_ends(&text[start..]).map(|(l, end)| (l, start + end));
    let (first, _) = lines.next()?;
    if first != "---" {
        return None;
    }
    lines
        .find(|(line, _)| *line == "---")
        .map(|(_, end)| start..end)
}

/// `text` with every byte of `block` but line breaks made a space.
pub(crate) fn blank(text: &str, block: std::ops::Range<usize>) -> String {
    let mut bytes = text.as_bytes().to_vec();
    for b in &mut bytes[block] {
        if *b != b'\n' && *b != b'\r' {
            *b = b' ';
        }
    }
    // Only whole characters were replaced, each byte by an ASCII space.
    String::from_utf8(bytes).unwrap_or_else(|_| text.to_string())
}

fn scalar(v: &serde_yaml::Value) -> Option<String> {
    match v {
        serde_yaml::Value::String(s) => Some(s.clone()),
        serde_yaml::Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn inline_declarations_as_the_pattern() {
        let slots: &[&[&str]] = &[
            &["", "_", "**", " ", "* "],
            &[
                "Depends",
                "depends on",
                "Dependencies",
                "Blocked By",
                "blocked  by",
                "Blocks",
                "depend",
                "Depends  on",
            ],
            &["", "**", " ", "_"],
            &[":", "", "::"],
            &["", " ", "**", "_ "],
            &["1.1, 1.2", "Task 2", "", "x_y"],
            &["", "_", " **", "  "],
        ];
        crate::parse::scan::oracle::agree(
            r"(?i)^[\s_*]*(depends(?:\s+on)?|dependencies|blocked\s+by|blocks)[\s_*]*:[\s_*]*(.*?)[\s_*]*$",
            slots,
            51,
            |re, l| {
                crate::parse::scan::oracle::groups(re, l).map(|g| (g[1].unwrap(), g[2].unwrap()))
            },
            |text| super::inline(text).map(|i| (i.label, i.value)),
        );
    }
}
