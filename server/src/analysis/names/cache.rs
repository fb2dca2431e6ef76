//! The name index of a file that is being edited, re-using the index of every `---` document an edit did
//! not re-parse (same `Document::id`): an index depends on its document's text only, and its ranges are
//! relative to the document's start, so a document that only moved keeps its index as it is.

use std::collections::HashMap;
use std::sync::Arc;

use super::build::document_names;
use super::index::DocumentNames;
use super::links::FileNames;
use crate::analysis::inputs::PodTemplate;
use crate::syntax::YamlFile;

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
        if self.templates != *templates {
            self.templates = Arc::clone(templates);
            self.by_document.clear();
        }
        let mut previous = std::mem::take(&mut self.by_document);
        let documents = file
            .documents
            .iter()
            .map(|doc| {
                let names = previous
                    .remove(&doc.id)
                    .unwrap_or_else(|| Arc::new(document_names(templates, text, doc)));
                self.by_document.insert(doc.id, Arc::clone(&names));
                (doc.range.start, names)
            })
            .collect();
        FileNames { documents }
    }
}

/// A file's names, without a cache (a workspace file read once).
pub fn file_names(templates: &Arc<[PodTemplate]>, text: &str, file: &YamlFile) -> FileNames {
    NamesCache::default().file_names(templates, text, file)
}
