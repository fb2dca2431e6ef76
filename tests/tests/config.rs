//! `podls.toml` through the real binary: found from each checked file upwards (nearest wins, not above the
//! repository), `--config` and `--isolated`, each key's effect, `--select`/`--ignore`, broken files as
//! errors with their position (exit 2); and in the editor, a changed file applied without a restart.

use podls_e2e::{Client, Repository};
use serde_json::{Value, json};

/// A Pod with one warning (`image-latest`) and one error (`invalid-enum`).
const POD: &str = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  restartPolicy: Sometimes\n  containers:\n  - name: web\n    image: nginx\n";

fn json_codes(repo: &Repository, args: &[&str]) -> Vec<String> {
    let mut all = vec!["--format", "json"];
    all.extend_from_slice(args);
    let run = repo.check(&all, "");
    assert_ne!(run.code, 2, "{run:?}");
    run.codes()
}

#[test]
fn the_nearest_file_applies_to_each_checked_file() {
    let repo = Repository::new("nearest");
    repo.write("podls.toml", "[rules]\nimage-latest = \"off\"\n")
        .write("a/pod.yaml", POD)
        .write("a/b/pod.yaml", POD)
        .write("a/b/.podls.toml", "[rules]\ninvalid-enum = \"off\"\n")
        .write("c/pod.yaml", POD);
    let run = repo.check(&["--format", "json", "."], "");
    let items: Value = serde_json::from_str(&run.stdout).unwrap();
    let by_file = |file: &str| -> Vec<&str> {
        items
            .as_array()
            .unwrap()
            .iter()
            .filter(|d| d["file"] == file)
            .map(|d| d["code"].as_str().unwrap())
            .collect()
    };
    // The root file turns image-latest off; the nearer one in a/b replaces it (nearest wins, no merging).
    assert_eq!(by_file("a/pod.yaml"), ["invalid-enum"]);
    assert_eq!(by_file("a/b/pod.yaml"), ["image-latest"]);
    assert_eq!(by_file("c/pod.yaml"), ["invalid-enum"]);
    // `--isolated` reads none; `--config` names one for every file.
    assert_eq!(
        json_codes(&repo, &["--isolated", "a/b/pod.yaml"]),
        ["invalid-enum", "image-latest"]
    );
    assert_eq!(
        json_codes(&repo, &["--config", "podls.toml", "a/b/pod.yaml"]),
        ["invalid-enum"]
    );
    // Stdin gets the configuration of `--stdin-filename`'s directory.
    let run = repo.check(
        &["--format", "json", "--stdin-filename", "a/b/x.yaml", "-"],
        POD,
    );
    assert_eq!(run.codes(), ["image-latest"]);
}

#[test]
fn no_file_above_the_repository_root_applies() {
    let repo = Repository::new("above");
    repo.write("podls.toml", "[rules]\nimage-latest = \"off\"\n")
        .write("inner/.git/HEAD", "")
        .write("inner/pod.yaml", POD);
    assert_eq!(
        json_codes(&repo, &["inner/pod.yaml"]),
        ["invalid-enum", "image-latest"]
    );
}

#[test]
fn severities_change_levels_and_the_exit_code() {
    let repo = Repository::new("severities");
    repo.write(
        "podls.toml",
        "[rules]\ninvalid-enum = \"warning\"\nimage-latest = \"error\"\n",
    )
    .write("pod.yaml", POD);
    let run = repo.check(&["--format", "json", "pod.yaml"], "");
    let items: Value = serde_json::from_str(&run.stdout).unwrap();
    let severity = |code: &str| {
        items
            .as_array()
            .unwrap()
            .iter()
            .find(|d| d["code"] == code)
            .map(|d| d["severity"].clone())
    };
    assert_eq!(severity("invalid-enum"), Some(json!("warning")));
    assert_eq!(severity("image-latest"), Some(json!("error")));
    assert_eq!(run.code, 1);
    // Both turned down: the run is clean.
    repo.write(
        "podls.toml",
        "[rules]\ninvalid-enum = \"hint\"\nimage-latest = \"information\"\n",
    );
    let run = repo.check(&["pod.yaml"], "");
    assert_eq!(run.code, 0, "{run:?}");
}

