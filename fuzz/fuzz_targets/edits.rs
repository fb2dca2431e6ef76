//! Arbitrary edit sequences through the LSP document store, with ranges in UTF-8, UTF-16 or UTF-32 that
//! may be reversed, past the end or inside a surrogate pair; after each, the store's text and tree must
//! match a fresh parse, and every analysis runs at arbitrary positions.
#![no_main]

use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;
use podls::lsp::{DocumentStore, PositionEncoding};
use podls::syntax;
use tower_lsp_server::ls_types::{Position, Range, TextDocumentContentChangeEvent, Uri};

#[path = "../../server/tests/invariants/mod.rs"]
mod common;

#[derive(Arbitrary, Debug)]
enum Edit {
    Replace {
        start: (u8, u8),
        end: (u8, u8),
        text: String,
    },
    Full(String),
}

#[derive(Arbitrary, Debug)]
struct Session {
    initial: String,
    encoding: u8,
    edits: Vec<Edit>,
    probes: Vec<u16>,
}

fuzz_target!(|session: Session| {
    let encoding = match session.encoding % 3 {
        0 => PositionEncoding::Utf8,
        1 => PositionEncoding::Utf16,
        _ => PositionEncoding::Utf32,
    };
    let uri: Uri = "file:///fuzz.yaml".parse().unwrap();
    let mut store = DocumentStore::default();
    store.open(uri.clone(), session.initial, 1);
    for (version, edit) in session.edits.into_iter().take(32).enumerate() {
        let change = match edit {
            Edit::Replace { start, end, text } => TextDocumentContentChangeEvent {
                range: Some(Range::new(
                    Position::new(start.0.into(), start.1.into()),
                    Position::new(end.0.into(), end.1.into()),
                )),
                range_length: None,
                text,
            },
            Edit::Full(text) => TextDocumentContentChangeEvent {
                range: None,
                range_length: None,
                text,
            },
        };
        let snapshot = store
            .change(&uri, version as i32 + 2, vec![change], encoding)
            .expect("open");
        assert_eq!(snapshot.rope.to_string(), *snapshot.text);
        assert_eq!(*snapshot.file, syntax::parse(&snapshot.text));
    }
    let snapshot = store.snapshot(&uri).expect("open");
    let text = snapshot.text.as_str();
    common::diagnose(text, &snapshot.file);
    for probe in session.probes.into_iter().take(16) {
        common::analyse_at(text, &snapshot.file, probe as usize);
    }
});
