//! What is not a Pod, said clearly: the `kind` and `apiVersion` of each object of a document (the root and,
//! in a `List`, every item) judged by `analysis::kinds`, each problem with the fix that resolves it. They
//! supersede the table's `invalid-enum` on the same value, which could only say "not allowed".
//!
//! | rule | code | upstream |
//! |---|---|---|
//! | a known kind under an apiVersion that never served it | `wrong-api-version` | the API server's REST mapping: `no matches for kind "Deployment" in version "v1"` (`k8s.io/apimachinery/pkg/api/meta` `NoKindMatchError`) |
//! | a known kind under a removed apiVersion, with the release that removed it | `removed-api-version` | the table's `removedApiVersions`: the bundled schemas, and `+k8s:prerelease-lifecycle-gen:removed` in `staging/src/k8s.io/api/{extensions/v1beta1,apps/v1beta1,apps/v1beta2,batch/v1beta1}/types.go` |
//! | apps/v1 requires the selector the removed versions defaulted from the template's labels | `removed-api-version` (its message and fix) | `ValidateDeploymentSpec`, `ValidateDaemonSetSpec`, `ValidateReplicaSetSpec`, `ValidateStatefulSetSpec` in `pkg/apis/apps/validation/validation.go` (selector required, matching `template.metadata.labels`) |
//! | a kind that misspells a known one (kinds are case-sensitive) | `unknown-kind` | `NoKindMatchError` as above |

use super::code::Code;
use super::diagnostic::Diagnostic;
use crate::analysis::fixes::requote;
use crate::analysis::inputs::Inputs;
use crate::analysis::kinds::{KindProblem, judge};
use crate::messages::{Arg, documents as msg, fixes};
use crate::syntax::{Document, FieldPath, Indentation, NodeId, NodeKind, TextRange};

/// Objects nest at most this deep (a List of Lists): an alias cannot make the search loop.
const MAX_NESTING: usize = 8;

/// The kind problems of the document's objects, sorted out of `out`'s `invalid-enum`s on the same values.
pub(super) fn check(inputs: &Inputs, text: &str, doc: &Document, out: &mut Vec<Diagnostic>) {
    let Some(root) = doc.root else {
        return;
    };
    let mut found = Vec::new();
    let cx = Objects { inputs, text, doc };
    cx.object(doc.resolve(root), FieldPath::new(), 0, &mut found);
    out.retain(|d| {
        d.code != Code::InvalidEnum || !found.iter().any(|f: &Diagnostic| f.range == d.range)
    });
    out.extend(found);
}

struct Objects<'a> {
    inputs: &'a Inputs,
    text: &'a str,
    doc: &'a Document,
}

