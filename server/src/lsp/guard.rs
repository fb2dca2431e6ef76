//! Keeps one bad request from taking the server down: analysis runs inside `catch_unwind`, and a panic
//! becomes an error (for a request) or a logged fallback (for a notification) while the server keeps serving.

use std::panic::{AssertUnwindSafe, catch_unwind};

use tower_lsp_server::jsonrpc;

/// Runs `work`, turning a panic into an `Err` carrying its message (already logged).
pub fn catch_panic<T>(what: &str, work: impl FnOnce() -> T) -> Result<T, String> {
    // AssertUnwindSafe: the closures only read snapshots (Arc'd text and trees), or build values that are
    // thrown away when they panic, so no half-updated state is observed afterwards.
    catch_unwind(AssertUnwindSafe(work)).map_err(|payload| {
        let message = payload
            .downcast_ref::<&str>()
            .map(|s| (*s).to_owned())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown panic".to_owned());
        tracing::error!("panic in {what}: {message}");
        format!("podls: internal error in {what}: {message}")
    })
}

/// As [`catch_panic`], for a request: a panic is answered with a JSON-RPC internal error.
pub fn request<T>(what: &str, work: impl FnOnce() -> T) -> jsonrpc::Result<T> {
    catch_panic(what, work).map_err(|message| jsonrpc::Error {
        code: jsonrpc::ErrorCode::InternalError,
        message: message.into(),
        data: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_becomes_an_internal_error_and_the_next_call_works() {
        let error =
            request("hover", || -> Option<u32> { panic!("index out of bounds") }).unwrap_err();
        assert_eq!(error.code, jsonrpc::ErrorCode::InternalError);
        assert!(error.message.contains("hover"), "{}", error.message);
        assert!(
            error.message.contains("index out of bounds"),
            "{}",
            error.message
        );
        let formatted = catch_panic("diagnostics", || panic!("{} bad", 42)).unwrap_err();
        assert!(formatted.contains("42 bad"), "{formatted}");
        assert_eq!(request("hover", || Some(1)), Ok(Some(1)));
    }
}
