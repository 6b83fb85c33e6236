//! The rule registry: one file per rule, each a pure function of the parsed document.

mod checkbox_syntax;
mod count_mismatch;
mod critical_path_mismatch;
mod dependency_cycle;
mod done_before_dependency;
mod figures;
mod invalid_suppression;
mod mojibake;
mod parent_child_drift;
mod percent_mismatch;
mod rule;
mod status_drift;
mod total_mismatch;
mod unknown_dependency;

use crate::diagnostic::RuleId;

pub use rule::{Check, Context, Fixable, GraphContext, Rule};

/// Every rule, in code order.
pub static RULES: &[&Rule] = &[
    &count_mismatch::RULE,
    &percent_mismatch::RULE,
    &total_mismatch::RULE,
    &status_drift::RULE,
    &parent_child_drift::RULE,
    &checkbox_syntax::RULE,
    &mojibake::RULE,
    &invalid_suppression::RULE,
    &dependency_cycle::RULE,
    &unknown_dependency::RULE,
    &done_before_dependency::RULE,
    &critical_path_mismatch::RULE,
];

/// Rules whose findings mean a declared figure differs from the computed one.
static DECLARED_FIGURES: &[&Rule] = &[
    &count_mismatch::RULE,
    &percent_mismatch::RULE,
    &total_mismatch::RULE,
    &status_drift::RULE,
];

/// Whether a finding of `rule` says a declared figure differs from the computed one.
pub fn declares_figure(rule: RuleId) -> bool {
    DECLARED_FIGURES.iter().any(|r| r.id() == rule)
}

/// A rule by code (`TRK001`) or name (`count-mismatch`), case-insensitively.
pub fn find(name: &str) -> Option<&'static Rule> {
    RULES
        .iter()
        .copied()
        .find(|r| r.code.eq_ignore_ascii_case(name) || r.name.eq_ignore_ascii_case(name))
}

/// As [`find`], the rule as findings name it.
pub fn find_id(name: &str) -> Option<RuleId> {
    find(name).map(Rule::id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_and_names_are_unique() {
        for (i, a) in RULES.iter().enumerate() {
            for b in &RULES[i + 1..] {
                assert_ne!(a.code, b.code);
                assert_ne!(a.name, b.name);
            }
            assert!(
                a.doc.starts_with(&format!("# {} ({})", a.name, a.code)),
                "{} page title",
                a.name
            );
        }
    }
}
