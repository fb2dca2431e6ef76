//! Rules of an object's metadata: the fields the cluster sets, which exported manifests (`kubectl get -o
//! yaml`, `--dry-run=client -o yaml`) carry. They are real fields, reset or ignored on create; only a
//! `resourceVersion` makes a create fail. And what `ValidateObjectMeta` checks across entries of its owner
//! references and finalizers.
//!
//! | rule | code | upstream (Kubernetes v1.35 `staging/src/k8s.io/apiserver`) |
//! |---|---|---|
//! | `creationTimestamp`, `uid`, `generation`, `selfLink`, `managedFields`, `deletionTimestamp`, `deletionGracePeriodSeconds` are reset or ignored (hint) | `system-field` | `FillObjectMetaSystemFields` and `BeforeCreate` in `pkg/registry/rest/create.go` |
//! | `resourceVersion` of the object itself: refused on create, accepted on update (warning) | `system-field` | the storage's `Create` in `pkg/storage/etcd3/store.go` ("resourceVersion should not be set on objects to be created") |
//! | at most one owner reference with `controller: true` | `conflicting-fields` | `validateOwnerReferences` in apimachinery `pkg/api/validation/objectmeta.go` |
//! | no `Event` as an owner | `conflicting-fields` | `validateOwnerReference` (`BannedOwners`), same file |
//! | not both the `orphan` and `foregroundDeletion` finalizers | `conflicting-fields` | `ValidateFinalizers`, same file |
//! | a pod's `controller.kubernetes.io/pod-deletion-cost` annotation is a 32-bit integer (a Pod's or a template's) | `invalid-value` | `ValidatePodSpecificAnnotations` (`GetDeletionCostFromPodAnnotations`) |
//! | any of them (`resourceVersion` too) in a template's metadata: kept and never read (hint) | `system-field` | `ValidatePodTemplateSpec` checks only labels and annotations; `GetPodFromTemplate` in `pkg/controller/controller_utils.go` copies only labels, annotations and finalizers |

use super::super::code::Code;
use super::super::context::{Context, Rule, Visit};
use super::super::diagnostic::{Diagnostic, Severity};
use super::super::fields::{boolean, entry, text};
use crate::analysis::fixes::remove_entry;
use crate::messages::{Message, rules as msg};
use crate::syntax::NodeId;

pub(super) const RULES: &[Rule] = &[
    Rule {
        on: &["ObjectMeta"],
        check: system_fields,
    },
    Rule {
        on: &["ObjectMeta"],
        check: owners_and_finalizers,
    },
    Rule {
        on: &["ObjectMeta"],
        check: deletion_cost,
    },
];

/// The annotation a ReplicaSet reads to pick which pods to remove first: the API server parses it.
const DELETION_COST: &str = "controller.kubernetes.io/pod-deletion-cost";

fn deletion_cost(cx: &Context, visit: &Visit, out: &mut Vec<Diagnostic>) {
    let doc = cx.doc;
    let of_pod = cx.site.metadata.map(|m| doc.resolve(m)) == Some(visit.node);
    if visit.is_null() || !of_pod {
        return;
    }
    let Some((_, annotations)) = entry(doc, visit.node, "annotations") else {
        return;
    };
    let Some((_, value)) = entry(doc, annotations, DELETION_COST) else {
        return;
    };
    let Some(text) = doc.scalar(value) else {
        return;
    };
    // No `+`, no leading zeros ("0" itself is fine), then a base-10 int32.
    let first_ok = match text.as_bytes().first() {
        Some(b'-') | Some(b'1'..=b'9') => true,
        Some(b'0') => text == "0",
        _ => false,
    };
    if first_ok && text.parse::<i32>().is_ok() {
        return;
    }
    out.push(
        Diagnostic::error(
            Code::InvalidValue,
            doc.node(value).range,
            msg::deletion_cost_int32(text).render(cx.locale),
        )
        .at(visit.path.key("annotations").key(DELETION_COST)),
    );
}

/// What create does with each field the cluster sets.
fn on_create(field: &str) -> Option<Message> {
    Some(match field {
        "creationTimestamp" => msg::create_sets_time(),
        "uid" => msg::create_new_uid(),
        "generation" => msg::create_restarts_generation(),
        "selfLink" => msg::self_link_dropped(),
        "managedFields" => msg::managed_fields_kept(),
        "deletionTimestamp" | "deletionGracePeriodSeconds" => msg::create_clears_it(),
        _ => return None,
    })
}