impl Objects<'_> {
    fn object(&self, object: NodeId, path: FieldPath, depth: usize, out: &mut Vec<Diagnostic>) {
        let (doc, locale) = (self.doc, self.inputs.locale);
        let Some(kind_node) = doc.get(object, "kind") else {
            return;
        };
        let Some(kind) = doc.scalar(kind_node) else {
            return;
        };
        let version_node = doc.get(object, "apiVersion");
        let api_version = version_node.and_then(|v| doc.scalar(v));
        if kind == "List" && depth < MAX_NESTING {
            if let Some(items) = doc.get(object, "items") {
                for (i, &item) in doc.items(items).iter().enumerate() {
                    let item_path = path.key("items").index(i);
                    self.object(doc.resolve(item), item_path, depth + 1, out);
                }
            }
        }
        let Some(problem) = judge(
            self.inputs.schema,
            kind,
            api_version,
            self.inputs.kubernetes,
        ) else {
            return;
        };
        match problem {
            KindProblem::NearMiss { meant } => {
                let range = doc.node(kind_node).range;
                let case = if meant.eq_ignore_ascii_case(kind) {
                    msg::kinds_are_case_sensitive().into()
                } else {
                    Arg::from("")
                };
                let message = msg::unknown_kind(kind, case, meant).render(locale);
                out.push(
                    Diagnostic::error(Code::UnknownKind, range, message)
                        .at(path.key("kind"))
                        .fix(
                            fixes::change_to(meant).render(locale),
                            vec![(range, self.requoted(kind_node, meant))],
                            true,
                        ),
                );
            }
            KindProblem::WrongVersion { served } => {
                let Some(version_node) = version_node else {
                    return;
                };
                let range = doc.node(version_node).range;
                let written = api_version.unwrap_or_default();
                let message = msg::wrong_api_version(kind, served, written).render(locale);
                out.push(
                    Diagnostic::error(Code::WrongApiVersion, range, message)
                        .at(path.key("apiVersion"))
                        .fix(
                            msg::change_api_version(served).render(locale),
                            vec![(range, self.requoted(version_node, served))],
                            true,
                        ),
                );
            }
            KindProblem::Removed { served, removed_in } => {
                let Some(version_node) = version_node else {
                    return;
                };
                let range = doc.node(version_node).range;
                let written = api_version.unwrap_or_default();
                let change = (range, self.requoted(version_node, served));
                let selector = self.missing_selector(object, served);
                let more = match selector {
                    Some(_) => msg::also_requires_selector().into(),
                    None => Arg::from(""),
                };
                let message = msg::removed_api_version(written, kind, removed_in, served, more)
                    .render(locale);
                let mut diagnostic = Diagnostic::error(Code::RemovedApiVersion, range, message)
                    .at(path.key("apiVersion"));
                if let Some(Some(insert)) = selector {
                    diagnostic = diagnostic.fix(
                        msg::change_api_version_add_selector(served).render(locale),
                        vec![change.clone(), insert],
                        true,
                    );
                }
                let only_version = diagnostic.fixes.is_empty();
                out.push(diagnostic.fix(
                    msg::change_api_version(served).render(locale),
                    vec![change],
                    only_version,
                ));
            }
        }
    }

    fn requoted(&self, node: NodeId, new: &str) -> String {
        requote(&self.text[self.doc.node(node).range.as_range()], new)
    }

    /// For an apps/v1 kind without `spec.selector`: `Some`, with the edit that adds one matching the
    /// template's labels when they are written as plain pairs in a block `spec`.
    fn missing_selector(
        &self,
        object: NodeId,
        served: &str,
    ) -> Option<Option<(TextRange, String)>> {
        let doc = self.doc;
        if served != "apps/v1" {
            return None;
        }
        let spec = doc.resolve(doc.get(object, "spec")?);
        if doc.get(spec, "selector").is_some() {
            return None;
        }
        Some(self.selector_insertion(spec))
    }

    fn selector_insertion(&self, spec: NodeId) -> Option<(TextRange, String)> {
        let doc = self.doc;
        let text = self.text;
        let labels = ["template", "metadata", "labels"]
            .iter()
            .try_fold(spec, |node, key| doc.get(node, key).map(|n| doc.resolve(n)))?;
        let pairs: Vec<String> = doc
            .entries(labels)
            .iter()
            .map(|&(k, v)| {
                doc.scalar(v)?;
                let source = |id: NodeId| &text[doc.node(id).range.as_range()];
                Some(format!("{}: {}", source(k), source(v)))
            })
            .collect::<Option<_>>()?;
        let NodeKind::Mapping {
            entries,
            flow: false,
        } = &doc.node(spec).kind
        else {
            return None;
        };
        let entries = doc.entries_of(*entries);
        if pairs.is_empty() {
            return None;
        }
        let first = doc.node(entries.first()?.0).range.start;
        let line_start = crate::syntax::lines::line_start(text, first);
        if !text[line_start..first].bytes().all(|b| b == b' ') {
            return None;
        }
        let column = first - line_start;
        let unit = Indentation::detect(text, doc.range, 2).unit;
        let pad = |level: usize| " ".repeat(column + level * unit);
        let mut insert = format!("selector:\n{}matchLabels:\n", pad(1));
        for pair in pairs {
            insert.push_str(&format!("{}{pair}\n", pad(2)));
        }
        insert.push_str(&pad(0));
        Some((TextRange::empty(first), insert))
    }
}

#[cfg(test)]
mod tests {
    use expect_test::{Expect, expect};

    use super::super::tests::{check, render};
    use super::*;
    use crate::syntax::parse;

    /// The kind diagnostics alone, against a table with workloads, and each fix's text.
    fn kinds(text: &str, expect: Expect) {
        kinds_for(&Inputs::default(), text, expect);
    }

    fn found(inputs: &Inputs, text: &str) -> Vec<Diagnostic> {
        let file = parse(text);
        let mut out = Vec::new();
        for doc in &file.documents {
            super::check(inputs, text, doc, &mut out);
        }
        out
    }

