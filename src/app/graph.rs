//! `tracker graph`: the dependency graph of every input, in the format asked for.

use std::io::Write;

use anyhow::Result;

use super::context::context;
use super::{ExitStatus, documents_or_errors, settings};
use crate::cli::{GraphArgs, GraphFormat};
use crate::graph::Graph;
use crate::report;
use crate::report::graph::GraphView;
use crate::resolve::Resolver;

pub(super) fn run_graph(
    args: &GraphArgs,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<ExitStatus> {
    let s = settings(&args.common)?;
    let (mut docs, errors) = documents_or_errors(&args.common, &s, err)?;
    let shown = docs.len();
    // The documents that references lead to are part of the plan to draw.
    let context = context(&docs, &args.common, &s);
    docs.extend(context);
    let refs: Vec<&crate::model::Document> = docs.iter().collect();
    let resolvers: Vec<Resolver> =
        crate::parallel::map(refs.clone(), |d| Resolver::new(d, s.rules.counting.clone()));
    let pairs: Vec<_> = refs.iter().copied().zip(&resolvers).collect();
    let graph = Graph::build(&pairs);
    let view = GraphView {
        graph: &graph,
        docs: &refs,
        shown,
        calendar: s.vocab.calendar,
    };
    match args.format {
        GraphFormat::Text => report::graph::text(&view, out)?,
        GraphFormat::Mermaid => report::graph::mermaid(&view, out)?,
        GraphFormat::Dot => report::graph::dot(&view, out)?,
        GraphFormat::Json => report::graph::json(&view, out)?,
    }
    Ok(if !errors.is_empty() {
        ExitStatus::Failure
    } else if view.cycles().is_empty() {
        ExitStatus::Clean
    } else {
        ExitStatus::Findings
    })
}
