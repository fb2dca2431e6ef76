//! `invalid-enum`: a value outside the closed list the API server accepts — `imagePullPolicy: Sometimes`,
//! `restartPolicy: Nevr`, `protocol: HTTP`. Values are case-sensitive (`tcp` is rejected); the closest
//! allowed value is offered as the fix.

use super::value::Scalar;
use super::walk::Visit;
use super::{Context, Diagnostic, one_of, requote};
use crate::analysis::closest;
use crate::schema::FieldType;

pub(super) fn check(cx: &Context, visit: &Visit, out: &mut Vec<Diagnostic>) {
    let (Some(field), Some(Scalar::Str(value)), FieldType::String) =
        (visit.field, &visit.scalar, visit.ty)
    else {
        return;
    };
    if field.enum_values.is_empty() || allowed(field, value) {
        return;
    }
    let range = visit.range(cx);
    let candidates = field.enum_values.iter().filter(|v| !v.is_empty());
    let suggestion = closest(value, candidates.map(String::as_str));
    let mut message = format!(
        "`{value}` is not a valid `{}`; allowed: {}",
        field.name,
        one_of(&field.enum_values)
    );
    if let Some(pattern) = &field.enum_pattern {
        message.push_str(&format!(" (or a value matching `{pattern}`)"));
    }
    if let Some(known) = suggestion {
        message.push_str(&format!("; did you mean `{known}`?"));
    }
    let mut diagnostic = Diagnostic::error("invalid-enum", range, message).at(&visit.path);
    if let Some(known) = suggestion {
        diagnostic = diagnostic.fix(
            format!("Change `{value}` to `{known}`"),
            vec![(range, requote(cx.source(visit.written), known))],
            true,
        );
    }
    out.push(diagnostic);
}

fn allowed(field: &crate::schema::Field, value: &str) -> bool {
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
