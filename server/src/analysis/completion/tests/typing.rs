//! While typing: partial keys, broken documents, flow style, and what the typed prefix keeps.

use expect_test::expect;

use super::*;

#[test]
fn partial_key_at_the_end_of_the_file() {
    check_edit(
        &two("    imagePull$0"),
        "imagePullPolicy",
        CompletionOptions::default(),
        expect![[r#"
            Field Some("string") snippet=true
                imagePullPolicy: ${1|Always,IfNotPresent,Never|}"#]],
    );
}

#[test]
fn partial_key_between_keys() {
    check_edit(
        "kind: Pod\nspec:\n  restart$0\n  containers: []\n",
        "restartPolicy",
        plain_text(),
        expect![[r#"
            Field Some("string") snippet=false
              restartPolicy:·"#]],
    );
}

#[test]
fn new_items_under_lists() {
    check_labels(
        &two("  - $0\n"),
        expect![[
            r#"container image name args command env envFrom imagePullPolicy lifecycle livenessProbe ports readinessProbe resizePolicy resources restartPolicy restartPolicyRules securityContext startupProbe stdin stdinOnce terminationMessagePath terminationMessagePolicy tty volumeDevices volumeMounts workingDir"#
        ]],
    );
    check_labels(
        &two("    ports:\n    - containerPort: 80\n    - $0\n"),
        expect!["containerPort hostIP hostPort name protocol"],
    );
    check_labels(
        &two("    env:\n    - name: A\n      value: b\n    - $0\n"),
        expect!["name value valueFrom"],
    );
    check_labels(
        &two("    volumeMounts:\n    - $0\n"),
        expect![[
            r#"mountPath name bindMountOptions mountPropagation readOnly recursiveReadOnly subPath subPathExpr"#
        ]],
    );
}

#[test]
fn line_right_after_containers() {
    // One level deeper than `containers:`: a new item, `- ` included.
    check_labels(
        "kind: Pod\nspec:\n  containers:\n    $0\n",
        expect![
            "container - image - name - args - command - env - envFrom - imagePullPolicy - lifecycle - livenessProbe - ports - readinessProbe - resizePolicy - resources - restartPolicy - restartPolicyRules - securityContext - startupProbe - stdin - stdinOnce - terminationMessagePath - terminationMessagePolicy - tty - volumeDevices - volumeMounts - workingDir"
        ],
    );
    check_edit(
        "kind: Pod\nspec:\n  containers:\n    $0\n",
        "- image",
        CompletionOptions::default(),
        expect![[r#"
            Field Some("string") snippet=true
                - image: $0"#]],
    );
    // At the key's own column (kubectl style): the siblings of `containers`, and a container item.
    check_labels(
        "kind: Pod\nspec:\n  containers:\n  $0\n",
        expect![[
            r#"container activeDeadlineSeconds affinity automountServiceAccountToken dnsConfig dnsPolicy enableServiceLinks ephemeralContainers evictionResponders hostAliases hostIPC hostNetwork hostPID hostUsers hostname hostnameOverride imagePullSecrets initContainers nodeName nodeSelector os overhead preemptionPolicy priority priorityClassName readinessGates resourceClaims resources restartPolicy runtimeClassName schedulerName schedulingGates schedulingGroup securityContext serviceAccount serviceAccountName setHostnameAsFQDN shareProcessNamespace subdomain terminationGracePeriodSeconds tolerations topologySpreadConstraints volumes"#
        ]],
    );
}

#[test]
fn key_followed_by_a_comment_or_trailing_spaces() {
    check_edit(
        &two("    imagePull$0 # todo\n"),
        "imagePullPolicy",
        plain_text(),
        expect![[r#"
            Field Some("string") snippet=false
                imagePullPolicy:  # todo"#]],
    );
    check_labels(
        "kind: Pod\nspec:\n  containers:\n  - name: a\n    $0   \n",
        expect![[
            r#"image args command env envFrom imagePullPolicy lifecycle livenessProbe ports readinessProbe resizePolicy resources restartPolicy restartPolicyRules securityContext startupProbe stdin stdinOnce terminationMessagePath terminationMessagePolicy tty volumeDevices volumeMounts workingDir"#
        ]],
    );
    check_labels(
        "kind: Pod\nmetadata:   \n  $0\n",
        expect!["annotations finalizers generateName labels name namespace ownerReferences"],
    );
}

#[test]
fn other_parts_of_the_document_are_broken() {
    check_labels(
        "kind: Pod\nmetadata:\n  labels: {app: [\nspec:\n  containers:\n  - name: a\n    imag$0\n",
        expect!["image imagePullPolicy terminationMessagePath terminationMessagePolicy"],
    );
    check_labels(
        "kind: Pod\nspec:\n  restartPol$0\n  containers:\n  - name: a\n    image: \"unterminated\n",
        expect!["restartPolicy"],
    );
}

#[test]
fn multi_document_files() {
    check_labels(
        "kind: ConfigMap\ndata:\n  a: b\n---\nkind: Pod\nspec:\n  $0\n",
        expect![[
            r#"containers activeDeadlineSeconds affinity automountServiceAccountToken dnsConfig dnsPolicy enableServiceLinks ephemeralContainers evictionResponders hostAliases hostIPC hostNetwork hostPID hostUsers hostname hostnameOverride imagePullSecrets initContainers nodeName nodeSelector os overhead preemptionPolicy priority priorityClassName readinessGates resourceClaims resources restartPolicy runtimeClassName schedulerName schedulingGates schedulingGroup securityContext serviceAccount serviceAccountName setHostnameAsFQDN shareProcessNamespace subdomain terminationGracePeriodSeconds tolerations topologySpreadConstraints volumes"#
        ]],
    );
    check(
        "kind: Pod\nspec: {}\n---\nkind: ConfigMap\ndata:\n  $0\n",
        expect!["nothing"],
    );
    check_labels(
        "kind: Pod\n---\nkind: Pod\nmetadata:\n  name: b\n$0\n",
        expect!["apiVersion spec"],
    );
}

#[test]
fn flow_style_inserts_key_colon_space() {
    check(
        "{ apiVersion: v1, kind: Pod, $0 }\n",
        expect![[r#"
        replaces ""
        metadata "metadata: { $0 }"
        spec "spec: { $0 }"
    "#]],
    );
    check_with(
        "{ apiVersion: v1, kind: Pod, $0 }\n",
        plain_text(),
        expect![[r#"
            replaces ""
            metadata "metadata: "
            spec "spec: "
        "#]],
    );
    check_labels(
        "{ kind: Pod, spec: { containers: [ { name: a, ima$0 } ] } }\n",
        expect!["image imagePullPolicy terminationMessagePath terminationMessagePolicy"],
    );
    check_edit(
        "kind: Pod\nspec: { restart$0 }\n",
        "restartPolicy",
        CompletionOptions::default(),
        expect![[r#"
            Field Some("string") snippet=true
            spec: { restartPolicy: ${1|Always,Never,OnFailure|} }"#]],
    );
}
