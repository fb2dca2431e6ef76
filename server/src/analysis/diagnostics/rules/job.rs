//! Rules of a Job's spec (also a CronJob's job template) across its fields: what `completionMode: Indexed`
//! needs and allows, the success policy, what a pod failure policy asks of the template and of
//! `podReplacementPolicy`, the limits on indexes; and a Job's name, which its pods' labels and (indexed)
//! hostnames carry. Single-field facts (counts at least 0, the enums) are the table's.
//!
//! | rule | code | upstream (Kubernetes v1.35 `pkg/apis/batch/validation/validation.go`) |
//! |---|---|---|
//! | `completionMode: Indexed` needs `completions` | `missing-required` | `validateJobSpec` |
//! | `backoffLimitPerIndex`, `maxFailedIndexes`, `successPolicy` only with `Indexed` | `conflicting-fields` | `validateJobSpec` |
//! | `maxFailedIndexes` needs `backoffLimitPerIndex`, at most `completions` and 100000 | `missing-required`, `out-of-range` | `validateJobSpec` |
//! | Indexed: `parallelism` at most 100000; above 100000 completions with `backoffLimitPerIndex`, `maxFailedIndexes` set and it and `parallelism` at most 10000 | `out-of-range`, `missing-required` | `validateJobSpec` |
//! | `podFailurePolicy` needs the template's `restartPolicy: Never`; `podReplacementPolicy` then `Failed` | `conflicting-fields` | `validateJobSpec`, `validatePodReplacementPolicy` |
//! | a `FailIndex` action needs `backoffLimitPerIndex` | `conflicting-fields` | `validatePodFailurePolicyRule` |
//! | `activeDeadlineSeconds: 0` fails the Job at once (accepted) | `out-of-range` (warning) | `validateJobSpec` (non-negative) |
//! | success policy: at least one and at most 20 rules, each with `succeededCount` or `succeededIndexes`; indexes as `0,2-4` below `completions`, increasing; `succeededCount` at most `completions` and the indexes listed | `missing-required`, `out-of-range`, `invalid-value` | `validateSuccessPolicy`, `validateSuccessPolicyRule`, `validateIndexesFormat` |
//! | a Job's name: at most 63 characters (it is its pods' `job-name` label); Indexed, `<name>-<completions-1>` a DNS label (the pods' hostname) | `invalid-name` | `ValidateJob`; `generateSelector` (`pkg/registry/batch/job/strategy.go`) |

use super::super::checks::is_dns_label;
use super::super::code::Code;
use super::super::context::{Context, Rule, Visit};
use super::super::diagnostic::Diagnostic;
use super::super::fields::{entry, integer, object_name, text};
use crate::messages::{Message, rules as msg};
use crate::syntax::{FieldPath, NodeId};

pub(super) const RULES: &[Rule] = &[
    Rule {
        on: &["JobSpec"],
        check: indexed,
    },
    Rule {
        on: &["JobSpec"],
        check: failure_policy,
    },
    Rule {
        on: &["JobSpec"],
        check: success_policy,
    },
    Rule {
        on: &["Job"],
        check: name,
    },
];

const MAX_INDEXED_PARALLELISM: i128 = 100_000;
const MAX_FAILED_INDEXES: i128 = 100_000;
const COMPLETIONS_SOFT_LIMIT: i128 = 100_000;
const LIMIT_FOR_HIGH_COMPLETIONS: i128 = 10_000;
const MAX_SUCCESS_RULES: usize = 20;

/// A field of the spec: its key node, when written.
fn key(cx: &Context, visit: &Visit, field: &str) -> Option<NodeId> {
    entry(cx.doc, visit.node, field).map(|(k, _)| k)
}

fn error(cx: &Context, code: Code, at: NodeId, path: FieldPath, message: Message) -> Diagnostic {
    Diagnostic::error(code, cx.doc.node(at).range, message.render(cx.locale)).at(path)
}

fn is_indexed(cx: &Context, visit: &Visit) -> bool {
    text(cx.doc, visit.node, "completionMode") == Some("Indexed")
}

