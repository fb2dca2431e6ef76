//! `podls check [PATH|-]...`: the editor's diagnostics for CI, as text, JSON or SARIF.
//! Finds the files, checks them in parallel through `analysis::diagnostics`, and prints them in a
//! deterministic order; knows nothing of LSP. Columns come from `syntax::LineIndex`.

use std::collections::BTreeMap;
use std::fmt;
use std::io::{self, Read, Write};
use std::path::{Component, Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::{AtomicUsize, Ordering};

use serde_json::{Value, json};

use crate::analysis::{Diagnostic, Severity, diagnostics};
use crate::syntax::{LineIndex, parse};

#[derive(Debug, clap::Args)]
pub struct CheckArgs {
    /// Files or directories to check; directories are searched recursively for *.yaml, *.yml and *.json
    /// (skipping hidden directories, node_modules and target). `-` reads stdin. Default: `.`.
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// How to print the diagnostics.
    #[arg(long, value_enum, default_value_t = OutputFormat::Text)]
    pub format: OutputFormat,
    /// The name stdin's diagnostics are reported under.
    #[arg(long, value_name = "NAME", default_value = "<stdin>")]
    pub stdin_filename: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum OutputFormat {
    /// `file:line:col: severity[code]: message`: line and column 1-based, the column counted in
    /// characters (as rustc and gcc do, so terminals and editors jump to it), then a summary line.
    Text,
    /// One JSON array of diagnostics, ranges 0-based as in LSP (`character` in UTF-16 code units).
    Json,
    /// SARIF 2.1.0 (GitHub code scanning), regions 1-based in UTF-16 code units.
    Sarif,
}

/// Exit codes: what a CI job branches on.
const EXIT_CLEAN: u8 = 0;
const EXIT_ERRORS: u8 = 1;
/// Usage errors (clap exits with 2 too) and files that could not be read or decoded.
const EXIT_TROUBLE: u8 = 2;

pub fn run(args: &CheckArgs) -> ExitCode {
    let mut inputs = Vec::new();
    let mut reports = Vec::new();
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
            collect(root, true, &mut inputs, &mut reports);
        }
    }
    // `podls check . pod.yaml` names `./pod.yaml` twice: report each file once.
    inputs.sort_by_cached_key(Input::key);
    inputs.dedup_by_key(|input| input.key());
    reports.extend(check_all(&inputs, &args.stdin_filename));
    reports.sort_by(|a, b| a.file.cmp(&b.file));
    reports.dedup_by(|a, b| a.file == b.file && a.failure.is_some() && b.failure.is_some());

    let troubled = reports.iter().filter(|r| r.failure.is_some()).count();
    for report in &reports {
        if let Some(failure) = &report.failure {
            eprintln!("error: {}: {}", report.file, failure.message);
        }
    }
    let stdout = io::stdout().lock();
    let mut out = io::BufWriter::new(stdout);
    let written = match args.format {
        OutputFormat::Text => write_text(&mut out, &reports),
        OutputFormat::Json => write_json(&mut out, &reports),
        OutputFormat::Sarif => write_sarif(&mut out, &reports),
    }
    .and_then(|()| out.flush());
    // A closed pipe (`| head`) is the reader's choice, not an error worth reporting.
    if let Err(err) = written
        && err.kind() != io::ErrorKind::BrokenPipe
    {
        eprintln!("error: writing the output: {err}");
        return ExitCode::from(EXIT_TROUBLE);
    }
    let errors = reports
        .iter()
        .flat_map(|r| &r.findings)
        .any(|f| f.severity == Severity::Error);
    ExitCode::from(if troubled > 0 {
        EXIT_TROUBLE
    } else if errors {
        EXIT_ERRORS
    } else {
        EXIT_CLEAN
    })
}

/// One thing to read: a file or stdin.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Input {
    Stdin,
    File(PathBuf),
}

impl Input {
    /// The file as it is printed (`./a.yaml` and `a.yaml` are one file).
    fn key(&self) -> Option<DisplayPath> {
        match self {
            Input::Stdin => None,
            Input::File(path) => Some(display(path)),
        }
    }
}

/// What one input produced: its findings, or why it could not be checked.
#[derive(Debug)]
struct FileReport {
    file: DisplayPath,
    findings: Vec<Finding>,
    failure: Option<Failure>,
}

