//! Diagnostics: what is wrong in a file, each with its range, severity, stable code and a message that says
//! what is allowed. Tiers as a person fixes them: syntax first, then structure (duplicate keys), then the
//! pod rules, which `walk` applies field by field from each pod site of the document. No LSP types here.
//!
//! Where things are: `code.rs` the codes, `diagnostic.rs` what a diagnostic is, `context.rs` what a rule
//! sees, `fields.rs` the shared mapping readers, `walk.rs` the walk and the registry, `checks/` the
//! table-driven checks (one file per code), `rules/` the cross-field rules (one file per object).

mod cache;
mod checks;
mod code;
mod context;
mod diagnostic;
mod duplicate_keys;
mod fields;
mod rules;
mod syntax;
mod value;
mod walk;

#[cfg(test)]
mod tests;

use crate::syntax::{Document, YamlFile};

use super::Inputs;
use super::pod_sites::pod_sites;

pub use cache::DiagnosticsCache;
pub(crate) use checks::parse_quantity;
pub use code::Code;
pub(crate) use context::requote;
pub use diagnostic::{Diagnostic, Fix, Severity};
pub(crate) use value::{Scalar, plain};

/// The diagnostics of every `---` document of a file.
pub fn diagnostics(inputs: &Inputs, text: &str, file: &YamlFile) -> Vec<Diagnostic> {
    file.documents
        .iter()
        .flat_map(|doc| document_diagnostics(inputs, text, doc))
        .collect()
}

/// The diagnostics of one `---` document, sorted by position. They depend on the document's own text and
/// the inputs only (which `DiagnosticsCache` relies on).
pub fn document_diagnostics(inputs: &Inputs, text: &str, doc: &Document) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    syntax::check(doc, &mut out);
    duplicate_keys::check(text, doc, &mut out);
    for site in pod_sites(text, doc) {
        let cx = context::Context {
            text,
            doc,
            schema: inputs.schema,
            site: &site,
            complete: doc.errors.is_empty(),
        };
        walk::check_site(&cx, &mut out);
    }
    out.sort_by_key(|d| (d.range.start, d.range.end, d.severity));
    out
}
