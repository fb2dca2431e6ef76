//! Data-driven completion tests: `$0` marks the cursor; each snapshot lists what the client would get
//! (`UPDATE_EXPECT=1 cargo test -p podls --lib completion` rewrites them).

use expect_test::{Expect, expect};

use super::*;
use crate::syntax::parse;

fn run(fixture: &str, options: CompletionOptions) -> (String, Option<CompletionList>) {
    let offset = fixture.find("$0").expect("fixture needs a $0 cursor");
    let text = fixture.replacen("$0", "", 1);
    let file = parse(&text);
    let list = completions(&text, &file, offset, options);
    (text, list)
}

/// Every item: label, then the text it inserts; the replaced text once on top (all items share it).
fn check_with(fixture: &str, options: CompletionOptions, expect: Expect) {
    let (text, list) = run(fixture, options);
    let actual = match list {
        None => "nothing".to_string(),
        Some(list) => {
            let mut out = format!(
                "replaces {:?}\n",
                &text[list.items[0].edit.range.as_range()]
            );
            for item in &list.items {
                assert_eq!(item.edit.range, list.items[0].edit.range);
                out.push_str(&format!("{} {:?}\n", item.label, item.edit.new_text));
            }
            out
        }
    };
    expect.assert_eq(&actual);
}

fn check(fixture: &str, expect: Expect) {
    check_with(fixture, CompletionOptions::default(), expect);
}

fn plain_text() -> CompletionOptions {
    CompletionOptions {
        snippets: false,
        ..CompletionOptions::default()
    }
}

/// Only the labels, in order, for long lists.
fn check_labels(fixture: &str, expect: Expect) {
    let (_, list) = run(fixture, CompletionOptions::default());
    let actual = match list {
        None => "nothing".to_string(),
        Some(list) => list
            .items
            .iter()
            .map(|item| item.label.as_str())
            .collect::<Vec<_>>()
            .join(" "),
    };
    expect.assert_eq(&actual);
}

/// One item in full: what it replaces, and the file after the edit (snippet markers left in).
fn check_edit(fixture: &str, label: &str, options: CompletionOptions, expect: Expect) {
    let (text, list) = run(fixture, options);
    let list = list.expect("completions");
    let item = list
        .items
        .iter()
        .find(|item| item.label == label)
        .unwrap_or_else(|| panic!("no item {label}"));
    let range = item.edit.range;
    let mut after = text.clone();
    after.replace_range(range.as_range(), &item.edit.new_text);
    // The edited lines only (from the line the edit starts on to the line it ends on); trailing blanks are
    // where the cursor lands, so they show.
    let first = text[..range.start].rfind('\n').map_or(0, |i| i + 1);
    let end = range.start + item.edit.new_text.len();
    let last = after[end..].find('\n').map_or(after.len(), |i| end + i);
    let after: Vec<String> = after[first..last]
        .split('\n')
        .map(|line| {
            let content = line.trim_end_matches(' ');
            format!("{content}{}", "·".repeat(line.len() - content.len()))
        })
        .collect();
    let after = after.join("\n");
    expect.assert_eq(&format!(
        "{:?} {:?} snippet={}\n{after}",
        item.kind, item.detail, item.is_snippet
    ));
}

const TWO: &str = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: app\n    image: nginx\n";
const FOUR: &str = "apiVersion: v1\nkind: Pod\nmetadata:\n    name: web\nspec:\n    containers:\n        - name: app\n          image: nginx\n";

fn two(rest: &str) -> String {
    format!("{TWO}{rest}")
}

fn four(rest: &str) -> String {
    format!("{FOUR}{rest}")
}

// ---- Keys at every depth ----

