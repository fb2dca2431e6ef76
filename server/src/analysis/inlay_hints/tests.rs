//! Each fixture with its hints written into the text where the editor shows them: `⟨label⟩`. Block and
//! flow style, every kind that holds a pod, each rule's cases.

use expect_test::{Expect, expect};

use super::{HintOptions, inlay_hints};
use crate::analysis::Inputs;
use crate::syntax::{TextRange, parse};

fn check_with(text: &str, options: HintOptions, expected: Expect) {
    let hints = inlay_hints(
        &Inputs::default(),
        text,
        &parse(text),
        TextRange::new(0, text.len()),
        options,
    );
    let mut out = String::new();
    let mut from = 0;
    for hint in &hints {
        out.push_str(&text[from..hint.at]);
        out.push_str(&format!("⟨{}⟩", hint.label));
        from = hint.at;
    }
    out.push_str(&text[from..]);
    expected.assert_eq(&out);
}

fn check(text: &str, expected: Expect) {
    check_with(text, HintOptions::default(), expected);
}

#[test]
fn a_pod_left_to_its_defaults() {
    check(
        "apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  containers:
  - name: app
    image: nginx
    ports:
    - containerPort: 80
    - containerPort: 53
      protocol: UDP
    livenessProbe:
      httpGet: {path: /, port: 80}
      periodSeconds: 0
  - name: pinned
    image: nginx:1.27
    imagePullPolicy: \"\"
  - name: digest
    image: nginx@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef
  - name: latest
    image: registry.example.com:5000/nginx:latest
    imagePullPolicy: Never
",
        expect![[r#"
            apiVersion: v1
            kind: Pod
            metadata: {name: web}
            spec:⟨restartPolicy: Always⟩⟨dnsPolicy: ClusterFirst⟩⟨terminationGracePeriodSeconds: 30⟩
              containers:
              - name: app
                image: nginx⟨imagePullPolicy: Always⟩
                ports:
                - containerPort: 80⟨protocol: TCP⟩
                - containerPort: 53
                  protocol: UDP
                livenessProbe:⟨timeoutSeconds: 1⟩⟨successThreshold: 1⟩⟨failureThreshold: 3⟩
                  httpGet: {path: /, port: 80}
                  periodSeconds: 0⟨→ 10⟩
              - name: pinned
                image: nginx:1.27
                imagePullPolicy: ""⟨→ IfNotPresent⟩
              - name: digest
                image: nginx@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef⟨imagePullPolicy: IfNotPresent⟩
              - name: latest
                image: registry.example.com:5000/nginx:latest
                imagePullPolicy: Never
        "#]],
    );
}

#[test]
fn host_network_ports_and_flow_style() {
    check(
        "{apiVersion: v1, kind: Pod, spec: {hostNetwork: true, restartPolicy: Never, dnsPolicy: ClusterFirstWithHostNet,
  terminationGracePeriodSeconds: 5,
  containers: [{name: a, image: 'busybox:1.36', ports: [{containerPort: 8080}, {containerPort: 9090, hostPort: 0}, {containerPort: 7070, hostPort: 7070}]}]}}
",
        expect![[r#"
            {apiVersion: v1, kind: Pod, spec: {hostNetwork: true, restartPolicy: Never, dnsPolicy: ClusterFirstWithHostNet,
              terminationGracePeriodSeconds: 5,
              containers: [{name: a, image: 'busybox:1.36'⟨imagePullPolicy: IfNotPresent⟩, ports: [{containerPort: 8080⟨protocol: TCP⟩⟨hostPort: 8080⟩}, {containerPort: 9090⟨protocol: TCP⟩, hostPort: 0⟨→ 9090⟩}, {containerPort: 7070⟨protocol: TCP⟩, hostPort: 7070}]}]}}
        "#]],
    );
}

#[test]
fn restart_policy_by_kind() {
    check(
        "apiVersion: apps/v1
kind: Deployment
spec:
  template:
    spec:
      terminationGracePeriodSeconds: 10
      dnsPolicy: Default
      containers: [{name: a, image: a:1}]
---
{apiVersion: batch/v1, kind: CronJob, spec: {jobTemplate: {spec: {template: {spec: {
  dnsPolicy: Default, terminationGracePeriodSeconds: 10, containers: [{name: a, image: a:1}]}}}}}}
",
        expect![[r#"
            apiVersion: apps/v1
            kind: Deployment
            spec:
              template:
                spec:⟨restartPolicy: Always⟩
                  terminationGracePeriodSeconds: 10
                  dnsPolicy: Default
                  containers: [{name: a, image: a:1⟨imagePullPolicy: IfNotPresent⟩}]
            ---
            {apiVersion: batch/v1, kind: CronJob, spec: {jobTemplate: {spec: {template: {spec: {
              dnsPolicy: Default, terminationGracePeriodSeconds: 10, containers: [{name: a, image: a:1⟨imagePullPolicy: IfNotPresent⟩}]}}}}}}
        "#]],
    );
}

#[test]
fn quantities_in_the_units_people_read() {
    check_with(
        "apiVersion: v1
kind: Pod
spec:
  resources:
    limits: {cpu: 1500m, memory: 1Gi}
  containers:
  - name: a
    image: a:1
    resources:
      requests:
        cpu: 500m
        memory: 128M
        nvidia.com/gpu: 1
      limits:
        memory: 134217728
  volumes:
  - name: scratch
    emptyDir: {sizeLimit: 1G}
",
        HintOptions {
            defaults: false,
            quantities: true,
        },
        expect![[r#"
            apiVersion: v1
            kind: Pod
            spec:
              resources:
                limits: {cpu: 1500m⟨= 1.5 CPU⟩, memory: 1Gi}
              containers:
              - name: a
                image: a:1
                resources:
                  requests:
                    cpu: 500m⟨= 0.5 CPU⟩
                    memory: 128M⟨≈ 122 MiB⟩
                    nvidia.com/gpu: 1
                  limits:
                    memory: 134217728⟨= 128 MiB⟩
              volumes:
              - name: scratch
                emptyDir: {sizeLimit: 1G⟨≈ 954 MiB⟩}
        "#]],
    );
}

#[test]
fn settings_turn_them_off_and_other_yaml_has_none() {
    let pod =
        "kind: Pod\nspec:\n  containers: [{name: a, image: a, resources: {limits: {cpu: 100m}}}]\n";
    check_with(
        pod,
        HintOptions {
            defaults: false,
            quantities: false,
        },
        expect![[r#"
            kind: Pod
            spec:
              containers: [{name: a, image: a, resources: {limits: {cpu: 100m}}}]
        "#]],
    );
    check(
        "apiVersion: v1\nkind: Service\nspec:\n  ports: [{port: 80}]\n",
        expect![[r#"
            apiVersion: v1
            kind: Service
            spec:
              ports: [{port: 80}]
        "#]],
    );
}
