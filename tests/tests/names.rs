//! Names as symbols through the real binary: definition, references, document highlights, prepareRename and
//! rename (a WorkspaceEdit across two open files, and a refused invalid name), hover on a use, in block and
//! flow style, and the capabilities that advertise them.

use podls_e2e::{Client, Repository, offset, position};
use serde_json::{Value, json};

const POD: &str = "file:///work/pod.yaml";
const CONFIG: &str = "file:///work/config.yaml";

const POD_TEXT: &str = "apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
  - name: app
    image: nginx:1.27
    ports:
    - name: http
      containerPort: 8080
    readinessProbe:
      httpGet: {path: /ready, port: http}
    envFrom:
    - configMapRef: {name: settings}
    volumeMounts:
    - name: data
      mountPath: /data
  volumes:
  - name: data
    configMap: {name: settings}
";

const CONFIG_TEXT: &str = "apiVersion: v1
kind: ConfigMap
metadata:
  name: settings
data:
  MODE: fast
";

fn started() -> Client {
    let mut client = Client::start();
    client.initialize(json!({}));
    client.open(POD, POD_TEXT);
    client.open(CONFIG, CONFIG_TEXT);
    client
}

/// The position of the `nth` occurrence of `needle` (plus `into` bytes) in the open document.
fn at(client: &Client, uri: &str, needle: &str, nth: usize, into: usize) -> Value {
    let text = client.text(uri);
    let start = text
        .match_indices(needle)
        .nth(nth)
        .unwrap_or_else(|| panic!("{needle:?} #{nth}"))
        .0;
    position(text, start + into, client.encoding)
}

fn request(client: &mut Client, method: &str, uri: &str, at: Value, extra: Value) -> Value {
    let mut params = json!({"textDocument": {"uri": uri}, "position": at});
    params
        .as_object_mut()
        .unwrap()
        .extend(extra.as_object().unwrap().clone());
    client.request(method, params).expect(method)
}

/// `uri text` of each location.
fn places(client: &Client, locations: &Value) -> Vec<String> {
    locations
        .as_array()
        .unwrap_or(&Vec::new())
        .iter()
        .map(|l| {
            let uri = l["uri"].as_str().unwrap();
            let text = client.text(uri);
            let start = offset(text, &l["range"]["start"], client.encoding);
            let end = offset(text, &l["range"]["end"], client.encoding);
            format!("{} {}", uri.rsplit('/').next().unwrap(), &text[start..end])
        })
        .collect()
}

#[test]
fn capabilities_are_advertised() {
    let mut client = Client::start();
    let result = client.initialize(json!({}));
    let capabilities = &result["capabilities"];
    assert_eq!(capabilities["definitionProvider"], json!(true));
    assert_eq!(capabilities["referencesProvider"], json!(true));
    assert_eq!(capabilities["documentHighlightProvider"], json!(true));
    assert_eq!(
        capabilities["renameProvider"]["prepareProvider"],
        json!(true)
    );
}

#[test]
fn definition_goes_from_a_mount_to_its_volume_and_across_files() {
    let mut client = started();
    let mount = at(&client, POD, "name: data", 0, 7);
    let found = request(
        &mut client,
        "textDocument/definition",
        POD,
        mount,
        json!({}),
    );
    let found = found.as_array().unwrap();
    assert_eq!(found.len(), 1);
    // The volume's declaration, on line 20 (0-based 19).
    assert_eq!(found[0]["uri"], POD);
    assert_eq!(found[0]["range"]["start"]["line"], 19);
    assert_eq!(
        places(&client, &Value::Array(found.clone())),
        ["pod.yaml data"]
    );

    let config_use = at(&client, POD, "settings", 0, 2);
    let found = request(
        &mut client,
        "textDocument/definition",
        POD,
        config_use,
        json!({}),
    );
    assert_eq!(places(&client, &found), ["config.yaml settings"]);
}

#[test]
fn references_with_and_without_the_declaration() {
    let mut client = started();
    let declaration = at(&client, CONFIG, "settings", 0, 0);
    let with = request(
        &mut client,
        "textDocument/references",
        CONFIG,
        declaration.clone(),
        json!({"context": {"includeDeclaration": true}}),
    );
    let mut with = places(&client, &with);
    with.sort();
    assert_eq!(
        with,
        [
            "config.yaml settings",
            "pod.yaml settings",
            "pod.yaml settings"
        ]
    );
    let without = request(
        &mut client,
        "textDocument/references",
        CONFIG,
        declaration,
        json!({"context": {"includeDeclaration": false}}),
    );
    assert_eq!(
        places(&client, &without),
        ["pod.yaml settings", "pod.yaml settings"]
    );
}