#[test]
fn select_and_ignore_use_the_same_names() {
    let repo = Repository::new("select");
    repo.write("pod.yaml", POD);
    assert_eq!(
        json_codes(&repo, &["--select", "image-latest", "pod.yaml"]),
        ["image-latest"]
    );
    assert_eq!(
        json_codes(
            &repo,
            &["--ignore", "image-latest,invalid-enum", "pod.yaml"]
        ),
        Vec::<String>::new()
    );
    assert_eq!(
        json_codes(&repo, &["--ignore", "image-latest", "pod.yaml"]),
        ["invalid-enum"]
    );
    // Syntax errors are always reported.
    repo.write("broken.yaml", "apiVersion: v1\nkind: Pod\nspec: [\n");
    assert_eq!(
        json_codes(&repo, &["--select", "image-latest", "broken.yaml"]),
        ["yaml-syntax"]
    );
    let run = repo.check(&["--ignore", "image-latests", "pod.yaml"], "");
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .contains("--ignore: unknown code `image-latests`; did you mean `image-latest`?"),
        "{}",
        run.stderr
    );
}

#[test]
fn exclude_skips_files_with_gitignore_patterns() {
    let repo = Repository::new("exclude");
    repo.write(
        "podls.toml",
        "exclude = [\"generated/\", \"*.skip.yaml\", \"!keep.skip.yaml\"]\n",
    )
    .write("generated/deep/pod.yaml", POD)
    .write("x.skip.yaml", POD)
    .write("keep.skip.yaml", POD)
    .write("pod.yaml", POD);
    let run = repo.check(&["--format", "json", "."], "");
    let items: Value = serde_json::from_str(&run.stdout).unwrap();
    let mut files: Vec<&str> = items
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["file"].as_str().unwrap())
        .collect();
    files.dedup();
    assert_eq!(files, ["keep.skip.yaml", "pod.yaml"]);
    // A named file is excluded too (a pre-commit hook names each file).
    let run = repo.check(&["x.skip.yaml"], "");
    assert_eq!(run.code, 0, "{run:?}");
}

#[test]
fn the_locale_and_version_keys_are_read() {
    let repo = Repository::new("keys");
    repo.write(
        "podls.toml",
        "kubernetes-version = \"1.30\"\nlocale = \"zh-cn\"\n",
    )
    .write("pod.yaml", POD);
    // Accepted: the run checks (exit 1 for the error), it does not refuse the file (exit 2).
    let run = repo.check(&["pod.yaml"], "");
    assert_eq!(run.code, 1, "{run:?}");
    // The editor's hover speaks the file's language, over the client's English.
    let mut client = Client::start();
    client.initialize_with(json!({"locale": "en"}));
    let uri = repo.uri("pod.yaml");
    client.open(&uri, POD);
    let hover = client.hover_on(&uri, "restartPolicy").expect("a hover");
    assert!(podls_e2e::has_chinese(&hover), "{hover}");
}

#[test]
fn broken_files_are_errors_with_their_position() {
    let repo = Repository::new("broken");
    repo.write("pod.yaml", POD);
    for (config, expected) in [
        ("[rules\n", "podls.toml:1:"),
        (
            "locale = \"en\"\ncolour = \"red\"\n",
            "podls.toml:2:1: unknown key `colour`",
        ),
        (
            "[rules]\nimage-latest = \"loud\"\n",
            "podls.toml:2:16: unknown severity `loud`",
        ),
        (
            "[rules]\nimage-lates = \"off\"\n",
            "podls.toml:2:1: unknown code `image-lates`",
        ),
        (
            "kubernetes-version = \"1.99\"\n",
            "podls.toml:1:22: Kubernetes 1.99 is not supported",
        ),
        (
            "kubernetes-version = 1.30\n",
            "podls.toml:1:22: `kubernetes-version` takes a string",
        ),
    ] {
        repo.write("podls.toml", config);
        let run = repo.check(&["pod.yaml"], "");
        assert_eq!(run.code, 2, "{config}: {run:?}");
        assert!(run.stderr.contains(expected), "{config}: {}", run.stderr);
        assert_eq!(run.stdout, "", "nothing is checked with a broken file");
    }
    // `--config` naming a missing file.
    let run = repo.check(&["--config", "nope.toml", "pod.yaml"], "");
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("nope.toml"), "{}", run.stderr);
}

fn watching_client() -> Client {
    let mut client = Client::start();
    client.initialize(json!({
        "workspace": {"didChangeWatchedFiles": {"dynamicRegistration": true}}
    }));
    client
}