fn system_fields(cx: &Context, visit: &Visit, out: &mut Vec<Diagnostic>) {
    if visit.is_null() {
        return;
    }
    let doc = cx.doc;
    for &(key, _) in doc.entries(visit.node) {
        let Some(field) = doc.scalar(key) else {
            continue;
        };
        let range = doc.node(key).range;
        let template = !cx.is_own_metadata(visit.path);
        let diagnostic = if template && (field == "resourceVersion" || on_create(field).is_some()) {
            // Stored with the template and never read: the controller builds each object's metadata
            // from the template's labels, annotations and finalizers only.
            Diagnostic::new(
                Severity::Hint,
                Code::SystemField,
                range,
                msg::system_field(field, msg::template_ignores_it()).render(cx.locale),
            )
        } else if let Some(what) = on_create(field) {
            Diagnostic::new(
                Severity::Hint,
                Code::SystemField,
                range,
                msg::system_field(field, what).render(cx.locale),
            )
        } else if field == "resourceVersion" && cx.is_own_metadata(visit.path) {
            Diagnostic::warning(
                Code::SystemField,
                range,
                msg::resource_version_on_create().render(cx.locale),
            )
        } else {
            continue;
        };
        out.push(
            diagnostic
                .at(visit.path.key(field))
                .with_fixes(remove_entry(cx.locale, cx.text, doc, visit.node, key, true)),
        );
    }
}

