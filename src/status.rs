//! `tracker status`: each document's top-level units with their computed progress, and the
//! findings on each. Figures are always computed from the items, never taken from the text.

use crate::diagnostic::Diagnostic;
use crate::model::{Document, ROOT, Subject, UnitIdx, UnitKind};
use crate::resolve::Resolver;
use crate::rules;
use crate::source::SourceFile;
use crate::vocab::State;

/// The progress of one unit, as computed.
#[derive(Debug, Clone, PartialEq)]
pub struct Progress {
    pub state: Option<State>,
    /// Done fraction, 0 to 1 (work in progress counts as not done).
    pub fraction: f64,
    /// The units the fraction averages over, and how many of them are done.
    pub done: usize,
    pub total: usize,
    /// What they are: `tasks`, `items`, `sub-tasks`.
    pub noun: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct UnitStatus {
    /// The id as shown (`Phase 2`, `E01`), or empty.
    pub id: String,
    pub title: String,
    /// 1-based line of the unit's heading, item or row.
    pub line: usize,
    pub progress: Progress,
    /// Findings within the unit (any of its views).
    pub findings: usize,
    /// Declared figures about the unit that differ from the computed ones, as written.
    pub declared: Vec<(usize, String)>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct DocumentStatus {
    pub progress: Progress,
    pub units: Vec<UnitStatus>,
    pub findings: usize,
}

/// A document's status before its findings are known: all that `status` keeps of a
/// document once its model is dropped, for the findings of every file to be added later.
#[derive(Debug)]
pub struct Outline {
    progress: Progress,
    units: Vec<Outlined>,
}

/// A top unit's status without findings, and the lines whose findings are the unit's.
#[derive(Debug)]
struct Outlined {
    status: UnitStatus,
    /// First and last line of each of the unit's views.
    extents: Vec<(usize, usize)>,
    /// Lines of claims elsewhere that name the unit: a summary entry `Phase 2: Setup (0%)`.
    named: Vec<usize>,
}

impl Outlined {
    /// The indices of the findings on the unit's lines, in order, each once. `lines` are
    /// the findings' lines, and `order` their indices sorted by line.
    fn findings(&self, lines: &[usize], order: &[usize]) -> Vec<usize> {
        let mut held: Vec<usize> = Vec::new();
        for &(a, b) in &self.extents {
            let from = order.partition_point(|&i| lines[i] < a);
            held.extend(order[from..].iter().take_while(|&&i| lines[i] <= b));
        }
        for &line in &self.named {
            let from = order.partition_point(|&i| lines[i] < line);
            held.extend(order[from..].iter().take_while(|&&i| lines[i] == line));
        }
        held.sort_unstable();
        held.dedup();
        held
    }
}

/// The outline of the document `r` resolves.
pub fn outline(r: &Resolver) -> Outline {
    let naming = Naming::of(r.doc);
    Outline {
        progress: progress(r, ROOT),
        units: top_units(r)
            .into_iter()
            .filter_map(|u| outlined(r, u, &naming))
            .collect(),
    }
}

/// The lines of the claims about each unit and about each id, gathered in one pass.
struct Naming<'d> {
    by_unit: rustc_hash::FxHashMap<UnitIdx, Vec<usize>>,
    by_id: rustc_hash::FxHashMap<&'d crate::model::UnitId, Vec<usize>>,
}

impl<'d> Naming<'d> {
    fn of(doc: &'d Document) -> Self {
        let mut naming = Naming {
            by_unit: Default::default(),
            by_id: Default::default(),
        };
        for c in &doc.claims {
            match &c.subject {
                Subject::Unit(u) => naming.by_unit.entry(*u).or_default().push(c.line),
                Subject::Named(id) => naming.by_id.entry(id).or_default().push(c.line),
            }
        }
        naming
    }

