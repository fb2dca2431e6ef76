//! What podls knows about a Pod document: hover, completion, diagnostics and fixes, as pure functions over
//! the text, its parsed documents and the field table. Byte offsets in, plain data out: no LSP types here.

mod completion;
mod diagnostics;
mod document_kind;
pub mod explain;
mod field_docs;
mod fixes;
mod hover;
mod one_of;
mod resource_docs;
mod suggest;

pub use completion::{
    CompletionItem, CompletionKind, CompletionList, CompletionOptions, TextEdit, completions,
};
pub use diagnostics::{
    Diagnostic, DiagnosticsCache, Fix, Severity, diagnostics, document_diagnostics,
};
pub use document_kind::{DocumentKind, PodRoot, document_kind, pod_root, schema_at};
pub use field_docs::{DocStyle, render_field, render_value};
pub use fixes::fixes;
pub use hover::{Hover, hover};
pub use one_of::exclusive_fields;
pub use resource_docs::{quantity_doc, resource_doc};
pub use suggest::closest;
