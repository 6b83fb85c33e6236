//! Readings: what a claim's units add up to under one way of counting, and whether a
//! declared figure agrees with any of them.

use super::policy::{Cancelled, Policy};
use crate::model::UnitIdx;
use crate::vocab::State;

/// What was counted, for the message.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Basis {
    /// Units whose id kind matches the noun (`Sub-task 2.1.1` for "sub-tasks").
    Kind(String),
    /// The scope's top-level items (nested items roll up into their parent).
    Items,
    /// Items without sub-items.
    Leaves,
    /// Entries of the plain list right after the claim.
    List,
}

impl Basis {
    pub fn describe(&self, n: u64) -> String {
        let s = if n == 1 { "" } else { "s" };
        match self {
            Basis::Kind(k) => format!("{k}{s}"),
            Basis::Items => format!("item{s}"),
            Basis::Leaves => format!("leaf item{s}"),
            Basis::List => format!("list entr{}", if n == 1 { "y" } else { "ies" }),
        }
    }
}

/// Done, in progress, not started and total under one policy and basis.
#[derive(Debug, Clone, PartialEq)]
pub struct CountReading {
    pub policy: Policy,
    pub basis: Basis,
    pub scope: UnitIdx,
    pub done: u64,
    pub in_progress: u64,
    pub open: u64,
    pub total: u64,
    /// Lines of counted units that are not done, for messages.
    pub open_lines: std::rc::Rc<[usize]>,
}

impl CountReading {
    pub fn ratio(&self) -> Option<f64> {
        (self.total > 0).then(|| self.done as f64 / self.total as f64)
    }
}

/// Every reading of a count, the evident one (what a fix writes) first.
#[derive(Debug, Clone, Default)]
pub struct Readings {
    pub all: Vec<CountReading>,
}

impl Readings {
    /// Whether `done`/`total` agrees with some reading. Where cancelled units exist the author
    /// may have counted each of them either way, so a done figure between the readings with
    /// cancelled units open and with them done agrees too.
    pub fn agrees(&self, done: Option<u64>, total: u64) -> bool {
        self.all.iter().any(|r| {
            r.total == total
                && done.is_none_or(|d| {
                    d == r.done
                        || self
                            .done_partner(r)
                            .is_some_and(|hi| hi.total == total && (r.done..=hi.done).contains(&d))
                })
        })
    }

    /// The same reading with cancelled units counted done, for one counted open.
    fn done_partner(&self, open: &CountReading) -> Option<&CountReading> {
        if open.policy.cancelled != Cancelled::Open {
            return None;
        }
        let policy = Policy {
            cancelled: Cancelled::Done,
            ..open.policy
        };
        self.all
            .iter()
            .find(|r| r.policy == policy && r.basis == open.basis && r.scope == open.scope)
    }

    /// Done fractions the readings allow: each reading's own, and the interval from cancelled
    /// units counted open to counted done.
    pub fn ratio_ranges(&self) -> Vec<(f64, f64)> {
        let mut out: Vec<(f64, f64)> = self
            .all
            .iter()
            .filter_map(|r| r.ratio().map(|x| (x, x)))
            .collect();
        for r in &self.all {
            if let (Some(a), Some(b)) = (
                r.ratio(),
                self.done_partner(r).and_then(CountReading::ratio),
            ) {
                out.push((a.min(b), a.max(b)));
            }
        }
        out
    }
    pub fn evident(&self) -> Option<&CountReading> {
        self.all.first()
    }

    /// The evident basis under the first policy whose reading satisfies `pred`, else the
    /// first other basis that does, else the primary policy (SPEC 4.3: keep the reading
    /// whose denominator matched).
    pub fn evident_where(&self, pred: impl Fn(&CountReading) -> bool) -> Option<&CountReading> {
        let first = self.evident()?;
        let same = |r: &&CountReading| r.basis == first.basis && r.scope == first.scope;
        let all = self.all.iter();
        all.clone()
            .filter(same)
            .find(|r| pred(r))
            .or_else(|| all.clone().find(|r| pred(r)))
            .or(Some(first))
    }
}

/// What the items say of a unit.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Eval {
    pub state: State,
    /// Progress as a fraction, at least `lo` and at most `hi`.
    pub lo: f64,
    pub hi: f64,
}

impl Eval {
    pub(super) fn leaf(state: State) -> Self {
        match state {
            State::Done => Eval {
                state,
                lo: 1.0,
                hi: 1.0,
            },
            State::InProgress => Eval {
                state,
                lo: 0.0,
                hi: 1.0,
            },
            _ => Eval {
                state,
                lo: 0.0,
                hi: 0.0,
            },
        }
    }

    /// The progress as one value, when it is known exactly.
    pub fn exact(&self) -> Option<f64> {
        (self.hi - self.lo < 1e-9).then_some(self.lo)
    }
}
