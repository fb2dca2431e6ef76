//! Quick fixes through the real binary, as an editor applies them: the code actions for a range, each
//! action's workspace edit applied to the document, and the diagnostic it fixes gone afterwards. Messages
//! and titles are plain text (no Markdown backticks), the same in a diagnostic and in the action fixing it.

use podls_e2e::{Client, Encoding, offset};
use serde_json::{Value, json};

const URI: &str = "file:///work/pod.yaml";

const PROBE: &str = "\
apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  restartPolicy: Nevr
  containers:
    - name: web
      image: nginx:1.27
      livenessProbe:
        httpGet:
          path: /
          port: 80
        initialDelaySeconds:5
      imagePullPolicy: Sometimes
";

fn open(text: &str) -> (Client, Vec<Value>) {
    let mut client = Client::start();
    client.initialize(json!({}));
    client.open(URI, text);
    let published = client.wait_for_diagnostics(URI);
    let diagnostics = published["diagnostics"].as_array().unwrap().clone();
    (client, diagnostics)
}

/// The code actions for the whole document.
fn actions(client: &mut Client, diagnostics: &[Value]) -> Vec<Value> {
    let lines = client.text(URI).lines().count();
    let answer = client
        .request(
            "textDocument/codeAction",
            json!({
                "textDocument": {"uri": URI},
                "range": {"start": {"line": 0, "character": 0}, "end": {"line": lines, "character": 0}},
                "context": {"diagnostics": diagnostics},
            }),
        )
        .expect("code actions answer");
    answer.as_array().cloned().unwrap_or_default()
}

/// Applies the action's edit as the client would (one full-text change) and returns the new diagnostics.
fn apply(client: &mut Client, action: &Value) -> Vec<Value> {
    let mut text = client.text(URI).to_owned();
    let mut edits: Vec<(usize, usize, String)> = action["edit"]["changes"][URI]
        .as_array()
        .unwrap_or_else(|| panic!("no edit for {URI} in {action}"))
        .iter()
        .map(|edit| {
            let start = offset(&text, &edit["range"]["start"], Encoding::Utf16);
            let end = offset(&text, &edit["range"]["end"], Encoding::Utf16);
            (start, end, edit["newText"].as_str().unwrap().to_owned())
        })
        .collect();
    edits.sort_by_key(|&(start, ..)| std::cmp::Reverse(start));
    for (start, end, new_text) in edits {
        text.replace_range(start..end, &new_text);
    }
    let len = client.text(URI).len();
    let version = client.edit_range(URI, 0..len, &text);
    let published = client.wait_for_diagnostics_of_version(URI, version);
    published["diagnostics"].as_array().unwrap().clone()
}

#[test]
fn a_missing_space_after_a_colon_is_reported_on_its_line_and_fixed() {
    let (mut client, diagnostics) = open(PROBE);
    let syntax = diagnostics
        .iter()
        .find(|d| d["code"] == "yaml-syntax")
        .unwrap_or_else(|| panic!("{diagnostics:?}"));
    assert_eq!(syntax["range"]["start"]["line"], 13, "{syntax}");
    assert_eq!(
        syntax["message"],
        "missing space after ‘:’ in ‘initialDelaySeconds:5’: YAML reads it as one word, not as a key and its value"
    );
    let actions = actions(&mut client, &diagnostics);
    let insert = actions
        .iter()
        .find(|a| a["title"] == "Insert a space after ‘:’")
        .unwrap_or_else(|| panic!("{actions:?}"));
    assert_eq!(insert["isPreferred"], true);
    assert_eq!(insert["diagnostics"][0]["message"], syntax["message"]);
    let after = apply(&mut client, insert);
    assert!(
        after.iter().all(|d| d["code"] != "yaml-syntax"),
        "{after:?}"
    );
    assert!(client.text(URI).contains("initialDelaySeconds: 5\n"));
}

#[test]
fn messages_and_titles_are_plain_text() {
    let text = PROBE.replace("initialDelaySeconds:5", "initialDelaySeconds: 5");
    let (mut client, diagnostics) = open(&text);
    assert!(!diagnostics.is_empty());
    for d in &diagnostics {
        let message = d["message"].as_str().unwrap();
        assert!(!message.contains('`'), "{message}");
    }
    let actions = actions(&mut client, &diagnostics);
    assert!(!actions.is_empty());
    for action in &actions {
        let title = action["title"].as_str().unwrap();
        assert!(!title.contains('`'), "{title}");
        // The diagnostic an action fixes is the published one, message for message.
        let fixed = &action["diagnostics"][0];
        assert!(
            diagnostics
                .iter()
                .any(|d| d["message"] == fixed["message"] && d["range"] == fixed["range"]),
            "{fixed} is not among {diagnostics:?}"
        );
    }
}

