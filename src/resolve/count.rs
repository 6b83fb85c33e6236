//! Readings of counts and percentages: what a claim's units add up to, in every documented
//! way of counting them (SPEC 4.2 and 4.3). A claim is reported only when no reading agrees.

use super::eval::counted_state;
use super::readings::{Basis, CountReading, Readings};
use super::{Policy, Resolver};
use crate::model::{ROOT, UnitIdx};
use crate::parse::kind_of;
use crate::vocab::State;

impl Resolver<'_> {
    /// Counts `noun` (or items, with no noun) under each scope view. `any_noun` allows nouns
    /// that name neither a unit kind nor work (headings and bold labels state them plainly).
    pub fn count_readings(
        &self,
        scopes: &[UnitIdx],
        noun: Option<&str>,
        any_noun: bool,
    ) -> Readings {
        let mut all = Vec::new();
        self.each_count_reading(scopes, noun, any_noun, |r| {
            all.push(r);
            false
        });
        Readings { all }
    }

    /// Whether some reading of [`Resolver::count_readings`] satisfies `agrees`. Readings are
    /// made in order and only until one does: nearly every claim agrees with the first, and
    /// a claim that agrees needs nothing else.
    pub fn some_count_reading(
        &self,
        scopes: &[UnitIdx],
        noun: Option<&str>,
        any_noun: bool,
        agrees: impl Fn(&CountReading) -> bool,
    ) -> bool {
        self.each_count_reading(scopes, noun, any_noun, |r| agrees(&r))
    }

    /// The readings of [`Resolver::count_readings`], in order, each handed to `visit` until
    /// it returns true. Returns whether it did.
    fn each_count_reading(
        &self,
        scopes: &[UnitIdx],
        noun: Option<&str>,
        any_noun: bool,
        mut visit: impl FnMut(CountReading) -> bool,
    ) -> bool {
        let kind = noun.and_then(kind_of);
        let mut stop = |r: CountReading| r.total > 0 && visit(r);
        for &scope in scopes {
            let kinded = kind
                .as_deref()
                .map(|k| self.kinded_units(scope, k))
                .filter(|u| !u.is_empty());
            let items = self.top_items(scope);
            let sized = noun.is_some_and(|n| items.iter().any(|&i| self.size_in(i, n).is_some()));
            let noun_ok = noun.is_none_or(|n| {
                any_noun || kind.is_some() || sized || crate::parse::is_work_noun(n)
            });
            let mut leaves = None;
            for &policy in &self.counting.policies {
                if let Some(units) = &kinded {
                    let basis = Basis::Kind(kind.as_deref().unwrap_or_default().to_string());
                    if stop(self.tally(units, policy, basis, scope, |_| 1)) {
                        return true;
                    }
                }
                if noun_ok && !items.is_empty() {
                    let weight = |i: UnitIdx| {
                        noun.and_then(|n| self.size_in(i, n))
                            .or(self.doc.unit(i).placeholder)
                            .unwrap_or(1)
                    };
                    if stop(self.tally(&items, policy, Basis::Items, scope, weight)) {
                        return true;
                    }
                    let leaves = leaves.get_or_insert_with(|| self.leaves(scope));
                    if leaves.len() != items.len()
                        && stop(self.tally(leaves, policy, Basis::Leaves, scope, |_| 1))
                    {
                        return true;
                    }
                }
            }
        }
        false
    }

    fn tally(
        &self,
        units: &[UnitIdx],
        policy: Policy,
        basis: Basis,
        scope: UnitIdx,
        weight: impl Fn(UnitIdx) -> u64,
    ) -> CountReading {
        let mut r = CountReading {
            policy,
            basis,
            scope,
            done: 0,
            in_progress: 0,
            open: 0,
            total: 0,
            open_lines: Vec::new(),
        };
        for &u in units {
            let Some(e) = self.eval(u, policy) else {
                continue;
            };
            let w = weight(u);
            r.total += w;
            match e.state {
                State::Done => r.done += w,
                State::InProgress => r.in_progress += w,
                _ => r.open += w,
            }
            if e.state != State::Done {
                r.open_lines.push(self.doc.unit(u).line);
            }
        }
        r
    }

    /// An item's own size in `noun` (`(5 models)`).
    fn size_in(&self, item: UnitIdx, noun: &str) -> Option<u64> {
        let (n, size) = self.doc.unit(item).size.as_ref()?;
        (crate::parse::singular(noun) == *n).then_some(*size)
    }

    /// Units of kind `kind` under `scope`, one per entity, outermost only.
    pub fn kinded_units(&self, scope: UnitIdx, kind: &str) -> Vec<UnitIdx> {
        let of_kind = |r: &Self, u: UnitIdx| {
            let id = r.doc.unit(u).id.as_ref();
            id.is_some_and(|id| id.kind.as_deref() == Some(kind))
        };
        let mut seen = rustc_hash::FxHashSet::default();
        self.collect(scope, of_kind, true)
            .into_iter()
            .filter_map(|u| match self.entity_of[u] {
                None => Some(u),
                Some(e) => seen.insert(e).then(|| self.entities[e].truth.unwrap_or(u)),
            })
            .collect()
    }

    /// Items under `scope` that no other item holds.
    pub fn top_items(&self, scope: UnitIdx) -> Vec<UnitIdx> {
        self.collect(scope, |r, u| r.doc.unit(u).is_item(), true)
    }

    /// Items under `scope` without sub-items.
    pub fn leaves(&self, scope: UnitIdx) -> Vec<UnitIdx> {
        self.collect(
            scope,
            |r, u| {
                r.doc.unit(u).is_item()
                    && !r
                        .doc
                        .unit(u)
                        .children
                        .iter()
                        .any(|&c| r.doc.unit(c).is_item())
            },
            false,
        )
    }

    fn collect(
        &self,
        scope: UnitIdx,
        take: impl Fn(&Self, UnitIdx) -> bool,
        stop: bool,
    ) -> Vec<UnitIdx> {
        let mut out = Vec::new();
        let mut stack: Vec<UnitIdx> = self
            .doc
            .unit(scope)
            .children
            .iter()
            .rev()
            .copied()
            .collect();
        while let Some(u) = stack.pop() {
            let hit = take(self, u);
            if hit {
                out.push(u);
            }
            if !(hit && stop) {
                stack.extend(self.doc.unit(u).children.iter().rev());
            }
        }
        out
    }

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
        let mut kinds: Vec<&str> = self
            .doc
            .descendants(scope)
            .iter()
            .filter_map(|&u| self.doc.unit(u).id.as_ref()?.kind.as_deref())
            .collect();
        kinds.sort();
        kinds.dedup();
        kinds
            .iter()
            .any(|k| self.some_count_reading(&[scope], Some(k), true, ratio_agrees))
    }

    /// Whether a unit has any progress reading at all.
    pub fn has_progress(&self, scope: UnitIdx) -> bool {
        self.progress_agrees(scope, |_, _| true)
    }

    /// A unit's aggregate; for the document, the average over its outermost kind of unit
    /// (its phases, else epics, else tasks), as SPEC 4.2 reads a document-wide percentage.
    pub fn scope_eval(&self, scope: UnitIdx, policy: Policy) -> Option<crate::resolve::Eval> {
        if scope != ROOT {
            return self.eval(scope, policy);
        }
        match self.outermost_kind() {
            Some(kind) => self.aggregate(&self.kinded_units(ROOT, &kind), policy),
            None => self.eval(ROOT, policy),
        }
    }

    /// The outermost kind of id-bearing unit in the document, below the document's own kind.
    pub fn outermost_kind(&self) -> Option<String> {
        const ORDER: &[&str] = &[
            "phase",
            "epic",
            "milestone",
            "stage",
            "task",
            "story",
            "feature",
            "sub-task",
            "step",
        ];
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
        ORDER
            .iter()
            .find(|k| own.as_deref() != Some(**k) && present(k))
            .map(|k| k.to_string())
    }

    /// Whether a counted state is `Done` (for callers outside this module).
    pub fn counted(state: State, policy: Policy) -> Option<State> {
        counted_state(state, policy)
    }
}

impl Resolver<'_> {
    /// Where a `Total Sub-tasks:` line counts: its section, or the nearest enclosing one that
    /// holds units of that kind (an "Overall Completion" section holds none itself).
    pub fn tally_scope(&self, start: UnitIdx, noun: Option<&str>) -> UnitIdx {
        let Some(kind) = noun.and_then(kind_of) else {
            return start;
        };
        let mut scope = start;
        while scope != ROOT && self.kinded_units(scope, &kind).is_empty() {
            scope = self.doc.unit(scope).parent.unwrap_or(ROOT);
        }
        scope
    }

    /// The units a scope's progress averages over, and how many are done, for messages.
    pub fn progress_basis(&self, scope: UnitIdx, policy: Policy) -> (usize, usize, String) {
        let (units, noun) = match (scope, self.outermost_kind()) {
            (ROOT, Some(kind)) => (self.kinded_units(ROOT, &kind), kind),
            _ => {
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
