//! Diagnostics: what is wrong in a file, each with its range, severity, stable code and a message that says
//! what is allowed. Tiers as a person fixes them: syntax first, then structure (duplicate keys), then the
//! pod rules, which `walk` applies field by field from each pod site of the document. No LSP types here.
//!
//! Where things are: `tiers.rs` the tiers, `code.rs` the codes, `diagnostic.rs` what a diagnostic is,
//! `context.rs` what a rule sees, `fields.rs` the shared mapping readers, `walk.rs` the walk and the
//! registry, `checks/` the table-driven checks (one file per code), `rules/` the cross-field rules (one file
//! per object). Imports run one way: no file imports one that imports it back (`tests/tests/import_cycles.rs`).

mod absent;
mod cache;
mod checks;
mod code;
mod context;
mod diagnostic;
mod duplicate_keys;
pub(crate) mod fields;
mod first_seen;
mod kind;
mod missing_kind;
mod rule_docs;
mod rules;
mod suppress;
mod syntax;
mod tiers;
mod walk;

#[cfg(test)]
mod tests;

pub use cache::{Analysed, DiagnosticsCache};
pub(crate) use checks::format_error;
pub use code::Code;
pub use diagnostic::{Diagnostic, Fix, Severity, fixes};
pub use rule_docs::RuleDoc;
pub use suppress::ignore_fixes;
pub use tiers::{diagnostics, document_diagnostics};
