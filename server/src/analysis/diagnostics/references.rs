//! Names that must be unique or must name something: `duplicate-name` (container names across init,
//! regular and ephemeral containers; volume names; port names, mount and device paths within a container) and
//! `unresolved-reference` (a volumeMount or volumeDevice naming no volume, a probe's named port the container does not
//! declare, an ephemeral container's target). From `ValidatePodSpec` / `validateContainers` /
//! `ValidateVolumeMounts` (k8s-facts §3.2–3.3).

use std::collections::HashMap;

use super::walk::Visit;
use super::{Context, Diagnostic};
use crate::syntax::{Document, NodeId, PathSegment};

const CONTAINER_LISTS: [&str; 3] = ["initContainers", "containers", "ephemeralContainers"];

pub(super) fn check(cx: &Context, visit: &Visit, out: &mut Vec<Diagnostic>) {
    if visit.object() != Some("PodSpec") || visit.is_null() {
        return;
    }
    let doc = cx.doc;
    let spec = visit.node;
    let containers = containers(doc, spec);

    let mut seen = Unique::new(
        "container name",
        "container names must be unique across initContainers, containers and ephemeralContainers",
    );
    for (list, index, container) in &containers {
        if let Some(name) = named(doc, *container, "name") {
            let path = path(visit, &[key(list), PathSegment::Index(*index), key("name")]);
            seen.add(cx, name, path, out);
        }
    }

    let mut volumes = Unique::new("volume name", "volume names must be unique in a Pod");
    let mut volume_names = Vec::new();
    if let Some(list) = doc.get(spec, "volumes") {
        for (index, volume) in doc.items(list).iter().enumerate() {
            if let Some(name) = named(doc, *volume, "name") {
                volume_names.push(doc.scalar(name).unwrap_or_default());
                let path = path(
                    visit,
                    &[key("volumes"), PathSegment::Index(index), key("name")],
                );
                volumes.add(cx, name, path, out);
            }
        }
    }

    for (list, index, container) in &containers {
        let at = |rest: &[PathSegment]| {
            let mut segments = vec![key(list), PathSegment::Index(*index)];
            segments.extend_from_slice(rest);
            path(visit, &segments)
        };
        let mut ports = Unique::new("port name", "port names must be unique within a container");
        let mut port_names = Vec::new();
        if let Some(list) = doc.get(*container, "ports") {
            for (i, port) in doc.items(list).iter().enumerate() {
                if let Some(name) = named(doc, *port, "name") {
                    port_names.push(doc.scalar(name).unwrap_or_default());
                    ports.add(
                        cx,
                        name,
                        at(&[key("ports"), PathSegment::Index(i), key("name")]),
                        out,
                    );
                }
            }
        }
        for (list, path_field, rule) in [
            (
                "volumeMounts",
                "mountPath",
                "each volumeMount of a container needs its own mountPath",
            ),
            (
                "volumeDevices",
                "devicePath",
                "each volumeDevice of a container needs its own devicePath",
            ),
        ] {
            let mut paths = Unique::new(path_field, rule);
            let Some(items) = doc.get(*container, list) else {
                continue;
            };
            for (i, item) in doc.items(items).iter().enumerate() {
                if let Some(path) = named(doc, *item, path_field) {
                    paths.add(
                        cx,
                        path,
                        at(&[key(list), PathSegment::Index(i), key(path_field)]),
                        out,
                    );
                }
                let Some(name) = named(doc, *item, "name") else {
                    continue;
                };
                let value = doc.scalar(name).unwrap_or_default();
                if cx.complete && !volume_names.contains(&value) {
                    out.push(
                        Diagnostic::error(
                            "unresolved-reference",
                            doc.node(name).range,
                            format!(
                                "no volume named `{value}` in `spec.volumes`{}",
                                known(&volume_names)
                            ),
                        )
                        .at(&at(&[
                            key(list),
                            PathSegment::Index(i),
                            key("name"),
                        ])),
                    );
                }
            }
        }
        if !cx.complete {
            continue;
        }
        for probe in ["livenessProbe", "readinessProbe", "startupProbe"] {
            let Some(probe_node) = doc.get(*container, probe) else {
                continue;
            };
            for action in ["httpGet", "tcpSocket"] {
                let Some(port) = doc.get(probe_node, action).and_then(|a| doc.get(a, "port"))
                else {
                    continue;
                };
                let Some(super::value::Scalar::Str(name)) = super::value::scalar(doc, port) else {
                    continue;
                };
                if name.is_empty()
                    || name.bytes().all(|b| b.is_ascii_digit())
                    || port_names.contains(&name)
                {
                    continue;
                }
                out.push(
                    Diagnostic::error(
                        "unresolved-reference",
                        doc.node(port).range,
                        format!(
                            "the container declares no port named `{name}`{}",
                            known(&port_names)
                        ),
                    )
                    .at(&at(&[key(probe), key(action), key("port")])),
                );
            }
        }
        if *list == "ephemeralContainers" {
            if let Some(target) = named(doc, *container, "targetContainerName") {
                let value = doc.scalar(target).unwrap_or_default();
                let exists = containers.iter().any(|(l, _, c)| {
                    *l != "ephemeralContainers"
                        && named(doc, *c, "name").and_then(|n| doc.scalar(n)) == Some(value)
                });
                if !exists {
                    out.push(
                        Diagnostic::error(
                            "unresolved-reference",
                            doc.node(target).range,
                            format!("`targetContainerName` `{value}` names no container or init container of this Pod"),
                        )
                        .at(&at(&[key("targetContainerName")])),
                    );
                }
            }
        }
    }
}

