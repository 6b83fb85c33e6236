//! Lists: items (entries that start with a marker) nest into items; plain entries carry
//! claims only when they name a unit, and their nested items roll up past them.

use comrak::nodes::{AstNode, NodeValue};

use super::builder::Builder;
use super::claims;
use super::ids::id_and_label;
use super::text::{self, is_optional, mask_code, plain};
use crate::model::{ClaimKind, Site, Subject, Unit, UnitIdx, UnitKind};
use crate::vocab::State;

/// `^(?:[-*+]|\d{1,9}[.)])(?:[ \t]+|$)`: the byte length of a list bullet and the blanks
/// after it.
fn bullet(raw: &str) -> usize {
    let s = raw.as_bytes();
    let mark = match s.first() {
        Some(b'-' | b'*' | b'+') => 1,
        _ => {
            let digits = s.iter().take_while(|b| b.is_ascii_digit()).count();
            let closed = matches!(s.get(digits), Some(b'.' | b')'));
            if !(1..=9).contains(&digits) || !closed {
                return 0;
            }
            digits + 1
        }
    };
    let blanks = s[mark..]
        .iter()
        .take_while(|&&b| b == b' ' || b == b'\t')
        .count();
    if blanks == 0 && mark < s.len() {
        0
    } else {
        mark + blanks
    }
}

