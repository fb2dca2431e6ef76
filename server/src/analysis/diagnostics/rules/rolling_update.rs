//! Rules of the rolling updates of Deployments, DaemonSets and StatefulSets: `maxSurge` and
//! `maxUnavailable` are a count or a percentage (`25%`), a percentage of unavailable pods is at most 100%,
//! and a rollout must be able to move — a Deployment may not have both at zero, a DaemonSet must have
//! exactly one above zero, a StatefulSet's `maxUnavailable` is not zero. The strategies' own combinations
//! (`Recreate` or `OnDelete` with a `rollingUpdate`) are here too. Counts below zero are the table's.
//!
//! | rule | code | upstream (Kubernetes v1.35 `pkg/apis/apps/validation/validation.go`) |
//! |---|---|---|
//! | a string `maxSurge`/`maxUnavailable` is a percentage (`^[0-9]+%$`) | `invalid-value` | `ValidatePositiveIntOrPercent` (`IsValidPercent`) |
//! | `maxUnavailable` (and a DaemonSet's `maxSurge`) at most 100% | `out-of-range` | `IsNotMoreThan100Percent` |
//! | Deployment: `maxUnavailable` and `maxSurge` not both 0 (each defaults to 25%) | `conflicting-fields` | `ValidateRollingUpdateDeployment`; `SetDefaults_Deployment` (`pkg/apis/apps/v1/defaults.go`) |
//! | DaemonSet: exactly one of `maxUnavailable` (default 1) and `maxSurge` (default 0) above 0 | `conflicting-fields` | `ValidateRollingUpdateDaemonSet`; `SetDefaults_DaemonSet` |
//! | StatefulSet: `maxUnavailable` not 0 (nor 0%) | `out-of-range` | `validateRollingUpdateStatefulSet` |
//! | `type: Recreate` (Deployment) or `OnDelete` (StatefulSet) with `rollingUpdate` | `conflicting-fields` | `ValidateDeploymentStrategy`, `ValidateStatefulSetSpec` |

use super::super::code::Code;
use super::super::context::{Context, Rule, Visit};
use super::super::diagnostic::Diagnostic;
use super::super::fields::{entry, text};
use crate::analysis::fixes::remove_entry;
use crate::analysis::scalar::{Scalar, scalar};
use crate::messages::{Message, rules as msg};
use crate::syntax::NodeId;

pub(super) const RULES: &[Rule] = &[
    Rule {
        on: &[
            "RollingUpdateDeployment",
            "RollingUpdateDaemonSet",
            "RollingUpdateStatefulSetStrategy",
        ],
        check: amounts,
    },
    Rule {
        on: &["RollingUpdateDeployment"],
        check: deployment_progress,
    },
    Rule {
        on: &["RollingUpdateDaemonSet"],
        check: daemon_set_progress,
    },
    Rule {
        on: &["RollingUpdateStatefulSetStrategy"],
        check: stateful_set_progress,
    },
    Rule {
        on: &["DeploymentStrategy", "StatefulSetUpdateStrategy"],
        check: strategy_type,
    },
];

/// A count of pods or a percentage of the desired ones, as `intstr` reads it.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Amount {
    Count(i128),
    Percent(i128),
}

impl Amount {
    fn is_zero(self) -> bool {
        matches!(self, Amount::Count(0) | Amount::Percent(0))
    }
}

/// The amount written in `field`, with its value node; `None` when unset or not an amount (reported apart).
fn amount(cx: &Context, visit: &Visit, field: &str) -> Option<(NodeId, Amount)> {
    let (_, value) = entry(cx.doc, visit.node, field)?;
    match scalar(cx.doc, value)? {
        Scalar::Int(n) => Some((value, Amount::Count(n))),
        Scalar::Str(s) => percent(s).map(|p| (value, Amount::Percent(p))),
        _ => None,
    }
}

/// `25%` → 25 (`IsValidPercent`: digits then `%`).
fn percent(s: &str) -> Option<i128> {
    let digits = s.strip_suffix('%')?;
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Some(digits.parse().unwrap_or(i128::MAX))
}

