//! Makes `$/cancelRequest` reach requests that have not answered yet. tower-lsp-server registers each request
//! as cancellable when it reads it, but runs a notification's handler (the cancel) only when its turn to be
//! polled comes, after the requests read before it; podls's handlers answer in their first poll, so every
//! cancel came too late. Here each request yields once before its work: a cancel read with it runs first.

use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};

use tower_lsp_server::jsonrpc::Request;
use tower_service::Service;

/// How many requests and notifications are in flight at once (tower-lsp-server's default is 4): enough that a
/// cancel is not queued behind the requests it cancels.
pub const IN_FLIGHT: usize = 64;

/// Wraps the LSP service so requests (messages with an id) yield before they start.
pub struct YieldingRequests<S>(pub S);

impl<S> Service<Request> for YieldingRequests<S>
where
    S: Service<Request>,
    S::Future: Send + 'static,
{
    type Response = S::Response;
    type Error = S::Error;
    type Future = Pin<Box<dyn Future<Output = Result<S::Response, S::Error>> + Send>>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), Self::Error>> {
        self.0.poll_ready(cx)
    }

    fn call(&mut self, request: Request) -> Self::Future {
        let is_request = request.id().is_some();
        // The inner call registers the request as cancellable; its work starts when `answer` is polled.
        let answer = self.0.call(request);
        Box::pin(async move {
            if is_request {
                tokio::task::yield_now().await;
            }
            answer.await
        })
    }
}
