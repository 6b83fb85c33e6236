//! `tracker graph`: the dependency graph as text, Mermaid, Graphviz DOT or JSON.
//!
//! The graph is shown part by part: the units linked by dependencies, across files.

use rustc_hash::FxHashSet as HashSet;
use std::io::{self, Write};
use std::path::PathBuf;

use serde::Serialize;

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

    fn unit(&self, unit: UnitIdx) -> (&str, usize) {
        self.units
            .binary_search_by_key(&unit, |&(u, ..)| u)
            .map_or(("", 0), |i| (&self.units[i].1, self.units[i].2))
    }
}

/// One part of the graph with what was worked out about it.
struct Part<'g> {
    index: usize,
    nodes: &'g [usize],
    /// `None` when the part holds a cycle.
    path: Option<CriticalPath>,
}

impl GraphView<'_> {
    fn wanted(&self, nodes: &[usize]) -> bool {
        nodes.iter().any(|&n| self.graph.nodes[n].doc < self.shown)
    }

    /// The cycles that touch the documents asked for.
    pub fn cycles(&self) -> Vec<crate::graph::Cycle> {
        let mut cycles = self.graph.cycles().to_vec();
        cycles.retain(|c| self.wanted(&c.nodes));
        cycles
    }

    fn parts(&self) -> Vec<Part<'_>> {
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
    fn files(&self, nodes: &[usize]) -> Vec<String> {
        let mut docs: Vec<usize> = nodes.iter().map(|&n| self.graph.nodes[n].doc).collect();
        docs.sort_unstable();
        docs.dedup();
        docs.iter().map(|&d| self.path(d)).collect()
    }

    fn path(&self, doc: usize) -> String {
        self.docs[doc].path.display().to_string()
    }

    fn unit(&self, part: &Part) -> TimeUnit {
        common_unit(
            part.nodes
                .iter()
                .filter_map(|&n| self.graph.nodes[n].duration),
        )
    }

    /// A unit's own estimate, in the unit it was written in.
    fn duration(&self, node: usize) -> String {
        self.graph.nodes[node]
            .duration
            .map_or("no estimate".into(), |d| {
                format_duration(d.min, d.max, d.unit, self.calendar)
            })
    }

    fn state(&self, node: usize) -> &'static str {
        self.graph.nodes[node]
            .state
            .map_or("no state", State::as_str)
    }

    fn label(&self, node: usize) -> String {
        let n = &self.graph.nodes[node];
        let title = self.title(node);
        if title.is_empty() {
            short_id(&n.id)
        } else {
            format!("{} {title}", short_id(&n.id))
        }
    }

    /// A node's title without its id.
    fn title(&self, node: usize) -> String {
        let n = &self.graph.nodes[node];
        self.docs[n.doc].unit(n.unit).0.to_string()
    }

    /// Edges that are steps of a critical path.
    fn critical_edges(&self) -> HashSet<(usize, usize)> {
        self.parts()
            .into_iter()
            .filter_map(|p| p.path)
            .flat_map(|p| p.nodes.windows(2).map(|w| (w[0], w[1])).collect::<Vec<_>>())
            .collect()
    }

    /// Units on a critical path.
    fn critical_nodes(&self) -> HashSet<usize> {
        self.parts()
            .into_iter()
            .filter_map(|p| p.path)
            .flat_map(|p| p.nodes)
            .collect()
    }

    /// Every unit with a dependency, part by part.
    fn connected(&self) -> impl Iterator<Item = usize> + '_ {
        self.graph
            .parts
            .iter()
            .filter(|p| self.wanted(p))
            .flatten()
            .copied()
    }

    /// Every edge between the units shown, from the unit that must finish first to the one
    /// that waits, in stable order.
    fn edges(&self) -> Vec<(usize, usize)> {
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

/// The text form: cycles first, then per part its critical path, the other units with their
/// slack, and what can start now.
pub fn text(view: &GraphView, out: &mut dyn Write) -> io::Result<()> {
    let g = view.graph;
    for cycle in view.cycles() {
        let files = view.files(&cycle.nodes).join(", ");
        let chain: Vec<String> = cycle
            .nodes
            .iter()
            .chain(std::iter::once(&cycle.nodes[0]))
            .map(|&n| short_id(&g.nodes[n].id))
            .collect();
        match cycle.nodes.len() {
            1 => writeln!(out, "cycle in {files}: {} depends on itself", chain[0])?,
            _ => writeln!(out, "cycle in {files}: {}", chain.join(" → "))?,
        }
    }
    for part in view.parts() {
        if let Some(path) = &part.path {
            part_text(view, &part, path, out)?;
        }
    }
    Ok(())
}

fn part_text(
    view: &GraphView,
    part: &Part,
    path: &CriticalPath,
    out: &mut dyn Write,
) -> io::Result<()> {
    let g = view.graph;
    let unit = view.unit(part);
    writeln!(out, "{}", view.files(part.nodes).join(", "))?;
    let steps: Vec<String> = path
        .nodes
        .iter()
        .map(|&n| {
            format!(
                "{} ({}, {})",
                short_id(&g.nodes[n].id),
                view.duration(n),
                view.state(n)
            )
        })
        .collect();
    writeln!(out, "  critical path: {}", steps.join(" → "))?;
    writeln!(
        out,
        "  total: {}",
        format_duration(path.min, path.max, unit, view.calendar)
    )?;
    let on_path: HashSet<usize> = path.nodes.iter().copied().collect();
    let mut others: Vec<(usize, f64)> = g
        .schedule(part.index)
        .map(|s| s.units)
        .unwrap_or_default()
        .into_iter()
        .filter(|(n, _, _)| !on_path.contains(n))
        .map(|(n, _, slack)| (n, slack))
        .collect();
    others.sort_by_cached_key(|&(n, _)| g.order_key(n));
    if !others.is_empty() {
        writeln!(out, "  slack:")?;
        for (n, slack) in others {
            let slack = format_duration(slack, slack, unit, view.calendar);
            writeln!(
                out,
                "    {} ({}, {}): {slack}",
                view.label(n),
                view.duration(n),
                view.state(n)
            )?;
        }
    }
    let ready = g.ready(part.index);
    if !ready.is_empty() {
        writeln!(out, "  can start now:")?;
        for n in ready {
            writeln!(out, "    {}", view.label(n))?;
        }
    }
    Ok(())
}

/// A Mermaid flowchart; the critical path's units and edges are highlighted.
pub fn mermaid(view: &GraphView, out: &mut dyn Write) -> io::Result<()> {
    let critical = view.critical_nodes();
    let critical_edges = view.critical_edges();
    writeln!(out, "flowchart LR")?;
    for n in view.connected() {
        let label = view.label(n).replace('"', "#quot;");
        writeln!(out, "    n{n}[\"{label}\"]")?;
    }
    let mut highlighted = Vec::new();
    for (i, e) in view.edges().iter().enumerate() {
        writeln!(out, "    n{} --> n{}", e.0, e.1)?;
        if critical_edges.contains(e) {
            highlighted.push(i.to_string());
        }
    }
    let mut crit: Vec<usize> = critical.into_iter().collect();
    crit.sort_unstable();
    if !crit.is_empty() {
        writeln!(out, "    classDef critical stroke:#d33,stroke-width:3px")?;
        let names: Vec<String> = crit.iter().map(|n| format!("n{n}")).collect();
        writeln!(out, "    class {} critical", names.join(","))?;
    }
    if !highlighted.is_empty() {
        writeln!(
            out,
            "    linkStyle {} stroke:#d33,stroke-width:3px",
            highlighted.join(",")
        )?;
    }
    Ok(())
}

/// Graphviz DOT; the critical path is drawn in red.
pub fn dot(view: &GraphView, out: &mut dyn Write) -> io::Result<()> {
    let critical = view.critical_nodes();
    let critical_edges = view.critical_edges();
    writeln!(out, "digraph tracker {{")?;
    writeln!(out, "    rankdir=LR;")?;
    writeln!(out, "    node [shape=box];")?;
    for n in view.connected() {
        let label = view.label(n).replace('\\', "\\\\").replace('"', "\\\"");
        let style = if critical.contains(&n) {
            ", color=red, penwidth=2"
        } else {
            ""
        };
        writeln!(out, "    n{n} [label=\"{label}\"{style}];")?;
    }
    for e in view.edges() {
        let style = if critical_edges.contains(&e) {
            " [color=red, penwidth=2]"
        } else {
            ""
        };
        writeln!(out, "    n{} -> n{}{style};", e.0, e.1)?;
    }
    writeln!(out, "}}")
}

#[derive(Serialize)]
struct JsonGraph {
    version: u32,
    nodes: Vec<JsonNode>,
    edges: Vec<[usize; 2]>,
    critical_paths: Vec<JsonPath>,
    cycles: Vec<Vec<usize>>,
}

#[derive(Serialize)]
struct JsonNode {
    index: usize,
    id: String,
    title: String,
    path: String,
    line: usize,
    state: Option<State>,
    /// Hours, at the configured hours per day and days per week: `[min, max]`.
    duration: Option<[f64; 2]>,
    /// Hours the unit can slip without moving the end of its part.
    slack: Option<f64>,
}

#[derive(Serialize)]
struct JsonPath {
    files: Vec<String>,
    nodes: Vec<usize>,
    /// Hours: `[min, max]`.
    total: [f64; 2],
}

/// JSON: nodes (with durations and slack in hours), edges, critical paths, cycles.
pub fn json(view: &GraphView, out: &mut dyn Write) -> io::Result<()> {
    let g = view.graph;
    let mut slack = vec![None; g.nodes.len()];
    for part in 0..g.parts.len() {
        for (n, _, s) in g.schedule(part).map(|s| s.units).unwrap_or_default() {
            slack[n] = Some(s);
        }
    }
    let nodes = view
        .connected()
        .map(|n| {
            let node = &g.nodes[n];
            JsonNode {
                index: n,
                id: short_id(&node.id),
                title: view.title(n),
                path: view.path(node.doc),
                line: view.docs[node.doc].unit(node.unit).1,
                state: node.state,
                duration: node.duration.map(|d| [d.min, d.max]),
                slack: slack[n],
            }
        })
        .collect();
    let critical_paths = view
        .parts()
        .into_iter()
        .filter_map(|part| {
            let files = view.files(part.nodes);
            let p = part.path?;
            Some(JsonPath {
                files,
                nodes: p.nodes,
                total: [p.min, p.max],
            })
        })
        .collect();
    let doc = JsonGraph {
        version: 1,
        nodes,
        edges: view.edges().into_iter().map(|(a, b)| [a, b]).collect(),
        critical_paths,
        cycles: view.cycles().into_iter().map(|c| c.nodes).collect(),
    };
    serde_json::to_writer_pretty(&mut *out, &doc)?;
    writeln!(out)
}
