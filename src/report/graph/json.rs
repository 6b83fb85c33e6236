//! The graph as JSON (schema in docs/output.md).

use std::io::{self, Write};

use serde::Serialize;

use super::view::GraphView;
use crate::graph::short_id;
use crate::vocab::State;

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
