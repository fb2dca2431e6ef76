//! The name index of a file that is being edited, re-using the index of every `---` document an edit did
//! not re-parse (same `Document::id`): an index depends on its document's text only, and its ranges are
//! relative to the document's start, so a document that only moved keeps its index as it is.

use std::collections::HashMap;
use std::sync::Arc;

use super::build::document_names;
use super::index::DocumentNames;
use super::links::FileNames;
use crate::analysis::inputs::PodTemplate;
use crate::syntax::{Document, Part, SplitFile, YamlFile};

#[derive(Default)]
pub struct NamesCache {
    /// The custom resources the cached indexes were built with (another configuration starts afresh).
    templates: Arc<[PodTemplate]>,
    by_document: HashMap<u64, Arc<DocumentNames>>,
}

impl NamesCache {
    /// The file's names, indexing only the documents the previous call did not see.
    pub fn file_names(
        &mut self,
        templates: &Arc<[PodTemplate]>,
        text: &str,
        file: &YamlFile,
    ) -> FileNames {
        let documents = file.documents.iter().map(|doc| (text, &**doc, 0));
        self.collect(templates, documents)
    }

    /// The same for a file kept as its `---` documents, each indexed on its own text.
    pub fn split_file_names(
        &mut self,
        templates: &Arc<[PodTemplate]>,
        file: &SplitFile,
    ) -> FileNames {
        let documents = file
            .parts()
            .iter()
            .map(|part| (&*part.text, &*part.document, part.start));
        self.collect(templates, documents)
    }

    /// The names of one of the file's documents alone (what a hover looks at first).
    pub fn part_names(&mut self, templates: &Arc<[PodTemplate]>, part: &Part) -> FileNames {
        if self.templates != *templates {
            self.templates = Arc::clone(templates);
            self.by_document.clear();
        }
        let names = self
            .by_document
            .entry(part.document.id)
            .or_insert_with(|| Arc::new(document_names(templates, &part.text, &part.document)));
        FileNames {
            documents: vec![(part.start, Arc::clone(names))],
        }
    }

    /// Each `(text, doc, base)` is a document whose offsets into `text` are `base` bytes before its place in
    /// the file.
    fn collect<'a>(
        &mut self,
        templates: &Arc<[PodTemplate]>,
        documents: impl ExactSizeIterator<Item = (&'a str, &'a Document, usize)>,
    ) -> FileNames {
        if self.templates != *templates {
            self.templates = Arc::clone(templates);
            self.by_document.clear();
        }
        let count = documents.len();
        let mut ids = Vec::with_capacity(count);
        let documents: Vec<_> = documents
            .map(|(text, doc, base)| {
                ids.push(doc.id);
                let names = self
                    .by_document
                    .entry(doc.id)
                    .or_insert_with(|| Arc::new(document_names(templates, text, doc)));
                (base + doc.range.start, Arc::clone(names))
            })
            .collect();
        // Documents that are gone (edited, deleted): forgotten once they outnumber the file's own, so the
        // cache stays the size of the file without being rebuilt on every request.
        if self.by_document.len() > 2 * count + 16 {
            let live: std::collections::HashSet<u64> = ids.into_iter().collect();
            self.by_document.retain(|id, _| live.contains(id));
        }
        FileNames { documents }
    }
}

/// A file's names, without a cache (a workspace file read once).
pub fn file_names(templates: &Arc<[PodTemplate]>, text: &str, file: &YamlFile) -> FileNames {
    NamesCache::default().file_names(templates, text, file)
}
