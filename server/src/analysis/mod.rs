//! What podls knows about a Pod document: hover, completion, diagnostics and fixes, as pure functions over
//! the text, its parsed documents and the `Inputs` (field table, locale, Kubernetes version, rule
//! settings). Byte offsets in, plain data out: no LSP types here.

mod code_lens;
mod completion;
mod containers;
mod diagnostics;
pub mod explain;
mod field_docs;
mod file_role;
mod fix_all;
mod fixes;
#[cfg(test)]
mod fixture;
mod folding;
mod hover;
mod inlay_hints;
mod inputs;
mod kinds;
pub mod names;
mod one_of;
mod outline;
mod pod_resources;
mod pod_sites;
mod quantity;
mod resource_docs;
mod scalar;
mod selection;
mod structure;
mod suggest;
mod versions;

pub use code_lens::{CodeLens, code_lenses};
pub use completion::{
    CompletionItem, CompletionKind, CompletionList, CompletionOptions, TextEdit, completions,
};
pub use diagnostics::fixes;
pub use diagnostics::{
    Analysed, Code, Diagnostic, DiagnosticsCache, Fix, RuleDoc, Severity, diagnostics,
    document_diagnostics, ignore_fixes,
};
pub use field_docs::{DocStyle, render_field, render_value};
pub use file_role::{
    FileRole, FileRoles, KUSTOMIZATION_FILES, is_json6902, listed_patches, manifest_file_name,
    skipped_directory,
};
pub use fix_all::{Fixed, fix_all};
pub use folding::{Fold, FoldKind, folding_ranges};
pub use hover::{Hover, hover};
pub use inlay_hints::{HintKind, HintOptions, InlayHint, inlay_hints};
pub use inputs::{Inputs, KubernetesVersion, Level, PodTemplate, RuleSettings, VersionError};
pub use one_of::exclusive_fields;
pub use outline::{Symbol, SymbolKind, outline};
pub use pod_sites::{
    DocumentKind, PodRoot, PodSite, document_kind, pod_root, pod_sites, schema_at, serves,
};
pub use resource_docs::{quantity_doc, resource_doc};
pub use selection::selection_ranges;
pub use suggest::closest;
