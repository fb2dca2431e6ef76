//! Completion per version boundary: what the target does not have is not offered (a field before its first
//! version, a field after its removal, an enum value before its version), and what a gate off by default
//! there guards is marked in the item's detail. Each case names the items it follows: `label (detail)`, or
//! `label -` when not offered.

use expect_test::{Expect, expect};

use super::run_at;

/// For each version, the fate of each of `labels` at `$0`.
fn check_versions(fixture: &str, versions: &[&str], labels: &[&str], expect: Expect) {
    let mut out = String::new();
    for version in versions {
        let items = run_at(version, fixture)
            .map(|list| list.items)
            .unwrap_or_default();
        let fates: Vec<String> = labels
            .iter()
            .map(
                |label| match items.iter().find(|item| item.label == *label) {
                    Some(item) => format!("{label} ({})", item.detail.as_deref().unwrap_or("")),
                    None => format!("{label} -"),
                },
            )
            .collect();
        out.push_str(&format!("{version}: {}\n", fates.join(", ")));
    }
    expect.assert_eq(&out);
}

const POD: &str = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n";

#[test]
fn a_field_is_offered_from_its_first_version_marked_while_its_gate_is_off() {
    let block = format!(
        "{POD}  containers:\n  - name: app\n    image: nginx:1\n    lifecycle:\n      $0\n"
    );
    check_versions(
        &block,
        &["1.32", "1.33", "1.37"],
        &["stopSignal", "preStop"],
        expect![[r#"
            1.32: stopSignal -, preStop (LifecycleHandler)
            1.33: stopSignal (string · gate ContainerStopSignals (alpha, off by default)), preStop (LifecycleHandler)
            1.37: stopSignal (string · gate ContainerStopSignals (alpha, off by default)), preStop (LifecycleHandler)
        "#]],
    );
    let flow =
        format!("{POD}  containers: [{{name: app, image: \"nginx:1\", lifecycle: {{$0}}}}]\n");
    check_versions(
        &flow,
        &["1.32", "1.33"],
        &["stopSignal"],
        expect![[r#"
            1.32: stopSignal -
            1.33: stopSignal (string · gate ContainerStopSignals (alpha, off by default))
        "#]],
    );
}

/// `SidecarContainers`: no `restartPolicy` on a container in 1.27, alpha (marked) in 1.28, beta on by
/// default in 1.29, GA in 1.33.
#[test]
fn a_gated_field_is_marked_until_its_gate_is_on_by_default() {
    let block = format!(
        "{POD}  initContainers:\n  - name: proxy\n    image: envoy:1\n    $0\n  containers:\n  - name: app\n    image: nginx:1\n"
    );
    check_versions(
        &block,
        &["1.27", "1.28", "1.29", "1.33"],
        &["restartPolicy", "resizePolicy"],
        expect![[r#"
            1.27: restartPolicy -, resizePolicy ([]ContainerResizePolicy · gate InPlacePodVerticalScaling (alpha, off by default))
            1.28: restartPolicy (string · gate SidecarContainers (alpha, off by default)), resizePolicy ([]ContainerResizePolicy · gate InPlacePodVerticalScaling (alpha, off by default))
            1.29: restartPolicy (string), resizePolicy ([]ContainerResizePolicy · gate InPlacePodVerticalScaling (alpha, off by default))
            1.33: restartPolicy (string), resizePolicy ([]ContainerResizePolicy)
        "#]],
    );
}

/// `PodResourceClaim.source` was removed in 1.31 (its two fields moved up a level).
#[test]
fn a_removed_field_is_not_offered_after_its_removal() {
    let block = format!(
        "{POD}  containers:\n  - name: app\n    image: nginx:1\n  resourceClaims:\n  - name: gpu\n    $0\n"
    );
    check_versions(
        &block,
        &["1.30", "1.31"],
        &["source", "resourceClaimName"],
        expect![[r#"
            1.30: source (any), resourceClaimName -
            1.31: source -, resourceClaimName (string)
        "#]],
    );
}

/// Toleration operators `Gt` / `Lt`: not in 1.34, behind an alpha gate from 1.35.
#[test]
fn an_enum_value_is_offered_from_its_version() {
    let block = format!(
        "{POD}  containers:\n  - name: app\n    image: nginx:1\n  tolerations:\n  - key: gpus\n    operator: $0\n"
    );
    check_versions(
        &block,
        &["1.34", "1.35"],
        &["Gt", "Exists"],
        expect![[r#"
            1.34: Gt -, Exists (string)
            1.35: Gt (string · gate TaintTolerationComparisonOperators (alpha, off by default)), Exists (string)
        "#]],
    );
}
