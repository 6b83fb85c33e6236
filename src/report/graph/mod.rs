//! `tracker graph`: the dependency graph as text, Mermaid, Graphviz DOT or JSON.
//!
//! The graph is shown part by part: the units linked by dependencies, across files.

mod diagrams;
mod json;
mod text;
mod view;

pub use diagrams::{dot, mermaid};
pub use json::json;
pub use text::text;
pub use view::{GraphView, Labels};
