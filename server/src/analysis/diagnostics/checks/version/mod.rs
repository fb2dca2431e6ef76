//! The target Kubernetes version (`Inputs::kubernetes`): what it does not have yet, what it no longer has,
//! and what it drops or rejects while a feature gate is off by default there. The facts are the table's
//! (`since`, `removedIn`, `featureGate`, `valueSince`, `valueGates`, the gates' stages per version);
//! `analysis::versions` reads them for every feature alike.
//!
//! | rule | code | upstream |
//! |---|---|---|
//! | a field newer than the target | `unknown-field` | strict field validation of the target's API server (the field is not in its types) |
//! | a field removed or renamed before the target, with what replaced it | `unknown-field` | the same: the field is gone from the target's types |
//! | a field behind a gate that is off by default in the target | `alpha-feature` (warning) | the `dropDisabled*Fields` helpers of `pkg/api/pod/util.go` (and `pkg/api/job`, `pkg/registry/apps/*/strategy.go`): the API server clears the field and accepts the object |
//! | an enum value newer than the target | `invalid-enum` | the target's validation lists no such value (`ValidateTolerations`, `validateContainerRestartPolicyRules`, …) |
//! | an enum value behind a gate that is off by default in the target | `alpha-feature` (warning) | validation admits it only with the gate: `ValidateTolerations` (`TaintTolerationComparisonOperators`), `validateContainerRestartPolicyRules` (`RestartAllContainersOnContainerExits`), … |

use super::super::code::Code;
use super::super::context::{Context, Rule, Visit};
use super::super::diagnostic::{Diagnostic, Severity};
use super::invalid_enum::{invalid_value, values_at};
use crate::analysis::inputs::KubernetesVersion;
use crate::analysis::scalar::Scalar;
use crate::analysis::versions::{GateOff, Presence, field_presence, gate_off, value_presence};
use crate::messages::{Arg, Message, fields as field_msg, versions as msg};
use crate::schema::Field;

pub(in super::super) const RULE: Rule = Rule { on: &[], check };

fn check(cx: &Context, visit: &Visit, out: &mut Vec<Diagnostic>) {
    fields(cx, visit, out);
    value(cx, visit, out);
}

/// The keys of an object that the target lacks or drops.
fn fields(cx: &Context, visit: &Visit, out: &mut Vec<Diagnostic>) {
    let target = cx.kubernetes;
    for (key, _, field) in visit.entries_with_fields(cx) {
        let Some(field) = field else {
            continue;
        };
        let name = &field.name;
        let (severity, code, message) = match field_presence(field, target) {
            Presence::NotYet { since } => (
                Severity::Error,
                Code::UnknownField,
                msg::field_too_new(name, since, target),
            ),
            Presence::Removed {
                removed_in,
                replaced_by,
            } => {
                let instead = replaced_by.map_or(Arg::from(""), |by| msg::use_instead(by).into());
                (
                    Severity::Error,
                    Code::UnknownField,
                    msg::field_removed(name, removed_in, target, instead),
                )
            }
            Presence::Present => {
                let Some(off) = gated_off(cx, field.feature_gate.as_deref()) else {
                    continue;
                };
                (
                    Severity::Warning,
                    Code::AlphaFeature,
                    msg::field_gate_off(name, &off.gate.name, stage(off, target), target),
                )
            }
        };
        let range = cx.doc.node(key).range;
        out.push(
            Diagnostic::new(severity, code, range, message.render(cx.locale))
                .at(visit.path.key(name)),
        );
    }
}

/// An enum value the target does not have, or rejects while its gate is off by default.
fn value(cx: &Context, visit: &Visit, out: &mut Vec<Diagnostic>) {
    let (Some(field), Some(Scalar::Str(value))) = (visit.field, &visit.scalar) else {
        return;
    };
    if !field.enum_values.iter().any(|v| v == value) {
        return;
    }
    let target = cx.kubernetes;
    let range = visit.range(cx);
    let name = &field.name;
    if let Presence::NotYet { since } = value_presence(field, value, target) {
        // The fixes are the values the target has; none is preferred: `Gt` to `Equal` changes what the
        // manifest means, so `podls check --fix` leaves it to the user.
        let values = values_at(field, target);
        let message = |_| msg::value_too_new(name, value, since, target, otherwise(field, target));
        out.push(invalid_value(cx, visit, message, None, &values, None));
        return;
    }
    let Some(off) = gated_off(cx, field.value_gates.get(*value).map(String::as_str)) else {
        return;
    };
    let key_range = visit.key.map_or(range, |key| cx.doc.node(key).range);
    let message = msg::value_gate_off(
        name,
        value,
        &off.gate.name,
        stage(off, target),
        otherwise(field, target),
    );
    out.push(
        Diagnostic::warning(Code::AlphaFeature, key_range, message.render(cx.locale))
            .at(visit.path.clone()),
    );
}

fn gated_off<'a>(cx: &Context<'a>, gate: Option<&str>) -> Option<GateOff<'a>> {
    gate_off(cx.schema, gate?, cx.kubernetes)
}

/// The gate's stage in the target: `alpha in Kubernetes 1.35, off by default`.
fn stage(off: GateOff, target: KubernetesVersion) -> Message {
    match off.stage {
        Some(stage) => msg::gate_stage(stage.name(), target),
        None => msg::gate_not_yet(target),
    }
}

/// `; the operator allowed without it is `Equal``: the one value of the field that needs no gate and is in
/// the target, when there is exactly one.
fn otherwise(field: &Field, target: KubernetesVersion) -> Arg {
    let plain: Vec<&String> = field
        .enum_values
        .iter()
        .filter(|v| {
            !field.value_gates.contains_key(*v)
                && value_presence(field, v, target) == Presence::Present
        })
        .collect();
    match plain.as_slice() {
        [only] => field_msg::alpha_otherwise(&field.name, only).into(),
        _ => Arg::from(""),
    }
}

#[cfg(test)]
mod tests;
