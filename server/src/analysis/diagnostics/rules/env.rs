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
use std::collections::HashMap;

use super::super::code::Code;
use super::super::context::{Context, Rule, Visit, conflict};
use super::super::diagnostic::Diagnostic;
use super::super::fields::exactly_one_of_type;
use super::super::fields::{entry, text};
use crate::analysis::fixes::{remove_entry, remove_item};

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
    for (i, item) in doc.items(env).iter().enumerate() {
        let Some(name) = doc.get(*item, "name") else {
            continue;
        };
        let Some(value) = doc.scalar(name).filter(|s| !s.is_empty()) else {
            continue;
        };
        match first.get(value) {
            None => {
                first.insert(value, (name, *item));
            }
            Some(&(earlier, earlier_item)) => {
                // The first one has no effect, unless a variable reads it (`$(NAME)`) before the second.
                let reference = format!("$({value})");
                let read = doc.items(env).iter().any(|other| {
                    let value = doc.get(*other, "value").and_then(|v| doc.scalar(v));
                    value.is_some_and(|v| v.contains(&reference))
                });
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
