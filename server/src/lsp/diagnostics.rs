//! Diagnostics in LSP terms: `analysis::diagnostics` converted to the negotiated encoding, published with
//! the version of the document they were computed for (so a client can drop stale ones). Messages are plain
//! text in LSP (VS Code's Problems panel, Neovim's virtual text): the analysis layer's inline code is shown
//! in quotes here, for diagnostics and for the code actions that fix them alike. The server decides which
//! files it serves: for a file without a Pod it publishes an empty list, so it never speaks for YAML another
//! extension owns.

use std::sync::Mutex;

use tower_lsp_server::ls_types::{
    Diagnostic, DiagnosticRelatedInformation, DiagnosticSeverity, Location, NumberOrString, Uri,
};

use super::documents::DocumentSnapshot;
use super::encoding::{self, PositionEncoding};
use crate::analysis::{self, Analysed, DiagnosticsCache, Inputs, Severity};
use crate::syntax::Part;

/// The document's diagnostics, from its cache: only `---` documents that changed since the last call (or
/// all of them, when the inputs changed) are analysed, each on its own text.
pub fn cached_diagnostics(
    document: &DocumentSnapshot,
    inputs: &Inputs,
) -> Vec<analysis::Diagnostic> {
    with_cache(&document.diagnostics, |cache| {
        cache.split_file(inputs, &document.split)
    })
}

/// The `---` documents of `document` whose diagnostics are not cached under `inputs`: what the server
/// analyses on a blocking thread (`DiagnosticsCache::analyse`), then `add`s.
pub fn missing(document: &DocumentSnapshot, inputs: &Inputs) -> Vec<Part> {
    with_cache(&document.diagnostics, |cache| {
        cache.missing(inputs, &document.split)
    })
}

pub fn add(cache: &Mutex<DiagnosticsCache>, analysed: Analysed) {
    with_cache(cache, |cache| cache.add(analysed));
}

fn with_cache<T>(
    cache: &Mutex<DiagnosticsCache>,
    work: impl FnOnce(&mut DiagnosticsCache) -> T,
) -> T {
    // A poisoned cache (a panic while computing) is only a cache: start it afresh.
    match cache.lock() {
        Ok(mut cache) => work(&mut cache),
        Err(poisoned) => {
            let mut cache = poisoned.into_inner();
            *cache = DiagnosticsCache::default();
            work(&mut cache)
        }
    }
}

pub fn diagnostics(
    uri: &Uri,
    document: &DocumentSnapshot,
    encoding: PositionEncoding,
    inputs: &Inputs,
) -> Vec<Diagnostic> {
    if !with_cache(&document.diagnostics, |cache| {
        cache.serves(inputs, &document.split)
    }) {
        return Vec::new();
    }
    let range = |r| encoding::range(&document.rope, r, encoding);
    cached_diagnostics(document, inputs)
        .into_iter()
        .map(|found| Diagnostic {
            range: range(found.range),
            severity: Some(severity(found.severity)),
            code: Some(NumberOrString::String(found.code.as_str().to_owned())),
            source: Some("podls".to_owned()),
            message: plain_text(&found.message),
            related_information: (!found.related.is_empty()).then(|| {
                found
                    .related
                    .into_iter()
                    .map(|(at, message)| DiagnosticRelatedInformation {
                        location: Location {
                            uri: uri.clone(),
                            range: range(at),
                        },
                        message: plain_text(&message),
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

/// Inline code (`` `value` ``, as the analysis layer writes it for the CLI and for Markdown) as plain text:
/// ‘value’. Typographic quotes, because the values themselves are often YAML quotes (`"8080"`, `'`). Code
/// spans follow CommonMark: a run of backticks closes only with a run of the same length; an unmatched run
/// stays as written.
pub(super) fn plain_text(message: &str) -> String {
    let mut out = String::with_capacity(message.len());
    let mut rest = message;
    while let Some(open) = rest.find('`') {
        let run = rest[open..].len() - rest[open..].trim_start_matches('`').len();
        let after = &rest[open + run..];
        let close = after.match_indices('`').map(|(i, _)| i).find(|&i| {
            let len = after[i..].len() - after[i..].trim_start_matches('`').len();
            len == run && !after[..i].ends_with('`')
        });
        out.push_str(&rest[..open]);
        match close {
            Some(close) => {
                let code = &after[..close];
                // CommonMark strips one space on each side of a span that needs it (`` ` `` for a backtick).
                let code = match code.strip_prefix(' ').and_then(|c| c.strip_suffix(' ')) {
                    Some(inner) if !inner.trim().is_empty() => inner,
                    _ => code,
                };
                out.push('‘');
                out.push_str(code);
                out.push('’');
                rest = &after[close + run..];
            }
            None => {
                out.push_str(&rest[open..open + run]);
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::plain_text;

    #[test]
    fn inline_code_becomes_quoted_plain_text() {
        for (markdown, plain) in [
            (
                "`Sometimes` is not a valid `imagePullPolicy`",
                "‘Sometimes’ is not a valid ‘imagePullPolicy’",
            ),
            ("Write `8080` without quotes", "Write ‘8080’ without quotes"),
            (
                "no closing `\"`: end it with `\"`",
                "no closing ‘\"’: end it with ‘\"’",
            ),
            ("`` ` `` is reserved", "‘`’ is reserved"),
            ("a `` a`b `` span", "a ‘a`b’ span"),
            ("one ` alone", "one ` alone"),
            ("allowed: `a`, `b` or \"\"", "allowed: ‘a’, ‘b’ or \"\""),
            ("no code", "no code"),
            ("`😀中`", "‘😀中’"),
        ] {
            assert_eq!(plain_text(markdown), plain, "{markdown}");
        }
    }
}
