//! Whole pods that break rules of several objects at once (conflicts, warnings, selectors with host ports
//! and mounts): one snapshot shows how their diagnostics come out together.

use expect_test::expect;

use crate::analysis::diagnostics::tests::check;

#[test]
fn conflicts() {
    check(
        r#"apiVersion: v1
kind: Pod
metadata:
  name: a
spec:
  hostNetwork: true
  dnsPolicy: None
  shareProcessNamespace: true
  hostPID: true
  initContainers:
  - name: init
    image: busybox:1
    readinessProbe:
      exec:
        command: [sh]
  - name: sidecar
    image: busybox:1
    restartPolicy: Always
    readinessProbe:
      exec:
        command: [sh]
  containers:
  - name: c
    image: nginx:1
    ports:
    - containerPort: 80
      hostPort: 8080
    env:
    - name: A
      value: x
      valueFrom:
        fieldRef:
          fieldPath: metadata.name
    - name: B
      valueFrom: {}
    livenessProbe:
      periodSeconds: 5
    startupProbe:
      exec:
        command: [sh]
      httpGet:
        port: 80
      successThreshold: 2
    lifecycle:
      preStop:
        sleep:
          seconds: 1
    resources:
      requests:
        cpu: "2"
        memory: 1Gi
      limits:
        cpu: 500m
        memory: 1Gi
  tolerations:
  - operator: Equal
    value: x
  - key: k
    operator: Exists
    value: v
    tolerationSeconds: 5
  topologySpreadConstraints:
  - maxSkew: 1
    topologyKey: zone
    whenUnsatisfiable: ScheduleAnyway
    minDomains: 2
  volumes:
  - name: v
    emptyDir: {}
    hostPath:
      path: /tmp
"#,
        expect![[r#"
            7:3-7:12 error[conflicting-fields] spec.dnsPolicy: `dnsPolicy: None` requires `dnsConfig` with at least one nameserver
            8:3-8:24 error[conflicting-fields] spec.shareProcessNamespace: `shareProcessNamespace` and `hostPID` cannot both be true
            13:5-13:19 error[conflicting-fields] spec.initContainers[0].readinessProbe: an init container may not set `readinessProbe` unless it is a sidecar (`restartPolicy: Always`)
            27:7-27:15 error[conflicting-fields] spec.containers[0].ports[0].hostPort: with `hostNetwork: true` the hostPort must equal the containerPort (80), found 8080
            31:7-31:16 error[conflicting-fields] spec.containers[0].env[0].valueFrom: `value` and `valueFrom` are mutually exclusive: keep one
            35:7-35:16 error[conflicting-fields] spec.containers[0].env[1].valueFrom: `valueFrom` needs exactly one of `fieldRef`, `resourceFieldRef`, `configMapKeyRef`, `secretKeyRef` or `fileKeyRef`; none is set
            36:5-36:18 error[conflicting-fields] spec.containers[0].livenessProbe: a probe needs exactly one of `exec`, `httpGet`, `tcpSocket` or `grpc`; none is set
            41:7-41:14 error[conflicting-fields] spec.containers[0].startupProbe.httpGet: a probe takes exactly one of `exec`, `httpGet`, `tcpSocket` or `grpc`; `exec` is already set, so remove `httpGet` or `exec`
            43:7-43:23 error[conflicting-fields] spec.containers[0].startupProbe.successThreshold: `successThreshold` of a startupProbe must be 1, found 2
            50:14-50:17 error[conflicting-fields] spec.containers[0].resources.requests.cpu: the cpu request ("2") is above its limit (500m); a request must be less than or equal to the limit
            56:5-56:13 error[conflicting-fields] spec.tolerations[0].operator: a toleration without `key` must use `operator: Exists` (it then tolerates every taint)
            60:5-60:10 error[conflicting-fields] spec.tolerations[1].value: `value` must be empty when `operator` is `Exists`
            61:5-61:22 error[conflicting-fields] spec.tolerations[1].tolerationSeconds: `tolerationSeconds` is only allowed with `effect: NoExecute`
            66:5-66:15 error[conflicting-fields] spec.topologySpreadConstraints[0].minDomains: `minDomains` may only be set with `whenUnsatisfiable: DoNotSchedule`
            70:5-70:13 error[conflicting-fields] spec.volumes[0].hostPath: a volume may not specify more than one volume type; `emptyDir` is already set
        "#]],
    );
}

#[test]
fn warnings() {
    check(
        r#"apiVersion: v1
kind: Pod
metadata:
  name: a
spec:
  serviceAccount: builder
  containers:
  - name: a
    image: nginx
  - name: b
    image: registry.example.com:5000/app:latest
    imagePullPolicy: IfNotPresent
    env:
    - name: X
      value: "1"
    - name: X
      value: "2"
  - name: c
    image: nginx@sha256:0000
  - name: d
    image: registry.example.com:5000/app
  volumes:
  - name: repo
    gitRepo:
      repository: https://example.com/r.git
status:
  phase: Running
"#,
        expect![[r#"
            6:3-6:17 warning[deprecated-field] spec.serviceAccount: `serviceAccount` is deprecated: Deprecated alias of serviceAccountName; set serviceAccountName instead.
            9:12-9:17 warning[image-latest] spec.containers[0].image: image `nginx` has no tag, so it means `nginx:latest`: which version runs can change at any pull, and imagePullPolicy then defaults to `Always`; pin a version tag or digest
            11:12-11:48 warning[image-latest] spec.containers[1].image: image `registry.example.com:5000/app:latest` uses the `latest` tag: which version runs can change at any pull; pin a version tag or digest
            16:13-16:14 warning[duplicate-env] spec.containers[1].env[1].name: environment variable `X` is set twice in this container; the last one wins
            21:12-21:41 warning[image-latest] spec.containers[3].image: image `registry.example.com:5000/app` has no tag, so it means `registry.example.com:5000/app:latest`: which version runs can change at any pull, and imagePullPolicy then defaults to `Always`; pin a version tag or digest
            24:5-24:12 warning[deprecated-field] spec.volumes[0].gitRepo: `gitRepo` is deprecated: The in-tree gitRepo plugin is deprecated; clone the repository in an init container into an emptyDir volume and mount that emptyDir instead.
            26:1-26:7 warning[status-field] status: `status` is written by the cluster: the API server ignores it on create; remove it from the manifest
        "#]],
    );
}

#[test]
fn selectors_host_ports_mounts_and_dns() {
    check(
        r#"apiVersion: v1
kind: Pod
metadata:
  name: a
spec:
  dnsConfig:
    nameservers: [1.1.1.1, 8.8.8.8, 9.9.9.9, 1.0.0.1]
  tolerations:
  - key: level
    operator: Gt
    value: "900"
  containers:
  - name: a
    image: nginx:1
    ports:
    - containerPort: 80
      hostPort: 8080
    env:
    - name: NODE
      valueFrom:
        fieldRef:
          fieldPath: spec.nodename
    - name: APP
      valueFrom:
        fieldRef:
          fieldPath: metadata.labels['app']
    - name: MEM
      valueFrom:
        resourceFieldRef:
          resource: limits.mem
    volumeMounts:
    - name: v
      mountPath: /v
      mountPropagation: Bidirectional
      recursiveReadOnly: Enabled
    lifecycle:
      stopSignal: SIGUSR1
  - name: b
    image: nginx:1
    ports:
    - containerPort: 81
      hostPort: 8080
  volumes:
  - name: v
    downwardAPI:
      items:
      - path: labels
        fieldRef:
          fieldPath: metadata.labels
      - path: ip
        fieldRef:
          fieldPath: status.podIP
"#,
        expect![[r#"
            7:5-7:16 error[out-of-range] spec.dnsConfig.nameservers: `dnsConfig.nameservers` may list at most 3 entries, found 4
            10:5-10:13 warning[alpha-feature] spec.tolerations[0].operator: operator `Gt` needs the feature gate TaintTolerationComparisonOperators (alpha in Kubernetes 1.37, off by default); clusters without it reject the Pod
            22:22-22:35 error[invalid-enum] spec.containers[0].env[0].valueFrom.fieldRef.fieldPath: `spec.nodename` is not a supported `fieldPath` here; allowed: `metadata.name`, `metadata.namespace`, `metadata.uid`, `spec.nodeName`, `spec.serviceAccountName`, `status.hostIP`, `status.hostIPs`, `status.podIP` or `status.podIPs`, or `metadata.labels['` / `metadata.annotations['`…; did you mean `spec.nodeName`?
            30:21-30:31 error[invalid-enum] spec.containers[0].env[2].valueFrom.resourceFieldRef.resource: `limits.mem` is not a supported `resource` here; allowed: `limits.cpu`, `limits.memory`, `limits.ephemeral-storage`, `requests.cpu`, `requests.memory` or `requests.ephemeral-storage`, or `limits.hugepages-` / `requests.hugepages-`…; did you mean `limits.cpu`?
            34:7-34:23 error[conflicting-fields] spec.containers[0].volumeMounts[0].mountPropagation: `mountPropagation: Bidirectional` is only allowed in a privileged container (`securityContext.privileged: true`)
            35:7-35:24 error[conflicting-fields] spec.containers[0].volumeMounts[0].recursiveReadOnly: `recursiveReadOnly` other than `Disabled` requires `readOnly: true`
            37:7-37:17 error[conflicting-fields] spec.containers[0].lifecycle.stopSignal: `lifecycle.stopSignal` requires `spec.os.name` to be set
            37:7-37:17 warning[alpha-feature] spec.containers[0].lifecycle.stopSignal: `stopSignal` needs the feature gate ContainerStopSignals (alpha in Kubernetes 1.37, off by default); the API server of Kubernetes 1.37 drops the field unless the gate is enabled
            42:7-42:15 error[duplicate-name] spec.containers[1].ports[0].hostPort: hostPort 8080/TCP is already used by another port of this Pod; each protocol/hostIP/hostPort may be bound once
            52:22-52:34 error[invalid-enum] spec.volumes[0].downwardAPI.items[1].fieldRef.fieldPath: `status.podIP` is not a supported `fieldPath` here; allowed: `metadata.name`, `metadata.namespace`, `metadata.uid`, `metadata.labels` or `metadata.annotations`, or `metadata.labels['` / `metadata.annotations['`…
        "#]],
    );
}

#[test]
fn container_claims_name_the_pods_claims_once() {
    let pod = |claims: &str| {
        format!(
            "apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\nspec:\n  resourceClaims:\n  - name: gpu\n    resourceClaimName: gpu-claim\n  containers:\n  - name: c\n    image: nginx:1\n    resources:\n      claims: {claims}\n"
        )
    };
    check(&pod("[{name: gpu}]"), expect![[""]]);
    // A claim names its source: a claim or a template, one of them.
    check(
        &pod("[{name: gpu}]").replace("    resourceClaimName: gpu-claim\n", ""),
        expect![[r#"
            7:5-7:9 error[conflicting-fields] spec.resourceClaims[0]: a pod's resource claim needs exactly one of `resourceClaimName` or `resourceClaimTemplateName`; none is set
        "#]],
    );
    check(
        &pod("[{name: gpu}, {name: gpu}, {name: tpu}, {name: gpu, request: big}]"),
        expect![[r#"
            13:36-13:39 error[duplicate-name] spec.containers[0].resources.claims[1].name: duplicate resource claim `gpu`: a container lists each resource claim (and request) once
            13:49-13:52 error[unresolved-reference] spec.containers[0].resources.claims[2].name: no resource claim named `tpu` in `spec.resourceClaims` (declared: `gpu`)
        "#]],
    );
}
