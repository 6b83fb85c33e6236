//! `tracker status`: the computed progress of every input, with the findings on each part.

use std::io::Write;

use anyhow::Result;

use super::context::context;
use super::{ExitStatus, documents_or_errors, settings};
use crate::check::check_with_context;
use crate::cli::{StatusArgs, StatusFormat};
use crate::model::Document;
use crate::report;
use crate::report::status::StatusView;
use crate::resolve::Resolver;
use crate::status::document_status;

/// Exits 0 whatever the findings (it is a view, `check` is the gate), 2 when a file could
/// not be read.
pub(super) fn run_status(
    args: &StatusArgs,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<ExitStatus> {
    let s = settings(&args.common)?;
    let (docs, mut errors) = documents_or_errors(&args.common, &s, err)?;
    let refs: Vec<&Document> = docs.iter().collect();
    let context = context(&docs, &args.common, &s);
    let context: Vec<&Document> = context.iter().collect();
    let mut checked = Vec::with_capacity(docs.len());
    for (doc, found) in docs
        .iter()
        .zip(check_with_context(&refs, &context, &s.vocab, &s.rules))
    {
        match found {
            Ok(found) => checked.push((doc, found)),
            Err(internal) => {
                writeln!(err, "error: {}: {internal}", doc.source.path.display())?;
                errors.push(crate::input::InputError {
                    path: doc.source.path.clone(),
                    cause: internal.to_string(),
                });
            }
        }
    }
    let (docs, findings): (Vec<&Document>, Vec<Vec<_>>) = checked.into_iter().unzip();
    let statuses = crate::parallel::map(docs.iter().zip(&findings).collect(), |(doc, found)| {
        document_status(&Resolver::new(doc, s.rules.counting.clone()), found)
    });
    let views: Vec<StatusView> = docs
        .iter()
        .zip(&statuses)
        .map(|(doc, status)| StatusView {
            path: doc.source.path.display().to_string(),
            status,
        })
        .collect();
    match args.format {
        StatusFormat::Text => report::status::text(&views, s.color, out)?,
        StatusFormat::Json => report::status::json(&views, out)?,
    }
    Ok(if errors.is_empty() {
        ExitStatus::Clean
    } else {
        ExitStatus::Failure
    })
}
