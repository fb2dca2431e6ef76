//! The `podls` command line: with no subcommand (or `--stdio`, which VS Code's client appends) it is the
//! language server; each subcommand lives in its own file and calls `analysis` like the server does.

mod check;
mod explain;
mod locale;
mod logging;
mod rules;
mod serve;
mod shell;
mod version;

use std::io::{self, Write};
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::analysis::KubernetesVersion;

#[derive(Debug, Parser)]
#[command(
    name = "podls",
    version,
    // `--version` is ours: it also prints the commit and the Kubernetes versions of the table.
    disable_version_flag = true,
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

    /// Print the version, the commit it was built from and the Kubernetes versions of the field table.
    #[arg(short = 'V', long)]
    pub version: bool,

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
    /// List every diagnostic code with its severity, whether it has a quick fix, and what it reports.
    Rules(rules::RulesArgs),
    /// Explain one diagnostic code: what it checks, why it matters, an example and its fix.
    Rule(rules::RuleArgs),
    /// Print a shell completion script (bash, zsh, fish, powershell, elvish).
    Completions(shell::CompletionsArgs),
    /// Print the man page (roff), or write one page per subcommand into a directory.
    Man(shell::ManArgs),
}

/// `--kubernetes-version 1.33`: the cluster `check` and `explain` follow (over a `podls.toml`'s
/// `kubernetes-version`). An unsupported or malformed version is a usage error (exit 2) whose message lists
/// the supported range.
#[derive(Debug, clap::Args)]
pub struct KubernetesVersionArg {
    #[arg(
        long = "kubernetes-version",
        value_name = "1.N",
        value_parser = parse_kubernetes_version,
        help = kubernetes_version_help(),
    )]
    pub version: Option<KubernetesVersion>,
}

fn parse_kubernetes_version(text: &str) -> Result<KubernetesVersion, String> {
    KubernetesVersion::parse(text).map_err(|e| e.to_string())
}

fn kubernetes_version_help() -> String {
    format!(
        "The Kubernetes version to check against: {} (default: {}, the newest podls knows)",
        KubernetesVersion::range(),
        KubernetesVersion::DEFAULT
    )
}

/// The entry point of the `podls` binary.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    logging::init();
    run(cli)
}

pub fn run(cli: Cli) -> ExitCode {
    if cli.version {
        let mut out = io::stdout().lock();
        return finish(writeln!(out, "podls {}", version::long_version()));
    }
    match cli.command {
        None => serve::run(),
        Some(Command::Explain(args)) => explain::run(&args),
        Some(Command::Check(args)) => check::run(&args),
        Some(Command::Rules(args)) => rules::run_rules(&args),
        Some(Command::Rule(args)) => rules::run_rule(&args),
        Some(Command::Completions(args)) => shell::completions(&args),
        Some(Command::Man(args)) => shell::man(&args),
    }
}

/// The exit code after printing to stdout: a closed pipe (`| head`) is the reader's choice, any other
/// failure to write is reported.
fn finish(written: io::Result<()>) -> ExitCode {
    match written {
        Err(err) if err.kind() != io::ErrorKind::BrokenPipe => {
            eprintln!("error: writing the output: {err}");
            ExitCode::from(2)
        }
        _ => ExitCode::SUCCESS,
    }
}
