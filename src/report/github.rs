//! GitHub Actions workflow commands: `::error file=...,line=...::message`, one per finding.

use std::io::{self, Write};

use super::results::{Report, range};
use crate::diagnostic::Severity;

pub fn render(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    for e in &report.errors {
        writeln!(
            out,
            "::error file={}::{}",
            property(&e.path.display().to_string()),
            data(&e.cause)
        )?;
    }
    for (file, d) in report.diagnostics() {
        let ((line, col), (end_line, end_col)) = range(&file.source, d);
        let level = match d.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        writeln!(
            out,
            "::{level} file={},line={line},col={col},endLine={end_line},endColumn={end_col},title={}::{}",
            property(&file.source.path.display().to_string()),
            property(&format!("{} {}", d.rule.code, d.rule.name)),
            data(&d.message)
        )?;
    }
    Ok(())
}

/// Escapes a message as the workflow command format requires.
fn data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a property value (also `:` and `,`).
fn property(s: &str) -> String {
    data(s).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    #[test]
    fn escaping() {
        assert_eq!(super::property("a:b,c%"), "a%3Ab%2Cc%25");
        assert_eq!(super::data("x\ny"), "x%0Ay");
    }
}
