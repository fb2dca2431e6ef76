//! Soak: 100,000 edits on one document, with a hover and a completion after each, and the server's peak
//! memory (`VmHWM`) read as it goes: it must stop growing once warm. Ignored by default (minutes in a debug
//! build); run it on a release binary (`bench/workspace.py --soak 100000` is the same across kinds, with
//! configuration reloads, and prints the memory as it goes):
//!
//! ```sh
//! cargo build --release -p podls
//! PODLS_BIN=$PWD/target/release/podls cargo test -p podls-e2e --test soak -- --ignored --nocapture
//! ```
//!
//! The bounded version below runs with the other tests: a few thousand edits across kinds and reloads,
//! every answer checked, and resident memory bounded.

use std::time::Instant;

use podls_e2e::{Client, POD, Repository, diagnostic_codes as codes, has_chinese, position};
use serde_json::{Value, json};

const URI: &str = "file:///work/soak.yaml";

#[test]
#[ignore = "minutes long: run by hand (see the module docs)"]
fn a_hundred_thousand_edits_keep_memory_flat() {
    let edits: usize = std::env::var("SOAK_EDITS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(100_000);
    let mut text = String::new();
    for i in 0..20 {
        text.push_str(&POD.replace("name: web", &format!("name: web-{i}")));
        text.push_str("---\n");
    }
    let mut client = Client::start();
    client.initialize(json!({}));
    client.open(URI, &text);
    client.wait_for_diagnostics(URI);

    let started = Instant::now();
    let mut samples = Vec::new();
    for i in 1..=edits {
        // Type into a value, then take it back out, then add and remove a whole line: the document grows
        // and shrinks but returns to the same text every four edits.
        let version = match i % 4 {
            1 => client.edit(URI, "image: nginx:1.27", "image: nginx:1.27x"),
            2 => client.edit(URI, "image: nginx:1.27x", "image: nginx:1.27"),
            3 => client.edit(
                URI,
                "  restartPolicy: OnFailure\n",
                "  restartPolicy: OnFailure\n  hostname: h\n",
            ),
            _ => client.edit(URI, "  hostname: h\n", ""),
        };
        assert!(client.hover_on(URI, "imagePullPolicy").is_some());
        let text = client.text(URI).to_owned();
        let at = text.find("restartPolicy").unwrap() + 4;
        client
            .request(
                "textDocument/completion",
                json!({"textDocument": {"uri": URI}, "position": podls_e2e::position(&text, at, client.encoding)}),
            )
            .expect("completion answers");
        if i % 1000 == 0 {
            client.wait_for_diagnostics_of_version(URI, version);
        }
        if i == 1_000 || i % 10_000 == 0 {
            let peak = client.peak_memory_kib().unwrap_or(0);
            eprintln!(
                "{i:>7} edits  {:>6.1}s  VmHWM {peak} KiB",
                started.elapsed().as_secs_f64()
            );
            samples.push(peak);
        }
    }
    let warm = samples[0];
    let last = *samples.last().unwrap();
    assert!(
        last <= warm + 8 * 1024,
        "peak memory grew from {warm} KiB after 1,000 edits to {last} KiB: {samples:?}"
    );
    assert_eq!(client.shutdown_and_exit().code(), Some(0));
}

/// The bounded soak CI runs: edits across kinds (Pods and workloads, block and flow style, a Helm
/// template) with configuration reloads in between, every answer checked, and the server's resident
/// memory after the last edit within a bound of what it was once warm.
#[test]
fn edits_across_kinds_and_reloads_keep_answers_right_and_memory_bounded() {
    const EDITS: usize = 2_000;
    let repo = Repository::new("soak-kinds");
    repo.write(
        "chart/Chart.yaml",
        "apiVersion: v2\nname: chart\nversion: 0.1.0\n",
    );
    let files = [
        (
            "pods.yaml",
            "yaml",
            format!("{}---\n{}", POD, POD.replace("name: web", "name: api")),
        ),
        ("flow.yaml", "yaml", FLOW_POD.to_owned()),
        ("deployment.yaml", "yaml", deployment()),
        ("chart/templates/pod.yaml", "helm", HELM_POD.to_owned()),
    ];
    let mut client = Client::start();
    client.initialize(json!({}));
    let mut uris = Vec::new();
    for (name, language, text) in &files {
        let text = text.replace("restartPolicy: OnFailure", "restartPolicy: Sometimes");
        let uri = repo.uri(name);
        client.open_as(&uri, language, &text);
        assert_eq!(
            codes(&client.wait_for_diagnostics(&uri)),
            expected(name, true)
        );
        uris.push(uri);
    }
    let (mut enum_checked, mut chinese) = (true, false);
    let mut warm = None;
    for i in 1..=EDITS {
        let (name, ..) = files[i % files.len()];
        let uri = uris[i % files.len()].clone();
        // Each file in turn; each file types into its image tag, takes it back, then widens and narrows a gap.
        let version = match ((i - 1) / files.len()) % 4 {
            0 => client.edit(&uri, "nginx:1.27", "nginx:1.27x"),
            1 => client.edit(&uri, "nginx:1.27x", "nginx:1.27"),
            2 => client.edit(&uri, "image: ", "image:  "),
            _ => client.edit(&uri, "image:  ", "image: "),
        };
        let hover = client
            .hover_on(&uri, "restartPolicy")
            .expect("a hover on restartPolicy");
        assert!(hover.contains("restartPolicy"), "{hover}");
        let text = client.text(&uri).to_owned();
        let at = text.find("restartPolicy: ").unwrap() + "restartPolicy: ".len();
        let found = client
            .request(
                "textDocument/completion",
                json!({"textDocument": {"uri": uri}, "position": position(&text, at, client.encoding)}),
            )
            .expect("completion answers");
        assert!(
            labels(&found).iter().any(|l| l == "Never"),
            "{name} after {i} edits: {found}"
        );
        let published = client.wait_for_diagnostics_of_version(&uri, version);
        assert_eq!(
            codes(&published),
            expected(name, enum_checked),
            "{name} after {i} edits"
        );
        if let Some(message) = published["diagnostics"][0]["message"].as_str() {
            assert_eq!(has_chinese(message), chinese, "{message}");
        }
        // A reload every 250 edits, in turn: podls.toml turns a rule off or back on, or the editor's
        // settings switch the language.
        if i % 250 == 0 {
            if (i / 250) % 2 == 1 {
                enum_checked = !enum_checked;
                let rules = if enum_checked {
                    ""
                } else {
                    "[rules]\ninvalid-enum = \"off\"\n"
                };
                repo.write("podls.toml", rules);
                client.notify(
                    "workspace/didChangeWatchedFiles",
                    json!({"changes": [{"uri": repo.uri("podls.toml"), "type": 2}]}),
                );
            } else {
                chinese = !chinese;
                let locale = if chinese { "zh-cn" } else { "en" };
                client.notify(
                    "workspace/didChangeConfiguration",
                    json!({"settings": {"podls": {"locale": locale}}}),
                );
            }
            // Every open document is published again under the new settings (in any order).
            let mut pending: Vec<(String, i32, &str)> = uris
                .iter()
                .zip(&files)
                .map(|(uri, (name, ..))| (uri.clone(), client.version(uri), *name))
                .collect();
            while !pending.is_empty() {
                let published =
                    client.wait_for_notification("textDocument/publishDiagnostics", |p| {
                        pending
                            .iter()
                            .any(|(uri, version, _)| p["uri"] == *uri && p["version"] == *version)
                    });
                let index = pending
                    .iter()
                    .position(|(uri, ..)| published["uri"] == *uri)
                    .unwrap();
                let (_, _, name) = pending.swap_remove(index);
                assert_eq!(
                    codes(&published),
                    expected(name, enum_checked),
                    "{name} after a reload"
                );
            }
        }
        if i == 500 {
            warm = client.resident_memory_kib();
        }
    }
    let (warm, last) = (warm.unwrap_or(0), client.resident_memory_kib().unwrap_or(0));
    assert!(
        last <= warm + 4 * 1024,
        "resident memory grew from {warm} KiB after 500 edits to {last} KiB after {EDITS}"
    );
    assert_eq!(client.shutdown_and_exit().code(), Some(0));
}

/// What each file of the bounded soak reports: its wrong `restartPolicy`, while the rule is on.
fn expected(name: &str, enum_checked: bool) -> Vec<String> {
    let count = if name == "pods.yaml" { 2 } else { 1 };
    if enum_checked {
        vec!["invalid-enum".to_owned(); count]
    } else {
        Vec::new()
    }
}

fn labels(completion: &Value) -> Vec<String> {
    let items = completion.get("items").unwrap_or(completion);
    items
        .as_array()
        .map(|items| {
            items
                .iter()
                .filter_map(|item| item["label"].as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default()
}

const FLOW_POD: &str = "{apiVersion: v1, kind: Pod, metadata: {name: flow},
 spec: {restartPolicy: OnFailure, containers: [{name: app, image: \"nginx:1.27\"}]}}
";

/// The Pod of the other tests as a Deployment's template.
fn deployment() -> String {
    let spec = POD.split_once("spec:\n").unwrap().1;
    let template: String = spec.lines().map(|line| format!("    {line}\n")).collect();
    let head =
        "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  replicas: 2\n";
    format!(
        "{head}  selector: {{matchLabels: {{app: web}}}}\n  template:\n    metadata: {{labels: {{app: web}}}}\n    spec:\n{template}"
    )
}

const HELM_POD: &str = "\
apiVersion: v1
kind: Pod
metadata:
  name: {{ .Release.Name }}-web
  labels:
    {{- include \"chart.labels\" . | nindent 4 }}
spec:
  restartPolicy: OnFailure
  containers:
    - name: app
      image: nginx:1.27
      {{- if .Values.resources }}
      resources:
        {{- toYaml .Values.resources | nindent 8 }}
      {{- end }}
";
