//! The state of one document's parse: units, claims and declarations gathered while its
//! blocks are walked, and the steps every kind of block shares.

use comrak::nodes::{AstNode, NodeValue};

use super::claims::Found;
use super::{durations, ids, text};
use crate::model::{
    BadCheckbox, Claim, ClaimKind, CriticalPathDecl, DepDecl, Duration, Legend, ROOT, Site,
    Subject, Unit, UnitId, UnitIdx, UnitKind,
};
use crate::source::{SourceFile, Span};
use crate::vocab::Vocab;

/// What the builder gathered.
pub(super) struct Finished {
    pub(super) units: Vec<Unit>,
    pub(super) claims: Vec<Claim>,
    pub(super) bad_checkboxes: Vec<BadCheckbox>,
    pub(super) code_blocks: Vec<Span>,
    pub(super) dependencies: Vec<DepDecl>,
    pub(super) critical_paths: Vec<CriticalPathDecl>,
    pub(super) durations: Vec<(UnitId, Duration)>,
}

/// State while walking the top-level blocks of one document.
pub(crate) struct Builder<'a> {
    pub(crate) src: &'a SourceFile,
    pub(crate) vocab: &'a Vocab,
    pub(crate) legend: &'a Legend,
    legend_lists: Vec<usize>,
    pub(crate) units: Vec<Unit>,
    pub(crate) claims: Vec<Claim>,
    pub(crate) bad_checkboxes: Vec<BadCheckbox>,
    code_blocks: Vec<Span>,
    /// Open sections, outermost first: (heading level, unit).
    sections: Vec<(u8, UnitIdx)>,
    /// A bold-line scope waiting for the list right after it.
    pub(crate) pending_scope: Option<UnitIdx>,
    /// Rows named only by a title, kept if the title matches another unit.
    pub(crate) titled_rows: Vec<UnitIdx>,
    /// Rows of a task table, named by a task code: items unless another unit has the code.
    pub(crate) task_rows: Vec<UnitIdx>,
    pub(crate) dependencies: Vec<DepDecl>,
    pub(crate) critical_paths: Vec<CriticalPathDecl>,
    /// Durations of units named in tables that are not status tables.
    pub(crate) durations: Vec<(UnitId, Duration)>,
    /// A `Critical Path` label whose chain is in the code block right after it.
    pub(crate) pending_critical: Option<usize>,
    /// Set by a bold label that heads notes rather than work (`**Decisions:**`): the list
    /// right after it is not work.
    pub(crate) pending_aside: bool,
    /// The level of the heading that opened a section of notes rather than work
    /// (`## Notes`, `### Risks`), while it lasts.
    aside_from: Option<u8>,
    groups: usize,
    h1_count: usize,
    /// The last tally with a noun: its section, line and noun. `Completed: 3` on the next
    /// line of the same block counts the same noun.
    last_tally: Option<(UnitIdx, usize, String)>,
}

/// A line with more figures than any status line holds is data, not progress: only its
/// first figures are read, so that rules comparing the claims of a line stay cheap on a
/// generated line of a million figures.
const MAX_CLAIMS_PER_LINE: usize = 256;

impl<'a> Builder<'a> {
    pub(super) fn new(
        src: &'a SourceFile,
        vocab: &'a Vocab,
        legend: &'a Legend,
        legend_lists: Vec<usize>,
    ) -> Self {
        let end = src.text.len();
        Self {
            src,
            vocab,
            legend,
            legend_lists,
            units: {
                // Every unit but the document starts a line of its own, so the units never
                // outgrow this, and are never copied to grow; pages not used are not touched.
                let mut units = Vec::with_capacity(src.line_count() + 1);
                units.push(Unit::new(UnitKind::Document, 1, 0..end, None));
                units
            },
            claims: Vec::new(),
            bad_checkboxes: Vec::new(),
            code_blocks: Vec::new(),
            sections: Vec::new(),
            pending_scope: None,
            titled_rows: Vec::new(),
            task_rows: Vec::new(),
            last_tally: None,
            dependencies: Vec::new(),
            critical_paths: Vec::new(),
            durations: Vec::new(),
            pending_critical: None,
            pending_aside: false,
            aside_from: None,
            groups: 0,
            h1_count: 0,
        }
    }

