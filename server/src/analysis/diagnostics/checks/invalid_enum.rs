//! `invalid-enum`: a value outside the closed list the API server accepts — `imagePullPolicy: Sometimes`,
//! `restartPolicy: Nevr`, `protocol: HTTP`. Values are case-sensitive (`tcp` is rejected). Each allowed
//! value of the target Kubernetes version is offered as a fix: the near typo first, else the value the API
//! server defaults to.
//!
//! | rule | code | upstream (Kubernetes v1.35 `pkg/apis/core/validation/validation.go`) |
//! |---|---|---|
//! | a value outside the field's `enum` (and `enumPattern`) of the table | `invalid-enum` | the field's own validator: `validatePullPolicy`, `validateRestartPolicy`, `validateDNSPolicy`, `validateContainerPorts` (protocol), `validateTaintEffect`, ... |
//! | `""` on a field the table marks `emptyIsUnset` is unset, not invalid (`imagePullPolicy: ""`, `protocol: ""`; not `mountPropagation: ""`) | none | `SetDefaults_Container`, `SetDefaults_PodSpec`, `SetDefaults_HTTPGetAction` (pkg/apis/core/v1/defaults.go), `SetObjectDefaults_Pod` (zz_generated.defaults.go, ports' protocol) |
//! | a downward API `fieldPath` / `resource` not supported where it is | `invalid-enum` | `validateObjectFieldSelector` with `validEnvDownwardAPIFieldPathExpressions` / `validVolumeDownwardAPIFieldPathExpressions`, `validateContainerResourceFieldSelector` |

use super::super::code::Code;
use super::super::context::{Context, Rule, Visit};
use super::super::diagnostic::Diagnostic;
use crate::analysis::fixes::{enum_choices, pull_policy_default};
use crate::analysis::inputs::KubernetesVersion;
use crate::analysis::scalar::Scalar;
use crate::analysis::suggest::closest;
use crate::analysis::versions::has_value;
use crate::messages::{Arg, Message, fields as msg, one_of};
use crate::schema::{Field, FieldType, Selectable};
use crate::syntax::PathSegment;

pub(in super::super) const RULE: Rule = Rule { on: &[], check };

fn check(cx: &Context, visit: &Visit, out: &mut Vec<Diagnostic>) {
    let (Some(field), Some(Scalar::Str(value)), FieldType::String) =
        (visit.field, &visit.scalar, visit.ty)
    else {
        return;
    };
    if let Some(selectable) = selectable(visit) {
        return selector(cx, visit, value, selectable, out);
    }
    if field.enum_values.is_empty() || allowed(field, value) {
        return;
    }
    // v1 defaulting tests `== ""` on plain string enums: an empty string there is unset and gets the default.
    // A pointer enum (`mountPropagation`) is defaulted only when absent, so its `""` is refused.
    if value.is_empty() && field.empty_is_unset {
        return;
    }
    // What the target accepts: a value newer than it (`checks/version`) is neither listed nor offered.
    let values: Vec<String> = values_at(field, cx.kubernetes);
    let default = default_value(cx, visit, field).filter(|d| values.contains(d));
    let candidates = values.iter().filter(|v| !v.is_empty());
    let suggestion = closest(value, candidates.map(String::as_str));
    let pattern = match &field.enum_pattern {
        Some(pattern) => msg::or_matching(pattern).into(),
        None => Arg::from(""),
    };
    out.push(invalid_value(
        cx,
        visit,
        |more| msg::invalid_enum(value, &field.name, one_of(&values), pattern, more),
        suggestion,
        &values,
        default.as_deref(),
    ));
}

/// The field's values that Kubernetes `target` has.
pub(in super::super) fn values_at(field: &Field, target: KubernetesVersion) -> Vec<String> {
    field
        .enum_values
        .iter()
        .filter(|v| has_value(field, v, target))
        .cloned()
        .collect()
}

