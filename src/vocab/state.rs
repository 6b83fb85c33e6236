//! The state of a unit of work, the one vocabulary every marker and word maps to.

use std::fmt;

use serde::{Deserialize, Serialize};

/// The state of a unit of work.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum State {
    Done,
    InProgress,
    Open,
    Blocked,
    Cancelled,
}

impl State {
    pub fn as_str(self) -> &'static str {
        match self {
            State::Done => "done",
            State::InProgress => "in progress",
            State::Open => "not started",
            State::Blocked => "blocked",
            State::Cancelled => "cancelled",
        }
    }

    /// Whether work has begun (anything but open and blocked, which count as not started).
    pub fn started(self) -> bool {
        matches!(self, State::Done | State::InProgress)
    }
}

impl fmt::Display for State {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}
