//! `out-of-range`: integers outside what the API server accepts — containerPort 1–65535, hostPort 0–65535,
//! activeDeadlineSeconds > 0, maxSkew/minDomains > 0, probe thresholds ≥ 0, file modes 0–0777, and the int32
//! and int64 limits of the Go types. Bounds come from the field table. Also the 256 KiB limit on all
//! annotations together.
//!
//! | rule | code | upstream (Kubernetes v1.35 `pkg/apis/core/validation/validation.go`) |
//! |---|---|---|
//! | a number outside the table's `minimum` / `maximum` or its Go type | `out-of-range` | the field's validator: `validateContainerPorts` (`IsValidPortNum`), `validateProbe`, `ValidatePodSpec` (activeDeadlineSeconds), `validateTopologySpreadConstraints`, `ValidateNonnegativeField`, ... |
//! | all annotations above 256 KiB | `out-of-range` | `ValidateAnnotationsSize` in apimachinery `pkg/api/validation/objectmeta.go` |

use super::super::code::Code;
use super::super::context::{Context, Rule, Visit, stricter_note};
use super::super::diagnostic::Diagnostic;
use crate::analysis::scalar::Scalar;
use crate::analysis::versions::minimum_at;
use crate::messages::{Arg, fields as msg};
use crate::schema::FieldType;

/// The keys and values of all annotations together (`TotalAnnotationSizeLimitB`).
const ANNOTATIONS_LIMIT: usize = 256 * 1024;

pub(in super::super) const RULE: Rule = Rule { on: &[], check };

fn check(cx: &Context, visit: &Visit, out: &mut Vec<Diagnostic>) {
    annotations_size(cx, visit, out);
    let (Some(field), Some(Scalar::Int(value))) = (visit.field, &visit.scalar) else {
        return;
    };
    if !matches!(visit.ty, FieldType::Integer | FieldType::IntOrString) {
        return;
    }
    let value = *value;
    let (type_min, type_max) = match field.format.as_deref() {
        Some("int32") => (i128::from(i32::MIN), i128::from(i32::MAX)),
        _ => (i128::from(i64::MIN), i128::from(i64::MAX)),
    };
    let min = minimum_at(cx.schema, field, cx.kubernetes)
        .map(|m| i128::from(m) + i128::from(field.exclusive_minimum));
    let max = field.maximum.map(i128::from);
    let low = min.unwrap_or(type_min).max(type_min);
    let high = max.unwrap_or(type_max).min(type_max);
    if (low..=high).contains(&value) {
        return;
    }
    let name = &field.name;
    let allowed = match (min, max) {
        (Some(min), Some(max)) if field.name.ends_with("ode") && max == 511 => {
            msg::between_octal(min, max, format!("{min:o}"), format!("{max:o}"))
        }
        (Some(min), Some(max)) => msg::between(min, max),
        (Some(min), None) if field.exclusive_minimum => msg::greater_than(min - 1),
        (Some(min), None) => msg::at_least(min),
        (None, Some(max)) => msg::at_most(max),
        (None, None) => msg::between(type_min, type_max),
    };
    let more = if name == "containerPort" && value == 0 {
        msg::container_port_zero().into()
    } else {
        Arg::from("")
    };
    let mut message = msg::out_of_range(name, allowed, value, more).render(cx.locale);
    if let Some(stricter) = stricter_note(cx, field) {
        message.push_str(&stricter);
    }
    out.push(Diagnostic::error(Code::OutOfRange, visit.range(cx), message).at(visit.path.clone()));
}

fn annotations_size(cx: &Context, visit: &Visit, out: &mut Vec<Diagnostic>) {
    let (Some(field), Some(key), FieldType::Map(_)) = (visit.field, visit.key, visit.ty) else {
        return;
    };
    if (field.declared_in.as_str(), field.name.as_str()) != ("ObjectMeta", "annotations") {
        return;
    }
    let doc = cx.doc;
    let size: usize = doc
        .entries(visit.node)
        .iter()
        .map(|(k, v)| {
            let length = |n| doc.scalar(n).map_or(0, str::len);
            length(*k) + length(*v)
        })
        .sum();
    if size > ANNOTATIONS_LIMIT {
        out.push(
            Diagnostic::error(
                Code::OutOfRange,
                doc.node(key).range,
                msg::annotations_too_large(size, ANNOTATIONS_LIMIT).render(cx.locale),
            )
            .at(visit.path.clone()),
        );
    }
}

#[cfg(test)]
mod tests {
    use expect_test::expect;

    use crate::analysis::diagnostics::tests::check;

    #[test]
    fn ranges() {
        check(
            "apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\nspec:\n  activeDeadlineSeconds: 0\n  terminationGracePeriodSeconds: -1\n  containers:\n  - name: c\n    image: nginx:1\n    ports:\n    - containerPort: 0\n    - containerPort: 70000\n      hostPort: 0\n    readinessProbe:\n      exec:\n        command: [sh]\n      failureThreshold: -1\n  topologySpreadConstraints:\n  - maxSkew: 0\n    minDomains: 0\n    topologyKey: zone\n    whenUnsatisfiable: DoNotSchedule\n  volumes:\n  - name: v\n    secret:\n      secretName: s\n      defaultMode: 0777\n  - name: w\n    secret:\n      secretName: s\n      defaultMode: 01000\n",
            expect![[r#"
            6:26-6:27 error[out-of-range] spec.activeDeadlineSeconds: `activeDeadlineSeconds` must be between 1 and 2147483647, found 0
            7:34-7:36 error[out-of-range] spec.terminationGracePeriodSeconds: `terminationGracePeriodSeconds` must be at least 0, found -1
            12:22-12:23 error[out-of-range] spec.containers[0].ports[0].containerPort: `containerPort` must be between 1 and 65535, found 0 (0 means unset, and containerPort is required)
            13:22-13:27 error[out-of-range] spec.containers[0].ports[1].containerPort: `containerPort` must be between 1 and 65535, found 70000
            18:25-18:27 error[out-of-range] spec.containers[0].readinessProbe.failureThreshold: `failureThreshold` must be at least 0, found -1
            20:14-20:15 error[out-of-range] spec.topologySpreadConstraints[0].maxSkew: `maxSkew` must be greater than 0, found 0
            21:17-21:18 error[out-of-range] spec.topologySpreadConstraints[0].minDomains: `minDomains` must be greater than 0, found 0
            32:20-32:25 error[out-of-range] spec.volumes[1].secret.defaultMode: `defaultMode` must be between 0 and 511 (octal 00–0777), found 512
        "#]],
        );
    }

    #[test]
    fn annotations_fit_in_256_kib() {
        let pod = |size: usize| {
            format!(
                "apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\n  annotations:\n    big: \"{}\"\n    note: x\nspec:\n  containers:\n  - name: c\n    image: nginx:1\n",
                "x".repeat(size)
            )
        };
        // Keys and values: 3 + size + 4 + 1 bytes.
        check(&pod(256 * 1024 - 8), expect![[""]]);
        check(
            &pod(256 * 1024 - 7),
            expect![[r#"
            5:3-5:14 error[out-of-range] metadata.annotations: the annotations take 262145 bytes (keys and values together); the limit is 262144 bytes (256 KiB): move large data to a ConfigMap
        "#]],
        );
    }
}
