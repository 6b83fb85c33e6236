//! What the graph outputs show: the graph with the labels of the documents it was built
//! from, part by part.

use rustc_hash::FxHashSet as HashSet;
use std::path::PathBuf;

use crate::graph::{CriticalPath, Graph, common_unit, format_duration, short_id};
use crate::model::{Document, TimeUnit, UnitIdx};
use crate::vocab::{Calendar, State};

/// The graph and what is shown of the documents it was built from.
pub struct GraphView<'a> {
    pub graph: &'a Graph,
    pub docs: &'a [Labels],
    /// How many of `docs` were asked for; the rest were read to resolve references, and
    /// their parts are shown only where they meet the ones asked for.
    pub shown: usize,
    pub calendar: Calendar,
}

/// What the report shows of a document beside its part of the graph: its path, and the
/// name and line of each unit that stands for a node. Made while the document is at hand,
/// so that the document need not be kept.
pub struct Labels {
    path: PathBuf,
    /// `(unit, name, line)`, in unit order: the name is the title without its id.
    units: Vec<(UnitIdx, String, usize)>,
}

impl Labels {
    pub fn of(doc: &Document, nodes: &crate::graph::Nodes) -> Self {
        let mut units: Vec<_> = nodes
            .nodes()
            .iter()
            .map(|n| {
                let u = doc.unit(n.unit);
                (n.unit, u.name(), u.line)
            })
            .collect();
        units.sort_unstable_by_key(|&(u, ..)| u);
        Labels {
            path: doc.source.path.clone(),
            units,
        }
    }

    pub(super) fn unit(&self, unit: UnitIdx) -> (&str, usize) {
        self.units
            .binary_search_by_key(&unit, |&(u, ..)| u)
            .map_or(("", 0), |i| (&self.units[i].1, self.units[i].2))
    }
}

/// One part of the graph with what was worked out about it.
pub(super) struct Part<'g> {
    pub(super) index: usize,
    pub(super) nodes: &'g [usize],
    /// `None` when the part holds a cycle.
    pub(super) path: Option<CriticalPath>,
}

impl GraphView<'_> {
    pub(super) fn wanted(&self, nodes: &[usize]) -> bool {
        nodes.iter().any(|&n| self.graph.nodes[n].doc < self.shown)
    }

    /// The cycles that touch the documents asked for.
    pub fn cycles(&self) -> Vec<crate::graph::Cycle> {
        let mut cycles = self.graph.cycles().to_vec();
        cycles.retain(|c| self.wanted(&c.nodes));
        cycles
    }

    pub(super) fn parts(&self) -> Vec<Part<'_>> {
        let g = self.graph;
        (0..g.parts.len())
            .filter(|&index| self.wanted(&g.parts[index]))
            .map(|index| Part {
                index,
                nodes: &g.parts[index],
                path: g.critical_path(index),
            })
            .collect()
    }

    /// The files some units (a part's, a cycle's) are in, in the order the files were given.
    pub(super) fn files(&self, nodes: &[usize]) -> Vec<String> {
        let mut docs: Vec<usize> = nodes.iter().map(|&n| self.graph.nodes[n].doc).collect();
        docs.sort_unstable();
        docs.dedup();
        docs.iter().map(|&d| self.path(d)).collect()
    }

    pub(super) fn path(&self, doc: usize) -> String {
        self.docs[doc].path.display().to_string()
    }

    pub(super) fn unit(&self, part: &Part) -> TimeUnit {
        common_unit(
            part.nodes
                .iter()
                .filter_map(|&n| self.graph.nodes[n].duration),
        )
    }

    /// A unit's own estimate, in the unit it was written in.
    pub(super) fn duration(&self, node: usize) -> String {
        self.graph.nodes[node]
            .duration
            .map_or("no estimate".into(), |d| {
                format_duration(d.min, d.max, d.unit, self.calendar)
            })
    }

    pub(super) fn state(&self, node: usize) -> &'static str {
        self.graph.nodes[node]
            .state
            .map_or("no state", State::as_str)
    }

    pub(super) fn label(&self, node: usize) -> String {
        let n = &self.graph.nodes[node];
        let title = self.title(node);
        if title.is_empty() {
            short_id(&n.id)
        } else {
            format!("{} {title}", short_id(&n.id))
        }
    }

    /// A node's title without its id.
    pub(super) fn title(&self, node: usize) -> String {
        let n = &self.graph.nodes[node];
        self.docs[n.doc].unit(n.unit).0.to_string()
    }

    /// Edges that are steps of a critical path.
    pub(super) fn critical_edges(&self) -> HashSet<(usize, usize)> {
        self.parts()
            .into_iter()
            .filter_map(|p| p.path)
            .flat_map(|p| p.nodes.windows(2).map(|w| (w[0], w[1])).collect::<Vec<_>>())
            .collect()
    }

    /// Units on a critical path.
    pub(super) fn critical_nodes(&self) -> HashSet<usize> {
        self.parts()
            .into_iter()
            .filter_map(|p| p.path)
            .flat_map(|p| p.nodes)
            .collect()
    }

    /// Every unit with a dependency, part by part.
    pub(super) fn connected(&self) -> impl Iterator<Item = usize> + '_ {
        self.graph
            .parts
            .iter()
            .filter(|p| self.wanted(p))
            .flatten()
            .copied()
    }

    /// Every edge between the units shown, from the unit that must finish first to the one
    /// that waits, in stable order.
    pub(super) fn edges(&self) -> Vec<(usize, usize)> {
        let g = self.graph;
        let mut all: Vec<(usize, usize)> = g
            .edges
            .edge_indices()
            .filter_map(|e| g.edges.edge_endpoints(e))
            .map(|(a, b)| (a.index(), b.index()))
            .filter(|&(a, _)| g.part_of[a].is_some_and(|p| self.wanted(&g.parts[p])))
            .collect();
        all.sort_unstable();
        all
    }
}
