//! Rules of scheduling: tolerations, node and label selector requirements, `matchLabelKeys` of affinity
//! terms and topology spread constraints, and spread constraints that repeat each other.
//!
//! | rule | code | upstream (Kubernetes v1.35 `pkg/apis/core/validation/validation.go`) |
//! |---|---|---|
//! | a toleration without `key` uses `operator: Exists`; `Exists` takes no value; `tolerationSeconds` only with `NoExecute` | `conflicting-fields` | `ValidateTolerations` |
//! | `In`/`NotIn` need values, `Exists`/`DoesNotExist` none, `Gt`/`Lt` exactly one | `conflicting-fields` | `ValidateNodeSelectorRequirement`, `ValidateLabelSelectorRequirement` (apimachinery `pkg/apis/meta/v1/validation`) |
//! | `matchLabelKeys` not in the selector nor in `mismatchLabelKeys` | `conflicting-fields` | `validateLabelKeysWithSelector`, `validateMatchLabelKeysAndMismatchLabelKeys` |
//! | `minDomains` only with `whenUnsatisfiable: DoNotSchedule` | `conflicting-fields` | `validateMinDomains` (`validateTopologySpreadConstraints`) |
//! | no two spread constraints with the same topologyKey and whenUnsatisfiable | `conflicting-fields` | `validateTopologySpreadConstraints` |

use super::super::code::Code;
use super::super::context::{Context, Rule, Visit, conflict};
use super::super::diagnostic::Diagnostic;
use super::super::fields::{entry, text};
use crate::messages::rules as msg;
use crate::syntax::NodeId;

pub(super) const RULES: &[Rule] = &[
    Rule {
        on: &["Toleration"],
        check: toleration,
    },
    Rule {
        on: &["NodeSelectorRequirement", "LabelSelectorRequirement"],
        check: selector_requirement,
    },
    Rule {
        on: &["PodAffinityTerm", "TopologySpreadConstraint"],
        check: match_label_keys,
    },
    Rule {
        on: &["TopologySpreadConstraint"],
        check: min_domains,
    },
    Rule {
        on: &["PodSpec"],
        check: distinct_spread_constraints,
    },
];

fn toleration(cx: &Context, visit: &Visit, out: &mut Vec<Diagnostic>) {
    if visit.is_null() {
        return;
    }
    let doc = cx.doc;
    let operator = text(doc, visit.node, "operator").unwrap_or("Equal");
    let key_empty = text(doc, visit.node, "key").is_none_or(str::is_empty);
    if key_empty && operator != "Exists" {
        if let Some((op_key, _)) =
            entry(doc, visit.node, "operator").or(entry(doc, visit.node, "value"))
        {
            out.push(conflict(cx, visit, op_key, msg::toleration_without_key()));
        }
    }
    if operator == "Exists" {
        if let Some((key, v)) = entry(doc, visit.node, "value") {
            if doc.scalar(v).is_some_and(|s| !s.is_empty()) {
                out.push(conflict(cx, visit, key, msg::exists_without_value()));
            }
        }
    }
    if let Some((key, _)) = entry(doc, visit.node, "tolerationSeconds") {
        let effect = text(doc, visit.node, "effect").unwrap_or("");
        if effect != "NoExecute" {
            out.push(conflict(
                cx,
                visit,
                key,
                msg::toleration_seconds_no_execute(),
            ));
        }
    }
}

fn selector_requirement(cx: &Context, visit: &Visit, out: &mut Vec<Diagnostic>) {
    if visit.is_null() {
        return;
    }
    let doc = cx.doc;
    let Some((op_key, _)) = entry(doc, visit.node, "operator") else {
        return;
    };
    let operator = text(doc, visit.node, "operator").unwrap_or("");
    let values = entry(doc, visit.node, "values").map_or(0, |(_, v)| doc.items(v).len());
    let problem = match operator {
        "In" | "NotIn" if values == 0 => Some(msg::operator_needs_values(operator)),
        "Exists" | "DoesNotExist" if values > 0 => Some(msg::operator_takes_no_values(operator)),
        "Gt" | "Lt" if values != 1 => Some(msg::operator_needs_one_integer(operator)),
        _ => None,
    };
    if let Some(problem) = problem {
        out.push(conflict(cx, visit, op_key, problem));
    }
}

