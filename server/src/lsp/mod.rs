//! The protocol layer: LSP over stdio on tower-lsp-server. It converts positions and calls `analysis`;
//! it holds no knowledge of YAML or Kubernetes. One file per feature; `server.rs` dispatches.

mod cancel;
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
mod params;
mod project;
mod pull_diagnostics;
mod references;
mod rename;
mod selection_range;
mod server;
mod structure;
mod trace;
mod workspace;

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use tokio::io::{AsyncRead, AsyncWrite};
use tokio::sync::mpsc::{UnboundedReceiver, UnboundedSender};
use tokio::task::JoinHandle;
use tower_lsp_server::{LspService, Server};

pub use documents::{DocumentSnapshot, DocumentStore};
pub use encoding::PositionEncoding;
pub use server::PodServer;

/// Serves LSP on stdin/stdout until `exit` (or the client closes stdin). Returns whether the client asked
/// for `shutdown` first: the process then exits with 0, else with 1, as the spec asks. Stdin is read and
/// re-framed by a thread of its own, and stdout written by another, each frame the moment it is ready: the
/// async thread only handles messages (tokio's stdio hands every read, write and flush to a blocking
/// thread and waits for it, and the re-framing parsed each message on the async thread).
pub async fn serve_stdio() -> bool {
    let input = |to_server, replies| {
        let reading = std::thread::Builder::new()
            .name("podls-stdin".to_owned())
            .spawn(move || framing::reframe_blocking(std::io::stdin().lock(), to_server, replies));
        if let Err(error) = reading {
            tracing::error!("cannot start the thread that reads stdin: {error}");
        }
    };
    let output = |queue| {
        tokio::task::spawn_blocking(move || {
            framing::write_output_blocking(queue, std::io::stdout().lock())
        })
    };
    serve_with(input, output).await
}

/// Serves LSP on any pair of streams (in-memory ones for the protocol fuzz target) until `exit` or the end
/// of `input`; returns whether `shutdown` came first.
pub async fn serve(
    input: impl AsyncRead + Unpin + Send + 'static,
    output: impl AsyncWrite + Unpin + Send + 'static,
) -> bool {
    let input = |to_server, replies| {
        tokio::spawn(async move {
            if let Err(error) = framing::reframe(input, to_server, replies).await {
                tracing::error!("reading the input: {error}");
            }
        });
    };
    let output = |queue| tokio::spawn(async move { framing::write_output(queue, output).await });
    serve_with(input, output).await
}

/// Serves LSP with `reader` started on the server's input and the queue of replies, and `writer` on the
/// queue of whole frames to send.
async fn serve_with(
    reader: impl FnOnce(tokio::io::DuplexStream, UnboundedSender<framing::Outgoing>),
    writer: impl FnOnce(UnboundedReceiver<framing::Outgoing>) -> JoinHandle<std::io::Result<()>>,
) -> bool {
    let shutdown_requested = Arc::new(AtomicBool::new(false));
    let in_flight = cancel::InFlight::default();
    let (service, socket) = LspService::build({
        let shutdown_requested = Arc::clone(&shutdown_requested);
        let in_flight = in_flight.clone();
        move |client| PodServer::new(client, shutdown_requested, in_flight)
    })
    .custom_method("$/setTrace", PodServer::set_trace)
    .finish();
    // The input goes through `framing::reframe`, so a malformed frame is answered (or skipped) here instead
    // of wedging tower-lsp-server's reader; the output is written by `writer`, whole frames from both.
    let (to_server, server_input) = tokio::io::duplex(64 * 1024);
    let (outgoing, outgoing_queue) = tokio::sync::mpsc::unbounded_channel();
    reader(to_server, outgoing.clone());
    let writer = writer(outgoing_queue);
    Server::new(server_input, framing::ServerOutput::new(outgoing), socket)
        .concurrency_level(cancel::IN_FLIGHT)
        .serve(cancel::YieldingRequests { service, in_flight })
        .await;
    // Everything the server wrote (the answer to `shutdown`, last diagnostics) reaches the output before
    // exit (the server's output, dropped with it, ended the queue).
    if let Ok(Err(error)) = writer.await {
        tracing::error!("writing the output: {error}");
    }
    shutdown_requested.load(Ordering::SeqCst)
}
