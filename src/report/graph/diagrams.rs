//! The graph as a Mermaid or Graphviz DOT diagram.

use std::io::{self, Write};

use super::view::GraphView;

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
