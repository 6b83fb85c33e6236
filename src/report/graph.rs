//! `tracker graph`: the dependency graph as text, Mermaid, Graphviz DOT or JSON.

use std::collections::HashSet;
use std::io::{self, Write};

use serde::Serialize;

use crate::graph::{Graph, common_unit, format_duration, short_id};
use crate::model::{Document, TimeUnit};
use crate::vocab::{Calendar, State};

/// The graph and the documents it was built from.
pub struct GraphView<'a> {
    pub graph: &'a Graph,
    pub docs: &'a [&'a Document],
    pub calendar: Calendar,
}

impl GraphView<'_> {
    fn unit(&self, doc: usize) -> TimeUnit {
        common_unit(
            self.graph
                .nodes
                .iter()
                .filter(|n| n.doc == doc)
                .filter_map(|n| n.duration),
        )
    }

    fn duration(&self, node: usize, unit: TimeUnit) -> String {
        self.graph.nodes[node]
            .duration
            .map_or("no estimate".into(), |d| {
                format_duration(d.min, d.max, unit, self.calendar)
            })
    }

    fn state(&self, node: usize) -> &'static str {
        self.graph.nodes[node]
            .state
            .map_or("no state", State::as_str)
    }

    /// Nodes on a critical path of any document.
    fn critical(&self) -> HashSet<usize> {
        (0..self.docs.len())
            .filter_map(|d| self.graph.critical_path(d))
            .flat_map(|p| p.nodes)
            .collect()
    }

    /// Nodes that take part in at least one edge, in stable order.
    fn connected(&self) -> Vec<usize> {
        let g = self.graph;
        let mut nodes: Vec<usize> = (0..g.nodes.len())
            .filter(|&n| g.dependencies(n).next().is_some() || g.dependents(n).next().is_some())
            .collect();
        nodes.sort_by_key(|&n| (g.nodes[n].doc, crate::graph::id_key(&g.nodes[n].id)));
        nodes
    }

    fn label(&self, node: usize) -> String {
        let n = &self.graph.nodes[node];
        if n.title.is_empty() {
            short_id(&n.id)
        } else {
            format!("{} {}", short_id(&n.id), n.title)
        }
    }
}

