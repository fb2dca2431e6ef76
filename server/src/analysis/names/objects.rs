//! The objects of the cluster a document declares for the index — a ConfigMap, Secret,
//! PersistentVolumeClaim or ServiceAccount by its name and namespace, at the root or in a `List` — and a
//! Service's selector and named target ports, which name the pods it selects.

use super::index::{
    Builder, NameKind, Role, Scope, ServiceSelector, at_keys, namespace_of, port_name,
};
use crate::messages::{Message, all_of, names as msg};
use crate::syntax::{Document, FieldPath, NodeId};

/// The objects of the cluster a pod names, by kind.
const OBJECT_KINDS: &[(&str, NameKind)] = &[
    ("ConfigMap", NameKind::ConfigMap),
    ("Secret", NameKind::Secret),
    ("PersistentVolumeClaim", NameKind::PersistentVolumeClaim),
    ("ServiceAccount", NameKind::ServiceAccount),
];

/// The document's objects: its root, or a `List`'s items.
pub(super) fn objects(doc: &Document) -> Vec<(NodeId, FieldPath)> {
    let Some(root) = doc.root.map(|r| doc.resolve(r)) else {
        return Vec::new();
    };
    match doc
        .get(root, "items")
        .filter(|_| kind_of(doc, root) == Some("List"))
    {
        Some(items) => doc
            .items(items)
            .iter()
            .enumerate()
            .map(|(i, item)| (doc.resolve(*item), FieldPath::new().key("items").index(i)))
            .collect(),
        None => vec![(root, FieldPath::new())],
    }
}

fn kind_of(doc: &Document, object: NodeId) -> Option<&str> {
    doc.get(object, "kind").and_then(|k| doc.scalar(k))
}

impl Builder<'_> {
    /// A ConfigMap, Secret, PersistentVolumeClaim or ServiceAccount the document declares, or a Service.
    pub(super) fn object(&mut self, object: NodeId, path: FieldPath) {
        let doc = self.doc;
        let Some(kind) = kind_of(doc, object) else {
            return;
        };
        let core = doc
            .get(object, "apiVersion")
            .and_then(|v| doc.scalar(v))
            .is_none_or(|v| v == "v1");
        if !core {
            return;
        }
        let namespace = namespace_of(doc, object);
        if kind == "Service" {
            return self.service(object, path, namespace);
        }
        let Some(&(_, name_kind)) = OBJECT_KINDS.iter().find(|(k, _)| *k == kind) else {
            return;
        };
        let Some(metadata) = doc.get(object, "metadata").map(|m| doc.resolve(m)) else {
            return;
        };
        if let Some(name) = doc.get(metadata, "name") {
            let detail = object_detail(doc, object, kind);
            let path = path.keys(&["metadata", "name"]);
            self.add(
                name_kind,
                Role::Declaration,
                Scope::Namespace(namespace),
                name,
                path,
                Some(detail),
            );
        }
    }

    fn service(&mut self, object: NodeId, path: FieldPath, namespace: Option<String>) {
        let doc = self.doc;
        let index = self.names.services.len();
        let Some(spec) = doc.get(object, "spec").map(|s| doc.resolve(s)) else {
            return;
        };
        let mut spec_path = path.key("spec");
        let selector = match doc.get(spec, "selector") {
            Some(map) => {
                let path = spec_path.key("selector");
                self.label_map(map, &path, Role::Reference, Scope::Service(index))
            }
            None => Vec::new(),
        };
        let mut found = Vec::new();
        at_keys(
            doc,
            spec,
            &["ports", "[]", "targetPort"],
            &mut spec_path,
            &mut found,
        );
        for (port, path) in found {
            if port_name(doc, port) {
                self.add(
                    NameKind::Port,
                    Role::Reference,
                    Scope::Service(index),
                    port,
                    path,
                    None,
                );
            }
        }
        self.names.services.push(ServiceSelector {
            namespace,
            selector,
        });
    }
}

/// What an object of the cluster holds: a ConfigMap's or Secret's keys, a claim's size.
fn object_detail(doc: &Document, object: NodeId, kind: &str) -> Message {
    let keys: Vec<&str> = ["data", "binaryData", "stringData"]
        .iter()
        .filter_map(|field| doc.get(object, field))
        .flat_map(|map| doc.entries(map).iter())
        .filter_map(|(k, _)| doc.scalar(*k))
        .collect();
    let storage = doc
        .get(object, "spec")
        .and_then(|s| doc.get(doc.resolve(s), "resources"))
        .and_then(|r| doc.get(doc.resolve(r), "requests"))
        .and_then(|r| doc.get(doc.resolve(r), "storage"))
        .and_then(|s| doc.scalar(s));
    match (kind, storage) {
        (_, Some(storage)) => msg::object_requesting(kind, storage),
        ("ConfigMap" | "Secret", _) if keys.is_empty() => msg::object_without_keys(kind),
        ("ConfigMap" | "Secret", _) => msg::object_with_keys(kind, all_of(keys)),
        _ => msg::object_kind(kind),
    }
}
