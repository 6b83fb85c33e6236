//! What the graph says: its parts, cycles, the critical path, slack, and what can start now.
//!
//! The graph is analysed one part (weakly connected component) at a time: the units linked by
//! dependencies, whichever files they are in. Units without any dependency are in no part.

use std::collections::{BTreeSet, HashSet, VecDeque};

use petgraph::algo::kosaraju_scc;
use petgraph::graph::NodeIndex;
use petgraph::unionfind::UnionFind;
use petgraph::visit::NodeFiltered;

use super::build::Graph;
use super::results::{CriticalPath, Cycle, Schedule};
use super::show::{IdKey, id_key};
use crate::vocab::State;

/// Longest chains ending at each node: length, number of units, and the unit before.
struct Longest {
    dist: Vec<f64>,
    hops: Vec<usize>,
    via: Vec<Option<usize>>,
}

impl Longest {
    /// Orders two chain ends, the better first: longer, then more units, then smaller id.
    fn better(&self, a: usize, b: usize, g: &Graph) -> std::cmp::Ordering {
        let (i, j) = (g.part_pos[a], g.part_pos[b]);
        self.dist[j]
            .total_cmp(&self.dist[i])
            .then(self.hops[j].cmp(&self.hops[i]))
            .then(g.order_key(a).cmp(&g.order_key(b)))
    }
}

impl Graph {
    pub(crate) fn order_key(&self, n: usize) -> (usize, IdKey) {
        (self.nodes[n].doc, id_key(&self.nodes[n].id))
    }

    /// Groups the nodes that have at least one edge into parts, each sorted by document and
    /// id, the parts in the order of their first node.
    pub(super) fn find_parts(&mut self) {
        let mut sets = UnionFind::<usize>::new(self.nodes.len());
        for e in self.edges.edge_indices() {
            if let Some((a, b)) = self.edges.edge_endpoints(e) {
                sets.union(a.index(), b.index());
            }
        }
        let mut by_root: rustc_hash::FxHashMap<usize, Vec<usize>> = Default::default();
        for n in 0..self.nodes.len() {
            if self
                .edges
                .neighbors_undirected(NodeIndex::new(n))
                .next()
                .is_some()
            {
                by_root.entry(sets.find(n)).or_default().push(n);
            }
        }
        let mut parts: Vec<Vec<usize>> = by_root.into_values().collect();
        for p in &mut parts {
            p.sort_by_cached_key(|&n| self.order_key(n));
        }
        parts.sort_by_cached_key(|p| self.order_key(p[0]));
        self.part_of = vec![None; self.nodes.len()];
        self.part_pos = vec![0; self.nodes.len()];
        for (i, p) in parts.iter().enumerate() {
            for (pos, &n) in p.iter().enumerate() {
                self.part_of[n] = Some(i);
                self.part_pos[n] = pos;
            }
        }
        self.parts = parts;
    }

    /// Every cycle, each once, in id order (computed once).
    pub fn cycles(&self) -> &[Cycle] {
        self.cycle_cache.get_or_init(|| self.find_cycles())
    }

    fn find_cycles(&self) -> Vec<Cycle> {
        let mut out: Vec<Cycle> = Vec::new();
        // A cycle has edges, so only nodes in a part can be on one: most nodes have none.
        let linked = NodeFiltered::from_fn(&self.edges, |n: NodeIndex| {
            self.part_of[n.index()].is_some()
        });
        for scc in kosaraju_scc(&linked) {
            // Nearly every component is one node without a loop: no cycle.
            if let [only] = scc[..]
                && self.edges.find_edge(only, only).is_none()
            {
                continue;
            }
            let members: HashSet<usize> = scc.iter().map(|i| i.index()).collect();
            let Some(&start) = members.iter().min_by_key(|&&n| self.order_key(n)) else {
                continue;
            };
            let looped = self
                .edges
                .find_edge(NodeIndex::new(start), NodeIndex::new(start))
                .is_some();
            if members.len() == 1 && !looped {
                continue;
            }
            let nodes = if members.len() == 1 {
                vec![start]
            } else {
                self.cycle_through(start, &members)
            };
            out.push(Cycle { nodes });
        }
        out.sort_by_cached_key(|c| self.order_key(c.nodes[0]));
        out
    }

    /// The shortest way round from `start` back to itself inside a component (breadth
    /// first, neighbours in id order, so the output is stable).
    fn cycle_through(&self, start: usize, members: &HashSet<usize>) -> Vec<usize> {
        let mut previous: rustc_hash::FxHashMap<usize, usize> = Default::default();
        let mut queue = VecDeque::from([start]);
        while let Some(n) = queue.pop_front() {
            let mut next: Vec<usize> = self.dependents(n).filter(|m| members.contains(m)).collect();
            next.sort_by_cached_key(|&m| self.order_key(m));
            for m in next {
                if m == start {
                    let mut path = vec![n];
                    while let Some(&last) = path.last().filter(|&&l| l != start) {
                        path.push(previous[&last]);
                    }
                    path.reverse();
                    return path;
                }
                if let std::collections::hash_map::Entry::Vacant(e) = previous.entry(m) {
                    e.insert(n);
                    queue.push_back(m);
                }
            }
        }
        vec![start]
    }

