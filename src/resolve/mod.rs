//! Resolution: which unit a claim speaks of, and what the document's items say of it
//! (SPEC section 4). Rules ask the resolver; they never walk the model by themselves.

mod count;
mod declared;
mod eval;
mod memo;
mod policy;
mod progress;
mod readings;
mod resolver;

pub use memo::Units;
pub use policy::{Cancelled, Counting, Policy};
pub use readings::{Basis, CountReading, Eval, Readings};
pub use resolver::{Entity, Resolver};
