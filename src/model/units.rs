//! Units: what people tick (items) and what groups them (sections, table rows, bold-line
//! scopes), with their ids, markers and durations.

use compact_str::CompactString;
use std::borrow::Cow;
use std::fmt;

use crate::source::Span;
use crate::vocab::State;

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

    /// Whether the title names the unit: by an id (`Phase 04`, `E2`), by a number
    /// (`1. Vercel build`, `~~2. Migrations~~`), or by a word and a number (`Fix 3`,
    /// `Bug #12`, `Sprint 13`) in any script.
    pub fn is_named(&self) -> bool {
        if self.id.is_some() {
            return true;
        }
        let title = self
            .title
            .trim_start_matches(|c: char| !c.is_alphanumeric());
        let word = title
            .find(|c: char| !c.is_alphabetic())
            .unwrap_or(title.len());
        let rest = title[word..].trim_start().trim_start_matches('#');
        rest.starts_with(|c: char| c.is_ascii_digit())
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
