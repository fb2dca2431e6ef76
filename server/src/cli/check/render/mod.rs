//! The printers of `podls check`, one file per output format, and the options that choose one. Each takes
//! the sorted reports and writes them whole; none reads a file or runs an analysis, so the same reports
//! always print the same bytes.

pub mod concise;
pub mod frames;
pub mod github;
pub mod json;
pub mod junit;
pub mod sarif;
pub mod summary;

use std::io::IsTerminal;

use crate::analysis::Severity;

/// How `podls check` prints what it found (flattened into `CheckArgs`).
#[derive(Debug, clap::Args)]
pub struct OutputArgs {
    /// How to print the diagnostics.
    #[arg(long, value_enum, default_value_t = OutputFormat::Text)]
    pub format: OutputFormat,
    /// When to colour text and concise output: `auto` on a terminal unless NO_COLOR is set.
    #[arg(long, value_enum, value_name = "WHEN", default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
    /// Print how many findings each code has (with text, concise or json) instead of the findings.
    #[arg(long)]
    pub statistics: bool,
    /// Print only the findings: no summary line.
    #[arg(long, short)]
    pub quiet: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum OutputFormat {
    /// Each finding as rustc shows one: `file:line:col`, severity and code, the message, the source lines
    /// with the range underlined and the fix as `help:`; then a summary line.
    Text,
    /// `file:line:col: severity[code]: message`, one line per finding (the column counted in characters,
    /// as rustc and gcc do), then a summary line.
    Concise,
    /// One JSON array of diagnostics, ranges 0-based as in LSP (`character` in UTF-16 code units).
    Json,
    /// SARIF 2.1.0 (GitHub code scanning), regions 1-based in UTF-16 code units.
    Sarif,
    /// GitHub Actions workflow commands (`::error file=…,line=…::message`): annotations on the pull request.
    Github,
    /// JUnit XML: one test suite per file, one failing test case per finding.
    Junit,
}

impl OutputFormat {
    /// Whether `--statistics` has a form in this format.
    pub fn has_statistics(self) -> bool {
        matches!(
            self,
            OutputFormat::Text | OutputFormat::Concise | OutputFormat::Json
        )
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

impl ColorChoice {
    /// Whether to colour stdout. `always` and `never` win over the environment (a flag is the user's
    /// explicit wish, as no-color.org asks); `auto` colours a terminal unless `NO_COLOR` is set and not
    /// empty.
    pub fn resolve(self) -> bool {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        self.resolve_with(std::io::stdout().is_terminal(), no_color)
    }

    fn resolve_with(self, terminal: bool, no_color: bool) -> bool {
        match self {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => terminal && !no_color,
        }
    }
}

/// The severity as text and JSON print it (LSP's names, lower case).
pub(crate) fn severity_name(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Information => "information",
        Severity::Hint => "hint",
    }
}

#[cfg(test)]
mod tests {
    use super::ColorChoice;

    #[test]
    fn colour_follows_the_flag_then_the_terminal_and_no_color() {
        let cases = [
            (ColorChoice::Auto, true, false, true),
            (ColorChoice::Auto, true, true, false),
            (ColorChoice::Auto, false, false, false),
            (ColorChoice::Always, false, true, true),
            (ColorChoice::Never, true, false, false),
        ];
        for (choice, terminal, no_color, expected) in cases {
            assert_eq!(
                choice.resolve_with(terminal, no_color),
                expected,
                "{choice:?} terminal={terminal} NO_COLOR={no_color}"
            );
        }
    }
}