/// Every container of the spec as (list name, index, node).
pub(super) fn containers(doc: &Document, spec: NodeId) -> Vec<(&'static str, usize, NodeId)> {
    let mut out = Vec::new();
    for list in CONTAINER_LISTS {
        if let Some(items) = doc.get(spec, list) {
            for (i, item) in doc.items(items).iter().enumerate() {
                out.push((list, i, doc.resolve(*item)));
            }
        }
    }
    out
}

/// The value node of a non-empty string field.
pub(super) fn named(doc: &Document, mapping: NodeId, field: &str) -> Option<NodeId> {
    let value = doc.get(mapping, field)?;
    doc.scalar(value).filter(|s| !s.is_empty())?;
    Some(value)
}

fn key(name: &str) -> PathSegment {
    PathSegment::Key(name.to_string())
}

fn path(visit: &Visit, rest: &[PathSegment]) -> Vec<PathSegment> {
    let mut path = visit.path.clone();
    path.extend_from_slice(rest);
    path
}

fn known(names: &[&str]) -> String {
    if names.is_empty() {
        return String::new();
    }
    let mut list: Vec<String> = names.iter().map(|n| format!("`{n}`")).collect();
    list.dedup();
    format!(" (declared: {})", list.join(", "))
}

/// Reports the second and later occurrences of a name, pointing back at the first.
pub(super) struct Unique<'a> {
    code: &'static str,
    what: &'static str,
    rule: &'static str,
    first: HashMap<&'a str, NodeId>,
}

impl<'a> Unique<'a> {
    pub(super) fn new(what: &'static str, rule: &'static str) -> Self {
        Unique {
            code: "duplicate-name",
            what,
            rule,
            first: HashMap::new(),
        }
    }

    /// Reports under another code than `duplicate-name` (a clash of paths is a conflict of fields).
    pub(super) fn code(mut self, code: &'static str) -> Self {
        self.code = code;
        self
    }

    pub(super) fn add(
        &mut self,
        cx: &Context<'a>,
        node: NodeId,
        path: Vec<PathSegment>,
        out: &mut Vec<Diagnostic>,
    ) {
        let value = cx.doc.scalar(node).unwrap_or_default();
        match self.first.get(value) {
            None => {
                self.first.insert(value, node);
            }
            Some(&earlier) => out.push(
                Diagnostic::error(
                    self.code,
                    cx.doc.node(node).range,
                    format!("duplicate {} `{value}`: {}", self.what, self.rule),
                )
                .related(
                    cx.doc.node(earlier).range,
                    format!("`{value}` first used here"),
                )
                .at(&path),
            ),
        }
    }
}