/// The value the API server fills in when the field is left out, when it is one of the allowed values:
/// for a pull policy it depends on the image's tag (`SetDefaults_Container`, pkg/apis/core/v1/defaults.go).
fn default_value(cx: &Context, visit: &Visit, field: &Field) -> Option<String> {
    let image_field = match (field.declared_in.as_str(), field.name.as_str()) {
        ("Container" | "EphemeralContainer", "imagePullPolicy") => Some("image"),
        ("ImageVolumeSource", "pullPolicy") => Some("reference"),
        _ => None,
    };
    if let Some(image_field) = image_field {
        let parent = cx.doc.node(visit.written).parent?;
        let image = cx
            .doc
            .get(parent, image_field)
            .and_then(|i| cx.doc.scalar(i));
        return Some(pull_policy_default(image.unwrap_or("")).to_string());
    }
    let default = field.default.as_deref()?;
    field.enum_values.iter().find(|v| *v == default).cloned()
}

fn allowed(field: &Field, value: &str) -> bool {
    field.enum_values.iter().any(|v| v == value)
        || field
            .enum_pattern
            .as_deref()
            .is_some_and(|pattern| matches_pattern(pattern, value))
}

/// The table's patterns are anchored prefixes with a non-empty rest (`^HugePages-.+$`); no regex engine
/// is needed for them.
fn matches_pattern(pattern: &str, value: &str) -> bool {
    let body = pattern.trim_start_matches('^').trim_end_matches('$');
    match body.strip_suffix(".+") {
        Some(prefix) => value.len() > prefix.len() && value.starts_with(prefix),
        None => match body.strip_suffix(".*") {
            Some(prefix) => value.starts_with(prefix),
            None => value == body,
        },
    }
}

/// Downward API selectors (the table's `selectors`): which `fieldPath`s and `resource`s the server accepts
/// depends on where the selector is, an env var or a volume file.
fn selectable<'a>(visit: &Visit<'a>) -> Option<&'a Selectable> {
    let selectors = visit.field?.selectors.as_ref()?;
    let in_env = visit
        .path
        .iter()
        .any(|s| matches!(s, PathSegment::Key(k) if k == "env"));
    Some(if in_env {
        &selectors.env
    } else {
        &selectors.volume
    })
}

fn selector(
    cx: &Context,
    visit: &Visit,
    value: &str,
    selectable: &Selectable,
    out: &mut Vec<Diagnostic>,
) {
    if selectable.accepts(value) || value.is_empty() {
        return;
    }
    let name = visit.field.map_or("", |f| f.name.as_str());
    let suggestion = closest(value, selectable.values.iter().map(String::as_str));
    let prefixes = selectable
        .prefixes
        .iter()
        .map(|p| format!("`{p}`"))
        .collect::<Vec<_>>()
        .join(" / ");
    let values: Vec<String> = selectable.values.iter().map(|v| v.to_string()).collect();
    let message =
        |more| msg::invalid_selector(value, name, one_of(&selectable.values), prefixes, more);
    out.push(invalid_value(cx, visit, message, suggestion, &values, None));
}

/// The `invalid-enum` diagnostic: the message, "did you mean" and a fix per allowed value (in the quotes the
/// user wrote), the near typo or else the default first.
pub(in super::super) fn invalid_value(
    cx: &Context,
    visit: &Visit,
    message: impl FnOnce(Arg) -> Message,
    suggestion: Option<&str>,
    allowed: &[String],
    default: Option<&str>,
) -> Diagnostic {
    let range = visit.range(cx);
    let more = suggestion.map_or(Arg::from(""), |known| msg::did_you_mean(known).into());
    Diagnostic::error(Code::InvalidEnum, range, message(more).render(cx.locale))
        .at(visit.path.clone())
        .with_fixes(enum_choices(
            cx.locale,
            cx.source(visit.written),
            range,
            allowed,
            default,
        ))
}

