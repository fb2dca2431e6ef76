//! What `podls check` reads: the walk that turns command-line paths into files, and reading one file (or
//! stdin) as UTF-8 text with a size bound. Knows nothing of diagnostics; a path that cannot be read is a
//! [`Failure`] for that path and never stops the walk.

use crate::analysis::{manifest_file_name, skipped_directory};
use crate::messages::{Locale, cli as msg};
use std::fmt;
use std::io::{self, Read};
use std::path::{Component, Path, PathBuf};

use super::findings::{Failure, FailureCode, FileReport, Position};

/// One thing to read: a file or stdin.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Input {
    Stdin,
    File(PathBuf),
}

impl Input {
    /// The file as it is printed (`./a.yaml` and `a.yaml` are one file).
    pub fn key(&self) -> Option<DisplayPath> {
        match self {
            Input::Stdin => None,
            Input::File(path) => Some(display(path)),
        }
    }

    /// The name it is reported under: the file as the user wrote it, stdin as `--stdin-filename` says.
    pub fn shown(&self, stdin_name: &str) -> DisplayPath {
        match self {
            Input::Stdin => DisplayPath(stdin_name.to_string()),
            Input::File(path) => display(path),
        }
    }
}

/// A file name as printed, ordered by path components so `a/b.yaml` sorts before `a-b.yaml` and
/// directories keep their files together.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DisplayPath(pub String);

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

/// The path as the user wrote it, without a leading `./` (what `podls check .` would otherwise print
/// before every name).
pub fn display(path: &Path) -> DisplayPath {
    let mut components = path.components();
    while components.clone().next() == Some(Component::CurDir) && components.clone().count() > 1 {
        components.next();
    }
    DisplayPath(components.as_path().display().to_string())
}

/// Adds `path` (a file, or a directory searched recursively) to `inputs`. A path named on the command line
/// is checked whatever its extension; below a directory only manifests are, and hidden or build directories
/// are skipped. Paths that cannot be read become failure reports.
pub fn collect(path: &Path, named: bool, inputs: &mut Vec<Input>, reports: &mut Vec<FileReport>) {
    // `metadata` follows symlinks: a link to a file is that file, a dangling one is an unreadable path.
    let metadata = match std::fs::metadata(path) {
        Ok(metadata) => metadata,
        Err(err) => {
            reports.push(FileReport::unreadable(path, err));
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
                reports.push(FileReport::unreadable(path, err));
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
                    if is_dir || manifest_file_name(&name) {
                        collect(&child, false, inputs, reports);
                    }
                }
                Err(err) => reports.push(FileReport::unreadable(path, err)),
            }
        }
    } else if named || metadata.is_file() {
        inputs.push(Input::File(path.to_path_buf()));
    }
    // Below a directory, a `.yaml` that is a FIFO, a device or a link to one (`x.yaml -> /dev/zero` in a
    // hostile repository) is not a manifest: reading it would block or never end.
}

/// Reads `input` as it is on disk (what `--fix` compares before it writes).
pub fn read_bytes(
    locale: Locale,
    input: &Input,
    stdin_name: &str,
) -> (DisplayPath, Result<Vec<u8>, Failure>) {
    let bytes = match input {
        Input::Stdin => {
            let mut bytes = Vec::new();
            io::stdin().lock().read_to_end(&mut bytes).map(|_| bytes)
        }
        Input::File(path) => read_bounded(locale, path),
    };
    let file = input.shown(stdin_name);
    let bytes = bytes.map_err(|err| Failure::at_start(FailureCode::IoError, err.to_string()));
    (file, bytes)
}

/// The text of a manifest, which Kubernetes requires to be UTF-8; else where the first bad byte is. A leading
/// byte-order mark is dropped: it is not content, and an editor counts no column for it.
pub fn decode(locale: Locale, bytes: Vec<u8>) -> Result<String, Failure> {
    let mut text = String::from_utf8(bytes).map_err(|err| {
        let valid = err.utf8_error().valid_up_to();
        let prefix = std::str::from_utf8(&err.as_bytes()[..valid]).unwrap_or_default();
        let at = Position::in_text(prefix, valid);
        Failure {
            code: FailureCode::InvalidUtf8,
            message: msg::not_utf8(valid, at.line + 1).render(locale),
            at,
        }
    })?;
    if text.starts_with('\u{feff}') {
        text.drain(..'\u{feff}'.len_utf8());
    }
    Ok(text)
}

/// No manifest is this large; a named path that never ends (`/dev/zero`) must not exhaust the memory.
const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

fn read_bounded(locale: Locale, path: &Path) -> io::Result<Vec<u8>> {
    let file = std::fs::File::open(path)?;
    // Sized from the file's length (as `fs::read` does): without it, a small probe read and a few
    // growing ones per file.
    let size = file.metadata().map_or(0, |m| m.len().min(MAX_FILE_BYTES));
    let mut bytes = Vec::with_capacity(size as usize + 1);
    file.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        let mib = MAX_FILE_BYTES / 1024 / 1024;
        return Err(io::Error::other(msg::too_large(mib).render(locale)));
    }
    Ok(bytes)
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
    fn invalid_utf8_is_located_at_its_first_bad_byte() {
        let failure = decode(Locale::En, b"a: 1\nb: \xff\n".to_vec()).unwrap_err();
        assert_eq!(failure.code, FailureCode::InvalidUtf8);
        assert_eq!((failure.at.line, failure.at.chars), (1, 3));
        assert!(
            failure.message.contains("byte 8, line 2"),
            "{}",
            failure.message
        );
    }
}
