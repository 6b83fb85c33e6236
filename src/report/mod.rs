//! Rendering results: the only module that writes output, and only to the writers it is given.

mod concise;
mod diff;
mod github;
pub mod graph;
mod human;
mod json;
mod results;
mod sarif;
pub mod status;

use std::io::{self, Write};

use clap::ValueEnum;

pub use crate::pipeline::FileResult;
pub use diff::write_diff;
pub use results::{Fixes, Report, shown_path};

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Findings with the source line, a caret under the figure, and the fix.
    Human,
    /// One JSON document (schema in docs/output.md).
    Json,
    /// GitHub Actions workflow annotations.
    Github,
    /// SARIF 2.1.0, for code-scanning services.
    Sarif,
    /// One line per finding.
    Concise,
}

/// Writes the report: findings to `out`; in the human format, read errors to `err`.
pub fn render(
    report: &Report,
    format: Format,
    color: bool,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<()> {
    match format {
        Format::Human => human::render(report, color, out, err),
        Format::Json => json::render(report, out),
        Format::Github => github::render(report, out),
        Format::Sarif => sarif::render(report, out),
        Format::Concise => concise::render(report, color, out, err),
    }
}
