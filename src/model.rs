//! The document model: plain data built from the Markdown AST, free of comrak types.
//!
//! Units are what people tick (items) and what groups them (sections, table rows, bold-line
//! scopes). Claims are the derived figures written about units: counts, sizes, percentages,
//! status words and totals, each with the byte span of just its figure so a fix can replace
//! exactly that.

use compact_str::CompactString;
use rustc_hash::FxHashMap as HashMap;
use std::borrow::Cow;
use std::fmt;

use crate::source::{SourceFile, Span};
use crate::vocab::State;
use crate::vocab::mojibake::Garbled;

/// Index of a unit in [`Document::units`]. Unit 0 is the document itself.
pub type UnitIdx = usize;

pub const ROOT: UnitIdx = 0;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnitKind {
    Document,
    /// A heading and everything up to the next heading of the same or a higher level.
    Section {
        level: u8,
    },
    /// A list item whose text starts with a marker.
    Item,
    /// A row of a status table.
    Row,
    /// A bold line ending in a marker (`**Chat Service** ✅`) and the list right after it.
    Scope,
}

/// A normalised unit id: kind word (lower case, singular) and number without leading zeros.
/// `Epic 01`, `E01` and `epic 1` are all `epic 1`; a bare `1.2` has no kind.
///
/// Both parts are short and are kept inline, not on the heap: an id is copied into
/// references, subjects and graph nodes, and the nodes of every file stay until the graph
/// is built.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct UnitId {
    pub kind: Option<CompactString>,
    pub number: CompactString,
}

impl fmt::Display for UnitId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.kind {
            Some(kind) => {
                let mut chars = kind.chars();
                let head: String = chars
                    .next()
                    .map(|c| c.to_uppercase().collect())
                    .unwrap_or_default();
                write!(f, "{head}{} {}", chars.as_str(), self.number)
            }
            None => f.write_str(&self.number),
        }
    }
}

/// A state written on a unit: a checkbox, an emoji marker or status words.
#[derive(Debug, Clone, PartialEq)]
pub struct Marker {
    pub state: State,
    /// The canonical marker (`[x]`, `✅`) or the words as written. Built-in markers are
    /// not copied for each unit that carries one.
    pub text: Cow<'static, str>,
    pub span: Span,
    /// The marker was written in a garbled (mojibake) form.
    pub garbled: bool,
}

#[derive(Debug, Clone)]
pub struct Unit {
    pub kind: UnitKind,
    pub id: Option<UnitId>,
    pub title: String,
    /// 1-based line where the unit starts.
    pub line: usize,
    /// Bytes of the unit's own line (heading, item's first line, row).
    pub span: Span,
    pub parent: Option<UnitIdx>,
    pub children: Vec<UnitIdx>,
    /// The state written on the unit itself: an item's marker, a row's status cell, a scope's
    /// bold-line marker. Sections have none.
    pub marker: Option<Marker>,
    /// "(optional)", "Optional -", "If Time Permits", "N/A", or under an optional unit.
    pub optional: bool,
    /// A size the item carries for itself, as in `⬜ **Automation** (5 models)`.
    pub size: Option<(String, u64)>,
    /// A placeholder item standing for several, as in `⬜ [31 more controllers...]`.
    pub placeholder: Option<u64>,
    /// Estimated duration (Duration / Est. Time column, `**Estimated Time:**` field).
    pub duration: Option<Duration>,
    /// Bytes of the id the title starts with (`Task 1.1` in `Task 1.1: Setup`), if any.
    pub id_label_len: usize,
}

impl Unit {
    pub fn new(kind: UnitKind, line: usize, span: Span, parent: Option<UnitIdx>) -> Self {
        Self {
            kind,
            id: None,
            title: String::new(),
            line,
            span,
            parent,
            children: Vec::new(),
            marker: None,
            optional: false,
            size: None,
            placeholder: None,
            duration: None,
            id_label_len: 0,
        }
    }

    /// The title without its leading id, and without figures in parentheses at its end
    /// (`(2 days)`, `(0/9 models)`, `(~40 controllers)`), which are shown beside the unit
    /// already or are claims about it: `Task 1.1: Project Setup (2 days)` → `Project Setup`.
    pub fn name(&self) -> String {
        let rest = self.title.get(self.id_label_len..).unwrap_or_default();
        let mut rest = rest
            .trim_start_matches([':', ' ', '-', '–', '—', '*'])
            .trim_end();
        while let Some(open) = rest.rfind('(').filter(|_| rest.ends_with(')')) {
            if !rest[open + 1..].starts_with(|c: char| c.is_ascii_digit() || c == '~') {
                break;
            }
            rest = rest[..open].trim_end();
        }
        rest.to_string()
    }

    pub fn is_item(&self) -> bool {
        self.kind == UnitKind::Item
    }

    /// How the unit is named in messages: its id and title, or its title.
    pub fn label(&self) -> String {
        const LONGEST: usize = 40;
        match (&self.id, self.title.is_empty()) {
            (Some(id), _) if id.kind.is_some() => format!("{id}"),
            (_, false) if self.title.chars().count() > LONGEST => {
                let short: String = self.title.chars().take(LONGEST).collect();
                format!("\"{}…\"", short.trim_end())
            }
            (_, false) => format!("\"{}\"", self.title),
            (_, true) => format!("line {}", self.line),
        }
    }
}

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
    },
    /// `(3 sub-tasks)`, `**Subtasks:** 6`. `list_len` counts a plain list right after it.
    Size {
        total: Figure,
        noun: String,
        list_len: Option<u64>,
    },
    /// `80%`, `~25%`, a Progress cell.
    Percent { percent: Percent },
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

/// A task-list box that GitHub does not render: `[]`, `[ x]`, `[X ]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadCheckbox {
    pub span: Span,
    pub replacement: &'static str,
}

/// A document's legend: markers it defines, in the order it lists them.
#[derive(Debug, Clone, Default)]
pub struct Legend {
    pub entries: Vec<(String, State)>,
}

impl Legend {
    pub fn state_of(&self, canonical: &str) -> Option<State> {
        self.entries
            .iter()
            .find(|(m, _)| m == canonical)
            .map(|(_, s)| *s)
    }

    pub fn marker_for(&self, state: State) -> Option<&str> {
        self.entries
            .iter()
            .find(|(_, s)| *s == state)
            .map(|(m, _)| m.as_str())
    }
}

/// A duration as a range of working hours (`2-3 days` is 16 to 24 hours at 8 hours a day),
/// and the unit it was written in.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Duration {
    pub min: f64,
    pub max: f64,
    pub unit: TimeUnit,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum TimeUnit {
    Hours,
    Days,
    Weeks,
}

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
