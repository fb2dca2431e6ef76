//! Rules of a Job's pod failure policy: at most 20 rules, each matching on exit codes or on pod
//! conditions (exactly one of them), exit codes listed in increasing order without repeats (and not 0
//! with `In`, since 0 is success), for a container the template has. (`FailIndex` and what the policy asks
//! of the Job are `job.rs`; the enums are the table's.)
//!
//! | rule | code | upstream (Kubernetes v1.35 `pkg/apis/batch/validation/validation.go`) |
//! |---|---|---|
//! | at most 20 rules; at most 20 pod condition patterns a rule | `out-of-range` | `validatePodFailurePolicy`, `validatePodFailurePolicyRuleOnPodConditions` |
//! | a rule sets exactly one of `onExitCodes` and `onPodConditions` | `conflicting-fields` | `validatePodFailurePolicyRule` |
//! | `containerName` names a container or init container of the template | `unresolved-reference` | `validatePodFailurePolicyRuleOnExitCodes` |
//! | `values`: at least one, at most 255, no 0 with `In`, each once, in increasing order | `missing-required`, `out-of-range`, `conflicting-fields`, `duplicate-name`, `invalid-value` | `validatePodFailurePolicyRuleOnExitCodes` |

use super::super::code::Code;
use super::super::context::{Context, Rule, Visit};
use super::super::diagnostic::Diagnostic;
use super::super::fields::{Unique, entry, exactly_one, known, text};
use crate::analysis::names::index::NameKind;
use crate::analysis::scalar::{Scalar, scalar};
use crate::messages::rules as msg;

pub(super) const RULES: &[Rule] = &[
    Rule {
        on: &["PodFailurePolicy"],
        check: rule_count,
    },
    Rule {
        on: &["PodFailurePolicyRule"],
        check: one_match,
    },
    Rule {
        on: &["PodFailurePolicyOnExitCodesRequirement"],
        check: exit_codes,
    },
];

const MAX_RULES: usize = 20;
const MAX_PATTERNS: usize = 20;
const MAX_EXIT_CODES: usize = 255;

fn too_many(cx: &Context, visit: &Visit, field: &str, max: usize, out: &mut Vec<Diagnostic>) {
    let Some((key, list)) = entry(cx.doc, visit.node, field) else {
        return;
    };
    let found = cx.doc.items(list).len();
    if found > max {
        out.push(
            Diagnostic::error(
                Code::OutOfRange,
                cx.doc.node(key).range,
                msg::too_many_entries(field, max, found).render(cx.locale),
            )
            .at(visit.path.key(field)),
        );
    }
}

fn rule_count(cx: &Context, visit: &Visit, out: &mut Vec<Diagnostic>) {
    if !visit.is_null() {
        too_many(cx, visit, "rules", MAX_RULES, out);
    }
}

fn one_match(cx: &Context, visit: &Visit, out: &mut Vec<Diagnostic>) {
    if visit.is_null() {
        return;
    }
    too_many(cx, visit, "onPodConditions", MAX_PATTERNS, out);
    exactly_one(
        cx,
        visit,
        &["onExitCodes", "onPodConditions"],
        msg::a_pod_failure_policy_rule(),
        out,
    );
}