fn indexed(cx: &Context, visit: &Visit, out: &mut Vec<Diagnostic>) {
    if visit.is_null() {
        return;
    }
    let doc = cx.doc;
    let int = |field| integer(doc, visit.node, field);
    let value_of = |field| entry(doc, visit.node, field).map(|(_, v)| v);
    let path = |field: &str| visit.path.key(field);
    let completions = int("completions");
    if !is_indexed(cx, visit) {
        for field in ["backoffLimitPerIndex", "maxFailedIndexes"] {
            if let Some(k) = key(cx, visit, field) {
                out.push(error(
                    cx,
                    Code::ConflictingFields,
                    k,
                    path(field),
                    msg::needs_indexed(field),
                ));
            }
        }
    } else {
        let mode = key(cx, visit, "completionMode").expect("read above");
        if completions.is_none() && key(cx, visit, "completions").is_none() && cx.complete {
            out.push(error(
                cx,
                Code::MissingRequired,
                mode,
                path("completions"),
                msg::indexed_needs_completions(),
            ));
        }
        if let (Some(p), Some(node)) = (int("parallelism"), value_of("parallelism")) {
            if p > MAX_INDEXED_PARALLELISM {
                out.push(error(
                    cx,
                    Code::OutOfRange,
                    node,
                    path("parallelism"),
                    msg::indexed_parallelism(MAX_INDEXED_PARALLELISM, p),
                ));
            }
        }
        if let (Some(m), Some(node)) = (int("maxFailedIndexes"), value_of("maxFailedIndexes")) {
            if let Some(c) = completions.filter(|c| m > *c) {
                out.push(error(
                    cx,
                    Code::OutOfRange,
                    node,
                    path("maxFailedIndexes"),
                    msg::max_failed_above_completions(m, c),
                ));
            } else if m > MAX_FAILED_INDEXES {
                out.push(error(
                    cx,
                    Code::OutOfRange,
                    node,
                    path("maxFailedIndexes"),
                    msg::max_failed_indexes(MAX_FAILED_INDEXES, m),
                ));
            }
        }
        let high = completions.is_some_and(|c| c > COMPLETIONS_SOFT_LIMIT);
        if high && key(cx, visit, "backoffLimitPerIndex").is_some() {
            let at = key(cx, visit, "completions").expect("read above");
            if key(cx, visit, "maxFailedIndexes").is_none() {
                out.push(error(
                    cx,
                    Code::MissingRequired,
                    at,
                    path("maxFailedIndexes"),
                    msg::high_completions_need_max_failed(COMPLETIONS_SOFT_LIMIT),
                ));
            }
            for field in ["parallelism", "maxFailedIndexes"] {
                if let (Some(v), Some(node)) = (int(field), value_of(field)) {
                    if v > LIMIT_FOR_HIGH_COMPLETIONS {
                        out.push(error(
                            cx,
                            Code::OutOfRange,
                            node,
                            path(field),
                            msg::high_completions_limit(
                                COMPLETIONS_SOFT_LIMIT,
                                field,
                                LIMIT_FOR_HIGH_COMPLETIONS,
                                v,
                            ),
                        ));
                    }
                }
            }
        }
    }
    if let Some(k) = key(cx, visit, "maxFailedIndexes") {
        if key(cx, visit, "backoffLimitPerIndex").is_none() {
            out.push(error(
                cx,
                Code::MissingRequired,
                k,
                path("backoffLimitPerIndex"),
                msg::max_failed_needs_backoff(),
            ));
        }
    }
    if let (Some(0), Some(node)) = (
        int("activeDeadlineSeconds"),
        value_of("activeDeadlineSeconds"),
    ) {
        out.push(
            Diagnostic::warning(
                Code::OutOfRange,
                doc.node(node).range,
                msg::zero_deadline().render(cx.locale),
            )
            .at(path("activeDeadlineSeconds")),
        );
    }
}

