//! The name index of a file that is being edited, re-using the index of every `---` document an edit did
//! not re-parse (same `Document::id`): an index depends on its document's text only, and its ranges are
//! relative to the document's start, so a document that only moved keeps its index as it is.

use std::sync::Arc;

use super::build::document_names;
use super::index::DocumentNames;
use super::links::FileNames;
use crate::analysis::inputs::PodTemplate;
use crate::syntax::{Part, PartResults, SplitFile, YamlFile};

#[derive(Default)]
pub struct NamesCache {
    /// The custom resources the cached indexes were built with (another configuration starts afresh).
    templates: Arc<[PodTemplate]>,
    /// Each `---` document's index, in the file's order.
    parts: PartResults<Arc<DocumentNames>>,
}

/// Documents indexed away from the cache (`NamesCache::index`, on any thread), for `add`.
pub struct Indexed {
    templates: Arc<[PodTemplate]>,
    names: Vec<(u64, Arc<DocumentNames>)>,
}

impl NamesCache {
    /// The documents of `file` without an index yet (a pointer copy each), for `index`: the language
    /// server indexes them off its protocol thread.
    pub fn missing(&mut self, templates: &Arc<[PodTemplate]>, file: &SplitFile) -> Vec<Part> {
        self.start(templates);
        self.parts
            .missing(file.parts())
            .into_iter()
            .cloned()
            .collect()
    }

    /// Indexes documents (what `missing` gave).
    pub fn index(templates: &Arc<[PodTemplate]>, parts: &[Part]) -> Indexed {
        let names = (parts.iter())
            .map(|part| {
                let names = document_names(templates, &part.text, &part.document);
                (part.id, Arc::new(names))
            })
            .collect();
        Indexed {
            templates: Arc::clone(templates),
            names,
        }
    }

    /// Keeps what `index` built for the next call; nothing when the custom resources changed meanwhile.
    pub fn add(&mut self, indexed: Indexed) {
        if self.templates == indexed.templates {
            for (id, names) in indexed.names {
                self.parts.add(id, names);
            }
        }
    }

    /// Forgets the indexes built with other custom resources.
    fn start(&mut self, templates: &Arc<[PodTemplate]>) {
        if self.templates != *templates {
            self.templates = Arc::clone(templates);
            self.parts.clear();
        }
    }

    /// Indexes the documents of `file` the cache has not seen: what the server does after publishing
    /// diagnostics, so that no request pays for it.
    pub fn update(&mut self, templates: &Arc<[PodTemplate]>, file: &SplitFile) {
        self.start(templates);
        self.parts.update(file.parts(), |part| {
            Arc::new(document_names(templates, &part.text, &part.document))
        });
    }

    /// The file's names (kept as its `---` documents), indexing only the documents the cache has not seen.
    pub fn split_file_names(
        &mut self,
        templates: &Arc<[PodTemplate]>,
        file: &SplitFile,
    ) -> FileNames {
        self.update(templates, file);
        let documents = (self.parts.values().iter().zip(file.parts()))
            .map(|(names, part)| (part.start, Arc::clone(names)))
            .collect();
        FileNames { documents }
    }

    /// The names of the file's document at `offset` alone (what a hover looks at first); none past the
    /// end of an empty file.
    pub fn names_at(
        &mut self,
        templates: &Arc<[PodTemplate]>,
        file: &SplitFile,
        offset: usize,
    ) -> FileNames {
        let Some(index) = file.index_at(offset) else {
            return FileNames {
                documents: Vec::new(),
            };
        };
        let part = &file.parts()[index];
        if self.templates != *templates || self.parts.get(index, part).is_none() {
            self.update(templates, file);
        }
        let names = self.parts.get(index, part).map(Arc::clone);
        FileNames {
            documents: names.map(|names| (part.start, names)).into_iter().collect(),
        }
    }
}

/// A file's names, without a cache (a workspace file read once).
pub fn file_names(templates: &Arc<[PodTemplate]>, text: &str, file: &YamlFile) -> FileNames {
    let documents = (file.documents.iter())
        .map(|doc| {
            let names = document_names(templates, text, doc);
            (doc.range.start, Arc::new(names))
        })
        .collect();
    FileNames { documents }
}
