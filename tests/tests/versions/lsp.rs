//! `podls.kubernetesVersion` in the editor: from `initializationOptions`, pushed with
//! `didChangeConfiguration` or pulled with `workspace/configuration`, applied to the open documents without
//! a restart, over the folder's `podls.toml`; a version podls does not know is a message and a fallback.

use podls_e2e::{Client, Repository};
use serde_json::{Value, json};

use super::MANIFEST;

/// The messages of the diagnostics published next for `uri`.
fn messages(client: &mut Client, uri: &str) -> Vec<String> {
    client.wait_for_diagnostics(uri)["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["message"].as_str().unwrap().to_owned())
        .collect()
}

/// Whether one of the messages holds `needle`, written with backticks as the catalog is (the editor gets
/// ‘quotes’ instead).
fn says(messages: &[String], needle: &str) -> bool {
    let plain = plain(needle);
    messages.iter().any(|m| m.contains(&plain))
}

fn plain(text: &str) -> String {
    let mut open = true;
    text.chars()
        .map(|c| match c {
            '`' => {
                open = !open;
                if open { '’' } else { '‘' }
            }
            c => c,
        })
        .collect()
}

fn set_version(client: &mut Client, version: Value) {
    client.notify(
        "workspace/didChangeConfiguration",
        json!({"settings": {"podls": {"kubernetesVersion": version}}}),
    );
}

const STOP_SIGNAL_TOO_NEW: &str = "`stopSignal` is in Kubernetes 1.33 and later; the target is";

#[test]
fn the_setting_changes_the_open_documents_diagnostics_without_a_restart() {
    let repo = Repository::new("lsp-version-push");
    let uri = repo.uri("pod.yaml");
    let mut client = Client::start();
    client.initialize_with(json!({
        "initializationOptions": {"podls": {"kubernetesVersion": "1.27"}}
    }));
    client.open(&uri, MANIFEST);
    let old = messages(&mut client, &uri);
    assert!(
        says(&old, &format!("{STOP_SIGNAL_TOO_NEW} 1.27")),
        "{old:#?}"
    );
    assert!(
        says(&old, "`restartPolicy` is in Kubernetes 1.28 and later"),
        "{old:#?}"
    );
    let hover = client.hover_on(&uri, "stopSignal").unwrap();
    assert!(hover.contains("1.27"), "{hover}");

    set_version(&mut client, json!("1.33"));
    let newer = messages(&mut client, &uri);
    assert!(!says(&newer, STOP_SIGNAL_TOO_NEW), "{newer:#?}");
    assert!(!says(&newer, "`restartPolicy`"), "{newer:#?}");
    assert!(
        says(
            &newer,
            "`stopSignal` needs the feature gate ContainerStopSignals (alpha in Kubernetes 1.33"
        ),
        "{newer:#?}"
    );
    let hover = client.hover_on(&uri, "stopSignal").unwrap();
    assert!(hover.contains("1.33") && !hover.contains("1.27"), "{hover}");

    // Cleared: the default, the newest.
    set_version(&mut client, json!(""));
    let newest = messages(&mut client, &uri);
    assert!(
        says(
            &newest,
            "operator `Gt` needs the feature gate TaintTolerationComparisonOperators (alpha in Kubernetes 1.37"
        ),
        "{newest:#?}"
    );
    assert!(client.take_notifications("window/showMessage").is_empty());
}

#[test]
fn an_unknown_version_is_a_message_and_the_project_file_or_the_default_applies() {
    let repo = Repository::new("lsp-version-refused");
    let uri = repo.uri("pod.yaml");
    let mut client = Client::start();
    client.initialize_with(json!({
        "initializationOptions": {"podls": {"kubernetesVersion": "1.24"}}
    }));
    let message = client.wait_for_notification("window/showMessage", |_| true);
    assert_eq!(message["type"], 2, "a warning: {message}");
    assert_eq!(
        message["message"].as_str().unwrap(),
        plain(
            "podls: the setting `podls.kubernetesVersion` is not applied: Kubernetes 1.24 is not supported; \
         podls knows 1.25 to 1.37 (default 1.37). Checking against the project file's `kubernetes-version`, \
         else the default"
        )
    );
    client.open(&uri, MANIFEST);
    let default = messages(&mut client, &uri);
    assert!(!says(&default, STOP_SIGNAL_TOO_NEW), "{default:#?}");
    assert!(
        says(&default, "TaintTolerationComparisonOperators"),
        "{default:#?}"
    );

    // With a project file, its version is the fallback; a good setting still wins over it.
    repo.write("podls.toml", "kubernetes-version = \"1.30\"\n");
    set_version(&mut client, json!("banana"));
    let message = client.wait_for_notification("window/showMessage", |_| true);
    let text = message["message"].as_str().unwrap();
    assert!(
        text.contains(&plain(
            "`banana` is not a Kubernetes version; write it as 1.N, one of 1.25 to 1.37"
        )),
        "{text}"
    );
    client.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": repo.uri("podls.toml"), "type": 1}]}),
    );
    let mut file = messages(&mut client, &uri);
    while !says(&file, &format!("{STOP_SIGNAL_TOO_NEW} 1.30")) {
        file = messages(&mut client, &uri);
    }
    set_version(&mut client, json!("v1.33"));
    let setting = messages(&mut client, &uri);
    assert!(!says(&setting, STOP_SIGNAL_TOO_NEW), "{setting:#?}");
    assert!(says(&setting, "ContainerStopSignals"), "{setting:#?}");

    // In the user's language; a number (unquoted 1.30 reads as 1.3) is refused, not guessed.
    client.notify(
        "workspace/didChangeConfiguration",
        json!({"settings": {"podls": {"kubernetesVersion": 1.3, "locale": "zh-cn"}}}),
    );
    let message = client.wait_for_notification("window/showMessage", |_| true);
    let text = message["message"].as_str().unwrap();
    assert!(
        text.contains(&plain("`1.3` 不是 Kubernetes 版本")) && text.contains("1.25 至 1.37"),
        "{text}"
    );
    let fallback = messages(&mut client, &uri);
    assert!(says(&fallback, "1.30"), "{fallback:#?}");
    // The server is still there and answers.
    assert!(client.hover_on(&uri, "stopSignal").is_some());
}

