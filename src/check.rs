//! Checking one document: run the selected rules, drop suppressed findings, apply severities.

use crate::diagnostic::{Diagnostic, Severity};
use crate::graph::Graph;
use crate::model::Document;
use crate::panic::Internal;
use crate::resolve::{Counting, Resolver};
use crate::rules::{Context, RULES, Rule};
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
    let mut resolvers: Vec<(usize, Resolver)> =
        crate::parallel::map(all.iter().copied().enumerate().collect(), |(i, d)| {
            (i, Resolver::new(d, settings.counting.clone()))
        });
    let pairs: Vec<(&Document, &Resolver)> = all
        .iter()
        .copied()
        .zip(resolvers.iter().map(|(_, r)| r))
        .collect();
    let graph = Graph::build(&pairs);
    // Each resolver (with its memo) is used by one thread at a time.
    let found = crate::parallel::map_mut(&mut resolvers[..docs.len()], |(i, r)| {
        crate::panic::catch(|| check_one(all[*i], r, &graph, *i, vocab, settings))
    });
    crate::parallel::map(resolvers, drop);
    found
}

fn check_one(
    doc: &Document,
    resolver: &Resolver,
    graph: &Graph,
    index: usize,
    vocab: &Vocab,
    settings: &RuleSettings,
) -> Vec<Diagnostic> {
    let ctx = Context {
        doc,
        resolver,
        vocab,
        graph,
        index,
    };
    crate::debug_hooks::panic_at("check", &doc.source.path);
    let suppressions = Suppressions::read(doc);
    let mut out = Vec::new();
    for (rule, severity) in &settings.enabled {
        for mut d in (rule.check)(&ctx) {
            if !suppressions.suppressed(rule, doc.source.line_of(d.span.start)) {
                d.severity = *severity;
                out.push(d);
            }
        }
    }
    out.sort_by(|a, b| (a.span.start, a.rule.code).cmp(&(b.span.start, b.rule.code)));
    out
}
