//! What the client sends beside document edits: each request's method and params at positions resolved
//! against the document's text, and the frames a well-behaved client never sends.

use serde_json::{Value, json};

use super::client::Client;
use super::session::{Garbage, Json, Request};

impl Client {
    /// The method and params of a request at positions resolved against the document's text.
    pub(super) fn params(&self, uri: &str, request: &Request) -> (&'static str, Value) {
        let text = self
            .open
            .get(uri)
            .map(|(t, _)| t.clone())
            .unwrap_or_default();
        let at = |p: &super::session::Position| {
            let (line, character) = p.resolve(&text, self.encoding);
            json!({"line": line, "character": character})
        };
        let document = json!({"uri": uri});
        let positioned = |p| json!({"textDocument": document, "position": at(p)});
        let range = |a, b| json!({"start": at(a), "end": at(b)});
        match request {
            Request::Hover(p) => ("textDocument/hover", positioned(p)),
            Request::Completion(p, trigger) => {
                let mut params = positioned(p);
                let character = [":", " ", "-", "\""][*trigger as usize / 4 % 4];
                params["context"] = match trigger % 4 {
                    0 => json!({"triggerKind": 1}),
                    1 => json!({"triggerKind": 2, "triggerCharacter": character}),
                    2 => json!({"triggerKind": 3}),
                    _ => Value::Null,
                };
                ("textDocument/completion", params)
            }
            Request::CodeAction(a, b, only) => {
                let mut context = json!({"diagnostics": []});
                if *only {
                    context["only"] = json!(["quickfix"]);
                }
                let params =
                    json!({"textDocument": document, "range": range(a, b), "context": context});
                ("textDocument/codeAction", params)
            }
            Request::Definition(p) => ("textDocument/definition", positioned(p)),
            Request::References(p, declaration) => {
                let mut params = positioned(p);
                params["context"] = json!({"includeDeclaration": declaration});
                ("textDocument/references", params)
            }
            Request::Highlight(p) => ("textDocument/documentHighlight", positioned(p)),
            Request::PrepareRename(p) => ("textDocument/prepareRename", positioned(p)),
            Request::Rename(p, name) => {
                let mut params = positioned(p);
                params["newName"] = json!(name.get());
                ("textDocument/rename", params)
            }
            Request::Symbols => (
                "textDocument/documentSymbol",
                json!({"textDocument": document}),
            ),
            Request::Folding => (
                "textDocument/foldingRange",
                json!({"textDocument": document}),
            ),
            Request::Selection(positions) => {
                let positions: Vec<_> = positions.iter().take(8).map(at).collect();
                let params = json!({"textDocument": document, "positions": positions});
                ("textDocument/selectionRange", params)
            }
            Request::InlayHints(a, b) => {
                let params = json!({"textDocument": document, "range": range(a, b)});
                ("textDocument/inlayHint", params)
            }
            Request::CodeLens => ("textDocument/codeLens", json!({"textDocument": document})),
            Request::PullDiagnostics(previous) => {
                let mut params = json!({"textDocument": document});
                if let Some(previous) = previous {
                    params["previousResultId"] = json!(previous);
                }
                ("textDocument/diagnostic", params)
            }
            Request::Unknown => ("podls/noSuchMethod", json!({})),
            Request::BadParams => (
                "textDocument/hover",
                json!({"textDocument": document, "position": {"line": "one", "character": 0}}),
            ),
            Request::InitializeAgain => ("initialize", json!({"capabilities": {}})),
        }
    }

    pub(super) async fn garbage(&mut self, garbage: Garbage) {
        let framed = |body: &[u8]| {
            let mut frame = format!("Content-Length: {}\r\n\r\n", body.len()).into_bytes();
            frame.extend_from_slice(body);
            frame
        };
        // No line break and no colon: the bytes stay one header line, never a `Content-Length`.
        let one_line = |bytes: &[u8]| -> Vec<u8> {
            bytes
                .iter()
                .copied()
                .filter(|b| !b"\r\n:".contains(b))
                .collect()
        };
        match garbage {
            Garbage::NotJson(bytes) => {
                let mut body = vec![0x01];
                body.extend(bytes);
                self.null_answers_due += 1;
                self.write(&framed(&body)).await;
            }
            Garbage::NotMessage(items) => {
                let body = Value::Array(items.iter().map(Json::value).collect()).to_string();
                self.null_answers_due += 1;
                self.write(&framed(body.as_bytes())).await;
            }
            Garbage::HeaderLine(bytes) => {
                let mut line = one_line(&bytes);
                line.extend(b"\r\n");
                self.write(&line).await;
            }
            Garbage::BadLength(bytes) => {
                let mut frame = b"Content-Length: x".to_vec();
                frame.extend(one_line(&bytes));
                frame.extend(b"\r\n\r\n");
                self.write(&frame).await;
            }
            Garbage::ExtraHeaders => {
                let body = r#"{"jsonrpc":"2.0","method":"podls/noSuchNotification","params":{}}"#;
                let frame = format!(
                    "X-Fuzz: 1\r\nContent-Length: {}\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n{body}",
                    body.len()
                );
                self.write(frame.as_bytes()).await;
            }
            Garbage::Response(result) => {
                let message =
                    json!({"jsonrpc": "2.0", "id": 987_654_321, "result": result.value()});
                self.send(message).await;
            }
            Garbage::CancelNothing(id) => {
                let id = 1_000_000 + i64::from(id);
                self.notify("$/cancelRequest", json!({"id": id})).await;
            }
        }
    }
}
