//! `dependency-cycle`: units that depend on each other in a circle, so none can start.

use super::rule::{Fixable, GraphContext, Rule};
use crate::diagnostic::Diagnostic;
use crate::graph::short_id;

pub(crate) static RULE: Rule = Rule {
    code: "TRK101",
    name: "dependency-cycle",
    summary: "Dependencies that form a cycle",
    fixable: Fixable::Never,
    doc: include_str!("../../docs/rules/dependency-cycle.md"),
    check: super::rule::Check::Graph(check),
};

/// Each cycle is reported once, in the document of its smallest id.
fn check(ctx: &GraphContext) -> Vec<Diagnostic> {
    let g = ctx.graph;
    g.cycles()
        .iter()
        .filter(|c| g.nodes[c.nodes[0]].doc == ctx.index)
        .map(|c| {
            let first = &g.nodes[c.nodes[0]];
            let message = if c.nodes.len() == 1 {
                format!("{} depends on itself", short_id(&first.id))
            } else {
                let chain: Vec<String> = c
                    .nodes
                    .iter()
                    .chain(std::iter::once(&c.nodes[0]))
                    .map(|&n| short_id(&g.nodes[n].id))
                    .collect();
                format!("dependency cycle: {}", chain.join(" → "))
            };
            Diagnostic::new(&RULE, first.span.clone(), message)
        })
        .collect()
}