    /// Each fix applied and the text checked again: its diagnostic is gone.
    fn kinds_for(inputs: &Inputs, text: &str, expect: Expect) {
        let out = found(inputs, text);
        let mut shown = render(text, &out);
        for fix in out.iter().flat_map(|d| &d.fixes) {
            let fixed = crate::syntax::apply_edits(text, &fix.edits);
            assert!(
                !found(inputs, &fixed)
                    .iter()
                    .any(|d| d.message == fix.message),
                "`{}` left its diagnostic:\n{fixed}",
                fix.title
            );
            let preferred = if fix.preferred { " (preferred)" } else { "" };
            shown.push_str(&format!("## {}{preferred}\n{fixed}", fix.title));
        }
        expect.assert_eq(&shown);
    }

    #[test]
    fn a_pod_in_another_group_names_v1_instead_of_the_enum_error() {
        check(
            "apiVersion: apps/v1\nkind: Pod\nmetadata:\n  name: a\nspec:\n  containers:\n  - name: c\n    image: nginx:1\n    imagePullPolicy: Sometimes\n",
            expect![[r#"
                1:13-1:20 error[wrong-api-version] apiVersion: `Pod` is served by `apiVersion: v1`, not `apps/v1`
                9:22-9:31 error[invalid-enum] spec.containers[0].imagePullPolicy: `Sometimes` is not a valid `imagePullPolicy`; allowed: `Always`, `IfNotPresent` or `Never`
            "#]],
        );
        kinds(
            "apiVersion: \"apps/v1\"\nkind: Pod\n",
            expect![[r#"
                1:13-1:22 error[wrong-api-version] apiVersion: `Pod` is served by `apiVersion: v1`, not `apps/v1`
                ## Change apiVersion to `v1` (preferred)
                apiVersion: "v1"
                kind: Pod
            "#]],
        );
    }

    #[test]
    fn a_workload_in_the_core_group_names_its_own() {
        kinds(
            "apiVersion: v1\nkind: Deployment\n",
            expect![[r#"
                1:13-1:15 error[wrong-api-version] apiVersion: `Deployment` is served by `apiVersion: apps/v1`, not `v1`
                ## Change apiVersion to `apps/v1` (preferred)
                apiVersion: apps/v1
                kind: Deployment
            "#]],
        );
        kinds(
            "apiVersion: batch/v2\nkind: CronJob\n",
            expect![[r#"
                1:13-1:21 error[wrong-api-version] apiVersion: `CronJob` is served by `apiVersion: batch/v1`, not `batch/v2`
                ## Change apiVersion to `batch/v1` (preferred)
                apiVersion: batch/v1
                kind: CronJob
            "#]],
        );
    }

    #[test]
    fn removed_versions_say_when_and_what_apps_v1_needs() {
        kinds(
            "apiVersion: extensions/v1beta1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 2\n  template:\n    metadata:\n      labels:\n        app: web\n        tier: \"front\"\n    spec:\n      containers:\n      - name: c\n        image: nginx:1\n",
            expect![[r#"
                1:13-1:31 error[removed-api-version] apiVersion: `extensions/v1beta1` no longer serves `Deployment`: Kubernetes 1.16 removed it; use `apiVersion: apps/v1`, which also requires `spec.selector` matching the template's labels (the removed versions defaulted it from `spec.template.metadata.labels`)
                ## Change apiVersion to `apps/v1` and add `spec.selector` from the template's labels (preferred)
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: web
                spec:
                  selector:
                    matchLabels:
                      app: web
                      tier: "front"
                  replicas: 2
                  template:
                    metadata:
                      labels:
                        app: web
                        tier: "front"
                    spec:
                      containers:
                      - name: c
                        image: nginx:1
                ## Change apiVersion to `apps/v1`
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: web
                spec:
                  replicas: 2
                  template:
                    metadata:
                      labels:
                        app: web
                        tier: "front"
                    spec:
                      containers:
                      - name: c
                        image: nginx:1
            "#]],
        );
        // With a selector written, only the apiVersion changes; in four spaces the selector is indented so.
        kinds(
            "apiVersion: apps/v1beta2\nkind: Deployment\nspec:\n    selector:\n        matchLabels: {app: web}\n    template: {}\n",
            expect![[r#"
                1:13-1:25 error[removed-api-version] apiVersion: `apps/v1beta2` no longer serves `Deployment`: Kubernetes 1.16 removed it; use `apiVersion: apps/v1`
                ## Change apiVersion to `apps/v1` (preferred)
                apiVersion: apps/v1
                kind: Deployment
                spec:
                    selector:
                        matchLabels: {app: web}
                    template: {}
            "#]],
        );
        kinds(
            "apiVersion: apps/v1beta1\nkind: Deployment\nspec:\n    replicas: 1\n    template:\n        metadata:\n            labels: {app: web}\n",
            expect![[r#"
                1:13-1:25 error[removed-api-version] apiVersion: `apps/v1beta1` no longer serves `Deployment`: Kubernetes 1.16 removed it; use `apiVersion: apps/v1`, which also requires `spec.selector` matching the template's labels (the removed versions defaulted it from `spec.template.metadata.labels`)
                ## Change apiVersion to `apps/v1` and add `spec.selector` from the template's labels (preferred)
                apiVersion: apps/v1
                kind: Deployment
                spec:
                    selector:
                        matchLabels:
                            app: web
                    replicas: 1
                    template:
                        metadata:
                            labels: {app: web}
                ## Change apiVersion to `apps/v1`
                apiVersion: apps/v1
                kind: Deployment
                spec:
                    replicas: 1
                    template:
                        metadata:
                            labels: {app: web}
            "#]],
        );
        kinds(
            "apiVersion: batch/v1beta1\nkind: CronJob\nspec:\n  schedule: \"* * * * *\"\n",
            expect![[r#"
                1:13-1:26 error[removed-api-version] apiVersion: `batch/v1beta1` no longer serves `CronJob`: Kubernetes 1.25 removed it; use `apiVersion: batch/v1`
                ## Change apiVersion to `batch/v1` (preferred)
                apiVersion: batch/v1
                kind: CronJob
                spec:
                  schedule: "* * * * *"
            "#]],
        );
        // Checked against a release that still served it: nothing.
        let old = Inputs {
            kubernetes: crate::analysis::KubernetesVersion {
                major: 1,
                minor: 24,
            },
            ..Inputs::default()
        };
        kinds_for(
            &old,
            "apiVersion: batch/v1beta1\nkind: CronJob\n",
            expect![[""]],
        );
    }

    #[test]
    fn a_misspelt_kind_gets_did_you_mean() {
        kinds(
            "apiVersion: apps/v1\nkind: Deploymnet\n",
            expect![[r#"
                2:7-2:17 error[unknown-kind] kind: unknown kind `Deploymnet`; did you mean `Deployment`?
                ## Change to `Deployment` (preferred)
                apiVersion: apps/v1
                kind: Deployment
            "#]],
        );
        kinds(
            "kind: 'cronjob'\n",
            expect![[r#"
            1:7-1:16 error[unknown-kind] kind: unknown kind `cronjob` (kinds are case-sensitive); did you mean `CronJob`?
            ## Change to `CronJob` (preferred)
            kind: 'CronJob'
        "#]],
        );
        check(
            "apiVersion: v1\nkind: pod\nmetadata:\n  name: a\n",
            expect![[r#"
                2:7-2:10 error[unknown-kind] kind: unknown kind `pod` (kinds are case-sensitive); did you mean `Pod`?
            "#]],
        );
    }

    #[test]
    fn list_items_are_judged_too() {
        kinds(
            "apiVersion: v1\nkind: List\nitems:\n- apiVersion: apps/v1\n  kind: Deployment\n- apiVersion: v1\n  kind: Deploymnet\n- apiVersion: extensions/v1beta1\n  kind: Deployment\n",
            expect![[r#"
                7:9-7:19 error[unknown-kind] items[1].kind: unknown kind `Deploymnet`; did you mean `Deployment`?
                8:15-8:33 error[removed-api-version] items[2].apiVersion: `extensions/v1beta1` no longer serves `Deployment`: Kubernetes 1.16 removed it; use `apiVersion: apps/v1`
                ## Change to `Deployment` (preferred)
                apiVersion: v1
                kind: List
                items:
                - apiVersion: apps/v1
                  kind: Deployment
                - apiVersion: v1
                  kind: Deployment
                - apiVersion: extensions/v1beta1
                  kind: Deployment
                ## Change apiVersion to `apps/v1` (preferred)
                apiVersion: v1
                kind: List
                items:
                - apiVersion: apps/v1
                  kind: Deployment
                - apiVersion: v1
                  kind: Deploymnet
                - apiVersion: apps/v1
                  kind: Deployment
            "#]],
        );
    }

    #[test]
    fn other_kinds_and_custom_resources_get_nothing() {
        kinds(
            "apiVersion: v1\nkind: Service\n---\napiVersion: batch.volcano.sh/v1alpha1\nkind: Job\n---\napiVersion: stable.example.com/v1\nkind: CronTab\n---\nkind: [Pod]\n---\napiVersion: apps/v1\nkind: Deployment\n",
            expect![[""]],
        );
    }
}