fn codes(diagnostics: &Value) -> Vec<String> {
    diagnostics["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["code"].as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn the_server_applies_a_changed_file_without_a_restart() {
    let repo = Repository::new("lsp-watch");
    repo.write("podls.toml", "[rules]\nimage-latest = \"off\"\n");
    let mut client = watching_client();
    let uri = repo.uri("pods/pod.yaml");
    client.open(&uri, POD);
    assert_eq!(codes(&client.wait_for_diagnostics(&uri)), ["invalid-enum"]);
    // The server registered a watcher for configuration files.
    assert!(
        client
            .server_requests
            .iter()
            .any(|m| m == "client/registerCapability"),
        "{:?}",
        client.server_requests
    );
    repo.write("podls.toml", "[rules]\ninvalid-enum = \"off\"\n");
    client.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": repo.uri("podls.toml"), "type": 2}]}),
    );
    assert_eq!(codes(&client.wait_for_diagnostics(&uri)), ["image-latest"]);
    // Deleted: the defaults again.
    std::fs::remove_file(repo.0.join("podls.toml")).unwrap();
    client.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": repo.uri("podls.toml"), "type": 3}]}),
    );
    assert_eq!(
        codes(&client.wait_for_diagnostics(&uri)),
        ["invalid-enum", "image-latest"]
    );
    // The editor's own setting wins over the file's.
    repo.write("podls.toml", "[rules]\nimage-latest = \"off\"\n");
    client.notify(
        "workspace/didChangeConfiguration",
        json!({"settings": {"podls": {"rules": {"image-latest": "error"}}}}),
    );
    let found = client.wait_for_diagnostics(&uri);
    assert_eq!(codes(&found), ["invalid-enum", "image-latest"]);
    assert_eq!(found["diagnostics"][1]["severity"], 1);
}

#[test]
fn a_saved_file_applies_for_clients_that_do_not_watch() {
    let repo = Repository::new("lsp-save");
    let mut client = Client::start();
    client.initialize(json!({}));
    let uri = repo.uri("pod.yaml");
    client.open(&uri, POD);
    assert_eq!(
        codes(&client.wait_for_diagnostics(&uri)),
        ["invalid-enum", "image-latest"]
    );
    let config = "[rules]\nimage-latest = \"off\"\n";
    repo.write("podls.toml", config);
    let config_uri = repo.uri("podls.toml");
    client.open(&config_uri, config);
    assert_eq!(
        codes(&client.wait_for_diagnostics(&config_uri)),
        Vec::<String>::new()
    );
    client.notify(
        "textDocument/didSave",
        json!({"textDocument": {"uri": config_uri}}),
    );
    assert_eq!(codes(&client.wait_for_diagnostics(&uri)), ["invalid-enum"]);
}

#[test]
fn an_open_broken_file_has_a_diagnostic_where_it_is_wrong() {
    let repo = Repository::new("lsp-broken");
    let mut client = Client::start();
    client.initialize(json!({}));
    let uri = repo.uri("podls.toml");
    client.open(&uri, "[rules]\nimage-latest = \"loud\"\n");
    let found = client.wait_for_diagnostics(&uri);
    let diagnostic = &found["diagnostics"][0];
    assert_eq!(diagnostic["code"], "invalid-config");
    assert_eq!(
        diagnostic["range"]["start"],
        json!({"line": 1, "character": 15})
    );
    assert!(
        diagnostic["message"]
            .as_str()
            .unwrap()
            .contains("unknown severity ‘loud’"),
        "{diagnostic}"
    );
    // Fixed in the editor: the diagnostic goes.
    let version = client.edit(&uri, "loud", "off");
    assert_eq!(
        codes(&client.wait_for_diagnostics_of_version(&uri, version)),
        Vec::<String>::new()
    );
}

const ROLLOUT_TEMPLATE: &str = "[[pod-template]]\napiVersion = \"argoproj.io/v1alpha1\"\nkind = \"Rollout\"\npath = \"spec.template\"\n";

/// An Argo Rollout: its own fields (`strategy`) are not the Pod's; its template has a misspelt key.
const ROLLOUT: &str = "apiVersion: argoproj.io/v1alpha1\nkind: Rollout\nmetadata:\n  name: web\nspec:\n  strategy:\n    canary: {steps: [{setWeight: 20}]}\n  template:\n    metadata:\n      labels: {app: web}\n    spec:\n      restartPolicy: Sometimes\n      containers:\n      - name: web\n        image: nginx:1.27\n        imagePullPolicy: IfNotPresent\n        portz: []\n";

