//! What every command does first: settings from the arguments and the config file.

use std::io::IsTerminal;
use std::path::PathBuf;

use anyhow::{Context as _, Result};

use crate::cli::{ColorChoice, CommonArgs};
use crate::config::{self, Loaded};
use crate::input::Filter;
use crate::pipeline::{Request, RuleSettings, Settings};
use crate::rules;

/// The pipeline's settings from the arguments and the config, and whether output is in
/// colour.
pub(crate) fn settings(args: &CommonArgs) -> Result<(Settings, bool)> {
    let loaded = match &args.config {
        Some(path) => config::load(path)?,
        None => {
            let cwd = std::env::current_dir().context("cannot read the current directory")?;
            config::discover(&cwd)
                .map(|p| config::load(&p))
                .transpose()?
                .unwrap_or_default()
        }
    };
    let Loaded { config, path } = loaded;
    let mut rules = config.rule_settings();
    select(&mut rules, &args.select, &args.ignore)?;
    let (include, exclude) = config.globs()?;
    let root = path
        .as_ref()
        .and_then(|p| p.parent())
        .map_or_else(|| PathBuf::from("."), PathBuf::from);
    let settings = Settings {
        rules,
        vocab: config.vocab(),
        filter: Filter {
            root,
            include,
            exclude,
        },
    };
    Ok((settings, use_color(args.color)))
}

/// What the arguments ask to read.
pub(crate) fn request(args: &CommonArgs) -> Request<'_> {
    Request {
        paths: &args.paths,
        stdin_filename: args.stdin_filename.as_deref(),
    }
}

/// Applies `--select` and `--ignore`; an unknown rule name is an error.
fn select(settings: &mut RuleSettings, select: &[String], ignore: &[String]) -> Result<()> {
    let resolve = |names: &[String]| -> Result<Vec<&'static str>> {
        names
            .iter()
            .map(|n| {
                rules::find(n)
                    .map(|r| r.code)
                    .with_context(|| format!("unknown rule `{n}`"))
            })
            .collect()
    };
    let (selected, ignored) = (resolve(select)?, resolve(ignore)?);
    if !selected.is_empty() {
        settings.enabled.retain(|(r, _)| selected.contains(&r.code));
        for code in &selected {
            if !settings.enabled.iter().any(|(r, _)| r.code == *code) {
                let rule = rules::find(code).expect("resolved above");
                settings
                    .enabled
                    .push((rule, crate::diagnostic::Severity::Error));
            }
        }
    }
    settings.enabled.retain(|(r, _)| !ignored.contains(&r.code));
    Ok(())
}

fn use_color(choice: ColorChoice) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            std::io::stdout().is_terminal()
                && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
        }
    }
}
