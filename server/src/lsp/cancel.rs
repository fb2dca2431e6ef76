//! Makes `$/cancelRequest` reach requests that have not answered yet. tower-lsp-server registers each request
//! as cancellable when it reads it, but runs a notification's handler (the cancel) only when its turn to be
//! polled comes, after the requests read before it; podls's handlers answer in their first poll, so every
//! cancel came too late. Here each request yields once before its work: a cancel read with it runs first.

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::task::{Context, Poll};
use std::time::Duration;

use tokio::sync::Notify;

use tower_lsp_server::jsonrpc::Request;
use tower_service::Service;

/// How many requests and notifications are in flight at once (tower-lsp-server's default is 4): enough that a
/// cancel is not queued behind the requests it cancels.
pub const IN_FLIGHT: usize = 64;

/// Wraps the LSP service so requests (messages with an id) yield before they start, counted in `InFlight`
/// until they are answered.
pub struct YieldingRequests<S> {
    pub service: S,
    pub in_flight: InFlight,
}

impl<S> Service<Request> for YieldingRequests<S>
where
    S: Service<Request>,
    S::Future: Send + 'static,
{
    type Response = S::Response;
    type Error = S::Error;
    type Future = Pin<Box<dyn Future<Output = Result<S::Response, S::Error>> + Send>>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), Self::Error>> {
        self.service.poll_ready(cx)
    }

    fn call(&mut self, request: Request) -> Self::Future {
        let is_request = request.id().is_some();
        // The inner call registers the request as cancellable; its work starts when `answer` is polled.
        let answer = self.service.call(request);
        let answering = is_request.then(|| self.in_flight.answering());
        Box::pin(async move {
            if is_request {
                tokio::task::yield_now().await;
            }
            let answered = answer.await;
            drop(answering);
            answered
        })
    }
}

/// The requests read and not answered yet, so that diagnostics (computed after an edit) wait for the
/// requests that came with the edit — a completion typed with it is answered first.
#[derive(Clone, Default)]
pub struct InFlight(Arc<InFlightState>);

#[derive(Default)]
struct InFlightState {
    count: AtomicUsize,
    idle: Notify,
}

/// Counts one request until it is answered (or dropped, when cancelled).
struct Answering(InFlight);

impl Drop for Answering {
    fn drop(&mut self) {
        if self.0.0.count.fetch_sub(1, Ordering::SeqCst) == 1 {
            self.0.0.idle.notify_waiters();
        }
    }
}

impl InFlight {
    fn answering(&self) -> Answering {
        self.0.count.fetch_add(1, Ordering::SeqCst);
        Answering(self.clone())
    }

    /// Returns once no request is waiting for its answer and the answers are on their way out, or after
    /// `limit` (a stream of requests does not hold diagnostics back for ever).
    pub async fn idle(&self, limit: Duration) {
        let wait = async {
            loop {
                let idle = self.0.idle.notified();
                if self.0.count.load(Ordering::SeqCst) == 0 {
                    return;
                }
                idle.await;
            }
        };
        if self.0.count.load(Ordering::SeqCst) > 0 {
            let _ = tokio::time::timeout(limit, wait).await;
        }
        // The last answer may be made and not yet sent (also when it was made before this was called):
        // tower-lsp-server writes it out only once its handlers are all waiting, so this waits once more
        // rather than do the caller's work first.
        tokio::task::yield_now().await;
    }
}
