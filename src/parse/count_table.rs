//! Count tables: `| Phase | Total | … |` with a row per unit of a group kind. A row's Total
//! cell declares how much work its unit holds (`| Fase 1 | 35 |`), and the table's total
//! row declares the same of the unit that holds all the rows' units (total-mismatch finds
//! it), as `Total Tasks:` would.

use super::builder::Builder;
use super::claims::Found;
use super::ids::leading_id;
use super::scan::figure_value;
use super::text::plain;
use crate::model::{ClaimKind, Figure, Site, Subject, Tally};
use crate::source::Span;
use crate::vocab::kinds::{is_group_noun, kind_of};
use crate::vocab::labels;

impl Builder<'_> {
    /// The Total column of a table whose first column names units of a group kind: each
    /// row's figure there is a tally of its unit's work, the total row's of the units'
    /// common holder.
    /// `rows` are the body rows: line, the first cell's span, the Total cell's span, and
    /// whether it is the total row.
    pub(super) fn count_rows(&mut self, heads: &[&str], rows: &[(usize, Span, Span, bool)]) {
        let Some(kind) = heads
            .first()
            .filter(|h| is_group_noun(h))
            .and_then(|h| kind_of(h))
        else {
            return;
        };
        let group = self.new_group();
        for (line, first, cell, is_total) in rows {
            let Some(figure) = number_in(&self.src.text[cell.clone()], cell.start) else {
                continue;
            };
            let subject = if *is_total {
                Subject::Unit(self.section())
            } else {
                let name = plain(&self.src.text[first.clone()]);
                let Some((mut id, _)) = leading_id(&name) else {
                    continue;
                };
                id.kind = id.kind.or_else(|| Some(kind.clone()));
                Subject::Named(id)
            };
            let kind = ClaimKind::Tally {
                tally: Tally::Total,
                figure,
                // Rows of units count their work, never the units in them.
                noun: Some("items".to_string()),
                optional: None,
            };
            let f = Found {
                kind,
                approx: false,
                at: 0,
            };
            self.push_claim(f, subject, Site::Cell, *line, group);
        }
    }
}

/// The Total column of a table's header: `Total`, `Gesamt`, `Toplam`.
pub(super) fn total_column(heads: &[&str]) -> Option<usize> {
    heads
        .iter()
        .skip(1)
        .position(|h| labels::TOTAL_COLUMNS.contains(h))
        .map(|i| i + 1)
}

/// A cell that is just a number (emphasis allowed): its figure.
pub(super) fn number_in(text: &str, base: usize) -> Option<Figure> {
    let digits = text.trim().trim_matches(|c| c == '*' || c == '_');
    let value = figure_value(digits)?;
    let at = text.find(digits)?;
    Some(Figure {
        value,
        span: base + at..base + at + digits.len(),
    })
}