fn amounts(cx: &Context, visit: &Visit, out: &mut Vec<Diagnostic>) {
    if visit.is_null() {
        return;
    }
    let doc = cx.doc;
    let daemon_set = visit.object() == Some("RollingUpdateDaemonSet");
    for field in ["maxSurge", "maxUnavailable"] {
        let Some((_, value)) = entry(doc, visit.node, field) else {
            continue;
        };
        let path = visit.path.key(field);
        if let Some(Scalar::Str(s)) = scalar(doc, value) {
            if percent(s).is_none() {
                out.push(
                    Diagnostic::error(
                        Code::InvalidValue,
                        doc.node(value).range,
                        msg::pods_or_percentage(field, s).render(cx.locale),
                    )
                    .at(path),
                );
                continue;
            }
        }
        let capped = field == "maxUnavailable" || daemon_set;
        if let Some((node, Amount::Percent(p))) = amount(cx, visit, field) {
            if capped && p > 100 {
                out.push(
                    Diagnostic::error(
                        Code::OutOfRange,
                        doc.node(node).range,
                        msg::percentage_above_100(field, p).render(cx.locale),
                    )
                    .at(path),
                );
            }
        }
    }
}

/// `conflicting-fields` at a field's value, or at the object's key when the field is left to its default.
fn stuck(cx: &Context, visit: &Visit, field: &str, message: Message) -> Diagnostic {
    let message = message.render(cx.locale);
    let range = entry(cx.doc, visit.node, field)
        .map_or_else(|| visit.anchor(cx), |(_, v)| cx.doc.node(v).range);
    Diagnostic::error(Code::ConflictingFields, range, message).at(visit.path.key(field))
}

fn deployment_progress(cx: &Context, visit: &Visit, out: &mut Vec<Diagnostic>) {
    if visit.is_null() {
        return;
    }
    // Both default to 25%: only two written zeros stop a rollout.
    let zero = |field| amount(cx, visit, field).is_some_and(|(_, a)| a.is_zero());
    if zero("maxUnavailable") && zero("maxSurge") {
        out.push(stuck(cx, visit, "maxUnavailable", msg::rollout_stuck()));
    }
}

fn daemon_set_progress(cx: &Context, visit: &Visit, out: &mut Vec<Diagnostic>) {
    if visit.is_null() {
        return;
    }
    let written = |field| entry(cx.doc, visit.node, field).is_some();
    let above_zero = |field, default: bool| match amount(cx, visit, field) {
        Some((_, a)) => Some(!a.is_zero()),
        None if written(field) => None,
        None => Some(default),
    };
    let (Some(unavailable), Some(surge)) = (
        above_zero("maxUnavailable", true),
        above_zero("maxSurge", false),
    ) else {
        return;
    };
    if unavailable && surge {
        let why = if written("maxUnavailable") {
            msg::daemon_set_surge_and_unavailable()
        } else {
            msg::daemon_set_surge_default_unavailable()
        };
        out.push(stuck(cx, visit, "maxSurge", why));
    } else if !unavailable && !surge {
        out.push(stuck(
            cx,
            visit,
            "maxUnavailable",
            msg::daemon_set_update_stuck(),
        ));
    }
}

fn stateful_set_progress(cx: &Context, visit: &Visit, out: &mut Vec<Diagnostic>) {
    if visit.is_null() {
        return;
    }
    // An integer 0 is the table's minimum; `0%` reads as 0 too.
    if let Some((node, Amount::Percent(0))) = amount(cx, visit, "maxUnavailable") {
        out.push(
            Diagnostic::error(
                Code::OutOfRange,
                cx.doc.node(node).range,
                msg::stateful_set_unavailable_zero().render(cx.locale),
            )
            .at(visit.path.key("maxUnavailable")),
        );
    }
}

fn strategy_type(cx: &Context, visit: &Visit, out: &mut Vec<Diagnostic>) {
    if visit.is_null() {
        return;
    }
    let doc = cx.doc;
    let (Some(kind), Some((key, _))) = (
        text(doc, visit.node, "type"),
        entry(doc, visit.node, "rollingUpdate"),
    ) else {
        return;
    };
    if !matches!(kind, "Recreate" | "OnDelete") {
        return;
    }
    out.push(
        Diagnostic::error(
            Code::ConflictingFields,
            doc.node(key).range,
            msg::rolling_update_with_type(kind).render(cx.locale),
        )
        .at(visit.path.key("rollingUpdate"))
        .with_fixes(remove_entry(
            cx.locale, cx.text, doc, visit.node, key, false,
        )),
    );
}

#[cfg(test)]
mod tests {
    use expect_test::expect;

    use crate::analysis::diagnostics::tests::check;

    fn workload(kind: &str, strategy: &str) -> String {
        format!(
            "apiVersion: apps/v1\nkind: {kind}\nmetadata:\n  name: w\nspec:\n  selector: {{matchLabels: {{app: w}}}}\n{strategy}  template:\n    metadata: {{labels: {{app: w}}}}\n    spec:\n      containers: [{{name: c, image: 'nginx:1'}}]\n"
        )
    }

