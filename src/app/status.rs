//! `tracker status`: the computed progress of every input, with the findings on each part.

use std::io::Write;

use anyhow::Result;

use super::exit::ExitStatus;
use super::setup::{request, settings};
use crate::cli::{StatusArgs, StatusFormat};
use crate::pipeline;
use crate::report;
use crate::report::status::StatusView;
use crate::status::outline;

/// Exits 0 whatever the findings (it is a view, `check` is the gate), 2 when a file could
/// not be read.
pub(super) fn run_status(
    args: &StatusArgs,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<ExitStatus> {
    let (s, color) = settings(&args.common)?;
    // Each document's outline is made while its model is at hand; the findings of every
    // file, graph rules included, are known only once all are read.
    let outcome = pipeline::run(request(&args.common), &s, |r, _| outline(r), |_, _| ());
    for e in &outcome.errors {
        writeln!(err, "error: {}: {}", report::shown_path(&e.path), e.cause)?;
    }
    let statuses: Vec<_> = outcome
        .files
        .into_iter()
        .map(|(file, outline)| {
            let status = outline.with_findings(&file.source, &file.diagnostics);
            (file.source.path, status)
        })
        .collect();
    let views: Vec<StatusView> = statuses
        .iter()
        .map(|(path, status)| StatusView {
            path: path.display().to_string(),
            status,
        })
        .collect();
    match args.format {
        StatusFormat::Text => report::status::text(&views, color, out)?,
        StatusFormat::Json => report::status::json(&views, out)?,
    }
    Ok(if outcome.errors.is_empty() {
        ExitStatus::Clean
    } else {
        ExitStatus::Failure
    })
}
