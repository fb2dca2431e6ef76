//! `podls check [PATH|-]...`: the editor's diagnostics for CI, as code frames, concise lines, JSON, SARIF,
//! GitHub workflow commands or JUnit XML. This file holds the arguments and the run: `inputs` finds and
//! reads the files, `findings` checks each through `analysis::diagnostics` on the `pool`'s threads, and
//! `output` prints them with `render/` in a deterministic order as they are checked. Knows nothing of LSP.

mod findings;
mod fix;
mod inputs;
mod output;
mod pool;
mod project;
mod render;
mod stale;

pub(crate) use findings::check_text;
pub(crate) use render::severity_name;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use findings::{FileReport, check_input};
use inputs::{Input, collect};
use output::{Output, Printer};
use project::Project;
use render::OutputArgs;
use render::sarif::Rule;

use crate::analysis::{Code, FileRoles, Inputs, KUSTOMIZATION_FILES, RuleDoc, Severity};
use crate::messages::Locale;

#[derive(Debug, clap::Args)]
pub struct CheckArgs {
    /// Files or directories to check; directories are searched recursively for *.yaml, *.yml and *.json
    /// (skipping hidden directories, node_modules and target). `-` reads stdin. Default: `.`.
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    #[command(flatten)]
    pub output: OutputArgs,
    /// The name stdin's diagnostics are reported under (its directory's podls.toml applies to stdin).
    #[arg(long, value_name = "NAME", default_value = "<stdin>")]
    pub stdin_filename: String,
    /// The language of the messages and the summary: `en` or `zh-cn` (default: from LC_ALL, LC_MESSAGES
    /// or LANG, else English). Codes are the same in every language.
    #[arg(long, value_name = "LOCALE")]
    pub locale: Option<String>,
    /// Use this configuration file for every file, instead of the nearest podls.toml above each.
    #[arg(long, value_name = "FILE", conflicts_with = "isolated")]
    pub config: Option<PathBuf>,
    /// Use no configuration file at all.
    #[arg(long)]
    pub isolated: bool,
    /// Report only these codes (comma-separated, as podls.toml names them); syntax errors always.
    #[arg(long, value_name = "CODES")]
    pub select: Vec<String>,
    /// Do not report these codes (comma-separated), whatever the configuration says.
    #[arg(long, value_name = "CODES")]
    pub ignore: Vec<String>,
    /// Apply the preferred fix of every finding that has one (the editor's quick fixes), until nothing
    /// more applies, and report what is left. Files are rewritten in place (stdin: the fixed text is
    /// printed on stdout, the findings on stderr).
    #[arg(long, conflicts_with = "diff")]
    pub fix: bool,
    /// Print a unified diff of what --fix would change, and change nothing (exit 1 when it would).
    #[arg(long)]
    pub diff: bool,
    /// With --fix or --diff, also apply fixes that are not certain (a finding's first fix when none is
    /// preferred).
    #[arg(long)]
    pub unsafe_fixes: bool,
    #[command(flatten)]
    pub kubernetes: super::KubernetesVersionArg,
}

/// Exit codes: what a CI job branches on.
pub(crate) const EXIT_CLEAN: u8 = 0;
pub(crate) const EXIT_ERRORS: u8 = 1;
/// Usage errors (clap exits with 2 too), files that could not be read or decoded, and files podls failed
/// on (an internal error).
pub(crate) const EXIT_TROUBLE: u8 = 2;

pub fn run(args: &CheckArgs) -> ExitCode {
    let format = args.output.format;
    if args.output.statistics && !format.has_statistics() {
        eprintln!(
            "error: --statistics prints a table or JSON: use it with --format text, concise or json"
        );
        return ExitCode::from(EXIT_TROUBLE);
    }
    let env_locale = match super::locale::resolve(args.locale.as_deref()) {
        Ok(locale) => locale,
        Err(message) => {
            eprintln!("error: {message}");
            return ExitCode::from(EXIT_TROUBLE);
        }
    };
    let plan = match plan(args, env_locale) {
        Ok(plan) => plan,
        Err(errors) => {
            for error in errors {
                eprintln!("error: {error}");
            }
            return ExitCode::from(EXIT_TROUBLE);
        }
    };
    let fixing = fixing(args);
    let output = Output::new(&args.output, fixing.mode, plan.locale);
    let stdin_fixed =
        fixing.mode == fix::Mode::Fix && plan.files.iter().any(|(input, _)| *input == Input::Stdin);
    let mut printer = Printer::new(&output, stdin_fixed);
    // The paths the walk could not read take their place among the checked files.
    let mut unreadable = plan.unreadable.into_iter().peekable();
    let files = &plan.files;
    pool::in_order(
        files.len(),
        |i| {
            let (input, with) = &files[i];
            output.render(check_input(input, with, &args.stdin_filename, fixing))
        },
        |rendered| {
            while let Some(before) = unreadable.next_if(|r| r.file < *rendered.file()) {
                printer.print(output.render(before));
            }
            printer.print(rendered);
        },
    );
    for report in unreadable {
        printer.print(output.render(report));
    }
    let code = printer.finish(plan.excluded, sarif_rules);
    report_peak_memory_on_request();
    code
}

