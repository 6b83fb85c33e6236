//! Findings and the edits that fix them.

use serde::Serialize;

use crate::source::Span;

/// The rule a finding comes from, as findings, reports and suppressions name it: its
/// stable code (`TRK001`) and its kebab-case name (`count-mismatch`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct RuleId {
    pub code: &'static str,
    pub name: &'static str,
}

/// Whether an edit may be applied without asking: recomputed numbers are safe; rewritten
/// status words and markers are unsafe (they need `--unsafe-fixes`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Applicability {
    Safe,
    Unsafe,
}

/// Replace the bytes of `span` (offsets into the original text) with `replacement`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edit {
    pub span: Span,
    pub replacement: String,
    pub applicability: Applicability,
}

impl Edit {
    pub fn safe(span: Span, replacement: impl Into<String>) -> Self {
        Self {
            span,
            replacement: replacement.into(),
            applicability: Applicability::Safe,
        }
    }

    pub fn unsafe_(span: Span, replacement: impl Into<String>) -> Self {
        Self {
            span,
            replacement: replacement.into(),
            applicability: Applicability::Unsafe,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

/// One finding: a rule, where, what, and the edits that would fix it.
#[derive(Debug, Clone)]
pub struct Diagnostic {
    pub rule: RuleId,
    pub severity: Severity,
    /// The span the caret points at (bytes of the original text).
    pub span: Span,
    pub message: String,
    /// Edits of the fix, over original-text spans; empty when nothing can be recomputed.
    pub edits: Vec<Edit>,
}

impl Diagnostic {
    pub fn new(rule: impl Into<RuleId>, span: Span, message: impl Into<String>) -> Self {
        Self {
            rule: rule.into(),
            severity: Severity::Error,
            span,
            message: message.into(),
            edits: Vec::new(),
        }
    }

    pub fn with_edits(mut self, edits: Vec<Edit>) -> Self {
        self.edits = edits;
        self
    }

    /// The least safe applicability among the edits, if any.
    pub fn applicability(&self) -> Option<Applicability> {
        self.edits.iter().map(|e| e.applicability).max()
    }

    pub fn has_safe_fix(&self) -> bool {
        self.edits
            .iter()
            .any(|e| e.applicability == Applicability::Safe)
    }
}