    #[test]
    fn deployment_rollouts() {
        check(
            &workload(
                "Deployment",
                "  strategy:\n    rollingUpdate: {maxSurge: 1, maxUnavailable: 0}\n",
            ),
            expect![[""]],
        );
        check(
            &workload(
                "Deployment",
                "  strategy:\n    rollingUpdate: {maxSurge: 0%, maxUnavailable: 0}\n",
            ),
            expect![[r#"
                8:51-8:52 error[conflicting-fields] spec.strategy.rollingUpdate.maxUnavailable: `maxUnavailable` may not be 0 when `maxSurge` is 0: the rollout could neither stop an old pod nor start a new one
            "#]],
        );
        check(
            &workload(
                "Deployment",
                "  strategy:\n    type: Recreate\n    rollingUpdate:\n      maxSurge: \"25\"\n      maxUnavailable: 150%\n      \n",
            ),
            expect![[r#"
                9:5-9:18 error[conflicting-fields] spec.strategy.rollingUpdate: `rollingUpdate` may not be set with `type: Recreate`: it only applies to `type: RollingUpdate`
                10:17-10:21 error[invalid-value] spec.strategy.rollingUpdate.maxSurge: `maxSurge` must be a number of pods or a percentage such as `25%`, found `25`
                11:23-11:27 error[out-of-range] spec.strategy.rollingUpdate.maxUnavailable: `maxUnavailable` may be at most 100%, found 150%
            "#]],
        );
        check(
            &workload(
                "Deployment",
                "  strategy:\n    rollingUpdate: {maxUnavailable: -1}\n",
            ),
            expect![[r#"
                8:37-8:39 error[out-of-range] spec.strategy.rollingUpdate.maxUnavailable: `maxUnavailable` must be at least 0, found -1
            "#]],
        );
    }

    #[test]
    fn daemon_set_updates_surge_or_take_down_but_not_both() {
        check(
            &workload(
                "DaemonSet",
                "  updateStrategy:\n    rollingUpdate: {maxSurge: 1, maxUnavailable: 0}\n",
            ),
            expect![[""]],
        );
        check(
            &workload(
                "DaemonSet",
                "  updateStrategy:\n    rollingUpdate: {maxSurge: 1}\n",
            ),
            expect![[r#"
                8:31-8:32 error[conflicting-fields] spec.updateStrategy.rollingUpdate.maxSurge: `maxSurge` may not be above 0 when `maxUnavailable` is, and `maxUnavailable` defaults to 1: set `maxUnavailable: 0` to surge instead
            "#]],
        );
        check(
            &workload(
                "DaemonSet",
                "  updateStrategy:\n    rollingUpdate: {maxUnavailable: 0%, maxSurge: 200%}\n",
            ),
            expect![[r#"
                8:51-8:55 error[out-of-range] spec.updateStrategy.rollingUpdate.maxSurge: `maxSurge` may be at most 100%, found 200%
            "#]],
        );
        check(
            &workload(
                "DaemonSet",
                "  updateStrategy:\n    rollingUpdate: {maxUnavailable: 0}\n",
            ),
            expect![[r#"
                8:37-8:38 error[conflicting-fields] spec.updateStrategy.rollingUpdate.maxUnavailable: `maxUnavailable` may not be 0 when `maxSurge` is 0: the update could never replace a pod
            "#]],
        );
    }

    #[test]
    fn stateful_set_updates() {
        check(
            &workload(
                "StatefulSet",
                "  updateStrategy:\n    type: RollingUpdate\n    rollingUpdate: {partition: 2, maxUnavailable: 50%}\n",
            ),
            expect![[""]],
        );
        check(
            &workload(
                "StatefulSet",
                "  updateStrategy:\n    type: OnDelete\n    rollingUpdate: {partition: -1, maxUnavailable: 0%}\n",
            ),
            expect![[r#"
                9:5-9:18 error[conflicting-fields] spec.updateStrategy.rollingUpdate: `rollingUpdate` may not be set with `type: OnDelete`: it only applies to `type: RollingUpdate`
                9:32-9:34 error[out-of-range] spec.updateStrategy.rollingUpdate.partition: `partition` must be at least 0, found -1
                9:52-9:54 error[out-of-range] spec.updateStrategy.rollingUpdate.maxUnavailable: a StatefulSet's `maxUnavailable` may not be 0%: the update could never take a pod down
            "#]],
        );
    }
}
