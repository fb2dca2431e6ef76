//! Rules of a container's restart and resize policies: `restartPolicyRules` need the container's
//! `restartPolicy`, at most 20 of them, at most 255 exit codes each, listed once, action `Restart`
//! (`RestartAllContainers` is alpha: `checks/alpha_feature.rs`); one resize policy per resource, and only `NotRequired` when the pod's
//! `restartPolicy` is `Never`.
//!
//! | rule | code | upstream (Kubernetes v1.35 `pkg/apis/core/validation/validation.go`) |
//! |---|---|---|
//! | `restartPolicyRules` need `restartPolicy` | `conflicting-fields` | `validateContainerRestartPolicyRules` |
//! | at most 20 rules, 255 exit codes | `out-of-range` | `validateContainerRestartPolicyRules` |
//! | each exit code once | `duplicate-name` | `validateContainerRestartPolicyRules` |
//! | one resize policy per resource | `duplicate-name` | `validateResizePolicy` |
//! | with the pod's `restartPolicy: Never`, only `NotRequired` | `conflicting-fields` | `validateResizePolicy` |

use super::super::code::Code;
use super::super::context::{Context, Rule, Visit, conflict};
use super::super::diagnostic::Diagnostic;
use super::super::fields::{Unique, entry, text};
use crate::messages::rules as msg;
use crate::syntax::{FieldPath, NodeId};

pub(super) const RULES: &[Rule] = &[Rule {
    on: &["Container", "EphemeralContainer"],
    check,
}];

const MAX_RULES: usize = 20;
const MAX_EXIT_CODES: usize = 255;

fn check(cx: &Context, visit: &Visit, out: &mut Vec<Diagnostic>) {
    if visit.is_null() {
        return;
    }
    restart_rules(cx, visit, out);
    resize_policy(cx, visit, out);
}

/// The path of `field` inside item `i` of `list` of this container.
fn item_path(visit: &Visit, list: &str, i: usize, field: &[&str]) -> FieldPath {
    visit.path.key(list).index(i).keys(field)
}

fn too_many(
    cx: &Context,
    key: NodeId,
    path: FieldPath,
    what: &str,
    max: usize,
    found: usize,
) -> Diagnostic {
    Diagnostic::error(
        Code::OutOfRange,
        cx.doc.node(key).range,
        msg::too_many_entries(what, max, found).render(cx.locale),
    )
    .at(path)
}

fn restart_rules(cx: &Context, visit: &Visit, out: &mut Vec<Diagnostic>) {
    let doc = cx.doc;
    let Some((key, rules)) = entry(doc, visit.node, "restartPolicyRules") else {
        return;
    };
    let rules = doc.items(rules);
    if rules.is_empty() {
        return;
    }
    if entry(doc, visit.node, "restartPolicy").is_none() {
        out.push(conflict(cx, visit, key, msg::rules_need_restart_policy()));
    }
    if rules.len() > MAX_RULES {
        let path = visit.path.key("restartPolicyRules");
        out.push(too_many(
            cx,
            key,
            path,
            "restartPolicyRules",
            MAX_RULES,
            rules.len(),
        ));
    }
    for (i, rule) in rules.iter().enumerate() {
        let Some((values_key, values)) =
            entry(doc, *rule, "exitCodes").and_then(|(_, codes)| entry(doc, codes, "values"))
        else {
            continue;
        };
        let values = doc.items(values);
        let path = |rest: &[&str]| {
            let mut fields = vec!["exitCodes", "values"];
            fields.extend_from_slice(rest);
            item_path(visit, "restartPolicyRules", i, &fields)
        };
        if values.len() > MAX_EXIT_CODES {
            out.push(too_many(
                cx,
                values_key,
                path(&[]),
                "exitCodes.values",
                MAX_EXIT_CODES,
                values.len(),
            ));
        }
        let mut seen = Unique::new(msg::exit_code(), msg::exit_code_once());
        for (j, value) in values.iter().enumerate() {
            seen.add(cx, *value, || path(&[]).index(j), out);
        }
    }
}

fn resize_policy(cx: &Context, visit: &Visit, out: &mut Vec<Diagnostic>) {
    let doc = cx.doc;
    let Some((_, policies)) = entry(doc, visit.node, "resizePolicy") else {
        return;
    };
    let never = cx
        .site
        .spec
        .and_then(|spec| text(doc, spec, "restartPolicy"))
        == Some("Never");
    let mut seen = Unique::new(msg::resize_policy_resource(), msg::one_resize_policy());
    for (i, policy) in doc.items(policies).iter().enumerate() {
        if let Some((_, name)) = entry(doc, *policy, "resourceName") {
            let at = || item_path(visit, "resizePolicy", i, &["resourceName"]);
            seen.add(cx, name, at, out);
        }
        match entry(doc, *policy, "restartPolicy") {
            Some((_, value))
                if never && text(doc, *policy, "restartPolicy") != Some("NotRequired") =>
            {
                out.push(
                    Diagnostic::error(
                        Code::ConflictingFields,
                        doc.node(value).range,
                        msg::resize_policy_never().render(cx.locale),
                    )
                    .at(item_path(
                        visit,
                        "resizePolicy",
                        i,
                        &["restartPolicy"],
                    )),
                );
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use expect_test::expect;

    use crate::analysis::diagnostics::tests::check;

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
            10:5-10:23 error[out-of-range] spec.containers[0].restartPolicyRules: `restartPolicyRules` may list at most 20 entries, found 21
            14:9-14:15 error[out-of-range] spec.containers[0].restartPolicyRules[0].exitCodes.values: `exitCodes.values` may list at most 255 entries, found 256
        "#]],
        );
        check(
            "apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\nspec:\n  restartPolicy: Never\n  containers:\n  - name: c\n    image: nginx:1\n    restartPolicyRules:\n    - action: RestartAllContainers\n      exitCodes:\n        operator: In\n        values: [42, 7, 42]\n    - action: Stop\n      exitCodes:\n        operator: NotIn\n        values: [0]\n    resizePolicy:\n    - resourceName: cpu\n      restartPolicy: NotRequired\n    - resourceName: memory\n      restartPolicy: RestartContainer\n    - resourceName: cpu\n",
            expect![[r#"
                10:5-10:23 error[conflicting-fields] spec.containers[0].restartPolicyRules: `restartPolicyRules` require the container's `restartPolicy` to be set (`Always`, `OnFailure` or `Never`)
                11:7-11:13 warning[alpha-feature] spec.containers[0].restartPolicyRules[0].action: action `RestartAllContainers` needs the feature gate RestartAllContainersOnContainerExits (alpha in Kubernetes 1.37, off by default); clusters without it reject the Pod; the action allowed without it is `Restart`
                14:25-14:27 error[duplicate-name] spec.containers[0].restartPolicyRules[0].exitCodes.values[2]: duplicate exit code `42`: each exit code may be listed once
                15:15-15:19 error[invalid-enum] spec.containers[0].restartPolicyRules[1].action: `Stop` is not a valid `action`; allowed: `Restart` or `RestartAllContainers`
                23:22-23:38 error[conflicting-fields] spec.containers[0].resizePolicy[1].restartPolicy: with the pod's `restartPolicy: Never` a resize policy's `restartPolicy` must be `NotRequired` (the container cannot be restarted)
                24:7-24:19 error[missing-required] spec.containers[0].resizePolicy[2].restartPolicy: missing required field `restartPolicy` (ContainerResizePolicy)
                24:21-24:24 error[duplicate-name] spec.containers[0].resizePolicy[2].resourceName: duplicate resize policy resource `cpu`: each resource may have one resize policy per container
            "#]],
        );
    }
}
