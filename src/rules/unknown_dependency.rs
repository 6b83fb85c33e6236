//! `unknown-dependency`: a dependency that names no unit in its file or the others checked.

use super::rule::{Fixable, GraphContext, Rule};
use crate::diagnostic::Diagnostic;

pub(crate) static RULE: Rule = Rule {
    code: "TRK102",
    name: "unknown-dependency",
    summary: "A dependency that names no unit",
    fixable: Fixable::Never,
    doc: include_str!("../../docs/rules/unknown-dependency.md"),
    check: super::rule::Check::Graph(check),
};

fn check(ctx: &GraphContext) -> Vec<Diagnostic> {
    ctx.graph
        .unknown
        .iter()
        .filter(|u| u.doc == ctx.index)
        .map(|u| {
            let written = &ctx.source.text[u.reference.span.clone()];
            let message = format!("`{written}` names no unit in this file or in another tracker");
            Diagnostic::new(&RULE, u.reference.span.clone(), message)
        })
        .collect()
}
