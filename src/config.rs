//! `.tracker.yml`: rules on/off and severity, extra markers, counting policy, include and
//! exclude globs, working hours. Found in the current directory or a parent, or given with
//! `--config`. Unknown keys and unknown rule names are errors naming the line.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use anyhow::{Context as _, Result};
use globset::{Glob, GlobSet, GlobSetBuilder};
use serde::Deserialize;

use crate::diagnostic::Severity;
use crate::pipeline::RuleSettings;
use crate::resolve::{Cancelled, Counting};
use crate::rules::{self, RULES};
use crate::vocab::{Calendar, State, Vocab};

pub const FILE_NAMES: [&str; 2] = [".tracker.yml", ".tracker.yaml"];

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Config {
    /// Rule name or code → `error`, `warning` or `off`.
    #[serde(default, deserialize_with = "unique_keys")]
    pub rules: BTreeMap<String, Level>,
    /// Extra or remapped markers: `"🟣": in-progress`.
    #[serde(default, deserialize_with = "unique_keys")]
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

/// The working calendar durations are converted with; each key defaults on its own.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct DurationConfig {
    pub hours_per_day: Option<f64>,
    pub days_per_week: Option<f64>,
}

impl DurationConfig {
    /// The calendar, the defaults standing in for keys not set.
    pub fn calendar(&self) -> Calendar {
        let default = Calendar::default();
        Calendar {
            hours_per_day: self.hours_per_day.unwrap_or(default.hours_per_day),
            days_per_week: self.days_per_week.unwrap_or(default.days_per_week),
        }
    }
}

/// A map whose keys are each written once: YAML allows a key twice and keeps the last,
/// which would silently drop a setting.
fn unique_keys<'de, D, V>(d: D) -> Result<BTreeMap<String, V>, D::Error>
where
    D: serde::Deserializer<'de>,
    V: Deserialize<'de>,
{
    struct Unique<V>(std::marker::PhantomData<V>);
    impl<'de, V: Deserialize<'de>> serde::de::Visitor<'de> for Unique<V> {
        type Value = BTreeMap<String, V>;
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("a map")
        }
        fn visit_map<A: serde::de::MapAccess<'de>>(
            self,
            mut map: A,
        ) -> Result<Self::Value, A::Error> {
            let mut out = BTreeMap::new();
            while let Some((key, value)) = map.next_entry::<String, V>()? {
                if out.contains_key(&key) {
                    return Err(serde::de::Error::custom(format!("`{key}` is set twice")));
                }
                out.insert(key, value);
            }
            Ok(out)
        }
    }
    d.deserialize_map(Unique(std::marker::PhantomData))
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
    read(text).map_err(|e| anyhow::anyhow!("invalid config: {e}"))
}

/// The config in `text`, or what is wrong with it and where.
fn read(text: &str) -> std::result::Result<Config, String> {
    let config: Config = serde_yaml::from_str(text).map_err(|e| yaml_error(text, &e))?;
    let at = |key: &str| line_of(key_lines(text, key).next());
    let mut named: BTreeMap<&str, &str> = BTreeMap::new();
    for name in config.rules.keys() {
        let Some(rule) = rules::find(name) else {
            let line = at(name);
            return Err(format!(
                "unknown rule `{name}`{line} (see `tracker rules` for rule names)"
            ));
        };
        // `TRK001` and `count-mismatch` are one rule: two levels for it contradict.
        if let Some(first) = named.insert(rule.code, name) {
            let line = at(name);
            return Err(format!(
                "`{name}`{line} and `{first}` are the same rule ({} {}); set it once",
                rule.code, rule.name
            ));
        }
    }
    check_duration(text, "hours-per-day", config.duration.hours_per_day, 24.0)?;
    check_duration(text, "days-per-week", config.duration.days_per_week, 7.0)?;
    Ok(config)
}

