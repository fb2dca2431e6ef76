//! Rules of environment variables: `value` or `valueFrom`, one source per `valueFrom` and per `envFrom`
//! entry, and a name set twice in one container.
//!
//! | rule | code | upstream (Kubernetes v1.35) |
//! |---|---|---|
//! | `value` and `valueFrom` mutually exclusive | `conflicting-fields` | `ValidateEnv` in `pkg/apis/core/validation/validation.go` |
//! | `valueFrom` has exactly one source | `conflicting-fields` | `validateEnvVarValueFrom` (same file) |
//! | an `envFrom` entry has exactly one source | `conflicting-fields` | `ValidateEnvFrom` (same file) |
//! | a name set twice in one container | `duplicate-env` | `warningsForPodSpecAndMeta` in `pkg/api/pod/warnings.go` (a warning: the last one wins) |

use crate::messages::rules as msg;
use std::collections::{HashMap, HashSet};

use super::super::code::Code;
use super::super::context::{Context, Rule, Visit, conflict};
use super::super::diagnostic::Diagnostic;
use super::super::fields::exactly_one_of_type;
use super::super::fields::{entry, text};
use crate::analysis::fixes::{remove_entry, remove_item};
use crate::syntax::NodeId;

pub(super) const RULES: &[Rule] = &[
    Rule {
        on: &["EnvVar"],
        check: value_or_value_from,
    },
    Rule {
        on: &["EnvVarSource"],
        check: one_value_source,
    },
    Rule {
        on: &["EnvFromSource"],
        check: one_env_from_source,
    },
    Rule {
        on: &["Container", "EphemeralContainer"],
        check: duplicate_names,
    },
];

fn value_or_value_from(cx: &Context, visit: &Visit, out: &mut Vec<Diagnostic>) {
    if visit.is_null() {
        return;
    }
    let value = text(cx.doc, visit.node, "value").is_some_and(|v| !v.is_empty());
    if let (true, Some((key, _))) = (value, entry(cx.doc, visit.node, "valueFrom")) {
        let mut diagnostic = conflict(cx, visit, key, msg::value_and_value_from());
        let remove = |k| remove_entry(cx.locale, cx.text, cx.doc, visit.node, k, false);
        diagnostic = diagnostic.with_fixes(remove(key));
        if let Some((value_key, _)) = entry(cx.doc, visit.node, "value") {
            diagnostic = diagnostic
                .related(
                    cx.doc.node(value_key).range,
                    msg::set_here("value").render(cx.locale),
                )
                .with_fixes(remove(value_key));
        }
        out.push(diagnostic);
    }
}

fn one_value_source(cx: &Context, visit: &Visit, out: &mut Vec<Diagnostic>) {
    if visit.is_null() {
        return;
    }
    exactly_one_of_type(cx, visit, msg::value_from(), out);
}

fn one_env_from_source(cx: &Context, visit: &Visit, out: &mut Vec<Diagnostic>) {
    if visit.is_null() {
        return;
    }
    exactly_one_of_type(cx, visit, msg::an_env_from_entry(), out);
}

fn duplicate_names(cx: &Context, visit: &Visit, out: &mut Vec<Diagnostic>) {
    if visit.is_null() {
        return;
    }
    let doc = cx.doc;
    let Some(env) = doc.get(visit.node, "env") else {
        return;
    };
    let mut first = HashMap::new();
    // The names the list's values read (`$(NAME)`), gathered at the first name set twice.
    let mut read: Option<HashSet<&str>> = None;
    for (i, item) in doc.items(env).iter().enumerate() {
        let Some(name) = doc.get(*item, "name") else {
            continue;
        };
        let Some(value) = doc.scalar(name).filter(|s| !s.is_empty()) else {
            continue;
        };
        match first.get(value) {
            None => {
                first.insert(value, (name, i));
            }
            Some(&(earlier, earlier_item)) => {
                // The first one has no effect, unless a variable reads it (`$(NAME)`) before the second.
                let read = if value.contains(')') {
                    let reference = format!("$({value})");
                    env_values(cx, env).any(|v| v.contains(&reference))
                } else {
                    read.get_or_insert_with(|| env_values(cx, env).flat_map(references).collect())
                        .contains(value)
                };
                let title = msg::remove_first_env(value).render(cx.locale);
                let fix = (!read).then(|| remove_item(cx.text, doc, env, earlier_item, title));
                out.push(
                    Diagnostic::warning(
                        Code::DuplicateEnv,
                        doc.node(name).range,
                        msg::env_set_twice(value).render(cx.locale),
                    )
                    .related(
                        doc.node(earlier).range,
                        msg::first_set_here(value).render(cx.locale),
                    )
                    .at(visit.path.key("env").index(i).key("name"))
                    .with_fixes(fix.flatten()),
                );
            }
        }
    }
}

/// The `value`s of an `env` list.
fn env_values<'a>(cx: &Context<'a>, env: NodeId) -> impl Iterator<Item = &'a str> + 'a {
    let doc = cx.doc;
    doc.items(env)
        .iter()
        .filter_map(|item| doc.scalar(doc.get(*item, "value")?))
}

/// The names a value reads: what each `$(` is followed by up to the next `)`.
fn references(value: &str) -> impl Iterator<Item = &str> {
    value.match_indices("$(").filter_map(|(at, _)| {
        let name = &value[at + 2..];
        name.find(')').map(|end| &name[..end])
    })
}

#[cfg(test)]
mod tests {
    use super::references;
    use crate::analysis::Inputs;
    use crate::analysis::diagnostics::diagnostics;
    use crate::messages::Locale;
    use crate::syntax::parse;

    #[test]
    fn the_names_a_value_reads() {
        let found: Vec<_> = references("$(A)/$(B_2)$(C$(D) $(open").collect();
        assert_eq!(found, ["A", "B_2", "C$(D", "D"]);
    }

    #[test]
    fn a_first_value_read_by_another_variable_is_not_offered_for_removal() {
        let fixes = |reader: &str| {
            let text = format!(
                "apiVersion: v1\nkind: Pod\nmetadata: {{name: a}}\nspec:\n  containers:\n  - name: a\n    image: b:1\n    env:\n    - {{name: X, value: one}}\n    - {{name: URL, value: \"{reader}\"}}\n    - {{name: X, value: two}}\n    - {{name: \"Y)\", value: one}}\n    - {{name: \"Y)\", value: two}}\n"
            );
            let found = diagnostics(&Inputs::new(Locale::En), &text, &parse(&text));
            let duplicates: Vec<_> = found
                .iter()
                .filter(|d| d.code.as_str() == "duplicate-env")
                .collect();
            assert_eq!(duplicates.len(), 2, "{found:?}");
            duplicates.iter().map(|d| d.fixes.len()).collect::<Vec<_>>()
        };
        assert_eq!(fixes("http://$(X)/"), [0, 1]);
        assert_eq!(fixes("http://$(Y))/"), [1, 0]);
        assert_eq!(fixes("http://X/"), [1, 1]);
    }
}
