//! `deprecated-field`: a field the API server still accepts but that is deprecated, with what to use
//! instead (the table's `deprecated`). A deprecated alias (`serviceAccount`) is renamed to its successor.
//!
//! | rule | code | upstream |
//! |---|---|---|
//! | a deprecated field is set | `deprecated-field` | `warningsForPodSpecAndMeta` in Kubernetes v1.35 `pkg/api/pod/warnings.go` |

use super::super::code::Code;
use super::super::context::{Context, Rule, Visit};
use super::super::diagnostic::Diagnostic;
use crate::analysis::fixes::requote;
use crate::messages::{fields as msg, fixes};

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
    let range = cx.doc.node(key).range;
    let mut diagnostic = Diagnostic::warning(
        Code::DeprecatedField,
        range,
        msg::deprecated(&field.name, instead).render(cx.locale),
    )
    .at(visit.path.clone());
    // An alias takes the same value as its successor: rename the key, unless the successor is there too.
    let successor = ALIASES
        .iter()
        .find(|(owner, old, _)| *owner == field.declared_in && *old == field.name)
        .map(|(_, _, new)| *new);
    let parent = cx.doc.node(key).parent;
    if let (Some(successor), Some(parent)) = (successor, parent) {
        if cx.doc.get(parent, successor).is_none() {
            diagnostic = diagnostic.fix(
                fixes::rename_to(successor).render(cx.locale),
                vec![(range, requote(cx.source(key), successor))],
                true,
            );
        }
    }
    out.push(diagnostic);
}

/// Deprecated fields that are aliases of another: (type, old name, new name).
const ALIASES: &[(&str, &str, &str)] = &[("PodSpec", "serviceAccount", "serviceAccountName")];
