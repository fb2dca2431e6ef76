//! Diagnostics through the real binary: YAML syntax errors, published with the document's version, at the
//! place to fix; cleared when fixed or closed; nothing for files without a Pod.

use podls_e2e::{Client, POD};
use serde_json::json;

const URI: &str = "file:///work/broken.yaml";

#[test]
fn a_valid_pod_has_no_diagnostics() {
    let mut client = Client::start();
    client.initialize(json!({}));
    client.open(URI, POD);
    let published = client.wait_for_diagnostics(URI);
    assert_eq!(published["version"], 1);
    assert_eq!(published["diagnostics"], json!([]));
}

#[test]
fn a_syntax_error_is_published_with_the_version() {
    let mut client = Client::start();
    client.initialize(json!({}));
    client.open(URI, POD);
    client.wait_for_diagnostics(URI);

    // An unclosed flow sequence.
    let version = client.edit(URI, "containerPort: 80", "containerPort: [80");
    let published = client.wait_for_diagnostics_of_version(URI, version);
    let diagnostics = published["diagnostics"].as_array().unwrap();
    // The schema checks may also complain about the half-parsed value; the syntax error is the one to fix.
    let error = diagnostics
        .iter()
        .find(|d| d["code"] == "yaml-syntax")
        .unwrap_or_else(|| panic!("{published}"));
    assert_eq!(error["severity"], 1, "{error}");
    assert_eq!(error["source"], "podls");
    assert!(!error["message"].as_str().unwrap().is_empty());
    // The range is inside the document and not before the edit.
    let edit_line = client
        .text(URI)
        .lines()
        .position(|l| l.contains("[80"))
        .unwrap() as u64;
    assert!(
        error["range"]["start"]["line"].as_u64().unwrap() >= edit_line,
        "{error}"
    );
    assert!(
        error["range"]["end"]["line"].as_u64().unwrap() <= client.text(URI).lines().count() as u64
    );

    // Fixed: an empty list, with the new version.
    let version = client.edit(URI, "[80", "80");
    let published = client.wait_for_diagnostics_of_version(URI, version);
    assert_eq!(published["diagnostics"], json!([]));
}

#[test]
fn an_error_in_one_document_leaves_the_others_working() {
    let text = format!("apiVersion: v1\nkind: Pod\nspec: {{containers: [\n---\n{POD}");
    let mut client = Client::start();
    client.initialize(json!({}));
    client.open(URI, &text);
    let published = client.wait_for_diagnostics(URI);
    let diagnostics = published["diagnostics"].as_array().unwrap();
    assert!(!diagnostics.is_empty(), "{published}");
    assert!(
        diagnostics
            .iter()
            .all(|d| d["range"]["start"]["line"].as_u64().unwrap() < 4),
        "{published}"
    );
    let docs = client.hover_on(URI, "imagePullPolicy").unwrap();
    assert!(docs.contains("IfNotPresent"));
}

#[test]
fn a_bad_indentation_error_points_at_its_line() {
    let text = "apiVersion: v1\nkind: Pod\nspec:\n  containers:\n    - name: a\n   image: b\n";
    let mut client = Client::start();
    client.initialize(json!({}));
    client.open(URI, text);
    let published = client.wait_for_diagnostics(URI);
    let diagnostics = published["diagnostics"].as_array().unwrap();
    let error = diagnostics
        .iter()
        .find(|d| d["code"] == "yaml-syntax")
        .unwrap_or_else(|| panic!("{published}"));
    let line = error["range"]["start"]["line"].as_u64().unwrap();
    assert!((4..=5).contains(&line), "{published}");
}

#[test]
fn closing_clears_the_diagnostics() {
    let mut client = Client::start();
    client.initialize(json!({}));
    client.open(URI, "apiVersion: v1\nkind: Pod\nspec: [\n");
    assert!(
        !client.wait_for_diagnostics(URI)["diagnostics"]
            .as_array()
            .unwrap()
            .is_empty()
    );
    client.notify(
        "textDocument/didClose",
        json!({"textDocument": {"uri": URI}}),
    );
    assert_eq!(client.wait_for_diagnostics(URI)["diagnostics"], json!([]));
}

#[test]
fn files_without_a_pod_get_nothing_until_they_hold_one() {
    // The server decides which files it serves: another YAML extension owns a ConfigMap or a workflow file,
    // so even their syntax errors are not podls' to report.
    let mut client = Client::start();
    client.initialize(json!({}));
    client.open(URI, "kind: ConfigMap\ndata:\n  a: 1\n  a: 2\nb: [\n");
    let published = client.wait_for_diagnostics(URI);
    assert_eq!(published["diagnostics"], json!([]), "{published}");

    // Once one of its documents is a Pod, the whole file is served (the ConfigMap's errors included).
    let version = client.edit(
        URI,
        "b: [\n",
        "b: [\n---\napiVersion: v1\nkind: Pod\nspec: {}\n",
    );
    let published = client.wait_for_diagnostics_of_version(URI, version);
    let codes: Vec<&str> = published["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|d| d["code"].as_str())
        .collect();
    assert!(codes.contains(&"duplicate-key"), "{published}");
    assert!(codes.contains(&"yaml-syntax"), "{published}");
    assert!(codes.contains(&"missing-required"), "{published}");
}