    pub(super) fn blocks<'n>(&mut self, root: &'n AstNode<'n>) {
        self.h1_count = root
            .children()
            .filter(|n| matches!(n.data().value, NodeValue::Heading(h) if h.level == 1))
            .count();
        for node in root.children() {
            let scope = self.pending_scope.take();
            let critical = self.pending_critical.take();
            let aside = std::mem::take(&mut self.pending_aside) || self.aside_from.is_some();
            let d = node.data();
            let (start, end) = (d.sourcepos.start, d.sourcepos.end);
            match &d.value {
                NodeValue::Heading(h) => self.heading(start.line, start.column, h.level),
                NodeValue::Paragraph => self.paragraph(node, start.line, start.column, end.line),
                NodeValue::List(_) if !aside && !self.legend_lists.contains(&start.line) => {
                    let container = scope.unwrap_or_else(|| self.section());
                    self.list(node, container, None);
                }
                NodeValue::Table(_) => self.table(node),
                NodeValue::CodeBlock(_) => {
                    let span = self.src.offset(start.line, 1)..self.src.line_span(end.line).end;
                    self.code_blocks.push(span);
                    if critical.is_some() {
                        self.critical_path_in_block(start.line, end.line);
                    }
                }
                _ => {}
            }
        }
    }

    /// The section a heading with `id` belongs to: the innermost open one, unless that one
    /// is another unit of the same kind whose number `id` does not extend. `### Phase 4
    /// Started` under `## Phase 3` speaks of Phase 4, beside Phase 3, not inside it;
    /// `### Epic 1.2` under `## Epic 1` stays inside.
    fn parent_for(&self, id: Option<&UnitId>) -> UnitIdx {
        let mut parent = self.section();
        let Some(id) = id else { return parent };
        while let Some(other) = self.units[parent].id.as_ref() {
            let extends = id.number.starts_with(&format!("{}.", other.number));
            if parent == ROOT || other.kind != id.kind || other == id || extends {
                break;
            }
            parent = self.units[parent].parent.unwrap_or(ROOT);
        }
        parent
    }

    /// The innermost open section, or the document.
    pub(crate) fn section(&self) -> UnitIdx {
        self.sections.last().map_or(ROOT, |(_, u)| *u)
    }

    pub(crate) fn new_group(&mut self) -> usize {
        self.groups += 1;
        self.groups
    }

    pub(crate) fn add_unit(&mut self, unit: Unit) -> UnitIdx {
        let idx = self.units.len();
        if let Some(parent) = unit.parent {
            self.units[parent].children.push(idx);
        }
        self.units.push(unit);
        idx
    }

    pub(crate) fn optional_parent(&self, parent: UnitIdx) -> bool {
        self.units[parent].optional
    }

    /// Records found claims; those naming a unit before them speak of it, the rest of `default`.
    pub(crate) fn add_claims(
        &mut self,
        found: Vec<Found>,
        line_text: &str,
        default: Subject,
        site: Site,
        line: usize,
        group: usize,
    ) {
        if found.is_empty() {
            return;
        }
        let ids = ids::IdRefs::new(line_text);
        for f in found.into_iter().take(MAX_CLAIMS_PER_LINE) {
            let subject = match ids.last_before(f.at) {
                Some(id) => Subject::Named(id),
                None => default.clone(),
            };
            self.push_claim(f, subject, site, line, group);
        }
    }

    pub(crate) fn push_claim(
        &mut self,
        f: Found,
        subject: Subject,
        site: Site,
        line: usize,
        group: usize,
    ) {
        let claim = Claim {
            kind: f.kind,
            subject,
            site,
            line,
            approx: f.approx,
            group,
        };
        let span = claim_span(&claim.kind);
        // Claims arrive in line order, so a duplicate can only be among the last ones.
        let mut same_line = self.claims.iter().rev().take_while(|c| c.line == line);
        if !same_line.any(|c| claim_span(&c.kind) == span) {
            self.claims.push(claim);
        }
    }

    fn heading(&mut self, line: usize, column: usize, level: u8) {
        let src = self.src;
        let span = src.line_from(line, column);
        let start = span.start;
        let raw = &src.text[span.clone()];
        let hashes = raw.len() - raw.trim_start_matches('#').len();
        let body_start = start + hashes + (raw.len() - hashes - raw[hashes..].trim_start().len());
        let body = src.text[body_start..span.end]
            .trim_end()
            .trim_end_matches('#')
            .trim_end();
        let title = text::plain(body);
        if self.aside_from.is_some_and(|from| level <= from) {
            self.aside_from = None;
        }
        let is_title = level == 1 && self.h1_count == 1 && self.sections.is_empty();
        let idx = if is_title {
            self.units[ROOT].title = title.clone();
            self.units[ROOT].id = ids::title_id(&title);
            self.units[ROOT].id_label_len = ids::leading_id(&title).map_or(0, |(_, len)| len);
            self.units[ROOT].duration =
                durations::parenthesised_duration(&title, self.vocab.calendar);
            ROOT
        } else {
            while self.sections.last().is_some_and(|(l, _)| *l >= level) {
                self.sections.pop();
            }
            let (id, id_label_len) = ids::id_after_signs(&title);
            let parent = self.parent_for(id.as_ref());
            let mut unit = Unit::new(UnitKind::Section { level }, line, span, Some(parent));
            (unit.id, unit.id_label_len) = (id, id_label_len);
            unit.optional = text::is_optional(&title) || self.optional_parent(parent);
            unit.duration = durations::parenthesised_duration(&title, self.vocab.calendar);
            unit.title = title;
            let idx = self.add_unit(unit);
            self.sections.push((level, idx));
            idx
        };
        let masked = text::mask_code(body);
        self.line_claims(
            &masked,
            body_start,
            Subject::Unit(idx),
            Site::Heading,
            line,
            true,
        );
        if let Some(found) = self.trailing_status(&masked, body_start) {
            let group = self.new_group();
            self.push_claim(found, Subject::Unit(idx), Site::Heading, line, group);
        }
        // A section of notes (`## 📝 Notes`, `### Risks`) holds no work, unless a claim in
        // its heading counts what it lists.
        let claimed = self.claims.last().is_some_and(|c| c.line == line);
        if idx != ROOT && !claimed && is_aside(&self.units[idx].title) {
            self.aside_from = Some(level);
        }
    }

    /// Counts, sizes, percentages and `+` sums in one line. In headings every claim speaks of
    /// the section; elsewhere a claim may name its unit.
    pub(crate) fn line_claims(
        &mut self,
        masked: &str,
        base: usize,
        subject: Subject,
        site: Site,
        line: usize,
        structural: bool,
    ) {
        let group = self.new_group();
        let found = super::forms::in_line(masked, base);
        if found.is_empty() {
            return;
        }
        if structural {
            for f in found {
                self.push_claim(f, subject.clone(), site, line, group);
            }
        } else {
            self.add_claims(found, masked, subject, site, line, group);
        }
    }

    /// `- **Total Phases**: 8` then `- **Completed**: 3`, `- **In Progress**: 0`: a tally
    /// without a noun on the line after one with a noun, in the same section, counts it too.
    pub(super) fn tally_noun(&mut self, f: &mut Found, line: usize) {
        let ClaimKind::Tally { noun, .. } = &mut f.kind else {
            return;
        };
        let section = self.section();
        match noun {
            Some(n) => self.last_tally = Some((section, line, n.clone())),
            None => {
                if let Some((s, l, n)) = &mut self.last_tally
                    && *s == section
                    && *l + 1 == line
                {
                    *noun = Some(n.clone());
                    *l = line;
                }
            }
        }
    }

    pub(super) fn finish(mut self) -> Finished {
        self.settle_task_rows();
        self.settle_dash_parents();
        self.drop_unmatched_rows();
        Finished {
            units: self.units,
            claims: self.claims,
            bad_checkboxes: self.bad_checkboxes,
            code_blocks: self.code_blocks,
            dependencies: self.dependencies,
            critical_paths: self.critical_paths,
            durations: self.durations,
        }
    }
}

