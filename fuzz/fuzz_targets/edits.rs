//! Arbitrary edit sequences through the LSP document store, with ranges in UTF-8, UTF-16 or UTF-32 that
//! may be reversed, past the end or inside a surrogate pair; after each, the store's text and tree must
//! match a fresh parse, and every analysis runs at arbitrary positions.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../server/tests/invariants/mod.rs"]
mod common;

fuzz_target!(|session: common::targets::Edits| common::targets::edits(session));
