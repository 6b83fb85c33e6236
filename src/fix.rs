//! Applying fixes: edits spliced into the bytes that were read, sorted and never overlapping,
//! then parse, check and fix again until nothing changes.
//!
//! A fix that undoes itself (a status cell rewritten one way, then back) would keep the text
//! from settling. When a round gives a text seen before, the edits of the rounds in that
//! cycle are set aside, and fixing starts again from the text that was read without them;
//! when ten rounds pass without settling, so are the last round's. An edit set aside is not
//! applied, and its finding stays in what remains to report; every other fix is applied.

use std::hash::{Hash, Hasher};

use rustc_hash::FxHashSet;

use crate::diagnostic::{Applicability, Diagnostic, Edit};
use crate::graph::Fragment;
use crate::model::Document;
use crate::parse::parse;
use crate::pipeline::{Settings, check_document, document_findings};
use crate::source::SourceFile;
use crate::source::Span;

/// Rounds of parse, check and fix before the last round's edits are set aside.
const MAX_ROUNDS: usize = 10;

/// Times fixing starts again with more edits set aside before the text is declared
/// unsettled. Each start sets aside at least one more edit.
const MAX_STARTS: usize = 8;

/// What fixing one text gave.
#[derive(Debug)]
pub struct Fixed {
    pub text: String,
    /// Findings whose edits were applied, over all rounds.
    pub applied: usize,
    /// The findings that remain in the fixed text, as its last round read them: its
    /// document rules' (and every rule's where it declares a critical path). What the graph
    /// of all files says is for the caller to ask. Findings whose edits were set aside
    /// because they undid themselves are among them.
    pub remaining: Vec<Diagnostic>,
    /// The fixed text, parsed: for rendering the remaining findings, and for checking it
    /// again beside the other files without parsing it again.
    pub document: Document,
    /// The fixed text's fragment of the graph of all files.
    pub fragment: Fragment,
}

/// A text that kept changing with every edit that undid itself set aside: the rules whose
/// edits were set aside.
#[derive(Debug)]
pub struct Unsettled {
    pub rules: Vec<&'static str>,
}

/// An edit as fixing tells edits apart from one round to the next: its rule and its line.
/// (Fixes replace figures and words inside a line, so lines keep their numbers.)
type EditKey = (&'static str, usize);

/// Fixes `text` until it settles. Applies safe edits, and unsafe ones when `unsafe_fixes`.
pub fn fix_text(
    source: SourceFile,
    settings: &Settings,
    unsafe_fixes: bool,
) -> Result<Fixed, Unsettled> {
    fix_document(parse(source, &settings.vocab), settings, unsafe_fixes)
}

/// As [`fix_text`], from the text already parsed.
pub fn fix_document(
    doc: Document,
    settings: &Settings,
    unsafe_fixes: bool,
) -> Result<Fixed, Unsettled> {
    let allowed = if unsafe_fixes {
        Applicability::Unsafe
    } else {
        Applicability::Safe
    };
    let read = doc.source.clone();
    let mut set_aside = FxHashSet::default();
    let mut doc = Some(doc);
    for _ in 0..MAX_STARTS {
        let start = doc
            .take()
            .unwrap_or_else(|| parse(read.clone(), &settings.vocab));
        let round = Rounds {
            settings,
            allowed,
            set_aside: &set_aside,
        };
        match round.settle(start) {
            Ok(fixed) => return Ok(fixed),
            Err(undone) => set_aside.extend(undone),
        }
    }
    let mut rules: Vec<&'static str> = set_aside.into_iter().map(|(rule, _)| rule).collect();
    rules.sort_unstable();
    rules.dedup();
    Err(Unsettled { rules })
}

/// Rounds of fixing one text, with some edits set aside.
struct Rounds<'a> {
    settings: &'a Settings,
    allowed: Applicability,
    set_aside: &'a FxHashSet<EditKey>,
}