/// serde's message; a key written twice is named with the line of its second writing
/// (serde knows the key but not where it is).
fn yaml_error(text: &str, e: &serde_yaml::Error) -> String {
    let message = e.to_string();
    let twice = message
        .split_once("duplicate field `")
        .or_else(|| {
            message
                .split_once("`")
                .filter(|(_, rest)| rest.contains("` is set twice"))
        })
        .and_then(|(_, rest)| rest.split('`').next());
    match twice {
        Some(key) => format!(
            "`{key}` is set twice{}",
            line_of(key_lines(text, key).nth(1))
        ),
        None => message,
    }
}

fn line_of(line: Option<usize>) -> String {
    line.map_or(String::new(), |l| format!(" at line {l}"))
}

/// A calendar figure must be a number above 0 and at most `max`.
fn check_duration(
    text: &str,
    key: &str,
    value: Option<f64>,
    max: f64,
) -> std::result::Result<(), String> {
    match value {
        Some(v) if !(v > 0.0 && v <= max) => Err(format!(
            "duration.{key}{} must be a number above 0 and at most {max}, not {v}",
            line_of(key_lines(text, key).next())
        )),
        _ => Ok(()),
    }
}

/// The lines (1-based) where `key` is written as a key, in order.
fn key_lines<'t>(text: &'t str, key: &'t str) -> impl Iterator<Item = usize> + 't {
    text.lines().enumerate().filter_map(move |(i, l)| {
        let t = l.trim_start().trim_start_matches(['"', '\'']);
        let is_key = t.starts_with(key)
            && t[key.len()..]
                .trim_start_matches(['"', '\''])
                .trim_start()
                .starts_with(':');
        is_key.then_some(i + 1)
    })
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
        let mut vocab = Vocab::new(&extra);
        vocab.calendar = self.duration.calendar();
        vocab
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
    fn a_key_set_twice_is_refused_with_its_second_line() {
        for (yaml, expected) in [
            (
                "rules:\n  count-mismatch: off\n  count-mismatch: error\n",
                "`count-mismatch` is set twice at line 3",
            ),
            (
                "markers:\n  \"🟣\": done\n  \"🟣\": open\n",
                "`🟣` is set twice at line 3",
            ),
            (
                "rules: {}\nmarkers: {}\nrules: {}\n",
                "`rules` is set twice at line 3",
            ),
            (
                "rules:\n  TRK001: off\n  count-mismatch: error\n",
                "`count-mismatch` at line 3 and `TRK001` are the same rule (TRK001 count-mismatch); set it once",
            ),
        ] {
            let e = parse(yaml).unwrap_err().to_string();
            assert_eq!(e, format!("invalid config: {expected}"), "{yaml}");
        }
    }

    #[test]
    fn duration_keys_are_each_optional_and_checked() {
        let c = parse("duration:\n  hours-per-day: 6\n").unwrap();
        assert_eq!(c.vocab().calendar.hours_per_day, 6.0);
        assert_eq!(c.vocab().calendar.days_per_week, 5.0);
        let c = parse("duration:\n  days-per-week: 4\n").unwrap();
        assert_eq!(c.vocab().calendar.hours_per_day, 8.0);
        assert_eq!(c.vocab().calendar.days_per_week, 4.0);
        for (value, shown) in [
            ("-8", "-8"),
            (".nan", "NaN"),
            (".inf", "inf"),
            ("0", "0"),
            ("25", "25"),
        ] {
            let e = parse(&format!(
                "rules: {{}}\nduration:\n  hours-per-day: {value}\n"
            ))
            .unwrap_err()
            .to_string();
            assert_eq!(
                e,
                format!(
                    "invalid config: duration.hours-per-day at line 3 must be a number above 0 and at most 24, not {shown}"
                )
            );
        }
        let e = parse("duration:\n  days-per-week: 8\n")
            .unwrap_err()
            .to_string();
        assert!(
            e.contains("duration.days-per-week at line 2 must be"),
            "{e}"
        );
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