/// The text form: per document, its critical path, the other units with their slack, and
/// what can start now. Cycles come first when there are any.
pub fn text(view: &GraphView, out: &mut dyn Write) -> io::Result<()> {
    let g = view.graph;
    for cycle in g.cycles() {
        let chain: Vec<String> = cycle
            .nodes
            .iter()
            .chain(std::iter::once(&cycle.nodes[0]))
            .map(|&n| short_id(&g.nodes[n].id))
            .collect();
        let path = view.docs[g.nodes[cycle.nodes[0]].doc].source.path.display();
        match cycle.nodes.len() {
            1 => writeln!(out, "cycle in {path}: {} depends on itself", chain[0])?,
            _ => writeln!(out, "cycle in {path}: {}", chain.join(" → "))?,
        }
    }
    for (d, doc) in view.docs.iter().enumerate() {
        let Some(path) = g.critical_path(d) else {
            continue;
        };
        let unit = view.unit(d);
        writeln!(out, "{}", doc.source.path.display())?;
        let steps: Vec<String> = path
            .nodes
            .iter()
            .map(|&n| {
                format!(
                    "{} ({}, {})",
                    short_id(&g.nodes[n].id),
                    view.duration(n, unit),
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
        let others: Vec<(usize, f64)> = g
            .schedule(d)
            .map(|s| {
                s.units
                    .into_iter()
                    .filter(|(n, _, _)| !on_path.contains(n))
                    .map(|(n, _, slack)| (n, slack))
                    .collect()
            })
            .unwrap_or_default();
        if !others.is_empty() {
            writeln!(out, "  slack:")?;
            for (n, slack) in others {
                let slack = format_duration(slack, slack, unit, view.calendar);
                writeln!(
                    out,
                    "    {} ({}, {}): {slack}",
                    view.label(n),
                    view.duration(n, unit),
                    view.state(n)
                )?;
            }
        }
        let ready = g.ready(d);
        if !ready.is_empty() {
            writeln!(out, "  can start now:")?;
            for n in ready {
                writeln!(out, "    {}", view.label(n))?;
            }
        }
    }
    Ok(())
}

/// A Mermaid flowchart; the critical path's units and edges are highlighted.
pub fn mermaid(view: &GraphView, out: &mut dyn Write) -> io::Result<()> {
    let g = view.graph;
    let critical = view.critical();
    writeln!(out, "flowchart LR")?;
    for n in view.connected() {
        let label = view.label(n).replace('"', "'");
        writeln!(out, "    n{n}[\"{label}\"]")?;
    }
    let mut highlighted = Vec::new();
    for (i, e) in edges(g).iter().enumerate() {
        writeln!(out, "    n{} --> n{}", e.0, e.1)?;
        if critical.contains(&e.0) && critical.contains(&e.1) && on_same_path(view, e.0, e.1) {
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
    let g = view.graph;
    let critical = view.critical();
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
    for (a, b) in edges(g) {
        let style = if on_same_path(view, a, b) {
            " [color=red, penwidth=2]"
        } else {
            ""
        };
        writeln!(out, "    n{a} -> n{b}{style};")?;
    }
    writeln!(out, "}}")
}

fn edges(g: &Graph) -> Vec<(usize, usize)> {
    let mut all: Vec<(usize, usize)> = g
        .edges
        .edge_indices()
        .filter_map(|e| g.edges.edge_endpoints(e))
        .map(|(a, b)| (a.index(), b.index()))
        .collect();
    all.sort_unstable();
    all
}

/// Whether `a → b` is a step of a document's critical path.
fn on_same_path(view: &GraphView, a: usize, b: usize) -> bool {
    let doc = view.graph.nodes[a].doc;
    view.graph
        .critical_path(doc)
        .is_some_and(|p| p.nodes.windows(2).any(|w| w == [a, b]))
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
    /// Hours, at the configured hours per day and days per week.
    duration: Option<[f64; 2]>,
    slack: Option<f64>,
}

#[derive(Serialize)]
struct JsonPath {
    path: String,
    nodes: Vec<usize>,
    total: [f64; 2],
}

/// JSON: nodes (with durations and slack in hours), edges, critical paths, cycles.
pub fn json(view: &GraphView, out: &mut dyn Write) -> io::Result<()> {
    let g = view.graph;
    let slack: Vec<Option<f64>> = {
        let mut s = vec![None; g.nodes.len()];
        for d in 0..view.docs.len() {
            for (n, _, slack) in g.schedule(d).map(|s| s.units).unwrap_or_default() {
                s[n] = Some(slack);
            }
        }
        s
    };
    let nodes = view
        .connected()
        .into_iter()
        .map(|n| {
            let node = &g.nodes[n];
            let doc = view.docs[node.doc];
            JsonNode {
                index: n,
                id: short_id(&node.id),
                title: node.title.clone(),
                path: doc.source.path.display().to_string(),
                line: doc.unit(node.unit).line,
                state: node.state,
                duration: node.duration.map(|d| [d.min, d.max]),
                slack: slack[n],
            }
        })
        .collect();
    let critical_paths = (0..view.docs.len())
        .filter_map(|d| {
            let p = g.critical_path(d)?;
            Some(JsonPath {
                path: view.docs[d].source.path.display().to_string(),
                nodes: p.nodes,
                total: [p.min, p.max],
            })
        })
        .collect();
    let doc = JsonGraph {
        version: 1,
        nodes,
        edges: edges(g).into_iter().map(|(a, b)| [a, b]).collect(),
        critical_paths,
        cycles: g.cycles().into_iter().map(|c| c.nodes).collect(),
    };
    serde_json::to_writer_pretty(&mut *out, &doc)?;
    writeln!(out)
}
