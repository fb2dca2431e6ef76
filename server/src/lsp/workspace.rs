//! The workspace folders' YAML, read once in the background so that a name declared in a file that is not
//! open (a ConfigMap, a Service) is still found. Only files that hold a name are kept, with their rope for
//! positions. The scan runs on a blocking thread and requests read what it has found so far: no keystroke
//! waits for it. Watched-file events, saves and closes refresh one file at a time. A folder's `podls.toml`
//! applies as `podls check` reads it: its `exclude` patterns are not read, its `[[pod-template]]`s are
//! served.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use ropey::Rope;
use tower_lsp_server::ls_types::Uri;

use crate::analysis::names::{FileNames, file_names};
use crate::analysis::{PodTemplate, manifest_file_name, skipped_directory};
use crate::config::ProjectConfig;
use crate::syntax;

/// No manifest is this large; a bigger `.yaml` (a generated dump) is not read for names.
const MAX_FILE_BYTES: u64 = 8 * 1024 * 1024;

/// Deeper than any repository; stops a walk in a pathological tree.
const MAX_DEPTH: usize = 32;

/// A workspace file that is not open, as the name requests see it.
pub struct ScannedFile {
    pub rope: Rope,
    pub names: FileNames,
}

/// A workspace folder and the configuration that applies to it (read when the scan starts).
pub struct Folder {
    pub root: PathBuf,
    config: Option<ProjectConfig>,
    templates: Arc<[PodTemplate]>,
}

impl Folder {
    /// The folder with its nearest `podls.toml` (one that does not read is left out, as if absent: the
    /// language server reports it on the file itself).
    pub fn read(root: PathBuf) -> Folder {
        let config = ProjectConfig::discover(&root).and_then(Result::ok);
        let templates = config
            .as_ref()
            .map(|c| c.pod_templates.clone().into())
            .unwrap_or_else(|| Arc::from([]));
        Folder {
            root,
            config,
            templates,
        }
    }

    fn excludes(&self, path: &Path, is_dir: bool) -> bool {
        self.config
            .as_ref()
            .is_some_and(|config| config.excludes(path, is_dir))
    }

    /// Whether a manifest of this folder is read: not in a skipped directory, not excluded.
    fn reads(&self, path: &Path) -> bool {
        path.strip_prefix(&self.root).is_ok_and(|inside| {
            let mut dirs: Vec<_> = inside.components().collect();
            dirs.pop();
            !dirs
                .iter()
                .any(|c| skipped_directory(&c.as_os_str().to_string_lossy()))
        }) && path
            .file_name()
            .is_some_and(|n| manifest_file_name(&n.to_string_lossy()))
            && !self.excludes(path, false)
    }
}

/// The files found so far, by URI.
#[derive(Default)]
pub struct WorkspaceFiles {
    pub roots: Vec<PathBuf>,
    pub folders: Vec<Folder>,
    pub files: HashMap<Uri, Arc<ScannedFile>>,
}

impl WorkspaceFiles {
    /// The folder that reads a file: it is under it, not in a skipped directory, not excluded.
    fn folder(&self, path: &Path) -> Option<&Folder> {
        self.folders.iter().find(|folder| folder.reads(path))
    }

    /// Whether a file belongs to the workspace's names.
    pub fn holds(&self, path: &Path) -> bool {
        self.folder(path).is_some()
    }

    /// Records a file's current text (read from disk, or saved), or forgets it when it holds no name.
    pub fn update(&mut self, uri: Uri, text: Option<&str>) {
        let path = uri.to_file_path().map(|p| p.into_owned());
        let templates = path
            .as_deref()
            .and_then(|p| self.folder(p))
            .map(|f| &f.templates);
        match text
            .zip(templates)
            .and_then(|(text, templates)| scanned(templates, text))
        {
            Some(file) => {
                self.files.insert(uri, Arc::new(file));
            }
            None => {
                self.files.remove(&uri);
            }
        }
    }
}

/// A file's names, when it has any.
fn scanned(templates: &Arc<[PodTemplate]>, text: &str) -> Option<ScannedFile> {
    let file = syntax::parse(text);
    let names = file_names(templates, text, &file);
    names
        .documents
        .iter()
        .any(|(_, doc)| !doc.symbols.is_empty())
        .then(|| ScannedFile {
            rope: Rope::from_str(text),
            names,
        })
}

/// A file's text, when it is a readable UTF-8 manifest of a sane size (regular files only: a FIFO or a
/// device named `.yaml` would block or never end).
pub fn read(path: &Path) -> Option<String> {
    let metadata = std::fs::metadata(path).ok()?;
    if !metadata.is_file() || metadata.len() > MAX_FILE_BYTES {
        return None;
    }
    String::from_utf8(std::fs::read(path).ok()?).ok()
}

/// Every manifest with a name in `folders`, with its URI. Symlinked directories are not followed (a link
/// loop cannot trap the walk).
pub fn scan(folders: &[Folder]) -> Vec<(Uri, ScannedFile)> {
    let mut found = Vec::new();
    for folder in folders {
        walk(folder, &folder.root, 0, &mut found);
    }
    found
}

fn walk(folder: &Folder, dir: &Path, depth: usize, found: &mut Vec<(Uri, ScannedFile)>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let Ok(kind) = entry.file_type() else {
            continue;
        };
        if kind.is_dir() {
            if depth < MAX_DEPTH
                && !skipped_directory(&entry.file_name().to_string_lossy())
                && !folder.excludes(&path, true)
            {
                walk(folder, &path, depth + 1, found);
            }
        } else if folder.reads(&path)
            && let Some(file) = read(&path).and_then(|text| scanned(&folder.templates, &text))
            && let Some(uri) = Uri::from_file_path(&path)
        {
            found.push((uri, file));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_scan_reads_manifests_with_names_and_skips_hidden_build_and_excluded_directories() {
        let root = std::env::temp_dir().join(format!("podls-scan-{}", std::process::id()));
        let config = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: settings}\n";
        for (path, text) in [
            ("deploy/config.yaml", config),
            ("deploy/notes.yaml", "just: yaml\n"),
            ("deploy/readme.md", config),
            (".git/config.yaml", config),
            ("node_modules/x/config.yml", config),
            ("target/config.yaml", config),
            ("charts/config.yaml", config),
            ("podls.toml", "exclude = [\"charts/\"]\n"),
        ] {
            let path = root.join(path);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, text).unwrap();
        }
        let found = scan(&[Folder::read(root.clone())]);
        let names: Vec<String> = found
            .iter()
            .map(|(uri, _)| {
                uri.as_str()
                    .rsplit('/')
                    .take(2)
                    .collect::<Vec<_>>()
                    .join("<")
            })
            .collect();
        assert_eq!(names, ["config.yaml<deploy"]);
        let mut files = WorkspaceFiles {
            folders: vec![Folder::read(root.clone())],
            ..WorkspaceFiles::default()
        };
        assert!(files.holds(&root.join("deploy/config.yaml")));
        assert!(!files.holds(&root.join(".git/config.yaml")));
        assert!(!files.holds(&root.join("deploy/readme.md")));
        assert!(!files.holds(&root.join("charts/config.yaml")));
        let uri = found[0].0.clone();
        files.update(uri.clone(), Some(config));
        assert!(files.files.contains_key(&uri));
        files.update(uri.clone(), Some("just: yaml\n"));
        assert!(!files.files.contains_key(&uri));
        std::fs::remove_dir_all(root).unwrap();
    }
}
