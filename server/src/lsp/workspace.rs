//! The workspace folders' YAML, read once in the background so that a name declared in a file that is not
//! open (a ConfigMap, a Service) is still found. Only files that hold a name are kept, with their rope for
//! positions. The scan runs on a blocking thread and requests read what it has found so far: no keystroke
//! waits for it. Watched-file events, saves and closes refresh one file at a time. Each directory's nearest
//! `podls.toml` applies as `podls check` reads it (one in a subdirectory wins there): its `exclude` patterns
//! are not read, its `[[pod-template]]`s are served. A configuration file that changes starts the scan
//! again.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use ropey::Rope;
use tower_lsp_server::ls_types::Uri;

use crate::analysis::names::{FileNames, file_names};
use crate::analysis::{PodTemplate, manifest_file_name, skipped_directory};
use crate::config::{self, ProjectConfig};
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

/// What applies to the manifests of one directory: its nearest `podls.toml`, as `podls check` finds it
/// (a file that does not read applies nothing, as if absent: the language server reports it on the file
/// itself).
#[derive(Clone, Default)]
struct Scope {
    config: Option<Arc<ProjectConfig>>,
    templates: Arc<[PodTemplate]>,
}

impl Scope {
    fn of(config: Option<ProjectConfig>) -> Scope {
        let templates = config
            .as_ref()
            .map(|c| c.pod_templates.clone().into())
            .unwrap_or_else(|| Arc::from([]));
        Scope {
            config: config.map(Arc::new),
            templates,
        }
    }

    /// The scope of `dir`, looked up on disk from `dir` upwards.
    fn discover(dir: &Path) -> Scope {
        Scope::of(ProjectConfig::discover(dir).and_then(Result::ok))
    }

    /// The scope of `dir`, a subdirectory of a directory with this scope: its own configuration file
    /// when it has one (the nearest wins whole, as in `podls check`), none when it is a repository of its
    /// own (a submodule: `config::find` stops there too), else this one.
    fn enter(&self, dir: &Path) -> Scope {
        match config::in_directory(dir) {
            Some(file) => Scope::of(ProjectConfig::load(&file).ok()),
            None if config::is_repository_root(dir) => Scope::default(),
            None => self.clone(),
        }
    }

    fn excludes(&self, path: &Path, is_dir: bool) -> bool {
        self.config
            .as_ref()
            .is_some_and(|config| config.excludes(path, is_dir))
    }

    /// Whether a file of a directory with this scope is read: a manifest's name, not excluded.
    fn reads(&self, path: &Path) -> bool {
        path.file_name()
            .is_some_and(|name| manifest_file_name(&name.to_string_lossy()))
            && !self.excludes(path, false)
    }
}

/// A workspace folder, with the scope of each directory its scan walked.
pub struct Folder {
    pub root: PathBuf,
    /// A directory made after the scan, or one it did not enter, is looked up on disk instead.
    scopes: HashMap<PathBuf, Scope>,
}

impl Folder {
    pub fn new(root: PathBuf) -> Folder {
        Folder {
            root,
            scopes: HashMap::new(),
        }
    }

    fn scope(&self, dir: &Path) -> Scope {
        self.scopes
            .get(dir)
            .cloned()
            .unwrap_or_else(|| Scope::discover(dir))
    }

    /// The scope of a manifest this folder reads (under it, not in a skipped directory, not excluded by
    /// its own directory's configuration); `None` for any other file.
    fn reads(&self, path: &Path) -> Option<Scope> {
        let dir = path.parent()?;
        let skipped = dir
            .strip_prefix(&self.root)
            .ok()?
            .components()
            .any(|c| skipped_directory(&c.as_os_str().to_string_lossy()));
        let scope = self.scope(dir);
        (!skipped && scope.reads(path)).then_some(scope)
    }
}

/// The files found so far, by URI.
#[derive(Default)]
pub struct WorkspaceFiles {
    pub roots: Vec<PathBuf>,
    pub folders: Vec<Folder>,
    pub files: HashMap<Uri, Arc<ScannedFile>>,
    /// The number of the latest scan started: an older one that ends after it is dropped.
    scans: u64,
    /// The files refreshed while a scan runs: newer than what it read.
    touched: Option<HashSet<Uri>>,
}