/// `matchLabelKeys` are merged into `labelSelector` as `<key> In (<the pod's value>)`, so a key the selector
/// already uses (and the pod has as a label) ends up twice (`validateLabelKeysWithSelector`); a key may not
/// also be a `mismatchLabelKeys` entry (`validateMatchLabelKeysAndMismatchLabelKeys`).
fn match_label_keys(cx: &Context, visit: &Visit, out: &mut Vec<Diagnostic>) {
    if visit.is_null() {
        return;
    }
    let doc = cx.doc;
    let Some((_, keys)) = entry(doc, visit.node, "matchLabelKeys") else {
        return;
    };
    let strings = |list: Option<NodeId>, field: Option<&str>| -> Vec<&str> {
        let items = list.map(|l| doc.items(l)).unwrap_or_default();
        items
            .iter()
            .filter_map(|item| match field {
                Some(field) => text(doc, *item, field),
                None => doc.scalar(*item),
            })
            .collect()
    };
    let selector = entry(doc, visit.node, "labelSelector").map(|(_, s)| s);
    let mut selector_keys = strings(
        selector.and_then(|s| doc.get(s, "matchExpressions")),
        Some("key"),
    );
    if let Some(labels) = selector.and_then(|s| doc.get(s, "matchLabels")) {
        selector_keys.extend(
            doc.entries(labels)
                .iter()
                .filter_map(|(k, _)| doc.scalar(*k)),
        );
    }
    let pod_labels = cx.site.metadata_field(doc, "labels");
    let mismatch = strings(
        entry(doc, visit.node, "mismatchLabelKeys").map(|(_, m)| m),
        None,
    );
    for (i, node) in doc.items(keys).iter().enumerate() {
        let Some(key) = doc.scalar(*node) else {
            continue;
        };
        let merged = pod_labels.is_some_and(|labels| doc.get(labels, key).is_some());
        let problem = if merged && selector_keys.contains(&key) {
            msg::match_label_key_in_selector(key)
        } else if mismatch.contains(&key) {
            msg::match_and_mismatch_key(key)
        } else {
            continue;
        };
        out.push(
            Diagnostic::error(
                Code::ConflictingFields,
                doc.node(*node).range,
                problem.render(cx.locale),
            )
            .at(visit.path.key("matchLabelKeys").index(i)),
        );
    }
}

fn min_domains(cx: &Context, visit: &Visit, out: &mut Vec<Diagnostic>) {
    if visit.is_null() {
        return;
    }
    if let Some((key, _)) = entry(cx.doc, visit.node, "minDomains") {
        let when = text(cx.doc, visit.node, "whenUnsatisfiable");
        if when.is_some_and(|w| w != "DoNotSchedule") {
            out.push(conflict(
                cx,
                visit,
                key,
                msg::min_domains_needs_do_not_schedule(),
            ));
        }
    }
}

fn distinct_spread_constraints(cx: &Context, visit: &Visit, out: &mut Vec<Diagnostic>) {
    if visit.is_null() {
        return;
    }
    let doc = cx.doc;
    let Some((_, constraints)) = entry(doc, visit.node, "topologySpreadConstraints") else {
        return;
    };
    let mut seen: Vec<(&str, &str)> = Vec::new();
    for (i, constraint) in doc.items(constraints).iter().enumerate() {
        let pair = (
            text(doc, *constraint, "topologyKey").unwrap_or(""),
            text(doc, *constraint, "whenUnsatisfiable").unwrap_or(""),
        );
        if pair.0.is_empty() || pair.1.is_empty() {
            continue;
        }
        if seen.contains(&pair) {
            let (key, _) = entry(doc, *constraint, "topologyKey").expect("read above");
            out.push(
                Diagnostic::error(
                    Code::ConflictingFields,
                    doc.node(key).range,
                    msg::duplicate_spread_constraint(pair.0, pair.1).render(cx.locale),
                )
                .at(visit
                    .path
                    .key("topologySpreadConstraints")
                    .index(i)
                    .key("topologyKey")),
            );
        }
        seen.push(pair);
    }
}

#[cfg(test)]
mod tests {
    use expect_test::expect;

    use crate::analysis::diagnostics::tests::check;

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
            18:22-18:39 error[conflicting-fields] spec.topologySpreadConstraints[0].matchLabelKeys[0]: `pod-template-hash` is in both `matchLabelKeys` and `labelSelector`: the API server adds `pod-template-hash In (<this pod's value>)` to the selector; remove it from one of them
            25:26-25:43 error[conflicting-fields] spec.affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].matchLabelKeys[0]: `pod-template-hash` is in both `matchLabelKeys` and `labelSelector`: the API server adds `pod-template-hash In (<this pod's value>)` to the selector; remove it from one of them
            25:45-25:52 error[conflicting-fields] spec.affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].matchLabelKeys[1]: `version` is in both `matchLabelKeys` and `mismatchLabelKeys`; keep it in one of them
        "#]],
        );
    }
}