/// A file name as printed, ordered by path components so `a/b.yaml` sorts before `a-b.yaml` and
/// directories keep their files together.
#[derive(Clone, Debug, PartialEq, Eq)]
struct DisplayPath(String);

impl Ord for DisplayPath {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        Path::new(&self.0).cmp(Path::new(&other.0))
    }
}

impl PartialOrd for DisplayPath {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl fmt::Display for DisplayPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Why a file was not checked; reported on stderr, in JSON and SARIF output, and with exit code 2.
#[derive(Debug)]
struct Failure {
    /// `io-error` or `invalid-utf8`.
    code: &'static str,
    message: String,
    /// Where the problem is, when it is inside the file (the first byte that is not UTF-8).
    at: Position,
}

/// A diagnostic with its positions resolved, so the printers need neither the text nor its line index.
#[derive(Debug)]
struct Finding {
    start: Position,
    end: Position,
    severity: Severity,
    code: &'static str,
    message: String,
    path: Option<String>,
    related: Vec<(Position, Position, String)>,
}

/// A 0-based line with the column in both units the formats use.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord)]
struct Position {
    line: usize,
    utf16: usize,
    chars: usize,
}

impl Position {
    fn of(text: &str, index: &LineIndex, offset: usize) -> Position {
        Position {
            line: index.line_of(offset.min(text.len())),
            utf16: index.utf16_col(text, offset),
            chars: index.char_col(text, offset),
        }
    }
}

/// Adds `path` (a file, or a directory searched recursively) to `inputs`. A path named on the command line
/// is checked whatever its extension; below a directory only manifests are, and hidden or build directories
/// are skipped. Paths that cannot be read become failure reports.
fn collect(path: &Path, named: bool, inputs: &mut Vec<Input>, reports: &mut Vec<FileReport>) {
    // `metadata` follows symlinks: a link to a file is that file, a dangling one is an unreadable path.
    let metadata = match std::fs::metadata(path) {
        Ok(metadata) => metadata,
        Err(err) => {
            reports.push(FileReport::failed(path, "io-error", err.to_string()));
            return;
        }
    };
    if metadata.is_dir() {
        // Symlinked directories are only followed when named, so a link loop cannot trap the walk.
        if !named && std::fs::symlink_metadata(path).is_ok_and(|m| m.is_symlink()) {
            return;
        }
        let entries = match std::fs::read_dir(path) {
            Ok(entries) => entries,
            Err(err) => {
                reports.push(FileReport::failed(path, "io-error", err.to_string()));
                return;
            }
        };
        for entry in entries {
            match entry {
                Ok(entry) => {
                    let child = entry.path();
                    let name = entry.file_name();
                    let name = name.to_string_lossy();
                    let is_dir = entry.file_type().is_ok_and(|t| t.is_dir());
                    if is_dir && skipped_directory(&name) {
                        continue;
                    }
                    if is_dir || is_manifest(&name) {
                        collect(&child, false, inputs, reports);
                    }
                }
                Err(err) => reports.push(FileReport::failed(path, "io-error", err.to_string())),
            }
        }
    } else if named || metadata.is_file() {
        inputs.push(Input::File(path.to_path_buf()));
    }
    // Below a directory, a `.yaml` that is a FIFO, a device or a link to one (`x.yaml -> /dev/zero` in a
    // hostile repository) is not a manifest: reading it would block or never end.
}

fn skipped_directory(name: &str) -> bool {
    name.starts_with('.') || name == "node_modules" || name == "target"
}

fn is_manifest(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    [".yaml", ".yml", ".json"]
        .iter()
        .any(|ext| lower.ends_with(ext))
}

/// Checks every input on a pool of `available_parallelism` threads that take the next input as they
/// finish one (files differ a lot in size); the caller sorts the reports.
fn check_all(inputs: &[Input], stdin_name: &str) -> Vec<FileReport> {
    let workers = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(inputs.len());
    if workers <= 1 {
        return inputs.iter().map(|i| check_input(i, stdin_name)).collect();
    }
    let next = AtomicUsize::new(0);
    std::thread::scope(|scope| {
        let handles: Vec<_> = (0..workers)
            .map(|_| {
                scope.spawn(|| {
                    let mut done = Vec::new();
                    while let Some(input) = inputs.get(next.fetch_add(1, Ordering::Relaxed)) {
                        done.push(check_input(input, stdin_name));
                    }
                    done
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|handle| match handle.join() {
                Ok(done) => done,
                Err(panic) => std::panic::resume_unwind(panic),
            })
            .collect()
    })
}

fn check_input(input: &Input, stdin_name: &str) -> FileReport {
    let (file, bytes) = match input {
        Input::Stdin => {
            let mut bytes = Vec::new();
            let read = io::stdin().lock().read_to_end(&mut bytes);
            (DisplayPath(stdin_name.to_string()), read.map(|_| bytes))
        }
        Input::File(path) => (display(path), read_bounded(path)),
    };
    let bytes = match bytes {
        Ok(bytes) => bytes,
        Err(err) => {
            return FileReport::failure(file, "io-error", err.to_string(), Position::default());
        }
    };
    match String::from_utf8(bytes) {
        Ok(text) => FileReport {
            file,
            findings: check_text(&text),
            failure: None,
        },
        Err(err) => {
            let valid = err.utf8_error().valid_up_to();
            let prefix = std::str::from_utf8(&err.as_bytes()[..valid]).unwrap_or_default();
            let at = Position::of(prefix, &LineIndex::new(prefix), valid);
            let message = format!(
                "not valid UTF-8 (byte {valid}, line {}): Kubernetes manifests are UTF-8",
                at.line + 1
            );
            FileReport::failure(file, "invalid-utf8", message, at)
        }
    }
}

/// No manifest is this large; a named path that never ends (`/dev/zero`) must not exhaust the memory.
const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

fn read_bounded(path: &Path) -> io::Result<Vec<u8>> {
    let mut bytes = Vec::new();
    std::fs::File::open(path)?
        .take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(io::Error::other(format!(
            "larger than {} MiB: not a manifest",
            MAX_FILE_BYTES / 1024 / 1024
        )));
    }
    Ok(bytes)
}

/// The same engine as the editor: parse, diagnose, then resolve positions while the text is at hand.
fn check_text(text: &str) -> Vec<Finding> {
    let file = parse(text);
    let index = LineIndex::new(text);
    let at = |offset| Position::of(text, &index, offset);
    let mut found: Vec<(usize, usize, Diagnostic)> = diagnostics(text, &file)
        .into_iter()
        .map(|d| (d.range.start, d.range.end, d))
        .collect();
    found.sort_by(|(s1, e1, a), (s2, e2, b)| {
        (s1, e1, a.severity, a.code, &a.message).cmp(&(s2, e2, b.severity, b.code, &b.message))
    });
    found
        .into_iter()
        .map(|(start, end, d)| Finding {
            start: at(start),
            end: at(end),
            severity: d.severity,
            code: d.code,
            message: d.message,
            path: d.path,
            related: d
                .related
                .into_iter()
                .map(|(range, message)| (at(range.start), at(range.end), message))
                .collect(),
        })
        .collect()
}

impl FileReport {
    fn failed(path: &Path, code: &'static str, message: String) -> FileReport {
        FileReport::failure(display(path), code, message, Position::default())
    }

    fn failure(file: DisplayPath, code: &'static str, message: String, at: Position) -> FileReport {
        FileReport {
            file,
            findings: Vec::new(),
            failure: Some(Failure { code, message, at }),
        }
    }
}

/// The path as the user wrote it, without a leading `./` (what `podls check .` would otherwise print
/// before every name).
fn display(path: &Path) -> DisplayPath {
    let mut components = path.components();
    while components.clone().next() == Some(Component::CurDir) && components.clone().count() > 1 {
        components.next();
    }
    DisplayPath(components.as_path().display().to_string())
}

fn severity_name(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Information => "information",
        Severity::Hint => "hint",
    }
}

fn write_text(out: &mut impl Write, reports: &[FileReport]) -> io::Result<()> {
    let (mut errors, mut warnings, mut checked) = (0, 0, 0);
    for report in reports {
        if report.failure.is_some() {
            continue; // Already on stderr; stdout keeps one line per diagnostic.
        }
        checked += 1;
        for f in &report.findings {
            match f.severity {
                Severity::Error => errors += 1,
                Severity::Warning => warnings += 1,
                Severity::Information | Severity::Hint => {}
            }
            writeln!(
                out,
                "{}:{}:{}: {}[{}]: {}",
                report.file,
                f.start.line + 1,
                f.start.chars + 1,
                severity_name(f.severity),
                f.code,
                f.message
            )?;
        }
    }
    let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    write!(
        out,
        "{}, {} in {}",
        plural(errors, "error"),
        plural(warnings, "warning"),
        plural(checked, "file")
    )?;
    let troubled = reports.len() - checked;
    if troubled > 0 {
        write!(out, " ({} could not be read)", plural(troubled, "file"))?;
    }
    writeln!(out)
}

fn lsp_range(start: Position, end: Position) -> Value {
    json!({
        "start": { "line": start.line, "character": start.utf16 },
        "end": { "line": end.line, "character": end.utf16 },
    })
}

/// JSON: one object per diagnostic, LSP ranges; a file that could not be read is an `error` object with
/// code `io-error` or `invalid-utf8` (and the exit code is 2).
fn write_json(out: &mut impl Write, reports: &[FileReport]) -> io::Result<()> {
    let mut items = Vec::new();
    for report in reports {
        if let Some(failure) = &report.failure {
            items.push(json!({
                "file": report.file.0,
                "range": lsp_range(failure.at, failure.at),
                "severity": "error",
                "code": failure.code,
                "message": failure.message,
                "path": null,
                "related": [],
            }));
        }
        for f in &report.findings {
            let related: Vec<Value> = f
                .related
                .iter()
                .map(|(start, end, message)| {
                    json!({ "range": lsp_range(*start, *end), "message": message })
                })
                .collect();
            items.push(json!({
                "file": report.file.0,
                "range": lsp_range(f.start, f.end),
                "severity": severity_name(f.severity),
                "code": f.code,
                "message": f.message,
                "path": f.path,
                "related": related,
            }));
        }
    }
    serde_json::to_writer_pretty(&mut *out, &items)?;
    writeln!(out)
}

fn sarif_level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Information | Severity::Hint => "note",
    }
}

