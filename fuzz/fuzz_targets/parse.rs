//! Arbitrary text: parse, re-parse after an arbitrary splice (must equal a fresh parse), and every
//! analysis at a spread of offsets.
#![no_main]

use libfuzzer_sys::fuzz_target;
use podls::syntax::{self, TextRange};

#[path = "../../server/tests/invariants/mod.rs"]
mod common;

fuzz_target!(|data: (&str, u16, u16, &str, u16)| {
    let (text, a, b, insert, at) = data;
    let file = syntax::parse(text);
    common::diagnose(text, &file);
    for offset in [0, at as usize % (text.len() + 1), text.len() / 2, text.len(), text.len() + 3] {
        common::analyse_at(text, &file, offset);
    }

    // Splice `insert` over a char-aligned range and check the incremental re-parse.
    let snap = |i: usize| {
        let mut i = i % (text.len() + 1);
        while !text.is_char_boundary(i) {
            i -= 1;
        }
        i
    };
    let (start, end) = {
        let (x, y) = (snap(a as usize), snap(b as usize));
        (x.min(y), x.max(y))
    };
    let mut edited = text.to_owned();
    edited.replace_range(start..end, insert);
    let reparsed = syntax::reparse(&file, &edited, TextRange::new(start, end), insert.len());
    assert_eq!(reparsed, syntax::parse(&edited), "reparse of {text:?} → {edited:?}");
    common::diagnose(&edited, &reparsed);
    common::analyse_at(&edited, &reparsed, start + insert.len());
});
