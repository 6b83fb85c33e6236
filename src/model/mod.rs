//! The document model: plain data built from the Markdown AST, free of comrak types.
//!
//! Units are what people tick (items) and what groups them (sections, table rows, bold-line
//! scopes). Claims are the derived figures written about units: counts, sizes, percentages,
//! status words and totals, each with the byte span of just its figure so a fix can replace
//! exactly that.

mod claims;
mod dependencies;
mod units;

use rustc_hash::FxHashMap as HashMap;

use crate::source::{SourceFile, Span};
use crate::vocab::mojibake::Garbled;

pub use claims::{Claim, ClaimKind, Figure, Percent, Site, Subject, Tally};
pub use dependencies::{CriticalPathDecl, Declarer, DepDecl, Direction, Reference, Target};
pub use units::{Duration, Legend, Marker, ROOT, TimeUnit, Unit, UnitId, UnitIdx, UnitKind};

/// A task-list box that GitHub does not render: `[]`, `[ x]`, `[X ]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadCheckbox {
    pub span: Span,
    pub replacement: &'static str,
}

/// A parsed tracker document.
#[derive(Debug, Clone)]
pub struct Document {
    pub source: SourceFile,
    pub units: Vec<Unit>,
    pub claims: Vec<Claim>,
    pub legend: Legend,
    pub bad_checkboxes: Vec<BadCheckbox>,
    pub garbled: Vec<Garbled>,
    /// Fenced and indented code blocks, as byte spans.
    pub code_blocks: Vec<Span>,
    pub dependencies: Vec<DepDecl>,
    pub critical_paths: Vec<CriticalPathDecl>,
    /// Durations given for units by id (tables that are not status tables).
    pub durations: Vec<(UnitId, Duration)>,
}

impl Document {
    pub fn unit(&self, idx: UnitIdx) -> &Unit {
        &self.units[idx]
    }

    /// Every unit under `idx` (not including it), depth first in document order.
    pub fn descendants(&self, idx: UnitIdx) -> Vec<UnitIdx> {
        let mut out = Vec::new();
        let mut stack: Vec<UnitIdx> = self.units[idx].children.iter().rev().copied().collect();
        while let Some(u) = stack.pop() {
            out.push(u);
            stack.extend(self.units[u].children.iter().rev());
        }
        out
    }

    /// Whether the document tracks work: it has an item, a status-table row, a scope, a
    /// section with an id, a claim, a dependency or a declared critical path. A README
    /// with headings and prose is not a tracker.
    pub fn is_tracker(&self) -> bool {
        let work = |u: &Unit| match u.kind {
            UnitKind::Item | UnitKind::Row | UnitKind::Scope => true,
            UnitKind::Section { .. } | UnitKind::Document => u.id.is_some(),
        };
        self.units.iter().any(work)
            || !self.claims.is_empty()
            || !self.dependencies.is_empty()
            || !self.critical_paths.is_empty()
            || !self.bad_checkboxes.is_empty()
    }

    /// Units grouped by id, in document order.
    pub fn ids(&self) -> HashMap<&UnitId, Vec<UnitIdx>> {
        let mut map: HashMap<&UnitId, Vec<UnitIdx>> = HashMap::default();
        for (i, u) in self.units.iter().enumerate() {
            if let Some(id) = &u.id {
                map.entry(id).or_default().push(i);
            }
        }
        map
    }
}
