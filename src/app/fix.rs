//! `tracker fix`: each input fixed until it settles, written atomically, then what remains
//! is checked across all files as `check` would see it.

use std::io::Write;

use anyhow::Result;

use super::check::{check_all, status};
use super::context::context;
use super::{ExitStatus, read_documents, settings};
use crate::cli::FixArgs;
use crate::fix::{Unsettled, fix_document};
use crate::input::{Input, InputError};
use crate::report::{self, Fixes, Report};
use crate::write::write_fixed;

pub(super) fn run_fix(
    args: &FixArgs,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<ExitStatus> {
    let s = settings(&args.common)?;
    let (docs, mut errors) = read_documents(&args.common, &s);
    let mut fixed_docs = Vec::new();
    let mut fixes = Fixes::default();
    let mut stdin = false;
    // Fixing is per file and runs in parallel; writing and reporting keep the input order.
    let results = crate::parallel::map(docs, |(input, doc)| {
        let text = doc.source.text.clone();
        let fixed = crate::panic::catch(|| {
            crate::debug_hooks::panic_at("fix", input.path());
            fix_document(doc, &s.vocab, &s.rules, args.unsafe_fixes)
        });
        (input, text, fixed)
    });
    for (input, text, fixed) in results {
        let path = input.path().to_path_buf();
        let fixed = match fixed {
            Ok(Ok(fixed)) => fixed,
            Err(internal) => {
                errors.push(InputError {
                    path,
                    cause: internal.to_string(),
                });
                continue;
            }
            Ok(Err(Unsettled { rules })) => {
                let cause = format!(
                    "fixes did not settle after 10 rounds; still firing: {}",
                    rules.join(", ")
                );
                errors.push(InputError { path, cause });
                continue;
            }
        };
        if let Input::Stdin(_) = input {
            // A pipeline gets the document back, fixed or not; the report goes to stderr.
            if !args.diff {
                out.write_all(fixed.text.as_bytes())?;
                stdin = true;
            }
        }
        if fixed.text != text {
            let written = match (&input, args.diff) {
                (_, true) => {
                    report::write_diff(out, &path, &text, &fixed.text).map_err(anyhow::Error::from)
                }
                (Input::Stdin(_), false) => Ok(()),
                (Input::File(file) | Input::Walked(file), false) => {
                    write_fixed(file, text.as_bytes(), fixed.text.as_bytes())
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
            fixes.findings += fixed.applied;
        }
        fixed_docs.push(fixed.document);
    }
    // What remains is checked across all files, as `check` would see them.
    let context = context(&fixed_docs, &args.common, &s);
    let files = check_all(fixed_docs, &context, &s, &mut errors);
    if args.diff {
        for e in &errors {
            writeln!(err, "error: {}: {}", e.path.display(), e.cause)?;
        }
        return Ok(match (errors.is_empty(), fixes.files) {
            (false, _) => ExitStatus::Failure,
            (true, 0) => ExitStatus::Clean,
            (true, _) => ExitStatus::Findings,
        });
    }
    let report = Report {
        files,
        errors,
        fixes: Some(fixes),
    };
    if stdin {
        // The report goes to stderr so that stdout holds only the document.
        let mut to_err = Vec::new();
        report::render(&report, args.format, false, &mut to_err, err)?;
        err.write_all(&to_err)?;
    } else {
        report::render(&report, args.format, s.color, out, err)?;
    }
    Ok(status(&report))
}
