//! `invalid-suppression`: a `tracker-disable` comment names a rule that does not exist, so it
//! would silently suppress nothing.

use super::rule::{Context, Fixable, Rule};
use crate::diagnostic::Diagnostic;

pub(crate) static RULE: Rule = Rule {
    code: "TRK008",
    name: "invalid-suppression",
    summary: "A suppression comment names an unknown rule",
    fixable: Fixable::Never,
    doc: include_str!("../../docs/rules/invalid-suppression.md"),
    check: super::rule::Check::Document(check),
};

fn check(ctx: &Context) -> Vec<Diagnostic> {
    ctx.suppressions
        .unknown
        .iter()
        .map(|(span, name)| {
            let message =
                format!("unknown rule `{name}` in a suppression comment; it suppresses nothing");
            Diagnostic::new(&RULE, span.clone(), message)
        })
        .collect()
}
