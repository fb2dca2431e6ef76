//! What a file is to the project around it, which its text alone cannot say: a Helm chart's template, a
//! kustomize patch (a partial object: what it leaves out is in its base), or no manifest at all (a chart's
//! `_helpers.tpl` and `NOTES.txt`, a JSON 6902 patch). The file system is read through the caller's
//! `read`, so this stays a pure function of what it is given; `FileRoles` keeps what it read.

use std::collections::HashMap;
use std::path::{Component, Path, PathBuf};
use std::sync::Mutex;

use crate::syntax::{self, Document, NodeId};

/// How podls reads a file.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum FileRole {
    /// Objects as written (the default; a file with `{{ … }}` actions is read as a template anyway).
    #[default]
    Manifest,
    /// A Helm template: under `templates/` of a chart, or opened with the language id `helm`.
    Template,
    /// A kustomize patch (`patches` with a `path`, `patchesStrategicMerge`): types, enums, formats and
    /// unknown fields are checked; what the base may hold (required fields, selectors, references) is not.
    Patch,
    /// Not a Kubernetes object: a chart's partials (`_helpers.tpl`, any `_*` file), `NOTES.txt`, a JSON
    /// 6902 patch. Nothing is reported about it.
    NotManifest,
}

/// The names kustomize reads a kustomization from.
pub const KUSTOMIZATION_FILES: [&str; 3] =
    ["kustomization.yaml", "kustomization.yml", "Kustomization"];

/// How far above a file a kustomization that lists it is looked for.
const MAX_LEVELS_UP: usize = 8;

type Listed = Vec<(PathBuf, FileRole)>;

/// The roles of files, with the kustomizations read on the way (one read per directory).
pub struct FileRoles<'a> {
    read: &'a (dyn Fn(&Path) -> Option<String> + Sync),
    /// A directory → the patches its kustomization lists (none when it has no kustomization).
    kustomizations: Mutex<HashMap<PathBuf, Listed>>,
    /// Directories whose kustomization lists patches anywhere (`../../patches/x.yaml`), not only below it.
    known: Mutex<Vec<PathBuf>>,
    /// A file's directory → the patches listed for its files (`listed_above`), with how many `known`
    /// directories there were when it was made: every file of a directory looks them up once, not once per
    /// directory above it.
    above: Mutex<HashMap<Option<PathBuf>, (usize, Listed)>>,
    /// The directory of the last file asked about, as it was named, with what holds for each of its files:
    /// `podls check` asks file after file of one directory, and each asking normalized the path and hashed
    /// it (10 K instructions a file, on the thread that plans the run before any file is checked).
    last: Mutex<Option<Directory>>,
}

/// What holds for every file of one directory (`FileRoles::last`).
struct Directory {
    /// The directory as the file's path names it (not normalized).
    named: Option<PathBuf>,
    /// How many `known` directories there were when it was found.
    known: usize,
    /// Whether it is a chart's `templates/` or below it.
    chart_template: bool,
    /// The patches listed for its files (`listed_above`).
    listed: Listed,
}

impl<'a> FileRoles<'a> {
    /// `read` returns a file's text, `None` when there is no such file.
    pub fn new(read: &'a (dyn Fn(&Path) -> Option<String> + Sync)) -> Self {
        FileRoles {
            read,
            kustomizations: Mutex::default(),
            known: Mutex::default(),
            above: Mutex::default(),
            last: Mutex::default(),
        }
    }

    /// Makes the kustomization of `dir` count for every file, also those outside `dir` (`podls check`
    /// adds each one its walk meets).
    pub fn add_kustomization_dir(&self, dir: &Path) {
        self.known
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .push(normalize(dir));
    }

    /// The role of the file at `path` (absolute or relative to the working directory, as its neighbours
    /// are read), opened with `language_id` when an editor says it.
    pub fn role(&self, path: &Path, language_id: Option<&str>) -> FileRole {
        let mut last = self.last.lock().unwrap_or_else(|p| p.into_inner());
        let known = self.known.lock().unwrap_or_else(|p| p.into_inner()).len();
        let named = path.parent();
        let directory = match last.take() {
            Some(directory) if directory.known == known && directory.named.as_deref() == named => {
                directory
            }
            _ => {
                // A file's directory normalized is its normalized path's directory (`a/b/../c.yaml`: `a`).
                let dir = named.map(normalize);
                Directory {
                    named: named.map(Path::to_path_buf),
                    known,
                    chart_template: dir.as_deref().is_some_and(|dir| self.chart_template(dir)),
                    listed: self.listed_above(dir.as_deref()),
                }
            }
        };
        let role = self.role_in(path, language_id, &directory);
        *last = Some(directory);
        role
    }

