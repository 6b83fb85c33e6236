//! `.tracker.yml`: rules on/off and severity, extra markers, counting policy, include and
//! exclude globs, working hours. Found in the current directory or a parent, or given with
//! `--config`. Unknown keys and unknown rule names are errors naming the line.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use anyhow::{Context as _, Result, bail};
use globset::{Glob, GlobSet, GlobSetBuilder};
use serde::Deserialize;

use crate::check::RuleSettings;
use crate::diagnostic::Severity;
use crate::resolve::{Cancelled, Counting};
use crate::rules::{self, RULES};
use crate::vocab::{State, Vocab};

pub const FILE_NAMES: [&str; 2] = [".tracker.yml", ".tracker.yaml"];

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Config {
    /// Rule name or code → `error`, `warning` or `off`.
    #[serde(default)]
    pub rules: BTreeMap<String, Level>,
    /// Extra or remapped markers: `"🟣": in-progress`.
    #[serde(default)]
    pub markers: BTreeMap<String, State>,
    #[serde(default)]
    pub counting: CountingConfig,
    /// Globs (relative to the config file) of files to take when walking directories.
    #[serde(default)]
    pub include: Vec<String>,
    #[serde(default)]
    pub exclude: Vec<String>,
    #[serde(default)]
    pub duration: DurationConfig,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Level {
    Error,
    Warning,
    Off,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct CountingConfig {
    /// `excluded` (leave the count), `done` or `open`. Unset: any reading agrees, fixes write
    /// `excluded`.
    pub cancelled: Option<Cancelled>,
    /// `include` or `exclude`. Unset: a claim agrees if it matches either.
    pub optional: Option<OptionalMode>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum OptionalMode {
    Include,
    Exclude,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct DurationConfig {
    pub hours_per_day: f64,
    pub days_per_week: f64,
}

impl Default for DurationConfig {
    fn default() -> Self {
        Self {
            hours_per_day: 8.0,
            days_per_week: 5.0,
        }
    }
}

/// A loaded configuration and where it came from.
#[derive(Debug, Default)]
pub struct Loaded {
    pub config: Config,
    /// The file, if any; globs are relative to its directory.
    pub path: Option<PathBuf>,
}

/// The nearest config file from `dir` upwards, looking no higher than the repository that
/// holds `dir` (the folder with `.git`): a config above the repository is not its own.
/// Outside any repository every folder up to the root is looked in.
pub fn discover(dir: &Path) -> Option<PathBuf> {
    for d in dir.ancestors() {
        if let Some(found) = FILE_NAMES.iter().map(|n| d.join(n)).find(|p| p.is_file()) {
            return Some(found);
        }
        if d.join(".git").exists() {
            return None;
        }
    }
    None
}

/// Reads and validates a config file.
pub fn load(path: &Path) -> Result<Loaded> {
    let text = std::fs::read_to_string(path)
        .with_context(|| format!("{}: cannot read config", path.display()))?;
    let config = parse(&text).map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))?;
    Ok(Loaded {
        config,
        path: Some(path.to_path_buf()),
    })
}

/// Parses config text; errors name the offending key and its line.
pub fn parse(text: &str) -> Result<Config> {
    if text.trim().is_empty() {
        return Ok(Config::default());
    }
    let config: Config =
        serde_yaml::from_str(text).map_err(|e| anyhow::anyhow!("invalid config: {e}"))?;
    for name in config.rules.keys() {
        if rules::find(name).is_none() {
            let line = key_line(text, name).map_or(String::new(), |l| format!(" at line {l}"));
            bail!("unknown rule `{name}`{line} (see `tracker check --help` for rule names)");
        }
    }
    Ok(config)
}

fn key_line(text: &str, key: &str) -> Option<usize> {
    text.lines()
        .position(|l| {
            let t = l.trim_start().trim_start_matches(['"', '\'']);
            t.starts_with(key)
                && t[key.len()..]
                    .trim_start_matches(['"', '\''])
                    .trim_start()
                    .starts_with(':')
        })
        .map(|i| i + 1)
}

impl Config {
    /// Rule levels from the config, before `--select` / `--ignore`.
    pub fn rule_settings(&self) -> RuleSettings {
        let enabled = RULES
            .iter()
            .filter_map(|rule| {
                let level = self
                    .rules
                    .iter()
                    .find(|(k, _)| rules::find(k).is_some_and(|r| r.code == rule.code))
                    .map(|(_, l)| *l);
                match level {
                    Some(Level::Off) => None,
                    Some(Level::Warning) => Some((*rule, Severity::Warning)),
                    _ => Some((*rule, Severity::Error)),
                }
            })
            .collect();
        let optional = self.counting.optional.map(|o| o == OptionalMode::Include);
        RuleSettings {
            enabled,
            counting: Counting::new(optional, self.counting.cancelled),
        }
    }

    pub fn vocab(&self) -> Vocab {
        let extra: Vec<(String, State)> =
            self.markers.iter().map(|(m, s)| (m.clone(), *s)).collect();
        Vocab::new(&extra)
    }

    pub fn globs(&self) -> Result<(Option<GlobSet>, Option<GlobSet>)> {
        Ok((build(&self.include)?, build(&self.exclude)?))
    }
}

fn build(globs: &[String]) -> Result<Option<GlobSet>> {
    if globs.is_empty() {
        return Ok(None);
    }
    let mut b = GlobSetBuilder::new();
    for g in globs {
        b.add(Glob::new(g).with_context(|| format!("invalid glob `{g}`"))?);
    }
    Ok(Some(b.build()?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn full_config() {
        let c = parse(
            "rules:\n  mojibake: off\n  TRK002: warning\nmarkers:\n  \"🟣\": in-progress\ncounting:\n  cancelled: done\n  optional: exclude\ninclude: [\"docs/**\"]\nduration:\n  hours-per-day: 6\n  days-per-week: 4\n",
        )
        .unwrap();
        let s = c.rule_settings();
        assert!(!s.enabled.iter().any(|(r, _)| r.name == "mojibake"));
        assert!(
            s.enabled
                .iter()
                .any(|(r, sev)| r.code == "TRK002" && *sev == Severity::Warning)
        );
        // Pinned optional and cancelled policies; nesting is read both ways.
        assert_eq!(s.counting.policies.len(), 2);
        assert_eq!(c.vocab().marker_state("🟣"), Some(State::InProgress));
    }

    #[test]
    fn unknown_rule_names_its_line() {
        let e = parse("rules:\n  count-mismatch: off\n  cout-mismatch: off\n")
            .unwrap_err()
            .to_string();
        assert!(e.contains("unknown rule `cout-mismatch` at line 3"), "{e}");
    }

    #[test]
    fn unknown_key_names_its_line() {
        let e = parse("rules: {}\ncountng:\n  cancelled: done\n")
            .unwrap_err()
            .to_string();
        assert!(
            e.contains("unknown field `countng`") && e.contains("line 2"),
            "{e}"
        );
    }
}
