//! Progress: what a unit or the whole document has done, as a fraction, and what that
//! fraction averages over. The document reads its outermost kind of unit (its phases, else
//! epics, else tasks) where those list work, and its items otherwise.

use super::policy::Policy;
use super::readings::CountReading;
use super::resolver::Resolver;
use crate::model::{ROOT, UnitIdx};
use crate::vocab::State;
use crate::vocab::kinds;

impl Resolver<'_> {
    /// Whether some progress reading of a unit satisfies `agrees`: its own aggregate under
    /// each policy, its items, its leaves, and each kind of unit under it. Readings are made
    /// in that order and only until one agrees, since nearly every claim agrees with the first.
    pub fn progress_agrees(&self, scope: UnitIdx, agrees: impl Fn(f64, f64) -> bool) -> bool {
        let aggregate = self.counting.policies.iter().any(|&policy| {
            self.scope_eval(scope, policy)
                .is_some_and(|e| agrees(e.lo, e.hi))
        });
        if aggregate {
            return true;
        }
        let ratio_agrees = |r: &CountReading| r.ratio().is_some_and(|x| agrees(x, x));
        if self.some_count_reading(&[scope], None, true, ratio_agrees) {
            return true;
        }
        self.kinds_under(scope)
            .iter()
            .any(|k| self.some_count_reading(&[scope], Some(k), true, ratio_agrees))
    }

    /// Whether a unit has any progress reading at all.
    pub fn has_progress(&self, scope: UnitIdx) -> bool {
        self.progress_agrees(scope, |_, _| true)
    }

    /// A unit's aggregate; for the document, the average over its outermost kind of unit
    /// (its phases, else epics, else tasks) as SPEC 4.2 reads a document-wide percentage,
    /// or its items where none of those units lists work.
    pub fn scope_eval(&self, scope: UnitIdx, policy: Policy) -> Option<crate::resolve::Eval> {
        match (scope == ROOT).then(|| self.outer_units(policy)).flatten() {
            Some((units, _)) => self.aggregate_units(&units, policy),
            None => self.eval(scope, policy),
        }
    }

    /// The document's units of its outermost kind, and the kind, where any of them lists work.
    fn outer_units(&self, policy: Policy) -> Option<(Vec<UnitIdx>, String)> {
        let kind = self.outermost_kind()?;
        let units = self.kinded_units(ROOT, &kind).to_vec();
        let working = units.iter().any(|&u| self.eval(u, policy).is_some());
        working.then_some((units, kind))
    }

    /// The outermost kind of id-bearing unit in the document, below the document's own kind
    /// (found once).
    pub fn outermost_kind(&self) -> Option<String> {
        self.per_scope
            .outermost_kind
            .get_or_init(|| self.find_outermost_kind())
            .clone()
    }

    fn find_outermost_kind(&self) -> Option<String> {
        let own = self
            .doc
            .unit(ROOT)
            .id
            .as_ref()
            .and_then(|id| id.kind.clone());
        let present = |k: &str| {
            self.doc.units.iter().any(|u| {
                u.parent.is_some() && u.id.as_ref().and_then(|i| i.kind.as_deref()) == Some(k)
            })
        };
        kinds::outermost_order()
            .into_iter()
            .find(|k| own.as_deref() != Some(*k) && present(k))
            .map(|k| k.to_string())
    }

    /// The units a scope's progress averages over, and how many are done, for messages.
    pub fn progress_basis(&self, scope: UnitIdx, policy: Policy) -> (usize, usize, String) {
        let (units, noun) = match (scope == ROOT).then(|| self.outer_units(policy)).flatten() {
            Some(found) => found,
            None => {
                let units: Vec<UnitIdx> = self
                    .doc
                    .unit(scope)
                    .children
                    .iter()
                    .copied()
                    .filter(|&c| self.eval(c, policy).is_some())
                    .collect();
                let kinds: Vec<Option<&str>> = units
                    .iter()
                    .map(|&u| self.doc.unit(u).id.as_ref().and_then(|i| i.kind.as_deref()))
                    .collect();
                let noun = match kinds.first() {
                    Some(Some(k)) if kinds.iter().all(|x| x == &Some(*k)) => k.to_string(),
                    _ if units.iter().all(|&u| self.doc.unit(u).is_item()) => "item".to_string(),
                    _ => "part".to_string(),
                };
                (units, noun)
            }
        };
        let evals: Vec<_> = units.iter().filter_map(|&u| self.eval(u, policy)).collect();
        let done = evals.iter().filter(|e| e.state == State::Done).count();
        let noun = if evals.len() == 1 {
            noun
        } else {
            format!("{noun}s")
        };
        (evals.len(), done, noun)
    }
}
