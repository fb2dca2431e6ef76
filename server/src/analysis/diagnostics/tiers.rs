//! The tiers of a document's diagnostics, as a person fixes them: syntax errors, duplicate keys, then the
//! pod rules walked from each pod site, then what each object's `kind` and `apiVersion` say.

use super::context::Context;
use super::diagnostic::Diagnostic;
use super::{duplicate_keys, kind, missing_kind, suppress, syntax, walk};
use crate::analysis::file_role::FileRole;
use crate::analysis::inputs::Inputs;
use crate::analysis::names::build::pod_declarations;
use crate::analysis::pod_sites::pod_sites;
use crate::syntax::{Document, YamlFile};

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
    if inputs.role == FileRole::NotManifest {
        return out;
    }
    syntax::check(inputs.locale, doc, &mut out);
    let syntax_findings = out.len();
    duplicate_keys::check(inputs.locale, text, doc, &mut out);
    let sites = pod_sites(&inputs.pod_templates, text, doc);
    let names = pod_declarations(&sites, doc);
    for site in &sites {
        let cx = Context {
            text,
            doc,
            schema: inputs.schema,
            locale: inputs.locale,
            kubernetes: inputs.kubernetes,
            site,
            // A patch is partial by design: what it leaves out is in its base.
            partial: inputs.role == FileRole::Patch,
            complete: doc.errors.is_empty() && inputs.role != FileRole::Patch,
            names: &names,
        };
        walk::check_site(&cx, &mut out);
    }
    kind::check(inputs, text, doc, &mut out);
    missing_kind::check(inputs.locale, doc, &mut out);
    // What the parser misread at its stop is the syntax error's doing: a finding there (and its fix) would
    // be about a value nobody wrote.
    if !doc.errors.is_empty() {
        let mut index = 0;
        out.retain(|d| {
            index += 1;
            index <= syntax_findings || !doc.runs_into_error(text, d.range)
        });
    }
    // The project's levels last: a code turned off is never computed into a message the user sees.
    out.retain_mut(|d| match inputs.rules.severity(d.code, d.severity) {
        Some(severity) => {
            d.severity = severity;
            true
        }
        None => false,
    });
    suppress::apply(inputs.locale, text, doc, &mut out);
    out.sort_by_key(|d| (d.range.start, d.range.end, d.severity));
    out
}
