//! The rule registry: one file per rule, each a pure function of the parsed document.

mod checkbox_syntax;
mod count_mismatch;
mod critical_path_mismatch;
mod dependency_cycle;
mod done_before_dependency;
mod invalid_suppression;
mod mojibake;
mod parent_child_drift;
mod percent_mismatch;
mod status_drift;
mod total_mismatch;
mod unknown_dependency;

use crate::diagnostic::Diagnostic;
use crate::graph::Graph;
use crate::model::{Claim, CriticalPathDecl, Document};
use crate::resolve::Resolver;
use crate::source::SourceFile;
use crate::vocab::Vocab;

/// What a document rule reads: the document, the resolver over it, and the vocabulary.
pub struct Context<'a> {
    pub doc: &'a Document,
    pub resolver: &'a Resolver<'a>,
    pub vocab: &'a Vocab,
}

/// What a graph rule reads: the dependency graph of every document checked together (this
/// one is `index` there), and of this document only its text and declared critical paths,
/// which is all that is kept of it once its own rules have run.
pub struct GraphContext<'a> {
    pub source: &'a SourceFile,
    pub critical_paths: &'a [CriticalPathDecl],
    pub vocab: &'a Vocab,
    pub graph: &'a Graph,
    pub index: usize,
}

/// How a rule checks: a document on its own, or the graph of all documents.
#[derive(Debug, Clone, Copy)]
pub enum Check {
    Document(fn(&Context) -> Vec<Diagnostic>),
    Graph(fn(&GraphContext) -> Vec<Diagnostic>),
}

/// Which fixes a rule can offer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fixable {
    Never,
    Safe,
    /// Safe for numbers, unsafe for status words and markers.
    Mixed,
}

/// A rule: stable code, kebab-case name, one-line summary, and its docs page.
#[derive(Debug)]
pub struct Rule {
    pub code: &'static str,
    pub name: &'static str,
    pub summary: &'static str,
    pub fixable: Fixable,
    /// The page under docs/rules/, shared with `tracker explain`.
    pub doc: &'static str,
    pub check: Check,
}

impl Rule {
    /// The "What it finds" section of the docs page, as one paragraph of plain text.
    pub fn what_it_finds(&self) -> String {
        let section = self
            .doc
            .split("## What it finds")
            .nth(1)
            .and_then(|rest| rest.split("\n## ").next())
            .unwrap_or(self.summary);
        let first = section.trim().split("\n\n").next().unwrap_or_default();
        first.split_whitespace().collect::<Vec<_>>().join(" ")
    }
}

/// Every rule, in code order.
pub static RULES: &[&Rule] = &[
    &count_mismatch::RULE,
    &percent_mismatch::RULE,
    &total_mismatch::RULE,
    &status_drift::RULE,
    &parent_child_drift::RULE,
    &checkbox_syntax::RULE,
    &mojibake::RULE,
    &invalid_suppression::RULE,
    &dependency_cycle::RULE,
    &unknown_dependency::RULE,
    &done_before_dependency::RULE,
    &critical_path_mismatch::RULE,
];

/// A rule by code (`TRK001`) or name (`count-mismatch`), case-insensitively.
pub fn find(name: &str) -> Option<&'static Rule> {
    RULES
        .iter()
        .copied()
        .find(|r| r.code.eq_ignore_ascii_case(name) || r.name.eq_ignore_ascii_case(name))
}

/// Runs a per-claim check over every claim of the document.
pub(crate) fn each_claim(
    ctx: &Context,
    check: fn(&Context, &Claim) -> Option<Diagnostic>,
) -> Vec<Diagnostic> {
    ctx.doc
        .claims
        .iter()
        .filter_map(|c| check(ctx, c))
        .collect()
}

/// Formats a figure as written: `66.7`, `50`.
pub(crate) fn format_percent(value: f64, decimals: u8) -> String {
    let scale = 10f64.powi(i32::from(decimals));
    let rounded = (value * scale + 0.5 + 1e-9).floor() / scale;
    let text = format!("{rounded:.*}", usize::from(decimals));
    if text.contains('.') {
        text.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        text
    }
}

/// Whether a declared percentage agrees with a progress interval (fractions 0..=1).
pub(crate) fn percent_agrees(declared: f64, decimals: u8, approx: bool, lo: f64, hi: f64) -> bool {
    let tolerance = if approx {
        5.0 + 1e-9
    } else {
        10f64.powi(-i32::from(decimals)) - 1e-9
    };
    declared > lo * 100.0 - tolerance && declared < hi * 100.0 + tolerance
}

/// "lines 12, 14, 19 and 3 more".
pub(crate) fn lines_list(lines: &[usize]) -> String {
    const SHOWN: usize = 5;
    let shown: Vec<String> = lines.iter().take(SHOWN).map(usize::to_string).collect();
    let word = if lines.len() == 1 { "line" } else { "lines" };
    match lines.len().saturating_sub(SHOWN) {
        0 => format!("{word} {}", shown.join(", ")),
        more => format!("{word} {} and {more} more", shown.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percent_formatting() {
        assert_eq!(format_percent(50.0, 1), "50");
        assert_eq!(format_percent(200.0 / 3.0, 1), "66.7");
        assert_eq!(format_percent(68.0, 0), "68");
        assert_eq!(format_percent(12.5, 0), "13");
    }

    #[test]
    fn percent_tolerance() {
        assert!(percent_agrees(66.0, 0, false, 2.0 / 3.0, 2.0 / 3.0));
        assert!(percent_agrees(67.0, 0, false, 2.0 / 3.0, 2.0 / 3.0));
        assert!(!percent_agrees(12.5, 1, false, 0.5, 0.5));
        assert!(percent_agrees(12.5, 1, false, 0.125, 0.125));
        assert!(!percent_agrees(67.0, 0, false, 0.66, 0.66));
        assert!(percent_agrees(70.0, 0, true, 0.68, 0.68));
        assert!(!percent_agrees(25.0, 0, true, 0.68, 0.68));
    }

    #[test]
    fn codes_and_names_are_unique() {
        for (i, a) in RULES.iter().enumerate() {
            for b in &RULES[i + 1..] {
                assert_ne!(a.code, b.code);
                assert_ne!(a.name, b.name);
            }
            assert!(
                a.doc.starts_with(&format!("# {} ({})", a.name, a.code)),
                "{} page title",
                a.name
            );
        }
    }
}
