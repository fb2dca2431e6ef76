//! The fuzz targets' invariants (fuzz/), as property tests that run in CI for a bounded time: arbitrary
//! YAML-ish text and edit sequences through parse, re-parse, the LSP document store and every analysis. No
//! panic; every returned range inside the text on char boundaries; an incremental re-parse equals a fresh one.

use podls::lsp::{DocumentStore, PositionEncoding};
use podls::syntax::{self, TextRange, YamlFile};
use proptest::prelude::*;
use tower_lsp_server::ls_types::{Position, Range, TextDocumentContentChangeEvent, Uri};

mod invariants;

use invariants::{analyse_at, diagnose, snap};

fn analyse(text: &str, file: &YamlFile, offsets: &[usize]) {
    diagnose(text, file);
    for &offset in offsets {
        analyse_at(text, file, offset);
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

/// What the fuzz targets found (fuzz/regressions/<target>/), replayed through the targets' own bodies.
#[test]
fn the_fuzzers_findings_stay_fixed() {
    use arbitrary::{Arbitrary, Unstructured};
    fn replay<'a, T: Arbitrary<'a>>(bytes: &'a [u8], case: fn(T)) {
        case(T::arbitrary_take_rest(Unstructured::new(bytes)).expect("the target's input"));
    }
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../fuzz/regressions");
    for target in ["parse", "fix_all", "edits"] {
        for entry in std::fs::read_dir(root.join(target)).into_iter().flatten() {
            let path = entry.expect("a regression").path();
            let bytes = std::fs::read(&path).expect("a regression's bytes");
            eprintln!("replaying {}", path.display());
            match target {
                "parse" => replay(&bytes, invariants::targets::parse),
                "fix_all" => replay(&bytes, invariants::targets::fix_all),
                _ => replay(&bytes, invariants::targets::edits),
            }
        }
    }
}