#[test]
fn the_setting_is_pulled_from_clients_that_answer_workspace_configuration() {
    let repo = Repository::new("lsp-version-pull");
    let uri = repo.uri("pod.yaml");
    let mut client = Client::start();
    client.configuration = json!({"kubernetesVersion": "1.30"});
    client.initialize(json!({
        "workspace": {"configuration": true, "didChangeConfiguration": {"dynamicRegistration": true}}
    }));
    client.open(&uri, MANIFEST);
    let mut found = messages(&mut client, &uri);
    while !says(&found, &format!("{STOP_SIGNAL_TOO_NEW} 1.30")) {
        found = messages(&mut client, &uri);
    }
    // VS Code's way: an empty change, then the server pulls the section.
    client.configuration = json!({"kubernetesVersion": "1.35"});
    client.notify(
        "workspace/didChangeConfiguration",
        json!({"settings": null}),
    );
    let mut found = messages(&mut client, &uri);
    while says(&found, STOP_SIGNAL_TOO_NEW) {
        found = messages(&mut client, &uri);
    }
    assert!(
        says(
            &found,
            "TaintTolerationComparisonOperators (alpha in Kubernetes 1.35"
        ),
        "{found:#?}"
    );
}

/// Completion follows the setting: `stopSignal` is not offered to a 1.32 cluster, offered and marked
/// (its gate is alpha) from 1.33.
#[test]
fn completion_follows_the_setting() {
    let repo = Repository::new("lsp-version-completion");
    let uri = repo.uri("pod.yaml");
    let text = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  os: {name: linux}\n  containers:\n  - name: app\n    image: nginx:1\n    lifecycle:\n      \n";
    let mut client = Client::start();
    client.initialize_with(json!({
        "capabilities": {"textDocument": {"completion": {"completionItem": {"snippetSupport": true}}}},
        "initializationOptions": {"podls": {"kubernetesVersion": "1.32"}}
    }));
    client.open(&uri, text);
    client.wait_for_diagnostics(&uri);
    let line = text.lines().count() as u32 - 1;
    let stop_signal = |client: &mut Client| {
        let list = client
            .request(
                "textDocument/completion",
                json!({"textDocument": {"uri": uri}, "position": {"line": line, "character": 6}}),
            )
            .expect("completion");
        let items = list["items"]
            .as_array()
            .cloned()
            .or_else(|| list.as_array().cloned())
            .unwrap_or_default();
        assert!(items.iter().any(|i| i["label"] == "preStop"), "{items:#?}");
        items.into_iter().find(|i| i["label"] == "stopSignal")
    };
    assert_eq!(stop_signal(&mut client), None);
    set_version(&mut client, json!("1.33"));
    client.wait_for_diagnostics(&uri);
    let item = stop_signal(&mut client).expect("stopSignal offered to 1.33");
    let detail = item["detail"].as_str().unwrap_or_default();
    assert!(
        detail.contains("gate ContainerStopSignals (alpha, off by default)"),
        "{item:#}"
    );
}

