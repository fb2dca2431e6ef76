//! The fuzz targets' invariants (fuzz/), as property tests that run in CI for a bounded time: arbitrary
//! YAML-ish text and edit sequences through parse, re-parse, the LSP document store and every analysis. No
//! panic; every returned range inside the text on char boundaries; an incremental re-parse equals a fresh one.

use podls::analysis::{self, CompletionOptions};
use podls::lsp::{DocumentStore, PositionEncoding};
use podls::schema::Locale;
use podls::syntax::{self, TextRange, YamlFile};
use proptest::prelude::*;
use tower_lsp_server::ls_types::{Position, Range, TextDocumentContentChangeEvent, Uri};

fn check_range(text: &str, range: TextRange, what: &str) {
    assert!(range.start <= range.end, "{what}: reversed {range:?}");
    assert!(
        range.end <= text.len(),
        "{what}: {range:?} past the end {}",
        text.len()
    );
    assert!(
        text.is_char_boundary(range.start) && text.is_char_boundary(range.end),
        "{what}: {range:?} splits a char"
    );
}

/// `offset` clamped and moved back to a char boundary, as the LSP layer hands offsets to the analyses.
fn snap(text: &str, offset: usize) -> usize {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

fn analyse(text: &str, file: &YamlFile, offsets: &[usize]) {
    for diagnostic in analysis::diagnostics(text, file) {
        check_range(text, diagnostic.range, "diagnostic");
        for (range, _) in &diagnostic.related {
            check_range(text, *range, "related information");
        }
    }
    for &offset in offsets {
        let offset = snap(text, offset);
        if let Some(doc) = file.document_at(offset) {
            syntax::locate(text, doc, offset);
        }
        if let Some(hover) = analysis::hover(text, file, offset, Locale::En) {
            check_range(text, hover.range, "hover");
        }
        for trigger in [None, Some(' '), Some(':'), Some('-')] {
            let options = CompletionOptions {
                trigger,
                ..CompletionOptions::default()
            };
            for item in
                analysis::completions(text, file, offset, options).map_or(vec![], |l| l.items)
            {
                check_range(text, item.edit.range, "completion edit");
            }
        }
        for fix in analysis::fixes(text, file, TextRange::new(offset, offset)) {
            for (range, _) in &fix.edits {
                check_range(text, *range, "fix edit");
            }
        }
    }
}

/// Text that looks like Pod YAML often enough to reach deep into the analyses: pieces of a Pod, YAML
/// punctuation, indentation, multi-byte characters and line breaks of every kind.
fn yamlish() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("apiVersion: v1\n"),
        Just("kind: Pod\n"),
        Just("metadata:\n  name: web\n"),
        Just("spec:\n"),
        Just("  containers:\n"),
        Just("    - name: app\n"),
        Just("      image: nginx\n"),
        Just("      ports:\n        - containerPort: 80\n"),
        Just("      resources: {limits: {cpu: 1}}\n"),
        Just("  restartPolicy: Always\n"),
        Just("---\n"),
        Just("..."),
        Just("- "),
        Just(": "),
        Just("  "),
        Just("\t"),
        Just("\n"),
        Just("\r\n"),
        Just("\r"),
        Just("# comment\n"),
        Just("&a "),
        Just("*a"),
        Just("<<: *a\n"),
        Just("? "),
        Just("|\n"),
        Just(">-\n"),
        Just("\""),
        Just("'"),
        Just("\\'"),
        Just("{"),
        Just("}"),
        Just("["),
        Just("]"),
        Just(","),
        Just("😀"),
        Just("中文"),
        Just("é"),
        Just("\u{feff}"),
        Just("\0"),
        Just("x"),
        Just("!!str "),
    ];
    prop::collection::vec(piece, 0..40).prop_map(|pieces| pieces.concat())
}

#[derive(Debug, Clone)]
enum Change {
    Replace {
        start: (u32, u32),
        end: (u32, u32),
        text: String,
    },
    Full(String),
}

fn change() -> impl Strategy<Value = Change> {
    prop_oneof![
        8 => ((0u32..12, 0u32..40), (0u32..12, 0u32..40), yamlish())
            .prop_map(|(start, end, text)| Change::Replace { start, end, text }),
        1 => yamlish().prop_map(Change::Full),
    ]
}

fn encoding() -> impl Strategy<Value = PositionEncoding> {
    prop_oneof![
        Just(PositionEncoding::Utf8),
        Just(PositionEncoding::Utf16),
        Just(PositionEncoding::Utf32),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn any_text_parses_and_analyses(text in yamlish(), offsets in prop::collection::vec(0usize..2000, 0..8)) {
        let file = syntax::parse(&text);
        analyse(&text, &file, &offsets);
    }

    #[test]
    fn arbitrary_unicode_parses_and_analyses(text in "\\PC{0,200}", offsets in prop::collection::vec(0usize..800, 0..4)) {
        let file = syntax::parse(&text);
        analyse(&text, &file, &offsets);
    }

    #[test]
    fn reparse_equals_a_fresh_parse(text in yamlish(), a in 0usize..2000, b in 0usize..2000, insert in yamlish()) {
        let file = syntax::parse(&text);
        let (start, end) = (snap(&text, a.min(b)), snap(&text, a.max(b)));
        let mut edited = text.clone();
        edited.replace_range(start..end, &insert);
        let reparsed = syntax::reparse(&file, &edited, TextRange::new(start, end), insert.len());
        prop_assert_eq!(&reparsed, &syntax::parse(&edited));
        analyse(&edited, &reparsed, &[start + insert.len()]);
    }

    #[test]
    fn edit_sequences_through_the_document_store(
        initial in yamlish(),
        encoding in encoding(),
        changes in prop::collection::vec(change(), 1..12),
        probes in prop::collection::vec(0usize..2000, 0..4),
    ) {
        let uri: Uri = "file:///proptest.yaml".parse().unwrap();
        let mut store = DocumentStore::default();
        store.open(uri.clone(), initial, 1);
        for (version, change) in changes.into_iter().enumerate() {
            let change = match change {
                Change::Replace { start, end, text } => TextDocumentContentChangeEvent {
                    range: Some(Range::new(Position::new(start.0, start.1), Position::new(end.0, end.1))),
                    range_length: None,
                    text,
                },
                Change::Full(text) => TextDocumentContentChangeEvent { range: None, range_length: None, text },
            };
            let snapshot = store.change(&uri, version as i32 + 2, vec![change], encoding).unwrap();
            prop_assert_eq!(snapshot.rope.to_string(), snapshot.text.as_str());
            prop_assert_eq!(&*snapshot.file, &syntax::parse(&snapshot.text));
        }
        let snapshot = store.snapshot(&uri).unwrap();
        analyse(&snapshot.text, &snapshot.file, &probes);
    }
}
