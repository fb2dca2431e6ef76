//! Starting, negotiating and stopping the server: what `initialize` advertises, how it picks the position
//! encoding, the command line, and `shutdown`/`exit` with the exit codes the spec asks for.

use std::process::Command;

use podls_e2e::{Client, Encoding, binary};
use serde_json::{Value, json};

fn negotiated(position_encodings: Option<Value>) -> Value {
    let mut client = Client::start();
    let capabilities = match position_encodings {
        Some(offered) => json!({"general": {"positionEncodings": offered}}),
        None => json!({}),
    };
    let result = client.initialize(capabilities);
    assert_eq!(client.shutdown_and_exit().code(), Some(0));
    result
}

#[test]
fn advertises_incremental_sync_hover_and_server_info() {
    let result = negotiated(None);
    let capabilities = &result["capabilities"];
    // TextDocumentSyncKind.Incremental = 2; `save` without the text: a saved `podls.toml` is read again
    // from the disk (for clients that do not watch files), a saved manifest refreshes the workspace's copy
    // that other files' names are resolved against.
    assert_eq!(
        capabilities["textDocumentSync"],
        json!({"openClose": true, "change": 2, "save": true})
    );
    assert_eq!(capabilities["hoverProvider"], json!(true));
    assert_eq!(result["serverInfo"]["name"], "podls");
    assert_eq!(result["serverInfo"]["version"], env!("CARGO_PKG_VERSION"));
}

#[test]
fn utf16_is_the_default_encoding() {
    assert_eq!(
        negotiated(None)["capabilities"]["positionEncoding"],
        "utf-16"
    );
    assert_eq!(
        negotiated(Some(json!([])))["capabilities"]["positionEncoding"],
        "utf-16"
    );
    assert_eq!(
        negotiated(Some(json!(["utf-16"])))["capabilities"]["positionEncoding"],
        "utf-16"
    );
}

#[test]
fn utf8_is_chosen_when_offered() {
    let result = negotiated(Some(json!(["utf-16", "utf-8"])));
    assert_eq!(result["capabilities"]["positionEncoding"], "utf-8");
    let result = negotiated(Some(json!(["utf-32", "utf-8", "utf-16"])));
    assert_eq!(result["capabilities"]["positionEncoding"], "utf-8");
}

#[test]
fn utf32_is_chosen_over_utf16() {
    let result = negotiated(Some(json!(["utf-16", "utf-32"])));
    assert_eq!(result["capabilities"]["positionEncoding"], "utf-32");
}

#[test]
fn the_client_sees_the_negotiated_encoding() {
    let mut client = Client::start();
    client.initialize(json!({"general": {"positionEncodings": ["utf-8", "utf-16"]}}));
    assert_eq!(client.encoding, Encoding::Utf8);
}

#[test]
fn shutdown_then_exit_ends_with_0() {
    let mut client = Client::start();
    client.initialize(json!({}));
    client.open("file:///pod.yaml", podls_e2e::POD);
    client.wait_for_diagnostics("file:///pod.yaml");
    assert_eq!(client.shutdown_and_exit().code(), Some(0));
}

#[test]
fn requests_after_shutdown_are_refused() {
    let mut client = Client::start();
    client.initialize(json!({}));
    client.request("shutdown", Value::Null).unwrap();
    let error = client
        .request("textDocument/hover", json!({"textDocument": {"uri": "file:///x.yaml"}, "position": {"line": 0, "character": 0}}))
        .unwrap_err();
    // InvalidRequest (-32600), as LSP asks after shutdown.
    assert_eq!(error["code"], -32600);
    assert_eq!(client.exit().code(), Some(0));
}

#[test]
fn exit_without_shutdown_ends_with_1() {
    let mut client = Client::start();
    client.initialize(json!({}));
    assert_eq!(client.exit().code(), Some(1));
}

#[test]
fn requests_before_initialize_are_refused() {
    let mut client = Client::start();
    let error = client
        .request("textDocument/hover", json!({"textDocument": {"uri": "file:///x.yaml"}, "position": {"line": 0, "character": 0}}))
        .unwrap_err();
    // ServerNotInitialized.
    assert_eq!(error["code"], -32002);
}

#[test]
fn command_line_version_and_help() {
    let version = Command::new(binary()).arg("--version").output().unwrap();
    assert!(version.status.success());
    // The first line is the version; the commit and the table's Kubernetes versions follow (tests/rules.rs).
    assert_eq!(
        String::from_utf8_lossy(&version.stdout).lines().next(),
        Some(format!("podls {}", env!("CARGO_PKG_VERSION")).as_str())
    );

    let help = Command::new(binary()).arg("--help").output().unwrap();
    assert!(help.status.success());
    let help = String::from_utf8_lossy(&help.stdout);
    assert!(help.contains("--stdio"), "{help}");
    assert!(help.contains("Language Server Protocol"), "{help}");

    let wrong = Command::new(binary())
        .arg("--no-such-flag")
        .output()
        .unwrap();
    assert_eq!(wrong.status.code(), Some(2));
}
