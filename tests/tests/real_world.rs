//! What real-world manifests (exported with `kubectl get -o yaml`, saved on Windows, written by hand) get
//! through both front ends: each case is a document the API server accepts and one it refuses, checked by
//! `podls check` (stdin, JSON) and by the language server, which must report the same findings.

use std::io::Write;
use std::process::{Command, Stdio};

use podls_e2e::{Client, POD, binary};
use serde_json::{Value, json};

/// One class of issue 17: a document and the findings expected, each `line:character severity code`
/// (0-based, UTF-16, as JSON and LSP print them).
struct Case {
    name: &'static str,
    text: String,
    expected: &'static [&'static str],
}

fn finding(range: &Value, severity: &str, code: &Value) -> String {
    let start = &range["start"];
    format!(
        "{}:{} {severity} {}",
        start["line"],
        start["character"],
        code.as_str().unwrap()
    )
}

fn cli_findings(text: &str) -> Vec<String> {
    let mut child = Command::new(binary())
        .args(["check", "--format", "json", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("start podls check");
    let mut pipe = child.stdin.take().unwrap();
    pipe.write_all(text.as_bytes()).unwrap();
    drop(pipe);
    let output = child.wait_with_output().unwrap();
    let items: Value = serde_json::from_slice(&output.stdout).expect("JSON output");
    let mut found: Vec<String> = items
        .as_array()
        .unwrap()
        .iter()
        .map(|d| finding(&d["range"], d["severity"].as_str().unwrap(), &d["code"]))
        .collect();
    found.sort();
    found
}

fn lsp_findings(client: &mut Client, uri: &str, text: &str) -> Vec<String> {
    client.open(uri, text);
    let published = client.wait_for_diagnostics(uri);
    let mut found: Vec<String> = published["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            let severity = ["error", "warning", "information", "hint"]
                [d["severity"].as_u64().unwrap() as usize - 1];
            finding(&d["range"], severity, &d["code"])
        })
        .collect();
    found.sort();
    found
}

/// What `kubectl create deployment --dry-run=client -o yaml` writes, trimmed: `creationTimestamp: null` in
/// the pod template's metadata too.
const DEPLOYMENT: &str = "\
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      creationTimestamp: null
      labels:
        app: web
    spec:
      containers:
        - name: nginx
          image: nginx:1.27
";

/// `POD` with `old` replaced by `new` (which must be there, or the case tests nothing).
fn pod_with(old: &str, new: &str) -> String {
    assert!(POD.contains(old), "{old:?} is not in POD");
    POD.replacen(old, new, 1)
}

fn cases() -> Vec<Case> {
    vec![
        Case {
            name: "a byte-order mark before a valid Pod",
            text: format!("\u{feff}{POD}"),
            expected: &[],
        },
        Case {
            // A client that keeps the mark counts it as a column; `podls check` drops it, as editors do.
            name: "a byte-order mark before a misspelt first key",
            text: format!("\u{feff}{}", pod_with("apiVersion", "apiVersio")),
            expected: &["0:0 error missing-required", "0:0 error unknown-field"],
        },
        Case {
            // Every reader of raw lines skips the mark: a suppression on line 0 still applies.
            name: "a byte-order mark before a file-level suppression",
            text: format!(
                "\u{feff}# podls-ignore-file: image-latest\n{}",
                pod_with("nginx:1.27", "nginx")
            ),
            expected: &[],
        },
        Case {
            name: "a byte-order mark before a suppression ending line 0",
            text: format!(
                "\u{feff}{}",
                pod_with("apiVersion: v1", "apiVersio: v1 # podls-ignore")
            ),
            expected: &[],
        },
        Case {
            name: "empty strings where the API server fills a default",
            text: pod_with("IfNotPresent", "\"\"")
                .replace("OnFailure", "''")
                .replace("protocol: TCP", "protocol: \"\""),
            expected: &[],
        },
        Case {
            name: "a pull policy in the wrong case",
            text: pod_with("IfNotPresent", "ifnotpresent"),
            expected: &["11:23 error invalid-enum"],
        },
        Case {
            name: "explicit nulls, which the decoder reads as absent",
            text: pod_with(
                "  containers:\n",
                "  affinity:\n    nodeAffinity:\n      requiredDuringSchedulingIgnoredDuringExecution: null\n  containers:\n",
            )
            .replace("      ports:\n", "      resources: null\n      env: null\n      ports:\n"),
            expected: &[],
        },
        Case {
            name: "an empty node selector, which is not null",
            text: pod_with(
                "  containers:\n",
                "  affinity:\n    nodeAffinity:\n      requiredDuringSchedulingIgnoredDuringExecution: {}\n  containers:\n",
            ),
            expected: &["10:6 error missing-required"],
        },
        Case {
            name: "a probe on a port name the container declares",
            text: pod_with("        - containerPort: 80\n", "        - containerPort: 80\n          name: http\n")
                + "      readinessProbe:\n        httpGet:\n          port: http\n",
            expected: &[],
        },
        Case {
            // Accepted by the API server; the kubelet cannot resolve the name.
            name: "a probe on a port name the container does not declare",
            text: format!("{POD}      livenessProbe:\n        tcpSocket:\n          port: metrics\n"),
            expected: &["17:16 warning unresolved-reference"],
        },
        Case {
            name: "an exported Pod with the fields the cluster sets",
            text: pod_with("  name: web\n", "  name: web\n  creationTimestamp: null\n"),
            expected: &["4:2 hint system-field"],
        },
        Case {
            name: "a resourceVersion, which create refuses",
            text: pod_with("  name: web\n", "  name: web\n  resourceVersion: \"42\"\n"),
            expected: &["4:2 warning system-field"],
        },
        Case {
            name: "a Windows HostProcess Pod on the host network",
            text: pod_with(
                "  restartPolicy: OnFailure\n",
                "  restartPolicy: OnFailure\n  hostNetwork: true\n  securityContext:\n    windowsOptions:\n      hostProcess: true\n",
            ),
            expected: &[],
        },
        Case {
            name: "a Windows HostProcess Pod without hostNetwork",
            text: pod_with(
                "  restartPolicy: OnFailure\n",
                "  restartPolicy: OnFailure\n  securityContext:\n    windowsOptions:\n      hostProcess: true\n",
            ),
            expected: &["10:19 error conflicting-fields"],
        },
        Case {
            name: "a Pod whose kind is misspelt as a key",
            text: pod_with("kind: Pod", "ind: Pod"),
            expected: &["1:0 error missing-required", "1:0 error unknown-field"],
        },
        Case {
            name: "a Deployment dump with the fields the cluster sets in its template",
            text: DEPLOYMENT.to_string(),
            expected: &["10:6 hint system-field"],
        },
        Case {
            name: "a Deployment whose kind is misspelt as a key",
            text: DEPLOYMENT.replace("kind: Deployment", "knd: Deployment"),
            expected: &[
                "10:6 hint system-field",
                "1:0 error missing-required",
                "1:0 error unknown-field",
            ],
        },
        Case {
            // The decoder reads `exec: null` as no exec: one handler.
            name: "a null handler beside the probe's real one",
            text: format!(
                "{POD}      livenessProbe:\n        exec: null\n        tcpSocket:\n          port: 80\n"
            ),
            expected: &[],
        },
        Case {
            name: "a probe whose only handler is null",
            text: format!("{POD}      readinessProbe:\n        exec: null\n"),
            expected: &["15:6 error conflicting-fields"],
        },
        Case {
            // Only the ephemeralcontainers subresource adds them (`kubectl debug`).
            name: "ephemeral containers in a Pod being created",
            text: format!(
                "{POD}  ephemeralContainers:\n    - name: debugger\n      image: busybox:1.36\n"
            ),
            expected: &["15:2 error forbidden-field"],
        },
        Case {
            // ValidatePodCreate: the scheduler binds a gated Pod once its gates are cleared.
            name: "a Pod created on a node while it has scheduling gates",
            text: pod_with(
                "  restartPolicy: OnFailure\n",
                "  restartPolicy: OnFailure\n  nodeName: node-1\n  schedulingGates:\n    - name: example.com/quota\n",
            ),
            expected: &["8:2 error conflicting-fields"],
        },
        Case {
            name: "a Pod in its own user namespace sharing the node's process namespace",
            text: pod_with(
                "  restartPolicy: OnFailure\n",
                "  restartPolicy: OnFailure\n  hostUsers: false\n  hostPID: true\n",
            ),
            expected: &["9:2 error conflicting-fields"],
        },
        Case {
            // Go YAML reads it; other YAML tools may not.
            name: "a flow sequence closed at its key's column",
            text: pod_with("      ports:\n", "      args: [\n        \"a\",\n      ]\n      ports:\n"),
            expected: &["14:6 warning yaml-lenient"],
        },
        Case {
            // Go YAML checks no indentation on a quoted string's continuation lines.
            name: "a double-quoted item continued left of its dash",
            text: format!(
                "{POD}      command:\n        - sh\n        - \"echo a &&\n    echo b\"\n"
            ),
            expected: &["17:10 warning yaml-lenient"],
        },
        Case {
            name: "a single-quoted value continued at column 0",
            text: format!("{POD}      workingDir: '/srv/\nweb'\n"),
            expected: &["15:18 warning yaml-lenient"],
        },
        Case {
            // Nor inside a flow collection.
            name: "a flow sequence item left of its key",
            text: format!("{POD}      args: [\"a\",\n    \"b\"]\n"),
            expected: &["16:4 warning yaml-lenient"],
        },
        Case {
            // A YAML 1.1 merge key, which Go YAML applies: the second container gets the first one's image.
            name: "a container merged from an anchored one",
            text: "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - &app\n      name: nginx\n      image: nginx:1.27\n    - <<: *app\n      name: sidecar\n".to_string(),
            expected: &["9:6 warning yaml-lenient"],
        },
        Case {
            // kubectl sends the boolean; the API server refuses it in a string field.
            name: "a YAML 1.1 boolean word in a string field",
            text: format!("{POD}      env:\n        - name: A\n          value: yes\n"),
            expected: &["17:17 error type-mismatch"],
        },
        Case {
            name: "a YAML 1.1 boolean word in a boolean field",
            text: pod_with(
                "  restartPolicy: OnFailure\n",
                "  restartPolicy: OnFailure\n  hostNetwork: yes\n",
            ),
            expected: &["8:15 warning yaml11-boolean"],
        },
    ]
}

#[test]
fn each_real_world_case_gets_the_expected_findings_from_the_cli_and_the_server() {
    let mut client = Client::start();
    client.initialize(json!({}));
    for (i, case) in cases().iter().enumerate() {
        let mut expected: Vec<String> = case.expected.iter().map(|s| s.to_string()).collect();
        expected.sort();
        assert_eq!(
            cli_findings(&case.text),
            expected,
            "podls check: {}",
            case.name
        );
        // The language server gets the text as the client sends it: with a byte-order mark, that mark is the
        // first column of line 0.
        let shift = usize::from(case.text.starts_with('\u{feff}'));
        let expected: Vec<String> = expected
            .iter()
            .map(|f| match f.strip_prefix("0:") {
                Some(rest) => {
                    let (column, rest) = rest.split_once(' ').unwrap();
                    format!("0:{} {rest}", column.parse::<usize>().unwrap() + shift)
                }
                None => f.clone(),
            })
            .collect();
        let uri = format!("file:///work/real-world-{i}.yaml");
        assert_eq!(
            lsp_findings(&mut client, &uri, &case.text),
            expected,
            "server: {}",
            case.name
        );
    }
}
