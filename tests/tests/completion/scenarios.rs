//! Pods typed by a person who types a few letters of each key and accepts what is offered, in VS Code and in
//! Neovim: two spaces from an empty file, four spaces, kubectl's unindented sequences. After each phase the
//! buffer is the listed parts, byte for byte, and podls finds no error in it.

use super::editors::{Editor, Key, Session};

/// The Pod after each step of the two-space scenario.
pub const SKELETON: &str = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: my-pod\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27";
const SECOND: &str = "\n    - name: app-2\n      image: nginx:1.27";
const PORTS: &str = "\n      ports:\n        - containerPort: 80\n          protocol: TCP";
const ENV: &str = "\n      env:\n        - name: LOG_LEVEL\n          value: debug";
const RESOURCES: &str = "\n      resources:\n        requests:\n          memory: 128Mi";
const PROBE: &str =
    "\n      livenessProbe:\n        httpGet:\n          path: /healthz\n          port: 80";
const POLICY: &str = "\n      imagePullPolicy: Always";
const MOUNTS: &str = "\n      volumeMounts:\n        - mountPath: /cache\n          name: cache";
const VOLUMES: &str = "\n  volumes:\n    - name: cache\n      emptyDir: {}";

/// A Pod typed from an empty file by typing a few letters of each key and accepting what is offered; after
/// each phase the buffer is the listed parts, byte for byte, and podls finds no error in it.
fn build_a_pod(editor: Editor) {
    use Key::*;
    let phases: &[(&[Key], &[&str])] = &[
        (&[Pick("Po", "Pod")], &[SKELETON]),
        // A second container: its name is not `app` again.
        (&[Line(4), Pick("- ", "container")], &[SKELETON, SECOND]),
        (
            &[
                Line(6),
                Pick("po", "ports"),
                Pick("cont", "containerPort"),
                Type("80\n"),
                // Enter leaves the cursor at the dash's column: `protocol` continues the item.
                Pick("pro", "protocol"),
            ],
            &[SKELETON, SECOND, PORTS],
        ),
        (
            &[
                Line(6),
                Pick("env", "env"),
                Pick("na", "name"),
                Type("LOG_LEVEL\n"),
                Pick("val", "value"),
                Type("debug"),
            ],
            &[SKELETON, SECOND, PORTS, ENV],
        ),
        // The first key typed under a new key is a key, not the parent's value.
        (
            &[
                Line(6),
                Pick("res", "resources"),
                Pick("req", "requests"),
                Pick("mem", "memory"),
                Type("128Mi"),
            ],
            &[SKELETON, SECOND, PORTS, ENV, RESOURCES],
        ),
        (
            &[
                Line(6),
                Pick("live", "livenessProbe"),
                Pick("http", "httpGet"),
                Pick("pa", "path"),
                Type("/healthz\n"),
                Pick("po", "port"),
                Type("80"),
            ],
            &[SKELETON, SECOND, PORTS, ENV, RESOURCES, PROBE],
        ),
        // An enum through its choice.
        (
            &[Line(6), Pick("imagePu", "imagePullPolicy")],
            &[SKELETON, SECOND, PORTS, ENV, RESOURCES, PROBE, POLICY],
        ),
        (
            &[Line(2), Pick("vol", "volumes"), Pick("", "emptyDir volume")],
            &[
                SKELETON, SECOND, PORTS, ENV, RESOURCES, PROBE, POLICY, VOLUMES,
            ],
        ),
        // Back in the second container: a mount naming the declared volume.
        (
            &[
                EndOf("imagePullPolicy: Always"),
                Line(6),
                Pick("volumeM", "volumeMounts"),
                Pick("mou", "mountPath"),
                Type("/cache\n"),
                Pick("na", "name"),
                Pick("", "cache"),
            ],
            &[
                SKELETON, SECOND, PORTS, ENV, RESOURCES, PROBE, POLICY, MOUNTS, VOLUMES,
            ],
        ),
    ];
    Session::new(editor, "").play(phases);
}

#[test]
fn a_pod_built_from_empty_in_vs_code() {
    build_a_pod(Editor::VsCode);
}

#[test]
fn a_pod_built_from_empty_in_a_client_that_adjusts_indentation() {
    build_a_pod(Editor::VsCodeAdjusting);
}

#[test]
fn a_pod_built_from_empty_in_neovim() {
    build_a_pod(Editor::Neovim);
}

const FOUR_START: &str = "apiVersion: v1\nkind: Pod\nmetadata:\n    name: web\n";
const FOUR_SKELETON: &str =
    "spec:\n    containers:\n        - name: app\n          image: nginx:1.27";
const FOUR_PORTS: &str =
    "\n          ports:\n              - containerPort: 8080\n                protocol: TCP";
const FOUR_LIMITS: &str =
    "\n          resources:\n              limits:\n                  cpu: 500m";
const FOUR_PROBE: &str =
    "\n          readinessProbe:\n              tcpSocket:\n                  port: 8080";

