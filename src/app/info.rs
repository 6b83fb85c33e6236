//! Commands about the tool itself: the rule list, a rule's page, completions, the man page.

use std::io::Write;

use anyhow::{Result, bail};
use clap::CommandFactory;

use super::exit::ExitStatus;
use crate::cli::Args;
use crate::rules::{self, Fixable, RULES};

/// `tracker rules`: one line per rule, in code order.
pub(super) fn run_rules(out: &mut dyn Write) -> Result<ExitStatus> {
    let width = RULES.iter().map(|r| r.name.len()).max().unwrap_or(0);
    writeln!(out, "code    {:<width$}  fix     default  summary", "name")?;
    for r in RULES {
        let fix = match r.fixable {
            Fixable::Never => "none",
            Fixable::Safe => "safe",
            Fixable::Mixed => "mixed",
        };
        writeln!(
            out,
            "{}  {:<width$}  {fix:<6}  on       {}",
            r.code, r.name, r.summary
        )?;
    }
    writeln!(
        out,
        "\nfix: safe fixes are applied by `tracker fix`; mixed rules also have unsafe ones \
         (`--unsafe-fixes`). `tracker explain RULE` prints a rule's page."
    )?;
    Ok(ExitStatus::Clean)
}

/// `tracker explain RULE`: the rule's docs page, the same text as docs/rules/.
pub(super) fn run_explain(rule: &str, out: &mut dyn Write) -> Result<ExitStatus> {
    let Some(r) = rules::find(rule) else {
        let names: Vec<&str> = RULES.iter().map(|r| r.name).collect();
        bail!("unknown rule `{rule}`; the rules are: {}", names.join(", "));
    };
    out.write_all(r.doc.as_bytes())?;
    Ok(ExitStatus::Clean)
}

pub(super) fn run_completions(
    shell: clap_complete::Shell,
    out: &mut dyn Write,
) -> Result<ExitStatus> {
    clap_complete::generate(shell, &mut Args::command(), "tracker", out);
    Ok(ExitStatus::Clean)
}

pub(super) fn run_man(out: &mut dyn Write) -> Result<ExitStatus> {
    clap_mangen::Man::new(Args::command()).render(out)?;
    Ok(ExitStatus::Clean)
}
