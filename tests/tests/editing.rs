//! Incremental edits through the real binary: a series of changes whose ranges are computed in the negotiated
//! encoding across emoji and CJK text, then hovers that must land on the right key — which they only do if
//! the server's copy of the text is exactly the client's.

use podls_e2e::{Client, Encoding, POD};
use serde_json::json;

const URI: &str = "file:///work/edited.yaml";

/// Starts with a Pod full of multi-byte text, edits it step by step, and checks hovers after each step.
fn edit_session(offered: &[&str], expected: Encoding) {
    let mut client = Client::start();
    client.initialize(json!({"general": {"positionEncodings": offered}}));
    assert_eq!(client.encoding, expected);

    let text = "\
# 😀 demo pod — 演示用的 Pod 🚀
apiVersion: v1
kind: Pod
metadata:
  name: \"😀-web\" # 名字
  labels: {app: 网站}
spec:
  containers:
    - name: nginx # 👩‍👩‍👧 family emoji (a ZWJ sequence)
      image: nginx:1.27
";
    client.open(URI, text);

    // Type after multi-byte text on the same line, so any unit mix-up shifts the edit.
    client.edit(URI, "# 名字", "# 名字（中文）😀");
    client.edit(URI, "(a ZWJ sequence)", "");
    client.edit(URI, "演示用的", "演示");
    // Add a field after the emoji-heavy lines.
    client.edit(
        URI,
        "image: nginx:1.27\n",
        "image: nginx:1.27\n      imagePullPolicy: Always # 拉取策略 🐳\n",
    );
    // Insert a line at the very start, shifting everything below.
    client.edit(URI, "# 😀", "# 第一行 🧪\n# 😀");
    // Replace inside the flow mapping, between CJK characters.
    client.edit(URI, "{app: 网站}", "{app: 网站, tier: 前端}");

    let docs = client
        .hover_on(URI, "imagePullPolicy")
        .expect("hover after the edits");
    assert!(docs.contains("IfNotPresent"), "{docs}");
    // The hover range, mapped back with the harness's copy, is exactly the key.
    let key = client.text(URI).find("imagePullPolicy").unwrap();
    let position = podls_e2e::position(client.text(URI), key + 3, client.encoding);
    let hover = client.hover_at(URI, position);
    let range = client.hover_range(URI, &hover).unwrap();
    assert_eq!(&client.text(URI)[range], "imagePullPolicy");

    let docs = client.hover_on(URI, "labels").expect("hover on labels");
    assert!(docs.to_lowercase().contains("label"), "{docs}");

    // Delete the field again and check it is gone from the server's tree.
    let start = client.text(URI).find("      imagePullPolicy").unwrap();
    let end = start + client.text(URI)[start..].find('\n').unwrap() + 1;
    client.edit_range(URI, start..end, "");
    assert!(client.hover_on(URI, "image").is_some());
    // The diagnostics of the final version point at exactly the invalid names in the client's text: their
    // ranges went through the same conversion, the other way.
    let version = client.version(URI);
    let published = client.wait_for_diagnostics_of_version(URI, version);
    let text = client.text(URI);
    let flagged: Vec<&str> = published["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            let start = podls_e2e::offset(text, &d["range"]["start"], client.encoding);
            let end = podls_e2e::offset(text, &d["range"]["end"], client.encoding);
            &text[start..end]
        })
        .collect();
    assert_eq!(flagged, ["\"😀-web\"", "网站", "前端"], "{published}");
}

#[test]
fn incremental_edits_in_utf16() {
    edit_session(&["utf-16"], Encoding::Utf16);
}

#[test]
fn incremental_edits_in_utf8() {
    edit_session(&["utf-16", "utf-8"], Encoding::Utf8);
}

#[test]
fn incremental_edits_in_utf32() {
    edit_session(&["utf-32", "utf-16"], Encoding::Utf32);
}

#[test]
fn a_hover_sent_right_after_an_edit_sees_it() {
    let mut client = Client::start();
    client.initialize(json!({}));
    client.open(
        URI,
        &POD.replace("imagePullPolicy: IfNotPresent", "pullPolicy: IfNotPresent"),
    );
    // No waiting between the change and the hover: the server must apply the change first.
    for round in 0..20 {
        let (old, new) = if round % 2 == 0 {
            ("pullPolicy", "imagePullPolicy")
        } else {
            ("imagePullPolicy", "pullPolicy")
        };
        client.edit(URI, old, new);
        let found = client.hover_on(URI, new);
        assert_eq!(
            found.is_some(),
            new == "imagePullPolicy",
            "round {round}: {found:?}"
        );
    }
}

#[test]
fn several_changes_in_one_notification_apply_in_order() {
    let mut client = Client::start();
    client.initialize(json!({}));
    client.open(URI, "kind: Pod\n");
    // Each range is in the text the previous change left.
    client.change(
        URI,
        2,
        vec![
            json!({"range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}}, "text": "apiVersion: v1\n"}),
            json!({"range": {"start": {"line": 2, "character": 0}, "end": {"line": 2, "character": 0}}, "text": "spec:\n  hostNetwork: true\n"}),
            json!({"range": {"start": {"line": 0, "character": 12}, "end": {"line": 0, "character": 14}}, "text": "v1"}),
        ],
    );
    let hover = client.hover(URI, 3, 5);
    assert!(
        hover["contents"]["value"]
            .as_str()
            .unwrap_or_default()
            .contains("hostNetwork"),
        "{hover}"
    );
}

#[test]
fn full_text_changes() {
    let mut client = Client::start();
    client.initialize(json!({}));
    client.open(URI, "");
    client.change(URI, 2, vec![json!({"text": POD})]);
    assert_eq!(
        client.wait_for_diagnostics_of_version(URI, 2)["diagnostics"],
        json!([])
    );
    let hover = client.hover(URI, 11, 8);
    assert!(
        hover["contents"]["value"]
            .as_str()
            .unwrap()
            .contains("IfNotPresent"),
        "{hover}"
    );
}
