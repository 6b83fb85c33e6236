//! `tracker graph`: the dependency graph of every input, in the format asked for.

use std::io::Write;

use anyhow::Result;

use super::context::{context_parts, part_of};
use super::{ExitStatus, read_each, settings};
use crate::cli::{GraphArgs, GraphFormat};
use crate::graph::{Graph, Part};
use crate::input;
use crate::report;
use crate::report::graph::{GraphView, Labels};

pub(super) fn run_graph(
    args: &GraphArgs,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<ExitStatus> {
    let s = settings(&args.common)?;
    let common = &args.common;
    let (inputs, mut errors) =
        input::collect(&common.paths, common.stdin_filename.as_deref(), &s.filter);
    // Each document gives its part of the graph and the labels of its nodes, and is dropped.
    let (found, failed) = read_each(inputs, &s, |_, doc| part_of(doc, &s, Labels::of));
    errors.extend(failed);
    for e in &errors {
        writeln!(err, "error: {}: {}", report::shown_path(&e.path), e.cause)?;
    }
    let (mut parts, mut labels): (Vec<Part>, Vec<Labels>) =
        found.into_iter().map(|(_, found)| found).unzip();
    let shown = parts.len();
    // The documents that references lead to are part of the plan to draw.
    let given: Vec<&Part> = parts.iter().collect();
    let context = context_parts(&given, common, &s, Labels::of);
    for (part, label) in context {
        parts.push(part);
        labels.push(label);
    }
    let graph = Graph::from_parts(parts);
    let view = GraphView {
        graph: &graph,
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
    let status = if !errors.is_empty() {
        ExitStatus::Failure
    } else if view.cycles().is_empty() {
        ExitStatus::Clean
    } else {
        ExitStatus::Findings
    };
    super::drop_later((graph, labels));
    Ok(status)
}
