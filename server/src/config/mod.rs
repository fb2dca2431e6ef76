//! The project configuration: `podls.toml` (or `.podls.toml`), found from a checked file's directory upwards
//! to the repository root, the nearest one winning (as ruff and rustfmt find theirs). The CLI and the
//! language server both read it here and turn it into `analysis::Inputs`; it knows nothing of LSP.
//!
//! `file.rs` reads one file (every key, each error with its position), this file finds it and applies it.

mod file;

use std::path::{Path, PathBuf};

pub use file::{ConfigError, parse};

use crate::analysis::{Code, Inputs, KubernetesVersion, Level, PodTemplate};
use crate::messages::{Locale, config as msg};

/// The names a configuration file may have, in the order they win within one directory.
pub const FILE_NAMES: [&str; 2] = ["podls.toml", ".podls.toml"];

/// One configuration file, read and checked.
#[derive(Clone, Debug)]
pub struct ProjectConfig {
    /// The file it was read from; `exclude` patterns are relative to its directory.
    pub file: PathBuf,
    pub kubernetes: Option<KubernetesVersion>,
    pub locale: Option<Locale>,
    /// `[rules]`: a level per code, in the file's order.
    pub rules: Vec<(Code, Level)>,
    pub exclude: Option<ignore::gitignore::Gitignore>,
    pub pod_templates: Vec<PodTemplate>,
}

impl ProjectConfig {
    /// Reads `path`; an unreadable file is an error at its start.
    pub fn load(path: &Path) -> Result<ProjectConfig, ConfigError> {
        let text = std::fs::read_to_string(path)
            .map_err(|err| ConfigError::at_start(path, msg::cannot_read(err)))?;
        parse(path, &text)
    }

    /// The nearest configuration of `dir` (a checked file's directory), read; `None` when there is none.
    pub fn discover(dir: &Path) -> Option<Result<ProjectConfig, ConfigError>> {
        find(dir).map(|path| ProjectConfig::load(&path))
    }

    /// Whether `path` (a file below the configuration's directory) is excluded by its `exclude` patterns.
    pub fn excludes(&self, path: &Path, is_dir: bool) -> bool {
        let Some(exclude) = &self.exclude else {
            return false;
        };
        let path = absolute(path);
        path.strip_prefix(exclude.path()).is_ok()
            && exclude
                .matched_path_or_any_parents(&path, is_dir)
                .is_ignore()
    }

    /// The file's settings over `inputs`' defaults (an editor's own settings are applied after this).
    pub fn apply(&self, inputs: &mut Inputs) {
        if let Some(version) = self.kubernetes {
            inputs.kubernetes = version;
        }
        if let Some(locale) = self.locale {
            inputs.locale = locale;
        }
        for &(code, level) in &self.rules {
            inputs.rules.set(code, level);
        }
        inputs.pod_templates = self.pod_templates.clone().into();
    }
}

/// The configuration file that applies to files in `dir`: the nearest `podls.toml` or `.podls.toml` from
/// `dir` upwards, stopping at the repository root (the directory that holds `.git`).
pub fn find(dir: &Path) -> Option<PathBuf> {
    let dir = absolute(dir);
    for ancestor in dir.ancestors() {
        if let Some(file) = in_directory(ancestor) {
            return Some(file);
        }
        if is_repository_root(ancestor) {
            return None;
        }
    }
    None
}

/// Whether `dir` is a repository's root (it holds `.git`, a directory or a submodule's file): no
/// configuration above it applies inside it.
pub fn is_repository_root(dir: &Path) -> bool {
    dir.join(".git").exists()
}

/// The configuration file `dir` itself holds, if any (the first of `FILE_NAMES` that is a file).
pub fn in_directory(dir: &Path) -> Option<PathBuf> {
    FILE_NAMES
        .iter()
        .map(|name| dir.join(name))
        .find(|candidate| candidate.is_file())
}

/// `path` from the filesystem root, without `.` components (what `exclude` patterns match against).
pub fn absolute(path: &Path) -> PathBuf {
    // The working directory, read once: `podls check` asks for it for each file it reads (a system call and
    // an allocation each), and podls never changes it.
    static CWD: std::sync::OnceLock<Option<PathBuf>> = std::sync::OnceLock::new();
    let joined = match CWD.get_or_init(|| std::env::current_dir().ok()) {
        Some(cwd) if !path.is_absolute() => cwd.join(path),
        _ => path.to_path_buf(),
    };
    joined
        .components()
        .filter(|c| !matches!(c, std::path::Component::CurDir))
        .collect()
}

#[cfg(test)]
mod tests;
