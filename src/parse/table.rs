//! Tables: rows of status tables become units with status and progress claims; a TOTAL row's
//! figures must equal the sums of the columns above them, in any table.

use compact_str::CompactString;
use comrak::nodes::AstNode;

use super::builder::Builder;
use super::claims::{self, Found};
use super::count_table::number_in;
use super::ids::{id_and_label, leading_id};
use super::scan::figure_value;
use super::text::{mask_code, plain};
use super::{deps, durations};
use crate::model::{
    ClaimKind, Declarer, DepDecl, Direction, Marker, Percent, Site, Subject, Target, Unit, UnitId,
    UnitKind,
};
use crate::source::Span;
use crate::vocab::kinds::{is_work_noun, kind_of, singular};
use crate::vocab::labels;

/// One cell: its span (trimmed) and its plain lower-case text.
struct Cell {
    span: Span,
    plain: String,
}

/// Where a status table keeps what each row declares.
struct Columns {
    status: Option<usize>,
    progress: Option<usize>,
    /// A column headed by a noun of work (`Steps`, `Tasks`), and the noun.
    count: Option<(usize, String)>,
    /// A Duration / Effort column: each row's own duration.
    duration: Option<usize>,
}

impl Builder<'_> {
    pub(crate) fn table<'n>(&mut self, table: &'n AstNode<'n>) {
        let rows: Vec<(usize, Vec<Cell>)> = table
            .children()
            .map(|row| (row.data().sourcepos.start.line, self.cells(row)))
            .collect();
        let Some(((_, header), body)) = rows.split_first() else {
            return;
        };
        let heads: Vec<&str> = header.iter().map(|c| c.plain.as_str()).collect();
        let status_col = heads
            .iter()
            .position(|h| h.starts_with("status") || labels::STATUS_LABELS.contains(h));
        let progress_col = heads.iter().position(|h| {
            labels::PROGRESS_COLUMNS.contains(h) || labels::PROGRESS_WORDS.contains(h)
        });
        let metric = heads.iter().any(|h| labels::METRIC_COLUMNS.contains(h));
        // `| Phase | Status | Steps |`: a column headed by a noun of work holds each row's count.
        let count_col = heads
            .iter()
            .enumerate()
            .skip(1)
            .find(|(_, h)| is_work_noun(h) && h.ends_with('s'))
            .map(|(i, h)| (i, singular(h)));
        let duration_col = heads.iter().position(|h| durations::is_duration_label(h));
        let columns = Columns {
            status: status_col,
            progress: progress_col,
            count: count_col,
            duration: duration_col,
        };
        let kind = heads.first().and_then(|h| kind_of(h));
        let group = self.new_group();
        let dep_col = heads
            .iter()
            .position(|h| deps::dependency_label(h).is_some());
        for (_, cells) in body {
            self.row_declarations(cells, &heads, kind.as_deref(), dep_col, duration_col);
        }
        if let (None, None, false, Some(t)) = (
            status_col,
            progress_col,
            metric,
            super::count_table::total_column(&heads),
        ) {
            let rows: Vec<_> = body
                .iter()
                .filter_map(|(line, cells)| {
                    let first = cells.first()?;
                    let total = labels::TOTAL_ROWS.contains(&first.plain.as_str());
                    Some((*line, first.span.clone(), cells.get(t)?.span.clone(), total))
                })
                .collect();
            self.count_rows(&heads, &rows);
        }
        for (i, (line, cells)) in body.iter().enumerate() {
            if cells
                .first()
                .is_some_and(|c| labels::TOTAL_ROWS.contains(&c.plain.as_str()))
            {
                let others: Vec<&Vec<Cell>> = body
                    .iter()
                    .enumerate()
                    .filter(|(j, _)| *j != i)
                    .map(|(_, (_, c))| c)
                    .collect();
                self.total_row(*line, cells, &others, &heads, group);
            } else if (status_col.is_some() || progress_col.is_some()) && !metric {
                self.status_row(*line, cells, kind.as_deref(), &columns, group);
            }
        }
    }

    fn cells<'n>(&self, row: &'n AstNode<'n>) -> Vec<Cell> {
        row.children()
            .map(|cell| {
                let d = cell.data();
                let (s, e) = (d.sourcepos.start, d.sourcepos.end);
                let start = self.src.ceil_char(self.src.offset(s.line, s.column));
                // The end column is inclusive and counts bytes: step past the whole character.
                let end = self
                    .src
                    .ceil_char(self.src.offset(e.line, e.column) + 1)
                    .min(self.src.line_span(e.line).end)
                    .max(start);
                let raw = &self.src.text[start..end];
                let lead = raw.len() - raw.trim_start().len();
                let span = start + lead..start + lead + raw.trim().len();
                let mut plain = plain(&mask_code(&self.src.text[span.clone()]));
                if plain.is_ascii() {
                    plain.make_ascii_lowercase();
                } else {
                    plain = plain.to_lowercase();
                }
                Cell { span, plain }
            })
            .collect()
    }

    fn status_row(
        &mut self,
        line: usize,
        cells: &[Cell],
        kind: Option<&str>,
        columns: &Columns,
        group: usize,
    ) {
        let Some(first) = cells.first() else { return };
        let name = plain(&self.src.text[first.span.clone()]);
        let parent = self.section();
        let mut unit = Unit::new(UnitKind::Row, line, self.src.line_span(line), Some(parent));
        let (id, label_len) = leading_id(&name).map_or((None, 0), |(id, n)| (Some(id), n));
        unit.id = id.map(|mut id| {
            id.kind = id.kind.or_else(|| kind.map(CompactString::from));
            id
        });
        unit.title = name[label_len..]
            .trim_start_matches([':', ' ', '-', '*'])
            .to_string();
        if unit.title.is_empty() {
            unit.title = name.clone();
        }
        (_, unit.id_label_len) = id_and_label(&unit.title);
        unit.optional = super::text::is_optional(&name) || self.optional_parent(parent);
        unit.duration = columns
            .duration
            .and_then(|c| cells.get(c))
            .and_then(|cell| {
                let text = &self.src.text[cell.span.clone()];
                durations::duration(text, 0, self.vocab.calendar).map(|(d, _, _)| d)
            });
        let has_id = unit.id.is_some();
        let coded = unit.id.as_ref().is_none_or(|id| id.kind.is_none())
            && super::task_rows::is_task_code(&name);
        let idx = self.add_unit(unit);
        if coded {
            self.task_rows.push(idx);
        } else if !has_id {
            self.titled_rows.push(idx);
        }
        if let Some(cell) = columns.status.and_then(|c| cells.get(c)) {
            let src = self.src;
            let text = mask_code(&src.text[cell.span.clone()]);
            if let Some((state, words, marker)) =
                claims::status_value(&text, cell.span.start, self.vocab, self.legend)
            {
                let span = words
                    .clone()
                    .or(marker.as_ref().map(|m| m.span.clone()))
                    .unwrap_or(cell.span.clone());
                let text = marker.as_ref().map_or_else(
                    || self.src.text[span.clone()].to_string().into(),
                    |m| m.text.clone(),
                );
                self.units[idx].marker = Some(Marker {
                    state,
                    text,
                    span,
                    garbled: false,
                });
                let f = Found::status(state, words, marker, 0);
                self.push_claim(f, Subject::Unit(idx), Site::Cell, line, group);
            }
        }
        if let Some(cell) = columns.progress.and_then(|c| cells.get(c)) {
            let text = &self.src.text[cell.span.clone()];
            let whole = text
                .trim_matches(|c| c == '*' || c == '~' || c == ' ')
                .trim_end_matches('%');
            if let (Some(f), true) = (
                claims::leading_percent(text, cell.span.start),
                whole.parse::<f64>().is_ok(),
            ) {
                self.push_claim(f, Subject::Unit(idx), Site::Cell, line, group);
            }
            // `7/7 steps`, `✅ 75% (3/4)`: a count in a progress cell is the row's.
            let mut counts = claims::counts(text, cell.span.start);
            counts.extend(claims::leading_count(text, cell.span.start));
            for f in counts {
                self.push_claim(f, Subject::Unit(idx), Site::Cell, line, group);
            }
        }
        // `| Phase 8 | ⏳ | 0/4 |` under `Steps`: the header names what the cell counts.
        if let Some((c, noun)) = &columns.count
            && let Some(cell) = cells.get(*c)
            && let Some(mut f) =
                claims::leading_count(&self.src.text[cell.span.clone()], cell.span.start)
        {
            if let ClaimKind::Count { noun: n @ None, .. } = &mut f.kind {
                *n = Some(noun.clone());
            }
            self.push_claim(f, Subject::Unit(idx), Site::Cell, line, group);
        }
    }

    /// A row's Dependencies / Waiting On cell and its Duration / Est. Time cell, for the
    /// units its first cell names (`E03-E06` names four).
    fn row_declarations(
        &mut self,
        cells: &[Cell],
        heads: &[&str],
        kind: Option<&str>,
        dep_col: Option<usize>,
        duration_col: Option<usize>,
    ) {
        let Some(first) = cells.first() else { return };
        let name = plain(&self.src.text[first.span.clone()]);
        let ids: Vec<UnitId> = match leading_id(&name) {
            Some((mut id, _)) => {
                id.kind = id.kind.or_else(|| kind.map(CompactString::from));
                vec![id]
            }
            // `E03-E06` or `E12-E13`: a range of units sharing one row.
            None => deps::references(&self.src.text[first.span.clone()], first.span.start, kind)
                .into_iter()
                .filter_map(|r| match r.target {
                    Target::Id(id) => Some(id),
                    _ => None,
                })
                .collect(),
        };
        if ids.is_empty() {
            return;
        }
        if let Some(cell) = dep_col.and_then(|c| cells.get(c)) {
            let direction = heads
                .get(dep_col.unwrap_or(0))
                .and_then(|h| deps::dependency_label(h))
                .unwrap_or(Direction::DependsOn);
            let refs = deps::references(&self.src.text[cell.span.clone()], cell.span.start, kind);
            let declarers = ids.iter().cloned().map(Declarer::Id).collect();
            self.dependencies.push(DepDecl {
                declarers,
                direction,
                refs,
            });
        }
        if let Some(cell) = duration_col.and_then(|c| cells.get(c))
            && let Some((d, _, _)) =
                durations::duration(&self.src.text[cell.span.clone()], 0, self.vocab.calendar)
        {
            self.durations.extend(ids.into_iter().map(|id| (id, d)));
        }
    }

    fn total_row(
        &mut self,
        line: usize,
        cells: &[Cell],
        others: &[&Vec<Cell>],
        heads: &[&str],
        group: usize,
    ) {
        let sums: Vec<Option<u64>> = (0..cells.len()).map(|j| column_sum(others, j)).collect();
        let done_col = heads.iter().position(|h| labels::DONE_COLUMNS.contains(h));
        let total_col = heads
            .iter()
            .position(|h| {
                labels::TOTAL_COLUMNS.contains(h) || kind_of(h).is_some_and(|_| h.ends_with('s'))
            })
            .or_else(|| done_col.and_then(|d| bounding_column(others, d)));
        for (j, cell) in cells.iter().enumerate().skip(1) {
            let text = self.src.text[cell.span.clone()].to_string();
            if let Some(figure) = number_in(&text, cell.span.start) {
                let (Some(Some(_)), Some(head)) = (sums.get(j), heads.get(j)) else {
                    continue;
                };
                let parts = others
                    .iter()
                    .filter_map(|r| r.get(j).and_then(|c| figure_value(&c.plain)))
                    .collect();
                let f = Found {
                    kind: ClaimKind::Sum {
                        figure,
                        parts,
                        what: head.to_string(),
                    },
                    approx: false,
                    at: 0,
                };
                self.push_claim(f, Subject::Unit(self.section()), Site::Cell, line, group);
            } else if let (
                Some(Found {
                    kind: ClaimKind::Percent { percent },
                    ..
                }),
                Some(d),
                Some(t),
            ) = (
                claims::leading_percent(&text, cell.span.start),
                done_col,
                total_col,
            ) {
                let (Some(Some(done)), Some(Some(total))) = (sums.get(d), sums.get(t)) else {
                    continue;
                };
                let kind = ClaimKind::SumPercent {
                    percent: Percent { ..percent },
                    done: *done,
                    total: *total,
                };
                self.push_claim(
                    Found {
                        kind,
                        approx: false,
                        at: 0,
                    },
                    Subject::Unit(self.section()),
                    Site::Cell,
                    line,
                    group,
                );
            }
        }
    }
}

/// The sum of column `j` when every row holds a plain number there.
fn column_sum(rows: &[&Vec<Cell>], j: usize) -> Option<u64> {
    if rows.len() < 2 {
        return None;
    }
    rows.iter().map(|r| figure_value(&r.get(j)?.plain)).sum()
}

/// `| Module | Files | Done | % |`: the column just left of the done column holds each row's
/// whole when every row's figure there is at least its done figure.
fn bounding_column(rows: &[&Vec<Cell>], done: usize) -> Option<usize> {
    let whole = done.checked_sub(1).filter(|&j| j > 0)?;
    let value = |r: &Vec<Cell>, j: usize| figure_value(&r.get(j)?.plain);
    rows.iter()
        .all(|r| matches!((value(r, whole), value(r, done)), (Some(w), Some(d)) if w >= d))
        .then_some(whole)
}
