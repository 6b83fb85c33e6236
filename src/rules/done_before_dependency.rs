//! `done-before-dependency`: a unit marked done while something it depends on is not.

use super::rule::{Fixable, GraphContext, Rule};
use crate::diagnostic::Diagnostic;
use crate::graph::short_id;
use crate::vocab::State;

pub(crate) static RULE: Rule = Rule {
    code: "TRK103",
    name: "done-before-dependency",
    summary: "A unit done while a unit it depends on is not",
    fixable: Fixable::Never,
    doc: include_str!("../../docs/rules/done-before-dependency.md"),
    check: super::rule::Check::Graph(check),
};

/// A dependency that some view declares done (a table row, a summary item) is left out:
/// the unit disagrees with itself, which `status-drift` reports.
fn check(ctx: &GraphContext) -> Vec<Diagnostic> {
    let g = ctx.graph;
    let mut out = Vec::new();
    for n in g.doc_nodes(ctx.index) {
        let node = &g.nodes[n];
        if node.state != Some(State::Done) {
            continue;
        }
        let mut waiting: Vec<usize> = g
            .dependencies(n)
            .filter(|&p| {
                g.nodes[p]
                    .state
                    .is_some_and(|s| s != State::Done && s != State::Cancelled)
                    && !g.nodes[p].declared_done
            })
            .collect();
        if waiting.is_empty() {
            continue;
        }
        waiting.sort_by_cached_key(|&p| crate::graph::id_key(&g.nodes[p].id));
        let names: Vec<String> = waiting
            .iter()
            .map(|&p| {
                format!(
                    "{} ({})",
                    short_id(&g.nodes[p].id),
                    g.nodes[p].state.unwrap_or(State::Open)
                )
            })
            .collect();
        let span = node.marker.clone().unwrap_or_else(|| node.span.clone());
        let message = format!(
            "{} is done, but it depends on {}",
            short_id(&node.id),
            names.join(", ")
        );
        out.push(Diagnostic::new(&RULE, span, message));
    }
    out
}