fn failure_policy(cx: &Context, visit: &Visit, out: &mut Vec<Diagnostic>) {
    if visit.is_null() {
        return;
    }
    let doc = cx.doc;
    let Some((policy_key, policy)) = entry(doc, visit.node, "podFailurePolicy") else {
        return;
    };
    // The template's restart policy: unset is `pod_template.rs`'s error already.
    let restart = doc
        .get(visit.node, "template")
        .and_then(|t| doc.get(doc.resolve(t), "spec"))
        .and_then(|s| entry(doc, doc.resolve(s), "restartPolicy"));
    if let Some((_, value)) = restart {
        if doc.scalar(value) == Some("OnFailure") {
            let path = visit.path.keys(&["template", "spec", "restartPolicy"]);
            out.push(
                error(
                    cx,
                    Code::ConflictingFields,
                    value,
                    path,
                    msg::failure_policy_needs_never(),
                )
                .related(
                    doc.node(policy_key).range,
                    msg::the_pod_failure_policy().render(cx.locale),
                ),
            );
        }
    }
    if let Some((_, value)) = entry(doc, visit.node, "podReplacementPolicy") {
        if doc.scalar(value) == Some("TerminatingOrFailed") {
            out.push(
                error(
                    cx,
                    Code::ConflictingFields,
                    value,
                    visit.path.key("podReplacementPolicy"),
                    msg::failure_policy_needs_failed_replacement(),
                )
                .related(
                    doc.node(policy_key).range,
                    msg::the_pod_failure_policy().render(cx.locale),
                ),
            );
        }
    }
    let per_index = key(cx, visit, "backoffLimitPerIndex").is_some();
    let rules = doc
        .get(doc.resolve(policy), "rules")
        .map(|r| doc.items(r))
        .unwrap_or_default();
    for (i, rule) in rules.iter().enumerate() {
        if let Some((_, action)) = entry(doc, doc.resolve(*rule), "action") {
            if doc.scalar(action) == Some("FailIndex") && !per_index {
                let path = visit
                    .path
                    .key("podFailurePolicy")
                    .key("rules")
                    .index(i)
                    .key("action");
                out.push(error(
                    cx,
                    Code::ConflictingFields,
                    action,
                    path,
                    msg::fail_index_needs_backoff(),
                ));
            }
        }
    }
}

fn success_policy(cx: &Context, visit: &Visit, out: &mut Vec<Diagnostic>) {
    if visit.is_null() {
        return;
    }
    let doc = cx.doc;
    let Some((policy_key, policy)) = entry(doc, visit.node, "successPolicy") else {
        return;
    };
    let path = visit.path.key("successPolicy");
    if !is_indexed(cx, visit) {
        out.push(error(
            cx,
            Code::ConflictingFields,
            policy_key,
            path,
            msg::needs_indexed("successPolicy"),
        ));
        return;
    }
    let policy = doc.resolve(policy);
    let rules_entry = entry(doc, policy, "rules");
    let rules = rules_entry.map(|(_, r)| doc.items(r)).unwrap_or_default();
    let rules_key = rules_entry.map_or(policy_key, |(k, _)| k);
    if rules.is_empty() {
        // A missing `rules` is the table's `missing-required`.
        if rules_entry.is_some() {
            out.push(error(
                cx,
                Code::MissingRequired,
                rules_key,
                path.key("rules"),
                msg::success_policy_needs_rule(),
            ));
        }
        return;
    }
    if rules.len() > MAX_SUCCESS_RULES {
        out.push(error(
            cx,
            Code::OutOfRange,
            rules_key,
            path.key("rules"),
            msg::success_policy_rules(MAX_SUCCESS_RULES, rules.len()),
        ));
    }
    let Some(completions) = integer(doc, visit.node, "completions") else {
        return;
    };
    for (i, &rule) in rules.iter().enumerate() {
        let rule = doc.resolve(rule);
        let at = path.key("rules").index(i);
        let count = entry(doc, rule, "succeededCount");
        let indexes = entry(doc, rule, "succeededIndexes");
        if count.is_none() && indexes.is_none() {
            let anchor = doc.entries(rule).first().map_or(rules_key, |(k, _)| *k);
            out.push(error(
                cx,
                Code::MissingRequired,
                anchor,
                at.clone(),
                msg::success_rule_needs_count(),
            ));
            continue;
        }
        let mut listed = None;
        if let Some((_, node)) = indexes {
            match doc.scalar(node).map(|s| index_count(s, completions)) {
                Some(Ok(n)) => listed = Some(n),
                Some(Err(problem)) => out.push(error(
                    cx,
                    Code::InvalidValue,
                    node,
                    at.key("succeededIndexes"),
                    msg::invalid_succeeded_indexes(problem),
                )),
                None => {}
            }
        }
        let Some((_, node)) = count else {
            continue;
        };
        let Some(n) = integer(doc, rule, "succeededCount") else {
            continue;
        };
        let message = if n > completions {
            msg::succeeded_count_above_completions(n, completions)
        } else if let Some(total) = listed.filter(|total| n > *total) {
            msg::succeeded_count_above_indexes(n, total)
        } else {
            continue;
        };
        out.push(error(
            cx,
            Code::OutOfRange,
            node,
            at.key("succeededCount"),
            message,
        ));
    }
}

