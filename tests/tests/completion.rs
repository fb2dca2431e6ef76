//! Completion through the real binary: a Pod built from an empty file by accepting items as VS Code and
//! Neovim accept them (2- and 4-space documents, flow style), checked byte for byte and free of podls errors
//! at every step; while a Pod is typed edit by edit; for clients without snippets; in UTF-16 positions.

#[path = "completion/editors.rs"]
mod editors;
#[path = "completion/scenarios.rs"]
mod scenarios;
#[path = "completion/workloads.rs"]
mod workloads;

use editors::{Editor, Session, URI};
use podls_e2e::{Client, offset, position};
use scenarios::SKELETON;
use serde_json::{Value, json};

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
    assert_eq!(
        labels(&items),
        [
            "image",
            "imagePullPolicy",
            "terminationMessagePath",
            "terminationMessagePolicy"
        ],
        "required first, then those starting with `imag`"
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
    assert!(apply(&client, item(&items, "image")).ends_with("  - name: web\n    image: $0"));
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
        "apiVersion: v1\nkind: Pod\nmetadata:\n  name: my-pod\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27"
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
    // Relative to the line: the client adds its two blanks.
    assert_eq!(
        apply(&client, labels_item),
        "kind: Pod\nmetadata:\n  annotations: {note: \"部署 🚀\"}\n  labels:\n  $0\n"
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
        "apiVersion: v1\nkind: Service\nspec:\n  \n---\nkind: Pod\n# spec\n",
    );
    assert!(complete_after(&mut client, "spec:\n  ", Value::Null).is_empty());
    assert!(complete_after(&mut client, "# sp", Value::Null).is_empty());
}

#[test]
fn a_deployment_spec_offers_the_deployment_fields() {
    let mut client = snippet_client();
    client.open(URI, "apiVersion: apps/v1\nkind: Deployment\nspec:\n  \n");
    let items = complete_after(&mut client, "spec:\n  ", Value::Null);
    let offered = labels(&items);
    for field in ["replicas", "selector", "strategy", "template"] {
        assert!(offered.contains(&field), "{field} in {offered:?}");
    }
    assert!(!offered.contains(&"containers"), "{offered:?}");
}

#[test]
fn flow_style_in_both_editors() {
    for editor in [Editor::VsCode, Editor::VsCodeAdjusting, Editor::Neovim] {
        let start = "{ apiVersion: v1, kind: Pod, metadata: { name: a }, spec: { containers: [ { name: a, ima } ] } }";
        let mut s = Session::new(editor, start);
        s.end_of_line_with("");
        s.cursor = start.find("ima }").unwrap() + 3;
        s.accept("image");
        s.type_text("nginx:1.27");
        s.check("{ apiVersion: v1, kind: Pod, metadata: { name: a }, spec: { containers: [ { name: a, image: nginx:1.27 } ] } }");
        s.no_errors();
        s.cursor = s.text().find("] }").unwrap() + 1;
        s.complete(", rest", "restartPolicy");
        s.check("{ apiVersion: v1, kind: Pod, metadata: { name: a }, spec: { containers: [ { name: a, image: nginx:1.27 } ], restartPolicy: Always } }");
        s.no_errors();
    }
}

#[test]
fn values_after_the_colon_trigger_are_inserted_whole() {
    // Neovim inserts nothing of a plain-text `" Never"` (its first non-blank run is empty).
    for editor in [Editor::VsCode, Editor::VsCodeAdjusting, Editor::Neovim] {
        let start = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\nspec:\n  containers:\n    - name: a\n      image: nginx:1.27\n  restartPolicy";
        let mut s = Session::new(editor, start);
        s.complete(":", "Never");
        s.check(&format!("{start}: Never"));
        s.no_errors();
    }
}

#[test]
fn a_client_without_snippets_gets_whole_lines_as_they_are() {
    let mut s = Session::new(Editor::Plain, "");
    s.accept("Pod");
    s.check(SKELETON);
    s.new_line_at(6);
    s.complete("po", "ports");
    s.check(&format!("{SKELETON}\n      ports:\n        - "));
    s.complete("cont", "containerPort");
    s.type_text("80");
    s.check(&format!(
        "{SKELETON}\n      ports:\n        - containerPort: 80"
    ));
    s.no_errors();
}

#[test]
fn enum_defaults_come_first_and_are_preselected() {
    let mut s = Session::new(
        Editor::VsCode,
        "kind: Pod\nspec:\n  containers:\n    - name: a\n      ports:\n        - containerPort: 53\n          protocol: ",
    );
    let items = s.items();
    assert_eq!(labels(&items), ["TCP", "SCTP", "UDP"]);
    assert_eq!(items[0]["preselect"], json!(true));
    assert!(items[1].get("preselect").is_none());
}

#[test]
fn vs_code_gets_absolute_indentation_marked_as_is() {
    let mut s = Session::new(
        Editor::VsCode,
        "kind: Pod\nspec:\n  containers:\n    - name: a\n      po",
    );
    let items = s.items();
    let ports = item(&items, "ports");
    assert_eq!(ports["insertTextMode"], json!(1));
    assert_eq!(ports["textEdit"]["newText"], json!("ports:\n        - $0"));
    let mut s = Session::new(
        Editor::Neovim,
        "kind: Pod\nspec:\n  containers:\n    - name: a\n      po",
    );
    let items = s.items();
    let ports = item(&items, "ports");
    assert!(ports.get("insertTextMode").is_none());
    assert_eq!(ports["textEdit"]["newText"], json!("ports:\n  - $0"));
}
