//! Diagnostics of kustomize patches (`FileRole::Patch`): partial objects, whose required fields, selector
//! and references are their base's; what they write is checked as usual.

use expect_test::{Expect, expect};

use super::render;
use crate::analysis::diagnostics::diagnostics;
use crate::analysis::{FileRole, Inputs};
use crate::syntax::parse;

fn check_as(role: FileRole, text: &str, expect: Expect) {
    let inputs = Inputs {
        role,
        ..Inputs::default()
    };
    expect.assert_eq(&render(text, &diagnostics(&inputs, text, &parse(text))));
}

const PATCH: &str = "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    metadata:\n      labels:\n        tier: web\n    spec:\n      containers:\n        - name: web\n          imagePullPolicy: Allways\n          resources:\n            limits: {memory: 512mb}\n          volumeMounts:\n            - name: cache\n              mountPath: /cache\n              readOnly: 1\n          livenessProbe:\n            httpGet: {port: http}\n            periodSecond: 10\n";

#[test]
fn a_patch_is_partial_but_what_it_writes_is_checked() {
    check_as(
        FileRole::Patch,
        PATCH,
        expect![[r#"
            13:28-13:35 error[invalid-enum] spec.template.spec.containers[0].imagePullPolicy: `Allways` is not a valid `imagePullPolicy`; allowed: `Always`, `IfNotPresent` or `Never`; did you mean `Always`?
            15:30-15:35 error[invalid-quantity] spec.template.spec.containers[0].resources.limits.memory: `512mb` is not a valid quantity: `mb` is not a quantity suffix (suffixes are case-sensitive: `Ki`, `Mi`, `Gi`, `k`, `M`, `G`, `m`, ...); write a number with an optional suffix such as `500m`, `2`, `128Mi`, `1Gi` or `1G`
            19:25-19:26 error[type-mismatch] spec.template.spec.containers[0].volumeMounts[0].readOnly: `readOnly` must be a boolean (`true` or `false`), found an integer (`1`)
            22:13-22:25 error[unknown-field] spec.template.spec.containers[0].livenessProbe.periodSecond: unknown field `periodSecond` in Probe; did you mean `periodSeconds`?
        "#]],
    );
}

#[test]
fn the_same_text_as_a_manifest_misses_what_a_base_would_hold() {
    check_as(
        FileRole::Manifest,
        PATCH,
        expect![[r#"
            5:1-5:5 error[missing-required] spec.selector: missing required field `selector` (DeploymentSpec)
            12:11-12:15 error[missing-required] spec.template.spec.containers[0].image: missing required field `image` (Container)
            13:28-13:35 error[invalid-enum] spec.template.spec.containers[0].imagePullPolicy: `Allways` is not a valid `imagePullPolicy`; allowed: `Always`, `IfNotPresent` or `Never`; did you mean `Always`?
            15:30-15:35 error[invalid-quantity] spec.template.spec.containers[0].resources.limits.memory: `512mb` is not a valid quantity: `mb` is not a quantity suffix (suffixes are case-sensitive: `Ki`, `Mi`, `Gi`, `k`, `M`, `G`, `m`, ...); write a number with an optional suffix such as `500m`, `2`, `128Mi`, `1Gi` or `1G`
            17:21-17:26 error[unresolved-reference] spec.template.spec.containers[0].volumeMounts[0].name: no volume named `cache` in `spec.template.spec.volumes`
            19:25-19:26 error[type-mismatch] spec.template.spec.containers[0].volumeMounts[0].readOnly: `readOnly` must be a boolean (`true` or `false`), found an integer (`1`)
            21:29-21:33 warning[unresolved-reference] spec.template.spec.containers[0].livenessProbe.httpGet.port: the container declares no port named `http`: the API server accepts the Pod, but the kubelet cannot resolve the name and the probe fails at run time
            22:13-22:25 error[unknown-field] spec.template.spec.containers[0].livenessProbe.periodSecond: unknown field `periodSecond` in Probe; did you mean `periodSeconds`?
        "#]],
    );
}

#[test]
fn files_that_are_no_manifest_get_nothing() {
    check_as(
        FileRole::NotManifest,
        "- op: replace\n  path: /spec/replicas\n  value: [\n",
        expect![""],
    );
}