#[cfg(test)]
mod tests {
    use expect_test::expect;

    use crate::analysis::diagnostics::tests::check;

    #[test]
    fn enums() {
        check(
            "apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\nspec:\n  restartPolicy: Nevr\n  containers:\n  - name: c\n    image: nginx:1\n    imagePullPolicy: Sometimes\n    ports:\n    - containerPort: 80\n      protocol: HTTP\n  topologySpreadConstraints:\n  - maxSkew: 1\n    topologyKey: zone\n    whenUnsatisfiable: DoNotSCHEDULE\n  volumes:\n  - name: v\n    emptyDir:\n      medium: HugePages-2Mi\n",
            expect![[r#"
            6:18-6:22 error[invalid-enum] spec.restartPolicy: `Nevr` is not a valid `restartPolicy`; allowed: `Always`, `Never` or `OnFailure`; did you mean `Never`?
            10:22-10:31 error[invalid-enum] spec.containers[0].imagePullPolicy: `Sometimes` is not a valid `imagePullPolicy`; allowed: `Always`, `IfNotPresent` or `Never`
            13:17-13:21 error[invalid-enum] spec.containers[0].ports[0].protocol: `HTTP` is not a valid `protocol`; allowed: `SCTP`, `TCP` or `UDP`
            17:24-17:37 error[invalid-enum] spec.topologySpreadConstraints[0].whenUnsatisfiable: `DoNotSCHEDULE` is not a valid `whenUnsatisfiable`; allowed: `DoNotSchedule` or `ScheduleAnyway`; did you mean `DoNotSchedule`?
        "#]],
        );
    }

    #[test]
    fn an_empty_value_is_unset_where_the_server_fills_a_default() {
        // Each of these has a default the v1 defaulting writes over `""`; a field without one keeps the error.
        check(
            "apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\nspec:\n  restartPolicy: \"\"\n  dnsPolicy: ''\n  containers:\n  - name: c\n    image: nginx:1\n    imagePullPolicy: \"\"\n    terminationMessagePolicy: \"\"\n    ports:\n    - containerPort: 80\n      protocol: \"\"\n    livenessProbe:\n      httpGet:\n        port: 80\n        scheme: \"\"\n  topologySpreadConstraints:\n  - maxSkew: 1\n    topologyKey: zone\n    whenUnsatisfiable: \"\"\n",
            expect![[r#"
                23:5-23:22 error[missing-required] spec.topologySpreadConstraints[0].whenUnsatisfiable: `whenUnsatisfiable` is required and must not be empty
                23:24-23:26 error[invalid-enum] spec.topologySpreadConstraints[0].whenUnsatisfiable: `` is not a valid `whenUnsatisfiable`; allowed: `DoNotSchedule` or `ScheduleAnyway`
            "#]],
        );
    }

    #[test]
    fn an_empty_value_of_a_pointer_enum_is_refused() {
        // Go pointers: defaulting fills them only when absent, and validation refuses the empty string.
        check(
            "apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\nspec:\n  preemptionPolicy: \"\"\n  containers:\n  - name: c\n    image: nginx:1\n    securityContext:\n      procMount: \"\"\n    volumeMounts:\n    - name: v\n      mountPath: /v\n      mountPropagation: \"\"\n  volumes:\n  - name: v\n    emptyDir: {}\n",
            expect![[r#"
                6:21-6:23 error[invalid-enum] spec.preemptionPolicy: `` is not a valid `preemptionPolicy`; allowed: `Never` or `PreemptLowerPriority`
                11:18-11:20 error[invalid-enum] spec.containers[0].securityContext.procMount: `` is not a valid `procMount`; allowed: `Default` or `Unmasked`
                15:25-15:27 error[invalid-enum] spec.containers[0].volumeMounts[0].mountPropagation: `` is not a valid `mountPropagation`; allowed: `Bidirectional`, `HostToContainer` or `None`
            "#]],
        );
    }
}
