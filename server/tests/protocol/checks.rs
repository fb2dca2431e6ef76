//! What comes back from the server, checked as it arrives: answers (once each, under their id, with every
//! range inside the document), the server's own requests (answered), publications (of a version the client
//! sent, monotonic, inside that version's text), and what must hold once the server is gone.

use serde_json::{Value, json};

use super::client::{Client, Kind};
use super::model;
use super::session::Request;

impl Client {
    /// One message from the server: an answer (checked), a request (answered), a notification (checked).
    pub(super) async fn handle(&mut self, message: Value) {
        let method = message
            .get("method")
            .and_then(Value::as_str)
            .map(str::to_owned);
        match (method, message.get("id").cloned()) {
            (Some(method), Some(id)) => {
                let result = match method.as_str() {
                    "workspace/configuration" => json!([self.pulled]),
                    _ => Value::Null,
                };
                if self.input.is_some() {
                    self.send(json!({"jsonrpc": "2.0", "id": id, "result": result}))
                        .await;
                }
            }
            (Some(method), None) => self.notification(&method, &message["params"]),
            (None, Some(Value::Null)) => {
                let code = message["error"]["code"].as_i64();
                assert!(
                    matches!(code, Some(-32700 | -32600)),
                    "an answer with id null that is not a Parse error or Invalid Request: {message}"
                );
                self.null_answers += 1;
            }
            (None, Some(id)) => self.answer(id.as_i64().expect("our ids are numbers"), &message),
            (None, None) => panic!("a message that is no message: {message}"),
        }
    }

    fn notification(&mut self, method: &str, params: &Value) {
        match method {
            "textDocument/publishDiagnostics" => {
                assert!(
                    !self.pulls,
                    "diagnostics pushed to a client that pulls them: {params}"
                );
                let uri = params["uri"].as_str().expect("a uri").to_owned();
                let version = params.get("version").and_then(Value::as_i64);
                let diagnostics = params["diagnostics"].as_array().map_or(0, Vec::len);
                let text = match version {
                    Some(version) => {
                        let text = self.history.get(&(uri.clone(), version as i32));
                        text.unwrap_or_else(|| {
                            panic!("published for version {version} of {uri}, never sent")
                        })
                        .clone()
                    }
                    None => {
                        assert_eq!(diagnostics, 0, "diagnostics without a version: {params}");
                        String::new()
                    }
                };
                let problems = model::check_answer(
                    &params["diagnostics"],
                    &uri,
                    &|other| {
                        if other == uri {
                            Some(text.clone())
                        } else {
                            self.text_of(other)
                        }
                    },
                    self.encoding,
                );
                assert!(
                    problems.is_empty(),
                    "publishDiagnostics: {problems:?}\n{params}"
                );
                let earlier = self.published.entry(uri.clone()).or_default();
                let newest = earlier.iter().filter_map(|(v, _)| *v).max();
                assert!(
                    version.is_none() || newest.is_none_or(|newest| version >= Some(newest)),
                    "version {version:?} of {uri} published after version {newest:?}"
                );
                earlier.push((version, diagnostics));
            }
            "$/logTrace" => self.trace_messages += 1,
            _ => {}
        }
    }

    fn answer(&mut self, id: i64, message: &Value) {
        *self.answers.entry(id).or_default() += 1;
        let Some(pending) = self.pending.remove(&id) else {
            panic!("an answer to {id}, which is not waiting: {message}");
        };
        let context = || format!("{pending:?}: {message}");
        if let Some(error) = message.get("error") {
            let code = error["code"].as_i64().unwrap_or_default();
            assert_ne!(
                code,
                -32603,
                "an internal error (a caught panic): {}",
                context()
            );
            let request = match &pending.kind {
                Kind::Session(request) => request,
                Kind::Initialize | Kind::Shutdown => panic!("error {code}: {}", context()),
            };
            let expected = match (request, pending.after_shutdown) {
                (Request::BadParams, _) => code == -32602,
                (Request::Unknown, after) => code == -32601 || (after && code == -32600),
                (Request::InitializeAgain, _) => true,
                (_, true) => code == -32600,
                (_, false) if pending.cancelled && code == -32800 => true,
                (Request::Rename(..) | Request::PrepareRename(_), false) => true,
                _ => false,
            };
            assert!(expected, "error {code}: {}", context());
            if matches!(request, Request::BadParams) {
                let text = error["message"].as_str().unwrap_or_default();
                assert!(
                    text.contains("params.position.line"),
                    "the param is named: {}",
                    context()
                );
            }
            return;
        }
        let refused = matches!(
            pending.kind,
            Kind::Session(Request::BadParams | Request::Unknown | Request::InitializeAgain)
        );
        assert!(
            !refused && !pending.after_shutdown,
            "a result: {}",
            context()
        );
        let result = &message["result"];
        let problems = model::check_answer(
            result,
            &pending.uri,
            &|uri| self.text_of(uri),
            self.encoding,
        );
        assert!(problems.is_empty(), "{problems:?}\n{}", context());
    }

    /// The checks once the server has exited and its last message is read.
    pub(super) fn finish(&self) {
        assert!(
            self.pending.is_empty(),
            "never answered: {:?}",
            self.pending
        );
        let twice: Vec<_> = self.answers.iter().filter(|(_, n)| **n != 1).collect();
        assert!(twice.is_empty(), "answered more than once: {twice:?}");
        assert_eq!(
            self.null_answers, self.null_answers_due,
            "answers with id null to frames that are not messages"
        );
        if !self.trace_ever_on {
            assert_eq!(self.trace_messages, 0, "$/logTrace with the trace off");
        }
        if self.pulls {
            return;
        }
        if let Some((uri, due)) = self.behind() {
            panic!(
                "{uri}: the last diagnostics are not {due:?} (its latest version, or empty once closed): {:?}",
                self.published.get(&uri)
            );
        }
    }
}
