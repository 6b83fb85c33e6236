//! What the resolver works out once per document: the lists of units under a scope, their
//! tallies, and a scope's readings per noun. Every row of a long table, or every claim of a
//! long document, may read the same scope; working it out again for each would take time
//! growing with the square of the document.

use std::cell::{OnceCell, RefCell};
use std::hash::Hash;
use std::rc::Rc;

use compact_str::CompactString;
use rustc_hash::FxHashMap;

use super::readings::{Basis, CountReading, Eval};
use crate::model::UnitIdx;

/// Units under a scope, as a list shared by every claim that reads it.
pub type Units = Rc<[UnitIdx]>;

/// A noun as a key: inline for the short words nouns are.
pub(crate) type Noun = Option<CompactString>;

/// A scope's readings, in the order they are tried.
pub(crate) type ScopeReadings = Rc<[Rc<CountReading>]>;

/// Which list of units under a scope.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum ListKind {
    /// Units of one kind (`Noun` names it), outermost only.
    Kinded,
    TopItems,
    Leaves,
}

/// One tally: the scope, what is counted, the policy (by index), and the noun items are
/// sized in, if they are.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(crate) struct TallyKey {
    pub scope: UnitIdx,
    pub basis: Basis,
    pub policy: usize,
    pub sized: Noun,
}

#[derive(Default)]
pub(crate) struct Memo {
    pub lists: Cache<(ListKind, UnitIdx, Noun), Units>,
    /// The kinds of id-bearing units under a scope.
    pub kinds: Cache<UnitIdx, Rc<[CompactString]>>,
    pub tallies: Cache<TallyKey, Rc<CountReading>>,
    /// A scope's readings by noun, and whether any noun is allowed.
    pub readings: Cache<(UnitIdx, Noun, bool), ScopeReadings>,
    pub outermost_kind: OnceCell<Option<String>>,
}

/// Values by key, each made the first time it is asked for.
pub(crate) struct Cache<K, V>(RefCell<FxHashMap<K, V>>);

impl<K, V> Default for Cache<K, V> {
    fn default() -> Self {
        Self(RefCell::new(FxHashMap::default()))
    }
}

impl<K: Hash + Eq, V: Clone> Cache<K, V> {
    /// The value for `key`, made by `make` if it is not known yet. `make` may ask this cache
    /// for other keys.
    pub fn get_or(&self, key: K, make: impl FnOnce() -> V) -> V {
        if let Some(v) = self.0.borrow().get(&key) {
            return v.clone();
        }
        let v = make();
        self.0.borrow_mut().insert(key, v.clone());
        v
    }
}

/// A memo entry of [`Resolver::eval`].
#[derive(Debug, Clone, Copy)]
pub(crate) enum Slot {
    Empty,
    Busy,
    Done(Option<Eval>),
}