/// Whether a heading or label names notes rather than work (`Notes`, `Decisions`, `Risks`),
/// or things taken out of the plan (`Deleted Components`), after any emoji or numbering and
/// before any colon.
pub(super) fn is_aside(title: &str) -> bool {
    let words = title
        .trim_start_matches(|c: char| !c.is_alphabetic())
        .trim_end_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase();
    let first = words.split_whitespace().next().unwrap_or_default();
    crate::vocab::labels::ASIDES.contains(&words.as_str())
        || crate::vocab::labels::REMOVED.contains(&first)
}

/// The span that identifies a claim (its first figure or word).
pub(super) fn claim_span(kind: &ClaimKind) -> Span {
    match kind {
        ClaimKind::Count { done, .. } => done.span.clone(),
        ClaimKind::Size { total, .. } => total.span.clone(),
        ClaimKind::Percent { percent, .. }
        | ClaimKind::SumPercent { percent, .. }
        | ClaimKind::Ratio { percent, .. } => percent.span.clone(),
        ClaimKind::Status { words, marker, .. } => words
            .clone()
            .or_else(|| marker.as_ref().map(|m| m.span.clone()))
            .unwrap_or(0..0),
        ClaimKind::Tally { figure, .. }
        | ClaimKind::Sum { figure, .. }
        | ClaimKind::IdRange { figure, .. } => figure.span.clone(),
        ClaimKind::TimeTotal { span, .. } => span.clone(),
    }
}