/// Opens `text`, applies the action titled `title` and checks that no diagnostic of `code` is left on the
/// line it fixed; returns the fixed text.
fn fix(text: &str, title: &str, code: &str, preferred: bool) -> String {
    let (mut client, diagnostics) = open(text);
    let actions = actions(&mut client, &diagnostics);
    let action = actions
        .iter()
        .find(|a| a["title"] == title)
        .unwrap_or_else(|| panic!("no {title:?} among {:?}", titles(&actions)));
    assert_eq!(action["isPreferred"] == true, preferred, "{action}");
    let fixed = &action["diagnostics"][0];
    assert_eq!(fixed["code"], code, "{action}");
    let after = apply(&mut client, action);
    let same = |d: &&Value| d["code"] == code && d["message"] == fixed["message"];
    assert!(!after.iter().any(|d| same(&d)), "{after:?}");
    client.text(URI).to_owned()
}

fn titles(actions: &[Value]) -> Vec<&str> {
    actions.iter().filter_map(|a| a["title"].as_str()).collect()
}

fn pod(container: &str, spec: &str) -> String {
    format!(
        "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: web\n      image: nginx:1.27\n{container}{spec}"
    )
}

#[test]
fn an_invalid_enum_offers_every_allowed_value_default_first() {
    let text = pod("      imagePullPolicy: Sometimes\n", "");
    let (mut client, diagnostics) = open(&text);
    let actions = actions(&mut client, &diagnostics);
    assert_eq!(
        titles(&actions),
        [
            "Change to ‘IfNotPresent’",
            "Change to ‘Never’",
            "Change to ‘Always’",
            "Ignore ‘invalid-enum’ on this line"
        ]
    );
    let fixed = fix(&text, "Change to ‘IfNotPresent’", "invalid-enum", true);
    assert!(fixed.contains("imagePullPolicy: IfNotPresent\n"));
}

#[test]
fn an_invalid_quantity_offers_the_unit_meant() {
    let text = pod(
        "      resources:\n        limits:\n          memory: 128mb\n",
        "",
    );
    let fixed = fix(&text, "Change ‘128mb’ to ‘128Mi’", "invalid-quantity", true);
    assert!(fixed.contains("memory: 128Mi\n"));
    let fixed = fix(&text, "Change ‘128mb’ to ‘128M’", "invalid-quantity", false);
    assert!(fixed.contains("memory: 128M\n"));
}

#[test]
fn a_probe_naming_an_undeclared_port_offers_the_declared_ones() {
    let text = pod(
        "      ports:\n        - name: http\n          containerPort: 80\n      livenessProbe:\n        httpGet:\n          port: web\n",
        "",
    );
    let fixed = fix(&text, "Change to ‘http’", "unresolved-reference", true);
    assert!(fixed.contains("port: http\n"));
}

#[test]
fn a_mount_of_an_undeclared_volume_adds_it() {
    let mounts = "      volumeMounts:\n        - name: data\n          mountPath: /data\n";
    let fixed = fix(
        &pod(mounts, ""),
        "Add volume ‘data’ (emptyDir: {})",
        "unresolved-reference",
        true,
    );
    assert!(
        fixed.ends_with("  volumes:\n    - name: data\n      emptyDir: {}\n"),
        "{fixed}"
    );
    let flow = "apiVersion: v1\nkind: Pod\nmetadata: {name: a}\nspec: {containers: [{name: c, image: \"nginx:1\", volumeMounts: [{name: data, mountPath: /d}]}]}\n";
    let fixed = fix(
        flow,
        "Add volume ‘data’ (emptyDir: {})",
        "unresolved-reference",
        true,
    );
    assert!(
        fixed.contains("}], volumes: [{name: data, emptyDir: {}}]}"),
        "{fixed}"
    );
}

#[test]
fn a_misspelt_kind_is_published_and_fixed_to_the_kind_meant() {
    let text = pod("", "").replacen("kind: Pod", "kind: pod", 1);
    let fixed = fix(&text, "Change to ‘Pod’", "unknown-kind", true);
    assert!(fixed.contains("kind: Pod\n"), "{fixed}");
}

#[test]
fn any_diagnostic_can_be_ignored_on_its_line() {
    let text = pod("      imagePullPolicy: Sometimes\n", "");
    let fixed = fix(
        &text,
        "Ignore ‘invalid-enum’ on this line",
        "invalid-enum",
        false,
    );
    assert!(
        fixed.contains("imagePullPolicy: Sometimes  # podls-ignore: invalid-enum\n"),
        "{fixed}"
    );
}

#[test]
fn an_unused_suppression_is_removed_by_its_fix() {
    let text = pod("      # podls-ignore: image-latest\n", "");
    let fixed = fix(
        &text,
        "Remove the unused suppression comment",
        "unused-suppression",
        true,
    );
    assert_eq!(fixed, pod("", ""));
}
