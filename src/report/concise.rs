//! The concise format: one line per finding, `path:line:col: CODE [*] name message`, then
//! the summary, as in the human format without the source lines.

use std::io::{self, Write};

use super::human::{errors, headline, summary};
use super::results::Report;

pub fn render(
    report: &Report,
    color: bool,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<()> {
    errors(report, color, err)?;
    for (file, d) in report.diagnostics() {
        writeln!(out, "{}", headline(file, d, color))?;
    }
    summary(report, color, out)
}
