//! Claims: the derived figures written about units (counts, sizes, percentages, status
//! words and totals), each with the byte span of just its figure so a fix can replace
//! exactly that.

use super::units::{Duration, Marker, UnitId, UnitIdx};
use crate::source::Span;
use crate::vocab::State;

/// A number written in the document, with the span of its digits.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Figure {
    pub value: u64,
    pub span: Span,
}

/// A percentage as written: `12.5` has one decimal.
#[derive(Debug, Clone, PartialEq)]
pub struct Percent {
    pub value: f64,
    pub decimals: u8,
    pub span: Span,
}

/// Which tally a `Total / Completed / In Progress / Not Started` line declares.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tally {
    Total,
    Done,
    InProgress,
    NotStarted,
}

#[derive(Debug, Clone, PartialEq)]
pub enum ClaimKind {
    /// `(3/8 tasks)`, `3 of 8 phases complete`, `(0/40)`.
    Count {
        done: Figure,
        total: Figure,
        noun: Option<String>,
        /// Written alone as a field's value or a table cell (`**Overall Progress:** 24/25
        /// steps`), with no name or brackets tying it to units: checked only where some
        /// reading of the units has its total, so that a count of something else (tests,
        /// files) is never compared with the items.
        alone: bool,
    },
    /// `(3 sub-tasks)`, `**Subtasks:** 6`. `list_len` counts a plain list right after it.
    Size {
        total: Figure,
        noun: String,
        list_len: Option<u64>,
    },
    /// `80%`, `~25%`, a Progress cell.
    Percent { percent: Percent },
    /// A percentage written with its own count in a noun the items do not count, which
    /// gives its basis: `75% (19/25 story points)`, `2/46 pages (4%)`.
    Ratio {
        percent: Percent,
        done: u64,
        total: u64,
    },
    /// A declared state: words, a marker, or both.
    Status {
        state: State,
        words: Option<Span>,
        marker: Option<Marker>,
    },
    /// `**Completed Sub-tasks:** 13`, with an optional `(+ 1 optional)`.
    Tally {
        tally: Tally,
        figure: Figure,
        noun: Option<String>,
        optional: Option<Figure>,
    },
    /// A figure that must equal the sum of listed parts: a table TOTAL cell, `532 unit tests
    /// total` over a list, `20 tests (17 unit + 3 integration)`.
    Sum {
        figure: Figure,
        parts: Vec<u64>,
        what: String,
    },
    /// A total of time over the units of a section, each with its own duration:
    /// `**Phase 1 Total**: 28-34 hours` under a table with an Effort column.
    TimeTotal { total: Duration, span: Span },
    /// A count of the ids in a range: `6 tasks (T001-T006)`, `71 tasks through T045`.
    IdRange {
        figure: Figure,
        noun: String,
        /// The ids' letters (`T`), the first and last numbers, and how many digits the ids
        /// are written with (`T045`: 3).
        letters: String,
        first: u64,
        last: u64,
        digits: usize,
    },
    /// A table TOTAL row's percentage over its done and total columns.
    SumPercent {
        percent: Percent,
        done: u64,
        total: u64,
    },
}

/// What a claim speaks of (SPEC 4.1).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Subject {
    /// A unit by structure: the heading's section, the item, the row, the enclosing section.
    Unit(UnitIdx),
    /// A unit named by id in the claim's line, wherever it is.
    Named(UnitId),
}

/// Where a claim is written, for scope rules and messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Site {
    Heading,
    Item,
    Entry,
    Field,
    Cell,
    Scope,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Claim {
    pub kind: ClaimKind,
    pub subject: Subject,
    pub site: Site,
    /// 1-based line.
    pub line: usize,
    /// `~`, `about`, `approx.`, `≈`.
    pub approx: bool,
    /// Claims written together (one line, one field paragraph) share a group, so a percentage
    /// can take its unit from a count or tally beside it.
    pub group: usize,
}
