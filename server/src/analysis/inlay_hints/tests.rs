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

/// Each hint as `label: tooltip`, in `locale`: every defaulting reason, left out and written empty, and a
/// quantity.
fn tooltips(locale: crate::messages::Locale, text: &str) -> String {
    inlay_hints(
        &Inputs::new(locale),
        text,
        &parse(text),
        TextRange::new(0, text.len()),
        HintOptions::default(),
    )
    .iter()
    .map(|hint| format!("{}: {}\n", hint.label, hint.tooltip))
    .collect()
}

const EVERY_REASON: &str = "apiVersion: v1
kind: Pod
spec:
  hostNetwork: true
  terminationGracePeriodSeconds: null
  containers:
  - name: a
    image: nginx
    ports:
    - {containerPort: 80, protocol: \"\"}
    readinessProbe:
      periodSeconds: 0
  - name: b
    image: nginx:1.27
    ports: [{containerPort: 81, hostPort: 0}]
    resources: {limits: {memory: 128M}}
";

#[test]
fn tooltips_in_english_and_chinese() {
    use crate::messages::Locale;
    expect![[r#"
        restartPolicy: Always: Set by the API server when left out (SetDefaults_PodSpec: a pod restarts its containers unless it says otherwise).
        dnsPolicy: ClusterFirst: Set by the API server when left out (SetDefaults_PodSpec: names resolve through the cluster's DNS first).
        → 30: The API server reads this as unset and fills in 30 (SetDefaults_PodSpec: 30 seconds between SIGTERM and SIGKILL).
        imagePullPolicy: Always: Set by the API server when left out (SetDefaults_Container: the image's tag is `latest` (no tag and no digest means `latest`), so the kubelet pulls at every start).
        hostPort: 80: Set by the API server when left out (defaultHostNetworkPorts: on the host's network a container port is the node's port too).
        → TCP: The API server reads this as unset and fills in TCP (SetDefaults_ContainerPort: ports are TCP unless they say UDP or SCTP).
        timeoutSeconds: 1: Set by the API server when left out (SetDefaults_Probe: timeoutSeconds is 1 when left out or 0).
        successThreshold: 1: Set by the API server when left out (SetDefaults_Probe: successThreshold is 1 when left out or 0).
        failureThreshold: 3: Set by the API server when left out (SetDefaults_Probe: failureThreshold is 3 when left out or 0).
        → 10: The API server reads this as unset and fills in 10 (SetDefaults_Probe: periodSeconds is 10 when left out or 0).
        imagePullPolicy: IfNotPresent: Set by the API server when left out (SetDefaults_Container: the image names a tag other than `latest` or a digest, so the kubelet pulls only when the node lacks it).
        protocol: TCP: Set by the API server when left out (SetDefaults_ContainerPort: ports are TCP unless they say UDP or SCTP).
        → 81: The API server reads this as unset and fills in 81 (defaultHostNetworkPorts: on the host's network a container port is the node's port too).
        ≈ 122 MiB: memory: 128M ≈ 122 MiB
    "#]]
    .assert_eq(&tooltips(Locale::En, EVERY_REASON));
    expect![[r#"
        restartPolicy: Always: 省略时由 API 服务器填入（SetDefaults_PodSpec：Pod 没有另行指定时会重启它的容器）。
        dnsPolicy: ClusterFirst: 省略时由 API 服务器填入（SetDefaults_PodSpec：域名先经集群的 DNS 解析）。
        → 30: API 服务器把这个值当作未设置，填入 30（SetDefaults_PodSpec：从 SIGTERM 到 SIGKILL 之间等 30 秒）。
        imagePullPolicy: Always: 省略时由 API 服务器填入（SetDefaults_Container：镜像的标签是 `latest`（既没有标签也没有摘要就等于 `latest`），所以 kubelet 每次启动都会拉取）。
        hostPort: 80: 省略时由 API 服务器填入（defaultHostNetworkPorts：使用主机网络时，容器端口同时也是节点上的端口）。
        → TCP: API 服务器把这个值当作未设置，填入 TCP（SetDefaults_ContainerPort：端口没写明 UDP 或 SCTP 时就是 TCP）。
        timeoutSeconds: 1: 省略时由 API 服务器填入（SetDefaults_Probe：timeoutSeconds 省略或为 0 时取 1）。
        successThreshold: 1: 省略时由 API 服务器填入（SetDefaults_Probe：successThreshold 省略或为 0 时取 1）。
        failureThreshold: 3: 省略时由 API 服务器填入（SetDefaults_Probe：failureThreshold 省略或为 0 时取 3）。
        → 10: API 服务器把这个值当作未设置，填入 10（SetDefaults_Probe：periodSeconds 省略或为 0 时取 10）。
        imagePullPolicy: IfNotPresent: 省略时由 API 服务器填入（SetDefaults_Container：镜像写明了 `latest` 以外的标签或摘要，所以只有节点上还没有这个镜像时 kubelet 才会拉取）。
        protocol: TCP: 省略时由 API 服务器填入（SetDefaults_ContainerPort：端口没写明 UDP 或 SCTP 时就是 TCP）。
        → 81: API 服务器把这个值当作未设置，填入 81（defaultHostNetworkPorts：使用主机网络时，容器端口同时也是节点上的端口）。
        ≈ 122 MiB: memory: 128M ≈ 122 MiB
    "#]].assert_eq(&tooltips(Locale::ZhCn, EVERY_REASON));
}
