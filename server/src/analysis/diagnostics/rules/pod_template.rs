//! Rules of a pod template as its owner sees it: the `restartPolicy` each kind accepts (a Deployment's pods
//! always restart, a Job's must not), the fields a controller's template may not set, and ephemeral
//! containers, which no Pod starts with.
//!
//! | rule | code | upstream (Kubernetes v1.35) |
//! |---|---|---|
//! | `restartPolicy` `Always` (the default) in a Deployment, ReplicaSet, StatefulSet, DaemonSet, ReplicationController (fix: change to an accepted value) | `invalid-enum` | `ValidatePodTemplateSpecForReplicaSet`, `ValidateStatefulSetSpec`, `ValidateDaemonSetSpec` (`pkg/apis/apps/validation/validation.go`), `ValidatePodTemplateSpecForRC` (`pkg/apis/core/validation/validation.go`) |
//! | `restartPolicy` `OnFailure` or `Never` in a Job and a CronJob's job template; unset (defaulted to `Always`) is an error at the template | `missing-required`, `invalid-enum` | `validateJobSpec` (`pkg/apis/batch/validation/validation.go`), `SetDefaults_PodSpec` |
//! | no `activeDeadlineSeconds` in the template of a Deployment, ReplicaSet, StatefulSet, DaemonSet, ReplicationController | `forbidden-field` | the same functions |
//! | no `ephemeralContainers` in a template, nor in a Pod being created | `forbidden-field` | `ValidatePodTemplateSpec`, `ValidatePodCreate` |

use super::super::code::Code;
use super::super::context::{Context, Rule, Visit};
use super::super::diagnostic::Diagnostic;
use super::super::fields::entry;
use crate::analysis::fixes::{Proposal, requote};
use crate::analysis::scalar::{Scalar, scalar};
use crate::messages::{fixes, one_of, rules as msg};

pub(super) const RULES: &[Rule] = &[
    Rule {
        on: &["PodTemplateSpec"],
        check: template,
    },
    Rule {
        on: &["PodSpec"],
        check: ephemeral_containers,
    },
];

/// The kinds whose controller keeps pods running: their pods restart whenever they stop.
const LONG_RUNNING: &[&str] = &[
    "Deployment",
    "ReplicaSet",
    "StatefulSet",
    "DaemonSet",
    "ReplicationController",
];

/// The kinds whose pods run to completion.
const RUN_TO_COMPLETION: &[&str] = &["Job", "CronJob"];

/// The values of `restartPolicy` (the table's enum reports anything else).
const RESTART_POLICIES: &[&str] = &["Always", "OnFailure", "Never"];

