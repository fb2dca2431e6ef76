//! Rules of a StatefulSet: its name is a DNS label (it names and hostnames the pods, `<name>-0`, …), its
//! claim templates have distinct names, and a container may mount a claim template by name as it would a
//! volume (`claim_templates`, which `volume_mount.rs` reads). The update strategy is `rolling_update.rs`.
//!
//! | rule | code | upstream (Kubernetes v1.35 `pkg/apis/apps/validation/validation.go`) |
//! |---|---|---|
//! | `metadata.name` a DNS-1123 label (no dots, at most 63 characters) | `invalid-name` | `ValidateStatefulSet` (`ValidateStatefulSetName`: `NameIsDNSLabel`) |
//! | `volumeClaimTemplates` names unique | `duplicate-name` | the StatefulSet controller names each claim `<template>-<set>-<ordinal>` (`getPersistentVolumeClaimName`, `pkg/controller/statefulset/stateful_set_utils.go`) |
//! | a volumeMount or volumeDevice may name a claim template | — | `ValidatePodTemplateSpecForStatefulSet` (the template's volumes are completed by the claims) |

use super::super::checks::is_dns_label;
use super::super::code::Code;
use super::super::context::{Context, Rule, Visit};
use super::super::diagnostic::Diagnostic;
use super::super::fields::{Unique, named, object_name};
use crate::messages::rules as msg;
use crate::syntax::NodeId;

pub(super) const RULES: &[Rule] = &[
    Rule {
        on: &["StatefulSet"],
        check: name,
    },
    Rule {
        on: &["StatefulSetSpec"],
        check: unique_claim_templates,
    },
];

/// The name nodes of a StatefulSet's claim templates (none for other kinds), with each template's index.
pub(super) fn claim_templates(cx: &Context) -> Vec<(usize, NodeId)> {
    let doc = cx.doc;
    if cx.site.kind != "StatefulSet" {
        return Vec::new();
    }
    doc.get(cx.site.owner, "spec")
        .and_then(|spec| doc.get(doc.resolve(spec), "volumeClaimTemplates"))
        .map(|list| doc.items(list))
        .unwrap_or_default()
        .iter()
        .enumerate()
        .filter_map(|(i, claim)| {
            let metadata = doc.get(doc.resolve(*claim), "metadata")?;
            Some((i, named(doc, doc.resolve(metadata), "name")?))
        })
        .collect()
}

fn name(cx: &Context, visit: &Visit, out: &mut Vec<Diagnostic>) {
    let doc = cx.doc;
    let Some((node, name)) = object_name(doc, visit.node) else {
        return;
    };
    // A name that is not even a subdomain is `invalid-name`'s already.
    let subdomain = name.len() <= 253 && name.split('.').all(is_dns_label);
    if subdomain && !is_dns_label(name) {
        out.push(
            Diagnostic::error(
                Code::InvalidName,
                doc.node(node).range,
                msg::stateful_set_name(name).render(cx.locale),
            )
            .at(visit.path.keys(&["metadata", "name"])),
        );
    }
}

fn unique_claim_templates(cx: &Context, visit: &Visit, out: &mut Vec<Diagnostic>) {
    if visit.is_null() {
        return;
    }
    let mut seen = Unique::new(
        msg::claim_template_name(),
        msg::claim_template_names_unique(),
    );
    for (i, node) in claim_templates(cx) {
        let path = visit
            .path
            .key("volumeClaimTemplates")
            .index(i)
            .keys(&["metadata", "name"]);
        seen.add(cx, node, || path, out);
    }
}

#[cfg(test)]
mod tests {
    use expect_test::expect;

    use crate::analysis::diagnostics::tests::check;

    fn stateful_set(name: &str, claims: &str, mounts: &str) -> String {
        format!(
            "apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: {name}\nspec:\n  selector: {{matchLabels: {{app: db}}}}\n  template:\n    metadata: {{labels: {{app: db}}}}\n    spec:\n      containers:\n      - name: db\n        image: postgres:16\n        volumeMounts:\n{mounts}  volumeClaimTemplates:\n{claims}"
        )
    }

    const CLAIM: &str =
        "    spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}\n";

    #[test]
    fn a_mount_may_name_a_claim_template() {
        check(
            &stateful_set(
                "db",
                &format!("  - metadata: {{name: data}}\n{CLAIM}"),
                "        - {name: data, mountPath: /var/lib/postgresql}\n",
            ),
            expect![[""]],
        );
        check(
            &stateful_set(
                "db",
                &format!("  - metadata: {{name: data}}\n{CLAIM}"),
                "        - {name: dta, mountPath: /var/lib/postgresql}\n",
            ),
            expect![[r#"
                14:18-14:21 error[unresolved-reference] spec.template.spec.containers[0].volumeMounts[0].name: no volume named `dta` in `spec.template.spec.volumes` nor in `spec.volumeClaimTemplates` (declared: `data`)
            "#]],
        );
    }

    #[test]
    fn claim_templates_have_distinct_names_and_the_set_a_label_name() {
        check(
            &stateful_set(
                "db.example",
                &format!(
                    "  - metadata: {{name: data}}\n{CLAIM}  - metadata: {{name: data}}\n{CLAIM}"
                ),
                "        - {name: data, mountPath: /data}\n",
            ),
            expect![[r#"
                4:9-4:19 error[invalid-name] metadata.name: a StatefulSet's name must be a DNS label (a-z, 0-9 and `-`, no dots, at most 63 characters): it names and hostnames its pods (`db.example-0`, …)
                18:22-18:26 error[duplicate-name] spec.volumeClaimTemplates[1].metadata.name: duplicate claim template name `data`: each claim template of a StatefulSet needs its own name
            "#]],
        );
    }
}