/// Test builds only: with `PODLS_CHECK_PEAK_MEMORY` set, the run ends by printing its peak resident memory
/// (`VmHWM`, Linux) on stderr, once everything is written, so a test can bound it exactly (a process that
/// has exited has no memory left to read). Compiled out of release builds.
fn report_peak_memory_on_request() {
    #[cfg(debug_assertions)]
    if std::env::var_os("PODLS_CHECK_PEAK_MEMORY").is_some()
        && let Ok(status) = std::fs::read_to_string("/proc/self/status")
        && let Some(line) = status.lines().find(|line| line.starts_with("VmHWM:"))
    {
        eprintln!("peak memory: {}", line["VmHWM:".len()..].trim());
    }
}

/// What a run checks, known before it checks anything.
struct Plan {
    /// Each file with what it is checked with, in the order they are printed (by file name).
    files: Vec<(Input, Inputs)>,
    /// The paths the walk could not read, in the same order.
    unreadable: Vec<FileReport>,
    /// How many files `exclude` skipped.
    excluded: usize,
    /// The language of the run's own lines.
    locale: Locale,
}

/// Every file to check with its configuration, how many files `exclude` skipped, and the language of the
/// run's own lines; or the configuration errors that stop the run. `locale` is `--locale`'s, else the
/// environment's.
fn plan(args: &CheckArgs, locale: Locale) -> Result<Plan, Vec<String>> {
    let mut project = Project::new(args, locale).map_err(|err| vec![err])?;
    let mut inputs = Vec::new();
    let mut unreadable = Vec::new();
    let default_root = [PathBuf::from(".")];
    let roots = if args.paths.is_empty() {
        &default_root[..]
    } else {
        &args.paths[..]
    };
    for root in roots {
        if root.as_os_str() == "-" {
            inputs.push(Input::Stdin);
        } else {
            collect(root, true, &mut inputs, &mut unreadable);
        }
    }
    // `podls check . pod.yaml` names `./pod.yaml` twice: report each file once.
    inputs.sort_by_cached_key(Input::key);
    inputs.dedup_by_key(|input| input.key());
    unreadable.sort_by(|a, b| a.file.cmp(&b.file));
    unreadable.dedup_by(|a, b| a.file == b.file);
    let stdin_dir = Path::new(&args.stdin_filename)
        .parent()
        .filter(|dir| !dir.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
        .to_path_buf();
    // A kustomization may list patches outside its own directory: every one the walk met counts.
    let read = |path: &Path| std::fs::read_to_string(path).ok();
    let roles = FileRoles::new(&read);
    for input in &inputs {
        if let Input::File(path) = input
            && path
                .file_name()
                .is_some_and(|name| KUSTOMIZATION_FILES.iter().any(|k| name == *k))
            && let Some(dir) = crate::config::absolute(path).parent()
        {
            roles.add_kustomization_dir(dir);
        }
    }
    let mut configured = Vec::new();
    let mut excluded_files = 0;
    let mut errors = Vec::new();
    for input in inputs {
        match project.config_of(&input, &stdin_dir) {
            Ok(config) => {
                // `exclude` holds for named files too, so a pre-commit hook's file list honours it.
                let excluded = matches!((&input, &config), (Input::File(path), Some(config)) if config.excludes(path, false));
                if excluded {
                    excluded_files += 1;
                } else {
                    let mut with = project.inputs(config.as_deref());
                    // Stdin (`helm template … | podls check -`) is rendered YAML, or a template read by
                    // its actions.
                    if let Input::File(path) = &input {
                        with.role = roles.role(&crate::config::absolute(path), None);
                    }
                    configured.push((input, with));
                }
            }
            Err(error) => {
                let error = project.render(&error);
                if !errors.contains(&error) {
                    errors.push(error);
                }
            }
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    // Stdin is printed under its name, among the files.
    configured.sort_by_cached_key(|(input, _)| input.shown(&args.stdin_filename));
    Ok(Plan {
        files: configured,
        unreadable,
        excluded: excluded_files,
        locale: project.run_locale(),
    })
}

/// What the run does with fixes, from `--fix`, `--diff` and `--unsafe-fixes`.
fn fixing(args: &CheckArgs) -> fix::Fixing {
    let mode = if args.fix {
        fix::Mode::Fix
    } else if args.diff {
        fix::Mode::Diff
    } else {
        fix::Mode::Check
    };
    fix::Fixing {
        mode,
        unsafe_fixes: args.unsafe_fixes,
    }
}

/// The SARIF rules: every code of the diagnostic registry, in its order, whether it fired or not (code
/// scanning lists what a tool can report, and a rule that stops firing must not vanish from its list). A
/// code's level is the most severe it was reported at in this run; one that did not fire has none, so SARIF's
/// default applies (each result carries its own level anyway).
fn sarif_rules(reports: &[FileReport]) -> Vec<Rule> {
    let mut levels: BTreeMap<&'static str, Severity> = BTreeMap::new();
    for f in reports.iter().flat_map(|r| &r.findings) {
        let level = levels.entry(f.code).or_insert(f.severity);
        *level = (*level).min(f.severity);
    }
    Code::ALL
        .iter()
        .map(|&code| {
            let doc = RuleDoc::of(code);
            Rule {
                code: code.as_str(),
                description: code.summary(),
                level: levels.get(code.as_str()).copied(),
                full_description: doc.checks,
                help_uri: super::rules::help_uri(code),
                help_text: super::rules::help_text(&doc),
                help_markdown: super::rules::help_markdown(&doc),
            }
        })
        .collect()
}
