//! Top-level paragraphs: `**Label:** value` fields, bold-line scopes, and figures in prose.

use comrak::nodes::{AstNode, NodeValue};

use super::builder::{Builder, is_aside};
use super::claims::{self, Found};
use super::ids::{id_and_label, last_id_ref};
use super::text::{mask_code, plain};
use super::{deps, durations};
use crate::model::{ClaimKind, Figure, ROOT, Site, Subject, Unit, UnitKind};
use crate::vocab::kinds::{is_work_noun, kind_of, singular};
use crate::vocab::{phrase_state, word_at};

use super::fields::{
    Field, bold_line, field, is_overall_label, is_progress_label, is_status_label,
};
use super::scan::Labelled;

impl Builder<'_> {
    pub(crate) fn paragraph<'n>(
        &mut self,
        node: &'n AstNode<'n>,
        first: usize,
        column: usize,
        last: usize,
    ) {
        let next_list = node
            .next_sibling()
            .filter(|n| matches!(n.data().value, NodeValue::List(_)));
        let group = self.new_group();
        if first == last && self.bold_scope(first, column, next_list.is_some()) {
            return;
        }
        // `**Decisions:**` over a list: the list holds notes, not work.
        if first == last && next_list.is_some() {
            let text = &self.src.text[self.src.line_from(first, column)];
            self.pending_aside = is_aside(text.trim().trim_matches(['*', '_', ':', ' ']));
            if !self.pending_aside {
                self.named_scope(first, column);
            }
        }
        for line in first..=last {
            let span = self.src.line_span(line);
            let start = if line == first {
                self.src.line_from(line, column).start
            } else {
                span.start
            };
            let src = self.src;
            let masked = mask_code(&src.text[start..span.end]);
            let list = next_list.filter(|_| line == last);
            self.paragraph_line(&masked, start, line, group, list);
        }
    }

    fn paragraph_line<'n>(
        &mut self,
        masked: &str,
        base: usize,
        line: usize,
        group: usize,
        list: Option<&'n AstNode<'n>>,
    ) {
        let section = Subject::Unit(self.section());
        self.id_ranges(masked, base, line);
        if let Some(Field {
            label: (ls, le),
            value_start,
        }) = field(masked)
        {
            let label = masked[ls..le].trim();
            let (vbase, value_text) = (base + value_start, &masked[value_start..]);
            // "Overall Progress" and "Project Status" speak of the document wherever they stand.
            let whole = is_overall_label(label).then_some(Subject::Unit(ROOT));
            let named = last_id_ref(label)
                .map(Subject::Named)
                .or(whole)
                .unwrap_or(section.clone());
            if is_status_label(label)
                && let Some((state, words, marker)) =
                    claims::status_value(value_text, vbase, self.vocab, self.legend)
                && let Some(subject) = status_subject(value_text, vbase, &words, &named)
            {
                let f = Found::status(state, words, marker, 0);
                self.push_claim(f, subject, Site::Field, line, group);
            }
            if let Some(mut f) = super::totals::tally(label, value_text, vbase) {
                self.tally_noun(&mut f, line);
                self.push_claim(f, section.clone(), Site::Field, line, group);
            }
            // A percentage with its own count beside it is checked against that count,
            // whatever the label: `**Coverage**: 80% (8/10 files)`.
            if let Some(f) = claims::leading_percent(value_text, vbase)
                && (is_progress_label(label) || matches!(f.kind, ClaimKind::Ratio { .. }))
            {
                self.push_claim(f, named.clone(), Site::Field, line, group);
            }
            // `**Overall Progress:** 24/25 steps (96%)`, `**Status:** 14/14 tasks complete`.
            if (is_progress_label(label) || is_status_label(label))
                && let Some(f) = claims::leading_count(value_text, vbase)
            {
                self.push_claim(f, named.clone(), Site::Field, line, group);
            }
            if let Some(f) = size_field(label, value_text, vbase, list) {
                self.push_claim(f, section.clone(), Site::Field, line, group);
            }
            if let Some(direction) = deps::dependency_label(label) {
                self.dependency_field(direction, value_text, vbase, list);
            }
            if let Some(f) = durations::time_total(label, value_text, vbase, self.vocab.calendar) {
                self.push_claim(f, section.clone(), Site::Field, line, group);
            }
            if durations::is_duration_label(label) {
                self.duration_field(value_text, vbase);
            }
        }
        self.critical_path_line(masked, base, line);
        let mut found = claims::counts(masked, base);
        found.retain(|f| {
            !matches!(&f.kind, ClaimKind::Count { noun: None, .. })
                || after_bold_label(&masked[..f.at])
        });
        found.extend(super::totals::plus_parts(masked, base));
        found.extend(named_only(masked, claims::percents(masked, base)));
        found.extend(named_only(masked, claims::sizes(masked, base)));
        self.add_claims(found, masked, section.clone(), Site::Field, line, group);
        if let Some(list) = list {
            self.parts_total(masked, base, line, group, list);
        }
    }

    /// `**Chat Service** ✅` right before a list: a scope whose marker is a status claim.
    fn bold_scope(&mut self, line: usize, column: usize, list_follows: bool) -> bool {
        let span = self.src.line_from(line, column);
        let (start, end) = (span.start, span.end);
        let text = &self.src.text[span];
        let Some(Labelled {
            label: (ws, we),
            value: (rs, re),
        }) = bold_line(text)
        else {
            return false;
        };
        let Some((state, _, Some(marker))) =
            claims::status_value(&text[rs..re], start + rs, self.vocab, self.legend)
        else {
            return false;
        };
        let after = &text[marker.span.end - start..];
        if !list_follows || !(after.trim().is_empty() || after.trim_start().starts_with('(')) {
            return false;
        }
        let parent = self.section();
        let mut unit = Unit::new(UnitKind::Scope, line, start..end, Some(parent));
        unit.title = plain(&text[ws..we]);
        (unit.id, unit.id_label_len) = id_and_label(&unit.title);
        unit.optional = self.optional_parent(parent);
        let idx = self.add_unit(unit);
        let group = self.new_group();
        let f = Found::status(state, None, Some(marker), 0);
        self.push_claim(f, Subject::Unit(idx), Site::Scope, line, group);
        self.pending_scope = Some(idx);
        true
    }

    /// `**Phase 3: API** ⚡ 66% (2/3 tasks)` right before a list: the bold words name a unit
    /// by its id, and the list is that unit's work as this line shows it (one more view of
    /// the unit). The line's claims are read as on any other line.
    fn named_scope(&mut self, line: usize, column: usize) {
        let span = self.src.line_from(line, column);
        let (start, end) = (span.start, span.end);
        let text = &self.src.text[span];
        let Some(Labelled {
            label: (ws, we), ..
        }) = bold_line(text)
        else {
            return;
        };
        let title = plain(&text[ws..we]);
        let (Some(id), label_len) = id_and_label(&title) else {
            return;
        };
        let parent = self.section();
        let mut unit = Unit::new(UnitKind::Scope, line, start..end, Some(parent));
        unit.title = title;
        (unit.id, unit.id_label_len) = (Some(id), label_len);
        unit.optional = self.optional_parent(parent);
        let idx = self.add_unit(unit);
        self.pending_scope = Some(idx);
    }

    /// `(532 unit tests total ...):` over the list right after it.
    fn parts_total<'n>(
        &mut self,
        masked: &str,
        base: usize,
        line: usize,
        group: usize,
        list: &'n AstNode<'n>,
    ) {
        let Some((figure, noun, at)) = super::totals::parts_total(masked, base) else {
            return;
        };
        let mut parts = Vec::new();
        for item in list.children() {
            let pos = item.data().sourcepos.start;
            let entry = self.src.line_text(pos.line);
            match super::totals::part_of(entry, &noun) {
                Some(n) => parts.push(n),
                None => return,
            }
        }
        if parts.len() >= 2 {
            let f = Found {
                kind: ClaimKind::Sum {
                    figure,
                    parts,
                    what: noun,
                },
                approx: false,
                at,
            };
            self.push_claim(f, Subject::Unit(self.section()), Site::Field, line, group);
        }
    }
}