    /// The role of the file at `path` in `directory`, its directory.
    fn role_in(&self, path: &Path, language_id: Option<&str>, directory: &Directory) -> FileRole {
        if language_id == Some("helm") || directory.chart_template {
            let name = path
                .file_name()
                .map(|n| n.to_string_lossy())
                .unwrap_or_default();
            // Helm renders `templates/`' files except partials (`_*`) and prints NOTES.txt to the user.
            let partial = name.starts_with('_') || name.ends_with(".tpl") || name == "NOTES.txt";
            return if partial {
                FileRole::NotManifest
            } else {
                FileRole::Template
            };
        }
        if directory.listed.is_empty() {
            return FileRole::Manifest;
        }
        self.listed_by_kustomization(&normalize(path), &directory.listed)
            .unwrap_or(FileRole::Manifest)
    }

    /// Whether the files of `dir` are below the `templates/` directory of a chart (a directory holding
    /// `Chart.yaml`): it is that directory or below it.
    fn chart_template(&self, dir: &Path) -> bool {
        dir.ancestors().any(|dir| {
            dir.file_name().is_some_and(|n| n == "templates")
                && dir
                    .parent()
                    .is_some_and(|chart| (self.read)(&chart.join("Chart.yaml")).is_some())
        })
    }

    fn listed_by_kustomization(&self, path: &Path, listed: &Listed) -> Option<FileRole> {
        let role = listed
            .iter()
            .find(|(p, _)| p == path)
            .map(|(_, role)| *role)?;
        // `patches` lists JSON 6902 patches too: a list of operations is no manifest.
        let operations =
            role == FileRole::Patch && (self.read)(path).is_some_and(|t| is_json6902(&t));
        Some(if operations {
            FileRole::NotManifest
        } else {
            role
        })
    }

    /// The patches that the kustomizations of `dir` and the directories above it (nearest first), then of
    /// the `known` directories, list: a file of `dir` has the role of the first that names it.
    fn listed_above(&self, dir: Option<&Path>) -> Listed {
        let known_count = self.known.lock().unwrap_or_else(|p| p.into_inner()).len();
        let key = dir.map(Path::to_path_buf);
        let mut above = self.above.lock().unwrap_or_else(|p| p.into_inner());
        if let Some((made_with, listed)) = above.get(&key)
            && *made_with == known_count
        {
            return listed.clone();
        }
        let known = self.known.lock().unwrap_or_else(|p| p.into_inner()).clone();
        let listed: Listed = dir
            .into_iter()
            .flat_map(Path::ancestors)
            .take(MAX_LEVELS_UP)
            .chain(known.iter().map(PathBuf::as_path))
            .flat_map(|dir| self.patches_of(dir))
            .collect();
        above.insert(key, (known.len(), listed.clone()));
        listed
    }

    /// The patches the kustomization of `dir` lists, resolved against `dir`.
    fn patches_of(&self, dir: &Path) -> Listed {
        let mut cache = self
            .kustomizations
            .lock()
            .unwrap_or_else(|p| p.into_inner());
        if let Some(known) = cache.get(dir) {
            return known.clone();
        }
        let text = KUSTOMIZATION_FILES
            .iter()
            .find_map(|name| (self.read)(&dir.join(name)));
        let listed: Listed = text
            .map(|text| {
                listed_patches(&text)
                    .into_iter()
                    .map(|(file, role)| (normalize(&dir.join(file)), role))
                    .collect()
            })
            .unwrap_or_default();
        cache.insert(dir.to_path_buf(), listed.clone());
        listed
    }
}

/// The files a kustomization lists as patches, as written, with the role each gives its file.
pub fn listed_patches(kustomization: &str) -> Vec<(String, FileRole)> {
    let file = syntax::parse(kustomization);
    let mut out = Vec::new();
    for doc in &file.documents {
        let Some(root) = doc.root else { continue };
        let mut paths = |key: &str, role: FileRole| {
            for &item in doc.get(root, key).map(|l| doc.items(l)).unwrap_or_default() {
                // `patchesStrategicMerge` lists paths, or inline patches (which hold a line break).
                let path = doc.scalar(item).or_else(|| path_of(doc, item));
                if let Some(path) = path.filter(|p| !p.contains('\n') && !p.trim().is_empty()) {
                    out.push((path.trim().to_string(), role));
                }
            }
        };
        paths("patchesStrategicMerge", FileRole::Patch);
        paths("patches", FileRole::Patch);
        paths("patchesJson6902", FileRole::NotManifest);
    }
    out
}

fn path_of(doc: &Document, item: NodeId) -> Option<&str> {
    doc.scalar(doc.get(item, "path")?)
}

/// `a/./b/../c` → `a/c`, without touching the file system (the file may not exist, or be a link).
fn normalize(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for component in path.components() {
        match component {
            Component::CurDir => {}
            Component::ParentDir => {
                if !out.pop() {
                    out.push("..");
                }
            }
            other => out.push(other),
        }
    }
    out
}

/// Whether a file is a JSON 6902 patch (a list of `op`s), which `patches` may list too: no manifest.
pub fn is_json6902(text: &str) -> bool {
    let file = syntax::parse(text);
    file.documents.iter().any(|doc| {
        doc.root.is_some_and(|root| {
            let items = doc.items(root);
            !items.is_empty() && items.iter().all(|&op| doc.get(op, "op").is_some())
        })
    })
}

