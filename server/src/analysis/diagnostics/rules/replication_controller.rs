//! Rules of a ReplicationController beyond its selector (`workload_selector.rs`): with more than one
//! replica, a GCE persistent disk can only be shared read-only, so the template must mount it so.
//!
//! | rule | code | upstream (Kubernetes v1.35 `pkg/apis/core/validation/validation.go`) |
//! |---|---|---|
//! | `replicas` above 1 (the default is 1): each `gcePersistentDisk` volume `readOnly: true` | `conflicting-fields` | `ValidatePodTemplateSpecForRC`, `ValidateReadOnlyPersistentDisks` |

use super::super::code::Code;
use super::super::context::{Context, Rule, Visit};
use super::super::diagnostic::Diagnostic;
use super::super::fields::{boolean, entry, integer};
use crate::messages::rules as msg;

pub(super) const RULES: &[Rule] = &[Rule {
    on: &["ReplicationControllerSpec"],
    check: shared_disks,
}];

fn shared_disks(cx: &Context, visit: &Visit, out: &mut Vec<Diagnostic>) {
    if visit.is_null() {
        return;
    }
    let doc = cx.doc;
    let Some(replicas) = integer(doc, visit.node, "replicas").filter(|r| *r > 1) else {
        return;
    };
    let Some((_, volumes)) = cx.site.spec.and_then(|spec| entry(doc, spec, "volumes")) else {
        return;
    };
    for (i, volume) in doc.items(volumes).iter().enumerate() {
        let Some((key, disk)) = entry(doc, doc.resolve(*volume), "gcePersistentDisk") else {
            continue;
        };
        if boolean(doc, doc.resolve(disk), "readOnly") != Some(true) {
            out.push(
                Diagnostic::error(
                    Code::ConflictingFields,
                    doc.node(key).range,
                    msg::gce_disk_read_only(replicas).render(cx.locale),
                )
                .at(cx
                    .site
                    .spec_path(&["volumes"])
                    .index(i)
                    .keys(&["gcePersistentDisk", "readOnly"])),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use expect_test::expect;

    use crate::analysis::diagnostics::tests::check;

    fn rc(replicas: u32, read_only: bool) -> String {
        format!(
            "apiVersion: v1\nkind: ReplicationController\nmetadata:\n  name: rc\nspec:\n  replicas: {replicas}\n  template:\n    metadata: {{labels: {{app: rc}}}}\n    spec:\n      containers: [{{name: c, image: 'nginx:1', volumeMounts: [{{name: d, mountPath: /d}}]}}]\n      volumes:\n      - name: d\n        gcePersistentDisk: {{pdName: disk, readOnly: {read_only}}}\n"
        )
    }

    #[test]
    fn a_shared_gce_disk_is_read_only() {
        check(
            &rc(1, false),
            expect![[r#"
            13:9-13:26 warning[deprecated-field] spec.template.spec.volumes[0].gcePersistentDisk: `gcePersistentDisk` is deprecated: The in-tree gcePersistentDisk plugin is deprecated; its operations are redirected to the pd.csi.storage.gke.io CSI driver; use a PersistentVolumeClaim (or a csi volume) with that driver instead.
        "#]],
        );
        check(
            &rc(3, true),
            expect![[r#"
            13:9-13:26 warning[deprecated-field] spec.template.spec.volumes[0].gcePersistentDisk: `gcePersistentDisk` is deprecated: The in-tree gcePersistentDisk plugin is deprecated; its operations are redirected to the pd.csi.storage.gke.io CSI driver; use a PersistentVolumeClaim (or a csi volume) with that driver instead.
        "#]],
        );
        check(
            &rc(3, false),
            expect![[r#"
                13:9-13:26 error[conflicting-fields] spec.template.spec.volumes[0].gcePersistentDisk.readOnly: with 3 replicas a `gcePersistentDisk` must be mounted `readOnly: true`: a GCE disk can be attached to several machines only read-only
                13:9-13:26 warning[deprecated-field] spec.template.spec.volumes[0].gcePersistentDisk: `gcePersistentDisk` is deprecated: The in-tree gcePersistentDisk plugin is deprecated; its operations are redirected to the pd.csi.storage.gke.io CSI driver; use a PersistentVolumeClaim (or a csi volume) with that driver instead.
            "#]],
        );
    }
}
