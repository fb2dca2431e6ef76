//! The containers of a pod spec, in the order the API server validates them: what the rules and the name
//! index both walk, so that "every container" means the same lists everywhere.

use crate::syntax::{Document, FieldPath, NodeId};

/// The lists of a pod spec that hold containers, in the order the API server validates them.
pub(crate) const CONTAINER_LISTS: [&str; 3] =
    ["initContainers", "containers", "ephemeralContainers"];

/// A container of a pod spec: which list holds it, its index there, and its node.
pub(crate) struct Container {
    pub list: &'static str,
    pub index: usize,
    pub node: NodeId,
}

impl Container {
    /// The full path of a field of this container, from the spec's path.
    pub fn path(&self, spec: &FieldPath, keys: &[&str]) -> FieldPath {
        spec.key(self.list).index(self.index).keys(keys)
    }
}

/// Every container of the spec.
pub(crate) fn containers(doc: &Document, spec: NodeId) -> Vec<Container> {
    let mut out = Vec::new();
    for list in CONTAINER_LISTS {
        if let Some(items) = doc.get(spec, list) {
            for (index, item) in doc.items(items).iter().enumerate() {
                out.push(Container {
                    list,
                    index,
                    node: doc.resolve(*item),
                });
            }
        }
    }
    out
}