#[test]
fn highlights_mark_the_declaration_as_written() {
    let mut client = started();
    let port = at(&client, POD, "port: http", 0, 8);
    let found = request(
        &mut client,
        "textDocument/documentHighlight",
        POD,
        port,
        json!({}),
    );
    let kinds: Vec<i64> = found
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["kind"].as_i64().unwrap())
        .collect();
    // The port's declaration (Write = 3) then the probe's use (Read = 2).
    assert_eq!(kinds, [3, 2]);
}

#[test]
fn rename_changes_every_file_and_refuses_an_invalid_name() {
    let mut client = started();
    let use_site = at(&client, POD, "name: settings", 0, 6);
    let prepared = request(
        &mut client,
        "textDocument/prepareRename",
        POD,
        use_site.clone(),
        json!({}),
    );
    assert_eq!(prepared["placeholder"], "settings");

    let edit = request(
        &mut client,
        "textDocument/rename",
        POD,
        use_site.clone(),
        json!({"newName": "app-settings"}),
    );
    let changes = edit["changes"].as_object().unwrap();
    assert_eq!(changes[POD].as_array().unwrap().len(), 2);
    assert_eq!(changes[CONFIG].as_array().unwrap().len(), 1);
    assert!(
        changes
            .values()
            .flat_map(|edits| edits.as_array().unwrap())
            .all(|e| e["newText"] == "app-settings")
    );

    let error = client
        .request(
            "textDocument/rename",
            json!({"textDocument": {"uri": POD}, "position": use_site, "newName": "App_Settings"}),
        )
        .unwrap_err();
    let message = error["message"].as_str().unwrap();
    assert!(message.contains("DNS-1123 subdomain"), "{message}");
    assert_eq!(error["code"], -32803);
}

#[test]
fn hover_on_a_use_shows_what_it_points_to() {
    let mut client = started();
    let docs = client.hover_on(POD, "http}").unwrap();
    assert!(docs.contains("8080/TCP"), "{docs}");
    let docs = client.hover_on(POD, "settings}").unwrap();
    assert!(
        docs.contains("`MODE`") && docs.contains("config.yaml"),
        "{docs}"
    );
}

#[test]
fn names_in_flow_style_and_after_an_edit() {
    let mut client = Client::start();
    client.initialize(json!({}));
    let text = r#"{"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "p"}, "spec": {"containers": [{"name": "c", "image": "nginx:1", "volumeMounts": [{"name": "cache", "mountPath": "/c"}]}], "volumes": [{"name": "cache", "emptyDir": {}}]}}"#;
    client.open(POD, text);
    client.edit(POD, "\"cache\", \"emptyDir\"", "\"tmp\", \"emptyDir\"");
    client.edit(POD, "\"cache\", \"mountPath\"", "\"tmp\", \"mountPath\"");
    let mount = at(&client, POD, "tmp", 0, 1);
    let found = request(
        &mut client,
        "textDocument/definition",
        POD,
        mount,
        json!({}),
    );
    assert_eq!(found.as_array().unwrap().len(), 1);
    let declaration = offset(
        client.text(POD),
        &found[0]["range"]["start"],
        client.encoding,
    );
    assert_eq!(declaration, client.text(POD).rfind("tmp").unwrap());
    // Off a name: nothing, not an error.
    let key = at(&client, POD, "image", 0, 1);
    let nothing = request(&mut client, "textDocument/definition", POD, key, json!({}));
    assert_eq!(nothing, Value::Null);
}

