//! Rules of a workload's selector, which must select the workload's own pods: the apps/v1 kinds need a
//! non-empty `selector` matching their template's labels; a ReplicationController's selector defaults to
//! the template's labels and must match them when written; a Job's selector is generated unless it asks
//! for `manualSelector: true`, and a CronJob's job template may not set one.
//!
//! | rule | code | upstream (Kubernetes v1.35) |
//! |---|---|---|
//! | Deployment, ReplicaSet, StatefulSet, DaemonSet: `selector` with neither `matchLabels` nor `matchExpressions` | `selector-mismatch` | `ValidateDeploymentSpec`, `ValidateReplicaSetSpec`, `ValidateStatefulSetSpec`, `ValidateDaemonSetSpec` (`pkg/apis/apps/validation/validation.go`) |
//! | the selector selects the template's labels (the error on the label, or the selector entry, that disagrees) | `selector-mismatch` | `ValidatePodTemplateSpecForReplicaSet`, `ValidatePodTemplateSpecForStatefulSet`, `ValidateDaemonSetSpec`; `ValidateJobSpec` (`pkg/apis/batch/validation/validation.go`) |
//! | ReplicationController: the selector, or the template's labels it defaults to, is not empty; a written selector matches the labels | `selector-mismatch` | `ValidateReplicationControllerSpec`, `ValidateNonEmptySelector`, `ValidatePodTemplateSpecForRC` (`pkg/apis/core/validation/validation.go`); `SetDefaults_ReplicationController` (`pkg/apis/core/v1/defaults.go`) |
//! | Job: a `selector` only with `manualSelector: true`, and then one is required; the generated `job-name` labels, if written, carry the Job's name, the `controller-uid` ones are not written | `conflicting-fields`, `missing-required` | `validateGeneratedSelector`, `ValidateJobSpec`; `generateSelector` (`pkg/registry/batch/job/strategy.go`) |
//! | CronJob: the job template sets no `selector` and no `manualSelector: true` | `forbidden-field` | `ValidateJobTemplateSpec` |

use super::super::code::Code;
use super::super::context::{Context, Rule, Visit};
use super::super::diagnostic::Diagnostic;
use super::super::fields::{boolean, entry, object_name, text};
use crate::messages::{Message, all_of, rules as msg};
use crate::syntax::{FieldPath, NodeId};

pub(super) const RULES: &[Rule] = &[
    Rule {
        on: &[
            "DeploymentSpec",
            "ReplicaSetSpec",
            "StatefulSetSpec",
            "DaemonSetSpec",
        ],
        check: apps_selector,
    },
    Rule {
        on: &["ReplicationControllerSpec"],
        check: controller_selector,
    },
    Rule {
        on: &["JobSpec"],
        check: job_selector,
    },
];

/// What a workload spec holds for selecting: its `selector`, and its template's labels (with where they
/// are written, to point at).
struct Selecting<'a> {
    cx: &'a Context<'a>,
    spec: &'a Visit<'a>,
    labels: Option<NodeId>,
}

impl<'a> Selecting<'a> {
    fn new(cx: &'a Context<'a>, spec: &'a Visit<'a>) -> Self {
        let doc = cx.doc;
        let labels = doc
            .get(spec.node, "template")
            .and_then(|t| doc.get(doc.resolve(t), "metadata"))
            .and_then(|m| doc.get(doc.resolve(m), "labels"))
            .map(|l| doc.resolve(l));
        Selecting { cx, spec, labels }
    }

    fn labels_path(&self) -> FieldPath {
        self.spec.path.keys(&["template", "metadata", "labels"])
    }

    /// The template's value of a label, with its key and value nodes.
    fn label(&self, key: &str) -> Option<(NodeId, NodeId, &'a str)> {
        let doc = self.cx.doc;
        let (k, v) = entry(doc, self.labels?, key)?;
        Some((k, v, doc.scalar(v).unwrap_or_default()))
    }

    /// Where a missing label is said to be missing: the labels, the template's metadata, or the template.
    fn labels_anchor(&self) -> Option<NodeId> {
        let doc = self.cx.doc;
        let template = entry(doc, self.spec.node, "template");
        let metadata = template.and_then(|(_, t)| entry(doc, doc.resolve(t), "metadata"));
        let labels = metadata.and_then(|(_, m)| entry(doc, doc.resolve(m), "labels"));
        labels.or(metadata).or(template).map(|(k, _)| k)
    }

