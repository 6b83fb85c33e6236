//! Declared states: what a named section says of itself, the only evidence for a section
//! that lists no work (see `Resolver::declared_leaf`).

use crate::model::{ClaimKind, Document, Site, Subject, UnitIdx, UnitKind};
use crate::vocab::State;

/// The state each named section declares in its heading or in a status field right under it:
/// the first such claim.
pub(super) fn declared_states(doc: &Document) -> rustc_hash::FxHashMap<UnitIdx, State> {
    let mut out = rustc_hash::FxHashMap::default();
    for c in &doc.claims {
        if let (ClaimKind::Status { state, .. }, Subject::Unit(u), Site::Heading | Site::Field) =
            (&c.kind, &c.subject, c.site)
        {
            let unit = doc.unit(*u);
            let named = unit.id.as_ref().is_some_and(|id| id.kind.is_some());
            if named && matches!(unit.kind, UnitKind::Section { .. }) {
                out.entry(*u).or_insert(*state);
            }
        }
    }
    out
}