fn template(cx: &Context, visit: &Visit, out: &mut Vec<Diagnostic>) {
    if !cx.complete && visit.is_null() {
        return;
    }
    let doc = cx.doc;
    let kind = cx.site.kind;
    let spec = doc.get(visit.node, "spec").map(|s| doc.resolve(s));
    let spec_path = visit.path.key("spec");
    let allowed: &[&str] = if LONG_RUNNING.contains(&kind) {
        &["Always"]
    } else if RUN_TO_COMPLETION.contains(&kind) {
        &["OnFailure", "Never"]
    } else {
        return;
    };
    // An empty string is defaulted like an unset field (`SetDefaults_PodSpec`).
    let written = spec
        .and_then(|s| entry(doc, s, "restartPolicy"))
        .filter(|(_, value)| doc.scalar(*value) != Some(""));
    match written {
        Some((_, value)) => {
            let Some(Scalar::Str(policy)) = scalar(doc, value) else {
                return;
            };
            if RESTART_POLICIES.contains(&policy) && !allowed.contains(&policy) {
                let why = if allowed == ["Always"] {
                    msg::replaced_pods_restart()
                } else {
                    msg::completing_pods_restart()
                };
                let range = doc.node(value).range;
                let source = cx.source(value);
                // One fix per accepted value, the first preferred (`Never` for a Job: it keeps failed pods).
                let fixes = allowed.iter().rev().enumerate().map(|(i, to)| Proposal {
                    title: fixes::change_to(to).render(cx.locale),
                    edits: vec![(range, requote(source, to))],
                    preferred: i == 0,
                });
                out.push(
                    Diagnostic::error(
                        Code::InvalidEnum,
                        range,
                        msg::template_restart_policy(kind, one_of(allowed), policy, why)
                            .render(cx.locale),
                    )
                    .at(spec_path.key("restartPolicy"))
                    .with_fixes(fixes),
                );
            }
        }
        // Unset, the pod spec defaults to `Always`, which a Job rejects: said at the template.
        None if allowed != ["Always"] && cx.complete => out.push(
            Diagnostic::error(
                Code::MissingRequired,
                visit.anchor(cx),
                msg::template_restart_policy_unset(kind).render(cx.locale),
            )
            .at(spec_path.key("restartPolicy")),
        ),
        None => {}
    }
    if LONG_RUNNING.contains(&kind) {
        if let Some((key, _)) = spec.and_then(|s| entry(doc, s, "activeDeadlineSeconds")) {
            out.push(
                Diagnostic::error(
                    Code::ForbiddenField,
                    doc.node(key).range,
                    msg::template_active_deadline(kind).render(cx.locale),
                )
                .at(spec_path.key("activeDeadlineSeconds")),
            );
        }
    }
}

fn ephemeral_containers(cx: &Context, visit: &Visit, out: &mut Vec<Diagnostic>) {
    if visit.is_null() {
        return;
    }
    let doc = cx.doc;
    let Some((key, list)) = entry(doc, visit.node, "ephemeralContainers") else {
        return;
    };
    if doc.items(list).is_empty() {
        return;
    }
    let message = if cx.site.is_template() {
        msg::template_ephemeral_containers()
    } else {
        msg::create_ephemeral_containers()
    }
    .render(cx.locale);
    out.push(
        Diagnostic::error(Code::ForbiddenField, doc.node(key).range, message)
            .at(visit.path.key("ephemeralContainers")),
    );
}

#[cfg(test)]
mod tests {
    use expect_test::expect;

    use crate::analysis::diagnostics::tests::check;

    /// A workload of `kind` whose template's pod spec has these extra lines.
    fn workload(api_version: &str, kind: &str, spec: &str) -> String {
        format!(
            "apiVersion: {api_version}\nkind: {kind}\nmetadata:\n  name: w\nspec:\n  selector:\n    matchLabels: {{app: w}}\n  template:\n    metadata:\n      labels: {{app: w}}\n    spec:\n{spec}      containers:\n      - name: c\n        image: nginx:1\n"
        )
    }

