//! Checking one document: run the selected rules, drop suppressed findings, apply severities.

use crate::diagnostic::{Diagnostic, Severity};
use crate::model::Document;
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

/// Every finding in a document, in source order.
pub fn check_document(doc: &Document, vocab: &Vocab, settings: &RuleSettings) -> Vec<Diagnostic> {
    let resolver = Resolver::new(doc, settings.counting.clone());
    let ctx = Context {
        doc,
        resolver: &resolver,
        vocab,
    };
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
