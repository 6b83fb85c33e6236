//! Task tables: a table whose rows each start with a task code (`F0.1.1`, `US-12`, `T038a`,
//! `3.2`) and carry a status cell lists work, one item per row, as a checklist would. A row
//! whose code another unit of the document also starts with (a summary row beside its own
//! section) stays a view of that unit instead, and so does a row named by its title only,
//! when another unit has the title; other titled rows are dropped.

use super::builder::Builder;
use crate::model::{Subject, UnitKind};

/// `^[A-Za-z]{0,5}[-_]?\d+(?:[.\-_]\d+)*[a-z]?$`: a task code, alone in its cell.
pub(super) fn is_task_code(cell: &str) -> bool {
    let s = cell
        .trim()
        .trim_matches(|c| c == '*' || c == '_' || c == '`');
    let b = s.as_bytes();
    let letters = b.iter().take_while(|c| c.is_ascii_alphabetic()).count();
    if letters > 5 {
        return false;
    }
    let mut i = letters;
    if letters > 0 && matches!(b.get(i), Some(b'-' | b'_')) {
        i += 1;
    }
    let mut groups = 0;
    loop {
        let digits = b[i..].iter().take_while(|c| c.is_ascii_digit()).count();
        if digits == 0 {
            return false;
        }
        i += digits;
        groups += 1;
        match b.get(i) {
            Some(b'.' | b'-' | b'_') if b.get(i + 1).is_some_and(u8::is_ascii_digit) => i += 1,
            Some(c) if c.is_ascii_lowercase() && i + 1 == b.len() => return groups > 0,
            None => return true,
            _ => return false,
        }
    }
}

/// The code a title starts with, in lower case: its first word without trailing punctuation.
fn leading_code(title: &str) -> Option<String> {
    let word = title
        .split_whitespace()
        .next()?
        .trim_end_matches([':', '.', ')', ',']);
    is_task_code(word).then(|| word.to_lowercase())
}

impl Builder<'_> {
    /// Coded rows become items, but for those whose code another unit's title starts with:
    /// those stay rows and are kept only if their title matches (see `drop_unmatched_rows`).
    pub(super) fn settle_task_rows(&mut self) {
        let rows = std::mem::take(&mut self.task_rows);
        if rows.is_empty() {
            return;
        }
        let taken: rustc_hash::FxHashSet<String> = self
            .units
            .iter()
            .filter(|u| u.kind != UnitKind::Row)
            .filter_map(|u| leading_code(&u.title))
            .collect();
        for row in rows {
            let u = &mut self.units[row];
            if leading_code(&u.title).is_some_and(|c| taken.contains(&c)) {
                if u.id.is_none() {
                    self.titled_rows.push(row);
                }
            } else {
                u.kind = UnitKind::Item;
            }
        }
    }
}

/// Rows named only by a title stay units only if the title matches another unit's.
impl Builder<'_> {
    /// Status rows that no unit of the document answers are dropped.
    pub(super) fn drop_unmatched_rows(&mut self) {
        drop_unmatched_rows(self);
    }
}

fn drop_unmatched_rows(b: &mut Builder) {
    let rows = std::mem::take(&mut b.titled_rows);
    if rows.is_empty() {
        return;
    }
    // The rows' titles in any case, and which of them another unit has.
    let mut matched: rustc_hash::FxHashMap<String, bool> = rows
        .iter()
        .map(|&row| (b.units[row].title.to_lowercase(), false))
        .collect();
    let mut lower = String::new();
    for u in b.units.iter().filter(|u| u.kind != UnitKind::Row) {
        crate::vocab::lowercase_into(&u.title, &mut lower);
        if let Some(found) = matched.get_mut(lower.as_str()) {
            *found = true;
        }
    }
    let mut dropped = rustc_hash::FxHashSet::default();
    for row in rows {
        if matched[&b.units[row].title.to_lowercase()] {
            continue;
        }
        if let Some(parent) = b.units[row].parent.take() {
            b.units[parent].children.retain(|&c| c != row);
        }
        dropped.insert(row);
    }
    b.claims
        .retain(|c| !matches!(c.subject, Subject::Unit(u) if dropped.contains(&u)));
}

#[cfg(test)]
mod tests {
    use super::is_task_code;

    #[test]
    fn task_codes() {
        for code in [
            "F0.1.1", "US-12", "T038a", "3.2", "AUTH-001", "**BE_3**", "12",
        ] {
            assert!(is_task_code(code), "{code}");
        }
        for text in [
            "Setup",
            "v1.2 release",
            "F0.1.1 Setup",
            "ABCDEF1",
            "1.",
            "-3",
            "2024-",
        ] {
            assert!(!is_task_code(text), "{text}");
        }
    }
}