impl WorkspaceFiles {
    /// The scope of a file the workspace reads (see `Folder::reads`).
    fn scope(&self, path: &Path) -> Option<Scope> {
        self.folders.iter().find_map(|folder| folder.reads(path))
    }

    /// Whether a file belongs to the workspace's names.
    pub fn holds(&self, path: &Path) -> bool {
        self.scope(path).is_some()
    }

    /// Records a file's current text (read from disk, or saved), or forgets it when it holds no name.
    pub fn update(&mut self, uri: Uri, text: Option<&str>) {
        let path = uri.to_file_path().map(|p| p.into_owned());
        let scope = path.as_deref().and_then(|p| self.scope(p));
        if let Some(touched) = &mut self.touched {
            touched.insert(uri.clone());
        }
        match text
            .zip(scope)
            .and_then(|(text, scope)| scanned(&scope.templates, text))
        {
            Some(file) => {
                self.files.insert(uri, Arc::new(file));
            }
            None => {
                self.files.remove(&uri);
            }
        }
    }

    /// A scan of the roots begins (at the start, or after a configuration file changed): its number.
    pub fn start_scan(&mut self) -> u64 {
        self.scans += 1;
        self.touched = Some(HashSet::new());
        self.scans
    }

    /// What scan number `scan` found replaces what was known, except the files refreshed since it began;
    /// nothing changes when a newer scan has begun meanwhile (its result is due).
    pub fn finish_scan(&mut self, scan: u64, folders: Vec<Folder>, found: Vec<(Uri, ScannedFile)>) {
        if scan != self.scans {
            return;
        }
        let mut files: HashMap<_, _> = found
            .into_iter()
            .map(|(uri, file)| (uri, Arc::new(file)))
            .collect();
        for uri in self.touched.take().unwrap_or_default() {
            match self.files.remove(&uri) {
                Some(file) => files.insert(uri, file),
                None => files.remove(&uri),
            };
        }
        self.files = files;
        self.folders = folders;
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

/// Every manifest with a name in `folders`, with its URI; each folder keeps the scope of every directory
/// walked. Symlinked directories are not followed (a link loop cannot trap the walk).
pub fn scan(folders: &mut [Folder]) -> Vec<(Uri, ScannedFile)> {
    let mut found = Vec::new();
    for folder in folders {
        let root = folder.root.clone();
        let scope = Scope::discover(&root);
        walk(folder, &root, scope, 0, &mut found);
    }
    found
}

fn walk(
    folder: &mut Folder,
    dir: &Path,
    scope: Scope,
    depth: usize,
    found: &mut Vec<(Uri, ScannedFile)>,
) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let Ok(kind) = entry.file_type() else {
            continue;
        };
        if kind.is_dir() {
            if depth < MAX_DEPTH && !skipped_directory(&entry.file_name().to_string_lossy()) {
                let inner = scope.enter(&path);
                if !inner.excludes(&path, true) {
                    walk(folder, &path, inner, depth + 1, found);
                }
            }
        } else if scope.reads(&path)
            && let Some(file) = read(&path).and_then(|text| scanned(&scope.templates, &text))
            && let Some(uri) = Uri::from_file_path(&path)
        {
            found.push((uri, file));
        }
    }
    folder.scopes.insert(dir.to_path_buf(), scope);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_scan_reads_manifests_with_names_and_skips_hidden_build_and_excluded_directories() {
        let tree = Tree::new(
            "scan",
            &[
                ("deploy/config.yaml", CONFIG_MAP),
                ("deploy/notes.yaml", "just: yaml\n"),
                ("deploy/readme.md", CONFIG_MAP),
                (".git/config.yaml", CONFIG_MAP),
                ("node_modules/x/config.yml", CONFIG_MAP),
                ("target/config.yaml", CONFIG_MAP),
                ("charts/config.yaml", CONFIG_MAP),
                ("podls.toml", "exclude = [\"charts/\"]\n"),
            ],
        );
        assert_eq!(tree.scanned(), ["deploy/config.yaml"]);
        let root = &tree.0;
        let mut files = WorkspaceFiles {
            folders: vec![Folder::new(root.clone())],
            ..WorkspaceFiles::default()
        };
        assert!(files.holds(&root.join("deploy/config.yaml")));
        assert!(!files.holds(&root.join(".git/config.yaml")));
        assert!(!files.holds(&root.join("deploy/readme.md")));
        assert!(!files.holds(&root.join("charts/config.yaml")));
        let uri = Uri::from_file_path(root.join("deploy/config.yaml")).unwrap();
        files.update(uri.clone(), Some(CONFIG_MAP));
        assert!(files.files.contains_key(&uri));
        files.update(uri.clone(), Some("just: yaml\n"));
        assert!(!files.files.contains_key(&uri));
    }

