//! What a rule is and what it reads: the one interface every rule file implements.

use crate::diagnostic::{Diagnostic, RuleId};
use crate::graph::Graph;
use crate::model::{Claim, CriticalPathDecl, Document};
use crate::resolve::Resolver;
use crate::source::SourceFile;
use crate::suppress::Suppressions;
use crate::vocab::Vocab;

/// What a document rule reads: the document, the resolver over it, the vocabulary, and the
/// document's suppression comments.
pub struct Context<'a> {
    pub doc: &'a Document,
    pub resolver: &'a Resolver<'a>,
    pub vocab: &'a Vocab,
    pub suppressions: &'a Suppressions,
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
    /// How findings name the rule.
    pub const fn id(&self) -> RuleId {
        RuleId {
            code: self.code,
            name: self.name,
        }
    }

    /// Whether the rule reads one document at a time (else the graph of all of them).
    pub fn reads_one_document(&self) -> bool {
        matches!(self.check, Check::Document(_))
    }

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

impl From<&Rule> for RuleId {
    fn from(rule: &Rule) -> Self {
        rule.id()
    }
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
