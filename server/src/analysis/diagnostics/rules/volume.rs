//! Rules of the pod's volumes: names unique, one source per volume and per projection, projected files on
//! distinct paths, and a claim that is not an ephemeral volume's own.
//!
//! | rule | code | upstream (Kubernetes v1.35 `pkg/apis/core/validation/validation.go`) |
//! |---|---|---|
//! | volume names unique | `duplicate-name` | `ValidateVolumes` |
//! | at most one volume source | `conflicting-fields` | `validateVolumeSource` |
//! | a projection has exactly one source | `conflicting-fields` | `validateProjectionSources` |
//! | projected files on distinct paths | `conflicting-fields` | `validateProjectionSources` ("conflicting duplicate paths") |
//! | a `persistentVolumeClaim` does not name an `ephemeral` volume's claim | `conflicting-fields` | `ValidateVolumes` |
//!
//! A secret or configMap source without `items` projects keys unknown here and is not compared.

use super::super::code::Code;
use super::super::context::{Context, Rule, Visit, conflict};
use super::super::diagnostic::Diagnostic;
use super::super::fields::exactly_one_of_type;
use super::super::fields::{Unique, entry, named, text};
use crate::analysis::one_of::exclusive_fields;
use crate::analysis::scalar::{Scalar, scalar};
use crate::messages::rules as msg;
use crate::syntax::{FieldPath, NodeId};

pub(super) const RULES: &[Rule] = &[
    Rule {
        on: &["PodSpec"],
        check: unique_names,
    },
    Rule {
        on: &["Volume"],
        check: one_source,
    },
    Rule {
        on: &["VolumeProjection"],
        check: one_projection,
    },
    Rule {
        on: &["ProjectedVolumeSource"],
        check: distinct_projected_paths,
    },
    Rule {
        on: &["PodSpec"],
        check: ephemeral_claims,
    },
];

fn unique_names(cx: &Context, visit: &Visit, out: &mut Vec<Diagnostic>) {
    if visit.is_null() {
        return;
    }
    let doc = cx.doc;
    let mut volumes = Unique::new(msg::volume_name(), msg::volume_names_unique()).renamed(63);
    if let Some(list) = doc.get(visit.node, "volumes") {
        for (index, volume) in doc.items(list).iter().enumerate() {
            if let Some(name) = named(doc, *volume, "name") {
                volumes.add(
                    cx,
                    name,
                    || visit.path.key("volumes").index(index).key("name"),
                    out,
                );
            }
        }
    }
}

fn one_source(cx: &Context, visit: &Visit, out: &mut Vec<Diagnostic>) {
    if visit.is_null() {
        return;
    }
    let types = exclusive_fields(cx.schema, "Volume").unwrap_or_default();
    let sources: Vec<NodeId> = cx
        .doc
        .entries(visit.node)
        .iter()
        .filter(|(k, v)| {
            let name = cx.doc.scalar(*k).unwrap_or_default();
            types.contains(&name) && !matches!(scalar(cx.doc, *v), Some(Scalar::Null))
        })
        .map(|(k, _)| *k)
        .collect();
    if let [first, rest @ ..] = sources.as_slice() {
        let first_name = cx.doc.scalar(*first).unwrap_or_default();
        for key in rest {
            out.push(
                conflict(cx, visit, *key, msg::one_volume_type(first_name)).related(
                    cx.doc.node(*first).range,
                    msg::set_here(first_name).render(cx.locale),
                ),
            );
        }
    }
}

fn one_projection(cx: &Context, visit: &Visit, out: &mut Vec<Diagnostic>) {
    if visit.is_null() {
        return;
    }
    exactly_one_of_type(cx, visit, msg::a_projected_source(), out);
}

/// The fields of each source kind that name a file of the volume, directly or in each of its `items`.
fn path_fields(kind: &str) -> (bool, &'static [&'static str]) {
    match kind {
        "secret" | "configMap" | "downwardAPI" => (true, &["path"]),
        "serviceAccountToken" | "clusterTrustBundle" => (false, &["path"]),
        "podCertificate" => (
            false,
            &["credentialBundlePath", "keyPath", "certificateChainPath"],
        ),
        _ => (false, &[]),
    }
}

