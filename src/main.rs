//! The `tracker` binary: parse arguments, run, map the outcome to an exit code.

use std::io::{self, BufWriter, Write};
use std::process::ExitCode;

use clap::Parser;
use tracker::app::{self, ExitStatus};
use tracker::cli::Args;

fn main() -> ExitCode {
    tracker::panic::install_hook();
    let args = Args::parse();
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let mut err = io::stderr();
    // Panics in work on one file are caught with that file; one elsewhere ends here.
    let result = tracker::panic::catch(|| app::run(args, &mut out, &mut err))
        .unwrap_or_else(|internal| Err(anyhow::anyhow!("{internal}")))
        .and_then(|status| {
            out.flush()?;
            Ok(status)
        });
    match result {
        Ok(status) => ExitCode::from(status as u8),
        // A closed pipe (`tracker check | head`) is not a failure.
        Err(e) if is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            let _ = writeln!(err, "tracker: error: {e:#}");
            ExitCode::from(ExitStatus::Failure as u8)
        }
    }
}

fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<io::Error>()
            .is_some_and(|io| io.kind() == io::ErrorKind::BrokenPipe)
    })
}
