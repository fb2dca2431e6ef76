//! What the name requests (definition, references, highlights, rename, hover on a use) share: the files a
//! name may live in — the document asked about first, every other open document, then the workspace files
//! read in the background that are not open — each with its rope to convert positions, and the
//! conversion of the analysis' locations to LSP ones.

use std::sync::{Mutex, MutexGuard};

use ropey::Rope;
use tower_lsp_server::ls_types::{Location, Position, Uri};

use super::documents::DocumentSnapshot;
use super::encoding::{self, PositionEncoding};
use crate::analysis::Inputs;
use crate::analysis::names::{self, FileNames, Indexed, NamesCache, Workspace};
use crate::syntax::Part;

/// One file a name may be declared or used in.
pub struct NameFile {
    pub uri: Uri,
    pub rope: Rope,
    pub names: FileNames,
}

impl NameFile {
    /// An open document's names, from its cache (only the `---` documents an edit touched are indexed).
    pub fn open(uri: Uri, document: &DocumentSnapshot, inputs: &Inputs) -> NameFile {
        let names = lock(&document.names).split_file_names(&inputs.pod_templates, &document.split);
        NameFile {
            uri,
            rope: document.rope.clone(),
            names,
        }
    }
}

/// Brings the open document's name index up to its version, indexing the `---` documents not seen yet
/// (none, after `add`).
pub fn warm(document: &DocumentSnapshot, inputs: &Inputs) {
    lock(&document.names).update(&inputs.pod_templates, &document.split);
}

/// The `---` documents of `document` without an index yet: what the server indexes on a blocking thread
/// (`NamesCache::index`), then `add`s.
pub fn missing(document: &DocumentSnapshot, inputs: &Inputs) -> Vec<Part> {
    lock(&document.names).missing(&inputs.pod_templates, &document.split)
}

pub fn add(cache: &Mutex<NamesCache>, indexed: Indexed) {
    lock(cache).add(indexed);
}

fn lock(cache: &Mutex<NamesCache>) -> MutexGuard<'_, NamesCache> {
    cache
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

impl NameFile {
    /// The names of the open document's `---` document at `offset` alone (none past its end).
    pub fn open_at(
        uri: Uri,
        document: &DocumentSnapshot,
        inputs: &Inputs,
        offset: usize,
    ) -> NameFile {
        let names = lock(&document.names).names_at(&inputs.pod_templates, &document.split, offset);
        NameFile {
            uri,
            rope: document.rope.clone(),
            names,
        }
    }
}

/// The files of one request, the one it is about first.
pub struct NameFiles {
    pub files: Vec<NameFile>,
    pub encoding: PositionEncoding,
}

impl NameFiles {
    pub fn workspace(&self) -> Workspace<'_> {
        Workspace {
            files: self.files.iter().map(|f| &f.names).collect(),
        }
    }

    /// The byte offset of a position in the first file.
    pub fn offset(&self, position: Position) -> usize {
        encoding::offset(&self.files[0].rope, position, self.encoding)
    }

    pub fn range(
        &self,
        file: usize,
        range: crate::syntax::TextRange,
    ) -> tower_lsp_server::ls_types::Range {
        encoding::range(&self.files[file].rope, range, self.encoding)
    }

    pub fn location(&self, location: names::Location) -> Location {
        Location {
            uri: self.files[location.file].uri.clone(),
            range: self.range(location.file, location.range),
        }
    }

    /// The file's name as a hover says where a declaration is: its path's last part.
    pub fn file_name(&self, file: usize) -> String {
        let uri = self.files[file].uri.as_str();
        uri.rsplit('/').next().unwrap_or(uri).to_string()
    }
}
