//! `podls check --fix` and `--diff`: each file fixed by `analysis::fix_all` (the editor's quick fixes,
//! until nothing more applies), then written back without losing a byte: the BOM kept, a temporary file in
//! the same directory renamed over the original with its permissions, and nothing written when the file
//! changed on disk since it was read (a killed run's temporary files go at the next run: `stale.rs`).
//! `--diff` prints what would change and writes nothing; stdin's fixed text goes to stdout.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use super::findings::{Failure, FailureCode};
use super::inputs::Input;
use super::stale;
use crate::analysis::{Inputs, fix_all};
use crate::messages::{Locale, cli, fixing as msg};

/// What the run does with fixes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Fixing {
    pub mode: Mode,
    /// Also the fixes that are not certain (a diagnostic's first fix when none is preferred).
    pub unsafe_fixes: bool,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Mode {
    /// Report only.
    #[default]
    Check,
    /// Write the fixed files (stdin: print the fixed text).
    Fix,
    /// Print a unified diff of what `Fix` would change.
    Diff,
}

/// What fixing one file did.
#[derive(Debug, Default)]
pub struct FixOutcome {
    /// How many fixes were applied (or would be, with `--diff`).
    pub applied: usize,
    /// `--diff`: the unified diff, when something would change.
    pub diff: Option<String>,
    /// Stdin with `--fix`: the fixed text, to print.
    pub stdout: Option<Vec<u8>>,
}

pub const BOM: &str = "\u{feff}";

/// Fixes `text` (what was read of `input`, with its byte-order mark dropped when `bom`) and writes or
/// shows the result. Returns the text to report findings on (the fixed one, unless `--diff`).
pub fn fix(
    input: &Input,
    shown_as: &str,
    bom: bool,
    text: String,
    inputs: &Inputs,
    fixing: Fixing,
) -> Result<(String, FixOutcome), Failure> {
    if fixing.mode == Mode::Check {
        return Ok((text, FixOutcome::default()));
    }
    let fixed = fix_all(inputs, &text, fixing.unsafe_fixes);
    let mut outcome = FixOutcome {
        applied: fixed.applied.len(),
        ..FixOutcome::default()
    };
    let bom = if bom { BOM } else { "" };
    let new_bytes = [bom.as_bytes(), fixed.text.as_bytes()].concat();
    match (fixing.mode, input) {
        (Mode::Check | Mode::Diff, _) => {
            if fixed.text != text {
                outcome.diff = Some(unified_diff(shown_as, &text, &fixed.text));
            }
            return Ok((text, outcome));
        }
        (Mode::Fix, Input::Stdin) => outcome.stdout = Some(new_bytes),
        (Mode::Fix, Input::File(path)) => {
            stale::clean_beside(path);
            if fixed.text != text {
                let read = [bom.as_bytes(), text.as_bytes()].concat();
                write_atomically(path, &read, &new_bytes, inputs.locale)?;
            }
        }
    }
    Ok((fixed.text, outcome))
}

/// What `--fix` (or `--diff`, which only would) did in the whole run, as stderr's last line says it.
#[derive(Debug, Default)]
pub struct FixTally {
    files: usize,
    fixes: usize,
}

impl FixTally {
    pub fn add(&mut self, outcome: &FixOutcome) {
        if outcome.applied > 0 {
            self.files += 1;
            self.fixes += outcome.applied;
        }
    }

    /// `Fixed 3 problems in 2 files.` (or what `--diff` would fix); nothing when there was nothing to fix.
    pub fn line(&self, mode: Mode, locale: Locale) -> Option<String> {
        let files = cli::file_count(self.files);
        let line = match (mode, self.fixes) {
            (_, 0) | (Mode::Check, _) => return None,
            (Mode::Diff, 1) => msg::would_fix_one(files),
            (Mode::Diff, n) => msg::would_fix_many(n, files),
            (Mode::Fix, 1) => msg::fixed_one(files),
            (Mode::Fix, n) => msg::fixed_many(n, files),
        };
        Some(line.render(locale))
    }
}

/// `--- a/file` / `+++ b/file` and the hunks, three lines of context, as `git diff` prints them.
fn unified_diff(file: &str, old: &str, new: &str) -> String {
    let diff = similar::TextDiff::from_lines(old, new);
    let mut out = diff
        .unified_diff()
        .context_radius(3)
        .header(&format!("a/{file}"), &format!("b/{file}"))
        .to_string();
    if !out.ends_with('\n') {
        out.push('\n');
    }
    out
}

/// Writes `new` over the file at `path` (the file a symlink names, never the link), if it still holds
/// `expected`: a temporary file beside it, with its permissions, renamed over it.
fn write_atomically(
    path: &Path,
    expected: &[u8],
    new: &[u8],
    locale: Locale,
) -> Result<(), Failure> {
    let failure = |message: String| Failure::at_start(FailureCode::IoError, message);
    let io = |err: std::io::Error| failure(msg::not_written(err).render(locale));
    let target = fs::canonicalize(path).map_err(io)?;
    let unchanged = || fs::read(&target).map(|now| now == expected);
    if !unchanged().map_err(io)? {
        return Err(failure(msg::changed_on_disk().render(locale)));
    }
    let permissions = fs::metadata(&target).map_err(io)?.permissions();
    let temp = temporary_beside(&target);
    let written = (|| {
        let mut file = fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&temp)?;
        file.write_all(new)?;
        file.sync_all()?;
        fs::set_permissions(&temp, permissions)
    })();
    if let Err(err) = written {
        let _ = fs::remove_file(&temp);
        return Err(io(err));
    }
    change_on_request(&target);
    // Once more right before the rename: an editor may have saved meanwhile.
    if !unchanged().unwrap_or(false) {
        let _ = fs::remove_file(&temp);
        return Err(failure(msg::changed_on_disk().render(locale)));
    }
    fs::rename(&temp, &target).map_err(|err| {
        let _ = fs::remove_file(&temp);
        io(err)
    })
}

/// `.pod.yaml.podls-fix-<pid>-<n>` in the file's directory (a rename is atomic only within one file
/// system).
fn temporary_beside(target: &Path) -> PathBuf {
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let n = NEXT.fetch_add(1, Ordering::Relaxed);
    target.with_file_name(format!(".{name}.podls-fix-{}-{n}", std::process::id()))
}

/// Test builds only: appends a line to a file whose name ends with `PODLS_FIX_CHANGE_BEFORE_WRITE` just
/// before `--fix` writes it, as an editor saving at that moment would, so the end-to-end tests can see the
/// write refused. Compiled out of release builds.
fn change_on_request(target: &Path) {
    #[cfg(debug_assertions)]
    if let Some(suffix) = std::env::var_os("PODLS_FIX_CHANGE_BEFORE_WRITE")
        && target
            .to_string_lossy()
            .ends_with(&*suffix.to_string_lossy())
        && let Ok(mut file) = fs::OpenOptions::new().append(true).open(target)
    {
        let _ = file.write_all(b"# saved by someone else\n");
    }
    let _ = target;
}