fn exit_codes(cx: &Context, visit: &Visit, out: &mut Vec<Diagnostic>) {
    if visit.is_null() {
        return;
    }
    let doc = cx.doc;
    if let Some((_, name)) = entry(doc, visit.node, "containerName") {
        let wanted = doc.scalar(name).unwrap_or_default();
        let scope = cx.pod_scope();
        let names = cx.names.declared(NameKind::Container, &scope);
        if cx.complete && !names.contains(&wanted) {
            out.push(
                Diagnostic::error(
                    Code::UnresolvedReference,
                    doc.node(name).range,
                    msg::no_such_container(wanted, known(&names)).render(cx.locale),
                )
                .at(visit.path.key("containerName")),
            );
        }
    }
    let Some((values_key, values)) = entry(doc, visit.node, "values") else {
        return;
    };
    let path = visit.path.key("values");
    let values = doc.items(values);
    if values.is_empty() {
        out.push(
            Diagnostic::error(
                Code::MissingRequired,
                doc.node(values_key).range,
                msg::values_need_exit_code().render(cx.locale),
            )
            .at(path.clone()),
        );
        return;
    }
    too_many(cx, visit, "values", MAX_EXIT_CODES, out);
    let is_in = text(doc, visit.node, "operator") == Some("In");
    let mut seen = Unique::new(msg::exit_code(), msg::exit_code_once());
    let mut previous: Option<i128> = None;
    let mut ordered = true;
    for (i, &value) in values.iter().enumerate() {
        let Some(Scalar::Int(code)) = scalar(doc, value) else {
            continue;
        };
        if is_in && code == 0 {
            out.push(
                Diagnostic::error(
                    Code::ConflictingFields,
                    doc.node(value).range,
                    msg::exit_code_zero_in().render(cx.locale),
                )
                .at(path.index(i)),
            );
        }
        seen.add(cx, value, || path.index(i), out);
        ordered &= previous.is_none_or(|p| p <= code);
        previous = Some(code);
    }
    if !ordered {
        out.push(
            Diagnostic::error(
                Code::InvalidValue,
                doc.node(values_key).range,
                msg::exit_codes_increasing().render(cx.locale),
            )
            .at(path),
        );
    }
}

#[cfg(test)]
mod tests {
    use expect_test::expect;

    use crate::analysis::diagnostics::tests::check;

    fn job(rules: &str) -> String {
        format!(
            "apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: j\nspec:\n  podFailurePolicy:\n    rules:\n{rules}  template:\n    spec:\n      restartPolicy: Never\n      initContainers: [{{name: setup, image: 'busybox:1'}}]\n      containers: [{{name: main, image: 'busybox:1'}}]\n"
        )
    }

    #[test]
    fn valid_rules() {
        check(
            &job(
                "    - action: FailJob\n      onExitCodes: {containerName: setup, operator: In, values: [1, 2, 42]}\n    - action: Ignore\n      onPodConditions: [{type: DisruptionTarget}]\n    - action: Count\n      onExitCodes: {operator: NotIn, values: [0]}\n",
            ),
            expect![[""]],
        );
    }

    #[test]
    fn exit_codes_and_matches() {
        check(
            &job(
                "    - action: FailJob\n      onExitCodes: {containerName: mian, operator: In, values: [0, 5, 3, 3]}\n    - action: Ignore\n    - action: Count\n      onExitCodes: {operator: NotIn, values: []}\n      onPodConditions: [{type: DisruptionTarget}]\n",
            ),
            expect![[r#"
                9:36-9:40 error[unresolved-reference] spec.podFailurePolicy.rules[0].onExitCodes.containerName: no container or init container named `mian` in the pod template (declared: `setup` and `main`)
                9:56-9:62 error[invalid-value] spec.podFailurePolicy.rules[0].onExitCodes.values: exit codes in `values` must be listed in increasing order
                9:65-9:66 error[conflicting-fields] spec.podFailurePolicy.rules[0].onExitCodes.values[0]: exit code 0 means success: it may not be listed with `operator: In`
                9:74-9:75 error[duplicate-name] spec.podFailurePolicy.rules[0].onExitCodes.values[3]: duplicate exit code `3`: each exit code may be listed once
                10:7-10:13 error[conflicting-fields] spec.podFailurePolicy.rules[1]: a pod failure policy rule needs exactly one of `onExitCodes` or `onPodConditions`; none is set
                12:38-12:44 error[missing-required] spec.podFailurePolicy.rules[2].onExitCodes.values: `values` needs at least one exit code
                13:7-13:22 error[conflicting-fields] spec.podFailurePolicy.rules[2].onPodConditions: a pod failure policy rule takes exactly one of `onExitCodes` or `onPodConditions`; `onExitCodes` is already set, so remove `onPodConditions` or `onExitCodes`
            "#]],
        );
    }
}
