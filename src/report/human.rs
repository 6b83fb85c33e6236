//! The human format: `path:line:col: CODE name message`, the source line with a caret under
//! the span, the fix, and a closing summary.

use std::collections::BTreeMap;
use std::io::{self, Write};

use owo_colors::{OwoColorize, Style};
use unicode_width::UnicodeWidthStr;

use super::results::{Report, range};
use crate::diagnostic::{Diagnostic, Severity};
use crate::pipeline::FileResult;

/// Applies a style only when colour is on.
pub(super) fn paint(text: &str, style: Style, color: bool) -> String {
    if color {
        text.style(style).to_string()
    } else {
        text.to_string()
    }
}

pub fn render(
    report: &Report,
    color: bool,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<()> {
    errors(report, color, err)?;
    for (file, d) in report.diagnostics() {
        diagnostic(file, d, color, out)?;
    }
    summary(report, color, out)
}

/// Files that could not be read: `error: path: cause`, one line each.
pub(super) fn errors(report: &Report, color: bool, err: &mut dyn Write) -> io::Result<()> {
    for e in &report.errors {
        let label = paint("error", Style::new().red().bold(), color);
        writeln!(
            err,
            "{label}: {}: {}",
            super::results::shown_path(&e.path),
            e.cause
        )?;
    }
    Ok(())
}

/// A finding's first line: `path:line:col: CODE [*] name message`; also the whole of the
/// concise format.
pub(super) fn headline(file: &FileResult, d: &Diagnostic, color: bool) -> String {
    let ((line, col), _) = range(&file.source, d);
    let code_style = match d.severity {
        Severity::Error => Style::new().red().bold(),
        Severity::Warning => Style::new().yellow().bold(),
    };
    let location = format!(
        "{}:{line}:{col}:",
        super::results::shown_path(&file.source.path)
    );
    let fixable = if d.has_safe_fix() { " [*]" } else { "" };
    format!(
        "{} {}{fixable} {} {}",
        paint(&location, Style::new().bold(), color),
        paint(d.rule.code, code_style, color),
        paint(d.rule.name, Style::new().dimmed(), color),
        d.message
    )
}

fn diagnostic(
    file: &FileResult,
    d: &Diagnostic,
    color: bool,
    out: &mut dyn Write,
) -> io::Result<()> {
    let ((line, _), _) = range(&file.source, d);
    writeln!(out, "{}", headline(file, d, color))?;
    snippet(file, d, line, color, out)?;
    if let Some(help) = super::results::fix_help(file, d) {
        writeln!(
            out,
            "{:>w$} = {}",
            "",
            paint(&help, Style::new().cyan(), color),
            w = gutter(line)
        )?;
    }
    writeln!(out)
}

fn gutter(line: usize) -> usize {
    line.to_string().len()
}

/// The source line and a caret under the span (display width, so emoji line up).
fn snippet(
    file: &FileResult,
    d: &Diagnostic,
    line: usize,
    color: bool,
    out: &mut dyn Write,
) -> io::Result<()> {
    let src = &file.source;
    let span = src.line_span(line);
    let text = &src.text[span.clone()];
    let start = d.span.start.clamp(span.start, span.end) - span.start;
    let end = d.span.end.clamp(span.start, span.end) - span.start;
    let pad = text[..start].replace('\t', " ").width();
    let width = text[start..end].width().max(1);
    let w = gutter(line);
    writeln!(out, "{:>w$} |", "")?;
    writeln!(
        out,
        "{} | {}",
        paint(&line.to_string(), Style::new().blue().bold(), color),
        text.replace('\t', " ")
    )?;
    writeln!(
        out,
        "{:>w$} | {}{}",
        "",
        " ".repeat(pad),
        paint(&"^".repeat(width), Style::new().red().bold(), color)
    )
}

pub(super) fn summary(report: &Report, color: bool, out: &mut dyn Write) -> io::Result<()> {
    if let Some(fixes) = report.fixes.filter(|f| f.findings > 0) {
        let findings = if fixes.findings == 1 {
            "finding"
        } else {
            "findings"
        };
        let files = if fixes.files == 1 { "file" } else { "files" };
        writeln!(
            out,
            "Fixed {} {findings} in {} {files}.",
            fixes.findings, fixes.files
        )?;
    }
    let checked = report.files.len();
    let files = if checked == 1 { "file" } else { "files" };
    let total = report.diagnostics().count();
    // Not read, not written, or failed inside `tracker`: each error line says which.
    let unreadable = match report.errors.len() {
        0 => String::new(),
        1 => "; 1 file failed".to_string(),
        n => format!("; {n} files failed"),
    };
    if total == 0 {
        return writeln!(
            out,
            "Checked {checked} {files}: {}{unreadable}.",
            paint("no findings", Style::new().green().bold(), color)
        );
    }
    let mut by_rule: BTreeMap<(&str, &str), usize> = BTreeMap::new();
    for (_, d) in report.diagnostics() {
        *by_rule.entry((d.rule.code, d.rule.name)).or_default() += 1;
    }
    let rules: Vec<String> = by_rule
        .iter()
        .map(|((_, name), n)| format!("{name}: {n}"))
        .collect();
    let safe = report
        .diagnostics()
        .filter(|(_, d)| d.has_safe_fix())
        .count();
    let unsafe_only = report
        .diagnostics()
        .filter(|(_, d)| !d.edits.is_empty() && !d.has_safe_fix())
        .count();
    let noun = if total == 1 { "finding" } else { "findings" };
    writeln!(
        out,
        "Checked {checked} {files}: {} ({}){unreadable}. {safe} with a safe fix [*], {unsafe_only} with only an unsafe fix.",
        paint(&format!("{total} {noun}"), Style::new().red().bold(), color),
        rules.join(", ")
    )
}
