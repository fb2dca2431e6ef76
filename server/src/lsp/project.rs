//! The project configuration in the editor: the `podls.toml` of each document's folder (the nearest one
//! upwards, as `podls check` finds it), read once and forgotten when the client says a configuration file
//! changed (`workspace/didChangeWatchedFiles`) or one is saved; and the diagnostics of a configuration file
//! open in the editor, from its unsaved text.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use tower_lsp_server::ls_types::{Diagnostic, DiagnosticSeverity, NumberOrString, Uri};

use super::documents::DocumentSnapshot;
use super::encoding::{self, PositionEncoding};
use crate::config::{ConfigError, FILE_NAMES, ProjectConfig, find};
use crate::messages::Locale;

/// The code of a mistake in a configuration file (not a manifest diagnostic, so not in `analysis::Code`).
pub const CONFIG_ERROR: &str = "invalid-config";

#[derive(Default)]
pub struct ProjectConfigs {
    /// A folder → the configuration file that applies there.
    found: HashMap<PathBuf, Option<PathBuf>>,
    /// A configuration file → what it says.
    read: HashMap<PathBuf, Result<Arc<ProjectConfig>, ConfigError>>,
}

/// What looking a document's configuration up gave: the configuration, and a mistake read for the first
/// time (to tell the user once, not on every keystroke).
pub struct Lookup {
    pub config: Option<Arc<ProjectConfig>>,
    pub new_error: Option<ConfigError>,
}

impl ProjectConfigs {
    /// The configuration of the document at `uri`; none for documents that are not files. A broken file
    /// applies nothing (its diagnostics say why when it is open).
    pub fn lookup(&mut self, uri: &Uri) -> Lookup {
        let none = Lookup {
            config: None,
            new_error: None,
        };
        let Some(dir) = uri
            .to_file_path()
            .and_then(|path| path.parent().map(Path::to_path_buf))
        else {
            return none;
        };
        let file = self.found.entry(dir.clone()).or_insert_with(|| find(&dir));
        let Some(file) = file.clone() else {
            return none;
        };
        let mut new_error = None;
        let read = self.read.entry(file.clone()).or_insert_with(|| {
            let read = ProjectConfig::load(&file).map(Arc::new);
            new_error = read.as_ref().err().cloned();
            read
        });
        Lookup {
            config: read.as_ref().ok().cloned(),
            new_error,
        }
    }

    /// Whether the document's configuration excludes it (`exclude`): the editor then reports nothing on
    /// it, as `podls check` skips it.
    pub fn excludes(&mut self, uri: &Uri) -> bool {
        let Some(path) = uri.to_file_path() else {
            return false;
        };
        self.lookup(uri)
            .config
            .is_some_and(|config| config.excludes(&path, false))
    }

    /// Forgets everything read: a configuration file was created, changed or deleted.
    pub fn forget(&mut self) {
        self.found.clear();
        self.read.clear();
    }
}

/// Whether the document is a configuration file (by its name).
pub fn is_config(uri: &Uri) -> bool {
    uri.path()
        .as_str()
        .rsplit('/')
        .next()
        .is_some_and(|name| FILE_NAMES.contains(&name))
}

/// The mistake in an open configuration file, as a diagnostic on it.
pub fn diagnostics(
    uri: &Uri,
    document: &DocumentSnapshot,
    encoding: PositionEncoding,
    locale: Locale,
) -> Vec<Diagnostic> {
    let path = uri
        .to_file_path()
        .map_or_else(|| PathBuf::from(uri.path().as_str()), |p| p.into_owned());
    match crate::config::parse(&path, &document.text) {
        Ok(_) => Vec::new(),
        Err(error) => vec![Diagnostic {
            range: encoding::range(&document.rope, error.range, encoding),
            severity: Some(DiagnosticSeverity::ERROR),
            code: Some(NumberOrString::String(CONFIG_ERROR.to_owned())),
            source: Some("podls".to_owned()),
            message: super::diagnostics::plain_text(&error.message.render(locale)),
            ..Diagnostic::default()
        }],
    }
}
