//! `podls explain PATH`: the field docs in the terminal, offline, like `kubectl explain`.

use std::io::Write;
use std::process::ExitCode;

use crate::analysis::explain::explain;
use crate::analysis::{Inputs, KubernetesVersion};

#[derive(Debug, clap::Args)]
pub struct ExplainArgs {
    /// A field path from a kind, e.g. `pod.spec.containers.imagePullPolicy` or
    /// `deployment.spec.template.spec.containers.image` (the kind in any case, plural or short name).
    pub path: String,
    /// List every field below the path, at every depth.
    #[arg(long)]
    pub recursive: bool,
    /// The language of the docs: `en` or `zh-cn` (default: from LC_ALL, LC_MESSAGES or LANG, else
    /// English).
    #[arg(long)]
    pub locale: Option<String>,
    #[command(flatten)]
    pub kubernetes: super::KubernetesVersionArg,
}

pub fn run(args: &ExplainArgs) -> ExitCode {
    let locale = match super::locale::resolve(args.locale.as_deref()) {
        Ok(locale) => locale,
        Err(message) => {
            eprintln!("error: {message}");
            return ExitCode::from(2);
        }
    };
    let inputs = Inputs::new(locale).with_kubernetes(
        args.kubernetes
            .version
            .unwrap_or(KubernetesVersion::DEFAULT),
    );
    match explain(&inputs, &args.path, args.recursive) {
        Ok(text) => {
            let mut stdout = std::io::stdout().lock();
            // A closed pipe (`| head`) is not an error worth a panic.
            let _ = writeln!(stdout, "{text}");
            ExitCode::SUCCESS
        }
        Err(unknown) => {
            eprintln!("error: {}", unknown.message().render(locale));
            ExitCode::from(2)
        }
    }
}
