//! Pull diagnostics (`textDocument/diagnostic`, LSP 3.17) for clients that ask for them — Neovim 0.10+ and
//! VS Code do — while the others still get `publishDiagnostics` pushed. A report carries a result id made
//! of the settings' generation and the parse of each `---` document (ids that change only when that
//! document is parsed again), so a client that asks again about an unchanged document gets `unchanged`.

use std::hash::{DefaultHasher, Hash, Hasher};

use tower_lsp_server::ls_types::{
    Diagnostic, DiagnosticOptions, DiagnosticServerCapabilities, DocumentDiagnosticReport,
    DocumentDiagnosticReportResult, FullDocumentDiagnosticReport,
    RelatedFullDocumentDiagnosticReport, RelatedUnchangedDocumentDiagnosticReport,
    UnchangedDocumentDiagnosticReport,
};

use super::documents::DocumentSnapshot;

/// What `initialize` advertises: one document at a time, no workspace pass, nothing across files.
pub fn capability() -> DiagnosticServerCapabilities {
    DiagnosticServerCapabilities::Options(DiagnosticOptions {
        identifier: Some("podls".to_owned()),
        inter_file_dependencies: false,
        workspace_diagnostics: false,
        ..DiagnosticOptions::default()
    })
}

/// The report for `document` (none open: an empty one, without a result id to come back with);
/// `compute` finds its diagnostics when the client's previous result is out of date.
pub fn report(
    document: Option<&DocumentSnapshot>,
    previous: Option<&str>,
    settings_generation: u64,
    compute: impl FnOnce(&DocumentSnapshot) -> Vec<Diagnostic>,
) -> DocumentDiagnosticReportResult {
    let Some(document) = document else {
        return full(None, Vec::new());
    };
    let id = result_id(document, settings_generation);
    if previous == Some(id.as_str()) {
        return DocumentDiagnosticReportResult::Report(DocumentDiagnosticReport::Unchanged(
            RelatedUnchangedDocumentDiagnosticReport {
                related_documents: None,
                unchanged_document_diagnostic_report: UnchangedDocumentDiagnosticReport {
                    result_id: id,
                },
            },
        ));
    }
    full(Some(id), compute(document))
}

fn full(result_id: Option<String>, items: Vec<Diagnostic>) -> DocumentDiagnosticReportResult {
    DocumentDiagnosticReportResult::Report(DocumentDiagnosticReport::Full(
        RelatedFullDocumentDiagnosticReport {
            related_documents: None,
            full_document_diagnostic_report: FullDocumentDiagnosticReport { result_id, items },
        },
    ))
}

/// Changes with the settings and with every re-parsed `---` document, and with nothing else.
fn result_id(document: &DocumentSnapshot, settings_generation: u64) -> String {
    let mut hasher = DefaultHasher::new();
    for part in document.split.parts() {
        (part.document.id, part.start).hash(&mut hasher);
    }
    format!("{settings_generation}-{:016x}", hasher.finish())
}