const FOUR_AFFINITY: &str = "\n    affinity:\n        nodeAffinity:\n            requiredDuringSchedulingIgnoredDuringExecution:\n                nodeSelectorTerms:\n                    - matchExpressions:\n                          - key: zone\n                            operator: DoesNotExist";

/// The same in a document indented by four.
fn build_in_four_spaces(editor: Editor) {
    use Key::*;
    let phases: &[(&[Key], &[&str])] = &[
        (
            &[
                Pick("sp", "spec"),
                Pick("con", "containers"),
                Pick("", "container"),
            ],
            &[FOUR_START, FOUR_SKELETON],
        ),
        (
            &[
                Line(10),
                Pick("po", "ports"),
                Pick("cont", "containerPort"),
                Type("8080\n"),
                Pick("pro", "protocol"),
            ],
            &[FOUR_START, FOUR_SKELETON, FOUR_PORTS],
        ),
        (
            &[
                Line(10),
                Pick("res", "resources"),
                Pick("lim", "limits"),
                Pick("cpu", "cpu"),
                Type("500m"),
            ],
            &[FOUR_START, FOUR_SKELETON, FOUR_PORTS, FOUR_LIMITS],
        ),
        (
            &[
                Line(10),
                Pick("readi", "readinessProbe"),
                Pick("tcp", "tcpSocket"),
                Pick("po", "port"),
                Type("8080"),
            ],
            &[
                FOUR_START,
                FOUR_SKELETON,
                FOUR_PORTS,
                FOUR_LIMITS,
                FOUR_PROBE,
            ],
        ),
        // Deep: lists in lists, each key where the one above it leaves the cursor.
        (
            &[
                Line(4),
                Pick("aff", "affinity"),
                Pick("nodeA", "nodeAffinity"),
                Pick("requ", "requiredDuringSchedulingIgnoredDuringExecution"),
                Pick("node", "nodeSelectorTerms"),
                Pick("matchE", "matchExpressions"),
                Pick("ke", "key"),
                Type("zone\n"),
                Pick("ope", "operator"),
            ],
            &[
                FOUR_START,
                FOUR_SKELETON,
                FOUR_PORTS,
                FOUR_LIMITS,
                FOUR_PROBE,
                FOUR_AFFINITY,
            ],
        ),
    ];
    Session::new(editor, FOUR_START).play(phases);
}

#[test]
fn four_spaces_in_vs_code() {
    build_in_four_spaces(Editor::VsCode);
}

#[test]
fn four_spaces_in_a_client_that_adjusts_indentation() {
    build_in_four_spaces(Editor::VsCodeAdjusting);
}

#[test]
fn four_spaces_in_neovim() {
    build_in_four_spaces(Editor::Neovim);
}

const KUBECTL_START: &str = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: app\n    image: nginx:1.27";
const KUBECTL_PORTS: &str = "\n    ports:\n    - containerPort: 80\n      protocol: UDP";
const KUBECTL_SECURITY: &str =
    "\n    securityContext:\n      capabilities:\n        drop:\n        - ALL";
const KUBECTL_TOLERATIONS: &str = "\n  tolerations:\n  - key: gpu\n    operator: Exists";

/// kubectl's style: `- ` items at their key's column; after Enter below an item the cursor is at both the
/// dash's and the list key's column.
fn build_in_kubectl_style(editor: Editor) {
    use Key::*;
    let phases: &[(&[Key], &[&str])] = &[
        (
            &[
                Line(4),
                Pick("po", "ports"),
                Pick("cont", "containerPort"),
                Type("80\n"),
                Pick("pro", "protocol"),
                // The choice's first value, then typed over as a person picks another.
                EndOf("protocol: TCP"),
                Type("\u{8}\u{8}\u{8}UDP"),
            ],
            &[KUBECTL_START, KUBECTL_PORTS],
        ),
        (
            &[
                Line(4),
                Pick("secu", "securityContext"),
                Pick("cap", "capabilities"),
                Pick("dr", "drop"),
                Type("ALL"),
            ],
            &[KUBECTL_START, KUBECTL_PORTS, KUBECTL_SECURITY],
        ),
        (
            &[
                Line(2),
                Pick("tol", "tolerations"),
                Pick("ke", "key"),
                Type("gpu\n"),
                Pick("ope", "operator"),
                EndOf("operator: Equal"),
                Type("\u{8}\u{8}\u{8}\u{8}\u{8}Exists"),
            ],
            &[
                KUBECTL_START,
                KUBECTL_PORTS,
                KUBECTL_SECURITY,
                KUBECTL_TOLERATIONS,
            ],
        ),
    ];
    Session::new(editor, KUBECTL_START).play(phases);
}

#[test]
fn kubectl_style_in_vs_code() {
    build_in_kubectl_style(Editor::VsCode);
}

#[test]
fn kubectl_style_in_neovim() {
    build_in_kubectl_style(Editor::Neovim);
}
