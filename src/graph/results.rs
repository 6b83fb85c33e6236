//! What the analysis of the graph finds.

/// A cycle, in order, starting at its smallest id; one node for a self-loop.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cycle {
    pub nodes: Vec<usize>,
}

/// The longest chain of dependencies by duration. `max` (hours) is the length of the chain
/// by maximum durations; `min` the longest chain by minimum durations, computed separately,
/// which is the soonest the part can be finished.
#[derive(Debug, Clone, PartialEq)]
pub struct CriticalPath {
    pub nodes: Vec<usize>,
    pub min: f64,
    pub max: f64,
}

/// Earliest start and slack (hours, by maximum durations) of each unit of a part, in
/// topological order: `(node, earliest start, slack)`.
#[derive(Debug, Clone, PartialEq)]
pub struct Schedule {
    pub units: Vec<(usize, f64, f64)>,
}
