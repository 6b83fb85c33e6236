//! The concise format: one line per finding, `path:line:col: CODE [*] name message`, then
//! the summary, as in the human format without the source lines.

use std::io::{self, Write};

use owo_colors::Style;

use super::human::{errors, paint, summary};
use super::{Report, range};
use crate::diagnostic::Severity;

pub fn render(
    report: &Report,
    color: bool,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<()> {
    errors(report, color, err)?;
    for (file, d) in report.diagnostics() {
        let ((line, col), _) = range(&file.source, d);
        let fixable = if d.has_safe_fix() { " [*]" } else { "" };
        let code = match d.severity {
            Severity::Error => Style::new().red().bold(),
            Severity::Warning => Style::new().yellow().bold(),
        };
        let location = format!("{}:{line}:{col}:", file.source.path.display());
        writeln!(
            out,
            "{} {}{fixable} {} {}",
            paint(&location, Style::new().bold(), color),
            paint(d.rule.code, code, color),
            d.rule.name,
            d.message
        )?;
    }
    summary(report, color, out)
}