/// SARIF regions are 1-based; `endColumn` is the column just past the range.
fn sarif_region(start: Position, end: Position) -> Value {
    json!({
        "startLine": start.line + 1,
        "startColumn": start.utf16 + 1,
        "endLine": end.line + 1,
        "endColumn": end.utf16 + 1,
    })
}

/// A relative path stays relative to `%SRCROOT%` (the checkout, for code scanning); an absolute one
/// becomes a `file://` URI.
fn sarif_artifact(file: &DisplayPath) -> Value {
    let slashed = file.0.replace('\\', "/");
    if Path::new(&file.0).is_absolute() {
        let rooted = if slashed.starts_with('/') {
            slashed
        } else {
            format!("/{slashed}")
        };
        json!({ "uri": format!("file://{}", percent_encode(&rooted)) })
    } else {
        json!({ "uri": percent_encode(&slashed), "uriBaseId": "%SRCROOT%" })
    }
}

/// Percent-encodes what may not appear in a URI path (RFC 3986 `pchar` plus `/`).
fn percent_encode(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for byte in path.bytes() {
        let keep = byte.is_ascii_alphanumeric() || b"-._~/!$&'()*+,;=:@".contains(&byte);
        if keep {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// SARIF 2.1.0, as GitHub code scanning reads it: one run, the rules that fired (ids are podls' codes)
/// with each result pointing at its rule, and files that could not be read as tool notifications.
fn write_sarif(out: &mut impl Write, reports: &[FileReport]) -> io::Result<()> {
    // Rule order: sorted by code, so the same findings give the same file.
    let mut rules: BTreeMap<&'static str, Severity> = BTreeMap::new();
    for f in reports.iter().flat_map(|r| &r.findings) {
        let level = rules.entry(f.code).or_insert(f.severity);
        *level = (*level).min(f.severity);
    }
    let rule_index: BTreeMap<&str, usize> =
        rules.keys().enumerate().map(|(i, c)| (*c, i)).collect();
    let rule_descriptors: Vec<Value> = rules
        .iter()
        .map(|(code, severity)| {
            json!({
                "id": code,
                "name": pascal_case(code),
                "shortDescription": { "text": code.replace('-', " ") },
                "defaultConfiguration": { "level": sarif_level(*severity) },
            })
        })
        .collect();
    let mut results = Vec::new();
    let mut notifications = Vec::new();
    for report in reports {
        let artifact = sarif_artifact(&report.file);
        if let Some(failure) = &report.failure {
            notifications.push(json!({
                "level": "error",
                "message": { "text": format!("{}: {}", report.file, failure.message) },
                "descriptor": { "id": failure.code },
                "locations": [{ "physicalLocation": {
                    "artifactLocation": artifact,
                    "region": sarif_region(failure.at, failure.at),
                }}],
            }));
        }
        for f in &report.findings {
            let mut result = json!({
                "ruleId": f.code,
                "ruleIndex": rule_index[f.code],
                "level": sarif_level(f.severity),
                "message": { "text": f.message },
                "locations": [{
                    "physicalLocation": {
                        "artifactLocation": artifact,
                        "region": sarif_region(f.start, f.end),
                    },
                }],
            });
            if let Some(path) = &f.path {
                result["locations"][0]["logicalLocations"] =
                    json!([{ "fullyQualifiedName": path, "kind": "member" }]);
            }
            if !f.related.is_empty() {
                result["relatedLocations"] = f
                    .related
                    .iter()
                    .enumerate()
                    .map(|(id, (start, end, message))| {
                        json!({
                            "id": id + 1,
                            "message": { "text": message },
                            "physicalLocation": {
                                "artifactLocation": artifact,
                                "region": sarif_region(*start, *end),
                            },
                        })
                    })
                    .collect();
            }
            results.push(result);
        }
    }
    let sarif = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": { "driver": {
                "name": "podls",
                "version": env!("CARGO_PKG_VERSION"),
                "informationUri": env!("CARGO_PKG_REPOSITORY"),
                "rules": rule_descriptors,
            }},
            "columnKind": "utf16CodeUnits",
            "invocations": [{
                "executionSuccessful": notifications.is_empty(),
                "toolExecutionNotifications": notifications,
            }],
            "results": results,
        }],
    });
    serde_json::to_writer_pretty(&mut *out, &sarif)?;
    writeln!(out)
}

