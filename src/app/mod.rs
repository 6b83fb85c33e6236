//! Runs a command: settings from the arguments and the config file, then every input.

mod check;
mod context;
mod fix;
mod graph;
mod info;
mod status;

use std::io::{IsTerminal, Write};
use std::path::PathBuf;

use anyhow::{Context as _, Result};

use crate::check::RuleSettings;
use crate::cli::{Args, ColorChoice, Command, CommonArgs};
use crate::config::{self, Loaded};
use crate::input::{self, Filter, Input, InputError};
use crate::model::Document;
use crate::parse::parse;
use crate::rules;
use crate::source::SourceFile;
use crate::vocab::Vocab;

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

/// Runs the command, writing results to `out` and read errors to `err`.
pub fn run(args: Args, out: &mut dyn Write, err: &mut dyn Write) -> Result<ExitStatus> {
    match args.command {
        Command::Check(args) => check::run_check(&args, out, err),
        Command::Fix(args) => fix::run_fix(&args, out, err),
        Command::Graph(args) => graph::run_graph(&args, out, err),
        Command::Status(args) => status::run_status(&args, out, err),
        Command::Rules => info::run_rules(out),
        Command::Explain { rule } => info::run_explain(&rule, out),
        Command::Completions { shell } => info::run_completions(shell, out),
        Command::Man => info::run_man(out),
    }
}

/// What a command works with, derived from the arguments and the config.
pub(crate) struct Settings {
    rules: RuleSettings,
    vocab: Vocab,
    filter: Filter,
    color: bool,
}

pub(crate) fn settings(args: &CommonArgs) -> Result<Settings> {
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
    let color = use_color(args.color);
    Ok(Settings {
        rules,
        vocab: config.vocab(),
        filter: Filter {
            root,
            include,
            exclude,
        },
        color,
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

/// Each input read, parsed and handed to `then`, in parallel; walked files only when they
/// are trackers. A panic while working on one input is that input's error.
pub(crate) fn read_each<T: Send>(
    inputs: Vec<Input>,
    s: &Settings,
    then: impl Fn(&Input, Document) -> T + Sync,
) -> (Vec<(Input, T)>, Vec<InputError>) {
    let mut errors = Vec::new();
    let read = crate::parallel::map(inputs, |input| {
        let done = input::read(&input).and_then(|text| {
            crate::panic::catch(|| {
                crate::debug_hooks::panic_at("parse", input.path());
                let doc = parse(SourceFile::new(input.path(), text), &s.vocab);
                (!input.is_walked() || doc.is_tracker()).then(|| then(&input, doc))
            })
            .map_err(|internal| internal.to_string())
        });
        (input, done)
    });
    let mut kept = Vec::new();
    for (input, done) in read {
        match done {
            Ok(Some(value)) => kept.push((input, value)),
            Ok(None) => {}
            Err(cause) => errors.push(InputError {
                path: input.path().to_path_buf(),
                cause,
            }),
        }
    }
    (kept, errors)
}

/// Drops what a command leaves at its end on a thread of its own. Freeing a large structure
/// visits every piece of it, most of them long out of the cache; on a thread of its own that
/// overlaps with the work that follows, and when the process exits first its memory goes
/// back to the system with the process, unvisited. Only commands call it: the library's
/// own calls start no thread beyond those of [`crate::parallel::map`].
pub(crate) fn drop_later<T: Send + 'static>(value: T) {
    // A thread that cannot be started drops the value here, with the error.
    let _ = std::thread::Builder::new().spawn(move || drop(value));
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
