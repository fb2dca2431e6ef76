//! What checking produced, per file: the diagnostics with their positions resolved (so the renderers need
//! no line index; the code frames also get the text), or why the file was not checked. Each file is checked
//! inside `catch_unwind`: a bug that panics on one file is reported for that file and every other file is
//! still checked.

use crate::messages::cli as msg;
use std::cell::{Cell, RefCell};
use std::panic::{self, AssertUnwindSafe};
use std::sync::Once;

use super::fix::{self, FixOutcome, Fixing};
use super::inputs::{self, DisplayPath, Input};
use crate::analysis::{Diagnostic, Inputs, Severity, diagnostics};
use crate::syntax::{ColumnUnit, Columns, parse};

/// What one input produced: its findings, or why it could not be checked.
#[derive(Debug)]
pub struct FileReport {
    pub file: DisplayPath,
    /// The text checked (empty when the file could not be read): what the code frames quote.
    pub text: String,
    pub findings: Vec<Finding>,
    pub failure: Option<Failure>,
    /// What `--fix` / `--diff` did to the file.
    pub fixed: FixOutcome,
}

/// Why a file was not checked; reported on stderr, in JSON and SARIF output, and with exit code 2.
#[derive(Debug)]
pub struct Failure {
    pub code: FailureCode,
    pub message: String,
    /// Where the problem is, when it is inside the file (the first byte that is not UTF-8).
    pub at: Position,
}

/// The codes of files that were not checked. They are not diagnostics (nothing is wrong with the
/// manifest's content), so they are not in the diagnostic registry: SARIF reports them as tool
/// notifications.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FailureCode {
    /// The path could not be read (missing, permissions, too large).
    IoError,
    /// The file is not UTF-8.
    InvalidUtf8,
    /// podls itself failed (panicked) on this file: a bug to report.
    InternalError,
}

impl FailureCode {
    pub fn as_str(self) -> &'static str {
        match self {
            FailureCode::IoError => "io-error",
            FailureCode::InvalidUtf8 => "invalid-utf8",
            FailureCode::InternalError => "internal-error",
        }
    }
}

/// A diagnostic with its positions resolved.
#[derive(Debug)]
pub struct Finding {
    pub start: Position,
    pub end: Position,
    pub severity: Severity,
    pub code: &'static str,
    pub message: String,
    pub path: Option<String>,
    pub related: Vec<(Position, Position, String)>,
    /// The quick fixes, as the editor offers them; the code frames print them as `help:`.
    pub fixes: Vec<FixHint>,
}

/// A quick fix: its title and its edits (byte ranges of the file's text), the preferred one first.
#[derive(Debug)]
pub struct FixHint {
    pub title: String,
    pub edits: Vec<(std::ops::Range<usize>, String)>,
}

/// A 0-based line with the column in both units the formats use, and the byte offset in the text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord)]
pub struct Position {
    pub line: usize,
    pub utf16: usize,
    pub chars: usize,
    pub byte: usize,
}

impl Position {
    fn of(text: &str, columns: &Columns, offset: usize) -> Position {
        Position {
            line: columns.index().line_of(offset.min(text.len())),
            utf16: columns.column(offset, ColumnUnit::Utf16),
            chars: columns.column(offset, ColumnUnit::Utf32),
            byte: offset.min(text.len()),
        }
    }

    /// The position of `offset` in a text that has no line index yet.
    pub fn in_text(text: &str, offset: usize) -> Position {
        Position::of(text, &Columns::new(text), offset)
    }
}

impl Failure {
    pub fn at_start(code: FailureCode, message: String) -> Failure {
        Failure {
            code,
            message,
            at: Position::default(),
        }
    }
}

impl FileReport {
    /// A path the walk could not read.
    pub fn unreadable(path: &std::path::Path, err: std::io::Error) -> FileReport {
        FileReport::failed(
            inputs::display(path),
            Failure::at_start(FailureCode::IoError, err.to_string()),
        )
    }

    fn failed(file: DisplayPath, failure: Failure) -> FileReport {
        FileReport {
            file,
            text: String::new(),
            findings: Vec::new(),
            failure: Some(failure),
            fixed: FixOutcome::default(),
        }
    }
}

/// Reads, fixes (with `--fix` or `--diff`) and checks one input; a panic becomes a failure of that file.
pub fn check_input(
    input: &Input,
    analysis: &Inputs,
    stdin_name: &str,
    fixing: Fixing,
) -> FileReport {
    silence_panics_while_checking();
    let (file, bytes) = inputs::read_bytes(analysis.locale, input, stdin_name);
    // `decode` drops a byte-order mark; `--fix` writes it back.
    let bom = bytes
        .as_ref()
        .is_ok_and(|b| b.starts_with(fix::BOM.as_bytes()));
    let text = match bytes.and_then(|bytes| inputs::decode(analysis.locale, bytes)) {
        Ok(text) => text,
        Err(failure) => return FileReport::failed(file, failure),
    };
    CHECKING.set(true);
    // AssertUnwindSafe: a panic throws away everything built for this file; nothing shared is written.
    let checked = panic::catch_unwind(AssertUnwindSafe(|| {
        panic_on_request(&file);
        let (text, fixed) = fix::fix(input, &file.0, bom, text, analysis, fixing)?;
        let findings = check_text(analysis, &text);
        Ok((text, findings, fixed))
    }));
    CHECKING.set(false);
    match checked {
        Ok(Ok((text, findings, fixed))) => FileReport {
            file,
            text,
            findings,
            failure: None,
            fixed,
        },
        Ok(Err(failure)) => FileReport::failed(file, failure),
        Err(_) => {
            let panic = LAST_PANIC
                .take()
                .unwrap_or_else(|| "unknown panic".to_owned());
            let message = msg::internal_error(panic).render(analysis.locale);
            FileReport::failed(file, Failure::at_start(FailureCode::InternalError, message))
        }
    }
}

