//! `out-of-range`: integers outside what the API server accepts — containerPort 1–65535, hostPort 0–65535,
//! activeDeadlineSeconds > 0, maxSkew/minDomains > 0, probe thresholds ≥ 0, file modes 0–0777, and the int32
//! and int64 limits of the Go types. Bounds come from the field table. Also the 256 KiB limit on all
//! annotations together.

use super::value::Scalar;
use super::walk::Visit;
use super::{Context, Diagnostic};
use crate::schema::FieldType;

/// `ValidateAnnotations`: the keys and values of all annotations together (`TotalAnnotationSizeLimitB`).
const ANNOTATIONS_LIMIT: usize = 256 * 1024;

pub(super) fn check(cx: &Context, visit: &Visit, out: &mut Vec<Diagnostic>) {
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
    let min = field
        .minimum
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
            format!("between {min} and {max} (octal 0{min:o}–0{max:o})")
        }
        (Some(min), Some(max)) => format!("between {min} and {max}"),
        (Some(min), None) if field.exclusive_minimum => format!("greater than {}", min - 1),
        (Some(min), None) => format!("at least {min}"),
        (None, Some(max)) => format!("at most {max}"),
        (None, None) => format!("between {type_min} and {type_max}"),
    };
    let mut message = format!("`{name}` must be {allowed}, found {value}");
    if name == "containerPort" && value == 0 {
        message.push_str(" (0 means unset, and containerPort is required)");
    }
    out.push(Diagnostic::error("out-of-range", visit.range(cx), message).at(&visit.path));
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
                "out-of-range",
                doc.node(key).range,
                format!("the annotations take {size} bytes (keys and values together); the limit is {ANNOTATIONS_LIMIT} bytes (256 KiB): move large data to a ConfigMap"),
            )
            .at(&visit.path),
        );
    }
}