    /// `selector-mismatch` for one selector entry the template's labels do not satisfy.
    fn mismatch(
        &self,
        selector_entry: NodeId,
        entry_path: FieldPath,
        problem: Problem,
    ) -> Diagnostic {
        let doc = self.cx.doc;
        let kind = self.cx.site.kind;
        let entry_range = doc.node(selector_entry).range;
        match problem {
            Problem::Missing { wanted } => {
                let mut d = Diagnostic::error(
                    Code::SelectorMismatch,
                    entry_range,
                    msg::selector_wants_missing(wanted, kind).render(self.cx.locale),
                )
                .at(entry_path);
                if let Some(anchor) = self.labels_anchor() {
                    let labels = msg::the_template_labels().render(self.cx.locale);
                    d = d.related(doc.node(anchor).range, labels);
                }
                d
            }
            Problem::Disagrees {
                key,
                label,
                value,
                wanted,
            } => Diagnostic::error(
                Code::SelectorMismatch,
                doc.node(label).range,
                msg::template_label_disagrees(key, value, wanted, kind).render(self.cx.locale),
            )
            .related(
                entry_range,
                msg::the_selector_requirement().render(self.cx.locale),
            )
            .at(self.labels_path().key(key)),
        }
    }

    /// Checks a map of labels the selector requires (`matchLabels`, a ReplicationController's selector)
    /// against the template's labels.
    fn check_labels(&self, required: NodeId, path: &FieldPath, out: &mut Vec<Diagnostic>) {
        let doc = self.cx.doc;
        for &(k, v) in doc.entries(required) {
            let (Some(key), Some(want)) = (doc.scalar(k), doc.scalar(v)) else {
                continue;
            };
            let entry_path = path.key(key);
            let wanted = msg::wants_label_value(key, want);
            let problem = match self.label(key) {
                None => Problem::Missing { wanted },
                Some((_, label, value)) if value != want => Problem::Disagrees {
                    key,
                    label,
                    value,
                    wanted,
                },
                Some(_) => continue,
            };
            out.push(self.mismatch(k, entry_path, problem));
        }
    }

    /// Checks a `LabelSelector` (`matchLabels` and `matchExpressions`) against the template's labels.
    fn check_label_selector(&self, selector: NodeId, path: &FieldPath, out: &mut Vec<Diagnostic>) {
        let doc = self.cx.doc;
        if let Some((_, match_labels)) = entry(doc, selector, "matchLabels") {
            self.check_labels(doc.resolve(match_labels), &path.key("matchLabels"), out);
        }
        let Some((_, expressions)) = entry(doc, selector, "matchExpressions") else {
            return;
        };
        for (i, &item) in doc.items(expressions).iter().enumerate() {
            let item = doc.resolve(item);
            let (Some(key), Some(operator)) = (text(doc, item, "key"), text(doc, item, "operator"))
            else {
                continue;
            };
            let Some((key_node, _)) = entry(doc, item, "key") else {
                continue;
            };
            let values: Vec<&str> = entry(doc, item, "values")
                .map(|(_, v)| doc.items(v))
                .unwrap_or_default()
                .iter()
                .filter_map(|v| doc.scalar(*v))
                .collect();
            let entry_path = path.key("matchExpressions").index(i);
            let label = self.label(key);
            let listed = || all_of(values.iter());
            let problem = match (operator, label) {
                ("In" | "Exists", None) => Some(Problem::Missing {
                    wanted: match operator {
                        "In" => msg::wants_in(key, listed()),
                        _ => msg::wants_label(key),
                    },
                }),
                ("In", Some((_, node, value))) if !values.contains(&value) => {
                    Some(Problem::Disagrees {
                        key,
                        label: node,
                        value,
                        wanted: msg::wants_in(key, listed()),
                    })
                }
                ("NotIn", Some((_, node, value))) if values.contains(&value) => {
                    Some(Problem::Disagrees {
                        key,
                        label: node,
                        value,
                        wanted: msg::wants_not_in(key, listed()),
                    })
                }
                ("DoesNotExist", Some((label_key, _, value))) => Some(Problem::Disagrees {
                    key,
                    label: label_key,
                    value,
                    wanted: msg::wants_no_label(key),
                }),
                _ => None,
            };
            if let Some(problem) = problem {
                out.push(self.mismatch(key_node, entry_path, problem));
            }
        }
    }
}