/// The same engine as the editor: parse, diagnose, then resolve positions while the text is at hand.
pub fn check_text(analysis: &Inputs, text: &str) -> Vec<Finding> {
    let file = parse(text);
    let mut found: Vec<(usize, usize, Diagnostic)> = diagnostics(analysis, text, &file)
        .into_iter()
        .map(|d| (d.range.start, d.range.end, d))
        .collect();
    drop(file);
    if found.is_empty() {
        // Most files of a tree are clean: their lines are never counted.
        return Vec::new();
    }
    let columns = Columns::new(text);
    let at = |offset| Position::of(text, &columns, offset);
    found.sort_by(|(s1, e1, a), (s2, e2, b)| {
        let (a_code, b_code) = (a.code.as_str(), b.code.as_str());
        (s1, e1, a.severity, a_code, &a.message).cmp(&(s2, e2, b.severity, b_code, &b.message))
    });
    found
        .into_iter()
        .map(|(start, end, d)| Finding {
            start: at(start),
            end: at(end),
            severity: d.severity,
            code: d.code.as_str(),
            message: d.message,
            path: d.path.map(|path| path.to_string()),
            related: d
                .related
                .into_iter()
                .map(|(range, message)| (at(range.start), at(range.end), message))
                .collect(),
            fixes: fix_hints(d.fixes),
        })
        .collect()
}

/// The fixes with the preferred one first (the editor's one-keystroke fix is the one worth printing first).
fn fix_hints(mut fixes: Vec<crate::analysis::Fix>) -> Vec<FixHint> {
    fixes.sort_by_key(|fix| !fix.preferred);
    fixes
        .into_iter()
        .map(|fix| FixHint {
            title: fix.title,
            edits: fix
                .edits
                .into_iter()
                .map(|(range, text)| (range.start..range.end, text))
                .collect(),
        })
        .collect()
}

thread_local! {
    /// Whether this thread is checking a file, so its panics are reported as findings rather than printed.
    static CHECKING: Cell<bool> = const { Cell::new(false) };
    /// The last panic caught while checking, with where it happened (the payload alone has no location).
    static LAST_PANIC: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// Replaces the panic hook, once: while a file is checked, a panic is recorded for its report instead of
/// printed (stderr gets one `error:` line for the file); any other panic goes to the previous hook.
fn silence_panics_while_checking() {
    static INSTALL: Once = Once::new();
    INSTALL.call_once(|| {
        let previous = panic::take_hook();
        panic::set_hook(Box::new(move |info| {
            if !CHECKING.get() {
                return previous(info);
            }
            let payload = info.payload();
            let message = payload
                .downcast_ref::<&str>()
                .copied()
                .or_else(|| payload.downcast_ref::<String>().map(String::as_str))
                .unwrap_or("a panic without a message");
            let described = match info.location() {
                Some(at) => format!("{message}, at {}:{}", at.file(), at.line()),
                None => message.to_owned(),
            };
            LAST_PANIC.set(Some(described));
        }));
    });
}

/// Test builds only: panics while checking a file whose name ends with `PODLS_CHECK_PANIC_ON`, so the
/// end-to-end tests can see how a crash on one file is reported. Compiled out of release builds, so
/// neither the environment nor any file content can trigger it there.
fn panic_on_request(file: &DisplayPath) {
    #[cfg(debug_assertions)]
    if let Some(suffix) = std::env::var_os("PODLS_CHECK_PANIC_ON")
        && file.0.ends_with(&*suffix.to_string_lossy())
    {
        panic!("PODLS_CHECK_PANIC_ON asked for a panic on {file}");
    }
    let _ = file;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_chars_for_text_and_utf16_units_for_json() {
        // `😀` is one char but two UTF-16 units; "中" one of each.
        let text = "a: 😀中x\n";
        let x = Position::in_text(text, text.find('x').unwrap());
        assert_eq!(
            x,
            Position {
                line: 0,
                utf16: 6,
                chars: 5,
                byte: text.find('x').unwrap(),
            }
        );
        let end = Position::in_text(text, text.len());
        assert_eq!(
            end,
            Position {
                line: 1,
                utf16: 0,
                chars: 0,
                byte: text.len(),
            }
        );
    }

    #[test]
    fn syntax_errors_become_findings() {
        let findings = check_text(&Inputs::default(), "a: b\nc: [\n");
        assert!(!findings.is_empty());
        assert_eq!(findings[0].code, "yaml-syntax");
        assert_eq!(findings[0].severity, Severity::Error);
    }
}
