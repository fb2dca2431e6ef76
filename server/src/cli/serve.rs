//! `podls` / `podls --stdio`: the language server on stdin/stdout.

use std::process::ExitCode;

/// Runs the server until `exit`. The protocol is handled on one task, so a single-threaded runtime is
/// enough (analysis is synchronous and fast; stdin and stdout get tokio's blocking threads).
pub fn run() -> ExitCode {
    let runtime = match tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(error) => {
            tracing::error!("cannot start the async runtime: {error}");
            return ExitCode::FAILURE;
        }
    };
    tracing::info!("podls {} serving LSP on stdio", env!("CARGO_PKG_VERSION"));
    let shutdown_requested = runtime.block_on(crate::lsp::serve_stdio());
    // Don't wait for stdin's blocking reader thread, which only ends when the client closes the pipe.
    runtime.shutdown_background();
    if shutdown_requested {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}
