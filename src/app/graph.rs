//! `tracker graph`: the dependency graph of every input, in the format asked for.

use std::io::Write;

use anyhow::Result;

use super::exit::ExitStatus;
use super::setup::{request, settings};
use crate::cli::{GraphArgs, GraphFormat};
use crate::pipeline;
use crate::report;
use crate::report::graph::{GraphView, Labels};

pub(super) fn run_graph(
    args: &GraphArgs,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<ExitStatus> {
    let (mut s, _) = settings(&args.common)?;
    // The graph is drawn, not checked: no rule runs.
    s.rules.enabled.clear();
    // Each document gives its fragment of the graph and the labels of its nodes, and is
    // dropped; the documents that references lead to are part of the plan to draw.
    let label =
        |r: &crate::resolve::Resolver, nodes: &crate::graph::Nodes| Labels::of(r.doc, nodes);
    let outcome = pipeline::run(request(&args.common), &s, label, label);
    for e in &outcome.errors {
        writeln!(err, "error: {}: {}", report::shown_path(&e.path), e.cause)?;
    }
    let shown = outcome.files.len();
    let labels: Vec<Labels> = outcome
        .files
        .into_iter()
        .map(|(_, labels)| labels)
        .chain(outcome.context)
        .collect();
    let view = GraphView {
        graph: &outcome.graph,
        docs: &labels,
        shown,
        calendar: s.vocab.calendar,
    };
    match args.format {
        GraphFormat::Text => report::graph::text(&view, out)?,
        GraphFormat::Mermaid => report::graph::mermaid(&view, out)?,
        GraphFormat::Dot => report::graph::dot(&view, out)?,
        GraphFormat::Json => report::graph::json(&view, out)?,
    }
    let status = if !outcome.errors.is_empty() {
        ExitStatus::Failure
    } else if view.cycles().is_empty() {
        ExitStatus::Clean
    } else {
        ExitStatus::Findings
    };
    Ok(status)
}