/// A noun-less count in prose (`(502/504)`) is a claim only right after a bold label, as in
/// `**Key Controllers** (0/40):`.
/// What a status field's value speaks of. Without an id, the field's unit. With one id
/// right after the status words (`In Progress - Phase 3`, `Complete (Phase 1)`), that unit.
/// With more ids, or words between (`Complete - Phase 1 Complete - Ready for Phase 2`,
/// `Blocked by Phase 2`), nothing the words say of one unit.
fn status_subject(
    value: &str,
    base: usize,
    words: &Option<crate::source::Span>,
    field_unit: &Subject,
) -> Option<Subject> {
    if last_id_ref(value).is_none() {
        return Some(field_unit.clone());
    }
    let (at, id) = super::ids::only_id_ref(value)?;
    let words_end = words.as_ref()?.end.checked_sub(base)?;
    let between = value.get(words_end..at)?;
    let field_is_general = !matches!(field_unit, Subject::Named(_));
    (field_is_general && between.chars().all(|c| !c.is_alphanumeric()))
        .then_some(Subject::Named(id))
}

fn after_bold_label(before: &str) -> bool {
    let t = before.trim();
    t.len() > 4 && t.starts_with("**") && t.ends_with("**") && !t[2..t.len() - 2].contains("**")
}