enum Problem<'a> {
    /// The template has no label with the key the selector wants.
    Missing { wanted: Message },
    /// The template's label has a value the selector does not accept.
    Disagrees {
        key: &'a str,
        label: NodeId,
        value: &'a str,
        wanted: Message,
    },
}

/// Whether a `LabelSelector` has no requirement at all (it would select every pod).
fn is_empty_selector(cx: &Context, selector: NodeId) -> bool {
    let doc = cx.doc;
    let listed = |field| {
        entry(doc, selector, field).is_some_and(|(_, v)| {
            let v = doc.resolve(v);
            !doc.entries(v).is_empty() || !doc.items(v).is_empty()
        })
    };
    !listed("matchLabels") && !listed("matchExpressions")
}

fn apps_selector(cx: &Context, visit: &Visit, out: &mut Vec<Diagnostic>) {
    if visit.is_null() || cx.partial {
        return;
    }
    let doc = cx.doc;
    // A missing `selector` is the table's `missing-required`; one written empty (or null) is this rule's.
    let Some((key, selector)) = doc.entry(visit.node, "selector") else {
        return;
    };
    let selector = doc.resolve(selector);
    let path = visit.path.key("selector");
    let has_template = entry(doc, visit.node, "template").is_some();
    if is_empty_selector(cx, selector) {
        let kind = cx.site.kind;
        out.push(
            Diagnostic::error(
                Code::SelectorMismatch,
                doc.node(key).range,
                msg::empty_selector(kind).render(cx.locale),
            )
            .at(path),
        );
        return;
    }
    // Without a template there are no labels to select: its absence is `missing-required`'s.
    if has_template {
        Selecting::new(cx, visit).check_label_selector(selector, &path, out);
    }
}

fn controller_selector(cx: &Context, visit: &Visit, out: &mut Vec<Diagnostic>) {
    if visit.is_null() || cx.partial {
        return;
    }
    let doc = cx.doc;
    let selecting = Selecting::new(cx, visit);
    let path = visit.path.key("selector");
    let written = entry(doc, visit.node, "selector")
        .filter(|(_, s)| !doc.entries(doc.resolve(*s)).is_empty());
    if entry(doc, visit.node, "template").is_none() {
        return;
    }
    let Some((_, selector)) = written else {
        // Unset, the selector is the template's labels: then those may not be empty.
        let no_labels = selecting
            .labels
            .is_none_or(|labels| doc.entries(labels).is_empty());
        if no_labels && cx.complete {
            out.push(
                Diagnostic::error(
                    Code::SelectorMismatch,
                    visit.anchor(cx),
                    msg::replication_controller_selector().render(cx.locale),
                )
                .at(path),
            );
        }
        return;
    };
    // A ReplicationController's selector is a map of labels, which it requires as `matchLabels` would.
    selecting.check_labels(doc.resolve(selector), &path, out);
}

/// The labels the Job controller puts on a Job's pods: its name, and its uid (which no manifest knows).
const JOB_NAME_LABELS: [&str; 2] = ["batch.kubernetes.io/job-name", "job-name"];
const CONTROLLER_UID_LABELS: [&str; 2] = ["batch.kubernetes.io/controller-uid", "controller-uid"];

