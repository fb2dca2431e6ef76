//! `yaml11-boolean`: YAML 1.1 words (`yes`, `on`, `off`, ...) that kubectl reads as booleans (it reads
//! YAML with go-yaml v2) while YAML 1.2 tools read strings: a boolean field gets the spelled-out value (a
//! warning: it works); a string field refuses the boolean kubectl sends (`type-mismatch`, an error, as for
//! `true`), fixed by quoting.
//!
//! | rule | code | upstream |
//! |---|---|---|
//! | a plain YAML 1.1 boolean word | `yaml11-boolean` | `resolve` in go-yaml v2 `resolve.go`, which `sigs.k8s.io/yaml` (kubectl) uses |
//! | such a word in a string field | `type-mismatch` | `yaml.YAMLToJSON` (no target type: the boolean stays one), then the typed JSON decode of the API server |

use super::super::code::Code;
use super::super::context::{Context, Rule, Visit};
use super::super::diagnostic::Diagnostic;
use crate::analysis::scalar::{Scalar, yaml11_boolean};
use crate::messages::{fields as msg, fixes};
use crate::schema::FieldType;
use crate::syntax::{NodeKind, ScalarStyle};

pub(in super::super) const RULE: Rule = Rule {
    on: &[],
    check: yaml11,
};

fn yaml11(cx: &Context, visit: &Visit, out: &mut Vec<Diagnostic>) {
    let Some(Scalar::Str(word)) = &visit.scalar else {
        return;
    };
    let plain = matches!(
        cx.doc.node(visit.node).kind,
        NodeKind::Scalar {
            style: ScalarStyle::Plain,
            tag: None,
            ..
        }
    );
    let Some(meaning) = yaml11_boolean(word).filter(|_| plain) else {
        return;
    };
    let range = visit.range(cx);
    let (diagnostic, fix) = match visit.ty {
        FieldType::Boolean => (
            Diagnostic::warning(
                Code::Yaml11Boolean,
                range,
                msg::yaml11_boolean(word, meaning).render(cx.locale),
            ),
            (fixes::write(meaning), meaning.to_string()),
        ),
        // kubectl sends the boolean, and the API server's decoder refuses it in a string field.
        FieldType::String | FieldType::IntOrString => (
            Diagnostic::error(
                Code::TypeMismatch,
                range,
                msg::yaml11_string(word, meaning).render(cx.locale),
            ),
            (fixes::quote(word), format!("\"{word}\"")),
        ),
        // Free-form JSON takes a boolean: only other tools read the word differently.
        FieldType::Any => (
            Diagnostic::warning(
                Code::Yaml11Boolean,
                range,
                msg::yaml11_any(word, meaning).render(cx.locale),
            ),
            (fixes::quote(word), format!("\"{word}\"")),
        ),
        _ => return,
    };
    let (title, replacement) = fix;
    let diagnostic = diagnostic.fix(title.render(cx.locale), vec![(range, replacement)], true);
    out.push(diagnostic.at(visit.path.clone()));
}

#[cfg(test)]
mod tests {
    use expect_test::expect;

    use crate::analysis::diagnostics::tests::check;

    #[test]
    fn yaml11_booleans() {
        check(
            "apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\nspec:\n  hostNetwork: yes\n  containers:\n  - name: c\n    image: nginx:1\n    env:\n    - name: DEBUG\n      value: on\n",
            expect![[r#"
            6:16-6:19 warning[yaml11-boolean] spec.hostNetwork: `yes` is read as `true` by kubectl (YAML 1.1) but as a string by YAML 1.2 tools; write `true`
            12:14-12:16 error[type-mismatch] spec.containers[0].env[0].value: `on` is read as the boolean `true` by kubectl (YAML 1.1), and the API server refuses a boolean in this string field; quote it: "on"
        "#]],
        );
    }
}
