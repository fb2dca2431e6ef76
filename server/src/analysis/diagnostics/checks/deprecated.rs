//! `deprecated-field`: a field the API server still accepts but that is deprecated, with what to use
//! instead (the table's `deprecated`, in the user's language through its `Type.field#deprecated` docs). A deprecated alias (`serviceAccount`) is renamed to its successor.
//!
//! | rule | code | upstream |
//! |---|---|---|
//! | a deprecated field is set | `deprecated-field` | `warningsForPodSpecAndMeta` in Kubernetes v1.35 `pkg/api/pod/warnings.go` |

use super::super::code::Code;
use super::super::context::{Context, Rule, Visit};
use super::super::diagnostic::Diagnostic;
use crate::analysis::field_docs::translated;
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
    let instead = translated(cx.schema, field, "deprecated", cx.locale).unwrap_or(instead);
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

#[cfg(test)]
mod tests {
    use super::super::super::tests::check_in;
    use crate::messages::Locale;
    use expect_test::expect;

    /// The reason comes from the table in English (`rules/tests.rs` shows it) and from its
    /// `#deprecated` docs in Chinese.
    #[test]
    fn the_reason_is_in_the_users_language() {
        check_in(
            Locale::ZhCn,
            "apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\nspec:\n  serviceAccount: x\n  containers: [{name: c, image: 'nginx:1'}]\n  volumes:\n  - name: v\n    gitRepo: {repository: r}\n",
            expect![[r#"
                6:3-6:17 warning[deprecated-field] spec.serviceAccount: `serviceAccount` 已弃用：serviceAccountName 的已弃用别名；请改设 serviceAccountName。
                10:5-10:12 warning[deprecated-field] spec.volumes[0].gitRepo: `gitRepo` 已弃用：树内 gitRepo 插件已弃用；请改为在 init 容器中把仓库克隆到一个 emptyDir 卷，再挂载这个 emptyDir。
            "#]],
        );
    }
}
