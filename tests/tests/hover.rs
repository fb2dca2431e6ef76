//! Hover through the real binary: field docs in English and Chinese (from `InitializeParams.locale`,
//! `initializationOptions`, `didChangeConfiguration` and the `workspace/configuration` pull), and the shapes
//! of YAML people write: CRLF, several documents, flow style, JSON.

use podls_e2e::{Client, POD, has_chinese};
use serde_json::{Value, json};

const URI: &str = "file:///work/pod.yaml";

fn started(params: Value) -> Client {
    let mut client = Client::start();
    client.initialize_with(params);
    client
}

fn hover_on(text: &str, needle: &str) -> Option<String> {
    let mut client = started(json!({}));
    client.open(URI, text);
    client.hover_on(URI, needle)
}

#[test]
fn image_pull_policy_in_english() {
    let docs = hover_on(POD, "imagePullPolicy").expect("docs for imagePullPolicy");
    assert!(docs.contains("imagePullPolicy"), "{docs}");
    assert!(docs.contains("IfNotPresent"), "{docs}");
    assert!(docs.contains("Always"), "{docs}");
    assert!(docs.contains("Never"), "{docs}");
    assert!(!has_chinese(&docs), "{docs}");
}

#[test]
fn hover_range_is_the_key() {
    let mut client = started(json!({}));
    client.open(URI, POD);
    let hover = client.hover_at(URI, json!({"line": 8, "character": 5}));
    let range = client.hover_range(URI, &hover).unwrap();
    assert_eq!(&POD[range], "containers");
}

#[test]
fn enum_value_explains_the_value() {
    let docs = hover_on(POD, "OnFailure").expect("docs for the OnFailure value");
    assert!(docs.contains("OnFailure"), "{docs}");
}

#[test]
fn unknown_keys_and_other_yaml_say_nothing() {
    assert_eq!(
        hover_on(
            &POD.replace("imagePullPolicy", "imagePullPolicyy"),
            "imagePullPolicyy"
        ),
        None
    );
    assert_eq!(
        hover_on(
            "apiVersion: apps/v1\nkind: Thing\nspec:\n  containers: []\n",
            "containers"
        ),
        None
    );
}

#[test]
fn chinese_from_the_client_locale() {
    let mut client = started(json!({"locale": "zh-CN"}));
    client.open(URI, POD);
    let docs = client.hover_on(URI, "imagePullPolicy").unwrap();
    assert!(has_chinese(&docs), "{docs}");
    assert!(docs.contains("IfNotPresent"), "{docs}");
}

#[test]
fn chinese_from_initialization_options() {
    let mut client =
        started(json!({"locale": "en", "initializationOptions": {"podls": {"locale": "zh-cn"}}}));
    client.open(URI, POD);
    assert!(has_chinese(&client.hover_on(URI, "restartPolicy").unwrap()));
}

#[test]
fn the_setting_overrides_the_client_locale_without_a_restart() {
    let mut client = started(json!({"locale": "zh-cn"}));
    client.open(URI, POD);
    assert!(has_chinese(
        &client.hover_on(URI, "imagePullPolicy").unwrap()
    ));

    client.notify(
        "workspace/didChangeConfiguration",
        json!({"settings": {"podls": {"locale": "en"}}}),
    );
    let english = client.hover_on(URI, "imagePullPolicy").unwrap();
    assert!(!has_chinese(&english), "{english}");

    client.notify(
        "workspace/didChangeConfiguration",
        json!({"settings": {"podls": {"locale": "zh-cn"}}}),
    );
    assert!(has_chinese(
        &client.hover_on(URI, "imagePullPolicy").unwrap()
    ));

    // Removing the setting falls back to the client's language (zh-cn here).
    client.notify(
        "workspace/didChangeConfiguration",
        json!({"settings": {"podls": {}}}),
    );
    assert!(has_chinese(
        &client.hover_on(URI, "imagePullPolicy").unwrap()
    ));
}

