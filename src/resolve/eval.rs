//! Computed state and progress of a unit under one counting policy.
//!
//! An item takes its own marker; a section, scope or the document aggregates its children:
//! done when all counted children are done, open when none has started, in progress
//! otherwise. Progress is an interval, because an in-progress item without sub-items is
//! somewhere between 0% and 100%; a percentage agrees when it falls inside.

use super::memo::Slot;
use super::policy::{Cancelled, Policy};
use super::readings::Eval;
use super::resolver::Resolver;
use crate::model::{ROOT, UnitIdx, UnitKind};
use crate::vocab::State;

impl Resolver<'_> {
    /// The computed state of a unit, or `None` when nothing under it is counted (or the unit
    /// itself does not count under this policy).
    pub fn eval(&self, unit: UnitIdx, policy: Policy) -> Option<Eval> {
        let p = self
            .counting
            .policies
            .iter()
            .position(|q| *q == policy)
            .expect("policies come from the counting");
        {
            let mut memo = self.memo.borrow_mut();
            // Each policy's memo is made when first asked for: most documents are read
            // under the first policy only.
            if memo[p].is_empty() {
                memo[p] = vec![Slot::Empty; self.doc.units.len()];
            }
            match memo[p][unit] {
                Slot::Done(cached) => return cached,
                // A cycle through rows and entities: this unit is being evaluated further up.
                Slot::Busy => return None,
                Slot::Empty => memo[p][unit] = Slot::Busy,
            }
        }
        let result = self.compute(unit, policy);
        self.memo.borrow_mut()[p][unit] = Slot::Done(result);
        result
    }

    fn compute(&self, unit: UnitIdx, policy: Policy) -> Option<Eval> {
        let u = self.doc.unit(unit);
        if u.optional && !policy.optional && unit != ROOT {
            return None;
        }
        match u.kind {
            UnitKind::Item => self.item(unit, policy),
            UnitKind::Row => self.row(unit, policy),
            _ => self
                .aggregate(&u.children, policy)
                .or_else(|| self.declared_leaf(unit, policy)),
        }
    }

    /// A named section without work (`### Phase 04` with `**Status**: 🟡 In progress` and
    /// prose) is as far along as it says: its own status is the only evidence there is,
    /// and counts of its kind read it.
    fn declared_leaf(&self, unit: UnitIdx, policy: Policy) -> Option<Eval> {
        let state = counted_state(*self.declared.get(&unit)?, policy)?;
        Some(Eval::leaf(state))
    }

    fn item(&self, unit: UnitIdx, policy: Policy) -> Option<Eval> {
        let u = self.doc.unit(unit);
        let state = counted_state(u.marker.as_ref()?.state, policy)?;
        if state == State::Done || !policy.nested {
            return Some(Eval::leaf(state));
        }
        match self.aggregate(&u.children, policy) {
            Some(children) => Some(Eval { state, ..children }),
            None => Some(Eval::leaf(state)),
        }
    }

    /// A row is a view: it takes the state of its entity's truth, unless it is the truth.
    fn row(&self, unit: UnitIdx, policy: Policy) -> Option<Eval> {
        let truth = self.entity_of(unit).and_then(|e| e.truth);
        match truth {
            Some(t) if t != unit && !self.is_ancestor(t, unit) => self.eval(t, policy),
            _ => counted_state(self.doc.unit(unit).marker.as_ref()?.state, policy).map(Eval::leaf),
        }
    }

    /// Children weighted equally, each with its own progress (org-mode's default). A child
    /// whose only evidence is its own declared status is not the parent's work: the parent's
    /// status would otherwise agree with its sections' words rather than with their boxes.
    pub(crate) fn aggregate(&self, children: &[UnitIdx], policy: Policy) -> Option<Eval> {
        let worked = children.iter().filter(|&&c| !self.declared_only(c, policy));
        self.average(worked.copied(), policy)
    }

    /// Units of one kind weighted equally, those known by their declared status too: the
    /// document's phases, each as far along as it is or says.
    pub(crate) fn aggregate_units(&self, units: &[UnitIdx], policy: Policy) -> Option<Eval> {
        self.average(units.iter().copied(), policy)
    }

    /// Whether a unit's state comes from its declared status alone.
    pub(crate) fn declared_only(&self, unit: UnitIdx, policy: Policy) -> bool {
        self.declared.contains_key(&unit)
            && self
                .doc
                .unit(unit)
                .children
                .iter()
                .all(|&c| self.eval(c, policy).is_none())
    }

    fn average(&self, units: impl Iterator<Item = UnitIdx>, policy: Policy) -> Option<Eval> {
        let (mut n, mut lo, mut hi) = (0usize, 0.0, 0.0);
        let (mut all_done, mut none_started) = (true, true);
        for e in units.filter_map(|c| self.eval(c, policy)) {
            n += 1;
            lo += e.lo;
            hi += e.hi;
            all_done &= e.state == State::Done;
            none_started &= !e.state.started() && e.hi == 0.0;
        }
        if n == 0 {
            return None;
        }
        let state = if all_done {
            State::Done
        } else if none_started {
            State::Open
        } else {
            State::InProgress
        };
        let n = n as f64;
        Some(Eval {
            state,
            lo: lo / n,
            hi: hi / n,
        })
    }
}

/// The state a marker counts as, or `None` when the unit leaves the count.
pub(crate) fn counted_state(state: State, policy: Policy) -> Option<State> {
    match (state, policy.cancelled) {
        (State::Cancelled, Cancelled::Excluded) => None,
        (State::Cancelled, Cancelled::Done) => Some(State::Done),
        (State::Cancelled, Cancelled::Open) => Some(State::Open),
        (s, _) => Some(s),
    }
}
