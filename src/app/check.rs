//! `tracker check`: every input parsed and checked together, then reported.

use std::io::Write;

use anyhow::Result;

use super::exit::ExitStatus;
use super::setup::{request, settings};
use crate::cli::CheckArgs;
use crate::pipeline;
use crate::report::{self, Report};

pub(super) fn run_check(
    args: &CheckArgs,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<ExitStatus> {
    let (s, color) = settings(&args.common)?;
    let outcome = pipeline::run(request(&args.common), &s, |_, _| (), |_, _| ());
    let report = Report {
        files: outcome.files.into_iter().map(|(file, ())| file).collect(),
        errors: outcome.errors,
        fixes: None,
    };
    report::render(&report, args.format, color, out, err)?;
    Ok(ExitStatus::of_report(&report))
}
