//! The dependency graph of the documents of one run: a node per unit with an id, an edge
//! per declared dependency ("A blocks B" and "B depends on A" are one edge), and the
//! references that resolve to nothing.

mod analysis;
mod build;
mod fragment;
mod results;
mod show;

pub use build::{Graph, Unknown};
pub use fragment::{Declarations, Declared, Fragment, Node, Nodes};
pub use results::{CriticalPath, Cycle, Schedule};
pub use show::{IdKey, common_unit, format_duration, id_key, id_like, number_key, short_id};
