//! Arbitrary text: parse, re-parse after an arbitrary splice (must equal a fresh parse), and every
//! analysis at a spread of offsets, as a manifest, a Helm template or a kustomize patch. The text comes
//! last, whole (`seeds/parse/` are manifests prefixed by the other fields' bytes).
#![no_main]

use libfuzzer_sys::fuzz_target;
use podls::syntax::{self, TextRange};

#[path = "../../server/tests/invariants/mod.rs"]
mod common;

fuzz_target!(|data: (u8, u16, u16, u16, &str, &str)| {
    let (role, a, b, at, insert, text) = data;
    let inputs = common::inputs_in_role(role);
    let file = syntax::parse(text);
    common::diagnose_with(&inputs, text, &file);
    for offset in [0, at as usize % (text.len() + 1), text.len() / 2, text.len(), text.len() + 3] {
        common::analyse_with(&inputs, text, &file, offset);
    }

    // Splice `insert` over a char-aligned range and check the incremental re-parse.
    let snap = |i: usize| common::snap(text, i % (text.len() + 1));
    let (start, end) = {
        let (x, y) = (snap(a as usize), snap(b as usize));
        (x.min(y), x.max(y))
    };
    let mut edited = text.to_owned();
    edited.replace_range(start..end, insert);
    let reparsed = syntax::reparse(&file, &edited, TextRange::new(start, end), insert.len());
    assert_eq!(reparsed, syntax::parse(&edited), "reparse of {text:?} → {edited:?}");
    common::diagnose_with(&inputs, &edited, &reparsed);
    common::analyse_with(&inputs, &edited, &reparsed, start + insert.len());
});