/// How many indexes `0,2-4,7` lists, each below `completions`, in increasing order (`validateIndexesFormat`).
fn index_count(list: &str, completions: i128) -> Result<i128, Message> {
    if list.is_empty() {
        return Ok(0);
    }
    let mut last: Option<i128> = None;
    let mut total = 0;
    for interval in list.split(',') {
        let bounds: Vec<&str> = interval.split('-').collect();
        if bounds.len() > 2 {
            return Err(msg::interval_two_dashes(interval));
        }
        let parse = |s: &str| -> Result<i128, Message> {
            let n: i128 = s.parse().map_err(|_| msg::not_an_index(s))?;
            if n < 0 || n >= completions {
                return Err(msg::index_not_below_completions(n, completions));
            }
            Ok(n)
        };
        let low = parse(bounds[0])?;
        let high = match bounds.get(1) {
            Some(h) => parse(h)?,
            None => low,
        };
        if bounds.len() == 2 && low >= high {
            return Err(msg::interval_must_go_up(interval));
        }
        if last.is_some_and(|l| l >= low) {
            return Err(msg::interval_out_of_order(interval));
        }
        total += high - low + 1;
        last = Some(high);
    }
    Ok(total)
}

fn name(cx: &Context, visit: &Visit, out: &mut Vec<Diagnostic>) {
    let doc = cx.doc;
    let Some((node, name)) = object_name(doc, visit.node) else {
        return;
    };
    let path = visit.path.keys(&["metadata", "name"]);
    let length = name.chars().count();
    if length > 63 {
        out.push(error(
            cx,
            Code::InvalidName,
            node,
            path,
            msg::job_name_too_long(length),
        ));
        return;
    }
    let spec = doc.get(visit.node, "spec").map(|s| doc.resolve(s));
    let indexed = spec.is_some_and(|s| text(doc, s, "completionMode") == Some("Indexed"));
    let Some(completions) = spec
        .and_then(|s| integer(doc, s, "completions"))
        .filter(|c| *c > 0)
    else {
        return;
    };
    let hostname = format!("{name}-{}", completions - 1);
    if indexed && !is_dns_label(&hostname) {
        out.push(error(
            cx,
            Code::InvalidName,
            node,
            path,
            msg::indexed_hostname(&hostname),
        ));
    }
}

#[cfg(test)]
mod tests {
    use expect_test::expect;

    use crate::analysis::diagnostics::tests::check;

    fn job(spec: &str, restart: &str) -> String {
        format!(
            "apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: work\nspec:\n{spec}  template:\n    spec:\n      restartPolicy: {restart}\n      containers:\n      - name: main\n        image: busybox:1\n"
        )
    }

    #[test]
    fn a_valid_indexed_job_with_policies() {
        check(
            &job(
                "  completionMode: Indexed\n  completions: 10\n  parallelism: 3\n  backoffLimitPerIndex: 1\n  maxFailedIndexes: 5\n  podReplacementPolicy: Failed\n  successPolicy:\n    rules:\n    - {succeededIndexes: \"0,2-4\", succeededCount: 3}\n  podFailurePolicy:\n    rules:\n    - action: FailIndex\n      onExitCodes: {containerName: main, operator: In, values: [1, 42]}\n    - action: Ignore\n      onPodConditions: [{type: DisruptionTarget, status: \"True\"}]\n",
                "Never",
            ),
            expect![[""]],
        );
    }

