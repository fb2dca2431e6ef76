//! `unknown-field`: a key the field table does not know at that place. The API server drops unknown fields
//! (or rejects them under strict field validation, kubectl's default since 1.27), so a typo silently loses
//! the setting. Suggests the closest known key — `lables` → `labels`.

use super::walk::Visit;
use super::{Context, Diagnostic};
use crate::analysis::closest;
use crate::syntax::PathSegment;

pub(super) fn check(cx: &Context, visit: &Visit, out: &mut Vec<Diagnostic>) {
    let Some(type_name) = visit.object() else {
        return;
    };
    let Some(def) = cx.schema.type_def(type_name) else {
        return;
    };
    for &(key, _) in cx.doc.entries(visit.node) {
        let Some(name) = cx.doc.scalar(key) else {
            continue;
        };
        if def.field(name).is_some() || cx.doc.is_null(key) {
            continue;
        }
        let range = cx.doc.node(key).range;
        let suggestion = closest(name, def.fields.iter().map(|f| f.name.as_str()));
        let mut message = format!("unknown field `{name}` in {type_name}");
        match suggestion {
            Some(known) => message.push_str(&format!("; did you mean `{known}`?")),
            None if def.fields.len() <= 8 => message.push_str(&format!(
                "; known fields: {}",
                def.fields
                    .iter()
                    .map(|f| format!("`{}`", f.name))
                    .collect::<Vec<_>>()
                    .join(", ")
            )),
            None => {}
        }
        let mut diagnostic = Diagnostic::error("unknown-field", range, message)
            .at(&visit.child(PathSegment::Key(name.to_string())));
        if let Some(known) = suggestion {
            diagnostic = diagnostic.fix(
                format!("Change `{name}` to `{known}`"),
                vec![(range, super::requote(cx.source(key), known))],
                true,
            );
        }
        out.push(diagnostic);
    }
}
