//! Diagnostics in LSP terms: `analysis::diagnostics` converted to the negotiated encoding, published with
//! the version of the document they were computed for (so a client can drop stale ones). Messages are plain
//! text in LSP (VS Code's Problems panel, Neovim's virtual text): the analysis layer's inline code is shown
//! in quotes here, for diagnostics and for the code actions that fix them alike. The server decides which
//! files it serves: for a file without a Pod it publishes an empty list, so it never speaks for YAML another
//! extension owns.

use std::sync::{Arc, Mutex};

use tower_lsp_server::ls_types::{
    Diagnostic, DiagnosticRelatedInformation, DiagnosticSeverity, Location, NumberOrString, Range,
    Uri,
};

use super::documents::DocumentSnapshot;
use super::encoding::{self, PositionEncoding};
use crate::analysis::{self, Analysed, DiagnosticsCache, Inputs, Severity};
use crate::syntax::{Part, PartResults};

/// Each `---` document's diagnostics in LSP terms, kept while its analysis results are the same: a
/// publication converts only the documents that changed (a file full of warnings converted all of them on
/// every keystroke), and moves the others by whole lines (a document starts on a line of its own, so text
/// typed before it changes no column of it).
#[derive(Default)]
pub struct ConvertedDiagnostics {
    parts: PartResults<Converted>,
}

#[derive(Clone, Default)]
struct Converted {
    /// The analysis results these were converted from: the diagnostics cache's own slice, kept alive here
    /// so that the same pointer means the same results.
    from: Arc<[analysis::Diagnostic]>,
    /// The line the document started on when they were converted.
    line: usize,
    diagnostics: Arc<[Diagnostic]>,
}

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
    // A poisoned cache (a panic while converting) is only a cache: start it afresh.
    let mut converted = document.converted.lock().unwrap_or_else(|poisoned| {
        let mut cache = poisoned.into_inner();
        *cache = ConvertedDiagnostics::default();
        cache
    });
    with_cache(&document.diagnostics, |cache| {
        if !cache.serves(inputs, &document.split) {
            return Vec::new();
        }
        let parts = document.split.parts();
        let found = cache.by_document(inputs, &document.split);
        converted.parts.update(parts, |_| Converted::default());
        let mut out = Vec::new();
        let each = converted.parts.values_mut().iter_mut().zip(parts);
        for ((converted, part), found) in each.zip(found) {
            convert(uri, document, encoding, part, found, converted, &mut out);
        }
        out
    })
}

/// Brings `converted` up to `found` (the analysis of `part`) and adds its diagnostics to `out`. Nothing is
/// looked up for a document without findings (most of them): a keystroke in a file of 500 documents does
/// one comparison for each.
fn convert(
    uri: &Uri,
    document: &DocumentSnapshot,
    encoding: PositionEncoding,
    part: &Part,
    found: &Arc<[analysis::Diagnostic]>,
    converted: &mut Converted,
    out: &mut Vec<Diagnostic>,
) {
    if found.is_empty() {
        if !converted.diagnostics.is_empty() {
            *converted = Converted::default();
        }
        return;
    }
    let line = document.rope.byte_to_line(part.start);
    if !Arc::ptr_eq(&converted.from, found) {
        let convert = |found| to_lsp(uri, document, encoding, part, found);
        *converted = Converted {
            from: Arc::clone(found),
            line,
            diagnostics: found.iter().map(convert).collect(),
        };
    }
    let moved = line as i64 - converted.line as i64;
    out.extend(converted.diagnostics.iter().map(|d| moved_by(d, moved)));
}

/// `found` (offsets from the start of `part`) in LSP terms.
fn to_lsp(
    uri: &Uri,
    document: &DocumentSnapshot,
    encoding: PositionEncoding,
    part: &Part,
    found: &analysis::Diagnostic,
) -> Diagnostic {
    let range = |r: crate::syntax::TextRange| {
        encoding::range(&document.rope, r.shifted(part.start as isize), encoding)
    };
    Diagnostic {
        range: range(found.range),
        severity: Some(severity(found.severity)),
        code: Some(NumberOrString::String(found.code.as_str().to_owned())),
        source: Some("podls".to_owned()),
        message: plain_text(&found.message),
        related_information: (!found.related.is_empty()).then(|| {
            (found.related.iter())
                .map(|(at, message)| DiagnosticRelatedInformation {
                    location: Location {
                        uri: uri.clone(),
                        range: range(*at),
                    },
                    message: plain_text(message),
                })
                .collect()
        }),
        ..Diagnostic::default()
    }
}

/// `diagnostic` moved down by `lines` (up when negative).
fn moved_by(diagnostic: &Diagnostic, lines: i64) -> Diagnostic {
    let mut moved = diagnostic.clone();
    if lines != 0 {
        let shift = |range: &mut Range| {
            for position in [&mut range.start, &mut range.end] {
                position.line = (position.line as i64 + lines).max(0) as u32;
            }
        };
        shift(&mut moved.range);
        for related in moved.related_information.iter_mut().flatten() {
            shift(&mut related.location.range);
        }
    }
    moved
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
    use super::*;
    use crate::lsp::DocumentStore;
    use tower_lsp_server::ls_types::{Position, TextDocumentContentChangeEvent};

    /// A file full of findings: after a line typed in one `---` document (every later one moves), the
    /// diagnostics are those of a fresh server, and every other document kept its converted diagnostics
    /// (the same slice), moved by the line.
    #[test]
    fn unchanged_documents_keep_their_converted_diagnostics() {
        let pod = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: Web_1\nspec:\n  restartPolicy: Nevr\n  \
                   containers:\n  - name: a\n    image: nginx\n    imagePullPolicy: Sometimes\n    \
                   ports:\n    - containerPort: \"80\"\n";
        let uri: Uri = "file:///warnings.yaml".parse().unwrap();
        let inputs = Inputs::default();
        let mut store = DocumentStore::default();
        let before = store.open(uri.clone(), vec![pod; 30].join("---\n"), 1);
        let first = diagnostics(&uri, &before, PositionEncoding::Utf16, &inputs);
        assert!(first.len() >= 30 * 3, "{} diagnostics", first.len());
        let slices = |document: &DocumentSnapshot| -> Vec<Arc<[Diagnostic]>> {
            let converted = document.converted.lock().unwrap();
            let values = converted.parts.values().iter();
            values.map(|part| Arc::clone(&part.diagnostics)).collect()
        };
        let old = slices(&before);
        drop(before);
        // A comment line typed at the top of document 10 (its `---` line first).
        let line = 10 * (pod.lines().count() as u32 + 1) + 1;
        let typed = TextDocumentContentChangeEvent {
            range: Some(Range::new(Position::new(line, 0), Position::new(line, 0))),
            range_length: None,
            text: "# typed\n".to_owned(),
        };
        let after = (store.change(&uri, 2, vec![typed], PositionEncoding::Utf16)).unwrap();
        let second = diagnostics(&uri, &after, PositionEncoding::Utf16, &inputs);
        let mut fresh = DocumentStore::default();
        let reopened = fresh.open(uri.clone(), after.text.to_string(), 2);
        assert_eq!(
            second,
            diagnostics(&uri, &reopened, PositionEncoding::Utf16, &inputs)
        );
        assert_eq!(second.len(), first.len());
        assert_eq!(
            second[first.len() - 1].range.start.line,
            first[first.len() - 1].range.start.line + 1
        );
        let new = slices(&after);
        for (i, (old, new)) in old.iter().zip(&new).enumerate() {
            assert_eq!(Arc::ptr_eq(old, new), i != 10, "document {i}");
        }
    }

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
