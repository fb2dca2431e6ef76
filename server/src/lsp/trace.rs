//! The client's trace setting (`InitializeParams.trace`, then `$/setTrace`) and the `$/logTrace`
//! notifications it asks for: one line per publication of diagnostics, with the details under `verbose`.

use std::sync::atomic::{AtomicU8, Ordering};

use tower_lsp_server::Client;
use tower_lsp_server::ls_types::notification::LogTrace;
use tower_lsp_server::ls_types::{LogTraceParams, SetTraceParams, TraceValue};

use super::PodServer;

/// The trace level, shared by every handler (`off` until the client asks).
#[derive(Default)]
pub struct Trace(AtomicU8);

const OFF: u8 = 0;
const MESSAGES: u8 = 1;
const VERBOSE: u8 = 2;

impl Trace {
    pub fn set(&self, value: TraceValue) {
        let level = match value {
            TraceValue::Off => OFF,
            TraceValue::Messages => MESSAGES,
            TraceValue::Verbose => VERBOSE,
        };
        self.0.store(level, Ordering::Relaxed);
    }

    /// Sends `message` as `$/logTrace` when tracing is on; `verbose` (built only then) joins it at `verbose`.
    pub async fn log(&self, client: &Client, message: String, verbose: impl FnOnce() -> String) {
        let level = self.0.load(Ordering::Relaxed);
        if level == OFF {
            return;
        }
        let verbose = (level == VERBOSE).then(verbose);
        client
            .send_notification::<LogTrace>(LogTraceParams { message, verbose })
            .await;
    }
}

impl PodServer {
    /// `$/setTrace`: the client changed the trace level.
    pub async fn set_trace(&self, params: SetTraceParams) {
        tracing::info!("trace level {:?}", params.value);
        self.trace().set(params.value);
    }
}
