//! `alpha-feature`: an enum value the API server rejects unless an alpha feature gate (off by default) is
//! on — a toleration's `operator: Gt`, a restart rule's `action: RestartAllContainers`. Which values need
//! which gate is the table's `alphaValues`; when the field has one value that needs no gate, the message
//! names it.
//!
//! | rule | code | upstream (Kubernetes v1.35 `pkg/apis/core/validation/validation.go`) |
//! |---|---|---|
//! | toleration operators `Gt` / `Lt` | `alpha-feature` | `ValidateTolerations` (gate `TaintTolerationComparisonOperators`) |
//! | restart rule action `RestartAllContainers` | `alpha-feature` | `validateContainerRestartPolicyRules` (gate `RestartAllContainersOnContainerExits`) |

use super::super::code::Code;
use super::super::context::{Context, Rule, Visit};
use super::super::diagnostic::Diagnostic;
use crate::analysis::scalar::Scalar;
use crate::messages::{Arg, fields as msg};

pub(in super::super) const RULE: Rule = Rule { on: &[], check };

fn check(cx: &Context, visit: &Visit, out: &mut Vec<Diagnostic>) {
    let (Some(field), Some(key), Some(Scalar::Str(value))) =
        (visit.field, visit.key, &visit.scalar)
    else {
        return;
    };
    let Some(gate) = field.alpha_values.get(*value) else {
        return;
    };
    let without: Vec<&String> = field
        .enum_values
        .iter()
        .filter(|v| !field.alpha_values.contains_key(*v))
        .collect();
    let otherwise = match without.as_slice() {
        [only] => msg::alpha_otherwise(&field.name, only).into(),
        _ => Arg::from(""),
    };
    out.push(
        Diagnostic::warning(
            Code::AlphaFeature,
            cx.doc.node(key).range,
            msg::alpha_value(&field.name, value, gate, otherwise).render(cx.locale),
        )
        .at(visit.path.clone()),
    );
}
