//! Completion through the real binary: while a Pod is typed edit by edit (incremental changes, a document
//! that does not parse yet), for clients with and without snippet support, and in UTF-16 positions.

use podls_e2e::{Client, offset, position};
use serde_json::{Value, json};

const URI: &str = "file:///work/pod.yaml";

/// A client that takes snippets (as VS Code and Neovim with a snippet engine do).
fn snippet_client() -> Client {
    let mut client = Client::start();
    client.initialize(json!({
        "textDocument": {"completion": {"completionItem": {"snippetSupport": true}}}
    }));
    client
}

/// `textDocument/completion` at the end of the last `needle` in the document (`context` as the client
/// sends it, or null); the items, empty when the server answers null.
fn complete_after(client: &mut Client, needle: &str, context: Value) -> Vec<Value> {
    let text = client.text(URI).to_owned();
    let at = text
        .rfind(needle)
        .unwrap_or_else(|| panic!("{needle:?} not in {text:?}"))
        + needle.len();
    let mut params = json!({
        "textDocument": {"uri": URI},
        "position": position(&text, at, client.encoding),
    });
    if !context.is_null() {
        params["context"] = context;
    }
    let result = client
        .request("textDocument/completion", params)
        .expect("completion succeeds");
    if result.is_null() {
        return Vec::new();
    }
    assert_eq!(result["isIncomplete"], json!(false));
    result["items"].as_array().cloned().unwrap_or_default()
}

fn item<'a>(items: &'a [Value], label: &str) -> &'a Value {
    items
        .iter()
        .find(|item| item["label"] == label)
        .unwrap_or_else(|| panic!("no item {label} in {items:#?}"))
}

fn labels(items: &[Value]) -> Vec<&str> {
    items
        .iter()
        .filter_map(|item| item["label"].as_str())
        .collect()
}

/// The document after applying an item's text edit.
fn apply(client: &Client, item: &Value) -> String {
    let text = client.text(URI);
    let edit = &item["textEdit"];
    let start = offset(text, &edit["range"]["start"], client.encoding);
    let end = offset(text, &edit["range"]["end"], client.encoding);
    let mut after = text.to_owned();
    after.replace_range(start..end, edit["newText"].as_str().unwrap());
    after
}

#[test]
fn advertises_completion_with_trigger_characters() {
    let mut client = Client::start();
    let result = client.initialize(json!({}));
    let triggers = &result["capabilities"]["completionProvider"]["triggerCharacters"];
    assert_eq!(triggers, &json!([" ", "-", ":"]));
}

#[test]
fn completion_while_a_pod_is_typed_edit_by_edit() {
    let mut client = snippet_client();
    client.open(URI, "");
    // An empty file: a whole Pod skeleton, as a snippet.
    let items = complete_after(&mut client, "", Value::Null);
    let pod = item(&items, "Pod");
    assert_eq!(pod["insertTextFormat"], json!(2));
    assert!(
        pod["textEdit"]["newText"]
            .as_str()
            .unwrap()
            .contains("${1:my-pod}")
    );

    // Typed by hand instead, one edit at a time; the document does not parse in between.
    client.edit_range(URI, 0..0, "apiVersion: v1\nkind: Pod\n");
    let end = client.text(URI).len();
    client.edit_range(
        URI,
        end..end,
        "spec:\n  containers:\n  - name: web\n    imag",
    );
    let items = complete_after(&mut client, "imag", Value::Null);
    let policy = item(&items, "imagePullPolicy");
    assert_eq!(policy["kind"], json!(5), "a field");
    assert_eq!(policy["sortText"], json!("1imagePullPolicy"));
    assert_eq!(
        item(&items, "image")["sortText"],
        json!("0image"),
        "required first"
    );
    assert!(
        policy["documentation"]["value"]
            .as_str()
            .unwrap()
            .contains("IfNotPresent")
    );
    assert!(
        apply(&client, policy)
            .ends_with("  - name: web\n    imagePullPolicy: ${1|Always,IfNotPresent,Never|}"),
        "{}",
        apply(&client, policy)
    );

    // The user picks `image`, then types on in a second container.
    assert!(apply(&client, item(&items, "image")).ends_with("  - name: web\n    image: "));
    let end = client.text(URI).len();
    client.edit_range(URI, end - "imag".len()..end, "image: nginx\n  - ");
    let items = complete_after(
        &mut client,
        "  - ",
        json!({"triggerKind": 2, "triggerCharacter": " "}),
    );
    assert_eq!(labels(&items)[..3], ["container", "image", "name"]);
    let end = client.text(URI).len();
    client.edit_range(
        URI,
        end..end,
        "name: sidecar\n    volumeMounts:\n    - name: ",
    );
    let end = client.text(URI).len();
    client.edit_range(
        URI,
        end..end,
        "\n  volumes:\n  - name: cache\n    emptyDir: {}\n",
    );
    let items = complete_after(
        &mut client,
        "volumeMounts:\n    - name: ",
        json!({"triggerKind": 2, "triggerCharacter": " "}),
    );
    assert_eq!(labels(&items), ["cache"]);

    // A blank typed inside a free-form value asks for nothing.
    let items = complete_after(
        &mut client,
        "name: side",
        json!({"triggerKind": 2, "triggerCharacter": " "}),
    );
    assert!(items.is_empty(), "{items:#?}");
}

