//! Dependencies and critical paths as declared.

use super::units::{Duration, UnitId, UnitIdx};
use compact_str::CompactString;

use crate::source::Span;

/// Which way a declaration points: `Depends on: B` (B comes first) or `Blocks: B` (B after).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    DependsOn,
    Blocks,
}

/// What one reference in a dependency declaration names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    Id(UnitId),
    /// `ALL previous epics`: every earlier unit of that kind (`None`: of the declaring unit's).
    AllPrevious(Option<CompactString>),
    /// A relative link to another tracker file.
    File(String),
}

/// One reference as written, with its span for messages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reference {
    pub target: Target,
    pub span: Span,
}

/// Who declares a dependency: a unit, or units named by id (a table row `E03-E06`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Declarer {
    Unit(UnitIdx),
    Id(UnitId),
}

/// `**Dependencies**: Epic 01, 02`, a `Blocked By:` list, `_Depends: 1.1_`, a Depends on
/// column, or front matter `depends_on:`.
#[derive(Debug, Clone, PartialEq)]
pub struct DepDecl {
    pub declarers: Vec<Declarer>,
    pub direction: Direction,
    pub refs: Vec<Reference>,
}

/// A declared critical path: `**Critical Path:** 1.1 → 1.2 → 1.4 (Total: 4.5-6.5 days)`.
#[derive(Debug, Clone, PartialEq)]
pub struct CriticalPathDecl {
    pub line: usize,
    /// The ids in order, each with its span.
    pub steps: Vec<(UnitId, Span)>,
    /// From the first id to the last.
    pub span: Span,
    /// The declared total, its span (the figures and unit, `4.5-6.5 days`) and its unit word.
    pub total: Option<(Duration, Span, String)>,
    /// The arrow as written between steps (`→`, `->`, or a garbled form).
    pub arrow: String,
}