/// Each kind of boundary through the editor, one setting change at a time on the same open documents: a
/// gate from alpha to beta to GA (the sidecar's `restartPolicy`), and a removed apiVersion (`batch/v1beta1`
/// CronJob, gone in 1.25: an error in every version podls knows).
#[test]
fn each_boundary_follows_the_setting_in_the_editor() {
    let repo = Repository::new("lsp-version-boundaries");
    let sidecar = repo.uri("sidecar.yaml");
    let cron = repo.uri("cron.yaml");
    let mut client = Client::start();
    client.initialize(json!({}));
    client.open(
        &sidecar,
        "apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\nspec:\n  initContainers:\n  - {name: proxy, image: \"envoy:1\", restartPolicy: Always}\n  containers:\n  - name: c\n    image: nginx:1\n",
    );
    client.open(
        &cron,
        "apiVersion: batch/v1beta1\nkind: CronJob\nmetadata:\n  name: nightly\nspec:\n  schedule: \"0 3 * * *\"\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          restartPolicy: OnFailure\n          containers:\n          - name: job\n            image: busybox:1.36\n",
    );
    published(&mut client, &[&sidecar, &cron]);
    for (version, sidecar_says, cron_says) in [
        (
            "1.27",
            Some("`restartPolicy` is in Kubernetes 1.28 and later; the target is 1.27"),
            "Kubernetes 1.25 removed it",
        ),
        (
            "1.28",
            Some(
                "`restartPolicy` needs the feature gate SidecarContainers (alpha in Kubernetes 1.28",
            ),
            "Kubernetes 1.25 removed it",
        ),
        ("1.29", None, "Kubernetes 1.25 removed it"),
        (
            "1.25",
            Some("`restartPolicy` is in Kubernetes 1.28 and later; the target is 1.25"),
            "Kubernetes 1.25 removed it",
        ),
        ("1.37", None, "Kubernetes 1.25 removed it"),
    ] {
        set_version(&mut client, json!(version));
        let [found, cron_found] = published(&mut client, &[&sidecar, &cron])
            .try_into()
            .unwrap();
        match sidecar_says {
            Some(needle) => assert!(says(&found, needle), "{version}: {found:#?}"),
            None => assert!(!says(&found, "restartPolicy"), "{version}: {found:#?}"),
        }
        assert!(
            says(&cron_found, "`batch/v1beta1` no longer serves `CronJob`")
                && says(&cron_found, cron_says),
            "{version}: {cron_found:#?}"
        );
    }
}

/// The messages of the next diagnostics published for each of `uris`, in whatever order they come.
fn published(client: &mut Client, uris: &[&str]) -> Vec<Vec<String>> {
    let mut found: Vec<Option<Vec<String>>> = vec![None; uris.len()];
    while found.iter().any(Option::is_none) {
        let params = client.wait_for_notification("textDocument/publishDiagnostics", |_| true);
        if let Some(i) = uris.iter().position(|uri| params["uri"] == *uri) {
            let list = params["diagnostics"].as_array().unwrap();
            found[i] = Some(
                list.iter()
                    .map(|d| d["message"].as_str().unwrap().to_owned())
                    .collect(),
            );
        }
    }
    found.into_iter().map(Option::unwrap).collect()
}
