//! Command-line arguments, as the user typed them (clap derive).

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

use crate::report::Format;
use crate::rules::RULES;

#[derive(Debug, Parser)]
#[command(
    name = "tracker",
    version,
    about = "Checks the progress figures of Markdown project trackers against their checkboxes",
    long_about = "Checks the progress figures of Markdown project trackers against their checkboxes.\n\n\
        Counts, percentages, totals and status words are derived figures; the ticked items are the \
        truth. `tracker check` reports every figure that no documented reading of the items supports."
)]
pub struct Args {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Report figures that disagree with the items (exit 0 clean, 1 findings, 2 failure)
    #[command(after_help = rules_help())]
    Check(CheckArgs),
    /// Rewrite counts, percentages, totals and other derived figures in place (exit 0 when
    /// no finding remains, 1 when some remain, 2 on failure)
    #[command(after_help = rules_help())]
    Fix(FixArgs),
    /// Print the dependency graph: the critical path with durations and states, the slack of
    /// the other units, and what can start now (exit 1 when there is a cycle)
    Graph(GraphArgs),
    /// Show each document's progress as computed from its items: a bar per top-level unit,
    /// done/total, state, and the findings on it (exit 0, or 2 when a file cannot be read)
    Status(StatusArgs),
    /// List every rule: code, name, whether it can fix, whether it is on by default
    Rules,
    /// Print a rule's documentation page (by code or name)
    Explain {
        /// A rule code (`TRK001`) or name (`count-mismatch`)
        rule: String,
    },
    /// Print a shell completion script
    Completions {
        /// The shell to complete for
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff), for `man`
    Man,
}

#[derive(Debug, clap::Args)]
pub struct StatusArgs {
    #[command(flatten)]
    pub common: CommonArgs,

    /// Output format
    #[arg(long, value_enum, default_value_t = StatusFormat::Text)]
    pub format: StatusFormat,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum StatusFormat {
    /// Progress bars, one line per unit
    Text,
    /// One JSON document: documents, their units, progress, findings
    Json,
}

#[derive(Debug, clap::Args)]
pub struct GraphArgs {
    #[command(flatten)]
    pub common: CommonArgs,

    /// Output format
    #[arg(long, value_enum, default_value_t = GraphFormat::Text)]
    pub format: GraphFormat,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum GraphFormat {
    /// The critical path, slack and what can start now
    Text,
    /// A Mermaid flowchart, the critical path highlighted
    Mermaid,
    /// Graphviz DOT, the critical path in red
    Dot,
    /// Nodes, edges, durations (hours), states, critical paths, slack and cycles
    Json,
}

#[derive(Debug, clap::Args)]
pub struct CheckArgs {
    #[command(flatten)]
    pub common: CommonArgs,

    /// Output format
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
}

#[derive(Debug, clap::Args)]
pub struct FixArgs {
    #[command(flatten)]
    pub common: CommonArgs,

    /// Also apply unsafe fixes: status words, table status cells and markers brought in
    /// line with the computed states
    #[arg(long)]
    pub unsafe_fixes: bool,

    /// Print a unified diff of what would change and write nothing (exit 1 when something
    /// would change)
    #[arg(long)]
    pub diff: bool,

    /// Output format for the findings that remain
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
}

/// Arguments shared by the commands that read trackers.
#[derive(Debug, Clone, clap::Args)]
pub struct CommonArgs {
    /// Files or directories; a directory means the tracker documents among its *.md and
    /// *.markdown files, recursively, honouring .gitignore; `-` reads standard input
    /// [default: the current directory]
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,

    /// Run only these rules (codes or names, comma-separated; repeatable)
    #[arg(long, value_name = "RULE", value_delimiter = ',')]
    pub select: Vec<String>,

    /// Do not run these rules (codes or names, comma-separated; repeatable)
    #[arg(long, value_name = "RULE", value_delimiter = ',')]
    pub ignore: Vec<String>,

    /// Read this configuration file instead of looking for .tracker.yml in the current
    /// directory and its parents
    #[arg(long, value_name = "PATH")]
    pub config: Option<PathBuf>,

    /// When to colour the output (auto: when standard output is a terminal and NO_COLOR is
    /// not set)
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto, value_name = "WHEN")]
    pub color: ColorChoice,

    /// The file name to show for standard input (`-`)
    #[arg(long, value_name = "NAME")]
    pub stdin_filename: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

/// The rule table shown under `tracker check --help`.
fn rules_help() -> String {
    let mut help = String::from("Rules:\n");
    for r in RULES {
        help.push_str(&format!("  {}  {:<20} {}\n", r.code, r.name, r.summary));
    }
    help.push_str("\nConfiguration: .tracker.yml (see docs/configuration.md). Suppress a finding with\n<!-- tracker-disable-next-line RULE --> on the line before it.");
    help
}
