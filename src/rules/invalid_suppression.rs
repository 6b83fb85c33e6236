//! `invalid-suppression`: a `tracker-disable` comment names a rule that does not exist, so it
//! would silently suppress nothing.

use super::{Context, Fixable, Rule};
use crate::diagnostic::Diagnostic;

pub(crate) static RULE: Rule = Rule {
    code: "TRK008",
    name: "invalid-suppression",
    summary: "A suppression comment names an unknown rule",
    fixable: Fixable::Never,
    doc: include_str!("../../docs/rules/invalid-suppression.md"),
    check,
};

/// Suppression comments are read with the file's other directives (see `suppress`); this
/// rule's findings are made there, since they need no model.
fn check(_ctx: &Context) -> Vec<Diagnostic> {
    Vec::new()
}
