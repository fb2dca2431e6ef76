//! `podls completions SHELL` and `podls man`: shell completion scripts (clap_complete) and man pages
//! (clap_mangen), generated from the same clap definition as the arguments themselves, so they never
//! disagree with what `podls` accepts.

use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::CommandFactory;
use clap_complete::Shell;

use super::Cli;

#[derive(Debug, clap::Args)]
pub struct CompletionsArgs {
    /// The shell to complete in; e.g. `podls completions bash > ~/.local/share/bash-completion/completions/podls`.
    #[arg(value_enum)]
    pub shell: Shell,
}

#[derive(Debug, clap::Args)]
pub struct ManArgs {
    /// Write `podls.1` and one page per subcommand (`podls-check.1`, …) into this directory instead of
    /// printing `podls.1`.
    #[arg(long, value_name = "DIR")]
    pub dir: Option<PathBuf>,
}

pub fn completions(args: &CompletionsArgs) -> ExitCode {
    let mut command = Cli::command();
    let mut out = io::stdout().lock();
    clap_complete::generate(args.shell, &mut command, "podls", &mut out);
    super::finish(out.flush())
}

pub fn man(args: &ManArgs) -> ExitCode {
    let command = Cli::command();
    let written = match &args.dir {
        Some(dir) => {
            std::fs::create_dir_all(dir).and_then(|()| clap_mangen::generate_to(command, dir))
        }
        None => {
            let mut out = io::stdout().lock();
            clap_mangen::Man::new(command)
                .render(&mut out)
                .and_then(|()| out.flush())
        }
    };
    super::finish(written)
}
