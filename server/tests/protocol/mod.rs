//! An arbitrary LSP client against podls's own serve loop (`podls::lsp::serve`, framing included) on
//! in-memory streams: the protocol fuzz target (fuzz/fuzz_targets/protocol.rs) and its bounded proptest
//! (server/tests/protocol_fuzz.rs) run the same `Session`. Invariants: no panic anywhere in the server;
//! every request answered exactly once, under its id; every range of an answer inside the document as the
//! client knows it, in the negotiated encoding; published diagnostics carrying the latest version.

// The fuzz target and the proptest each use a part of it.
#![allow(dead_code)]

mod checks;
mod client;
mod messages;
mod model;
mod session;

pub use client::run;
pub use session::Session;
