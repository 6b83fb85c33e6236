//! `checkbox-syntax`: task boxes GitHub does not render (`[]`, `[ x]`, `[X ]`).

use super::rule::{Context, Fixable, Rule};
use crate::diagnostic::{Diagnostic, Edit};

pub(crate) static RULE: Rule = Rule {
    code: "TRK006",
    name: "checkbox-syntax",
    summary: "A task box that GitHub does not render as a checkbox",
    fixable: Fixable::Safe,
    doc: include_str!("../../docs/rules/checkbox-syntax.md"),
    check: super::rule::Check::Document(check),
};

fn check(ctx: &Context) -> Vec<Diagnostic> {
    ctx.doc
        .bad_checkboxes
        .iter()
        .map(|b| {
            let written = &ctx.doc.source.text[b.span.clone()];
            let message = format!(
                "`{written}` is not a task box on GitHub; write `{}`",
                b.replacement
            );
            Diagnostic::new(&RULE, b.span.clone(), message)
                .with_edits(vec![Edit::safe(b.span.clone(), b.replacement)])
        })
        .collect()
}
