//! The YAML layer: text → our own positioned trees, one per `---` document, plus the syntax errors.
//! Parsing never fails: a broken document keeps the part before its first error. This layer knows nothing
//! about Kubernetes or LSP; positions are byte offsets into the file's text.

use std::sync::Arc;

mod build;
mod errors;
mod indentation;
mod lenient;
mod line_index;
pub mod lines;
mod locate;
mod path;
pub mod reads;
mod split;
mod template;
mod tree;

pub use errors::glued_key;
pub use indentation::Indentation;
pub use line_index::{ColumnUnit, LineIndex};
pub use locate::{Before, CursorContext, CursorLine, CursorSlot, ItemAbove, locate};
pub use path::{FieldPath, PathSegment, dotted};
pub use split::document_spans;
pub use template::in_template_action;
pub use tree::{
    Document, Node, NodeId, NodeKind, Repair, ScalarStyle, SyntaxError, TextRange, YamlFile,
};

/// Parses a whole file: every `---` document on its own, so one error hides nothing in the others.
pub fn parse(text: &str) -> YamlFile {
    let documents = document_spans(text)
        .into_iter()
        .map(|span| Arc::new(build::parse_document(text, span)))
        .collect();
    YamlFile { documents }
}

/// Re-parses after an edit that replaced `old_range` (offsets in the old text) with `new_len` bytes, reusing
/// every document the edit did not touch (shifted by the change in length) — the multi-document files of a
/// CI repo are edited one document at a time.
pub fn reparse(old: &YamlFile, text: &str, old_range: TextRange, new_len: usize) -> YamlFile {
    let delta = new_len as isize - old_range.len() as isize;
    let spans = document_spans(text);
    let mut documents = Vec::with_capacity(spans.len());
    for span in spans {
        let reusable = old.documents.iter().find(|doc| {
            let untouched_before = doc.range.end < old_range.start && doc.range == span;
            let shifted = doc.range.start > old_range.end && doc.range.shifted(delta) == span;
            untouched_before || shifted
        });
        documents.push(match reusable {
            Some(doc) if doc.range == span => Arc::clone(doc),
            Some(doc) => Arc::new(doc.shifted(delta)),
            None => Arc::new(build::parse_document(text, span)),
        });
    }
    YamlFile { documents }
}

#[cfg(test)]
mod tests;
