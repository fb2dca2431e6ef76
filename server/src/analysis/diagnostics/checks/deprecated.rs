//! `deprecated-field`: a field the API server still accepts but that is deprecated, with what to use
//! instead (the table's `deprecated`).
//!
//! | rule | code | upstream |
//! |---|---|---|
//! | a deprecated field is set | `deprecated-field` | `warningsForPodSpecAndMeta` in Kubernetes v1.35 `pkg/api/pod/warnings.go` |

use super::super::code::Code;
use super::super::context::{Context, Rule, Visit};
use super::super::diagnostic::Diagnostic;

pub(in super::super) const RULE: Rule = Rule {
    on: &[],
    check: deprecated,
};

/// Whether this visit is a field's own value (not an item or map value of it).
fn is_field_value(visit: &Visit) -> bool {
    visit
        .field
        .is_some_and(|f| std::ptr::eq(visit.ty, &f.ty) && visit.key.is_some())
}

fn deprecated(cx: &Context, visit: &Visit, out: &mut Vec<Diagnostic>) {
    let (Some(field), Some(key)) = (visit.field, visit.key) else {
        return;
    };
    let Some(instead) = &field.deprecated else {
        return;
    };
    if !is_field_value(visit) {
        return;
    }
    out.push(
        Diagnostic::warning(
            Code::DeprecatedField,
            cx.doc.node(key).range,
            format!("`{}` is deprecated: {instead}", field.name),
        )
        .at(visit.path.clone()),
    );
}