    /// The lines of claims that name a unit by its id or are about one of its views.
    fn lines(&self, id: Option<&crate::model::UnitId>, views: &[UnitIdx]) -> Vec<usize> {
        let mut lines: Vec<usize> = id
            .and_then(|id| self.by_id.get(id))
            .into_iter()
            .flatten()
            .copied()
            .collect();
        for v in views {
            lines.extend(self.by_unit.get(v).into_iter().flatten());
        }
        lines
    }
}

impl Outline {
    /// The status, given the document's text and its findings.
    pub fn with_findings(self, source: &SourceFile, findings: &[Diagnostic]) -> DocumentStatus {
        let lines: Vec<usize> = findings
            .iter()
            .map(|d| source.line_of(d.span.start))
            .collect();
        let mut order: Vec<usize> = (0..findings.len()).collect();
        order.sort_by_key(|&i| lines[i]);
        let units = self
            .units
            .into_iter()
            .map(|mut o| {
                for i in o.findings(&lines, &order) {
                    let d = &findings[i];
                    o.status.findings += 1;
                    if rules::declares_figure(d.rule) {
                        o.status.declared.push((lines[i], declared_text(source, d)));
                    }
                }
                o.status
            })
            .collect();
        DocumentStatus {
            progress: self.progress,
            units,
            findings: findings.len(),
        }
    }
}

/// The units a document's own progress averages over: its outermost kind of unit with an
/// id (phases, else epics, else tasks), else the parts of the document that hold work.
fn top_units(r: &Resolver) -> Vec<UnitIdx> {
    if let Some(kind) = r.outermost_kind() {
        let mut units: Vec<UnitIdx> = r
            .kinded_units(ROOT, &kind)
            .iter()
            .map(|&u| main_view(r, u))
            .collect();
        units.sort_by_cached_key(|&u| r.doc.unit(u).id.as_ref().map(crate::graph::id_key));
        return units;
    }
    let primary = r.counting.primary();
    r.doc
        .unit(ROOT)
        .children
        .iter()
        .copied()
        .filter(|&c| r.eval(c, primary).is_some())
        .collect()
}

/// The view of a unit whose state is its truth, as `check` reads it; but where that is a
/// bold summary line (`**Phase 2 ML Classifier — Complete!** ✅`), the unit's own section,
/// which holds all of its work.
fn main_view(r: &Resolver, unit: UnitIdx) -> UnitIdx {
    let primary = r.counting.primary();
    if r.doc.unit(unit).kind != UnitKind::Scope {
        return unit;
    }
    r.entity_of(unit)
        .and_then(|e| {
            e.views.iter().copied().find(|&v| {
                matches!(r.doc.unit(v).kind, UnitKind::Section { .. })
                    && r.eval(v, primary).is_some()
            })
        })
        .unwrap_or(unit)
}

fn progress(r: &Resolver, unit: UnitIdx) -> Progress {
    let primary = r.counting.primary();
    let eval = r.scope_eval(unit, primary);
    let (total, done, noun) = r.progress_basis(unit, primary);
    Progress {
        state: eval.map(|e| e.state),
        fraction: eval.map_or(0.0, |e| e.lo),
        done,
        total,
        noun,
    }
}

fn outlined(r: &Resolver, unit: UnitIdx, naming: &Naming) -> Option<Outlined> {
    let doc = r.doc;
    let u = doc.unit(unit);
    let progress = progress(r, unit);
    progress.state?;
    let views = r
        .entity_of(unit)
        .map_or_else(|| vec![unit], |e| e.views.clone());
    let extents = views.iter().map(|&v| extent(doc, v)).collect();
    let named = naming.lines(u.id.as_ref(), &views);
    let status = UnitStatus {
        id: u
            .id
            .as_ref()
            .map(crate::graph::short_id)
            .unwrap_or_default(),
        title: title(r, unit),
        line: u.line,
        progress,
        findings: 0,
        declared: Vec::new(),
    };
    Some(Outlined {
        status,
        extents,
        named,
    })
}

/// First and last line of a unit: a section runs to the next heading of its level or
/// higher, an item to its last sub-item, a row is its own line.
fn extent(doc: &Document, unit: UnitIdx) -> (usize, usize) {
    let u = doc.unit(unit);
    let last_line = doc.source.line_of(doc.source.text.len());
    match u.kind {
        UnitKind::Document => (1, last_line),
        UnitKind::Section { level } => {
            let next = doc.units[unit + 1..]
                .iter()
                .find(|o| matches!(o.kind, UnitKind::Section { level: l } if l <= level));
            (u.line, next.map_or(last_line, |n| n.line.saturating_sub(1)))
        }
        UnitKind::Item | UnitKind::Scope | UnitKind::Row => {
            let end = doc
                .descendants(unit)
                .iter()
                .map(|&d| doc.unit(d).line)
                .max()
                .unwrap_or(u.line);
            (u.line, end.max(u.line))
        }
    }
}

/// What a finding says was declared: `0/9`, `3 sub-tasks`, `✅ COMPLETE (done)`; its
/// message opens with it.
fn declared_text(source: &SourceFile, d: &Diagnostic) -> String {
    d.message
        .strip_prefix("declared ")
        .and_then(|rest| rest.split(", but ").next())
        .map_or_else(|| source.text[d.span.clone()].to_string(), str::to_string)
}

/// A unit's title without its id and without the status written after it
/// (`Phase 0: Planning ✅ COMPLETE` is `Planning`).
fn title(r: &Resolver, unit: UnitIdx) -> String {
    let u = r.doc.unit(unit);
    let mut title = u.name();
    for claim in r.claims_on_line(u.line) {
        let crate::model::ClaimKind::Status { words, marker, .. } = &claim.kind else {
            continue;
        };
        let spans = words.iter().chain(marker.as_ref().map(|m| &m.span));
        for span in spans {
            let written = &r.doc.source.text[span.clone()];
            if let Some(at) = title.rfind(written) {
                title.truncate(at);
            }
        }
    }
    title
        .trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '-' | '–' | '—' | ':' | '*'))
        .to_string()
}
