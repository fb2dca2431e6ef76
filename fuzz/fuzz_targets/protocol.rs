//! Arbitrary LSP sessions against podls's serve loop, framing included, on in-memory streams: initialize
//! with arbitrary encodings and capabilities, open/change/close with arbitrary ranges over seed manifests,
//! every request podls serves at arbitrary positions, settings and `podls.toml` changes, cancellations,
//! garbage frames, shutdown. The session and its invariants are `server/tests/protocol/`; the input is
//! framed (`Session::from_framed`: a head, then each step in a chunk of its own after its length byte).
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../server/tests/protocol/mod.rs"]
mod protocol;

fuzz_target!(|data: &[u8]| {
    protocol::run(protocol::Session::from_framed(data));
});
