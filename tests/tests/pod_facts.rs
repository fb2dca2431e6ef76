//! What the API server fills in and what the cluster computes, through the real binary: inlay hints for
//! defaults and quantities (in the requested range, turned off by `podls.inlayHints`, refreshed when the
//! setting changes) and the code lenses of each pod spec (QoS class, the scheduler's requests and limits),
//! for a Pod and a workload template in one file, block and flow style.

use podls_e2e::{Client, offset};
use serde_json::{Value, json};

const URI: &str = "file:///work/app.yaml";

const FILE: &str = "\
apiVersion: v1
kind: Pod
metadata: {name: shop, labels: {app: shop}}
spec:
  containers:
  - name: shop
    image: httpd
    ports:
    - containerPort: 8080
    resources:
      requests: {cpu: 250m, memory: 128M}
      limits: {cpu: 500m, memory: 128M}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: api}
spec:
  template:
    spec:
      restartPolicy: Always
      dnsPolicy: Default
      terminationGracePeriodSeconds: 5
      containers: [{name: a, image: 'api:2', resources: {limits: {cpu: '1', memory: 1Gi}}}]
";

fn started(capabilities: Value) -> Client {
    let mut client = Client::start();
    client.initialize(capabilities);
    client.open(URI, FILE);
    client
}

/// Each hint as `line: label` (0-based lines), for the whole file or the lines asked.
fn hints(client: &mut Client, lines: std::ops::Range<u32>) -> Vec<String> {
    let range = json!({"start": {"line": lines.start, "character": 0}, "end": {"line": lines.end, "character": 0}});
    let answer = client
        .request(
            "textDocument/inlayHint",
            json!({"textDocument": {"uri": URI}, "range": range}),
        )
        .unwrap();
    answer
        .as_array()
        .unwrap()
        .iter()
        .map(|hint| {
            assert_eq!(hint["paddingLeft"], true);
            assert!(
                hint["tooltip"].as_str().is_some_and(|t| !t.is_empty()),
                "{hint}"
            );
            format!(
                "{}: {}",
                hint["position"]["line"],
                hint["label"].as_str().unwrap()
            )
        })
        .collect()
}

#[test]
fn defaults_and_quantities_as_inlay_hints() {
    let mut client = started(json!({}));
    assert_eq!(
        hints(&mut client, 0..30),
        [
            "3: restartPolicy: Always",
            "3: dnsPolicy: ClusterFirst",
            "3: terminationGracePeriodSeconds: 30",
            "6: imagePullPolicy: Always",
            "8: protocol: TCP",
            "10: = 0.25 CPU",
            "10: ≈ 122 MiB",
            "11: = 0.5 CPU",
            "11: ≈ 122 MiB",
            "22: imagePullPolicy: IfNotPresent",
        ]
    );
    // Only the lines asked for.
    assert_eq!(
        hints(&mut client, 6..9),
        ["6: imagePullPolicy: Always", "8: protocol: TCP"]
    );
    // The hint sits at the end of what it explains.
    let answer = client
        .request(
            "textDocument/inlayHint",
            json!({"textDocument": {"uri": URI}, "range": {"start": {"line": 6, "character": 0}, "end": {"line": 7, "character": 0}}}),
        )
        .unwrap();
    let at = offset(FILE, &answer[0]["position"], client.encoding);
    assert!(FILE[..at].ends_with("image: httpd"));
}

#[test]
fn a_setting_turns_them_off_and_the_client_is_asked_to_redraw() {
    let mut client = started(json!({"workspace": {"inlayHint": {"refreshSupport": true}}}));
    client.notify(
        "workspace/didChangeConfiguration",
        json!({"settings": {"podls": {"inlayHints": {"defaults": false}}}}),
    );
    assert_eq!(
        hints(&mut client, 0..30),
        [
            "10: = 0.25 CPU",
            "10: ≈ 122 MiB",
            "11: = 0.5 CPU",
            "11: ≈ 122 MiB"
        ]
    );
    client.notify(
        "workspace/didChangeConfiguration",
        json!({"settings": {"podls": {"inlayHints": false}}}),
    );
    assert!(hints(&mut client, 0..30).is_empty());
    // The refresh request arrives on its own task; a round trip later it has been answered.
    let _ = hints(&mut client, 0..1);
    assert!(
        client
            .server_requests
            .iter()
            .any(|m| m == "workspace/inlayHint/refresh"),
        "{:?}",
        client.server_requests
    );
}

#[test]
fn code_lenses_over_each_pod_spec() {
    let mut client = started(json!({}));
    let lenses = client
        .request(
            "textDocument/codeLens",
            json!({"textDocument": {"uri": URI}}),
        )
        .unwrap();
    let lenses: Vec<String> = lenses
        .as_array()
        .unwrap()
        .iter()
        .map(|lens| {
            let at = offset(FILE, &lens["range"]["start"], client.encoding);
            let word = &FILE[at..at + 4];
            format!(
                "{} {word}: {}",
                lens["range"]["start"]["line"],
                lens["command"]["title"].as_str().unwrap()
            )
        })
        .collect();
    assert_eq!(
        lenses,
        [
            "3 spec: QoS Burstable (requests below limits, or set for some containers only)",
            "3 spec: requests cpu 250m, memory ≈122Mi · limits cpu 500m, memory ≈122Mi",
            "18 spec: QoS Guaranteed (cpu and memory limits equal requests)",
            "18 spec: requests cpu 1, memory 1Gi · limits cpu 1, memory 1Gi",
        ]
    );
}

#[test]
fn other_yaml_has_no_hints_or_lenses() {
    let mut client = Client::start();
    client.initialize(json!({}));
    client.open(
        URI,
        "apiVersion: v1\nkind: ConfigMap\ndata: {memory: 128M}\n",
    );
    assert!(hints(&mut client, 0..5).is_empty());
    let lenses = client
        .request(
            "textDocument/codeLens",
            json!({"textDocument": {"uri": URI}}),
        )
        .unwrap();
    assert!(lenses.is_null(), "{lenses}");
}
