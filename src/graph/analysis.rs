//! What the graph says: cycles, the critical path, slack, and what can start now.

use std::collections::{BTreeSet, HashSet, VecDeque};

use petgraph::algo::tarjan_scc;
use petgraph::graph::NodeIndex;

use super::{Graph, IdKey, id_key};
use crate::vocab::State;

/// A cycle, in order, starting at its smallest id; one node for a self-loop.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cycle {
    pub nodes: Vec<usize>,
}

/// The longest chain of dependencies by duration. `min` and `max` (hours) are computed
/// separately; the sequence is the one of the longest maximum.
#[derive(Debug, Clone, PartialEq)]
pub struct CriticalPath {
    pub nodes: Vec<usize>,
    pub min: f64,
    pub max: f64,
}

/// Earliest start and slack (hours, by maximum durations) of a document's connected units.
#[derive(Debug, Clone, PartialEq)]
pub struct Schedule {
    pub units: Vec<(usize, f64, f64)>,
}

impl Graph {
    fn order_key(&self, n: usize) -> (usize, IdKey) {
        (self.nodes[n].doc, id_key(&self.nodes[n].id))
    }

    /// Every cycle, each once, in id order.
    pub fn cycles(&self) -> Vec<Cycle> {
        let mut out: Vec<Cycle> = Vec::new();
        for scc in tarjan_scc(&self.edges) {
            let members: HashSet<usize> = scc.iter().map(|i| i.index()).collect();
            let start = *members
                .iter()
                .min_by_key(|&&n| self.order_key(n))
                .expect("non-empty component");
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
        out.sort_by_key(|c| self.order_key(c.nodes[0]));
        out
    }

    /// The shortest way round from `start` back to itself inside a component (breadth
    /// first, neighbours in id order, so the output is stable).
    fn cycle_through(&self, start: usize, members: &HashSet<usize>) -> Vec<usize> {
        let mut previous = vec![usize::MAX; self.nodes.len()];
        let mut queue = VecDeque::from([start]);
        while let Some(n) = queue.pop_front() {
            let mut next: Vec<usize> = self.dependents(n).filter(|m| members.contains(m)).collect();
            next.sort_by_key(|&m| self.order_key(m));
            for m in next {
                if m == start {
                    let mut path = vec![n];
                    while *path.last().expect("path") != start {
                        path.push(previous[*path.last().expect("path")]);
                    }
                    path.reverse();
                    return path;
                }
                if previous[m] == usize::MAX {
                    previous[m] = n;
                    queue.push_back(m);
                }
            }
        }
        vec![start]
    }

    /// A document's units that take part in at least one dependency inside it, in a
    /// topological order (ties by id), or `None` when they form a cycle.
    fn topological(&self, doc: usize) -> Option<Vec<usize>> {
        let local = |n: usize| self.nodes[n].doc == doc;
        let members: Vec<usize> = (0..self.nodes.len())
            .filter(|&n| {
                local(n) && (self.dependencies(n).any(local) || self.dependents(n).any(local))
            })
            .collect();
        let mut indegree: Vec<usize> = vec![0; self.nodes.len()];
        for &n in &members {
            indegree[n] = self.dependencies(n).filter(|&p| local(p)).count();
        }
        let mut ready: BTreeSet<(IdKey, usize)> = members
            .iter()
            .filter(|&&n| indegree[n] == 0)
            .map(|&n| (id_key(&self.nodes[n].id), n))
            .collect();
        let mut order = Vec::new();
        while let Some(first) = ready.pop_first() {
            let n = first.1;
            order.push(n);
            for m in self.dependents(n).filter(|&m| local(m)) {
                indegree[m] -= 1;
                if indegree[m] == 0 {
                    ready.insert((id_key(&self.nodes[m].id), m));
                }
            }
        }
        (order.len() == members.len()).then_some(order)
    }

    /// The critical path of a document, if its dependencies form a non-empty DAG.
    pub fn critical_path(&self, doc: usize) -> Option<CriticalPath> {
        let order = self.topological(doc)?;
        if order.is_empty() {
            return None;
        }
        let (max, via) = self.longest(&order, doc, |n| {
            self.nodes[n].duration.map_or(0.0, |d| d.max)
        });
        let (min, _) = self.longest(&order, doc, |n| {
            self.nodes[n].duration.map_or(0.0, |d| d.min)
        });
        let end = *order.iter().min_by(|&&a, &&b| {
            max[b]
                .total_cmp(&max[a])
                .then(self.order_key(a).cmp(&self.order_key(b)))
        })?;
        let mut nodes = vec![end];
        while let Some(p) = via[*nodes.last().expect("path")] {
            nodes.push(p);
        }
        nodes.reverse();
        let longest_min = order.iter().map(|&n| min[n]).fold(0.0, f64::max);
        Some(CriticalPath {
            nodes,
            min: longest_min,
            max: max[end],
        })
    }

    /// Longest distance to each node (its own duration included) and the predecessor it came
    /// through, ties to the smaller id.
    fn longest(
        &self,
        order: &[usize],
        doc: usize,
        weight: impl Fn(usize) -> f64,
    ) -> (Vec<f64>, Vec<Option<usize>>) {
        let mut dist = vec![0.0f64; self.nodes.len()];
        let mut via = vec![None; self.nodes.len()];
        for &n in order {
            let best = self
                .dependencies(n)
                .filter(|&p| self.nodes[p].doc == doc)
                .min_by(|&a, &b| {
                    dist[b]
                        .total_cmp(&dist[a])
                        .then(self.order_key(a).cmp(&self.order_key(b)))
                });
            dist[n] = weight(n) + best.map_or(0.0, |p| dist[p]);
            via[n] = best;
        }
        (dist, via)
    }

    /// Earliest start and slack of each connected unit of a document (by maximum durations).
    pub fn schedule(&self, doc: usize) -> Option<Schedule> {
        let order = self.topological(doc)?;
        let duration = |n: usize| self.nodes[n].duration.map_or(0.0, |d| d.max);
        let local = |n: &usize| self.nodes[*n].doc == doc;
        let mut start = vec![0.0f64; self.nodes.len()];
        for &n in &order {
            start[n] = self
                .dependencies(n)
                .filter(local)
                .map(|p| start[p] + duration(p))
                .fold(0.0, f64::max);
        }
        let end = order
            .iter()
            .map(|&n| start[n] + duration(n))
            .fold(0.0, f64::max);
        let mut latest = vec![end; self.nodes.len()];
        for &n in order.iter().rev() {
            let finish = self
                .dependents(n)
                .filter(local)
                .map(|s| latest[s])
                .fold(end, f64::min);
            latest[n] = finish - duration(n);
        }
        Some(Schedule {
            units: order
                .iter()
                .map(|&n| (n, start[n], (latest[n] - start[n]).max(0.0)))
                .collect(),
        })
    }

    /// Units of a document not done whose dependencies are all done.
    pub fn ready(&self, doc: usize) -> Vec<usize> {
        let done = |n: usize| self.nodes[n].state == Some(State::Done);
        let mut out: Vec<usize> = (0..self.nodes.len())
            .filter(|&n| self.nodes[n].doc == doc && !done(n) && self.nodes[n].state.is_some())
            .filter(|&n| self.dependencies(n).all(done))
            .filter(|&n| {
                self.dependencies(n).next().is_some() || self.dependents(n).next().is_some()
            })
            .collect();
        out.sort_by_key(|&n| self.order_key(n));
        out
    }
}