fn distinct_projected_paths(cx: &Context, visit: &Visit, out: &mut Vec<Diagnostic>) {
    if visit.is_null() {
        return;
    }
    let doc = cx.doc;
    let Some(sources) = doc.get(visit.node, "sources") else {
        return;
    };
    let mut seen = Unique::new(msg::projected_path(), msg::projected_paths_distinct())
        .code(Code::ConflictingFields);
    for (i, source) in doc.items(sources).iter().enumerate() {
        for &(kind_key, projection) in doc.entries(*source) {
            let kind = doc.scalar(kind_key).unwrap_or_default();
            let (in_items, fields) = path_fields(kind);
            let base = visit.path.key("sources").index(i).key(kind);
            let files: Vec<(NodeId, FieldPath)> = if in_items {
                doc.get(projection, "items")
                    .map(|items| doc.items(items))
                    .unwrap_or_default()
                    .iter()
                    .enumerate()
                    .map(|(j, item)| (*item, base.key("items").index(j)))
                    .collect()
            } else {
                vec![(projection, base)]
            };
            for (holder, path) in files {
                for field in fields {
                    if let Some(node) = named(doc, holder, field) {
                        seen.add(cx, node, || path.key(*field), out);
                    }
                }
            }
        }
    }
}

/// The PVC of an `ephemeral` volume is named `<pod name>-<volume name>` and owned by the pod.
fn ephemeral_claims(cx: &Context, visit: &Visit, out: &mut Vec<Diagnostic>) {
    if visit.is_null() {
        return;
    }
    let doc = cx.doc;
    // A template's pods are named by their controller: the claim names are not known here.
    if cx.site.is_template() {
        return;
    }
    let Some(pod) = cx.site.metadata.and_then(|m| text(doc, m, "name")) else {
        return;
    };
    let Some((_, volumes)) = entry(doc, visit.node, "volumes") else {
        return;
    };
    let volumes = doc.items(volumes);
    let ephemeral: Vec<String> = volumes
        .iter()
        .filter(|v| entry(doc, **v, "ephemeral").is_some())
        .filter_map(|v| text(doc, *v, "name"))
        .map(|name| format!("{pod}-{name}"))
        .collect();
    for (i, volume) in volumes.iter().enumerate() {
        let Some((_, claim)) = entry(doc, *volume, "persistentVolumeClaim") else {
            continue;
        };
        let Some(name) = text(doc, claim, "claimName").filter(|n| ephemeral.iter().any(|e| e == n))
        else {
            continue;
        };
        let (_, node) = entry(doc, claim, "claimName").expect("read above");
        out.push(
            Diagnostic::error(
                Code::ConflictingFields,
                doc.node(node).range,
                msg::ephemeral_claim_name(name).render(cx.locale),
            )
            .at(visit
                .path
                .key("volumes")
                .index(i)
                .keys(&["persistentVolumeClaim", "claimName"])),
        );
    }
}

#[cfg(test)]
mod tests {
    use expect_test::expect;

    use crate::analysis::diagnostics::tests::check;

    #[test]
    fn projected_paths_are_distinct() {
        check(
            "apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\nspec:\n  containers:\n  - name: c\n    image: nginx:1\n  volumes:\n  - name: p\n    projected:\n      sources:\n      - secret:\n          name: s\n          items:\n          - key: k\n            path: token\n      - configMap:\n          name: cm\n      - serviceAccountToken:\n          path: sa-token\n      - downwardAPI:\n          items:\n          - path: labels\n            fieldRef:\n              fieldPath: metadata.labels\n",
            expect![[""]],
        );
        check(
            "apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\nspec:\n  containers:\n  - name: c\n    image: nginx:1\n  volumes:\n  - name: p\n    projected:\n      sources:\n      - secret:\n          name: s\n          items:\n          - key: k\n            path: token\n      - serviceAccountToken:\n          path: token\n      - downwardAPI:\n          items:\n          - path: labels\n            fieldRef:\n              fieldPath: metadata.labels\n          - path: labels\n            fieldRef:\n              fieldPath: metadata.annotations\n",
            expect![[r#"
            19:17-19:22 error[conflicting-fields] spec.volumes[0].projected.sources[1].serviceAccountToken.path: duplicate projected path `token`: each source of a projected volume must write its files to distinct paths
            25:19-25:25 error[conflicting-fields] spec.volumes[0].projected.sources[2].downwardAPI.items[1].path: duplicate projected path `labels`: each source of a projected volume must write its files to distinct paths
        "#]],
        );
    }

    #[test]
    fn claims_of_ephemeral_volumes() {
        let pod = |claim: &str| {
            format!(
                "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: c\n    image: nginx:1\n  volumes:\n  - name: scratch\n    ephemeral:\n      volumeClaimTemplate:\n        spec:\n          accessModes: [ReadWriteOnce]\n          resources:\n            requests:\n              storage: 1Gi\n  - name: data\n    persistentVolumeClaim:\n      claimName: {claim}\n"
            )
        };
        check(&pod("web-data"), expect![[""]]);
        check(
            &pod("web-scratch"),
            expect![[r#"
            20:18-20:29 error[conflicting-fields] spec.volumes[1].persistentVolumeClaim.claimName: `web-scratch` is the PVC created for an `ephemeral` volume of this pod (`<pod name>-<volume name>`); a `persistentVolumeClaim` volume must name another claim
        "#]],
        );
    }
}
