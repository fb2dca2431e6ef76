//! Workloads through the real binary: `podls check` finds the Pod rules inside templates of every kind
//! (with full document paths) and the workloads' own rules, in block and flow style, in a multi-document
//! file mixing kinds and in a List; a clean file of every kind exits 0.

use std::process::Command;

use podls_e2e::binary;
use serde_json::Value;

/// `podls check --format json -` on `text`: the exit code and the `path code` of every error.
fn check(text: &str) -> (i32, Vec<String>) {
    use std::io::Write;
    let mut child = Command::new(binary())
        .args(["check", "--format", "json", "-"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("start podls check");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(text.as_bytes())
        .unwrap();
    let output = child.wait_with_output().unwrap();
    let items: Value = serde_json::from_slice(&output.stdout).expect("JSON output");
    let errors = items
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["severity"] == "error")
        .map(|d| {
            format!(
                "{} {}",
                d["path"].as_str().unwrap_or("-"),
                d["code"].as_str().unwrap()
            )
        })
        .collect();
    (output.status.code().unwrap(), errors)
}

const DEPLOYMENT: &str = "apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      restartPolicy: Nevr
      containers:
      - name: web
        image: nginx:1.27
        imagePullPolicy: Sometimes
";

#[test]
fn a_deployment_with_a_typo_in_its_template_fails_the_check() {
    let (code, errors) = check(DEPLOYMENT);
    assert_eq!(code, 1);
    assert_eq!(
        errors,
        [
            "spec.template.spec.restartPolicy invalid-enum",
            "spec.template.spec.containers[0].imagePullPolicy invalid-enum",
        ]
    );
}

#[test]
fn every_kind_in_one_file_block_flow_and_list() {
    let text = "apiVersion: batch/v1
kind: CronJob
metadata: {name: nightly}
spec:
  schedule: \"0 3 * * 8\"
  timeZone: Europe/Paris
  jobTemplate:
    spec:
      template:
        spec:
          containers: [{name: c, image: 'busybox:1', ports: [{containerPort: 70000}]}]
---
{apiVersion: apps/v1, kind: StatefulSet, metadata: {name: db}, spec: {selector: {matchLabels: {app: db}}, template: {metadata: {labels: {app: other}}, spec: {containers: [{name: db, image: 'postgres:16', volumeMounts: [{name: data, mountPath: /data}]}]}}, volumeClaimTemplates: [{metadata: {name: data}}]}}
---
apiVersion: v1
kind: List
items:
- apiVersion: apps/v1
  kind: DaemonSet
  metadata: {name: agent}
  spec:
    selector: {matchLabels: {app: agent}}
    template:
      metadata: {labels: {app: agent}}
      spec:
        containers: [{name: agent, image: 'agent:1'}]
- apiVersion: v1
  kind: PodTemplate
  metadata: {name: t}
  template:
    spec:
      containers: [{name: c}]
";
    let (code, errors) = check(text);
    assert_eq!(code, 1);
    assert_eq!(
        errors,
        [
            "spec.schedule invalid-schedule",
            "spec.jobTemplate.spec.template.spec.restartPolicy missing-required",
            "spec.jobTemplate.spec.template.spec.containers[0].ports[0].containerPort out-of-range",
            "spec.template.metadata.labels.app selector-mismatch",
            "items[1].template.spec.containers[0].image missing-required",
        ]
    );
}