fn job_selector(cx: &Context, visit: &Visit, out: &mut Vec<Diagnostic>) {
    if visit.is_null() || cx.partial {
        return;
    }
    let doc = cx.doc;
    let selector = entry(doc, visit.node, "selector");
    let manual = boolean(doc, visit.node, "manualSelector") == Some(true);
    if cx.site.kind == "CronJob" {
        // The CronJob controller creates each Job with a generated selector.
        if let Some((key, _)) = selector {
            out.push(forbidden(
                cx,
                key,
                visit.path.key("selector"),
                msg::cron_job_selector(),
            ));
        }
        if manual {
            let (key, _) = entry(doc, visit.node, "manualSelector").expect("read above");
            out.push(forbidden(
                cx,
                key,
                visit.path.key("manualSelector"),
                msg::cron_job_manual_selector(),
            ));
        }
        return;
    }
    let selecting = Selecting::new(cx, visit);
    match (selector, manual) {
        (Some((_, selector)), true) => {
            let selector = doc.resolve(selector);
            selecting.check_label_selector(selector, &visit.path.key("selector"), out);
        }
        (None, true) if cx.complete => {
            let (key, _) = entry(doc, visit.node, "manualSelector").expect("read above");
            out.push(
                Diagnostic::error(
                    Code::MissingRequired,
                    doc.node(key).range,
                    msg::manual_selector_needs_selector().render(cx.locale),
                )
                .at(visit.path.key("selector")),
            );
        }
        (Some((key, _)), false) => out.push(
            Diagnostic::error(
                Code::ConflictingFields,
                doc.node(key).range,
                msg::job_selector_generated().render(cx.locale),
            )
            .at(visit.path.key("selector")),
        ),
        _ => {}
    }
    if manual {
        return;
    }
    // With a generated selector, the labels it selects on are the controller's to write.
    let job_name = object_name(doc, cx.site.owner).map(|(_, name)| name);
    for key in JOB_NAME_LABELS {
        if let (Some((_, label, value)), Some(name)) = (selecting.label(key), job_name) {
            if value != name {
                out.push(
                    Diagnostic::error(
                        Code::SelectorMismatch,
                        doc.node(label).range,
                        msg::job_name_label(key, name, value).render(cx.locale),
                    )
                    .at(selecting.labels_path().key(key)),
                );
            }
        }
    }
    for key in CONTROLLER_UID_LABELS {
        if let Some((label_key, _, _)) = selecting.label(key) {
            out.push(
                Diagnostic::error(
                    Code::SelectorMismatch,
                    doc.node(label_key).range,
                    msg::job_uid_label(key).render(cx.locale),
                )
                .at(selecting.labels_path().key(key)),
            );
        }
    }
}

fn forbidden(cx: &Context, key: NodeId, path: FieldPath, message: Message) -> Diagnostic {
    let message = message.render(cx.locale);
    Diagnostic::error(Code::ForbiddenField, cx.doc.node(key).range, message).at(path)
}

#[cfg(test)]
mod tests {
    use expect_test::expect;

    use crate::analysis::diagnostics::tests::check;

    fn deployment(selector: &str, labels: &str) -> String {
        format!(
            "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  selector:\n{selector}  template:\n    metadata:\n      labels:\n{labels}    spec:\n      containers:\n      - name: web\n        image: nginx:1\n"
        )
    }

    #[test]
    fn a_selector_that_selects_the_template_is_quiet() {
        check(
            &deployment(
                "    matchLabels:\n      app: web\n    matchExpressions:\n    - {key: tier, operator: In, values: [front, back]}\n    - {key: canary, operator: DoesNotExist}\n    - {key: env, operator: NotIn, values: [test]}\n    - {key: app, operator: Exists}\n",
                "        app: web\n        tier: front\n        env: prod\n",
            ),
            expect![[""]],
        );
    }