#[test]
fn top_level_keys_required_first() {
    check(
        "apiVersion: v1\n$0\n",
        expect![[r#"
        replaces ""
        kind "kind: Pod"
        metadata "metadata:\n  $0"
        spec "spec:\n  $0"
    "#]],
    );
    check(
        "$0\nkind: Pod\n",
        expect![[r#"
        replaces ""
        apiVersion "apiVersion: v1"
        metadata "metadata:\n  $0"
        spec "spec:\n  $0"
    "#]],
    );
}

#[test]
fn metadata_and_spec_keys() {
    check_labels(
        "kind: Pod\nmetadata:\n  name: x\n  $0\n",
        expect!["annotations finalizers generateName labels namespace ownerReferences"],
    );
    check_labels(
        "kind: Pod\nspec:\n  $0\n",
        expect![
            "containers activeDeadlineSeconds affinity automountServiceAccountToken dnsConfig dnsPolicy enableServiceLinks ephemeralContainers evictionResponders hostAliases hostIPC hostNetwork hostPID hostUsers hostname hostnameOverride imagePullSecrets initContainers nodeName nodeSelector os overhead preemptionPolicy priority priorityClassName readinessGates resourceClaims resources restartPolicy runtimeClassName schedulerName schedulingGates schedulingGroup securityContext serviceAccount serviceAccountName setHostnameAsFQDN shareProcessNamespace subdomain terminationGracePeriodSeconds tolerations topologySpreadConstraints volumes"
        ],
    );
}

#[test]
fn container_keys_minus_those_present() {
    check_labels(
        &two("    $0\n"),
        expect![
            "args command env envFrom imagePullPolicy lifecycle livenessProbe ports readinessProbe resizePolicy resources restartPolicy restartPolicyRules securityContext startupProbe stdin stdinOnce terminationMessagePath terminationMessagePolicy tty volumeDevices volumeMounts workingDir"
        ],
    );
    check_labels(
        &two("    ima$0"),
        expect![
            "args command env envFrom imagePullPolicy lifecycle livenessProbe ports readinessProbe resizePolicy resources restartPolicy restartPolicyRules securityContext startupProbe stdin stdinOnce terminationMessagePath terminationMessagePolicy tty volumeDevices volumeMounts workingDir"
        ],
    );
}

#[test]
fn keys_of_list_items() {
    check_labels(
        &two("    ports:\n    - containerPort: 80\n      $0\n"),
        expect!["hostIP hostPort name protocol"],
    );
    check_labels(
        &two("    env:\n    - name: A\n      $0\n"),
        expect!["value valueFrom"],
    );
    check_labels(
        &two("    env:\n    - name: A\n      valueFrom:\n        $0\n"),
        expect!["configMapKeyRef fieldRef fileKeyRef resourceFieldRef secretKeyRef"],
    );
    check_labels(
        &two("    env:\n    - name: A\n      valueFrom:\n        secretKeyRef:\n          $0\n"),
        expect!["key name optional"],
    );
    check_labels(
        &two("    volumeMounts:\n    - name: data\n      $0\n"),
        expect![
            "mountPath bindMountOptions mountPropagation readOnly recursiveReadOnly subPath subPathExpr"
        ],
    );
    check_labels(
        &two("  volumes:\n  - name: data\n    $0\n"),
        expect![
            "awsElasticBlockStore azureDisk azureFile cephfs cinder configMap csi downwardAPI emptyDir ephemeral fc flexVolume flocker gcePersistentDisk gitRepo glusterfs hostPath image iscsi nfs persistentVolumeClaim photonPersistentDisk portworxVolume projected quobyte rbd scaleIO secret storageos vsphereVolume"
        ],
    );
    check_labels(
        &two("  volumes:\n  - name: data\n    configMap:\n      $0\n"),
        expect!["name defaultMode defaultUser items optional"],
    );
}

#[test]
fn keys_of_resources_probes_and_security() {
    check_labels(
        &two("    resources:\n      $0\n"),
        expect!["claims limits requests"],
    );
    check_labels(
        &two("    livenessProbe:\n      $0\n"),
        expect![
            "exec failureThreshold grpc httpGet initialDelaySeconds periodSeconds successThreshold tcpSocket terminationGracePeriodSeconds timeoutSeconds"
        ],
    );
    check_labels(
        &two("    livenessProbe:\n      httpGet:\n        $0\n"),
        expect!["port host httpHeaders path protocol scheme"],
    );
    check_labels(
        &two("    securityContext:\n      $0\n"),
        expect![
            "allowPrivilegeEscalation appArmorProfile capabilities privileged procMount readOnlyRootFilesystem runAsGroup runAsNonRoot runAsUser seLinuxOptions seccompProfile windowsOptions"
        ],
    );
    check_labels(
        &two("  securityContext:\n    seccompProfile:\n      $0\n"),
        expect!["type localhostProfile"],
    );
}

#[test]
fn keys_of_scheduling() {
    check_labels(
        &two("  affinity:\n    $0\n"),
        expect!["nodeAffinity podAffinity podAntiAffinity"],
    );
    check_labels(
        &two("  affinity:\n    nodeAffinity:\n      $0\n"),
        expect![
            "preferredDuringSchedulingIgnoredDuringExecution requiredDuringSchedulingIgnoredDuringExecution"
        ],
    );
    check_labels(
        &two("  tolerations:\n  - key: gpu\n    $0\n"),
        expect!["effect operator tolerationSeconds value"],
    );
    check_labels(
        &two("  topologySpreadConstraints:\n  - maxSkew: 1\n    $0\n"),
        expect![
            "topologyKey whenUnsatisfiable labelSelector matchLabelKeys minDomains nodeAffinityPolicy nodeTaintsPolicy"
        ],
    );
}

// ---- While typing ----

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
        expect![
            "container image name args command env envFrom imagePullPolicy lifecycle livenessProbe ports readinessProbe resizePolicy resources restartPolicy restartPolicyRules securityContext startupProbe stdin stdinOnce terminationMessagePath terminationMessagePolicy tty volumeDevices volumeMounts workingDir"
        ],
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
        expect![
            "mountPath name bindMountOptions mountPropagation readOnly recursiveReadOnly subPath subPathExpr"
        ],
    );
}

#[test]
fn line_right_after_containers() {
    // One level deeper than `containers:`: a new item, `- ` included.
    check_labels(
        "kind: Pod\nspec:\n  containers:\n    $0\n",
        expect![
            "container image name args command env envFrom imagePullPolicy lifecycle livenessProbe ports readinessProbe resizePolicy resources restartPolicy restartPolicyRules securityContext startupProbe stdin stdinOnce terminationMessagePath terminationMessagePolicy tty volumeDevices volumeMounts workingDir"
        ],
    );
    check_edit(
        "kind: Pod\nspec:\n  containers:\n    $0\n",
        "image",
        CompletionOptions::default(),
        expect![[r#"
            Field Some("string") snippet=false
                - image:·"#]],
    );
    // At the key's own column (kubectl style): the siblings of `containers`, and a container item.
    check_labels(
        "kind: Pod\nspec:\n  containers:\n  $0\n",
        expect![
            "container activeDeadlineSeconds affinity automountServiceAccountToken dnsConfig dnsPolicy enableServiceLinks ephemeralContainers evictionResponders hostAliases hostIPC hostNetwork hostPID hostUsers hostname hostnameOverride imagePullSecrets initContainers nodeName nodeSelector os overhead preemptionPolicy priority priorityClassName readinessGates resourceClaims resources restartPolicy runtimeClassName schedulerName schedulingGates schedulingGroup securityContext serviceAccount serviceAccountName setHostnameAsFQDN shareProcessNamespace subdomain terminationGracePeriodSeconds tolerations topologySpreadConstraints volumes"
        ],
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
        expect![
            "image args command env envFrom imagePullPolicy lifecycle livenessProbe ports readinessProbe resizePolicy resources restartPolicy restartPolicyRules securityContext startupProbe stdin stdinOnce terminationMessagePath terminationMessagePolicy tty volumeDevices volumeMounts workingDir"
        ],
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
        expect![
            "image args command env envFrom imagePullPolicy lifecycle livenessProbe ports readinessProbe resizePolicy resources restartPolicy restartPolicyRules securityContext startupProbe stdin stdinOnce terminationMessagePath terminationMessagePolicy tty volumeDevices volumeMounts workingDir"
        ],
    );
    check_labels(
        "kind: Pod\nspec:\n  restartPol$0\n  containers:\n  - name: a\n    image: \"unterminated\n",
        expect![
            "activeDeadlineSeconds affinity automountServiceAccountToken dnsConfig dnsPolicy enableServiceLinks ephemeralContainers evictionResponders hostAliases hostIPC hostNetwork hostPID hostUsers hostname hostnameOverride imagePullSecrets initContainers nodeName nodeSelector os overhead preemptionPolicy priority priorityClassName readinessGates resourceClaims resources restartPolicy runtimeClassName schedulerName schedulingGates schedulingGroup securityContext serviceAccount serviceAccountName setHostnameAsFQDN shareProcessNamespace subdomain terminationGracePeriodSeconds tolerations topologySpreadConstraints volumes"
        ],
    );
}

#[test]
fn multi_document_files() {
    check_labels(
        "kind: ConfigMap\ndata:\n  a: b\n---\nkind: Pod\nspec:\n  $0\n",
        expect![
            "containers activeDeadlineSeconds affinity automountServiceAccountToken dnsConfig dnsPolicy enableServiceLinks ephemeralContainers evictionResponders hostAliases hostIPC hostNetwork hostPID hostUsers hostname hostnameOverride imagePullSecrets initContainers nodeName nodeSelector os overhead preemptionPolicy priority priorityClassName readinessGates resourceClaims resources restartPolicy runtimeClassName schedulerName schedulingGates schedulingGroup securityContext serviceAccount serviceAccountName setHostnameAsFQDN shareProcessNamespace subdomain terminationGracePeriodSeconds tolerations topologySpreadConstraints volumes"
        ],
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
        expect![
            "image args command env envFrom imagePullPolicy lifecycle livenessProbe ports readinessProbe resizePolicy resources restartPolicy restartPolicyRules securityContext startupProbe stdin stdinOnce terminationMessagePath terminationMessagePolicy tty volumeDevices volumeMounts workingDir"
        ],
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

// ---- Insert text per type and indentation ----

#[test]
fn insert_text_per_type_two_spaces() {
    for label in [
        "workingDir",
        "resources",
        "ports",
        "command",
        "imagePullPolicy",
        "tty",
    ] {
        check_edit(
            &two("    $0\n"),
            label,
            CompletionOptions::default(),
            expect_for(label),
        );
    }
}

fn expect_for(label: &str) -> Expect {
    match label {
        "workingDir" => expect![[r#"
            Field Some("string") snippet=false
                workingDir:·"#]],
        "resources" => expect![[r#"
            Field Some("ResourceRequirements") snippet=true
                resources:
                  $0"#]],
        "ports" => expect![[r#"
            Field Some("[]ContainerPort") snippet=true
                ports:
                - $0"#]],
        "command" => expect![[r#"
            Field Some("[]string") snippet=true
                command:
                - $0"#]],
        "imagePullPolicy" => expect![[r#"
            Field Some("string") snippet=true
                imagePullPolicy: ${1|Always,IfNotPresent,Never|}"#]],
        _ => expect![[r#"
            Field Some("boolean") snippet=true
                tty: ${1|true,false|}"#]],
    }
}

#[test]
fn insert_text_in_a_four_space_document() {
    check_edit(
        &four("          $0\n"),
        "ports",
        CompletionOptions::default(),
        expect![[r#"
            Field Some("[]ContainerPort") snippet=true
                      ports:
                          - $0"#]],
    );
    check_edit(
        &four("    $0\n"),
        "securityContext",
        plain_text(),
        expect![[r#"
            Field Some("PodSecurityContext") snippet=false
                securityContext:
            ········"#]],
    );
}

#[test]
fn insert_text_in_kubectl_style_sequences() {
    check_edit(
        "kind: Pod\nspec:\n  containers:\n  - name: a\n    ports:\n    - containerPort: 1\n    $0\n",
        "env",
        plain_text(),
        expect![[r#"
            Field Some("[]EnvVar") snippet=false
                env:
                -·"#]],
    );
}

#[test]
fn indentation_falls_back_on_tab_size() {
    let options = CompletionOptions {
        tab_size: 4,
        snippets: false,
        ..CompletionOptions::default()
    };
    check_edit(
        "kind: Pod\n$0",
        "metadata",
        options,
        expect![[r#"
            Field Some("ObjectMeta") snippet=false
            metadata:
            ····"#]],
    );
}

#[test]
fn plain_text_without_snippet_support() {
    check_with(
        &two("    $0\n"),
        plain_text(),
        expect![[r#"
        replaces ""
        args "args:\n    - "
        command "command:\n    - "
        env "env:\n    - "
        envFrom "envFrom:\n    - "
        imagePullPolicy "imagePullPolicy: "
        lifecycle "lifecycle:\n      "
        livenessProbe "livenessProbe:\n      "
        ports "ports:\n    - "
        readinessProbe "readinessProbe:\n      "
        resizePolicy "resizePolicy:\n    - "
        resources "resources:\n      "
        restartPolicy "restartPolicy: "
        restartPolicyRules "restartPolicyRules:\n    - "
        securityContext "securityContext:\n      "
        startupProbe "startupProbe:\n      "
        stdin "stdin: "
        stdinOnce "stdinOnce: "
        terminationMessagePath "terminationMessagePath: "
        terminationMessagePolicy "terminationMessagePolicy: "
        tty "tty: "
        volumeDevices "volumeDevices:\n    - "
        volumeMounts "volumeMounts:\n    - "
        workingDir "workingDir: "
    "#]],
    );
}

#[test]
fn renaming_a_key_keeps_its_colon() {
    check_edit(
        &two("    imagePull$0: Always\n"),
        "imagePullPolicy",
        CompletionOptions::default(),
        expect![[r#"
            Field Some("string") snippet=false
                imagePullPolicy: Always"#]],
    );
}

#[test]
fn after_a_bare_dash() {
    check_edit(
        &two("  -$0\n"),
        "image",
        plain_text(),
        expect![[r#"
            Field Some("string") snippet=false
              - image:·"#]],
    );
}

#[test]
fn documentation_is_the_hover_text() {
    let (_, list) = run(
        "kind: Pod\nspec:\n  $0\n",
        CompletionOptions {
            locale: Locale::ZhCn,
            ..CompletionOptions::default()
        },
    );
    let item = list
        .unwrap()
        .items
        .into_iter()
        .find(|i| i.label == "restartPolicy")
        .unwrap();
    expect![[r#"
        Some("string") "1restartPolicy"
        **restartPolicy** `string` · 可选  
        `spec.restartPolicy`"#]]
    .assert_eq(&format!(
        "{:?} {:?}\n{}",
        item.detail,
        item.sort_text,
        item.documentation
            .unwrap()
            .lines()
            .take(2)
            .collect::<Vec<_>>()
            .join("\n")
    ));
}

// ---- Nothing where nothing can be typed ----

#[test]
fn nothing_where_a_free_value_belongs() {
    check(&two("    workingDir: /sr$0\n"), expect!["nothing"]);
    check("kind: Pod\nmetadata:\n  name: $0\n", expect!["nothing"]);
}

#[test]
fn nothing_in_comments_and_block_scalars() {
    check(&two("    # ima$0\n"), expect!["nothing"]);
    check(&two("    image: nginx # ima$0\n"), expect!["nothing"]);
    check(
        &two("    args:\n    - |\n      ima$0\n"),
        expect!["nothing"],
    );
    check(
        "kind: Pod\nmetadata:\n  annotations:\n    note: >\n      $0\n",
        expect!["nothing"],
    );
}

#[test]
fn nothing_at_levels_the_table_does_not_know() {
    check(
        "kind: Pod\nmetadata:\n  name: x\n        $0\n",
        expect!["nothing"],
    );
    check(
        "kind: Pod\nmetadata:\n  labels:\n    $0\n",
        expect!["nothing"],
    );
    check(
        "kind: Pod\nspec:\n  nodeSeletor:\n    $0\n",
        expect!["nothing"],
    );
    check(
        "apiVersion: apps/v1\nkind: Deployment\nspec:\n  $0\n",
        expect!["nothing"],
    );
}

// ---- Values ----

#[test]
fn enum_values_with_docs() {
    check(
        &two("    imagePullPolicy: $0\n"),
        expect![[r#"
        replaces ""
        Always "Always"
        IfNotPresent "IfNotPresent"
        Never "Never"
    "#]],
    );
    check(
        "kind: Pod\nspec:\n  restartPolicy: On$0\n",
        expect![[r#"
        replaces "On"
        Always "Always"
        Never "Never"
        OnFailure "OnFailure"
    "#]],
    );
    check(
        &two("    ports:\n    - containerPort: 53\n      protocol: $0\n"),
        expect![[r#"
        replaces ""
        SCTP "SCTP"
        TCP "TCP"
        UDP "UDP"
    "#]],
    );
    check(
        "kind: Pod\nspec:\n  dnsPolicy: $0\n",
        expect![[r#"
        replaces ""
        ClusterFirst "ClusterFirst"
        ClusterFirstWithHostNet "ClusterFirstWithHostNet"
        Default "Default"
        None "None"
    "#]],
    );
    check(
        "kind: Pod\nspec:\n  preemptionPolicy: $0\n",
        expect![[r#"
        replaces ""
        Never "Never"
        PreemptLowerPriority "PreemptLowerPriority"
    "#]],
    );
    check(
        "kind: Pod\nspec:\n  topologySpreadConstraints:\n  - whenUnsatisfiable: $0\n",
        expect![[r#"
        replaces ""
        DoNotSchedule "DoNotSchedule"
        ScheduleAnyway "ScheduleAnyway"
    "#]],
    );
    check(
        "kind: Pod\nspec:\n  tolerations:\n  - operator: $0\n",
        expect![[r#"
        replaces ""
        Equal "Equal"
        Exists "Exists"
        Gt "Gt"
        Lt "Lt"
    "#]],
    );
    check(
        "kind: Pod\nspec:\n  securityContext:\n    seccompProfile:\n      type: $0\n",
        expect![[r#"
        replaces ""
        Localhost "Localhost"
        RuntimeDefault "RuntimeDefault"
        Unconfined "Unconfined"
    "#]],
    );
}

#[test]
fn enum_value_docs_in_the_clients_language() {
    let (_, list) = run(
        "kind: Pod\nspec:\n  restartPolicy: $0\n",
        CompletionOptions {
            locale: Locale::ZhCn,
            ..CompletionOptions::default()
        },
    );
    let item = list.unwrap().items.into_iter().next().unwrap();
    expect![[r#"
        Always Value
        **restartPolicy**: `Always`

        容器一旦停止就重启，即使是正常退出也一样。适合长期运行的服务，也是 Deployment、StatefulSet 和 DaemonSet 唯一接受的取值。使用该策略的 Pod 永远不会进入 `Succeeded` 状态。"#]].assert_eq(&format!("{} {:?}\n{}", item.label, item.kind, item.documentation.unwrap()));
}

#[test]
fn booleans_api_version_and_kind() {
    check(
        "kind: Pod\nspec:\n  hostNetwork: $0\n",
        expect![[r#"
        replaces ""
        true "true"
        false "false"
    "#]],
    );
    check(
        "apiVersion: $0\n",
        expect![[r#"
        replaces ""
        v1 "v1"
    "#]],
    );
    check(
        "apiVersion: v1\nkind: $0\n",
        expect![[r#"
        replaces ""
        Pod "Pod"
    "#]],
    );
    check(
        "apiVersion: v1\nkind:$0\n",
        expect![[r#"
        replaces ""
        Pod " Pod"
    "#]],
    );
}

#[test]
fn values_in_flow_style() {
    check(
        "{ kind: Pod, spec: { restartPolicy: $0 } }\n",
        expect![[r#"
        replaces ""
        Always "Always"
        Never "Never"
        OnFailure "OnFailure"
    "#]],
    );
}

#[test]
fn volume_mount_names_offer_declared_volumes() {
    check(
        "kind: Pod\nspec:\n  containers:\n  - name: a\n    volumeMounts:\n    - name: $0\n  volumes:\n  - name: data\n    emptyDir: {}\n  - name: config\n    configMap:\n      name: c\n",
        expect![[r#"
            replaces ""
            data "data"
            config "config"
        "#]],
    );
}

#[test]
fn probe_ports_offer_the_containers_port_names() {
    check(
        "kind: Pod\nspec:\n  containers:\n  - name: a\n    ports:\n    - name: http\n      containerPort: 8080\n    - name: metrics\n      containerPort: 9090\n    readinessProbe:\n      httpGet:\n        port: $0\n  - name: b\n    ports:\n    - name: other\n      containerPort: 1\n",
        expect![[r#"
            replaces ""
            http "http"
            metrics "metrics"
        "#]],
    );
    check(
        "kind: Pod\nspec:\n  containers:\n  - name: a\n    ports:\n    - name: grpc\n      containerPort: 1\n    livenessProbe:\n      tcpSocket: { port: $0 }\n",
        expect![[r#"
            replaces ""
            grpc "grpc"
        "#]],
    );
}

// ---- Snippets ----

#[test]
fn pod_skeleton_in_an_empty_file() {
    check_edit(
        "$0",
        "Pod",
        CompletionOptions::default(),
        expect![[r#"
        Snippet Some("Pod skeleton") snippet=true
        apiVersion: v1
        kind: Pod
        metadata:
          name: ${1:my-pod}
        spec:
          containers:
            - name: ${2:app}
              image: ${3:nginx}$0"#]],
    );
    check_labels("$0", expect!["Pod apiVersion kind metadata spec"]);
    check_labels("ap$0", expect!["Pod apiVersion kind metadata spec"]);
}

#[test]
fn pod_skeleton_after_a_document_marker() {
    check_edit(
        "kind: ConfigMap\ndata:\n    a: b\n---\n$0",
        "Pod",
        CompletionOptions::default(),
        expect![[r#"
            Snippet Some("Pod skeleton") snippet=true
            apiVersion: v1
            kind: Pod
            metadata:
                name: ${1:my-pod}
            spec:
                containers:
                    - name: ${2:app}
                      image: ${3:nginx}$0"#]],
    );
    check_edit(
        &four("---\n$0\n"),
        "Pod",
        plain_text(),
        expect![[r#"
            Snippet Some("Pod skeleton") snippet=false
            apiVersion: v1
            kind: Pod
            metadata:
                name: my-pod
            spec:
                containers:
                    - name: app
                      image: nginx"#]],
    );
}

#[test]
fn container_skeleton_at_a_new_item() {
    check_edit(
        &two("  - $0\n"),
        "container",
        CompletionOptions::default(),
        expect![[r#"
            Snippet Some("Container skeleton") snippet=true
              - name: ${1:app}
                image: ${2:nginx}$0"#]],
    );
    check_edit(
        &four("        - $0\n"),
        "container",
        plain_text(),
        expect![[r#"
            Snippet Some("Container skeleton") snippet=false
                    - name: app
                      image: nginx"#]],
    );
    check_edit(
        "kind: Pod\nspec:\n  initContainers:\n    $0\n",
        "container",
        CompletionOptions::default(),
        expect![[r#"
            Snippet Some("Container skeleton") snippet=true
                - name: ${1:app}
                  image: ${2:nginx}$0"#]],
    );
    check_edit(
        "kind: Pod\nspec:\n  containers:\n  $0\n",
        "container",
        plain_text(),
        expect![[r#"
            Snippet Some("Container skeleton") snippet=false
              - name: app
                image: nginx"#]],
    );
}

#[test]
fn volume_skeletons_per_source() {
    check(
        &two("  volumes:\n  - $0\n"),
        expect![[r#"
        replaces ""
        emptyDir volume "name: ${1:cache}\n    emptyDir: {}$0"
        configMap volume "name: ${1:config}\n    configMap:\n      name: ${2:my-config}$0"
        secret volume "name: ${1:secrets}\n    secret:\n      secretName: ${2:my-secret}$0"
        persistentVolumeClaim volume "name: ${1:data}\n    persistentVolumeClaim:\n      claimName: ${2:my-claim}$0"
        hostPath volume "name: ${1:host}\n    hostPath:\n      path: ${2:/var/log}$0"
        name "name: "
        awsElasticBlockStore "awsElasticBlockStore:\n      $0"
        azureDisk "azureDisk:\n      $0"
        azureFile "azureFile:\n      $0"
        cephfs "cephfs:\n      $0"
        cinder "cinder:\n      $0"
        configMap "configMap:\n      $0"
        csi "csi:\n      $0"
        downwardAPI "downwardAPI:\n      $0"
        emptyDir "emptyDir:\n      $0"
        ephemeral "ephemeral:\n      $0"
        fc "fc:\n      $0"
        flexVolume "flexVolume:\n      $0"
        flocker "flocker:\n      $0"
        gcePersistentDisk "gcePersistentDisk:\n      $0"
        gitRepo "gitRepo:\n      $0"
        glusterfs "glusterfs:\n      $0"
        hostPath "hostPath:\n      $0"
        image "image:\n      $0"
        iscsi "iscsi:\n      $0"
        nfs "nfs:\n      $0"
        persistentVolumeClaim "persistentVolumeClaim:\n      $0"
        photonPersistentDisk "photonPersistentDisk:\n      $0"
        portworxVolume "portworxVolume:\n      $0"
        projected "projected:\n      $0"
        quobyte "quobyte:\n      $0"
        rbd "rbd:\n      $0"
        scaleIO "scaleIO:\n      $0"
        secret "secret:\n      $0"
        storageos "storageos:\n      $0"
        vsphereVolume "vsphereVolume:\n      $0"
    "#]],
    );
    check_edit(
        &two("  volumes:\n  - $0\n"),
        "configMap",
        plain_text(),
        expect![[r#"
            Field Some("ConfigMapVolumeSource") snippet=false
              - configMap:
            ······"#]],
    );
    check_edit(
        &four("    volumes:\n        $0\n"),
        "persistentVolumeClaim",
        CompletionOptions::default(),
        expect![[r#"
            Field Some("PersistentVolumeClaimVolumeSource") snippet=true
                    - persistentVolumeClaim:
                          $0"#]],
    );
}

// ---- Trigger characters ----

fn triggered(trigger: char) -> CompletionOptions {
    CompletionOptions {
        trigger: Some(trigger),
        ..plain_text()
    }
}

#[test]
fn trigger_characters_answer_only_where_they_help() {
    check_with(
        "kind: Pod\nspec:\n  restartPolicy: $0\n",
        triggered(' '),
        expect![[r#"
            replaces ""
            Always "Always"
            Never "Never"
            OnFailure "OnFailure"
        "#]],
    );
    check_with(
        "kind: Pod\nspec:\n  restartPolicy:$0\n",
        triggered(':'),
        expect![[r#"
            replaces ""
            Always " Always"
            Never " Never"
            OnFailure " OnFailure"
        "#]],
    );
    check_with(
        &two("  -$0\n"),
        triggered('-'),
        expect![[r#"
        replaces ""
        container " name: app\n    image: nginx"
        image " image: "
        name " name: "
        args " args:\n    - "
        command " command:\n    - "
        env " env:\n    - "
        envFrom " envFrom:\n    - "
        imagePullPolicy " imagePullPolicy: "
        lifecycle " lifecycle:\n      "
        livenessProbe " livenessProbe:\n      "
        ports " ports:\n    - "
        readinessProbe " readinessProbe:\n      "
        resizePolicy " resizePolicy:\n    - "
        resources " resources:\n      "
        restartPolicy " restartPolicy: "
        restartPolicyRules " restartPolicyRules:\n    - "
        securityContext " securityContext:\n      "
        startupProbe " startupProbe:\n      "
        stdin " stdin: "
        stdinOnce " stdinOnce: "
        terminationMessagePath " terminationMessagePath: "
        terminationMessagePolicy " terminationMessagePolicy: "
        tty " tty: "
        volumeDevices " volumeDevices:\n    - "
        volumeMounts " volumeMounts:\n    - "
        workingDir " workingDir: "
    "#]],
    );
    check_with(
        &two("    ports:\n    - $0\n"),
        triggered(' '),
        expect![[r#"
            replaces ""
            containerPort "containerPort: "
            hostIP "hostIP: "
            hostPort "hostPort: "
            name "name: "
            protocol "protocol: "
        "#]],
    );
    check_with(
        "kind: Pod\nmetadata:\n  name: my $0\n",
        triggered(' '),
        expect!["nothing"],
    );
    check_with(
        "kind: Pod\nmetadata:\n  name: my-$0\n",
        triggered('-'),
        expect!["nothing"],
    );
    check_with(
        "kind: Pod\nspec:\n  $0\n",
        triggered(' '),
        expect!["nothing"],
    );
}

/// Latency on a 10,000-line Pod (many containers), printed rather than asserted:
/// `cargo test --release -p podls --lib completion_latency -- --ignored --nocapture`.
#[test]
#[ignore]
fn completion_latency_on_a_10000_line_file() {
    let container = "  - name: app\n    image: nginx:1.27\n    imagePullPolicy: IfNotPresent\n    ports:\n    - name: http\n      containerPort: 8080\n    env:\n    - name: A\n      value: b\n    volumeMounts:\n    - name: data\n      mountPath: /data\n";
    let mut text = String::from(
        "apiVersion: v1\nkind: Pod\nmetadata:\n  name: big\nspec:\n  volumes:\n  - name: data\n    emptyDir: {}\n  containers:\n",
    );
    while text.lines().count() < 10_000 {
        text.push_str(container);
    }
    let middle = text.len() / 2;
    let middle = text[..middle].rfind("  - name: app\n").unwrap() + "  - name: app\n".len();
    let cases = [
        ("key at the end", format!("{text}    imag"), text.len() + 4),
        (
            "empty line mid-file",
            {
                let mut t = text.clone();
                t.insert_str(middle, "    \n");
                t
            },
            middle + 4,
        ),
        (
            "enum value at the end",
            format!("{text}    imagePullPolicy: "),
            text.len() + 21,
        ),
        (
            "volume reference at the end",
            format!("{text}    volumeMounts:\n    - name: "),
            text.len() + 30,
        ),
    ];
    for (what, text, offset) in cases {
        let started = std::time::Instant::now();
        let file = parse(&text);
        let parsed = started.elapsed();
        let runs = 20;
        let started = std::time::Instant::now();
        let mut count = 0;
        for _ in 0..runs {
            count = completions(&text, &file, offset, CompletionOptions::default())
                .map_or(0, |list| list.items.len());
        }
        let each = started.elapsed() / runs;
        eprintln!(
            "{what}: {} lines, parse {parsed:?}, completion {each:?} ({count} items)",
            text.lines().count()
        );
        assert!(count > 0, "{what}");
    }
}

#[test]
fn a_quoted_value_keeps_its_quotes() {
    check(
        "apiVersion: v1\nkind: Pod\nspec:\n  containers:\n  - name: a\n    imagePullPolicy: \"If$0\"\n",
        expect![[r#"
            replaces "\"If\""
            Always "\"Always\""
            IfNotPresent "\"IfNotPresent\""
            Never "\"Never\""
        "#]],
    );
    check(
        "apiVersion: v1\nkind: Pod\nspec:\n  restartPolicy: 'Ne$0\n",
        expect![[r#"
            replaces "'Ne"
            Always "'Always'"
            Never "'Never'"
            OnFailure "'OnFailure'"
        "#]],
    );
}
