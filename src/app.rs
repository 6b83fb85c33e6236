//! Runs a command: settings from the arguments and the config file, then check every input.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;

use anyhow::{Context as _, Result};

use crate::check::{RuleSettings, check_document};
use crate::cli::{Args, CheckArgs, ColorChoice, Command};
use crate::config::{self, Loaded};
use crate::input::{self, Filter, InputError};
use crate::parse::parse;
use crate::report::{self, FileResult, Report};
use crate::rules;
use crate::source::SourceFile;
use crate::vocab::Vocab;

/// How a run ended, as the process exit code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExitStatus {
    /// Nothing to report.
    Clean = 0,
    /// Findings of severity error.
    Findings = 1,
    /// A file could not be read, or the configuration is wrong.
    Failure = 2,
}

/// Runs the command, writing results to `out` and read errors to `err`.
pub fn run(args: Args, out: &mut dyn Write, err: &mut dyn Write) -> Result<ExitStatus> {
    match args.command {
        Command::Check(check) => run_check(&check, out, err),
    }
}

/// What the check command works with, derived from the arguments and the config.
struct Settings {
    rules: RuleSettings,
    vocab: Vocab,
    filter: Filter,
}

fn settings(args: &CheckArgs) -> Result<Settings> {
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
    Ok(Settings {
        rules,
        vocab: config.vocab(),
        filter: Filter {
            root,
            include,
            exclude,
        },
    })
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

fn run_check(args: &CheckArgs, out: &mut dyn Write, err: &mut dyn Write) -> Result<ExitStatus> {
    let settings = settings(args)?;
    let (inputs, mut errors) = input::collect(
        &args.paths,
        args.stdin_filename.as_deref(),
        &settings.filter,
    );
    let mut files = Vec::new();
    for input in inputs {
        match input::read(&input) {
            Ok(text) => {
                let doc = parse(SourceFile::new(input.path(), text), &settings.vocab);
                let diagnostics = check_document(&doc, &settings.vocab, &settings.rules);
                files.push(FileResult {
                    source: doc.source,
                    diagnostics,
                });
            }
            Err(cause) => errors.push(InputError {
                path: input.path().to_path_buf(),
                cause,
            }),
        }
    }
    let report = Report { files, errors };
    report::render(&report, args.format, use_color(args.color), out, err)?;
    Ok(if !report.errors.is_empty() {
        ExitStatus::Failure
    } else if report.failing() > 0 {
        ExitStatus::Findings
    } else {
        ExitStatus::Clean
    })
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