#[test]
fn plain_text_for_a_client_without_snippets() {
    let mut client = Client::start();
    client.initialize(json!({}));
    client.open(URI, "");
    let items = complete_after(&mut client, "", Value::Null);
    let pod = item(&items, "Pod");
    assert_eq!(pod["insertTextFormat"], json!(1));
    assert_eq!(
        apply(&client, pod),
        "apiVersion: v1\nkind: Pod\nmetadata:\n  name: my-pod\nspec:\n  containers:\n    - name: app\n      image: nginx"
    );
    client.edit_range(
        URI,
        0..0,
        "kind: Pod\nspec:\n    restartPolicy: Never\n    ",
    );
    let items = complete_after(&mut client, "Never\n    ", Value::Null);
    for item in &items {
        assert_eq!(item["insertTextFormat"], json!(1), "{item}");
        assert!(
            !item["textEdit"]["newText"].as_str().unwrap().contains('$'),
            "{item}"
        );
    }
    assert!(!labels(&items).contains(&"restartPolicy"));
    assert_eq!(
        item(&items, "securityContext")["textEdit"]["newText"],
        json!("securityContext:\n        ")
    );
    assert_eq!(
        item(&items, "dnsPolicy")["textEdit"]["newText"],
        json!("dnsPolicy: ")
    );
}

#[test]
fn ranges_in_utf16_after_wide_characters() {
    let mut client = snippet_client();
    client.open(
        URI,
        "kind: Pod\nmetadata:\n  annotations: {note: \"部署 🚀\"}\n  lab\n",
    );
    let items = complete_after(&mut client, "  lab", Value::Null);
    let labels_item = item(&items, "labels");
    assert_eq!(
        labels_item["textEdit"]["range"]["start"],
        json!({"line": 3, "character": 2})
    );
    assert_eq!(
        apply(&client, labels_item),
        "kind: Pod\nmetadata:\n  annotations: {note: \"部署 🚀\"}\n  labels:\n    $0\n"
    );
    client.edit(
        URI,
        "  lab\n",
        "  labels: {app: web}\n  name: \"🚀\"\n---\nkind: Pod\nspec: { restartPolicy:  }\n",
    );
    let items = complete_after(&mut client, "restartPolicy: ", Value::Null);
    assert_eq!(labels(&items), ["Always", "Never", "OnFailure"]);
}

#[test]
fn nothing_for_other_kinds_and_comments() {
    let mut client = snippet_client();
    client.open(
        URI,
        "apiVersion: apps/v1\nkind: Deployment\nspec:\n  \n---\nkind: Pod\n# spec\n",
    );
    assert!(complete_after(&mut client, "spec:\n  ", Value::Null).is_empty());
    assert!(complete_after(&mut client, "# sp", Value::Null).is_empty());
}
