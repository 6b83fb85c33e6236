//! How a run ends.

use crate::report::Report;

/// How a run ended, as the process exit code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExitStatus {
    /// Nothing to report.
    Clean = 0,
    /// Findings of severity error (or, with `fix --diff`, changes to make).
    Findings = 1,
    /// A file could not be read or written, or the configuration is wrong.
    Failure = 2,
}

impl ExitStatus {
    /// A report's exit: failure when an input could not be taken, findings when one is an
    /// error.
    pub(super) fn of_report(report: &Report) -> Self {
        if !report.errors.is_empty() {
            ExitStatus::Failure
        } else if report.failing() > 0 {
            ExitStatus::Findings
        } else {
            ExitStatus::Clean
        }
    }
}
