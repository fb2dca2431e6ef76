//! `unknown-field`: a key the field table does not know at that place. The API server drops unknown fields
//! (or rejects them under strict field validation, kubectl's default since 1.27), so a typo silently loses
//! the setting. Suggests the closest known key — `lables` → `labels`.
//!
//! | rule | code | upstream |
//! |---|---|---|
//! | a key the type does not declare | `unknown-field` | strict field validation of the API server (`fieldValidation=Strict`, kubectl's default; `UnmarshalStrict` of `sigs.k8s.io/json`) |

use super::super::code::Code;
use super::super::context::{Context, Rule, Visit};
use super::super::diagnostic::Diagnostic;
use crate::analysis::fixes::requote;
use crate::analysis::suggest::closest;
use crate::messages::{Arg, all_of, fields as msg, fixes};

pub(in super::super) const RULE: Rule = Rule { on: &[], check };

fn check(cx: &Context, visit: &Visit, out: &mut Vec<Diagnostic>) {
    let Some(type_name) = visit.object() else {
        return;
    };
    let Some(def) = visit.def else {
        return;
    };
    for (key, _, field) in visit.entries_with_fields(cx) {
        // A templated key may name any field once rendered.
        if field.is_some() || cx.doc.is_unknown(key) {
            continue;
        }
        let Some(name) = cx.doc.scalar(key) else {
            continue;
        };
        if cx.doc.is_null(key) {
            continue;
        }
        let range = cx.doc.node(key).range;
        let suggestion = closest(name, def.fields.iter().map(|f| f.name.as_str()));
        let more = match suggestion {
            Some(known) => msg::did_you_mean(known).into(),
            None if def.fields.len() <= 8 => {
                msg::known_fields(all_of(def.fields.iter().map(|f| f.name.as_str()))).into()
            }
            None => Arg::from(""),
        };
        let message = msg::unknown_field(name, type_name, more).render(cx.locale);
        let mut diagnostic =
            Diagnostic::error(Code::UnknownField, range, message).at(visit.path.key(name));
        if let Some(known) = suggestion {
            diagnostic = diagnostic.fix(
                fixes::change_from_to(name, known).render(cx.locale),
                vec![(range, requote(cx.source(key), known))],
                true,
            );
        }
        out.push(diagnostic);
    }
}

#[cfg(test)]
mod tests {
    use expect_test::expect;

    use crate::analysis::diagnostics::tests::check;

    #[test]
    fn unknown_fields() {
        check(
            "apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\n  lables:\n    app: x\nspec:\n  containers:\n  - name: c\n    image: nginx:1\n    ports:\n    - containerPort: 80\n      protocal: TCP\n    xyzzy: 1\n",
            expect![[r#"
            5:3-5:9 error[unknown-field] metadata.lables: unknown field `lables` in ObjectMeta; did you mean `labels`?
            13:7-13:15 error[unknown-field] spec.containers[0].ports[0].protocal: unknown field `protocal` in ContainerPort; did you mean `protocol`?
            14:5-14:10 error[unknown-field] spec.containers[0].xyzzy: unknown field `xyzzy` in Container
        "#]],
        );
    }
}
