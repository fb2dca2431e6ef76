//! One case per version boundary: a field on both sides of its first version, a gate from alpha to beta to
//! GA, a removed field, an enum value newer than its field, a relaxed rule — in block and flow style.

use expect_test::expect;

use crate::analysis::diagnostics::tests::check_at;

const STOP_SIGNAL: &str = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\nspec:\n  os:\n    name: linux\n  containers:\n  - name: c\n    image: nginx:1\n    lifecycle:\n      stopSignal: SIGUSR1\n";

#[test]
fn a_field_before_and_from_its_first_version() {
    check_at(
        "1.32",
        STOP_SIGNAL,
        expect![[r#"
            12:7-12:17 error[unknown-field] spec.containers[0].lifecycle.stopSignal: `stopSignal` is in Kubernetes 1.33 and later; the target is 1.32
        "#]],
    );
    check_at(
        "1.33",
        STOP_SIGNAL,
        expect![[r#"
            12:7-12:17 warning[alpha-feature] spec.containers[0].lifecycle.stopSignal: `stopSignal` needs the feature gate ContainerStopSignals (alpha in Kubernetes 1.33, off by default); the API server of Kubernetes 1.33 drops the field unless the gate is enabled
        "#]],
    );
}

#[test]
fn a_flow_style_field_too_new_is_reported_at_its_key() {
    check_at(
        "1.30",
        "{apiVersion: v1, kind: Pod, metadata: {name: a}, spec: {os: {name: linux}, containers: [{name: c, image: \"nginx:1\", lifecycle: {stopSignal: SIGTERM}}]}}\n",
        expect![[r#"
            1:129-1:139 error[unknown-field] spec.containers[0].lifecycle.stopSignal: `stopSignal` is in Kubernetes 1.33 and later; the target is 1.30
        "#]],
    );
}

const SIDECAR: &str = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\nspec:\n  initContainers:\n  - name: proxy\n    image: envoy:1\n    restartPolicy: Always\n  containers:\n  - name: c\n    image: nginx:1\n";

/// `SidecarContainers`: not there in 1.27, alpha (off) in 1.28, beta (on) in 1.29, GA in 1.33.
#[test]
fn a_gate_from_alpha_to_beta_to_ga() {
    check_at(
        "1.27",
        SIDECAR,
        expect![[r#"
            9:5-9:18 error[unknown-field] spec.initContainers[0].restartPolicy: `restartPolicy` is in Kubernetes 1.28 and later; the target is 1.27
        "#]],
    );
    check_at(
        "1.28",
        SIDECAR,
        expect![[r#"
            9:5-9:18 warning[alpha-feature] spec.initContainers[0].restartPolicy: `restartPolicy` needs the feature gate SidecarContainers (alpha in Kubernetes 1.28, off by default); the API server of Kubernetes 1.28 drops the field unless the gate is enabled
        "#]],
    );
    check_at("1.29", SIDECAR, expect![[""]]);
    check_at("1.33", SIDECAR, expect![[""]]);
}

/// A beta gate that shipped off by default warns as an alpha one does (`ImageVolume` in 1.33 and 1.34).
#[test]
fn a_beta_gate_off_by_default_warns() {
    let text = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\nspec:\n  containers:\n  - name: c\n    image: nginx:1\n  volumes:\n  - name: data\n    image:\n      reference: quay.io/data:1\n";
    check_at(
        "1.34",
        text,
        expect![[r#"
            11:5-11:10 warning[alpha-feature] spec.volumes[0].image: `image` needs the feature gate ImageVolume (beta in Kubernetes 1.34, off by default); the API server of Kubernetes 1.34 drops the field unless the gate is enabled
        "#]],
    );
    check_at("1.35", text, expect![[""]]);
}

#[test]
fn a_removed_field_names_its_version_and_replacement() {
    let text = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\nspec:\n  containers:\n  - name: c\n    image: nginx:1\n  resourceClaims:\n  - name: gpu\n    source:\n      resourceClaimName: gpu-claim\n";
    check_at(
        "1.30",
        text,
        expect![[r#"
            9:3-9:17 warning[alpha-feature] spec.resourceClaims: `resourceClaims` needs the feature gate DynamicResourceAllocation (alpha in Kubernetes 1.30, off by default); the API server of Kubernetes 1.30 drops the field unless the gate is enabled
        "#]],
    );
    check_at(
        "1.31",
        text,
        expect![[r#"
            9:3-9:17 warning[alpha-feature] spec.resourceClaims: `resourceClaims` needs the feature gate DynamicResourceAllocation (alpha in Kubernetes 1.31, off by default); the API server of Kubernetes 1.31 drops the field unless the gate is enabled
            11:5-11:11 error[unknown-field] spec.resourceClaims[0].source: `source` was removed in Kubernetes 1.31; the target is 1.31; use `resourceClaimName` or `resourceClaimTemplateName` on the claim itself (the two fields that were under `source`)
        "#]],
    );
}

const TOLERATION: &str = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\nspec:\n  containers:\n  - name: c\n    image: nginx:1\n  tolerations:\n  - key: gpu-count\n    operator: Gt\n    value: \"3\"\n";

#[test]
fn an_enum_value_newer_than_its_field() {
    check_at(
        "1.34",
        TOLERATION,
        expect![[r#"
            11:15-11:17 error[invalid-enum] spec.tolerations[0].operator: operator `Gt` is in Kubernetes 1.35 and later; the target is 1.34
        "#]],
    );
    check_at(
        "1.35",
        TOLERATION,
        expect![[r#"
            11:5-11:13 warning[alpha-feature] spec.tolerations[0].operator: operator `Gt` needs the feature gate TaintTolerationComparisonOperators (alpha in Kubernetes 1.35, off by default); clusters without it reject the Pod
        "#]],
    );
}

#[test]
fn a_rule_relaxed_by_a_gate_is_strict_before() {
    let text = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\nspec:\n  containers:\n  - name: c\n    image: nginx:1\n    env:\n    - name: 2FA_MODE\n      value: x\n    lifecycle:\n      preStop:\n        sleep:\n          seconds: 0\n";
    check_at(
        "1.31",
        text,
        expect![[r#"
            10:13-10:21 error[invalid-name] spec.containers[0].env[0].name: invalid `name` `2FA_MODE`: an environment variable name must be letters, digits, `-`, `_` and `.`, not starting with a digit (Kubernetes 1.31's rule: the feature gate RelaxedEnvironmentVariableValidation that relaxes it is off by default there, on by default from 1.32)
            15:20-15:21 error[out-of-range] spec.containers[0].lifecycle.preStop.sleep.seconds: `seconds` must be at least 1, found 0 (Kubernetes 1.31's rule: the feature gate PodLifecycleSleepActionAllowZero that relaxes it is off by default there, on by default from 1.33)
        "#]],
    );
    check_at("1.33", text, expect![""]);
}

/// A rule about a field the target lacks says nothing: the version finding is the one finding (here the
/// stop signal's `spec.os.name` rule, and an invalid value inside a field), in block and flow style.
#[test]
fn rules_about_a_field_the_target_lacks_stay_silent() {
    let block = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\nspec:\n  containers:\n  - name: c\n    image: nginx:1\n    lifecycle:\n      stopSignal: SIGUSR1\n    restartPolicyRules:\n    - action: Bogus\n      exitCodes: {operator: In, values: [1]}\n";
    check_at(
        "1.32",
        block,
        expect![[r#"
            10:7-10:17 error[unknown-field] spec.containers[0].lifecycle.stopSignal: `stopSignal` is in Kubernetes 1.33 and later; the target is 1.32
            11:5-11:23 error[unknown-field] spec.containers[0].restartPolicyRules: `restartPolicyRules` is in Kubernetes 1.34 and later; the target is 1.32
        "#]],
    );
    // From the first version that has them, the rules speak again.
    check_at(
        "1.34",
        block,
        expect![[r#"
            10:7-10:17 error[conflicting-fields] spec.containers[0].lifecycle.stopSignal: `lifecycle.stopSignal` requires `spec.os.name` to be set
            10:7-10:17 warning[alpha-feature] spec.containers[0].lifecycle.stopSignal: `stopSignal` needs the feature gate ContainerStopSignals (alpha in Kubernetes 1.34, off by default); the API server of Kubernetes 1.34 drops the field unless the gate is enabled
            11:5-11:23 error[conflicting-fields] spec.containers[0].restartPolicyRules: `restartPolicyRules` require the container's `restartPolicy` to be set (`Always`, `OnFailure` or `Never`)
            11:5-11:23 warning[alpha-feature] spec.containers[0].restartPolicyRules: `restartPolicyRules` needs the feature gate ContainerRestartRules (alpha in Kubernetes 1.34, off by default); the API server of Kubernetes 1.34 drops the field unless the gate is enabled
            12:15-12:20 error[invalid-enum] spec.containers[0].restartPolicyRules[0].action: `Bogus` is not a valid `action`; allowed: `Restart`
        "#]],
    );
    check_at(
        "1.30",
        "{apiVersion: v1, kind: Pod, metadata: {name: a}, spec: {containers: [{name: c, image: \"nginx:1\", lifecycle: {stopSignal: SIGTERM}}]}}\n",
        expect![[r#"
            1:110-1:120 error[unknown-field] spec.containers[0].lifecycle.stopSignal: `stopSignal` is in Kubernetes 1.33 and later; the target is 1.30
        "#]],
    );
}

/// `validateInitContainers` follows the target: an init container's `restartPolicy: Always` makes it a
/// sidecar (probes and lifecycle allowed) only where the API server keeps that field, from 1.29.
#[test]
fn an_init_container_is_a_sidecar_only_where_the_target_has_sidecars() {
    let probe = SIDECAR.replace(
        "    restartPolicy: Always\n",
        "    restartPolicy: Always\n    readinessProbe:\n      tcpSocket: {port: 80}\n",
    );
    check_at(
        "1.27",
        &probe,
        expect![[r#"
            9:5-9:18 error[unknown-field] spec.initContainers[0].restartPolicy: `restartPolicy` is in Kubernetes 1.28 and later; the target is 1.27
            10:5-10:19 error[conflicting-fields] spec.initContainers[0].readinessProbe: an init container may not set `readinessProbe` unless it is a sidecar (`restartPolicy: Always`) (Kubernetes 1.27's rule: the feature gate SidecarContainers that relaxes it is off by default there, on by default from 1.29)
        "#]],
    );
    check_at(
        "1.28",
        &probe,
        expect![[r#"
            9:5-9:18 warning[alpha-feature] spec.initContainers[0].restartPolicy: `restartPolicy` needs the feature gate SidecarContainers (alpha in Kubernetes 1.28, off by default); the API server of Kubernetes 1.28 drops the field unless the gate is enabled
            10:5-10:19 error[conflicting-fields] spec.initContainers[0].readinessProbe: an init container may not set `readinessProbe` unless it is a sidecar (`restartPolicy: Always`) (Kubernetes 1.28's rule: the feature gate SidecarContainers that relaxes it is off by default there, on by default from 1.29)
        "#]],
    );
    check_at("1.29", &probe, expect![[""]]);
    check_at("1.37", &probe, expect![[""]]);
}

/// `minDomains` (beta, off by default in 1.25 and 1.26: the API server clears it) and the node inclusion
/// policies (alpha in 1.25).
#[test]
fn topology_spread_fields_follow_their_gates() {
    let text = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\nspec:\n  containers:\n  - name: c\n    image: nginx:1\n  topologySpreadConstraints:\n  - {maxSkew: 1, topologyKey: zone, whenUnsatisfiable: DoNotSchedule, minDomains: 2, nodeTaintsPolicy: Honor}\n";
    check_at(
        "1.25",
        text,
        expect![[r#"
            10:71-10:81 warning[alpha-feature] spec.topologySpreadConstraints[0].minDomains: `minDomains` needs the feature gate MinDomainsInPodTopologySpread (beta in Kubernetes 1.25, off by default); the API server of Kubernetes 1.25 drops the field unless the gate is enabled
            10:86-10:102 warning[alpha-feature] spec.topologySpreadConstraints[0].nodeTaintsPolicy: `nodeTaintsPolicy` needs the feature gate NodeInclusionPolicyInPodTopologySpread (alpha in Kubernetes 1.25, off by default); the API server of Kubernetes 1.25 drops the field unless the gate is enabled
        "#]],
    );
    check_at(
        "1.26",
        text,
        expect![[r#"
        10:71-10:81 warning[alpha-feature] spec.topologySpreadConstraints[0].minDomains: `minDomains` needs the feature gate MinDomainsInPodTopologySpread (beta in Kubernetes 1.26, off by default); the API server of Kubernetes 1.26 drops the field unless the gate is enabled
    "#]],
    );
    check_at("1.27", text, expect![[""]]);
}

/// The fixes of an enum value follow the target: a value newer than it is never offered (nor listed as
/// allowed), and the one the target lacks gets the values it has, none preferred (`Gt` to `Equal` changes
/// what the toleration means, so `--fix` leaves it).
#[test]
fn enum_fixes_offer_only_the_targets_values() {
    use crate::analysis::{Inputs, KubernetesVersion, diagnostics};
    let text = TOLERATION.replace(
        "  - key: gpu-count\n",
        "  - key: x\n    operator: Bogus\n  - key: gpu-count\n",
    );
    let inputs = Inputs::default().with_kubernetes(KubernetesVersion::release(34));
    let found = diagnostics(&inputs, &text, &crate::syntax::parse(&text));
    let described: Vec<String> = found
        .iter()
        .map(|d| {
            let fixes: Vec<String> = d
                .fixes
                .iter()
                .map(|f| {
                    format!(
                        "{}{}",
                        f.title,
                        if f.preferred { " (preferred)" } else { "" }
                    )
                })
                .collect();
            format!("{}\n  {}", d.message, fixes.join("\n  "))
        })
        .collect();
    expect![[r#"
        `Bogus` is not a valid `operator`; allowed: `Equal` or `Exists`
          Change to `Equal` (preferred)
          Change to `Exists`
        operator `Gt` is in Kubernetes 1.35 and later; the target is 1.34
          Change to `Equal`
          Change to `Exists`"#]]
    .assert_eq(&described.join("\n"));
}

/// A limit a gate raised: 6 search domains while `ExpandedDNSConfig` is off (1.25), 32 from 1.26.
#[test]
fn a_limit_raised_by_a_gate_is_the_targets() {
    let text = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\nspec:\n  containers:\n  - name: c\n    image: nginx:1\n  dnsConfig:\n    searches: [a.example, b.example, c.example, d.example, e.example, f.example, g.example]\n";
    check_at(
        "1.25",
        text,
        expect![[r#"
            10:5-10:13 error[out-of-range] spec.dnsConfig.searches: `dnsConfig.searches` may list at most 6 entries, found 7 (Kubernetes 1.25's rule: the feature gate ExpandedDNSConfig that relaxes it is off by default there, on by default from 1.26)
        "#]],
    );
    check_at("1.26", text, expect![[""]]);
}