    #[test]
    fn indexed_only_fields_and_their_limits() {
        check(
            &job(
                "  backoffLimitPerIndex: 1\n  maxFailedIndexes: 2\n  successPolicy:\n    rules: [{succeededCount: 1}]\n  activeDeadlineSeconds: 0\n",
                "Never",
            ),
            expect![[r#"
                6:3-6:23 error[conflicting-fields] spec.backoffLimitPerIndex: `backoffLimitPerIndex` requires `completionMode: Indexed`
                7:3-7:19 error[conflicting-fields] spec.maxFailedIndexes: `maxFailedIndexes` requires `completionMode: Indexed`
                8:3-8:16 error[conflicting-fields] spec.successPolicy: `successPolicy` requires `completionMode: Indexed`
                10:26-10:27 warning[out-of-range] spec.activeDeadlineSeconds: `activeDeadlineSeconds: 0` fails the Job as soon as it starts; give the Job a positive number of seconds
            "#]],
        );
        check(
            &job(
                "  completionMode: Indexed\n  parallelism: 200000\n  maxFailedIndexes: 3\n",
                "OnFailure",
            ),
            expect![[r#"
                6:3-6:17 error[missing-required] spec.completions: `completionMode: Indexed` needs `completions`: the Job runs one pod for each index from 0 to completions-1
                7:16-7:22 error[out-of-range] spec.parallelism: an Indexed Job's `parallelism` may be at most 100000, found 200000
                8:3-8:19 error[missing-required] spec.backoffLimitPerIndex: `maxFailedIndexes` needs `backoffLimitPerIndex`: indexes fail only when each has its own backoff limit
            "#]],
        );
        check(
            &job(
                "  completionMode: Indexed\n  completions: 4\n  backoffLimitPerIndex: 1\n  maxFailedIndexes: 5\n  successPolicy:\n    rules:\n    - {succeededIndexes: \"3,1-2,9\"}\n    - {succeededIndexes: \"1-2\", succeededCount: 3}\n    - {}\n",
                "Never",
            ),
            expect![[r#"
                9:21-9:22 error[out-of-range] spec.maxFailedIndexes: `maxFailedIndexes` (5) may be at most `completions` (4)
                11:5-11:10 error[missing-required] spec.successPolicy.rules[2]: a success policy rule needs `succeededCount` or `succeededIndexes`
                12:26-12:35 error[invalid-value] spec.successPolicy.rules[0].succeededIndexes: invalid `succeededIndexes`: `1-2` must come after the indexes before it (increasing order)
                13:49-13:50 error[out-of-range] spec.successPolicy.rules[1].succeededCount: `succeededCount` (3) may be at most the number of `succeededIndexes` (2)
            "#]],
        );
    }

    #[test]
    fn a_pod_failure_policy_needs_never_and_failed_replacements() {
        check(
            &job(
                "  podReplacementPolicy: TerminatingOrFailed\n  podFailurePolicy:\n    rules:\n    - action: FailIndex\n      onExitCodes: {operator: NotIn, values: [0]}\n",
                "OnFailure",
            ),
            expect![[r#"
                6:25-6:44 error[conflicting-fields] spec.podReplacementPolicy: with a `podFailurePolicy`, `podReplacementPolicy` must be `Failed`: a replacement waits until the failed pod is judged
                9:15-9:24 error[conflicting-fields] spec.podFailurePolicy.rules[0].action: the `FailIndex` action needs `backoffLimitPerIndex` on the Job
                13:22-13:31 error[conflicting-fields] spec.template.spec.restartPolicy: with a `podFailurePolicy` the pod template must use `restartPolicy: Never`: the policy judges failed pods, which `OnFailure` restarts in place
            "#]],
        );
    }

    #[test]
    fn a_job_name_fits_its_labels_and_hostnames() {
        let named = |name: &str, spec: &str| {
            format!(
                "apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: {name}\nspec:\n{spec}  template:\n    spec:\n      restartPolicy: Never\n      containers: [{{name: c, image: 'busybox:1'}}]\n"
            )
        };
        check(
            &named(
                &"j".repeat(61),
                "  completionMode: Indexed\n  completions: 100\n",
            ),
            expect![[r#"
                4:9-4:70 error[invalid-name] metadata.name: an Indexed Job's pods are named and hostnamed `<name>-<index>`, and `jjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjj-99` is not a DNS label (at most 63 characters of a-z, 0-9 and `-`)
            "#]],
        );
        check(
            &named(&"j".repeat(64), ""),
            expect![[r#"
                4:9-4:73 error[invalid-name] metadata.name: a Job's name may be at most 63 characters, found 64: it becomes the value of its pods' `job-name` label
            "#]],
        );
    }
}
