//! `tracker check`: every input parsed and checked together, then reported.

use std::io::Write;

use anyhow::Result;

use super::context::context_parts;
use super::{ExitStatus, Settings, read_each, settings};
use crate::check::{Local, check_graph, check_local};
use crate::cli::{CheckArgs, CommonArgs};
use crate::graph::{Graph, Nodes, Part};
use crate::input::{self, InputError};
use crate::report::{self, FileResult, Report};
use crate::resolve::Resolver;
use crate::source::SourceFile;

pub(super) fn run_check(
    args: &CheckArgs,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<ExitStatus> {
    let s = settings(&args.common)?;
    let (files, errors) = check_streaming(&args.common, &s, |_| ());
    let report = Report {
        files: files.into_iter().map(|(file, ())| file).collect(),
        errors,
        fixes: None,
    };
    report::render(&report, args.format, s.color, out, err)?;
    let status = status(&report);
    super::drop_later(report);
    Ok(status)
}

/// Every input checked as [`crate::check::check_with_context`] would, keeping only what
/// the graph needs of each, and what `keep` takes of its resolved document: a file
/// is read, parsed and checked by its own rules as one piece of work, on whichever core is
/// free, and its model is dropped before the next is read. A repository of thousands of
/// trackers is never all in memory at once.
pub(super) fn check_streaming<T: Send>(
    args: &CommonArgs,
    s: &Settings,
    keep: impl Fn(&Resolver) -> T + Sync,
) -> (Vec<(FileResult, T)>, Vec<InputError>) {
    let (inputs, mut errors) =
        input::collect(&args.paths, args.stdin_filename.as_deref(), &s.filter);
    let (checked, failed) = read_each(inputs, s, |_, mut doc| {
        let resolver = Resolver::new(&doc, s.rules.counting.clone());
        let local = check_local(&doc, &resolver, &s.vocab, &s.rules);
        let nodes = Nodes::of(&doc, &resolver);
        let kept = keep(&resolver);
        drop(resolver);
        let part = Part::taken(&mut doc, nodes);
        (doc.source, local, kept, part)
    });
    errors.extend(failed);
    let (mut pending, mut parts) = (Vec::with_capacity(checked.len()), Vec::new());
    for (_, (source, local, kept, part)) in checked {
        pending.push((source, local, kept));
        parts.push(part);
    }
    let given: Vec<&Part> = parts.iter().collect();
    let context = context_parts(&given, args, s, |_, _| ());
    parts.extend(context.into_iter().map(|(part, ())| part));
    let files = check_graphs(pending, parts, s, &mut errors);
    (files, errors)
}

/// The graph of `parts` (those of the `pending` files first, then any context), and each
/// pending file's findings with those of the graph rules, beside what was kept of it; a
/// file whose check failed inside `tracker` goes to `errors` instead.
pub(super) fn check_graphs<T: Send>(
    pending: Vec<(SourceFile, Local, T)>,
    parts: Vec<Part>,
    s: &Settings,
    errors: &mut Vec<InputError>,
) -> Vec<(FileResult, T)> {
    let graph = Graph::from_parts(parts);
    let indexed: Vec<_> = pending.into_iter().enumerate().collect();
    let done = crate::parallel::map(indexed, |(i, (source, local, kept))| {
        let found = check_graph(local, &source, &graph, i, &s.vocab, &s.rules);
        (source, found, kept)
    });
    super::drop_later(graph);
    let mut files = Vec::with_capacity(done.len());
    for (source, found, kept) in done {
        match found {
            Ok(diagnostics) => files.push((
                FileResult {
                    source,
                    diagnostics,
                },
                kept,
            )),
            Err(internal) => errors.push(InputError {
                path: source.path,
                cause: internal.to_string(),
            }),
        }
    }
    files
}

pub(super) fn status(report: &Report) -> ExitStatus {
    if !report.errors.is_empty() {
        ExitStatus::Failure
    } else if report.failing() > 0 {
        ExitStatus::Findings
    } else {
        ExitStatus::Clean
    }
}