/// Directories no manifest of the user lives in, skipped when a tree is walked (by `podls check` and the
/// editor's workspace scan alike).
pub fn skipped_directory(name: &str) -> bool {
    name.starts_with('.') || name == "node_modules" || name == "target"
}

/// Whether a file name looks like a manifest podls reads when it walks a tree: YAML, or JSON.
pub fn manifest_file_name(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    [".yaml", ".yml", ".json"]
        .iter()
        .any(|ext| lower.ends_with(ext))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn roles(
        files: &[(&str, &str)],
        known: &[&str],
        asked: &[(&str, Option<&str>)],
    ) -> Vec<FileRole> {
        let files: HashMap<PathBuf, String> = files
            .iter()
            .map(|(p, t)| (PathBuf::from(p), t.to_string()))
            .collect();
        let read = move |p: &Path| files.get(p).cloned();
        let roles = FileRoles::new(&read);
        for dir in known {
            roles.add_kustomization_dir(Path::new(dir));
        }
        asked
            .iter()
            .map(|(p, id)| roles.role(Path::new(p), *id))
            .collect()
    }

    #[test]
    fn chart_templates_partials_and_notes() {
        use FileRole::*;
        let files = [("/c/Chart.yaml", "name: c\n")];
        let asked = [
            ("/c/templates/deployment.yaml", None),
            ("/c/templates/tests/pod.yaml", None),
            ("/c/templates/_helpers.tpl", None),
            ("/c/templates/_partial.yaml", None),
            ("/c/templates/NOTES.txt", None),
            ("/c/values.yaml", None),
            ("/elsewhere/templates/pod.yaml", None),
            ("/elsewhere/pod.yaml", Some("helm")),
            ("/elsewhere/_helpers.tpl", Some("helm")),
            ("/elsewhere/pod.yaml", Some("yaml")),
        ];
        assert_eq!(
            roles(&files, &[], &asked),
            [
                Template,
                Template,
                NotManifest,
                NotManifest,
                NotManifest,
                Manifest,
                Manifest,
                Template,
                NotManifest,
                Manifest
            ]
        );
    }

    #[test]
    fn a_kustomization_made_known_after_a_file_of_its_directory_counts_for_the_next() {
        let files: HashMap<PathBuf, String> = [(
            "/k/overlay/kustomization.yaml",
            "patches:\n  - path: ../base/replicas.yaml\n",
        )]
        .into_iter()
        .map(|(p, t)| (PathBuf::from(p), t.to_string()))
        .collect();
        let read = move |p: &Path| files.get(p).cloned();
        let roles = FileRoles::new(&read);
        let patch = Path::new("/k/base/replicas.yaml");
        let before = roles.role(patch, None);
        roles.add_kustomization_dir(Path::new("/k/overlay"));
        let after = [
            roles.role(patch, None),
            roles.role(Path::new("/k/base/./x/../replicas.yaml"), None),
        ];
        assert_eq!(
            (
                before,
                after,
                roles.role(Path::new("/k/base/pod.yaml"), None)
            ),
            (
                FileRole::Manifest,
                [FileRole::Patch, FileRole::Patch],
                FileRole::Manifest
            )
        );
    }

    #[test]
    fn kustomize_patches_of_each_kind() {
        use FileRole::*;
        let kustomization = "resources:\n  - ../../base\npatches:\n  - path: replicas.yaml\n  - path: ../../patches/ops.yaml\n    target:\n      kind: Deployment\n  - path: ../../patches/probe.yaml\n  - patch: |-\n      - op: remove\n        path: /spec/x\npatchesStrategicMerge:\n  - memory.yaml\n  - |-\n    apiVersion: v1\n    kind: Pod\npatchesJson6902:\n  - target: {kind: Deployment, name: web}\n    path: json/image.yaml\n";
        let files = [
            ("/k/overlays/prod/kustomization.yaml", kustomization),
            (
                "/k/patches/ops.yaml",
                "- op: replace\n  path: /spec/replicas\n  value: 3\n",
            ),
            (
                "/k/patches/probe.yaml",
                "apiVersion: apps/v1\nkind: Deployment\n",
            ),
        ];
        let asked = [
            ("/k/overlays/prod/replicas.yaml", None),
            ("/k/overlays/prod/./memory.yaml", None),
            ("/k/overlays/prod/json/image.yaml", None),
            ("/k/overlays/prod/kustomization.yaml", None),
            ("/k/overlays/prod/service.yaml", None),
            ("/k/patches/probe.yaml", None),
        ];
        assert_eq!(
            roles(&files, &[], &asked),
            // `../../patches/probe.yaml` has no kustomization above it that lists it.
            [Patch, Patch, NotManifest, Manifest, Manifest, Manifest]
        );
        // Once the walk has met the overlay, its patches elsewhere are known; a 6902 one is no manifest.
        let asked = [
            ("/k/patches/probe.yaml", None),
            ("/k/patches/ops.yaml", None),
        ];
        assert_eq!(
            roles(&files, &["/k/overlays/prod"], &asked),
            [Patch, NotManifest]
        );
        assert!(!is_json6902("apiVersion: apps/v1\nkind: Deployment\n"));
    }
}