/// The API server reads these of the object's own metadata only (a template's are copied, never read).
fn owners_and_finalizers(cx: &Context, visit: &Visit, out: &mut Vec<Diagnostic>) {
    if visit.is_null() || !cx.is_own_metadata(visit.path) {
        return;
    }
    let doc = cx.doc;
    if let Some((_, owners)) = entry(doc, visit.node, "ownerReferences") {
        let path = visit.path.key("ownerReferences");
        let mut first_controller: Option<(NodeId, String)> = None;
        for (i, &owner) in doc.items(owners).iter().enumerate() {
            let name = text(doc, owner, "name").unwrap_or_default().to_string();
            let kind = text(doc, owner, "kind").unwrap_or_default();
            if kind == "Event" && text(doc, owner, "apiVersion") == Some("v1") {
                let (key, _) = entry(doc, owner, "kind").expect("read above");
                out.push(
                    Diagnostic::error(
                        Code::ConflictingFields,
                        doc.node(key).range,
                        msg::event_owner().render(cx.locale),
                    )
                    .at(path.index(i).key("kind")),
                );
            }
            if boolean(doc, owner, "controller") != Some(true) {
                continue;
            }
            let (key, _) = entry(doc, owner, "controller").expect("read above");
            let owner_name = format!("{kind}/{name}");
            match &first_controller {
                None => first_controller = Some((key, owner_name)),
                Some((first, first_name)) => out.push(
                    Diagnostic::error(
                        Code::ConflictingFields,
                        doc.node(key).range,
                        msg::second_controller(first_name, &owner_name).render(cx.locale),
                    )
                    .related(
                        doc.node(*first).range,
                        msg::set_here(first_name).render(cx.locale),
                    )
                    .at(path.index(i).key("controller")),
                ),
            }
        }
    }
    if let Some((key, list)) = entry(doc, visit.node, "finalizers") {
        let names: Vec<&str> = doc
            .items(list)
            .iter()
            .filter_map(|&f| doc.scalar(f))
            .collect();
        if names.contains(&"orphan") && names.contains(&"foregroundDeletion") {
            out.push(
                Diagnostic::error(
                    Code::ConflictingFields,
                    doc.node(key).range,
                    msg::orphan_and_foreground().render(cx.locale),
                )
                .at(visit.path.key("finalizers")),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use expect_test::expect;

    use crate::analysis::diagnostics::tests::check;

    #[test]
    fn fields_the_cluster_sets_are_known_and_said_to_be_reset() {
        check(
            "apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\n  creationTimestamp: null\n  uid: 0f4c\n  resourceVersion: \"123\"\n  generation: 2\n  managedFields:\n  - manager: kubectl\n  selfLink: /api/v1/pods/a\nspec:\n  containers:\n  - name: c\n    image: nginx:1\n",
            expect![[r#"
                5:3-5:20 hint[system-field] metadata.creationTimestamp: `creationTimestamp` is set by the cluster: create sets it to the time of creation; it can be removed from the manifest
                6:3-6:6 hint[system-field] metadata.uid: `uid` is set by the cluster: create gives the object a new one; it can be removed from the manifest
                7:3-7:18 warning[system-field] metadata.resourceVersion: `resourceVersion` must not be set on objects to be created: `kubectl create` and a first `kubectl apply` are refused (an update accepts it, and fails if the object changed since)
                8:3-8:13 hint[system-field] metadata.generation: `generation` is set by the cluster: create starts it anew; it can be removed from the manifest
                9:3-9:16 hint[system-field] metadata.managedFields: `managedFields` is set by the cluster: the API server keeps it for server-side apply; it can be removed from the manifest
                11:3-11:11 hint[system-field] metadata.selfLink: `selfLink` is set by the cluster: the API server no longer sets it and drops it; it can be removed from the manifest
            "#]],
        );
        check(
            "apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\n  labels: {app: a}\nspec:\n  containers:\n  - name: c\n    image: nginx:1\n",
            expect![[""]],
        );
    }

    #[test]
    fn owner_references_and_finalizers_across_entries() {
        let owner = |name: &str, controller: bool| {
            format!(
                "  - apiVersion: apps/v1\n    kind: ReplicaSet\n    name: {name}\n    uid: u-{name}\n    controller: {controller}\n"
            )
        };
        let pod = |meta: &str| {
            format!(
                "apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\n{meta}spec:\n  containers:\n  - name: c\n    image: nginx:1\n"
            )
        };
        // One controller among owners, and the finalizers kubectl writes alone: accepted.
        let valid = format!(
            "  ownerReferences:\n{}{}  finalizers: [example.com/keep, foregroundDeletion]\n",
            owner("a", true),
            owner("b", false)
        );
        check(&pod(&valid), expect![[""]]);
        let invalid = format!(
            "  ownerReferences:\n{}{}  - apiVersion: v1\n    kind: Event\n    name: e\n    uid: u-e\n  finalizers: [orphan, foregroundDeletion]\n",
            owner("a", true),
            owner("b", true)
        );
        check(
            &pod(&invalid),
            expect![[r#"
            15:5-15:15 error[conflicting-fields] metadata.ownerReferences[1].controller: only one owner reference may have `controller: true`; found it for ReplicaSet/a and ReplicaSet/b
            17:5-17:9 error[conflicting-fields] metadata.ownerReferences[2].kind: an Event cannot own other objects: the API server refuses it as an owner
            20:3-20:13 error[conflicting-fields] metadata.finalizers: the `orphan` and `foregroundDeletion` finalizers cannot both be set: one keeps the dependents, the other deletes them first
        "#]],
        );
    }

    #[test]
    fn the_deletion_cost_of_a_pod_is_an_int32() {
        let pod = |cost: &str| {
            format!(
                "---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: a\n  annotations:\n    controller.kubernetes.io/pod-deletion-cost: {cost}\nspec:\n  containers:\n  - name: c\n    image: nginx:1\n"
            )
        };
        let valid: String = ["\"0\"", "\"-5\"", "\"2147483647\""].map(pod).concat();
        check(&valid, expect![[""]]);
        let invalid: String = ["\"+1\"", "\"007\"", "\"2147483648\"", "high"]
            .map(pod)
            .concat();
        check(
            &invalid,
            expect![[r#"
            7:49-7:53 error[invalid-value] metadata.annotations.controller.kubernetes.io/pod-deletion-cost: the pod deletion cost `+1` must be a 32-bit integer written without a `+` or leading zeros
            18:49-18:54 error[invalid-value] metadata.annotations.controller.kubernetes.io/pod-deletion-cost: the pod deletion cost `007` must be a 32-bit integer written without a `+` or leading zeros
            29:49-29:61 error[invalid-value] metadata.annotations.controller.kubernetes.io/pod-deletion-cost: the pod deletion cost `2147483648` must be a 32-bit integer written without a `+` or leading zeros
            40:49-40:53 error[invalid-value] metadata.annotations.controller.kubernetes.io/pod-deletion-cost: the pod deletion cost `high` must be a 32-bit integer written without a `+` or leading zeros
        "#]],
        );
    }

    #[test]
    fn in_a_template_they_are_kept_and_never_read() {
        // `kubectl create deployment --dry-run=client -o yaml` writes `creationTimestamp: null` twice.
        check(
            "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: d\n  creationTimestamp: null\nspec:\n  selector:\n    matchLabels: {app: a}\n  template:\n    metadata:\n      creationTimestamp: null\n      resourceVersion: \"9\"\n      uid: 0f4c\n      labels: {app: a}\n    spec:\n      containers:\n      - name: c\n        image: nginx:1\n",
            expect![[r#"
                5:3-5:20 hint[system-field] metadata.creationTimestamp: `creationTimestamp` is set by the cluster: create sets it to the time of creation; it can be removed from the manifest
                11:7-11:24 hint[system-field] spec.template.metadata.creationTimestamp: `creationTimestamp` is set by the cluster: in a template it is kept but never read, the objects made from it get their own; it can be removed from the manifest
                12:7-12:22 hint[system-field] spec.template.metadata.resourceVersion: `resourceVersion` is set by the cluster: in a template it is kept but never read, the objects made from it get their own; it can be removed from the manifest
                13:7-13:10 hint[system-field] spec.template.metadata.uid: `uid` is set by the cluster: in a template it is kept but never read, the objects made from it get their own; it can be removed from the manifest
            "#]],
        );
    }
}
