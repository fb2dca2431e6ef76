//! The `podls` command line: with no subcommand (or `--stdio`, which VS Code's client appends) it is the
//! language server; each subcommand lives in its own file and calls `analysis` like the server does.

mod check;
mod explain;
mod locale;
mod logging;
mod serve;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

#[derive(Debug, Parser)]
#[command(
    name = "podls",
    version,
    about = "A language server for Kubernetes Pod YAML",
    long_about = "A language server for Kubernetes Pod YAML.\n\nWith no subcommand, podls speaks the Language \
                  Server Protocol over stdin/stdout. Logs go to stderr; set PODLS_LOG (e.g. `debug`, \
                  `podls=trace`) to choose what is logged.",
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    /// Speak LSP over stdin/stdout (the default; accepted because editors pass it).
    #[arg(long)]
    pub stdio: bool,

    #[command(subcommand)]
    pub command: Option<Command>,
}

/// One variant per subcommand, each with its arguments and `run` in `cli/<name>.rs`.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Print the docs of a Pod field, like `kubectl explain` (offline).
    Explain(explain::ExplainArgs),
    /// Check manifests like the editor does, for CI: exit 0 when clean, 1 on errors, 2 on unreadable input.
    Check(check::CheckArgs),
}

/// The entry point of the `podls` binary.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    logging::init();
    run(cli)
}

pub fn run(cli: Cli) -> ExitCode {
    match cli.command {
        None => serve::run(),
        Some(Command::Explain(args)) => explain::run(&args),
        Some(Command::Check(args)) => check::run(&args),
    }
}
