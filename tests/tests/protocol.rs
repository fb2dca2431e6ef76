//! The JSON-RPC layer through the real binary, whatever the client sends: bodies that are not JSON or not a
//! message, params that do not read, cancellation, tracing. (Shutdown and exit codes: lifecycle.rs.)

use podls_e2e::{Client, POD};
use serde_json::{Value, json};

const URI: &str = "file:///work/protocol.yaml";

/// `body` in a frame, whatever its bytes.
fn raw_frame(body: &[u8]) -> Vec<u8> {
    let mut frame = format!("Content-Length: {}\r\n\r\n", body.len()).into_bytes();
    frame.extend_from_slice(body);
    frame
}

fn started() -> Client {
    let mut client = Client::start();
    client.initialize(json!({}));
    client
}

/// A hover on `imagePullPolicy` in an open Pod gets its docs: the server still serves analysis.
fn assert_still_serving(client: &mut Client) {
    client.open(URI, POD);
    let docs = client
        .hover_on(URI, "imagePullPolicy")
        .expect("hover on a healthy document");
    assert!(docs.contains("IfNotPresent"), "{docs}");
}

fn error_of(response: &Value) -> (i64, String) {
    let error = &response["error"];
    (
        error["code"].as_i64().expect("an error code"),
        error["message"].as_str().unwrap_or_default().to_owned(),
    )
}

#[test]
fn a_body_that_is_not_json_gets_a_parse_error_and_the_server_goes_on() {
    let mut client = started();
    for body in [
        &b"{not json"[..],
        b"\xff\xfe\xfd",
        b"",
        b"{\"jsonrpc\":\"2.0\",\"id\":1,",
    ] {
        client.write_raw(&raw_frame(body));
        let response = client.response(Value::Null);
        assert_eq!(response["jsonrpc"], "2.0", "{response}");
        let (code, message) = error_of(&response);
        assert_eq!(code, -32700, "{response}");
        assert!(message.starts_with("Parse error"), "{message}");
    }
    assert_still_serving(&mut client);
    assert_eq!(client.shutdown_and_exit().code(), Some(0));
}