#[test]
fn a_custom_resource_gets_the_pods_diagnostics_in_its_template() {
    let repo = Repository::new("pod-template");
    repo.write("rollout.yaml", ROLLOUT);
    // Without the entry: a custom resource podls leaves alone.
    assert_eq!(json_codes(&repo, &["rollout.yaml"]), Vec::<String>::new());
    repo.write("podls.toml", ROLLOUT_TEMPLATE);
    let run = repo.check(&["--format", "json", "rollout.yaml"], "");
    let items: Value = serde_json::from_str(&run.stdout).unwrap();
    let found: Vec<(String, String)> = items
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["code"].as_str().unwrap().to_owned(),
                d["path"].as_str().unwrap_or_default().to_owned(),
            )
        })
        .collect();
    assert_eq!(
        found,
        [
            (
                "invalid-enum".to_owned(),
                "spec.template.spec.restartPolicy".to_owned()
            ),
            (
                "unknown-field".to_owned(),
                "spec.template.spec.containers[0].portz".to_owned()
            ),
        ],
        "{}",
        run.stdout
    );
}

#[test]
fn a_custom_resource_gets_the_pods_hover_and_completion_in_the_editor() {
    let repo = Repository::new("pod-template-lsp");
    repo.write("podls.toml", ROLLOUT_TEMPLATE);
    let mut client = Client::start();
    client.initialize(json!({}));
    let uri = repo.uri("rollout.yaml");
    client.open(&uri, ROLLOUT);
    assert_eq!(
        codes(&client.wait_for_diagnostics(&uri)),
        ["invalid-enum", "unknown-field"]
    );
    let hover = client.hover_on(&uri, "imagePullPolicy").expect("a hover");
    assert!(hover.contains("imagePullPolicy"), "{hover}");
    // Outside the template, nothing: the resource's own fields are not the Pod's.
    assert_eq!(client.hover_on(&uri, "canary"), None);
    // Completion of a container's keys inside the template.
    let version = client.edit(&uri, "        portz: []\n", "        \n");
    client.wait_for_diagnostics_of_version(&uri, version);
    let text = client.text(&uri).to_owned();
    let at = text.rfind("        \n").unwrap() + 8;
    let position = podls_e2e::position(&text, at, client.encoding);
    let list = client
        .request(
            "textDocument/completion",
            json!({"textDocument": {"uri": uri}, "position": position}),
        )
        .unwrap();
    let items = list.get("items").unwrap_or(&list);
    let labels: Vec<&str> = items
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|i| i["label"].as_str())
        .collect();
    assert!(labels.contains(&"ports"), "{labels:?}");
    assert!(labels.contains(&"livenessProbe"), "{labels:?}");
}

#[test]
fn suppression_comments_work_in_podls_check() {
    let repo = Repository::new("suppress");
    repo.write(
        "pod.yaml",
        "# podls-ignore-file: image-latest\napiVersion: v1\nkind: Pod\nmetadata: {name: web}\nspec:\n  restartPolicy: Sometimes # podls-ignore: invalid-enum\n  containers: [{name: web, image: nginx}]\n  # podls-ignore: status-field\n  dnsPolicy: Default\n",
    );
    // Everything reported is silenced; the suppression of a code not reported is itself reported.
    let run = repo.check(&["--format", "json", "pod.yaml"], "");
    assert_eq!(run.codes(), ["unused-suppression"], "{}", run.stdout);
    assert_eq!(run.code, 0, "a warning only: {run:?}");
    // The same document through the editor.
    let mut client = Client::start();
    client.initialize(json!({}));
    let uri = repo.uri("pod.yaml");
    client.open(&uri, &repo.read("pod.yaml"));
    assert_eq!(
        codes(&client.wait_for_diagnostics(&uri)),
        ["unused-suppression"]
    );
}

#[test]
fn an_excluded_file_gets_no_diagnostics_in_the_editor() {
    let repo = Repository::new("lsp-exclude");
    repo.write("podls.toml", "exclude = [\"generated/\"]\n");
    let mut client = Client::start();
    client.initialize(json!({}));
    let excluded = repo.uri("generated/pod.yaml");
    let checked = repo.uri("pod.yaml");
    client.open(&excluded, POD);
    assert_eq!(
        codes(&client.wait_for_diagnostics(&excluded)),
        Vec::<String>::new()
    );
    client.open(&checked, POD);
    assert_eq!(
        codes(&client.wait_for_diagnostics(&checked)),
        ["invalid-enum", "image-latest"]
    );
}
