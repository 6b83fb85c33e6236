//! What a run found, and how findings and paths are shown in every format.

use crate::diagnostic::{Applicability, Diagnostic, Severity};
use crate::input::InputError;
use crate::pipeline::FileResult;
use crate::source::SourceFile;

/// What `fix` changed.
#[derive(Debug, Default, Clone, Copy)]
pub struct Fixes {
    pub findings: usize,
    pub files: usize,
}

/// Everything a run found.
#[derive(Debug, Default)]
pub struct Report {
    pub files: Vec<FileResult>,
    pub errors: Vec<InputError>,
    /// For `fix`: what was fixed; the files hold the findings that remain.
    pub fixes: Option<Fixes>,
}

impl Report {
    pub fn diagnostics(&self) -> impl Iterator<Item = (&FileResult, &Diagnostic)> {
        self.files
            .iter()
            .flat_map(|f| f.diagnostics.iter().map(move |d| (f, d)))
    }

    /// Findings that fail the run (severity error).
    pub fn failing(&self) -> usize {
        self.diagnostics()
            .filter(|(_, d)| d.severity == Severity::Error)
            .count()
    }
}

/// A path as a line of text shows it: control characters (a newline or tab in a file
/// name) escaped as Rust escapes them, so that one error or finding stays one line.
pub fn shown_path(path: &std::path::Path) -> String {
    let text = path.display().to_string();
    if !text.chars().any(char::is_control) {
        return text;
    }
    text.chars()
        .map(|c| {
            if c.is_control() {
                c.escape_default().to_string()
            } else {
                c.to_string()
            }
        })
        .collect()
}

/// 1-based line and column (in characters) of the start and end of a diagnostic.
pub(crate) fn range(source: &SourceFile, d: &Diagnostic) -> ((usize, usize), (usize, usize)) {
    (source.line_col(d.span.start), source.line_col(d.span.end))
}

/// "fix: replace `12.5` with `50`", with unsafe edits marked.
pub(crate) fn fix_help(file: &FileResult, d: &Diagnostic) -> Option<String> {
    if d.edits.is_empty() {
        return None;
    }
    let text = &file.source.text;
    let kind = |a: Applicability| {
        if a == Applicability::Unsafe {
            " (unsafe fix)"
        } else {
            ""
        }
    };
    if d.edits.len() > 3 {
        let a = d.applicability().unwrap_or(Applicability::Safe);
        return Some(format!("fix: {} replacements{}", d.edits.len(), kind(a)));
    }
    let parts: Vec<String> = d
        .edits
        .iter()
        .map(|e| {
            format!(
                "replace `{}` with `{}`{}",
                &text[e.span.clone()],
                e.replacement,
                kind(e.applicability)
            )
        })
        .collect();
    Some(format!("fix: {}", parts.join(", ")))
}