    /// A tree of files below a fresh temporary directory, removed when dropped.
    struct Tree(PathBuf);

    impl Tree {
        fn new(name: &str, files: &[(&str, &str)]) -> Tree {
            let root = std::env::temp_dir().join(format!("podls-{name}-{}", std::process::id()));
            let _ = std::fs::remove_dir_all(&root);
            std::fs::create_dir_all(root.join(".git")).unwrap();
            for (path, text) in files {
                let path = root.join(path);
                std::fs::create_dir_all(path.parent().unwrap()).unwrap();
                std::fs::write(path, text).unwrap();
            }
            Tree(root)
        }

        /// The files a scan keeps, as paths from the root, sorted.
        fn scanned(&self) -> Vec<String> {
            let mut folders = [Folder::new(self.0.clone())];
            let mut found: Vec<String> = scan(&mut folders)
                .iter()
                .map(|(uri, _)| {
                    let path = uri.to_file_path().unwrap();
                    path.strip_prefix(&self.0).unwrap().display().to_string()
                })
                .collect();
            found.sort();
            found
        }
    }

    impl Drop for Tree {
        fn drop(&mut self) {
            let _ = std::fs::remove_dir_all(&self.0);
        }
    }

    const CONFIG_MAP: &str = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: settings}\n";
    /// A custom resource holding a pod that mounts a ConfigMap: it has names only where a `[[pod-template]]`
    /// says where its pod is.
    const ROLLOUT: &str = "apiVersion: argoproj.io/v1alpha1\nkind: Rollout\nmetadata: {name: web}\nspec:\n  \
        template:\n    spec:\n      containers: [{name: app, image: nginx}]\n      volumes:\n      - name: s\n        \
        configMap: {name: settings}\n";
    const ROLLOUT_TEMPLATE: &str = "[[pod-template]]\napiVersion = \"argoproj.io/v1alpha1\"\nkind = \"Rollout\"\npath = \"spec.template\"\n";

    #[test]
    fn a_subdirectory_with_its_own_configuration_is_scanned_under_it() {
        let tree = Tree::new(
            "nested-config",
            &[
                (
                    "podls.toml",
                    "exclude = [\"team/legacy/\", \"old/\", \"broken/config.yaml\"]\n",
                ),
                ("old/config.yaml", CONFIG_MAP),
                ("rollout.yaml", ROLLOUT),
                // The nearest file wins whole: the root's `team/legacy/` does not hold below `team/`, its own
                // `generated/` does, and so do its pod templates.
                (
                    "team/podls.toml",
                    &format!("exclude = [\"generated/\"]\n{ROLLOUT_TEMPLATE}"),
                ),
                ("team/legacy/config.yaml", CONFIG_MAP),
                ("team/generated/config.yaml", CONFIG_MAP),
                ("team/deep/rollout.yaml", ROLLOUT),
                ("team/deep/skip.yaml", CONFIG_MAP),
                ("team/deep/podls.toml", "exclude = [\"skip.yaml\"]\n"),
                // A file that does not read applies nothing below it, not its parent's settings.
                ("broken/podls.toml", "exclude = 3\n"),
                ("broken/config.yaml", CONFIG_MAP),
                ("broken/rollout.yaml", ROLLOUT),
                // A repository of its own (a submodule) is outside the root's configuration, as in
                // `podls check`: the root's `old/` does not hold in it.
                ("vendor/lib/.git/HEAD", "ref: refs/heads/main\n"),
                ("vendor/lib/old/config.yaml", CONFIG_MAP),
            ],
        );
        assert_eq!(
            tree.scanned(),
            [
                "broken/config.yaml",
                "team/legacy/config.yaml",
                "vendor/lib/old/config.yaml"
            ],
            "team/deep has its own file, without the pod template"
        );
        std::fs::write(tree.0.join("team/deep/podls.toml"), ROLLOUT_TEMPLATE).unwrap();
        assert_eq!(
            tree.scanned(),
            [
                "broken/config.yaml",
                "team/deep/rollout.yaml",
                "team/deep/skip.yaml",
                "team/legacy/config.yaml",
                "vendor/lib/old/config.yaml"
            ]
        );
    }

    #[test]
    fn a_refresh_uses_the_configuration_of_the_file_s_directory() {
        let tree = Tree::new(
            "nested-refresh",
            &[
                (
                    "team/podls.toml",
                    &format!("exclude = [\"generated/\"]\n{ROLLOUT_TEMPLATE}"),
                ),
                ("team/rollout.yaml", ROLLOUT),
            ],
        );
        let mut files = WorkspaceFiles {
            roots: vec![tree.0.clone()],
            ..WorkspaceFiles::default()
        };
        let scan_number = files.start_scan();
        let mut folders = vec![Folder::new(tree.0.clone())];
        let found = scan(&mut folders);
        files.finish_scan(scan_number, folders, found);
        let rollout = Uri::from_file_path(tree.0.join("team/rollout.yaml")).unwrap();
        assert!(files.files.contains_key(&rollout));
        // The same text outside `team/` holds no name; a directory made after the scan is looked up on disk.
        let outside = Uri::from_file_path(tree.0.join("rollout.yaml")).unwrap();
        files.update(outside.clone(), Some(ROLLOUT));
        assert!(!files.files.contains_key(&outside));
        std::fs::create_dir_all(tree.0.join("team/new")).unwrap();
        let new = Uri::from_file_path(tree.0.join("team/new/rollout.yaml")).unwrap();
        files.update(new.clone(), Some(ROLLOUT));
        assert!(files.files.contains_key(&new));
        assert!(!files.holds(&tree.0.join("team/generated/x.yaml")));
        assert!(files.holds(&tree.0.join("team/generated.yaml")));
    }

    #[test]
    fn a_scan_keeps_what_was_refreshed_while_it_ran_and_an_older_scan_is_dropped() {
        let tree = Tree::new(
            "rescan",
            &[("config.yaml", CONFIG_MAP), ("other.yaml", CONFIG_MAP)],
        );
        let uri = |name: &str| Uri::from_file_path(tree.0.join(name)).unwrap();
        let mut files = WorkspaceFiles {
            roots: vec![tree.0.clone()],
            folders: vec![Folder::new(tree.0.clone())],
            ..WorkspaceFiles::default()
        };
        let older = files.start_scan();
        let mut folders = vec![Folder::new(tree.0.clone())];
        let stale = scan(&mut folders);
        let newer = files.start_scan();
        // Saved meanwhile without its name: newer than what the scan read.
        files.update(uri("config.yaml"), Some("just: yaml\n"));
        let mut folders_again = vec![Folder::new(tree.0.clone())];
        let found = scan(&mut folders_again);
        files.finish_scan(newer, folders_again, found);
        files.finish_scan(older, folders, stale);
        assert!(!files.files.contains_key(&uri("config.yaml")));
        assert!(files.files.contains_key(&uri("other.yaml")));
        // A later scan forgets a file that no longer holds a name (here: excluded since).
        std::fs::write(tree.0.join("podls.toml"), "exclude = [\"other.yaml\"]\n").unwrap();
        let again = files.start_scan();
        let mut folders = vec![Folder::new(tree.0.clone())];
        let found = scan(&mut folders);
        files.finish_scan(again, folders, found);
        assert!(
            files.files.contains_key(&uri("config.yaml")),
            "read from disk again"
        );
        assert!(!files.files.contains_key(&uri("other.yaml")));
    }
}
