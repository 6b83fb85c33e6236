//! The JSON format: one document, schema version 1 (docs/output.md). Lines and columns are
//! 1-based; columns count characters; ends are exclusive.

use std::io::{self, Write};

use serde::Serialize;

use super::results::{Report, range};
use crate::diagnostic::{Applicability, Severity};

pub const SCHEMA_VERSION: u32 = 1;

#[derive(Serialize)]
struct Document<'a> {
    version: u32,
    files_checked: usize,
    diagnostics: Vec<Finding<'a>>,
    errors: Vec<Error<'a>>,
}

#[derive(Serialize)]
struct Finding<'a> {
    path: String,
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
    code: &'a str,
    rule: &'a str,
    severity: Severity,
    message: &'a str,
    fix: Option<Fix>,
}

#[derive(Serialize)]
struct Fix {
    applicability: Applicability,
    edits: Vec<Edit>,
}

#[derive(Serialize)]
struct Edit {
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
    /// Byte offsets into the file as read.
    start_offset: usize,
    end_offset: usize,
    content: String,
    applicability: Applicability,
}

#[derive(Serialize)]
struct Error<'a> {
    path: String,
    message: &'a str,
}

pub fn render(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    let diagnostics = report
        .diagnostics()
        .map(|(file, d)| {
            let ((line, column), (end_line, end_column)) = range(&file.source, d);
            let fix = d.applicability().map(|applicability| Fix {
                applicability,
                edits: d
                    .edits
                    .iter()
                    .map(|e| {
                        let (line, column) = file.source.line_col(e.span.start);
                        let (end_line, end_column) = file.source.line_col(e.span.end);
                        Edit {
                            line,
                            column,
                            end_line,
                            end_column,
                            start_offset: e.span.start,
                            end_offset: e.span.end,
                            content: e.replacement.clone(),
                            applicability: e.applicability,
                        }
                    })
                    .collect(),
            });
            Finding {
                path: file.source.path.display().to_string(),
                line,
                column,
                end_line,
                end_column,
                code: d.rule.code,
                rule: d.rule.name,
                severity: d.severity,
                message: &d.message,
                fix,
            }
        })
        .collect();
    let errors = report
        .errors
        .iter()
        .map(|e| Error {
            path: e.path.display().to_string(),
            message: &e.cause,
        })
        .collect();
    let doc = Document {
        version: SCHEMA_VERSION,
        files_checked: report.files.len(),
        diagnostics,
        errors,
    };
    serde_json::to_writer_pretty(&mut *out, &doc)?;
    writeln!(out)
}