/// Claims in prose count only when a unit is named before them.
/// The claims of a paragraph line that name their unit, and the percentages checked against
/// their own count, which need none.
fn named_only(masked: &str, found: Vec<Found>) -> Vec<Found> {
    found
        .into_iter()
        .filter(|f| {
            matches!(f.kind, ClaimKind::Ratio { .. }) || last_id_ref(&masked[..f.at]).is_some()
        })
        .collect()
}

/// `**Subtasks:** 6`: a work noun as the label and a bare number as the value.
fn size_field<'n>(
    label: &str,
    value: &str,
    vbase: usize,
    list: Option<&'n AstNode<'n>>,
) -> Option<Found> {
    if !is_work_noun(label) || kind_of(label).is_none() && !label.to_lowercase().ends_with('s') {
        return None;
    }
    let digits = value.trim();
    let n = super::scan::figure_value(digits)?;
    let offset = value.find(digits)?;
    let total = Figure {
        value: n,
        span: vbase + offset..vbase + offset + digits.len(),
    };
    let list_len = list.map(|l| l.children().count() as u64);
    let kind = ClaimKind::Size {
        total,
        noun: singular(label),
        list_len,
    };
    Some(Found {
        kind,
        approx: false,
        at: 0,
    })
}

/// A status at the end of a heading or summary entry: `✅ COMPLETE`, `🟡 Pending`, `✅`,
/// `- Not Started`, `(Done)`.
impl Builder<'_> {
    /// A status written after a unit's title.
    pub(super) fn trailing_status(&self, text: &str, base: usize) -> Option<Found> {
        trailing_status(self, text, base)
    }
}

fn trailing_status(b: &Builder, text: &str, base: usize) -> Option<Found> {
    let end = text.trim_end().trim_end_matches(['*', '_', '!', ' ']).len();
    let body = &text[..end];
    if let Some(found) = marker_suffix(b, body, base) {
        return Some(found);
    }
    let sep = body.rfind([' ', '(', '[', '-', '–', '—', ':'])?;
    let mut start = sep;
    // Extend backwards over a second word ("Not Started", "In Progress").
    if let Some(prev) = body[..sep].trim_end().rfind(' ')
        && phrase_state(&body[prev..]).is_some()
        && word_at(body[prev..].trim_start()).is_some_and(|(_, l)| l > body[sep..].trim().len())
    {
        start = prev;
    }
    let words = body[start..].trim_start_matches([' ', '(', '[', '-', '–', '—', ':', '*', '_']);
    let state = phrase_state(words.trim_end_matches([')', ']']))?;
    let before = body[..start]
        .trim_end()
        .trim_end_matches(['*', '_'])
        .trim_end();
    let separated = before.ends_with(['-', '–', '—', ':', '|'])
        || body[start..].trim_start().starts_with(['(', '['])
        || words.chars().all(|c| !c.is_lowercase());
    let w_start = end
        - body[start..]
            .trim_start_matches([' ', '(', '[', '-', '–', '—', ':', '*', '_'])
            .len();
    let w_end = w_start + words.trim_end_matches([')', ']', '*', '_']).len();
    separated.then(|| Found::status(state, Some(base + w_start..base + w_end), None, w_start))
}

/// The last marker in a heading, when only status words (or nothing) follow it.
fn marker_suffix(b: &Builder, body: &str, base: usize) -> Option<Found> {
    let (pos, _) = body
        .char_indices()
        .rev()
        .find(|(i, c)| !c.is_ascii() && b.vocab.marker_at(&body[*i..]).is_some())?;
    let (state, words, marker) = claims::status_value(&body[pos..], base + pos, b.vocab, b.legend)?;
    let marker = marker?;
    let tail_start = words.as_ref().map_or(marker.span.end, |w| w.end) - base;
    let clean = body[tail_start..]
        .trim_matches(|c| c == '*' || c == '_' || c == ' ')
        .is_empty();
    clean.then_some(Found::status(state, words, Some(marker), pos))
}
