//! `invalid-suppression`: a `tracker-disable` comment names a rule that does not exist, so it
//! would silently suppress nothing.

use super::{Context, Fixable, Rule};
use crate::diagnostic::Diagnostic;
use crate::suppress::Suppressions;

pub(crate) static RULE: Rule = Rule {
    code: "TRK008",
    name: "invalid-suppression",
    summary: "A suppression comment names an unknown rule",
    fixable: Fixable::Never,
    doc: include_str!("../../docs/rules/invalid-suppression.md"),
    check: super::Check::Document(check),
};

fn check(ctx: &Context) -> Vec<Diagnostic> {
    let unknown = Suppressions::read(ctx.doc).unknown;
    unknown
        .into_iter()
        .map(|(span, name)| {
            let message =
                format!("unknown rule `{name}` in a suppression comment; it suppresses nothing");
            Diagnostic::new(&RULE, span, message)
        })
        .collect()
}