impl Rounds<'_> {
    /// Fixes `doc` round by round until no edit applies; or, when a round returns to a text
    /// seen before or the rounds run out, the edits to set aside.
    fn settle(&self, mut doc: Document) -> Result<Fixed, Vec<EditKey>> {
        let mut seen = vec![text_hash(&doc.source.text)];
        let mut applied_keys: Vec<Vec<EditKey>> = Vec::new();
        let mut applied = 0;
        for _ in 0..=MAX_ROUNDS {
            let (diagnostics, fragment) = round_findings(&doc, self.settings);
            let chosen = choose(
                diagnostics.iter().filter(|d| !self.is_set_aside(&doc, d)),
                self.allowed,
            );
            if chosen.is_empty() {
                let remaining = diagnostics
                    .into_iter()
                    .map(|d| self.mark_set_aside(&doc, d))
                    .collect();
                return Ok(Fixed {
                    text: doc.source.text.clone(),
                    applied,
                    remaining,
                    document: doc,
                    fragment,
                });
            }
            applied_keys.push(chosen.iter().flat_map(|d| keys(&doc, d)).collect());
            let edits = edits_of(&chosen, self.allowed);
            applied += chosen.len();
            let text = apply_edits(&doc.source.text, &edits);
            let hash = text_hash(&text);
            if let Some(first) = seen.iter().position(|&h| h == hash) {
                return Err(applied_keys.drain(first..).flatten().collect());
            }
            seen.push(hash);
            doc = parse(
                SourceFile::new(&doc.source.path, text),
                &self.settings.vocab,
            );
        }
        Err(applied_keys.pop().unwrap_or_default())
    }

    fn is_set_aside(&self, doc: &Document, d: &Diagnostic) -> bool {
        keys(doc, d).any(|k| self.set_aside.contains(&k))
    }

    /// A remaining finding whose edits were set aside no longer offers them, and says why.
    fn mark_set_aside(&self, doc: &Document, mut d: Diagnostic) -> Diagnostic {
        if self.is_set_aside(doc, &d) {
            d.edits.clear();
            d.message
                .push_str(" (its fix is not applied: fixing again would undo it)");
        }
        d
    }
}

/// The keys of a finding's edits.
fn keys<'a>(doc: &'a Document, d: &'a Diagnostic) -> impl Iterator<Item = EditKey> + 'a {
    d.edits
        .iter()
        .map(|e| (d.rule.code, doc.source.line_of(e.span.start)))
}

fn text_hash(text: &str) -> u64 {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    text.hash(&mut h);
    h.finish()
}

/// What a round of fixing reads: every rule's findings where the document declares a
/// critical path (its total is fixed from the graph), else its document rules' alone, since
/// no other graph rule offers a fix. Also the document's fragment of the graph.
fn round_findings(doc: &Document, settings: &Settings) -> (Vec<Diagnostic>, Fragment) {
    let (found, fragment) = document_findings(doc, settings);
    if doc.critical_paths.is_empty() {
        return (found, fragment);
    }
    (check_document(doc, settings), fragment)
}

/// The edits to apply this round, sorted by position, each finding's edits all or nothing,
/// and a finding skipped when it overlaps one already taken. Returns the edits and how many
/// findings they fix.
pub fn select_edits(diagnostics: &[Diagnostic], allowed: Applicability) -> (Vec<Edit>, usize) {
    let chosen = choose(diagnostics.iter(), allowed);
    (edits_of(&chosen, allowed), chosen.len())
}

/// The findings whose edits (up to `allowed`) apply together: in order, each taken when it
/// has such edits and none overlaps an edit already taken.
fn choose<'d>(
    diagnostics: impl Iterator<Item = &'d Diagnostic>,
    allowed: Applicability,
) -> Vec<&'d Diagnostic> {
    let mut taken = Taken::default();
    let mut chosen = Vec::new();
    for d in diagnostics {
        let edits: Vec<&Edit> = d
            .edits
            .iter()
            .filter(|e| e.applicability <= allowed)
            .collect();
        if edits.is_empty() || edits.iter().any(|e| taken.overlaps(&e.span)) {
            continue;
        }
        taken
            .0
            .extend(edits.iter().map(|e| (e.span.start, e.span.end)));
        chosen.push(d);
    }
    chosen
}

/// The spans of the edits taken so far, by start: none overlaps another, so whether a new
/// span overlaps one is asked of its nearest neighbour alone (a long document's thousands
/// of fixes are chosen in time growing with their number, not its square).
#[derive(Default)]
struct Taken(std::collections::BTreeSet<(usize, usize)>);

impl Taken {
    /// Whether `span` shares a byte with a taken span, or is the same insertion point.
    fn overlaps(&self, span: &Span) -> bool {
        self.0.contains(&(span.start, span.end))
            || self
                .0
                .range(..(span.end, 0))
                .next_back()
                .is_some_and(|&(_, end)| span.start < end)
    }
}

