//! The protocol layer: LSP over stdio on tower-lsp-server. It converts positions and calls `analysis`;
//! it holds no knowledge of YAML or Kubernetes. One file per feature; `server.rs` dispatches.

mod code_action;
mod code_lens;
mod completion;
mod config;
mod definition;
mod diagnostics;
mod document_highlight;
mod document_symbol;
mod documents;
mod encoding;
mod folding_range;
mod framing;
mod guard;
mod hover;
mod inlay_hint;
mod names;
mod project;
mod pull_diagnostics;
mod references;
mod rename;
mod selection_range;
mod server;
mod structure;
mod workspace;

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use tower_lsp_server::{LspService, Server};

pub use documents::{DocumentSnapshot, DocumentStore};
pub use encoding::PositionEncoding;
pub use server::PodServer;

/// Serves LSP on stdin/stdout until `exit` (or the client closes stdin). Returns whether the client asked
/// for `shutdown` first: the process then exits with 0, else with 1, as the spec asks.
pub async fn serve_stdio() -> bool {
    let shutdown_requested = Arc::new(AtomicBool::new(false));
    let (service, socket) = LspService::new({
        let shutdown_requested = Arc::clone(&shutdown_requested);
        move |client| PodServer::new(client, shutdown_requested)
    });
    // stdin goes through `framing::reframe`, so a malformed frame is skipped instead of wedging the reader.
    let (frames, reframed) = tokio::io::duplex(64 * 1024);
    tokio::spawn(async move {
        if let Err(error) = framing::reframe(tokio::io::stdin(), frames).await {
            tracing::error!("reading stdin: {error}");
        }
    });
    Server::new(reframed, tokio::io::stdout(), socket)
        .serve(service)
        .await;
    shutdown_requested.load(Ordering::SeqCst)
}
