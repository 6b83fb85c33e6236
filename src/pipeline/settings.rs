//! What the pipeline is asked to do: which files, which rules, which words.

use std::path::{Path, PathBuf};

use crate::diagnostic::Severity;
use crate::input::Filter;
use crate::resolve::Counting;
use crate::rules::{RULES, Rule};
use crate::vocab::Vocab;

/// What every step works with: the rules and how units count, the words of the documents,
/// and which walked files are taken.
#[derive(Debug, Clone, Default)]
pub struct Settings {
    pub rules: RuleSettings,
    pub vocab: Vocab,
    pub filter: Filter,
}

/// What to read: the paths named (none: the current directory), and where standard input
/// (`-`) stands.
#[derive(Debug, Clone, Copy, Default)]
pub struct Request<'a> {
    pub paths: &'a [PathBuf],
    pub stdin_filename: Option<&'a Path>,
}

/// Which rules run and at what severity, and how units count.
#[derive(Debug, Clone)]
pub struct RuleSettings {
    /// Enabled rules with their severity.
    pub enabled: Vec<(&'static Rule, Severity)>,
    pub counting: Counting,
}

impl Default for RuleSettings {
    fn default() -> Self {
        Self {
            enabled: RULES.iter().map(|r| (*r, Severity::Error)).collect(),
            counting: Counting::default(),
        }
    }
}
