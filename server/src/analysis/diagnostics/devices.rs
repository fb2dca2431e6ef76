//! `conflicting-fields` for raw block devices (`ValidateVolumeDevices`, `ValidateVolumeMounts`; k8s-facts
//! §3.3): a `volumeDevices` entry must use a `persistentVolumeClaim` or `ephemeral` volume, and within one
//! container a volume is either mounted or a device, and a path either a mountPath or a devicePath.
//! A device naming no volume is `references`' (`unresolved-reference`).

use super::conflicts::text;
use super::walk::Visit;
use super::{Context, Diagnostic};
use crate::syntax::{NodeId, PathSegment};

const BLOCK_SOURCES: [&str; 2] = ["persistentVolumeClaim", "ephemeral"];

pub(super) fn check(cx: &Context, visit: &Visit, out: &mut Vec<Diagnostic>) {
    if !matches!(visit.object(), Some("Container" | "EphemeralContainer")) || visit.is_null() {
        return;
    }
    let doc = cx.doc;
    let Some(devices) = doc.get(visit.node, "volumeDevices") else {
        return;
    };
    let mounts: Vec<(&str, &str)> = doc
        .get(visit.node, "volumeMounts")
        .map(|m| doc.items(m))
        .unwrap_or_default()
        .iter()
        .map(|m| {
            (
                text(doc, *m, "name").unwrap_or_default(),
                text(doc, *m, "mountPath").unwrap_or_default(),
            )
        })
        .collect();
    let volumes = doc
        .get_path(&["spec", "volumes"])
        .map(|v| doc.items(v))
        .unwrap_or_default();
    for (i, device) in doc.items(devices).iter().enumerate() {
        let at = |field: &str, value: NodeId, message: String| {
            let mut path = visit.child(PathSegment::Key("volumeDevices".into()));
            path.extend([PathSegment::Index(i), PathSegment::Key(field.into())]);
            Diagnostic::error("conflicting-fields", doc.node(value).range, message).at(&path)
        };
        if let (Some(name), Some(node)) = (text(doc, *device, "name"), doc.get(*device, "name")) {
            let volume = volumes
                .iter()
                .find(|v| text(doc, **v, "name") == Some(name));
            let source = volume.and_then(|v| {
                doc.entries(*v)
                    .iter()
                    .filter_map(|(k, _)| doc.scalar(*k))
                    .find(|k| *k != "name")
            });
            if let Some(source) = source.filter(|s| !BLOCK_SOURCES.contains(s)) {
                out.push(at("name", node, format!("volume `{name}` is a `{source}` volume; `volumeDevices` may only use `persistentVolumeClaim` or `ephemeral` volumes")));
            }
            if mounts.iter().any(|(mounted, _)| *mounted == name) {
                out.push(at("name", node, format!("volume `{name}` is also in this container's `volumeMounts`; a container may mount a volume or use it as a device, not both")));
            }
        }
        if let (Some(path), Some(node)) = (
            text(doc, *device, "devicePath"),
            doc.get(*device, "devicePath"),
        ) {
            if mounts.iter().any(|(_, mount_path)| *mount_path == path) {
                out.push(at("devicePath", node, format!("`{path}` is also a mountPath of this container; a path may be a mount or a device, not both")));
            }
        }
    }
}