    #[test]
    fn the_error_points_at_the_label_or_the_selector_that_disagrees() {
        check(
            &deployment(
                "    matchLabels:\n      app: web\n      team: a\n    matchExpressions:\n    - {key: tier, operator: In, values: [back]}\n    - {key: canary, operator: DoesNotExist}\n",
                "        app: api\n        tier: front\n        canary: \"yes\"\n",
            ),
            expect![[r#"
                9:7-9:11 error[selector-mismatch] spec.selector.matchLabels.team: the selector wants `team: a`, but the pod template has no such label, so the Deployment would not select its own pods
                16:14-16:17 error[selector-mismatch] spec.template.metadata.labels.app: the template's label `app: api` does not match the selector, which wants `app: web`, so the Deployment would not select its own pods
                17:15-17:20 error[selector-mismatch] spec.template.metadata.labels.tier: the template's label `tier: front` does not match the selector, which wants `tier` in (`back`), so the Deployment would not select its own pods
                18:9-18:15 error[selector-mismatch] spec.template.metadata.labels.canary: the template's label `canary: yes` does not match the selector, which wants no label `canary`, so the Deployment would not select its own pods
            "#]],
        );
    }

    #[test]
    fn an_empty_selector_selects_everything_and_is_rejected() {
        check(
            "apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: db\nspec:\n  selector: {}\n  template:\n    spec:\n      containers: [{name: db, image: 'postgres:16'}]\n",
            expect![[r#"
                6:3-6:11 error[selector-mismatch] spec.selector: a StatefulSet's `selector` may not be empty (it would select every pod of the namespace): set `matchLabels` to labels of the pod template
            "#]],
        );
    }

    #[test]
    fn a_replication_controller_selector_defaults_to_the_labels() {
        let rc = |spec: &str| {
            format!(
                "apiVersion: v1\nkind: ReplicationController\nmetadata:\n  name: rc\nspec:\n{spec}  template:\n    metadata:\n      labels: {{app: rc}}\n    spec:\n      containers: [{{name: c, image: 'nginx:1'}}]\n"
            )
        };
        check(&rc(""), expect![[""]]);
        check(&rc("  selector: {app: rc}\n"), expect![[""]]);
        check(
            &rc("  selector: {app: other}\n"),
            expect![[r#"
                9:21-9:23 error[selector-mismatch] spec.template.metadata.labels.app: the template's label `app: rc` does not match the selector, which wants `app: other`, so the ReplicationController would not select its own pods
            "#]],
        );
        check(
            "apiVersion: v1\nkind: ReplicationController\nmetadata:\n  name: rc\nspec:\n  template:\n    spec:\n      containers: [{name: c, image: 'nginx:1'}]\n",
            expect![[r#"
                5:1-5:5 error[selector-mismatch] spec.selector: a ReplicationController needs a `selector`, or labels on its pod template for the selector to default to
            "#]],
        );
    }

    #[test]
    fn a_job_selector_only_with_manual_selector() {
        let job = |spec: &str, labels: &str| {
            format!(
                "apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: pi\nspec:\n{spec}  template:\n    metadata:\n      labels: {{{labels}}}\n    spec:\n      restartPolicy: Never\n      containers: [{{name: c, image: 'perl:5'}}]\n"
            )
        };
        check(&job("", "app: pi, job-name: pi"), expect![[""]]);
        check(
            &job(
                "  manualSelector: true\n  selector: {matchLabels: {app: pi}}\n",
                "app: pi",
            ),
            expect![[""]],
        );
        check(
            &job(
                "  selector: {matchLabels: {app: pi}}\n",
                "app: pi, job-name: other, controller-uid: x",
            ),
            expect![[r#"
                6:3-6:11 error[conflicting-fields] spec.selector: a Job's `selector` is generated from its uid: remove `selector`, or set `manualSelector: true` to choose the pods yourself
                9:35-9:40 error[selector-mismatch] spec.template.metadata.labels.job-name: the Job controller selects its pods by `job-name: pi` (the Job's name); this label says `other`: remove it
                9:42-9:56 error[selector-mismatch] spec.template.metadata.labels.controller-uid: `controller-uid` is set by the Job controller to the Job's uid, which a manifest cannot know: remove this label
            "#]],
        );
        check(
            &job("  manualSelector: true\n", "app: pi"),
            expect![[r#"
                6:3-6:17 error[missing-required] spec.selector: with `manualSelector: true` the Job needs a `selector` that matches its pod template's labels
            "#]],
        );
    }

    #[test]
    fn a_cron_job_template_gets_a_generated_selector() {
        check(
            "apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: c\nspec:\n  schedule: '0 * * * *'\n  jobTemplate:\n    spec:\n      manualSelector: true\n      selector: {matchLabels: {app: c}}\n      template:\n        metadata: {labels: {app: c}}\n        spec:\n          restartPolicy: OnFailure\n          containers: [{name: c, image: 'busybox:1'}]\n",
            expect![[r#"
                9:7-9:21 error[forbidden-field] spec.jobTemplate.spec.manualSelector: a CronJob's job template may not set `manualSelector: true`: each Job it creates gets a generated selector
                10:7-10:15 error[forbidden-field] spec.jobTemplate.spec.selector: a CronJob's job template may not set `selector`: each Job it creates gets a generated one
            "#]],
        );
    }
}
