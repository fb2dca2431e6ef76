//! Quantities in the units people read, after the value: `memory: 128M` ≈ 122.07 MiB, `cpu: 500m` =
//! 0.5 CPU. Every quantity of a resource list (`requests`, `limits`, pod-level `resources`, `overhead`,
//! a claim template's storage) and an `emptyDir`'s `sizeLimit` — wherever they sit in the document.

use super::{HintKind, InlayHint};
use crate::analysis::quantity::human;
use crate::analysis::structure::key_of;
use crate::syntax::{Document, NodeKind};

/// The keys whose mapping is a resource list: each key a resource name, each value a quantity.
const RESOURCE_LISTS: [&str; 3] = ["requests", "limits", "overhead"];

pub(super) fn document(doc: &Document, out: &mut Vec<InlayHint>) {
    for id in doc.node_ids() {
        let NodeKind::Scalar { value, .. } = doc.node(id).kind else {
            continue;
        };
        let value = doc.text(*value);
        let Some(key) = key_of(doc, id) else {
            continue;
        };
        let Some(name) = doc.scalar(key) else {
            continue;
        };
        let resource = if name == "sizeLimit" {
            "memory"
        } else {
            let list = doc.node(id).parent.and_then(|mapping| key_of(doc, mapping));
            match list.and_then(|k| doc.scalar(k)) {
                Some(list) if RESOURCE_LISTS.contains(&list) => name,
                _ => continue,
            }
        };
        if let Some(label) = human(resource, value) {
            out.push(InlayHint {
                at: doc.node(id).range.end,
                tooltip: format!("{name}: {value} {label}"),
                label,
                kind: HintKind::Quantity,
            });
        }
    }
}