impl Builder<'_> {
    /// Walks a list. Items become children of `parent_item`, or of `container` at the top.
    pub(crate) fn list<'n>(
        &mut self,
        list: &'n AstNode<'n>,
        container: UnitIdx,
        parent_item: Option<UnitIdx>,
    ) {
        let mut numbered: Vec<UnitIdx> = Vec::new();
        for entry in list.children() {
            let pos = entry.data().sourcepos.start;
            let line = pos.line;
            let line_span = self.src.line_span(line);
            let start = self.src.line_from(line, pos.column).start;
            let raw = &self.src.text[start..line_span.end];
            let bullet = bullet(raw);
            let base = start + bullet;
            let src = self.src;
            let masked = mask_code(&src.text[base..line_span.end]);
            let item = self.entry(&masked, base, line, container, parent_item);
            if let Some(i) = item {
                self.number_parent(i, &numbered);
                numbered.push(i);
            }
            self.continuation_lines(entry, line, item.or(parent_item).unwrap_or(container));
            for child in entry.children() {
                if matches!(child.data().value, NodeValue::List(_)) {
                    self.list(child, container, item.or(parent_item));
                }
            }
        }
    }

    /// Kiro and spec-kit lists number their hierarchy: `- [ ] 8.2` after `- [x] 8.` in the
    /// same list is a sub-task of 8, indented or not. The item moves under the nearest
    /// earlier item of the list whose number its own extends by one part.
    fn number_parent(&mut self, item: UnitIdx, earlier: &[UnitIdx]) {
        let Some(id) = self.units[item].id.clone() else {
            return;
        };
        let Some((head, _)) = id.number.rsplit_once('.') else {
            return;
        };
        let parent = earlier.iter().rev().copied().find(|&e| {
            self.units[e]
                .id
                .as_ref()
                .is_some_and(|p| p.kind == id.kind && p.number.trim_end_matches('.') == head)
        });
        let (Some(parent), Some(old)) = (parent, self.units[item].parent) else {
            return;
        };
        if old == parent || self.units[old].children.last() != Some(&item) {
            return;
        }
        self.units[old].children.pop();
        self.units[parent].children.push(item);
        self.units[item].parent = Some(parent);
    }

    /// One entry's first line. Returns the item it made, if it starts with a marker.
    fn entry(
        &mut self,
        masked: &str,
        base: usize,
        line: usize,
        container: UnitIdx,
        parent_item: Option<UnitIdx>,
    ) -> Option<UnitIdx> {
        let lead = text::lead(masked, base, self.vocab, self.legend);
        if let Some(bad) = lead.bad_checkbox.clone() {
            self.bad_checkboxes.push(bad);
        }
        let Some(marker) = lead.marker else {
            let declarer = parent_item.unwrap_or_else(|| self.section());
            if !self.inline_dependency(masked, base, declarer) {
                self.plain_entry(masked, base, line);
            }
            return None;
        };
        let parent = parent_item.unwrap_or(container);
        let title_text = &masked[lead.title_start..];
        let title = plain(title_text);
        let mut unit = Unit::new(
            UnitKind::Item,
            line,
            base..base + masked.len(),
            Some(parent),
        );
        unit.optional = lead.starred || is_optional(&title) || self.optional_parent(parent);
        // Ids, sizes, placeholders and durations all have digits; most titles have none.
        if text::has_digit(title_text) {
            (unit.id, unit.id_label_len) = id_and_label(&title);
            unit.size = claims::own_size(title_text);
            unit.placeholder = claims::placeholder(title_text);
            unit.duration =
                super::durations::parenthesised_duration(title_text, self.vocab.calendar);
        }
        unit.marker = Some(marker);
        unit.title = title;
        let subject = match &unit.id {
            Some(id) if id.kind.is_some() => Subject::Named(id.clone()),
            _ => Subject::Unit(self.units.len()),
        };
        let idx = self.add_unit(unit);
        self.line_claims(masked, base, subject, Site::Item, line, false);
        Some(idx)
    }

    /// Lines after the first of an entry's paragraph: `_Depends: 1.1_` continuation lines.
    fn continuation_lines<'n>(&mut self, entry: &'n AstNode<'n>, first: usize, declarer: UnitIdx) {
        let Some(paragraph) = entry
            .first_child()
            .filter(|c| matches!(c.data().value, NodeValue::Paragraph))
        else {
            return;
        };
        let last = paragraph.data().sourcepos.end.line;
        for line in first + 1..=last {
            let span = self.src.line_span(line);
            let src = self.src;
            let masked = mask_code(&src.text[span.clone()]);
            self.inline_dependency(&masked, span.start, declarer);
        }
    }

    /// `- [-] 2.` over sub-items is Kiro's mark of a task in progress; on a leaf, `[-]` is a
    /// cancelled item as in Obsidian and org-mode.
    pub(super) fn settle_dash_parents(&mut self) {
        for i in 0..self.units.len() {
            let u = &self.units[i];
            let dash = u.marker.as_ref().is_some_and(|m| {
                m.state == State::Cancelled && self.src.text.get(m.span.clone()) == Some("[-]")
            });
            if dash
                && u.children.iter().any(|&c| self.units[c].is_item())
                && let Some(m) = self.units[i].marker.as_mut()
            {
                m.state = State::InProgress;
            }
        }
    }

    /// A list entry without a marker: figures after a unit's name, and a status word at the end.
    fn plain_entry(&mut self, masked: &str, base: usize, line: usize) {
        self.id_ranges(masked, base, line);
        let Some(named) = super::ids::last_id_ref(masked) else {
            let group = self.new_group();
            // `- **Completed**: 3 (38%)` in a statistics list is a tally, as on its own line.
            if let Some(field) = super::fields::field(masked)
                && let Some(mut f) = super::totals::tally(
                    masked[field.label.0..field.label.1].trim(),
                    &masked[field.value_start..],
                    base + field.value_start,
                )
            {
                self.tally_noun(&mut f, line);
                let section = Subject::Unit(self.section());
                self.push_claim(f, section, Site::Field, line, group);
            }
            let mut found = super::totals::plus_parts(masked, base);
            // A percentage beside its own count needs no unit: `(28 of 69 ported - 41%)`.
            found.extend(
                claims::percents(masked, base)
                    .into_iter()
                    .filter(|f| matches!(f.kind, ClaimKind::Ratio { .. })),
            );
            self.add_claims(
                found,
                masked,
                Subject::Unit(self.section()),
                Site::Entry,
                line,
                group,
            );
            return;
        };
        let before_first = |at: usize| super::ids::last_id_ref(&masked[..at]).is_some();
        let group = self.new_group();
        let mut found = claims::counts(masked, base);
        found.extend(claims::percents(masked, base));
        found.extend(claims::sizes(masked, base));
        found.extend(super::totals::plus_parts(masked, base));
        found.retain(|f| before_first(f.at));
        if let Some(status) = self.trailing_status(masked, base)
            && before_first(status.at)
        {
            found.push(status);
        }
        self.add_claims(
            found,
            masked,
            Subject::Named(named),
            Site::Entry,
            line,
            group,
        );
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn bullets_as_the_pattern() {
        let slots: &[&[&str]] = &[
            &["-", "*", "+", "1.", "12)", "1234567890.", "", "a", "3"],
            &[" ", "\t", "", "  ", "x"],
            &["[x] Task", "", " "],
        ];
        crate::parse::scan::oracle::agree(
            r"^(?:[-*+]|\d{1,9}[.)])(?:[ \t]+|$)",
            slots,
            53,
            |re, l| re.find(l).map_or(0, |m| m.end()),
            super::bullet,
        );
    }
}
