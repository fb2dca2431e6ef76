//! Arbitrary text: parse, re-parse after an arbitrary splice (must equal a fresh parse), and every
//! analysis at a spread of offsets, as a manifest, a Helm template or a kustomize patch. The text comes
//! last, whole (`seeds/parse/` are manifests prefixed by the other fields' bytes).
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../server/tests/invariants/mod.rs"]
mod common;

fuzz_target!(|data: (u8, u16, u16, u16, &str, &str)| common::targets::parse(data));
