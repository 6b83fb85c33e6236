//! Runs a command: settings from the arguments and the config file, then every input.

mod check;
mod exit;
mod fix;
mod graph;
mod info;
mod setup;
mod status;

use std::io::Write;

use anyhow::Result;

use crate::cli::{Args, Command};

pub use exit::ExitStatus;

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
