//! How units count: the policies the configuration chooses between.

use serde::Deserialize;

use crate::model::Document;

/// How cancelled units count (SPEC: they leave the denominator; org-mode counts them done).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Cancelled {
    Excluded,
    Done,
    Open,
}

/// One way of counting: with or without optional units, what cancelled units are, and
/// whether an item's progress comes from its sub-items (org-mode) or from its own tick only
/// (nested items rolling up into their parent).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Policy {
    pub optional: bool,
    pub cancelled: Cancelled,
    pub nested: bool,
}

/// The readings a claim may be checked under; the first is the one fixes write.
#[derive(Debug, Clone)]
pub struct Counting {
    pub policies: Vec<Policy>,
}

impl Default for Counting {
    fn default() -> Self {
        Self::new(None, None)
    }
}

impl Counting {
    /// `optional`: `Some(b)` pins whether optional units count; `None` accepts either.
    /// `cancelled`: `Some(c)` pins how cancelled units count; `None` accepts any, fixing as
    /// excluded.
    pub fn new(optional: Option<bool>, cancelled: Option<Cancelled>) -> Self {
        let optionals = optional.map_or(vec![false, true], |o| vec![o]);
        let cancelleds = cancelled.map_or(
            vec![Cancelled::Excluded, Cancelled::Done, Cancelled::Open],
            |c| vec![c],
        );
        let mut policies = Vec::new();
        for nested in [true, false] {
            for &optional in &optionals {
                for &cancelled in &cancelleds {
                    policies.push(Policy {
                        optional,
                        cancelled,
                        nested,
                    });
                }
            }
        }
        Self { policies }
    }

    pub fn primary(&self) -> Policy {
        self.policies[0]
    }

    /// The readings that differ for this document: where it has no optional units, no
    /// cancelled ones, or no items with sub-items, the policies that differ only there give
    /// the same figures, and the first of each stands for the rest. The primary stays first.
    pub fn for_document(&self, doc: &Document) -> Counting {
        let optional = doc.units.iter().any(|u| u.optional);
        let cancelled = doc.units.iter().any(|u| {
            u.marker
                .as_ref()
                .is_some_and(|m| m.state == crate::vocab::State::Cancelled)
        });
        let nested = doc
            .units
            .iter()
            .any(|u| u.is_item() && u.children.iter().any(|&c| doc.unit(c).is_item()));
        let key = |p: &Policy| {
            (
                nested.then_some(p.nested),
                optional.then_some(p.optional),
                cancelled.then_some(p.cancelled),
            )
        };
        let mut seen = Vec::new();
        let policies = self
            .policies
            .iter()
            .copied()
            .filter(|p| {
                let k = key(p);
                let new = !seen.contains(&k);
                seen.push(k);
                new
            })
            .collect();
        Counting { policies }
    }
}
