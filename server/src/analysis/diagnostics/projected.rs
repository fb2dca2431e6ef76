//! `conflicting-fields` in a projected volume: no two files of its sources may land on the same path
//! (`validateProjectionSources`, "conflicting duplicate paths"; k8s-facts §3.4). A secret or configMap
//! source without `items` projects keys unknown here and is not compared.

use super::references::{Unique, named};
use super::walk::Visit;
use super::{Context, Diagnostic};
use crate::syntax::{NodeId, PathSegment};

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

pub(super) fn check(cx: &Context, visit: &Visit, out: &mut Vec<Diagnostic>) {
    if visit.object() != Some("ProjectedVolumeSource") || visit.is_null() {
        return;
    }
    let doc = cx.doc;
    let Some(sources) = doc.get(visit.node, "sources") else {
        return;
    };
    let mut seen = Unique::new(
        "projected path",
        "each source of a projected volume must write its files to distinct paths",
    )
    .code("conflicting-fields");
    for (i, source) in doc.items(sources).iter().enumerate() {
        for &(kind_key, projection) in doc.entries(*source) {
            let kind = doc.scalar(kind_key).unwrap_or_default();
            let (in_items, fields) = path_fields(kind);
            let mut base = visit.child(PathSegment::Key("sources".into()));
            base.extend([PathSegment::Index(i), PathSegment::Key(kind.into())]);
            let files: Vec<(NodeId, Vec<PathSegment>)> = if in_items {
                doc.get(projection, "items")
                    .map(|items| doc.items(items))
                    .unwrap_or_default()
                    .iter()
                    .enumerate()
                    .map(|(j, item)| {
                        let mut path = base.clone();
                        path.extend([PathSegment::Key("items".into()), PathSegment::Index(j)]);
                        (*item, path)
                    })
                    .collect()
            } else {
                vec![(projection, base)]
            };
            for (holder, path) in files {
                for field in fields {
                    let Some(node) = named(doc, holder, field) else {
                        continue;
                    };
                    let mut path = path.clone();
                    path.push(PathSegment::Key(field.to_string()));
                    seen.add(cx, node, path, out);
                }
            }
        }
    }
}
