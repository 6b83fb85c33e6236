//! `tracker check`: every input parsed and checked together, then reported.

use std::io::Write;

use anyhow::Result;

use super::context::context;
use super::{ExitStatus, Settings, read_documents, settings};
use crate::check::check_with_context;
use crate::cli::CheckArgs;
use crate::input::InputError;
use crate::model::Document;
use crate::report::{self, FileResult, Report};

pub(super) fn run_check(
    args: &CheckArgs,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<ExitStatus> {
    let s = settings(&args.common)?;
    let (docs, mut errors) = read_documents(&args.common, &s);
    let docs: Vec<_> = docs.into_iter().map(|(_, doc)| doc).collect();
    let context = context(&docs, &args.common, &s);
    let files = check_all(docs, &context, &s, &mut errors);
    let report = Report {
        files,
        errors,
        fixes: None,
    };
    report::render(&report, args.format, s.color, out, err)?;
    Ok(status(&report))
}

/// Checks documents together (references resolve across them) and pairs each with its
/// findings; a document whose check failed inside `tracker` goes to `errors` instead.
pub(super) fn check_all(
    docs: Vec<Document>,
    context: &[Document],
    s: &Settings,
    errors: &mut Vec<InputError>,
) -> Vec<FileResult> {
    let refs: Vec<&Document> = docs.iter().collect();
    let context: Vec<&Document> = context.iter().collect();
    let findings = check_with_context(&refs, &context, &s.vocab, &s.rules);
    // What each document keeps is its source; the rest of its model is freed here, on
    // every core.
    let pairs: Vec<_> = docs.into_iter().zip(findings).collect();
    let kept = crate::parallel::map(pairs, |(doc, found)| (doc.source, found));
    let mut files = Vec::with_capacity(kept.len());
    for (source, found) in kept {
        match found {
            Ok(diagnostics) => files.push(FileResult {
                source,
                diagnostics,
            }),
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