    /// A part's nodes in a topological order (ties by document and id), or `None` when
    /// they hold a cycle.
    fn topological(&self, part: usize) -> Option<Vec<usize>> {
        let members = &self.parts[part];
        // Per-part arrays are indexed by a node's position in its part (`at`), so that
        // analysing many small parts costs what they hold, not what the whole graph holds.
        let at = |n: usize| self.part_pos[n];
        let mut indegree: Vec<usize> = members
            .iter()
            .map(|&n| self.dependencies(n).count())
            .collect();
        let mut ready: BTreeSet<((usize, IdKey), usize)> = members
            .iter()
            .filter(|&&n| indegree[at(n)] == 0)
            .map(|&n| (self.order_key(n), n))
            .collect();
        let mut order = Vec::with_capacity(members.len());
        while let Some((_, n)) = ready.pop_first() {
            order.push(n);
            for m in self.dependents(n) {
                indegree[at(m)] -= 1;
                if indegree[at(m)] == 0 {
                    ready.insert((self.order_key(m), m));
                }
            }
        }
        (order.len() == members.len()).then_some(order)
    }

    /// The critical path of a part, if it holds no cycle. Units without an estimate take no
    /// time. Of chains of equal length the one with more units wins (it says more), then the
    /// one of the smaller document and ids.
    pub fn critical_path(&self, part: usize) -> Option<CriticalPath> {
        let order = self.topological(part)?;
        let max = self.longest(&order, |n| self.nodes[n].duration.map_or(0.0, |d| d.max));
        let min = self.longest(&order, |n| self.nodes[n].duration.map_or(0.0, |d| d.min));
        let end = *order.iter().min_by(|&&a, &&b| max.better(a, b, self))?;
        let mut nodes = vec![end];
        while let Some(p) = nodes.last().and_then(|&last| max.via[self.part_pos[last]]) {
            nodes.push(p);
        }
        nodes.reverse();
        let longest_min = min.dist.iter().copied().fold(0.0, f64::max);
        Some(CriticalPath {
            nodes,
            min: longest_min,
            max: max.dist[self.part_pos[end]],
        })
    }

    /// Longest chain to each node (its own duration included), by dynamic programming over
    /// a topological order.
    fn longest(&self, order: &[usize], weight: impl Fn(usize) -> f64) -> Longest {
        let at = |n: usize| self.part_pos[n];
        let mut l = Longest {
            dist: vec![0.0; order.len()],
            hops: vec![0; order.len()],
            via: vec![None; order.len()],
        };
        for &n in order {
            let best = self.dependencies(n).min_by(|&a, &b| l.better(a, b, self));
            l.dist[at(n)] = weight(n) + best.map_or(0.0, |p| l.dist[at(p)]);
            l.hops[at(n)] = 1 + best.map_or(0, |p| l.hops[at(p)]);
            l.via[at(n)] = best;
        }
        l
    }

    /// Earliest start and slack of each unit of a part (by maximum durations).
    pub fn schedule(&self, part: usize) -> Option<Schedule> {
        let order = self.topological(part)?;
        let duration = |n: usize| self.nodes[n].duration.map_or(0.0, |d| d.max);
        let at = |n: usize| self.part_pos[n];
        let mut start = vec![0.0f64; order.len()];
        for &n in &order {
            start[at(n)] = self
                .dependencies(n)
                .map(|p| start[at(p)] + duration(p))
                .fold(0.0, f64::max);
        }
        let end = order
            .iter()
            .map(|&n| start[at(n)] + duration(n))
            .fold(0.0, f64::max);
        let mut latest = vec![end; order.len()];
        for &n in order.iter().rev() {
            let finish = self
                .dependents(n)
                .map(|s| latest[at(s)])
                .fold(end, f64::min);
            latest[at(n)] = finish - duration(n);
        }
        Some(Schedule {
            units: order
                .iter()
                .map(|&n| (n, start[at(n)], (latest[at(n)] - start[at(n)]).max(0.0)))
                .collect(),
        })
    }

    /// Units of a part that are not done and whose dependencies are all done.
    pub fn ready(&self, part: usize) -> Vec<usize> {
        let done = |n: usize| self.nodes[n].state == Some(State::Done);
        self.parts[part]
            .iter()
            .copied()
            .filter(|&n| {
                self.nodes[n]
                    .state
                    .is_some_and(|s| s != State::Done && s != State::Cancelled)
            })
            .filter(|&n| self.dependencies(n).all(done))
            .collect()
    }

    /// Whether `a → b` is an edge.
    pub fn has_edge(&self, a: usize, b: usize) -> bool {
        self.edges
            .find_edge(NodeIndex::new(a), NodeIndex::new(b))
            .is_some()
    }
}
