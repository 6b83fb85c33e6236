//! `tracker fix`: each input fixed until it settles, written atomically, then what remains
//! is checked across all files as `check` would see it.

use std::io::Write;

use anyhow::Result;

use super::exit::ExitStatus;
use super::setup::{request, settings};
use crate::cli::FixArgs;
use crate::fix::{Unsettled, fix_document};
use crate::input::{self, Input, InputError};
use crate::pipeline::{self, Analysed, Local};
use crate::report::{self, Fixes, Report};
use crate::write::write_fixed;

/// What fixing a file changed, and how many findings it fixed.
struct Settled {
    change: Option<Change>,
    applied: usize,
}

/// A file that fixing changed: its text before, to be written over only if the file still
/// holds it; or, under `--diff`, the diff to show, made on the core that fixed the file.
enum Change {
    Write(String),
    Diff(Vec<u8>),
}

pub(super) fn run_fix(
    args: &FixArgs,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<ExitStatus> {
    let (s, color) = settings(&args.common)?;
    let (inputs, mut errors) = input::collect(
        &args.common.paths,
        args.common.stdin_filename.as_deref(),
        &s.filter,
    );
    // `fix -` is a filter: standard output gets the document back, and nothing else.
    let filter = !args.diff && inputs.iter().any(|i| matches!(i, Input::Stdin(_)));
    // Each file is fixed on its own, in parallel, and kept only as its text before and
    // after, its findings and its fragment of the graph; writing and reporting keep the input
    // order.
    let (results, failed) = pipeline::read_each(inputs, &s, |input, doc| {
        let before = doc.source.text.clone();
        crate::debug_hooks::panic_at("fix", input.path());
        let fixed = fix_document(doc, &s, args.unsafe_fixes)?;
        let local = Local::of_findings(&fixed.document, fixed.remaining, &s);
        let after = &fixed.document.source.text;
        let change = (*after != before).then(|| {
            if args.diff {
                let mut diff = Vec::new();
                // Writing into memory cannot fail.
                let _ = report::write_diff(&mut diff, input.path(), &before, after);
                Change::Diff(diff)
            } else {
                Change::Write(before)
            }
        });
        Ok(Analysed {
            source: fixed.document.source,
            local,
            fragment: fixed.fragment,
            kept: Settled {
                change,
                applied: fixed.applied,
            },
        })
    });
    errors.extend(failed);
    let mut fixes = Fixes::default();
    let mut echoed = false;
    let mut pending = Vec::new();
    for (input, analysed) in results {
        let path = input.path().to_path_buf();
        let analysed = match analysed {
            Ok(analysed) => analysed,
            Err(Unsettled { rules }) => {
                let cause = format!(
                    "fixes did not settle after 10 rounds; still firing: {}",
                    rules.join(", ")
                );
                errors.push(InputError { path, cause });
                continue;
            }
        };
        let (fixed, settled) = (&analysed.source.text, &analysed.kept);
        if filter && !echoed && matches!(input, Input::Stdin(_)) {
            out.write_all(fixed.as_bytes())?;
            echoed = true;
        }
        if let Some(change) = &settled.change {
            let written = match (&input, change) {
                (_, Change::Diff(diff)) => out.write_all(diff).map_err(anyhow::Error::from),
                (Input::Stdin(_), Change::Write(_)) => Ok(()),
                (Input::File(file) | Input::Walked(file), Change::Write(before)) => {
                    write_fixed(file, before.as_bytes(), fixed.as_bytes())
                        .map_err(|e| anyhow::anyhow!("{e}"))
                }
            };
            if let Err(e) = written {
                errors.push(InputError {
                    path,
                    cause: e.to_string(),
                });
                continue;
            }
            fixes.files += 1;
            fixes.findings += settled.applied;
        }
        pending.push(analysed);
    }
    // What remains is checked across all files, as `check` would see them.
    let context = pipeline::context_of(&pending, request(&args.common), &s, |_, _| ());
    let outcome = pipeline::conclude(pending, context, &s, errors);
    let errors = outcome.errors;
    let files: Vec<_> = outcome.files.into_iter().map(|(file, _)| file).collect();
    if args.diff {
        for e in &errors {
            writeln!(err, "error: {}: {}", report::shown_path(&e.path), e.cause)?;
        }
        return Ok(match (errors.is_empty(), fixes.files) {
            (false, _) => ExitStatus::Failure,
            (true, 0) => ExitStatus::Clean,
            (true, _) => ExitStatus::Findings,
        });
    }
    if filter && !echoed {
        // Standard input could not be fixed (or read): a pipeline that writes the output
        // back over the document gets the document as it was, or nothing if it was never
        // read in full.
        out.write_all(input::stdin_bytes().unwrap_or_default())?;
    }
    let report = Report {
        files,
        errors,
        fixes: Some(fixes),
    };
    if filter {
        // The report goes to stderr so that stdout holds only the document.
        let mut to_err = Vec::new();
        report::render(&report, args.format, false, &mut to_err, err)?;
        err.write_all(&to_err)?;
    } else {
        report::render(&report, args.format, color, out, err)?;
    }
    Ok(ExitStatus::of_report(&report))
}
