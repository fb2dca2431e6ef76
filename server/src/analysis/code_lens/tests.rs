//! The lenses of each pod spec, as `line: title` (1-based): QoS per class and the scheduler's totals —
//! sums, the init container peak, sidecars, pod-level resources, overhead — in block and flow style.

use expect_test::{Expect, expect};

use super::code_lenses;
use crate::analysis::Inputs;
use crate::syntax::{LineIndex, parse};

fn check(text: &str, expected: Expect) {
    check_with(&Inputs::default(), text, expected);
}

fn check_with(inputs: &Inputs, text: &str, expected: Expect) {
    let lines = LineIndex::new(text);
    let out: String = code_lenses(inputs, text, &parse(text))
        .iter()
        .map(|lens| format!("{}: {}\n", lines.line_of(lens.range.start) + 1, lens.title))
        .collect();
    expected.assert_eq(&out);
}

#[test]
fn qos_per_class() {
    check(
        "# Guaranteed: limits alone, which the requests default to
kind: Pod
spec:
  containers:
  - {name: a, image: a:1, resources: {limits: {cpu: 500m, memory: 256Mi}}}
  - {name: b, image: b:1, resources: {requests: {cpu: '1', memory: 1Gi}, limits: {cpu: 1000m, memory: 1Gi}}}
---
# Burstable: one container without limits
kind: Pod
spec:
  containers:
  - {name: a, image: a:1, resources: {limits: {cpu: 500m, memory: 256Mi}}}
  - {name: b, image: b:1}
---
# Burstable: a memory limit only
kind: Pod
spec:
  containers:
  - {name: a, image: a:1, resources: {limits: {memory: 256Mi}}}
---
# BestEffort: nothing, or only other resources
kind: Pod
spec:
  containers:
  - {name: a, image: a:1, resources: {limits: {nvidia.com/gpu: 1}}}
",
        expect![[r#"
            3: QoS Guaranteed (cpu and memory limits equal requests)
            3: requests cpu 1500m, memory 1.25Gi · limits cpu 1500m, memory 1.25Gi
            10: QoS Burstable (requests below limits, or set for some containers only)
            10: requests cpu 500m, memory 256Mi · limits cpu 500m, memory 256Mi
            17: QoS Burstable (requests below limits, or set for some containers only)
            17: requests memory 256Mi · limits memory 256Mi
            23: QoS BestEffort (no cpu or memory requests or limits)
            23: requests nvidia.com/gpu 1 · limits nvidia.com/gpu 1
        "#]],
    );
}

#[test]
fn init_containers_sidecars_pod_level_and_overhead() {
    check(
        "apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  template:
    spec:
      initContainers:
      # runs alone before the others: the pod needs its 2 CPUs at that moment
      - name: warm
        image: warm:1
        resources: {requests: {cpu: '2', memory: 64Mi}}
      # a sidecar: runs beside everything after it
      - name: proxy
        image: envoy:1
        restartPolicy: Always
        resources: {requests: {cpu: 100m, memory: 128Mi}}
      # a later init container runs beside the sidecar
      - name: late
        image: late:1
        resources: {requests: {cpu: 250m, memory: 512Mi}}
      containers:
      - name: app
        image: app:1
        resources: {requests: {cpu: 500m, memory: 256Mi}, limits: {memory: 512Mi}}
      overhead: {cpu: 50m, memory: 10Mi}
---
apiVersion: v1
kind: Pod
spec:
  resources:
    limits: {cpu: '2', memory: 2Gi}
  containers:
  - name: a
    image: a:1
    resources: {requests: {cpu: 500m}}
",
        expect![[r#"
            6: QoS Burstable (requests below limits, or set for some containers only)
            6: requests cpu 2050m, memory 650Mi · limits memory 522Mi
            29: QoS Burstable (pod-level resources: requests below limits, or set for some containers only)
            29: requests cpu 500m, memory 2Gi · limits cpu 2, memory 2Gi
        "#]],
    );
}

/// The sums follow the target version: a sidecar counts as one only where the API server keeps an init
/// container's `restartPolicy` (1.29+), pod-level resources only where it keeps them (1.34+).
#[test]
fn sidecars_and_pod_level_resources_count_where_the_target_has_them() {
    let text = "apiVersion: v1
kind: Pod
spec:
  resources:
    limits: {cpu: '2', memory: 2Gi}
  initContainers:
  - {name: proxy, image: 'envoy:1', restartPolicy: Always, resources: {requests: {cpu: 100m, memory: 128Mi}}}
  containers:
  - {name: a, image: 'a:1', resources: {requests: {cpu: 500m, memory: 256Mi}}}
";
    for version in ["1.28", "1.33", "1.34"] {
        let target = crate::analysis::KubernetesVersion::parse(version).unwrap();
        let inputs = Inputs::default().with_kubernetes(target);
        let expected = match version {
            "1.28" => expect![[r#"
                3: QoS Burstable (requests below limits, or set for some containers only)
                3: requests cpu 500m, memory 256Mi · no limits
            "#]],
            "1.33" => expect![[r#"
                3: QoS Burstable (requests below limits, or set for some containers only)
                3: requests cpu 600m, memory 384Mi · no limits
            "#]],
            _ => expect![[r#"
                3: QoS Burstable (pod-level resources: requests below limits, or set for some containers only)
                3: requests cpu 600m, memory 384Mi · limits cpu 2, memory 2Gi
            "#]],
        };
        check_with(&inputs, text, expected);
    }
}

/// Every title in Chinese: the three classes, pod-level resources, and each totals form.
#[test]
fn titles_in_chinese() {
    let inputs = Inputs::new(crate::messages::Locale::ZhCn);
    check_with(
        &inputs,
        "kind: Pod
spec:
  containers:
  - {name: a, image: a:1, resources: {limits: {cpu: 500m, memory: 256Mi}}}
---
kind: Pod
spec:
  containers:
  - {name: a, image: a:1, resources: {requests: {cpu: 500m, memory: 256Mi}}}
---
kind: Pod
spec:
  containers:
  - {name: a, image: a:1, resources: {limits: {nvidia.com/gpu: 1}}}
---
kind: Pod
spec:
  containers:
  - {name: a, image: a:1}
---
apiVersion: v1
kind: Pod
spec:
  resources:
    limits: {cpu: '2', memory: 2Gi}
  containers:
  - {name: a, image: 'a:1', resources: {requests: {cpu: 500m, memory: 256Mi}}}
",
        expect![[r#"
            2: QoS 等级 Guaranteed（CPU 和内存的限制都等于请求）
            2: 请求 cpu 500m，memory 256Mi · 限制 cpu 500m，memory 256Mi
            7: QoS 等级 Burstable（请求低于限制，或只有部分容器设置了它们）
            7: 请求 cpu 500m，memory 256Mi · 没有限制
            12: QoS 等级 BestEffort（CPU 和内存都没有请求或限制）
            12: 请求 nvidia.com/gpu 1 · 限制 nvidia.com/gpu 1
            17: QoS 等级 BestEffort（CPU 和内存都没有请求或限制）
            17: 没有请求，也没有限制
            23: QoS 等级 Burstable（按 Pod 级资源：请求低于限制，或只有部分容器设置了它们）
            23: 请求 cpu 500m，memory 256Mi · 限制 cpu 2，memory 2Gi
        "#]],
    );
}
