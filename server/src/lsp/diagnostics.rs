//! Diagnostics in LSP terms: `analysis::diagnostics` converted to the negotiated encoding, published with
//! the version of the document they were computed for (so a client can drop stale ones).

use tower_lsp_server::ls_types::{
    Diagnostic, DiagnosticRelatedInformation, DiagnosticSeverity, Location, NumberOrString, Uri,
};

use super::documents::DocumentSnapshot;
use super::encoding::{self, PositionEncoding};
use crate::analysis::{self, Severity};

pub fn diagnostics(
    uri: &Uri,
    document: &DocumentSnapshot,
    encoding: PositionEncoding,
) -> Vec<Diagnostic> {
    let range = |r| encoding::range(&document.rope, r, encoding);
    // A poisoned cache (a panic while computing) is only a cache: start it afresh.
    let found = match document.diagnostics.lock() {
        Ok(mut cache) => cache.diagnostics(&document.text, &document.file),
        Err(poisoned) => {
            let mut cache = poisoned.into_inner();
            *cache = analysis::DiagnosticsCache::default();
            cache.diagnostics(&document.text, &document.file)
        }
    };
    found
        .into_iter()
        .map(|found| Diagnostic {
            range: range(found.range),
            severity: Some(severity(found.severity)),
            code: Some(NumberOrString::String(found.code.to_string())),
            source: Some("podls".to_owned()),
            message: found.message,
            related_information: (!found.related.is_empty()).then(|| {
                found
                    .related
                    .into_iter()
                    .map(|(at, message)| DiagnosticRelatedInformation {
                        location: Location {
                            uri: uri.clone(),
                            range: range(at),
                        },
                        message,
                    })
                    .collect()
            }),
            ..Diagnostic::default()
        })
        .collect()
}

fn severity(severity: Severity) -> DiagnosticSeverity {
    match severity {
        Severity::Error => DiagnosticSeverity::ERROR,
        Severity::Warning => DiagnosticSeverity::WARNING,
        Severity::Information => DiagnosticSeverity::INFORMATION,
        Severity::Hint => DiagnosticSeverity::HINT,
    }
}