#[test]
fn json_that_is_not_a_message_gets_invalid_request() {
    let mut client = started();
    for body in [
        "[1]",
        "\"a string\"",
        "{}",
        r#"{"jsonrpc":"1.0","method":"exit"}"#,
    ] {
        client.write_raw(&raw_frame(body.as_bytes()));
        assert_eq!(error_of(&client.response(Value::Null)).0, -32600, "{body}");
    }
    // When the broken request has a usable id, the answer carries it.
    client.write_raw(&raw_frame(br#"{"jsonrpc":"2.0","id":"odd","method":5}"#));
    assert_eq!(error_of(&client.response(json!("odd"))).0, -32600);
    assert_still_serving(&mut client);
    assert_eq!(client.shutdown_and_exit().code(), Some(0));
}

#[test]
fn invalid_params_say_which_param() {
    let mut client = started();
    client.open(URI, POD);
    let document = json!({"uri": URI});
    for (method, params, param) in [
        (
            "textDocument/hover",
            json!({"textDocument": 1, "position": {"line": 0, "character": 0}}),
            "params.textDocument",
        ),
        (
            "textDocument/hover",
            json!({"textDocument": document, "position": {"line": "two", "character": 0}}),
            "params.position.line",
        ),
        (
            "textDocument/completion",
            json!({"textDocument": document, "position": {"line": 0, "character": -3}}),
            "params.position.character",
        ),
        (
            "textDocument/completion",
            json!({"textDocument": document}),
            "missing field `position`",
        ),
        (
            "textDocument/codeAction",
            json!({"textDocument": document, "range": {"start": {"line": 0, "character": 0}, "end": {"line": 0}},
                   "context": {"diagnostics": []}}),
            "params.range.end: missing field `character`",
        ),
        ("textDocument/documentSymbol", json!([]), "params"),
    ] {
        let error = client
            .request(method, params.clone())
            .expect_err("bad params are refused");
        assert_eq!(error["code"], -32602, "{method} {params}: {error}");
        let message = error["message"].as_str().unwrap_or_default();
        assert!(message.contains(param), "{method} {params}: {message}");
        assert!(message.contains(method), "{message}");
    }
    assert_still_serving(&mut client);
    assert_eq!(client.shutdown_and_exit().code(), Some(0));
}

#[test]
fn cancel_request_cancels_a_request_not_yet_answered() {
    let mut client = started();
    client.open(URI, POD);
    client.wait_for_diagnostics(URI);
    // The hover and its cancellation arrive together, so the hover has not been answered when the cancel
    // is read: it is answered RequestCancelled instead of its result.
    let line = POD
        .lines()
        .position(|l| l.contains("imagePullPolicy"))
        .unwrap();
    let at = json!({"textDocument": {"uri": URI}, "position": {"line": line, "character": 10}});
    let (mut bytes, id) = client.framed_request("textDocument/hover", at.clone());
    bytes.extend(podls_e2e::frame(
        &json!({"jsonrpc": "2.0", "method": "$/cancelRequest", "params": {"id": id}}),
    ));
    client.write_raw(&bytes);
    let (code, _) = error_of(&client.response(json!(id)));
    assert_eq!(code, -32800);
    // The same hover, not cancelled, is answered; a cancel for a request already answered changes nothing.
    let docs = client
        .request("textDocument/hover", at)
        .expect("hover answers");
    assert!(
        docs["contents"]["value"]
            .as_str()
            .unwrap()
            .contains("IfNotPresent"),
        "{docs}"
    );
    client.notify("$/cancelRequest", json!({"id": id}));
    client.notify("$/cancelRequest", json!({"id": "never-sent"}));
    assert_still_serving(&mut client);
    assert_eq!(client.shutdown_and_exit().code(), Some(0));
}

/// Edits the document there and back and returns the `$/logTrace` notifications sent before the two
/// publications. Both are awaited: a trace of the second edit arriving after the take would be counted in the
/// next call, at the next trace level.
fn traces_of_an_edit(client: &mut Client) -> Vec<Value> {
    for (from, to) in [("name: web", "name: web2"), ("name: web2", "name: web")] {
        let version = client.edit(URI, from, to);
        client.wait_for_diagnostics_of_version(URI, version);
    }
    client.take_notifications("$/logTrace")
}

#[test]
fn set_trace_turns_log_trace_on_and_off() {
    let mut client = Client::start();
    client.initialize_with(json!({"trace": "off"}));
    client.open(URI, POD);
    client.wait_for_diagnostics(URI);
    assert_eq!(traces_of_an_edit(&mut client), Vec::<Value>::new());

    client.notify("$/setTrace", json!({"value": "messages"}));
    let traces = traces_of_an_edit(&mut client);
    assert!(!traces.is_empty());
    let params = &traces[0]["params"];
    assert!(
        params["message"].as_str().unwrap().contains(URI),
        "{params}"
    );
    assert!(params.get("verbose").is_none_or(Value::is_null), "{params}");

    client.notify("$/setTrace", json!({"value": "verbose"}));
    let traces = traces_of_an_edit(&mut client);
    assert!(traces[0]["params"]["verbose"].is_string(), "{traces:?}");

    client.notify("$/setTrace", json!({"value": "off"}));
    assert_eq!(traces_of_an_edit(&mut client), Vec::<Value>::new());
    // A bad value is ignored; a `$/logTrace` sent by the client (it is the server's to send) too.
    client.notify("$/setTrace", json!({"value": "loud"}));
    client.notify("$/logTrace", json!({"message": "from the client"}));
    assert_still_serving(&mut client);
    assert_eq!(client.shutdown_and_exit().code(), Some(0));
}

#[test]
fn the_trace_of_initialize_is_followed() {
    let mut client = Client::start();
    client.initialize_with(json!({"trace": "verbose"}));
    client.open(URI, POD);
    client.wait_for_diagnostics(URI);
    let traces = client.take_notifications("$/logTrace");
    assert!(
        traces.iter().any(|t| t["params"]["verbose"].is_string()),
        "{traces:?}"
    );
    assert_eq!(client.shutdown_and_exit().code(), Some(0));
}
