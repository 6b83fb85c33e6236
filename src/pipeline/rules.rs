//! Running the rules over one document: the selected rules at their severity, findings that
//! a comment suppresses dropped.

use crate::diagnostic::{Diagnostic, Severity};
use crate::graph::Graph;
use crate::model::{CriticalPathDecl, Document};
use crate::panic::Internal;
use crate::resolve::Resolver;
use crate::rules::{self, Check, Context, GraphContext, Rule};
use crate::source::SourceFile;
use crate::suppress::Suppressions;

use super::settings::Settings;

/// A document's findings from the rules that read it alone, and what the graph rules need
/// of it: all that is kept of it until the graph of every document is built.
#[derive(Debug)]
pub struct Local {
    found: Result<Vec<Diagnostic>, Internal>,
    suppressions: Suppressions,
    critical_paths: Vec<CriticalPathDecl>,
}

impl Local {
    /// What the graph rules need of `doc`, with findings its document rules already made
    /// (as `fix` has, for the text it settled on); findings of graph rules among them are
    /// left out, for the graph of every document to make again.
    pub fn of_findings(doc: &Document, found: Vec<Diagnostic>, s: &Settings) -> Self {
        let by_document_rule = |d: &Diagnostic| {
            s.rules
                .enabled
                .iter()
                .any(|(r, _)| r.code == d.rule.code && r.reads_one_document())
        };
        Local {
            found: Ok(found.into_iter().filter(by_document_rule).collect()),
            suppressions: Suppressions::read(doc, rules::find_id),
            critical_paths: doc.critical_paths.clone(),
        }
    }

    pub(super) fn into_found(self) -> Result<Vec<Diagnostic>, Internal> {
        self.found
    }
}

/// Runs the document rules over one document.
pub(super) fn document_rules(doc: &Document, resolver: &Resolver, s: &Settings) -> Local {
    let checked = crate::panic::catch(|| {
        crate::debug_hooks::panic_at("check", &doc.source.path);
        let suppressions = Suppressions::read(doc, rules::find_id);
        let ctx = Context {
            doc,
            resolver,
            vocab: &s.vocab,
            suppressions: &suppressions,
        };
        let mut out = Vec::new();
        for (rule, severity) in &s.rules.enabled {
            if let Check::Document(check) = rule.check {
                keep(
                    check(&ctx),
                    rule,
                    *severity,
                    &suppressions,
                    &doc.source,
                    &mut out,
                );
            }
        }
        (out, suppressions)
    });
    let (found, suppressions) = match checked {
        Ok((out, suppressions)) => (Ok(out), suppressions),
        Err(internal) => (Err(internal), Suppressions::default()),
    };
    Local {
        found,
        suppressions,
        critical_paths: doc.critical_paths.clone(),
    }
}

/// Runs the graph rules for the document that is `index` in `graph`, and adds their findings
/// to its own, in source order.
pub(super) fn graph_rules(
    local: Local,
    source: &SourceFile,
    graph: &Graph,
    index: usize,
    s: &Settings,
) -> Result<Vec<Diagnostic>, Internal> {
    let mut out = local.found?;
    let ctx = GraphContext {
        source,
        critical_paths: &local.critical_paths,
        vocab: &s.vocab,
        graph,
        index,
    };
    crate::panic::catch(|| {
        for (rule, severity) in &s.rules.enabled {
            if let Check::Graph(check) = rule.check {
                let found = check(&ctx);
                keep(
                    found,
                    rule,
                    *severity,
                    &local.suppressions,
                    source,
                    &mut out,
                );
            }
        }
        out.sort_by(|a, b| (a.span.start, a.rule.code).cmp(&(b.span.start, b.rule.code)));
        out
    })
}

/// Adds a rule's findings that no comment suppresses, at the severity asked for.
fn keep(
    found: Vec<Diagnostic>,
    rule: &Rule,
    severity: Severity,
    suppressions: &Suppressions,
    source: &SourceFile,
    out: &mut Vec<Diagnostic>,
) {
    for mut d in found {
        if !suppressions.suppressed(rule.id(), source.line_of(d.span.start)) {
            d.severity = severity;
            out.push(d);
        }
    }
}