    #[test]
    fn long_running_kinds_restart_always() {
        check(
            &workload("apps/v1", "Deployment", "      restartPolicy: Always\n"),
            expect![[""]],
        );
        check(&workload("apps/v1", "DaemonSet", ""), expect![[""]]);
        check(
            &workload(
                "apps/v1",
                "Deployment",
                "      restartPolicy: Never\n      activeDeadlineSeconds: 30\n",
            ),
            expect![[r#"
                12:22-12:27 error[invalid-enum] spec.template.spec.restartPolicy: a Deployment's pod template must use `restartPolicy` `Always`, found `Never`: its controller replaces pods that stop, so they must always restart
                13:7-13:28 error[forbidden-field] spec.template.spec.activeDeadlineSeconds: a Deployment's pod template may not set `activeDeadlineSeconds`: its pods are meant to run until replaced
            "#]],
        );
        check(
            &workload("apps/v1", "StatefulSet", "      restartPolicy: OnFailure\n"),
            expect![[r#"
                12:22-12:31 error[invalid-enum] spec.template.spec.restartPolicy: a StatefulSet's pod template must use `restartPolicy` `Always`, found `OnFailure`: its controller replaces pods that stop, so they must always restart
            "#]],
        );
    }

    #[test]
    fn jobs_never_restart_always_and_say_so_when_it_is_the_default() {
        let job = |spec: &str| {
            format!(
                "apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: j\nspec:\n  template:\n    spec:\n{spec}      containers:\n      - name: c\n        image: busybox:1\n"
            )
        };
        check(&job("      restartPolicy: Never\n"), expect![[""]]);
        check(&job("      restartPolicy: OnFailure\n"), expect![[""]]);
        check(
            &job("      restartPolicy: \"\"\n"),
            expect![[r#"
                6:3-6:11 error[missing-required] spec.template.spec.restartPolicy: a Job's pod template must set `restartPolicy: OnFailure` or `Never`; unset it defaults to `Always`, which a Job does not accept
            "#]],
        );
        check(
            &job(""),
            expect![[r#"
                6:3-6:11 error[missing-required] spec.template.spec.restartPolicy: a Job's pod template must set `restartPolicy: OnFailure` or `Never`; unset it defaults to `Always`, which a Job does not accept
            "#]],
        );
        check(
            &job("      restartPolicy: Always\n      activeDeadlineSeconds: 60\n"),
            expect![[r#"
                8:22-8:28 error[invalid-enum] spec.template.spec.restartPolicy: a Job's pod template must use `restartPolicy` `OnFailure` or `Never`, found `Always`: its pods run to completion, so they may not always restart
            "#]],
        );
        // A CronJob's job template, with the full path; a typo is the table's enum, reported once.
        check(
            "apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: c\nspec:\n  schedule: '@daily'\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          restartPolicy: Nevr\n          containers: [{name: c, image: 'busybox:1'}]\n",
            expect![[r#"
                11:26-11:30 error[invalid-enum] spec.jobTemplate.spec.template.spec.restartPolicy: `Nevr` is not a valid `restartPolicy`; allowed: `Always`, `Never` or `OnFailure`; did you mean `Never`?
            "#]],
        );
    }

    #[test]
    fn ephemeral_containers_are_never_created_with_a_pod() {
        check(
            &workload(
                "apps/v1",
                "ReplicaSet",
                "      ephemeralContainers:\n      - name: debug\n        image: busybox:1\n",
            ),
            expect![[r#"
                12:7-12:26 error[forbidden-field] spec.template.spec.ephemeralContainers: a pod template may not list `ephemeralContainers`: they are added to a running Pod (`kubectl debug`), never created with it
            "#]],
        );
        check(
            "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers: [{name: c, image: 'nginx:1'}]\n  ephemeralContainers: [{name: d, image: 'busybox:1'}]\n",
            expect![[r#"
                7:3-7:22 error[forbidden-field] spec.ephemeralContainers: `ephemeralContainers` cannot be set when a Pod is created: they are added to a running Pod (`kubectl debug`)
            "#]],
        );
    }

    #[test]
    fn quick_fixes_work_inside_templates() {
        use crate::analysis::Inputs;
        use crate::analysis::diagnostics::{diagnostics, fixes};
        use crate::syntax::{TextRange, parse};
        let text = workload(
            "apps/v1",
            "Deployment",
            "      restartPolicy: Never\n      dnsPolicy: ClusterFirts\n",
        );
        let preferred = |text: &str| -> Vec<String> {
            let found = diagnostics(&Inputs::default(), text, &parse(text));
            fixes(&found, TextRange::new(0, text.len()))
                .into_iter()
                .filter(|f| f.preferred)
                .map(|f| f.title)
                .collect()
        };
        let job = "apiVersion: batch/v1\nkind: Job\nmetadata: {name: j}\nspec:\n  template:\n    spec:\n      restartPolicy: 'Always'\n      containers: [{name: c, image: 'busybox:1'}]\n";
        assert_eq!(preferred(job), ["Change to `Never`"]);
        let titles = preferred(&text);
        expect![[r#"
            [
                "Change to `Always`",
                "Change to `ClusterFirst`",
            ]
        "#]]
        .assert_debug_eq(&titles);
    }
}
