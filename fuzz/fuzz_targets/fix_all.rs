//! `podls check --fix` on arbitrary text (`analysis::fix_all`), as a manifest, a Helm template or a
//! kustomize patch, with and without unsafe fixes: every fix's edits lie inside the text on char boundaries
//! and do not overlap; the fixed text parses when the input did; and fixing reaches its fixpoint within
//! its pass bound, so fixing the result again changes nothing. The first byte chooses the role and
//! `--unsafe-fixes`, the rest is the text (`seeds/fix_all/`).
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../server/tests/invariants/mod.rs"]
mod common;

fuzz_target!(|data: (u8, &str)| common::targets::fix_all(data));
