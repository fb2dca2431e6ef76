//! The bodies of the fuzz targets (fuzz/fuzz_targets/), taking the same inputs, so that CI replays what the
//! fuzzers found (fuzz/regressions/<target>/, `fuzz_invariants.rs`) through the very same checks.

use arbitrary::Arbitrary;
use podls::analysis;
use podls::lsp::{DocumentStore, PositionEncoding};
use podls::syntax::{self, TextRange, YamlFile};
use tower_lsp_server::ls_types::{Position, Range, TextDocumentContentChangeEvent, Uri};

use super::{analyse_at, analyse_with, check_range, diagnose, diagnose_with, inputs_in_role, snap};

/// `parse`: arbitrary text in the role the first byte picks: every analysis at a spread of offsets; then
/// `insert` spliced over the char-aligned range `a..b`, whose incremental re-parse must equal a fresh one.
pub fn parse((role, a, b, at, insert, text): (u8, u16, u16, u16, &str, &str)) {
    let inputs = inputs_in_role(role);
    let file = syntax::parse(text);
    diagnose_with(&inputs, text, &file);
    for offset in [
        0,
        at as usize % (text.len() + 1),
        text.len() / 2,
        text.len(),
        text.len() + 3,
    ] {
        analyse_with(&inputs, text, &file, offset);
    }
    let at = |i: u16| snap(text, i as usize % (text.len() + 1));
    let (start, end) = (at(a).min(at(b)), at(a).max(at(b)));
    let mut edited = text.to_owned();
    edited.replace_range(start..end, insert);
    let reparsed = syntax::reparse(&file, &edited, TextRange::new(start, end), insert.len());
    assert_eq!(
        reparsed,
        syntax::parse(&edited),
        "reparse of {text:?} → {edited:?}"
    );
    diagnose_with(&inputs, &edited, &reparsed);
    analyse_with(&inputs, &edited, &reparsed, start + insert.len());
}

fn syntax_errors(file: &YamlFile) -> usize {
    file.documents.iter().map(|doc| doc.errors.len()).sum()
}

/// `fix_all`: `podls check --fix` on `text` in the role the first byte picks (its bit 2: unsafe fixes too).
/// Every fix's edits inside the text and apart; the fixed text parses when the input did; the fixpoint is
/// reached within the pass bound (fixing the result again changes nothing).
pub fn fix_all((options, text): (u8, &str)) {
    let inputs = inputs_in_role(options);
    let unsafe_fixes = options & 4 != 0;
    let file = syntax::parse(text);
    for diagnostic in analysis::diagnostics(&inputs, text, &file) {
        for fix in &diagnostic.fixes {
            for (i, (range, _)) in fix.edits.iter().enumerate() {
                check_range(text, *range, &fix.title);
                for (other, _) in &fix.edits[i + 1..] {
                    let apart = range.end <= other.start || other.end <= range.start;
                    assert!(
                        apart && range.start != other.start,
                        "{}: {range:?} and {other:?} overlap",
                        fix.title
                    );
                }
            }
        }
    }
    let fixed = analysis::fix_all(&inputs, text, unsafe_fixes);
    let refixed = syntax::parse(&fixed.text);
    if syntax_errors(&file) == 0 {
        assert_eq!(
            syntax_errors(&refixed),
            0,
            "fixing {text:?} gave {:?}, which does not parse ({:?})",
            fixed.text,
            fixed.applied
        );
    }
    let again = analysis::fix_all(&inputs, &fixed.text, unsafe_fixes);
    assert!(
        again.applied.is_empty(),
        "fixing {text:?} did not converge: {:?} then {:?}",
        fixed.applied,
        again.applied
    );
    diagnose_with(&inputs, &fixed.text, &refixed);
}

#[derive(Arbitrary, Debug)]
pub enum Edit {
    Replace {
        start: (u8, u8),
        end: (u8, u8),
        text: String,
    },
    Full(String),
}

/// `edits`: an initial text and up to 32 changes through the LSP document store.
#[derive(Arbitrary, Debug)]
pub struct Edits {
    initial: String,
    encoding: u8,
    edits: Vec<Edit>,
    probes: Vec<u16>,
}

/// `edits`: after each change (ranges in the encoding the second byte picks, possibly reversed, past the
/// end or inside a surrogate pair) the store's rope, text and tree agree with a fresh parse; then every
/// analysis at arbitrary positions.
pub fn edits(session: Edits) {
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
    diagnose(text, &snapshot.file);
    for probe in session.probes.into_iter().take(16) {
        analyse_at(text, &snapshot.file, probe as usize);
    }
}
