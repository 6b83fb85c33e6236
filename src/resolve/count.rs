//! Readings of counts and percentages: what a claim's units add up to, in every documented
//! way of counting them (SPEC 4.2 and 4.3). A claim is reported only when no reading agrees.

use super::eval::counted_state;
use super::memo::{ListKind, ScopeReadings, TallyKey, Units};
use super::policy::Policy;
use super::readings::{Basis, CountReading, Readings};
use super::resolver::Resolver;
use crate::model::{ROOT, UnitIdx};
use crate::vocab::State;
use crate::vocab::kinds::{is_group_noun, is_work_noun, kind_of, singular};
use compact_str::CompactString;
use std::rc::Rc;

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
            all.push(r.clone());
            false
        });
        Readings { all }
    }

    /// Whether some reading of [`Resolver::count_readings`] satisfies `agrees`. Readings are
    /// made in order and only until one does: nearly every claim agrees with the first, and
    /// a claim that agrees needs nothing else.
    pub(super) fn some_count_reading(
        &self,
        scopes: &[UnitIdx],
        noun: Option<&str>,
        any_noun: bool,
        agrees: impl Fn(&CountReading) -> bool,
    ) -> bool {
        self.each_count_reading(scopes, noun, any_noun, agrees)
    }

    /// The readings of [`Resolver::count_readings`], in order, each handed to `visit` until
    /// it returns true. Returns whether it did.
    fn each_count_reading(
        &self,
        scopes: &[UnitIdx],
        noun: Option<&str>,
        any_noun: bool,
        mut visit: impl FnMut(&CountReading) -> bool,
    ) -> bool {
        scopes.iter().any(|&scope| {
            self.scope_readings(scope, noun, any_noun)
                .iter()
                .any(|r| visit(r))
        })
    }

    /// The readings of one scope with units, in order: under each policy, the units of the
    /// noun's kind, the top items (weighed by their size in the noun, if they have one), and
    /// the leaf items where they differ. Made once per scope and noun: the claims of a
    /// long document often read the same scope.
    fn scope_readings(&self, scope: UnitIdx, noun: Option<&str>, any_noun: bool) -> ScopeReadings {
        let key = (scope, noun.map(CompactString::from), any_noun);
        self.per_scope.readings.get_or(key, || {
            self.make_scope_readings(scope, noun, any_noun)
                .into_iter()
                .filter(|r| r.total > 0)
                .collect()
        })
    }

    fn make_scope_readings(
        &self,
        scope: UnitIdx,
        noun: Option<&str>,
        any_noun: bool,
    ) -> Vec<Rc<CountReading>> {
        let kind = noun.map_or_else(|| self.parts_kind(scope), kind_of);
        let size_noun = noun.map(singular);
        let kinded = kind
            .as_deref()
            .map(|k| self.kinded_units(scope, k))
            .filter(|u| !u.is_empty());
        let items = self.top_items(scope);
        // Items sized in the noun (`(5 models)`) weigh their size; otherwise each is one.
        let sized = size_noun
            .as_deref()
            .filter(|n| items.iter().any(|&i| self.size_in(i, n).is_some()));
        // A count of phases or epics is never one of items, even with no phases to read.
        let noun_ok = noun.is_none_or(|n| {
            let work = any_noun || kind.is_some() || is_work_noun(n);
            sized.is_some() || work && !is_group_noun(n)
        });
        let leaves = (noun_ok && !items.is_empty()).then(|| self.leaves(scope));
        let mut out = Vec::new();
        for policy in 0..self.counting.policies.len() {
            let key = |basis| TallyKey {
                scope,
                basis,
                policy,
                sized: None,
            };
            if let (Some(units), Some(k)) = (&kinded, kind.as_deref()) {
                out.push(self.tally(key(Basis::Kind(k.to_string())), units, |_| 1));
            }
            if let Some(leaves) = &leaves {
                let weight = |i: UnitIdx| {
                    sized
                        .and_then(|n| self.size_in(i, n))
                        .or(self.doc.unit(i).placeholder)
                        .unwrap_or(1)
                };
                let items_key = TallyKey {
                    sized: sized.map(CompactString::from),
                    ..key(Basis::Items)
                };
                out.push(self.tally(items_key, &items, weight));
                if leaves.len() != items.len() {
                    out.push(self.tally(key(Basis::Leaves), leaves, |_| 1));
                }
            }
        }
        out
    }

    /// What `units` add up to under one reading, made once per reading: other nouns' lists
    /// of a scope share the readings of its items and leaves.
    fn tally(
        &self,
        key: TallyKey,
        units: &[UnitIdx],
        weight: impl Fn(UnitIdx) -> u64,
    ) -> Rc<CountReading> {
        let (scope, basis) = (key.scope, key.basis.clone());
        self.per_scope.tallies.get_or(key.clone(), || {
            self.count(scope, basis, key.policy, units, weight)
        })
    }

    /// Done, in progress, not started and total of `units` under one policy.
    fn count(
        &self,
        scope: UnitIdx,
        basis: Basis,
        policy: usize,
        units: &[UnitIdx],
        weight: impl Fn(UnitIdx) -> u64,
    ) -> Rc<CountReading> {
        let policy = self.counting.policies[policy];
        let (mut done, mut in_progress, mut open, mut total) = (0, 0, 0, 0);
        let mut open_lines = Vec::new();
        for &u in units {
            let Some(e) = self.eval(u, policy) else {
                continue;
            };
            let w = weight(u);
            total += w;
            match e.state {
                State::Done => done += w,
                State::InProgress => in_progress += w,
                _ => open += w,
            }
            if e.state != State::Done {
                open_lines.push(self.doc.unit(u).line);
            }
        }
        Rc::new(CountReading {
            policy,
            basis,
            scope,
            done,
            in_progress,
            open,
            total,
            open_lines: open_lines.into(),
        })
    }

    /// An item's own size in `noun`, singular (`(5 models)` for "model").
    fn size_in(&self, item: UnitIdx, noun: &str) -> Option<u64> {
        let (n, size) = self.doc.unit(item).size.as_ref()?;
        (noun == n).then_some(*size)
    }

    /// Units of kind `kind` under `scope`, one per entity, outermost only.
    pub fn kinded_units(&self, scope: UnitIdx, kind: &str) -> Units {
        let key = (ListKind::Kinded, scope, Some(CompactString::from(kind)));
        self.per_scope.lists.get_or(key, || {
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
                .collect::<Vec<_>>()
                .into()
        })
    }

    /// Items under `scope` that no other item holds.
    pub fn top_items(&self, scope: UnitIdx) -> Units {
        self.per_scope
            .lists
            .get_or((ListKind::TopItems, scope, None), || {
                self.collect(scope, |r, u| r.doc.unit(u).is_item(), true)
                    .into()
            })
    }

    /// Items under `scope` without sub-items.
    pub fn leaves(&self, scope: UnitIdx) -> Units {
        self.per_scope
            .lists
            .get_or((ListKind::Leaves, scope, None), || {
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
                .into()
            })
    }

    /// The kinds of id-bearing units under `scope`, sorted, each once.
    pub(super) fn kinds_under(&self, scope: UnitIdx) -> Rc<[CompactString]> {
        self.per_scope.kinds.get_or(scope, || {
            let mut kinds: Vec<CompactString> = self
                .doc
                .descendants(scope)
                .iter()
                .filter_map(|&u| self.doc.unit(u).id.as_ref()?.kind.clone())
                .collect();
            kinds.sort();
            kinds.dedup();
            kinds.into()
        })
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
}
