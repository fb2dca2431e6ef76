//! Rules of an object's metadata: the fields the cluster sets, which exported manifests (`kubectl get -o
//! yaml`, `--dry-run=client -o yaml`) carry. They are real fields, reset or ignored on create; only a
//! `resourceVersion` makes a create fail.
//!
//! | rule | code | upstream (Kubernetes v1.35 `staging/src/k8s.io/apiserver`) |
//! |---|---|---|
//! | `creationTimestamp`, `uid`, `generation`, `selfLink`, `managedFields`, `deletionTimestamp`, `deletionGracePeriodSeconds` are reset or ignored (hint) | `system-field` | `FillObjectMetaSystemFields` and `BeforeCreate` in `pkg/registry/rest/create.go` |
//! | `resourceVersion` of the object itself: refused on create, accepted on update (warning) | `system-field` | the storage's `Create` in `pkg/storage/etcd3/store.go` ("resourceVersion should not be set on objects to be created") |

use super::super::code::Code;
use super::super::context::{Context, Rule, Visit};
use super::super::diagnostic::{Diagnostic, Severity};
use crate::analysis::fixes::remove_entry;
use crate::messages::{Message, rules as msg};

pub(super) const RULES: &[Rule] = &[Rule {
    on: &["ObjectMeta"],
    check: system_fields,
}];

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
        let diagnostic = if let Some(what) = on_create(field) {
            Diagnostic::new(
                Severity::Hint,
                Code::SystemField,
                range,
                msg::system_field(field, what).render(cx.locale),
            )
        } else if field == "resourceVersion" && cx.is_own_metadata(&visit.path) {
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
}