/// `unknown-field` → `UnknownField`: SARIF's rule `name` is meant to read as an identifier.
fn pascal_case(code: &str) -> String {
    code.split('-')
        .map(|word| {
            let mut chars = word.chars();
            chars
                .next()
                .map(|first| first.to_ascii_uppercase().to_string() + chars.as_str())
                .unwrap_or_default()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_drops_leading_current_dir_only() {
        assert_eq!(display(Path::new("./a/b.yaml")).0, "a/b.yaml");
        assert_eq!(display(Path::new(".")).0, ".");
        assert_eq!(display(Path::new("../a.yaml")).0, "../a.yaml");
    }

    #[test]
    fn display_paths_sort_by_component() {
        let mut paths = [
            DisplayPath("a-b.yaml".into()),
            DisplayPath("a/b.yaml".into()),
        ];
        paths.sort();
        assert_eq!(paths[0].0, "a/b.yaml");
    }

    #[test]
    fn sarif_uris_are_percent_encoded_and_rooted() {
        let relative = sarif_artifact(&DisplayPath("my dir/pod#1.yaml".into()));
        assert_eq!(relative["uri"], "my%20dir/pod%231.yaml");
        assert_eq!(relative["uriBaseId"], "%SRCROOT%");
        let absolute = sarif_artifact(&DisplayPath("/tmp/pod.yaml".into()));
        assert_eq!(absolute["uri"], "file:///tmp/pod.yaml");
    }

    #[test]
    fn positions_count_chars_for_text_and_utf16_units_for_json() {
        // `😀` is one char but two UTF-16 units; "中" one of each.
        let text = "a: 😀中x\n";
        let index = LineIndex::new(text);
        let x = Position::of(text, &index, text.find('x').unwrap());
        assert_eq!(
            x,
            Position {
                line: 0,
                utf16: 6,
                chars: 5
            }
        );
        let end = Position::of(text, &index, text.len());
        assert_eq!(
            end,
            Position {
                line: 1,
                utf16: 0,
                chars: 0
            }
        );
    }

    #[test]
    fn syntax_errors_become_findings() {
        let findings = check_text("a: b\nc: [\n");
        assert!(!findings.is_empty());
        assert_eq!(findings[0].code, "yaml-syntax");
        assert_eq!(findings[0].severity, Severity::Error);
    }

    #[test]
    fn rule_names_are_pascal_case() {
        assert_eq!(pascal_case("unknown-field"), "UnknownField");
        assert_eq!(pascal_case("yaml-syntax"), "YamlSyntax");
    }
}
