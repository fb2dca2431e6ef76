//! One test per rule family, each with valid and invalid documents; an empty snapshot means no diagnostic.

use expect_test::expect;

use super::check;

#[test]
fn syntax_and_duplicate_keys() {
    check(
        "apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\n  name: b\nspec:\n  containers:\n  - name: c\n    image: nginx:1\n",
        expect![[r#"
            5:3-5:7 error[duplicate-key] duplicate key `name`: this mapping already has it; YAML forbids repeated keys and Kubernetes rejects them
        "#]],
    );
    check(
        "kind: ConfigMap\ndata:\n  a: 1\n  a: 2\nb: [\n",
        expect![[r#"
            4:3-4:4 error[duplicate-key] duplicate key `a`: this mapping already has it; YAML forbids repeated keys and Kubernetes rejects them
            5:4-5:5 error[yaml-syntax] this `[` is never closed: add `]` after its last entry
        "#]],
    );
}

#[test]
fn non_pod_documents_get_no_pod_rules() {
    check(
        "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  lables: {}\nspec:\n  replicas: \"two\"\n",
        expect![[""]],
    );
    check("foo: bar\n", expect![[""]]);
}

#[test]
fn unknown_fields() {
    check(
        "apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\n  lables:\n    app: x\nspec:\n  containers:\n  - name: c\n    image: nginx:1\n    ports:\n    - containerPort: 80\n      protocal: TCP\n    xyzzy: 1\n",
        expect![[r#"
            5:3-5:9 error[unknown-field] unknown field `lables` in ObjectMeta; did you mean `labels`?
            13:7-13:15 error[unknown-field] unknown field `protocal` in ContainerPort; did you mean `protocol`?
            14:5-14:10 error[unknown-field] unknown field `xyzzy` in Container
        "#]],
    );
}

#[test]
fn type_mismatches() {
    check(
        r#"apiVersion: v1
kind: Pod
metadata:
  name: a
  labels:
    version: 1.0
spec:
  hostNetwork: "true"
  containers:
  - name: c
    image: nginx:1
    command: sleep 10
    ports:
    - containerPort: "eighty"
    - containerPort: "8080"
    env:
    - name: PORT
      value: 8080
    resources:
    - limits: {}
"#,
        expect![[r#"
            6:14-6:17 error[type-mismatch] `version` must be a string, found a number (`1.0`)
            8:16-8:22 error[type-mismatch] `hostNetwork` must be a boolean (`true` or `false`), found a string (`"true"`)
            12:14-12:22 error[type-mismatch] `command` must be a list of strings, found a string (`sleep 10`)
            14:22-14:30 error[type-mismatch] `containerPort` must be an integer, found a string (`"eighty"`)
            15:22-15:28 error[type-mismatch] `containerPort` must be an integer, found a string (`"8080"`)
            18:14-18:18 error[type-mismatch] `value` must be a string, found an integer (`8080`)
            19:5-19:14 error[type-mismatch] `resources` must be an object (ResourceRequirements), found a list
        "#]],
    );
    // Quantities and int-or-string take both forms; YAML 1.1 octal modes are integers.
    check(
        r#"apiVersion: v1
kind: Pod
metadata:
  name: a
spec:
  containers:
  - name: c
    image: nginx:1
    resources:
      requests:
        cpu: 0.5
        memory: "1Gi"
      limits:
        cpu: 1
        memory: 2e9
    livenessProbe:
      httpGet:
        port: http
    readinessProbe:
      tcpSocket:
        port: 8080
    ports:
    - name: http
      containerPort: 8080
  volumes:
  - name: v
    configMap:
      name: cm
      defaultMode: 0644
"#,
        expect![""],
    );
}

#[test]
fn yaml11_booleans() {
    check(
        "apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\nspec:\n  hostNetwork: yes\n  containers:\n  - name: c\n    image: nginx:1\n    env:\n    - name: DEBUG\n      value: on\n",
        expect![[r#"
            6:16-6:19 warning[yaml11-boolean] `yes` is read as `true` by kubectl (YAML 1.1) but as a string by YAML 1.2 tools; write `true`
            12:14-12:16 warning[yaml11-boolean] `on` is read as the boolean `true` by kubectl (YAML 1.1), which a string field rejects; quote it: "on"
        "#]],
    );
}

#[test]
fn enums() {
    check(
        "apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\nspec:\n  restartPolicy: Nevr\n  containers:\n  - name: c\n    image: nginx:1\n    imagePullPolicy: Sometimes\n    ports:\n    - containerPort: 80\n      protocol: HTTP\n  topologySpreadConstraints:\n  - maxSkew: 1\n    topologyKey: zone\n    whenUnsatisfiable: DoNotSCHEDULE\n  volumes:\n  - name: v\n    emptyDir:\n      medium: HugePages-2Mi\n",
        expect![[r#"
            6:18-6:22 error[invalid-enum] `Nevr` is not a valid `restartPolicy`; allowed: `Always`, `Never` or `OnFailure`; did you mean `Never`?
            10:22-10:31 error[invalid-enum] `Sometimes` is not a valid `imagePullPolicy`; allowed: `Always`, `IfNotPresent` or `Never`
            13:17-13:21 error[invalid-enum] `HTTP` is not a valid `protocol`; allowed: `SCTP`, `TCP` or `UDP`
            17:24-17:37 error[invalid-enum] `DoNotSCHEDULE` is not a valid `whenUnsatisfiable`; allowed: `DoNotSchedule` or `ScheduleAnyway`; did you mean `DoNotSchedule`?
        "#]],
    );
}

#[test]
fn missing_required() {
    check(
        "apiVersion: v1\nkind: Pod\nmetadata:\n  labels: {}\nspec:\n  containers:\n  - name: c\n    ports:\n    - name: http\n    env:\n    - value: x\n  volumes:\n  - emptyDir: {}\n  topologySpreadConstraints:\n  - maxSkew: 1\n    whenUnsatisfiable: DoNotSchedule\n",
        expect![[r#"
            3:1-3:9 error[missing-required] `metadata.name` (or `generateName`) is required
            7:5-7:9 error[missing-required] missing required field `image` (Container)
            9:7-9:11 error[missing-required] missing required field `containerPort` (ContainerPort)
            11:7-11:12 error[missing-required] missing required field `name` (EnvVar)
            13:5-13:13 error[missing-required] missing required field `name` (Volume)
            15:5-15:12 error[missing-required] missing required field `topologyKey` (TopologySpreadConstraint)
        "#]],
    );
    check(
        "kind: Pod\nmetadata:\n  generateName: web-\nspec:\n  containers: []\n",
        expect![[r#"
            1:1-1:5 error[missing-required] missing required field `apiVersion` (Pod)
            5:3-5:13 error[missing-required] `spec.containers` must list at least one container
        "#]],
    );
    check(
        "apiVersion: v1\nkind: Pod\nmetadata:\nspec:\n  containers:\n  - name: c\n    image: \"\"\n",
        expect![[r#"
        3:1-3:9 error[missing-required] `metadata.name` (or `generateName`) is required
        7:5-7:10 error[missing-required] `image` is required and must not be empty
    "#]],
    );
}

#[test]
fn names() {
    check(
        r#"apiVersion: v1
kind: Pod
metadata:
  name: My_Pod
  labels:
    app.kubernetes.io/name: web
    bad key: x
    tier: "-front"
  annotations:
    Example.com/Note: fine
spec:
  containers:
  - name: Web
    image: nginx:1
    ports:
    - name: http--alt
      containerPort: 80
    - name: averyveryverylongname
      containerPort: 81
    env:
    - name: my.dotted.name
      value: x
    - name: A=B
      value: x
    livenessProbe:
      httpGet:
        port: "8080"
    resources:
      limits:
        gpu: 1
        example.com/dongle: 1
        hugepages-2Mi: 100Mi
      requests:
        hugepages-2Mi: 100Mi
  volumes:
  - name: data.v
    emptyDir: {}
"#,
        expect![[r#"
            4:9-4:15 error[invalid-name] invalid `name` `My_Pod`: must be a DNS-1123 subdomain: at most 253 characters, lowercase letters, digits, `-` and `.`, each dot-separated part starting and ending with a letter or digit
            7:5-7:12 error[invalid-name] invalid key `bad key` in `labels`: must be a qualified name: an optional DNS subdomain prefix and `/`, then at most 63 letters, digits, `-`, `_` or `.`, starting and ending with a letter or digit
            8:11-8:19 error[invalid-name] invalid value of `tier` `-front`: must be empty or at most 63 letters, digits, `-`, `_` or `.`, starting and ending with a letter or digit
            13:11-13:14 error[invalid-name] invalid `name` `Web`: must be a DNS-1123 label: at most 63 characters, lowercase letters, digits and `-`, starting and ending with a letter or digit
            16:13-16:22 error[invalid-name] invalid `name` `http--alt`: a port name must be at most 15 characters of lowercase letters, digits and `-`, with at least one letter, no `--`, and no `-` at either end
            18:13-18:34 error[invalid-name] invalid `name` `averyveryverylongname`: a port name must be at most 15 characters of lowercase letters, digits and `-`, with at least one letter, no `--`, and no `-` at either end
            23:13-23:16 error[invalid-name] invalid `name` `A=B`: an environment variable name must be non-empty printable ASCII without `=`
            27:15-27:21 error[invalid-name] invalid `port` `8080`: a port name must be at most 15 characters of lowercase letters, digits and `-`, with at least one letter, no `--`, and no `-` at either end
            30:9-30:12 error[invalid-name] invalid key `gpu` in `limits`: a resource must be `cpu`, `memory`, `ephemeral-storage`, `storage`, `hugepages-<size>`, or an extended resource with a domain prefix (`example.com/gpu`)
            36:11-36:17 error[invalid-name] invalid `name` `data.v`: must be a DNS-1123 label: at most 63 characters, lowercase letters, digits and `-`, starting and ending with a letter or digit
        "#]],
    );
}

#[test]
fn ranges() {
    check(
        "apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\nspec:\n  activeDeadlineSeconds: 0\n  terminationGracePeriodSeconds: -1\n  containers:\n  - name: c\n    image: nginx:1\n    ports:\n    - containerPort: 0\n    - containerPort: 70000\n      hostPort: 0\n    readinessProbe:\n      exec:\n        command: [sh]\n      failureThreshold: -1\n  topologySpreadConstraints:\n  - maxSkew: 0\n    minDomains: 0\n    topologyKey: zone\n    whenUnsatisfiable: DoNotSchedule\n  volumes:\n  - name: v\n    secret:\n      secretName: s\n      defaultMode: 0777\n  - name: w\n    secret:\n      secretName: s\n      defaultMode: 01000\n",
        expect![[r#"
            6:26-6:27 error[out-of-range] `activeDeadlineSeconds` must be between 1 and 2147483647, found 0
            7:34-7:36 error[out-of-range] `terminationGracePeriodSeconds` must be at least 0, found -1
            12:22-12:23 error[out-of-range] `containerPort` must be between 1 and 65535, found 0 (0 means unset, and containerPort is required)
            13:22-13:27 error[out-of-range] `containerPort` must be between 1 and 65535, found 70000
            18:25-18:27 error[out-of-range] `failureThreshold` must be at least 0, found -1
            20:14-20:15 error[out-of-range] `maxSkew` must be greater than 0, found 0
            21:17-21:18 error[out-of-range] `minDomains` must be greater than 0, found 0
            32:20-32:25 error[out-of-range] `defaultMode` must be between 0 and 511 (octal 00–0777), found 512
        "#]],
    );
}

#[test]
fn quantities() {
    check(
        "apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\nspec:\n  containers:\n  - name: c\n    image: nginx:1\n    resources:\n      requests:\n        cpu: 100MB\n        memory: 128m\n      limits:\n        cpu: -1\n        memory: 1gb\n        example.com/foo: 0.5\n",
        expect![[r#"
            11:14-11:19 error[invalid-quantity] `100MB` is not a valid quantity: `MB` is not a quantity suffix (suffixes are case-sensitive: `Ki`, `Mi`, `Gi`, `k`, `M`, `G`, `m`, ...); write a number with an optional suffix such as `500m`, `2`, `128Mi`, `1Gi` or `1G`
            12:17-12:21 warning[suspicious-quantity] `128m` is 128 milli-bytes (thousandths of a byte); for mebibytes write `128Mi`
            14:14-14:16 error[invalid-quantity] `-1`: quantities must not be negative
            15:17-15:20 error[invalid-quantity] `1gb` is not a valid quantity: `gb` is not a quantity suffix (suffixes are case-sensitive: `Ki`, `Mi`, `Gi`, `k`, `M`, `G`, `m`, ...); write a number with an optional suffix such as `500m`, `2`, `128Mi`, `1Gi` or `1G`
            16:26-16:29 error[invalid-quantity] `0.5`: the extended resource `example.com/foo` must be a whole number
        "#]],
    );
}

#[test]
fn references() {
    check(
        r#"apiVersion: v1
kind: Pod
metadata:
  name: a
spec:
  initContainers:
  - name: web
    image: busybox:1
  containers:
  - name: web
    image: nginx:1
    ports:
    - name: http
      containerPort: 80
    - name: http
      containerPort: 81
    volumeMounts:
    - name: data
      mountPath: /data
    - name: cache
      mountPath: /data
    livenessProbe:
      httpGet:
        port: metrics
  ephemeralContainers:
  - name: debug
    image: busybox:1
    targetContainerName: nope
  volumes:
  - name: data
    emptyDir: {}
  - name: data
    emptyDir: {}
"#,
        expect![[r#"
            10:11-10:14 error[duplicate-name] duplicate container name `web`: container names must be unique across initContainers, containers and ephemeralContainers
            15:13-15:17 error[duplicate-name] duplicate port name `http`: port names must be unique within a container
            20:13-20:18 error[unresolved-reference] no volume named `cache` in `spec.volumes` (declared: `data`)
            21:18-21:23 error[duplicate-name] duplicate mountPath `/data`: each volumeMount of a container needs its own mountPath
            24:15-24:22 error[unresolved-reference] the container declares no port named `metrics` (declared: `http`)
            28:26-28:30 error[unresolved-reference] `targetContainerName` `nope` names no container or init container of this Pod
            32:11-32:15 error[duplicate-name] duplicate volume name `data`: volume names must be unique in a Pod
        "#]],
    );
}

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
            7:3-7:12 error[conflicting-fields] `dnsPolicy: None` requires `dnsConfig` with at least one nameserver
            8:3-8:24 error[conflicting-fields] `shareProcessNamespace` and `hostPID` cannot both be true
            13:5-13:19 error[conflicting-fields] an init container may not set `readinessProbe` unless it is a sidecar (`restartPolicy: Always`)
            27:7-27:15 error[conflicting-fields] with `hostNetwork: true` the hostPort must equal the containerPort (80), found 8080
            31:7-31:16 error[conflicting-fields] `value` and `valueFrom` are mutually exclusive: keep one
            35:7-35:16 error[conflicting-fields] `valueFrom` needs exactly one of `fieldRef`, `resourceFieldRef`, `configMapKeyRef`, `secretKeyRef` or `fileKeyRef`; none is set
            36:5-36:18 error[conflicting-fields] a probe needs exactly one of `exec`, `httpGet`, `tcpSocket` or `grpc`; none is set
            41:7-41:14 error[conflicting-fields] a probe takes exactly one of `exec`, `httpGet`, `tcpSocket` or `grpc`; `exec` is already set, so remove `httpGet` or `exec`
            43:7-43:23 error[conflicting-fields] `successThreshold` of a startupProbe must be 1, found 2
            50:14-50:17 error[conflicting-fields] the cpu request ("2") is above its limit (500m); a request must be less than or equal to the limit
            56:5-56:13 error[conflicting-fields] a toleration without `key` must use `operator: Exists` (it then tolerates every taint)
            60:5-60:10 error[conflicting-fields] `value` must be empty when `operator` is `Exists`
            61:5-61:22 error[conflicting-fields] `tolerationSeconds` is only allowed with `effect: NoExecute`
            66:5-66:15 error[conflicting-fields] `minDomains` may only be set with `whenUnsatisfiable: DoNotSchedule`
            70:5-70:13 error[conflicting-fields] a volume may not specify more than one volume type; `emptyDir` is already set
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
            6:3-6:17 warning[deprecated-field] `serviceAccount` is deprecated: Deprecated alias of serviceAccountName; set serviceAccountName instead.
            9:12-9:17 warning[image-latest] image `nginx` has no tag, so it means `nginx:latest`: which version runs can change at any pull, and imagePullPolicy then defaults to `Always`; pin a version tag or digest
            11:12-11:48 warning[image-latest] image `registry.example.com:5000/app:latest` uses the `latest` tag: which version runs can change at any pull; pin a version tag or digest
            16:13-16:14 warning[duplicate-env] environment variable `X` is set twice in this container; the last one wins
            21:12-21:41 warning[image-latest] image `registry.example.com:5000/app` has no tag, so it means `registry.example.com:5000/app:latest`: which version runs can change at any pull, and imagePullPolicy then defaults to `Always`; pin a version tag or digest
            24:5-24:12 warning[deprecated-field] `gitRepo` is deprecated: The in-tree gitRepo plugin is deprecated; clone the repository in an init container into an emptyDir volume and mount that emptyDir instead.
            26:1-26:7 warning[status-field] `status` is written by the cluster: the API server ignores it on create; remove it from the manifest
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
            7:5-7:16 error[out-of-range] `dnsConfig.nameservers` may list at most 3 entries, found 4
            10:5-10:13 warning[alpha-feature] operator `Gt` needs the alpha feature gate TaintTolerationComparisonOperators (Kubernetes 1.35+); clusters without it reject the Pod
            22:22-22:35 error[invalid-enum] `spec.nodename` is not a supported `fieldPath` here; allowed: `metadata.name`, `metadata.namespace`, `metadata.uid`, `spec.nodeName`, `spec.serviceAccountName`, `status.hostIP`, `status.hostIPs`, `status.podIP` or `status.podIPs`, or `metadata.labels['` / `metadata.annotations['`…; did you mean `spec.nodeName`?
            30:21-30:31 error[invalid-enum] `limits.mem` is not a supported `resource` here; allowed: `limits.cpu`, `limits.memory`, `limits.ephemeral-storage`, `requests.cpu`, `requests.memory` or `requests.ephemeral-storage`, or `limits.hugepages-` / `requests.hugepages-`…; did you mean `limits.cpu`?
            34:7-34:23 error[conflicting-fields] `mountPropagation: Bidirectional` is only allowed in a privileged container (`securityContext.privileged: true`)
            35:7-35:24 error[conflicting-fields] `recursiveReadOnly` other than `Disabled` requires `readOnly: true`
            37:7-37:17 error[conflicting-fields] `lifecycle.stopSignal` requires `spec.os.name` to be set
            42:7-42:15 error[duplicate-name] hostPort 8080/TCP is already used by another port of this Pod; each protocol/hostIP/hostPort may be bound once
            52:22-52:34 error[invalid-enum] `status.podIP` is not a supported `fieldPath` here; allowed: `metadata.name`, `metadata.namespace`, `metadata.uid`, `metadata.labels` or `metadata.annotations`, or `metadata.labels['` / `metadata.annotations['`…
        "#]],
    );
}

#[test]
fn paths_inside_volumes_stay_inside() {
    check(
        "apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\nspec:\n  containers:\n  - name: c\n    image: nginx:1\n    volumeMounts:\n    - name: v\n      mountPath: /data\n      subPath: ../etc\n    - name: h\n      mountPath: /host\n      subPath: logs/app\n  volumes:\n  - name: v\n    configMap:\n      name: cm\n      items:\n      - key: k\n        path: /abs/file\n  - name: h\n    hostPath:\n      path: /var/../etc\n",
        expect![[r#"
            12:16-12:22 error[invalid-path] `subPath` must not contain a `..` element, found `../etc`
            22:15-22:24 error[invalid-path] `path` must be a relative path inside the volume, found the absolute path `/abs/file`
            25:13-25:24 error[invalid-path] `path` must not contain a `..` element, found `/var/../etc`
        "#]],
    );
}

#[test]
fn security_context_escalation_and_proc_mount() {
    check(
        "apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\nspec:\n  containers:\n  - name: c\n    image: nginx:1\n    securityContext:\n      allowPrivilegeEscalation: false\n      procMount: Unmasked\n      capabilities:\n        add: [CAP_SYS_ADMIN]\n",
        expect![[r#"
            10:7-10:31 error[conflicting-fields] `allowPrivilegeEscalation: false` cannot be combined with adding `CAP_SYS_ADMIN` (that capability allows escalation)
            11:7-11:16 error[conflicting-fields] `procMount: Unmasked` requires `spec.hostUsers: false` (the pod must run in its own user namespace)
        "#]],
    );
    check(
        "apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\nspec:\n  hostUsers: false\n  containers:\n  - name: c\n    image: nginx:1\n    securityContext:\n      allowPrivilegeEscalation: false\n      procMount: Unmasked\n      capabilities:\n        add: [NET_ADMIN]\n",
        expect![[""]],
    );
}

#[test]
fn sleep_hooks_end_within_the_grace_period() {
    check(
        "apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\nspec:\n  containers:\n  - name: c\n    image: nginx:1\n    lifecycle:\n      preStop:\n        sleep:\n          seconds: 45\n",
        expect![[r#"
            12:11-12:18 error[conflicting-fields] `sleep.seconds` (45) must not exceed the pod's `terminationGracePeriodSeconds` (30): the container is killed before the sleep ends
        "#]],
    );
    check(
        "apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\nspec:\n  terminationGracePeriodSeconds: 60\n  containers:\n  - name: c\n    image: nginx:1\n    lifecycle:\n      preStop:\n        sleep:\n          seconds: 45\n",
        expect![[""]],
    );
}

#[test]
fn os_specific_security_fields() {
    check(
        "apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\nspec:\n  os:\n    name: windows\n  hostUsers: false\n  securityContext:\n    fsGroup: 1000\n    runAsNonRoot: true\n    windowsOptions:\n      runAsUserName: ContainerUser\n  containers:\n  - name: c\n    image: mcr.microsoft.com/windows/nanoserver:ltsc2022\n    securityContext:\n      privileged: false\n      capabilities:\n        drop: [ALL]\n",
        expect![[r#"
            8:3-8:12 error[conflicting-fields] `hostUsers` is Linux-only and cannot be set for a pod with `os.name: windows`; remove it or change `spec.os.name`
            10:5-10:12 error[conflicting-fields] `fsGroup` is Linux-only and cannot be set for a pod with `os.name: windows`; remove it or change `spec.os.name`
            18:7-18:17 error[conflicting-fields] `privileged` is Linux-only and cannot be set for a pod with `os.name: windows`; remove it or change `spec.os.name`
            19:7-19:19 error[conflicting-fields] `capabilities` is Linux-only and cannot be set for a pod with `os.name: windows`; remove it or change `spec.os.name`
        "#]],
    );
    check(
        "apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\nspec:\n  os:\n    name: linux\n  securityContext:\n    runAsNonRoot: true\n    windowsOptions:\n      runAsUserName: ContainerUser\n  containers:\n  - name: c\n    image: nginx:1\n    securityContext:\n      privileged: false\n      windowsOptions:\n        hostProcess: false\n",
        expect![[r#"
            10:5-10:19 error[conflicting-fields] `windowsOptions` is Windows-only and cannot be set for a pod with `os.name: linux`; remove it or change `spec.os.name`
            17:7-17:21 error[conflicting-fields] `windowsOptions` is Windows-only and cannot be set for a pod with `os.name: linux`; remove it or change `spec.os.name`
        "#]],
    );
    check(
        "apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\nspec:\n  securityContext:\n    fsGroup: 1000\n    windowsOptions:\n      runAsUserName: ContainerUser\n  containers:\n  - name: c\n    image: nginx:1\n",
        expect![[""]],
    );
}

#[test]
fn volume_devices() {
    check(
        "apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\nspec:\n  containers:\n  - name: c\n    image: nginx:1\n    volumeDevices:\n    - name: block\n      devicePath: /dev/xvda\n    - name: scratch\n      devicePath: /dev/xvdb\n    volumeMounts:\n    - name: config\n      mountPath: /etc/app\n  volumes:\n  - name: block\n    persistentVolumeClaim:\n      claimName: data\n  - name: scratch\n    ephemeral:\n      volumeClaimTemplate:\n        spec:\n          accessModes: [ReadWriteOnce]\n          volumeMode: Block\n          resources:\n            requests:\n              storage: 1Gi\n  - name: config\n    configMap:\n      name: cm\n",
        expect![[""]],
    );
    check(
        "apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\nspec:\n  containers:\n  - name: c\n    image: nginx:1\n    volumeDevices:\n    - name: config\n      devicePath: /dev/xvda\n    - name: block\n      devicePath: /data\n    - name: missing\n      devicePath: /dev/xvda\n    volumeMounts:\n    - name: block\n      mountPath: /data\n  volumes:\n  - name: block\n    persistentVolumeClaim:\n      claimName: data\n  - name: config\n    configMap:\n      name: cm\n",
        expect![[r#"
            10:13-10:19 error[conflicting-fields] volume `config` is a `configMap` volume; `volumeDevices` may only use `persistentVolumeClaim` or `ephemeral` volumes
            12:13-12:18 error[conflicting-fields] volume `block` is also in this container's `volumeMounts`; a container may mount a volume or use it as a device, not both
            13:19-13:24 error[conflicting-fields] `/data` is also a mountPath of this container; a path may be a mount or a device, not both
            14:13-14:20 error[unresolved-reference] no volume named `missing` in `spec.volumes` (declared: `block`, `config`)
            15:19-15:28 error[duplicate-name] duplicate devicePath `/dev/xvda`: each volumeDevice of a container needs its own devicePath
        "#]],
    );
}

#[test]
fn sysctls() {
    check(
        "apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\nspec:\n  securityContext:\n    sysctls:\n    - name: net.ipv4.ip_local_port_range\n      value: \"1024 65535\"\n    - name: kernel/shm_rmid_forced\n      value: \"1\"\n  containers:\n  - name: c\n    image: nginx:1\n",
        expect![[""]],
    );
    check(
        "apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\nspec:\n  hostNetwork: true\n  hostIPC: true\n  securityContext:\n    sysctls:\n    - name: net.core.somaxconn\n      value: \"1024\"\n    - name: kernel.shm_rmid_forced\n      value: \"1\"\n    - name: fs.mqueue.msg_max\n      value: \"10\"\n    - name: Net.Core..x\n      value: \"1\"\n    - name: kernel.shm_rmid_forced\n      value: \"0\"\n  containers:\n  - name: c\n    image: nginx:1\n",
        expect![[r#"
            10:13-10:31 error[conflicting-fields] sysctl `net.core.somaxconn` is namespaced and cannot be set with `hostNetwork: true` (the pod shares the node's namespace); remove it or `hostNetwork`
            12:13-12:35 error[conflicting-fields] sysctl `kernel.shm_rmid_forced` is namespaced and cannot be set with `hostIPC: true` (the pod shares the node's namespace); remove it or `hostIPC`
            14:13-14:30 error[conflicting-fields] sysctl `fs.mqueue.msg_max` is namespaced and cannot be set with `hostIPC: true` (the pod shares the node's namespace); remove it or `hostIPC`
            16:13-16:24 error[invalid-name] invalid sysctl name `Net.Core..x`: must be at most 253 characters of `.`- or `/`-separated parts of lowercase letters, digits, `-` and `_`, each starting and ending with a letter or digit
            18:13-18:35 error[duplicate-name] duplicate sysctl `kernel.shm_rmid_forced`: each sysctl may be set once
            18:13-18:35 error[conflicting-fields] sysctl `kernel.shm_rmid_forced` is namespaced and cannot be set with `hostIPC: true` (the pod shares the node's namespace); remove it or `hostIPC`
        "#]],
    );
}

#[test]
fn restart_rules_and_resize_policies() {
    check(
        "apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\nspec:\n  containers:\n  - name: c\n    image: nginx:1\n    restartPolicy: Never\n    restartPolicyRules:\n    - action: Restart\n      exitCodes:\n        operator: In\n        values: [42, 43]\n    resizePolicy:\n    - resourceName: cpu\n      restartPolicy: NotRequired\n    - resourceName: memory\n      restartPolicy: RestartContainer\n",
        expect![[""]],
    );
    // 21 rules, and 256 exit codes in the first.
    let codes: Vec<String> = (0..256).map(|c| c.to_string()).collect();
    let rule =
        "    - action: Restart\n      exitCodes:\n        operator: In\n        values: [1]\n";
    check(
        &format!(
            "apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\nspec:\n  containers:\n  - name: c\n    image: nginx:1\n    restartPolicy: Never\n    restartPolicyRules:\n    - action: Restart\n      exitCodes:\n        operator: NotIn\n        values: [{}]\n{}",
            codes.join(", "),
            rule.repeat(20)
        ),
        expect![[r#"
            10:5-10:23 error[out-of-range] `restartPolicyRules` may list at most 20 entries, found 21
            14:9-14:15 error[out-of-range] `exitCodes.values` may list at most 255 entries, found 256
        "#]],
    );
    check(
        "apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\nspec:\n  restartPolicy: Never\n  containers:\n  - name: c\n    image: nginx:1\n    restartPolicyRules:\n    - action: RestartAllContainers\n      exitCodes:\n        operator: In\n        values: [42, 7, 42]\n    - action: Stop\n      exitCodes:\n        operator: NotIn\n        values: [0]\n    resizePolicy:\n    - resourceName: cpu\n      restartPolicy: NotRequired\n    - resourceName: memory\n      restartPolicy: RestartContainer\n    - resourceName: cpu\n",
        expect![[r#"
            10:5-10:23 error[conflicting-fields] `restartPolicyRules` require the container's `restartPolicy` to be set (`Always`, `OnFailure` or `Never`)
            11:7-11:13 warning[alpha-feature] action `RestartAllContainers` needs the alpha feature gate RestartAllContainersOnContainerExits (Kubernetes 1.35+); clusters without it reject the Pod; the action allowed without it is `Restart`
            14:25-14:27 error[duplicate-name] duplicate exit code `42`: each exit code may be listed once
            15:15-15:19 error[invalid-enum] `Stop` is not a valid `action`; allowed: `Restart` or `RestartAllContainers`
            23:22-23:38 error[conflicting-fields] with the pod's `restartPolicy: Never` a resize policy's `restartPolicy` must be `NotRequired` (the container cannot be restarted)
            24:7-24:19 error[missing-required] missing required field `restartPolicy` (ContainerResizePolicy)
            24:21-24:24 error[duplicate-name] duplicate resize policy resource `cpu`: each resource may have one resize policy per container
        "#]],
    );
}

#[test]
fn projected_paths_are_distinct() {
    check(
        "apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\nspec:\n  containers:\n  - name: c\n    image: nginx:1\n  volumes:\n  - name: p\n    projected:\n      sources:\n      - secret:\n          name: s\n          items:\n          - key: k\n            path: token\n      - configMap:\n          name: cm\n      - serviceAccountToken:\n          path: sa-token\n      - downwardAPI:\n          items:\n          - path: labels\n            fieldRef:\n              fieldPath: metadata.labels\n",
        expect![[""]],
    );
    check(
        "apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\nspec:\n  containers:\n  - name: c\n    image: nginx:1\n  volumes:\n  - name: p\n    projected:\n      sources:\n      - secret:\n          name: s\n          items:\n          - key: k\n            path: token\n      - serviceAccountToken:\n          path: token\n      - downwardAPI:\n          items:\n          - path: labels\n            fieldRef:\n              fieldPath: metadata.labels\n          - path: labels\n            fieldRef:\n              fieldPath: metadata.annotations\n",
        expect![[r#"
            19:17-19:22 error[conflicting-fields] duplicate projected path `token`: each source of a projected volume must write its files to distinct paths
            25:19-25:25 error[conflicting-fields] duplicate projected path `labels`: each source of a projected volume must write its files to distinct paths
        "#]],
    );
}

#[test]
fn claims_of_ephemeral_volumes() {
    let pod = |claim: &str| {
        format!(
            "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: c\n    image: nginx:1\n  volumes:\n  - name: scratch\n    ephemeral:\n      volumeClaimTemplate:\n        spec:\n          accessModes: [ReadWriteOnce]\n          resources:\n            requests:\n              storage: 1Gi\n  - name: data\n    persistentVolumeClaim:\n      claimName: {claim}\n"
        )
    };
    check(&pod("web-data"), expect![[""]]);
    check(
        &pod("web-scratch"),
        expect![[r#"
        20:18-20:29 error[conflicting-fields] `web-scratch` is the PVC created for an `ephemeral` volume of this pod (`<pod name>-<volume name>`); a `persistentVolumeClaim` volume must name another claim
    "#]],
    );
}

#[test]
fn images_without_surrounding_whitespace() {
    check(
        "apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\nspec:\n  containers:\n  - name: c\n    image: \"nginx:1\"\n  - name: d\n    image: \"nginx:1 \"\n  initContainers:\n  - name: e\n    image: ' busybox:1'\n",
        expect![[r#"
            10:12-10:22 error[invalid-name] invalid `image` `nginx:1 `: an image must not have leading or trailing whitespace
            13:12-13:24 error[invalid-name] invalid `image` ` busybox:1`: an image must not have leading or trailing whitespace
        "#]],
    );
}

#[test]
fn annotations_fit_in_256_kib() {
    let pod = |size: usize| {
        format!(
            "apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\n  annotations:\n    big: \"{}\"\n    note: x\nspec:\n  containers:\n  - name: c\n    image: nginx:1\n",
            "x".repeat(size)
        )
    };
    // Keys and values: 3 + size + 4 + 1 bytes.
    check(&pod(256 * 1024 - 8), expect![[""]]);
    check(
        &pod(256 * 1024 - 7),
        expect![[r#"
        5:3-5:14 error[out-of-range] the annotations take 262145 bytes (keys and values together); the limit is 262144 bytes (256 KiB): move large data to a ConfigMap
    "#]],
    );
}

#[test]
fn match_label_keys_stay_out_of_the_selector() {
    let pod = |selector: &str, mismatch: &str| {
        format!(
            "apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\n  labels:\n    app: web\n    pod-template-hash: abc\nspec:\n  containers:\n  - name: c\n    image: nginx:1\n  topologySpreadConstraints:\n  - maxSkew: 1\n    topologyKey: kubernetes.io/hostname\n    whenUnsatisfiable: DoNotSchedule\n    labelSelector:\n      {selector}\n    matchLabelKeys: [pod-template-hash]\n  affinity:\n    podAntiAffinity:\n      requiredDuringSchedulingIgnoredDuringExecution:\n      - topologyKey: kubernetes.io/hostname\n        labelSelector:\n          {selector}\n        matchLabelKeys: [pod-template-hash, version]\n        mismatchLabelKeys: [{mismatch}]\n"
        )
    };
    check(&pod("matchLabels: {app: web}", "release"), expect![[""]]);
    check(
        &pod(
            "matchExpressions: [{key: pod-template-hash, operator: Exists}]",
            "version",
        ),
        expect![[r#"
            18:22-18:39 error[conflicting-fields] `pod-template-hash` is in both `matchLabelKeys` and `labelSelector`: the API server adds `pod-template-hash In (<this pod's value>)` to the selector; remove it from one of them
            25:26-25:43 error[conflicting-fields] `pod-template-hash` is in both `matchLabelKeys` and `labelSelector`: the API server adds `pod-template-hash In (<this pod's value>)` to the selector; remove it from one of them
            25:45-25:52 error[conflicting-fields] `version` is in both `matchLabelKeys` and `mismatchLabelKeys`; keep it in one of them
        "#]],
    );
}

#[test]
fn pod_level_resources() {
    check(
        "apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\nspec:\n  resources:\n    limits:\n      cpu: \"2\"\n      memory: 1Gi\n      hugepages-2Mi: 100Mi\n    requests:\n      cpu: \"1\"\n      memory: 1Gi\n      hugepages-2Mi: 100Mi\n  containers:\n  - name: c\n    image: nginx:1\n    resources:\n      limits:\n        ephemeral-storage: 1Gi\n        example.com/gpu: 1\n      requests:\n        example.com/gpu: 1\n",
        expect![[""]],
    );
    check(
        "apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\nspec:\n  resources:\n    limits:\n      ephemeral-storage: 1Gi\n      example.com/gpu: 1\n  containers:\n  - name: c\n    image: nginx:1\n",
        expect![[r#"
            8:7-8:24 error[invalid-name] invalid key `ephemeral-storage` in `limits`: pod-level `spec.resources` support only `cpu`, `memory` and `hugepages-<size>`; set other resources on the containers
            9:7-9:22 error[invalid-name] invalid key `example.com/gpu` in `limits`: pod-level `spec.resources` support only `cpu`, `memory` and `hugepages-<size>`; set other resources on the containers
        "#]],
    );
}