/// The edits (up to `allowed`) of the chosen findings, sorted by position.
fn edits_of(chosen: &[&Diagnostic], allowed: Applicability) -> Vec<Edit> {
    let mut edits: Vec<Edit> = chosen
        .iter()
        .flat_map(|d| &d.edits)
        .filter(|e| e.applicability <= allowed)
        .cloned()
        .collect();
    edits.sort_by_key(|e| (e.span.start, e.span.end));
    edits
}

/// Splices sorted, non-overlapping edits into `text`. Every byte outside the edited spans
/// (line endings, trailing spaces, a missing final newline) is copied as it was.
pub fn apply_edits(text: &str, edits: &[Edit]) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    let mut last = 0;
    for edit in effective_edits(text, edits) {
        out.push_str(&text[last..edit.span.start]);
        out.push_str(&edit.replacement);
        last = edit.span.end;
    }
    out.push_str(&text[last..]);
    out
}

/// The edits as they are applied: in a padded table cell, a figure that grows or shrinks
/// takes or gives back padding so the column stays aligned, and an edit that would overlap
/// an earlier one is dropped.
pub fn effective_edits(text: &str, edits: &[Edit]) -> Vec<Edit> {
    let mut out: Vec<Edit> = Vec::new();
    for edit in edits.iter().map(|e| pad_in_cell(text, e, edits)) {
        if out
            .last()
            .is_none_or(|last| last.span.end <= edit.span.start)
        {
            out.push(edit);
        }
    }
    out
}

/// Line breaks as the source reads them: `\n`, `\r\n` or a lone `\r`.
const BREAKS: [char; 2] = ['\n', '\r'];

/// Widens an edit in a table cell over the spaces before the cell's closing `|`, taking
/// padding when the figure grows (keeping one space) and giving it back when it shrinks, if
/// the cell is padded (two or more spaces) or its row is as wide as a neighbouring row.
fn pad_in_cell(text: &str, edit: &Edit, all: &[Edit]) -> Edit {
    let figure = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit() || b == b'.');
    if !figure(&text[edit.span.clone()]) || !figure(&edit.replacement) {
        return edit.clone();
    }
    let line_start = text[..edit.span.start].rfind(BREAKS).map_or(0, |i| i + 1);
    let line_end = text[edit.span.end..]
        .find(BREAKS)
        .map_or(text.len(), |i| edit.span.end + i);
    let line = &text[line_start..line_end];
    let rest = &text[edit.span.end..line_start + line.len()];
    let Some(pipe) = rest.find('|') else {
        return edit.clone();
    };
    // Another edit before the pipe (edits are sorted by start) keeps the padding as it is.
    let next = all.partition_point(|o| o.span.start < edit.span.end);
    if !line.trim_start().starts_with('|')
        || all
            .get(next)
            .is_some_and(|o| o.span.start < edit.span.end + pipe)
    {
        return edit.clone();
    }
    let between = &rest[..pipe];
    let spaces = between.len() - between.trim_end_matches(' ').len();
    let keep = &between[..between.len() - spaces];
    let written = edit.replacement.chars().count() as isize
        - text[edit.span.clone()].chars().count() as isize;
    let padding = if written > 0 {
        let take = (written as usize).min(spaces.saturating_sub(1));
        spaces - take
    } else if written < 0 && (spaces >= 2 || aligned_with_neighbour(text, line_start, line)) {
        spaces + written.unsigned_abs()
    } else {
        return edit.clone();
    };
    Edit {
        span: edit.span.start..edit.span.end + between.len(),
        replacement: format!("{}{keep}{}", edit.replacement, " ".repeat(padding)),
        applicability: edit.applicability,
    }
}

/// Whether a table row is as wide (in characters) as the row above or below it.
fn aligned_with_neighbour(text: &str, line_start: usize, line: &str) -> bool {
    let width = line.chars().count();
    let before = &text[..line_start];
    let before = before.strip_suffix('\n').unwrap_or(before);
    let before = before.strip_suffix('\r').unwrap_or(before);
    let above = (line_start > 0).then(|| before.rsplit(BREAKS).next().unwrap_or(before));
    let rest = &text[line_start + line.len()..];
    let rest = rest
        .strip_prefix("\r\n")
        .or_else(|| rest.strip_prefix(BREAKS))
        .filter(|r| !r.is_empty());
    let below = rest.map(|r| r.split(BREAKS).next().unwrap_or(r));
    [above, below]
        .into_iter()
        .flatten()
        .any(|l| l.trim_start().starts_with('|') && l.chars().count() == width)
}

#[cfg(test)]
mod tests;
