//! Checking one document: run the selected rules, drop suppressed findings, apply severities.

use crate::diagnostic::{Diagnostic, Severity};
use crate::graph::{Graph, Part};
use crate::model::{CriticalPathDecl, Document};
use crate::panic::Internal;
use crate::resolve::{Counting, Resolver};
use crate::rules::{Check, Context, GraphContext, RULES, Rule};
use crate::source::SourceFile;
use crate::suppress::Suppressions;
use crate::vocab::Vocab;

/// Which rules run and at what severity, and how units count.
#[derive(Debug, Clone)]
pub struct RuleSettings {
    /// Enabled rules with their severity.
    pub enabled: Vec<(&'static Rule, Severity)>,
    pub counting: Counting,
}

impl Default for RuleSettings {
    fn default() -> Self {
        Self {
            enabled: RULES.iter().map(|r| (*r, Severity::Error)).collect(),
            counting: Counting::default(),
        }
    }
}

/// Every finding in a document checked on its own, in source order.
pub fn check_document(doc: &Document, vocab: &Vocab, settings: &RuleSettings) -> Vec<Diagnostic> {
    check_project(&[doc], vocab, settings)
        .pop()
        .unwrap_or_default()
}

/// Every finding in each of several documents checked together: references between them
/// resolve, and the dependency graph spans them all.
pub fn check_project(
    docs: &[&Document],
    vocab: &Vocab,
    settings: &RuleSettings,
) -> Vec<Vec<Diagnostic>> {
    check_with_context(docs, &[], vocab, settings)
        .into_iter()
        .map(|found| found.unwrap_or_else(|internal| internal.resume()))
        .collect()
}

/// As [`check_project`], with `context`: other documents that references may name, which
/// are part of the graph but are not checked themselves. A panic while checking one
/// document is that document's [`Internal`] error; the others are still checked.
pub fn check_with_context(
    docs: &[&Document],
    context: &[&Document],
    vocab: &Vocab,
    settings: &RuleSettings,
) -> Vec<Result<Vec<Diagnostic>, Internal>> {
    let all: Vec<&Document> = docs.iter().chain(context).copied().collect();
    let checked: Vec<(Option<Local>, Part)> =
        crate::parallel::map(all.iter().copied().enumerate().collect(), |(i, doc)| {
            let resolver = Resolver::new(doc, settings.counting.clone());
            let local = (i < docs.len()).then(|| check_local(doc, &resolver, vocab, settings));
            (local, Part::of(doc, &resolver))
        });
    let (locals, parts): (Vec<_>, Vec<_>) = checked.into_iter().unzip();
    let graph = Graph::from_parts(parts);
    let pending: Vec<_> = locals.into_iter().flatten().enumerate().collect();
    crate::parallel::map(pending, |(i, local)| {
        check_graph(local, &docs[i].source, &graph, i, vocab, settings)
    })
}

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
    pub fn of_findings(doc: &Document, found: Vec<Diagnostic>) -> Self {
        let found = found
            .into_iter()
            .filter(|d| matches!(d.rule.check, Check::Document(_)))
            .collect();
        Local {
            found: Ok(found),
            suppressions: Suppressions::read(doc),
            critical_paths: doc.critical_paths.clone(),
        }
    }
}

/// The findings of the document rules alone over one document, in source order: all that
/// can be fixed in a document that declares no critical path (no other graph rule offers a
/// fix). Also the document's part of the graph, made from the same resolver.
pub fn check_document_rules(
    doc: &Document,
    vocab: &Vocab,
    settings: &RuleSettings,
) -> (Vec<Diagnostic>, Part) {
    let resolver = Resolver::new(doc, settings.counting.clone());
    let mut found = check_local(doc, &resolver, vocab, settings)
        .found
        .unwrap_or_else(|internal| internal.resume());
    found.sort_by(|a, b| (a.span.start, a.rule.code).cmp(&(b.span.start, b.rule.code)));
    (found, Part::of(doc, &resolver))
}

/// Runs the document rules over one document.
pub fn check_local(
    doc: &Document,
    resolver: &Resolver,
    vocab: &Vocab,
    settings: &RuleSettings,
) -> Local {
    let checked = crate::panic::catch(|| {
        crate::debug_hooks::panic_at("check", &doc.source.path);
        let suppressions = Suppressions::read(doc);
        let ctx = Context {
            doc,
            resolver,
            vocab,
        };
        let mut out = Vec::new();
        for (rule, severity) in &settings.enabled {
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
pub fn check_graph(
    local: Local,
    source: &SourceFile,
    graph: &Graph,
    index: usize,
    vocab: &Vocab,
    settings: &RuleSettings,
) -> Result<Vec<Diagnostic>, Internal> {
    let mut out = local.found?;
    let ctx = GraphContext {
        source,
        critical_paths: &local.critical_paths,
        vocab,
        graph,
        index,
    };
    crate::panic::catch(|| {
        for (rule, severity) in &settings.enabled {
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
        if !suppressions.suppressed(rule, source.line_of(d.span.start)) {
            d.severity = severity;
            out.push(d);
        }
    }
}
