//! Runs a command: settings from the arguments and the config file, then every input.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;

use anyhow::{Context as _, Result};

use crate::check::{RuleSettings, check_project};
use crate::cli::{
    Args, CheckArgs, ColorChoice, Command, CommonArgs, FixArgs, GraphArgs, GraphFormat,
};
use crate::config::{self, Loaded};
use crate::fix::{Unsettled, fix_text};
use crate::graph::Graph;
use crate::input::{self, Filter, Input, InputError};
use crate::parse::parse;
use crate::report::graph::GraphView;
use crate::report::{self, FileResult, Fixes, Report};
use crate::resolve::Resolver;
use crate::rules;
use crate::source::SourceFile;
use crate::vocab::Vocab;
use crate::write::write_fixed;

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
        Command::Check(check) => run_check(&check, out, err),
        Command::Fix(fix) => run_fix(&fix, out, err),
        Command::Graph(graph) => run_graph(&graph, out, err),
    }
}

/// What a command works with, derived from the arguments and the config.
struct Settings {
    rules: RuleSettings,
    vocab: Vocab,
    filter: Filter,
    color: bool,
}

fn settings(args: &CommonArgs) -> Result<Settings> {
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

/// Every input of the arguments, read: texts, and the inputs that could not be read.
fn read_inputs(args: &CommonArgs, filter: &Filter) -> (Vec<(Input, String)>, Vec<InputError>) {
    let (inputs, mut errors) = input::collect(&args.paths, args.stdin_filename.as_deref(), filter);
    let mut texts = Vec::new();
    for input in inputs {
        match input::read(&input) {
            Ok(text) => texts.push((input, text)),
            Err(cause) => errors.push(InputError {
                path: input.path().to_path_buf(),
                cause,
            }),
        }
    }
    (texts, errors)
}

fn run_check(args: &CheckArgs, out: &mut dyn Write, err: &mut dyn Write) -> Result<ExitStatus> {
    let s = settings(&args.common)?;
    let (texts, errors) = read_inputs(&args.common, &s.filter);
    let docs: Vec<_> = texts
        .into_iter()
        .map(|(input, text)| parse(SourceFile::new(input.path(), text), &s.vocab))
        .collect();
    let files = check_all(docs, &s);
    let report = Report {
        files,
        errors,
        fixes: None,
    };
    report::render(&report, args.format, s.color, out, err)?;
    Ok(status(&report))
}

/// Checks documents together (references resolve across them) and pairs each with its
/// findings.
fn check_all(docs: Vec<crate::model::Document>, s: &Settings) -> Vec<FileResult> {
    let refs: Vec<&crate::model::Document> = docs.iter().collect();
    let findings = check_project(&refs, &s.vocab, &s.rules);
    docs.into_iter()
        .zip(findings)
        .map(|(doc, diagnostics)| FileResult {
            source: doc.source,
            diagnostics,
        })
        .collect()
}

fn status(report: &Report) -> ExitStatus {
    if !report.errors.is_empty() {
        ExitStatus::Failure
    } else if report.failing() > 0 {
        ExitStatus::Findings
    } else {
        ExitStatus::Clean
    }
}

fn run_fix(args: &FixArgs, out: &mut dyn Write, err: &mut dyn Write) -> Result<ExitStatus> {
    let s = settings(&args.common)?;
    let (texts, mut errors) = read_inputs(&args.common, &s.filter);
    let mut fixed_docs = Vec::new();
    let mut fixes = Fixes::default();
    let mut stdin = false;
    for (input, text) in texts {
        let path = input.path().to_path_buf();
        let fixed = match fix_text(
            SourceFile::new(&path, text.clone()),
            &s.vocab,
            &s.rules,
            args.unsafe_fixes,
        ) {
            Ok(fixed) => fixed,
            Err(Unsettled { rules }) => {
                let cause = format!(
                    "fixes did not settle after 10 rounds; still firing: {}",
                    rules.join(", ")
                );
                errors.push(InputError { path, cause });
                continue;
            }
        };
        if let Input::Stdin(_) = input {
            // A pipeline gets the document back, fixed or not; the report goes to stderr.
            if !args.diff {
                out.write_all(fixed.text.as_bytes())?;
                stdin = true;
            }
        }
        if fixed.text != text {
            let written = match (&input, args.diff) {
                (_, true) => {
                    report::write_diff(out, &path, &text, &fixed.text).map_err(anyhow::Error::from)
                }
                (Input::Stdin(_), false) => Ok(()),
                (Input::File(file), false) => {
                    write_fixed(file, text.as_bytes(), fixed.text.as_bytes())
                        .map_err(|e| anyhow::anyhow!("{e}"))
                }
            };
            if let Err(e) = written {
                errors.push(InputError {
                    path,
                    cause: e.to_string(),
                });
                continue;
            }
            fixes.files += 1;
            fixes.findings += fixed.applied;
        }
        fixed_docs.push(parse(fixed.source, &s.vocab));
    }
    // What remains is checked across all files, as `check` would see them.
    let files = check_all(fixed_docs, &s);
    if args.diff {
        for e in &errors {
            writeln!(err, "error: {}: {}", e.path.display(), e.cause)?;
        }
        return Ok(match (errors.is_empty(), fixes.files) {
            (false, _) => ExitStatus::Failure,
            (true, 0) => ExitStatus::Clean,
            (true, _) => ExitStatus::Findings,
        });
    }
    let report = Report {
        files,
        errors,
        fixes: Some(fixes),
    };
    if stdin {
        // The report goes to stderr so that stdout holds only the document.
        let mut to_err = Vec::new();
        report::render(&report, args.format, false, &mut to_err, err)?;
        err.write_all(&to_err)?;
    } else {
        report::render(&report, args.format, s.color, out, err)?;
    }
    Ok(status(&report))
}

fn run_graph(args: &GraphArgs, out: &mut dyn Write, err: &mut dyn Write) -> Result<ExitStatus> {
    let s = settings(&args.common)?;
    let (texts, errors) = read_inputs(&args.common, &s.filter);
    for e in &errors {
        writeln!(err, "error: {}: {}", e.path.display(), e.cause)?;
    }
    let docs: Vec<_> = texts
        .into_iter()
        .map(|(input, text)| parse(SourceFile::new(input.path(), text), &s.vocab))
        .collect();
    let refs: Vec<&crate::model::Document> = docs.iter().collect();
    let resolvers: Vec<Resolver> = refs
        .iter()
        .map(|d| Resolver::new(d, s.rules.counting.clone()))
        .collect();
    let pairs: Vec<_> = refs.iter().copied().zip(&resolvers).collect();
    let graph = Graph::build(&pairs);
    let view = GraphView {
        graph: &graph,
        docs: &refs,
        calendar: s.vocab.calendar,
    };
    match args.format {
        GraphFormat::Text => report::graph::text(&view, out)?,
        GraphFormat::Mermaid => report::graph::mermaid(&view, out)?,
        GraphFormat::Dot => report::graph::dot(&view, out)?,
        GraphFormat::Json => report::graph::json(&view, out)?,
    }
    Ok(if !errors.is_empty() {
        ExitStatus::Failure
    } else if graph.cycles().is_empty() {
        ExitStatus::Clean
    } else {
        ExitStatus::Findings
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
