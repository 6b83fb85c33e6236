//! `parent-child-drift`: a ticked item with unticked children, or an unticked item whose
//! children are all ticked. Never fixed: `fix` does not tick or untick items.

use super::figures::lines_list;
use super::rule::{Context, Fixable, Rule};
use crate::diagnostic::Diagnostic;
use crate::model::{UnitIdx, UnitKind};
use crate::vocab::State;

pub(crate) static RULE: Rule = Rule {
    code: "TRK005",
    name: "parent-child-drift",
    summary: "An item's tick disagrees with its sub-items",
    fixable: Fixable::Never,
    doc: include_str!("../../docs/rules/parent-child-drift.md"),
    check: super::rule::Check::Document(check),
};

fn check(ctx: &Context) -> Vec<Diagnostic> {
    let doc = ctx.doc;
    (0..doc.units.len())
        .filter(|&u| doc.unit(u).kind == UnitKind::Item)
        .filter_map(|u| check_item(ctx, u))
        .collect()
}

/// Reports only when every counting policy shows the drift (optional and cancelled children
/// may explain it).
fn check_item(ctx: &Context, item: UnitIdx) -> Option<Diagnostic> {
    let unit = ctx.doc.unit(item);
    let marker = unit.marker.as_ref()?;
    let children: Vec<UnitIdx> = unit
        .children
        .iter()
        .copied()
        .filter(|&c| ctx.doc.unit(c).is_item())
        .collect();
    let state = marker.state;
    if children.is_empty() || matches!(state, State::Blocked | State::Cancelled) {
        return None;
    }
    let mut message = None;
    for &policy in &ctx.resolver.counting.policies {
        let states: Vec<(State, usize)> = children
            .iter()
            .filter_map(|&c| Some((ctx.resolver.eval(c, policy)?.state, ctx.doc.unit(c).line)))
            .collect();
        let undone: Vec<usize> = states
            .iter()
            .filter(|(s, _)| *s != State::Done)
            .map(|(_, l)| *l)
            .collect();
        let drift = match state {
            State::Done => !undone.is_empty(),
            _ => !states.is_empty() && undone.is_empty(),
        };
        if !drift {
            return None;
        }
        message.get_or_insert_with(|| match state {
            // `- [/] 2.` or Kiro's `- [-] 2.` over sub-items that are all done.
            State::InProgress => format!(
                "marked {} (in progress), but all {} of its sub-items are done",
                &ctx.doc.source.text[marker.span.clone()],
                states.len()
            ),
            State::Done => format!(
                "ticked, but {} of its {} sub-items are not done ({})",
                undone.len(),
                states.len(),
                lines_list(&undone)
            ),
            _ => format!(
                "not ticked, but all {} of its sub-items are done",
                states.len()
            ),
        });
    }
    Some(Diagnostic::new(&RULE, marker.span.clone(), message?))
}
