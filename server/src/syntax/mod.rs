//! The YAML layer: text → our own positioned trees, one per `---` document, plus the syntax errors.
//! Parsing never fails: a broken document keeps the part before its first error. This layer knows nothing
//! about Kubernetes or LSP; positions are byte offsets into the file's text.

use std::sync::Arc;

mod build;
mod edit;
mod errors;
mod indentation;
mod lenient;
mod line_index;
pub mod lines;
mod locate;
mod merge;
mod part_results;
mod path;
pub mod reads;
mod split;
mod template;
mod tree;

pub use edit::{Part, SplitFile, reparse};
pub use errors::glued_key;
pub use indentation::{IndentStyle, Indentation};
pub use line_index::{ColumnUnit, Columns, LineIndex};
pub use locate::{Before, CursorContext, CursorLine, CursorSlot, ItemAbove, locate};
pub use part_results::PartResults;
pub use path::{FieldPath, PathSegment, dotted};
pub use split::document_spans;
pub use template::in_template_action;
pub use tree::{
    Children, Document, Node, NodeId, NodeKind, Repair, ScalarStyle, ScalarText, SyntaxError,
    TextRange, YamlFile, apply_edits,
};

/// Parses a whole file: every `---` document on its own, so one error hides nothing in the others.
pub fn parse(text: &str) -> YamlFile {
    let documents = document_spans(text)
        .into_iter()
        .map(|span| Arc::new(build::parse_document(text, span)))
        .collect();
    YamlFile { documents }
}

#[cfg(test)]
mod tests;