#[test]
fn names_in_workspace_files_that_are_not_open() {
    let (repository, mut client, use_site) = open_in_workspace(
        "names",
        // A hidden directory is not read: its ConfigMap is never a definition.
        &[
            ("deploy/config.yaml", CONFIG_TEXT),
            (".hidden/config.yaml", CONFIG_TEXT),
        ],
    );
    let root = &repository.0;
    let config = root.join("deploy/config.yaml");
    let root_uri = format!("file://{}", root.display());
    let pod_uri = format!("{root_uri}/pod.yaml");
    let found = poll_definition(&mut client, &pod_uri, &use_site, 1);
    let found = found.as_array().unwrap();
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(
        found[0]["uri"]
            .as_str()
            .unwrap()
            .ends_with("/deploy/config.yaml")
    );
    assert_eq!(found[0]["range"]["start"]["line"], 3);

    // Renamed on disk, outside the editor: the watched change drops the old name.
    std::fs::write(&config, CONFIG_TEXT.replace("settings", "other")).unwrap();
    client.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": format!("{root_uri}/deploy/config.yaml"), "type": 2}]}),
    );
    let found = poll_definition(&mut client, &pod_uri, &use_site, 0);
    assert_eq!(found, Value::Null);

    // Open, the editor's text counts (not the disk's); closed without saving, the disk's again.
    std::fs::write(&config, CONFIG_TEXT).unwrap();
    let config_uri = format!("{root_uri}/deploy/config.yaml");
    client.open(&config_uri, &CONFIG_TEXT.replace("settings", "edited"));
    assert_eq!(
        poll_definition(&mut client, &pod_uri, &use_site, 0),
        Value::Null
    );
    client.notify(
        "textDocument/didClose",
        json!({"textDocument": {"uri": config_uri}}),
    );
    let found = poll_definition(&mut client, &pod_uri, &use_site, 1);
    assert_eq!(found.as_array().map(Vec::len), Some(1), "{found}");
    // The server asked to watch the manifests (the client said it registers watchers).
    assert!(
        client
            .server_requests
            .iter()
            .any(|m| m == "client/registerCapability"),
        "{}",
        client.logs()
    );
}

/// Asks for the definition at `at` until it has `wanted` locations (the background scan or refresh has
/// run), or the harness's timeout passes.
fn poll_definition(client: &mut Client, uri: &str, at: &Value, wanted: usize) -> Value {
    let deadline = std::time::Instant::now() + podls_e2e::TIMEOUT;
    loop {
        let found = request(
            client,
            "textDocument/definition",
            uri,
            at.clone(),
            json!({}),
        );
        let count = found.as_array().map_or(0, Vec::len);
        if count == wanted || std::time::Instant::now() > deadline {
            return found;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
}

#[test]
fn a_changed_configuration_file_scans_the_workspace_again_with_each_directory_s_nearest_one() {
    let (repository, mut client, use_site) = open_in_workspace(
        "rescan",
        &[
            // The root's file excludes `team/legacy/`, but `team/` has a file of its own, which wins there.
            ("podls.toml", "exclude = [\"team/legacy/\"]\n"),
            ("team/podls.toml", ""),
            ("team/legacy/config.yaml", CONFIG_TEXT),
        ],
    );
    let root = &repository.0;
    let root_uri = format!("file://{}", root.display());
    let pod_uri = format!("{root_uri}/pod.yaml");
    let found = poll_definition(&mut client, &pod_uri, &use_site, 1);
    assert!(
        found[0]["uri"]
            .as_str()
            .is_some_and(|uri| uri.ends_with("/team/legacy/config.yaml")),
        "{found}"
    );

    // `team/`'s own file now excludes it: once told, the server reads the workspace again.
    std::fs::write(root.join("team/podls.toml"), "exclude = [\"legacy/\"]\n").unwrap();
    client.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": format!("{root_uri}/team/podls.toml"), "type": 2}]}),
    );
    assert_eq!(
        poll_definition(&mut client, &pod_uri, &use_site, 0),
        Value::Null
    );
    // Deleted, the root's file applies below `team/` again, with the same exclusion.
    std::fs::remove_file(root.join("team/podls.toml")).unwrap();
    client.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": format!("{root_uri}/team/podls.toml"), "type": 3}]}),
    );
    std::fs::write(root.join("podls.toml"), "").unwrap();
    client.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": format!("{root_uri}/podls.toml"), "type": 2}]}),
    );
    let found = poll_definition(&mut client, &pod_uri, &use_site, 1);
    assert_eq!(found.as_array().map(Vec::len), Some(1), "{found}");
}

/// A workspace folder (a repository) holding `files`, a server started on it, and `POD_TEXT` open in it
/// as `pod.yaml`: the folder, the client, and the place of the ConfigMap's name in the Pod.
fn open_in_workspace(name: &str, files: &[(&str, &str)]) -> (Repository, Client, Value) {
    let repository = Repository::new(name);
    for (path, text) in files {
        repository.write(path, text);
    }
    let root_uri = format!("file://{}", repository.0.display());
    let pod_uri = format!("{root_uri}/pod.yaml");
    let mut client = Client::start();
    client.initialize_with(json!({
        "workspaceFolders": [{"uri": root_uri, "name": "app"}],
        "capabilities": {"workspace": {"didChangeWatchedFiles": {"dynamicRegistration": true}}},
    }));
    client.open(&pod_uri, POD_TEXT);
    let use_site = at(&client, &pod_uri, "settings", 0, 2);
    (repository, client, use_site)
}