#[test]
fn settings_are_pulled_from_clients_that_offer_workspace_configuration() {
    let mut client = Client::start();
    client.configuration = json!({"locale": "zh-cn"});
    client.initialize(json!({
        "workspace": {"configuration": true, "didChangeConfiguration": {"dynamicRegistration": true}}
    }));
    client.open(URI, POD);
    // The pull is answered while the harness waits, so the first diagnostics come after it (or soon).
    client.wait_for_diagnostics(URI);
    let mut docs = client.hover_on(URI, "imagePullPolicy").unwrap();
    for _ in 0..50 {
        if has_chinese(&docs) {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
        docs = client.hover_on(URI, "imagePullPolicy").unwrap();
    }
    assert!(has_chinese(&docs), "{docs}");
    assert!(
        client
            .server_requests
            .iter()
            .any(|m| m == "workspace/configuration"),
        "{:?}",
        client.server_requests
    );
    assert!(
        client
            .server_requests
            .iter()
            .any(|m| m == "client/registerCapability"),
        "{:?}",
        client.server_requests
    );

    // An empty didChangeConfiguration (the pull model's "something changed") makes the server ask again.
    client.configuration = json!({"locale": "en"});
    client.notify(
        "workspace/didChangeConfiguration",
        json!({"settings": null}),
    );
    for _ in 0..50 {
        docs = client.hover_on(URI, "imagePullPolicy").unwrap();
        if !has_chinese(&docs) {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    assert!(!has_chinese(&docs), "{docs}");
}

#[test]
fn crlf_documents() {
    let crlf = POD.replace('\n', "\r\n");
    let mut client = started(json!({}));
    client.open(URI, &crlf);
    let docs = client.hover_on(URI, "imagePullPolicy").unwrap();
    assert!(docs.contains("IfNotPresent"), "{docs}");
    // The range ends before the `:` on the same line, not shifted by the `\r`s before it.
    let hover = client.hover_at(URI, json!({"line": 11, "character": 8}));
    assert_eq!(
        &crlf[client.hover_range(URI, &hover).unwrap()],
        "imagePullPolicy"
    );
}

#[test]
fn every_document_of_a_multi_document_file() {
    let text = format!(
        "apiVersion: v1\nkind: ConfigMap\ndata:\n  restartPolicy: x\n---\n{POD}---\nkind: Pod\napiVersion: v1\nspec:\n  hostNetwork: true\n"
    );
    let mut client = started(json!({}));
    client.open(URI, &text);
    // Not a Pod: nothing.
    assert_eq!(client.hover_on(URI, "restartPolicy"), None);
    let docs = client.hover_on(URI, "imagePullPolicy").unwrap();
    assert!(docs.contains("IfNotPresent"), "{docs}");
    let docs = client.hover_on(URI, "hostNetwork").unwrap();
    assert!(docs.contains("false"), "{docs}");
}

#[test]
fn flow_style_with_comments_and_trailing_commas() {
    let text = r#"{
  apiVersion: "v1",
  kind: "Pod", # a comment
  metadata: { name: "flow" },
  spec: {
    containers: [
      { name: "app", image: "busybox", imagePullPolicy: "Always", },
    ],
  },
}
"#;
    let docs = hover_on(text, "imagePullPolicy").expect("flow-style hover");
    assert!(docs.contains("IfNotPresent"), "{docs}");
}

#[test]
fn json_files() {
    let text = r#"{"apiVersion": "v1", "kind": "Pod", "spec": {"restartPolicy": "Never", "containers": []}}"#;
    let docs = hover_on(text, "restartPolicy").expect("JSON hover");
    assert!(docs.contains("OnFailure"), "{docs}");
}

#[test]
fn unknown_documents_answer_null_and_far_positions_are_clamped() {
    let mut client = started(json!({}));
    assert_eq!(client.hover(URI, 0, 0), Value::Null);
    client.open(URI, POD);
    // Past the end: clamped (to the line end, the document end), answered, never an error.
    client.hover(URI, 10_000, 3);
    client.hover(URI, 0, 10_000);
    client.hover(URI, u32::MAX, u32::MAX);
}
