//! Rules of a container's volume mounts and devices: each names a volume of the pod, each path is used
//! once, a block device uses a claim, and the mount options that need a privileged or read-only mount. A
//! mount of an undeclared volume is fixed by declaring it or by naming a declared one.
//!
//! | rule | code | upstream (Kubernetes v1.35 `pkg/apis/core/validation/validation.go`) |
//! |---|---|---|
//! | a mount or device names a volume of the pod (in a StatefulSet, or a claim template) | `unresolved-reference` | `ValidateVolumeMounts`, `ValidateVolumeDevices` |
//! | mountPath / devicePath unique within a container | `duplicate-name` | `ValidateVolumeMounts`, `ValidateVolumeDevices` |
//! | `subPath` and `subPathExpr` mutually exclusive | `conflicting-fields` | `ValidateVolumeMounts` |
//! | `mountPropagation: Bidirectional` only when privileged | `conflicting-fields` | `validateMountPropagation` |
//! | `recursiveReadOnly` needs `readOnly: true` | `conflicting-fields` | `validateMountRecursiveReadOnly` |
//! | a device uses a `persistentVolumeClaim` or `ephemeral` volume, not also mounted, not on a mountPath | `conflicting-fields` | `ValidateVolumeDevices` |

use super::super::checks::is_dns_label;
use super::super::code::Code;
use super::super::context::{Context, Rule, Visit, conflict};
use super::super::diagnostic::Diagnostic;
use super::super::fields::{Unique, boolean, containers, entry, known, named, text};
use crate::analysis::fixes::{Proposal, add_volume, rename_choices};
use crate::analysis::names::index::NameKind;
use crate::messages::{Arg, Message, rules as msg};
use crate::syntax::NodeId;

pub(super) const RULES: &[Rule] = &[
    Rule {
        on: &["PodSpec"],
        check: references_and_paths,
    },
    Rule {
        on: &["PodSpec"],
        check: mount_options,
    },
    Rule {
        on: &["VolumeMount"],
        check: sub_path,
    },
    Rule {
        on: &["Container", "EphemeralContainer"],
        check: devices,
    },
];

const BLOCK_SOURCES: [&str; 2] = ["persistentVolumeClaim", "ephemeral"];

fn references_and_paths(cx: &Context, visit: &Visit, out: &mut Vec<Diagnostic>) {
    if visit.is_null() {
        return;
    }
    let doc = cx.doc;
    // A StatefulSet's containers also mount its claim templates by name: the controller adds one volume per
    // claim to each Pod (`updateStorage` in pkg/controller/statefulset/stateful_set_utils.go).
    let scope = cx.pod_scope();
    let volume_names = cx.names.declared(NameKind::Volume, &scope);
    let indexed = cx.names_read_from(visit.node);
    // A StatefulSet's claim templates are volumes of its pods too.
    let claims = match cx.site.kind {
        "StatefulSet" => {
            let templates = cx.site.root.prefix.keys(&["spec", "volumeClaimTemplates"]);
            msg::nor_in(templates).into()
        }
        _ => Arg::from(""),
    };
    for container in containers(doc, visit.node) {
        for (list, path_field, rule) in [
            ("volumeMounts", "mountPath", msg::mount_paths_distinct()),
            ("volumeDevices", "devicePath", msg::device_paths_distinct()),
        ] {
            let mut paths = Unique::new(msg::field_word(path_field), rule);
            let Some(items) = doc.get(container.node, list) else {
                continue;
            };
            for (i, item) in doc.items(items).iter().enumerate() {
                let at = |field: &str| container.path(visit.path, &[list]).index(i).key(field);
                if let Some(path) = named(doc, *item, path_field) {
                    paths.add(cx, path, || at(path_field), out);
                }
                let Some(name) = named(doc, *item, "name") else {
                    continue;
                };
                let value = doc.scalar(name).unwrap_or_default();
                if cx.complete && indexed && !volume_names.contains(&value) {
                    let range = doc.node(name).range;
                    out.push(
                        Diagnostic::error(
                            Code::UnresolvedReference,
                            range,
                            msg::no_such_volume(
                                value,
                                visit.path.key("volumes"),
                                claims.clone(),
                                known(&volume_names),
                            )
                            .render(cx.locale),
                        )
                        .at(at("name"))
                        .with_fixes(volume_fixes(
                            cx,
                            visit.node,
                            name,
                            list,
                            &volume_names,
                        )),
                    );
                }
            }
        }
    }
}

/// Declaring the missing volume (an `emptyDir`, for a mount: a device needs a claim), or naming a declared
/// one: the near typo first, else the new volume.
fn volume_fixes(
    cx: &Context,
    spec: NodeId,
    name: NodeId,
    list: &str,
    declared: &[&str],
) -> Vec<Proposal> {
    let value = cx.doc.scalar(name).unwrap_or_default();
    let renames = rename_choices(
        cx.locale,
        cx.source(name),
        cx.doc.node(name).range,
        declared,
        false,
    );
    let typo = renames.first().is_some_and(|r| r.preferred);
    let declare = (list == "volumeMounts" && is_dns_label(value))
        .then(|| add_volume(cx.locale, cx.text, cx.doc, spec, value, !typo))
        .flatten();
    if typo {
        renames.into_iter().chain(declare).collect()
    } else {
        declare.into_iter().chain(renames).collect()
    }
}

fn mount_options(cx: &Context, visit: &Visit, out: &mut Vec<Diagnostic>) {
    if visit.is_null() {
        return;
    }
    let doc = cx.doc;
    for container in containers(doc, visit.node) {
        let privileged = entry(doc, container.node, "securityContext")
            .and_then(|(_, sc)| boolean(doc, sc, "privileged"))
            == Some(true);
        let Some((_, mounts)) = entry(doc, container.node, "volumeMounts") else {
            continue;
        };
        for (i, mount) in doc.items(mounts).iter().enumerate() {
            let at = |field: &str| {
                container
                    .path(visit.path, &["volumeMounts"])
                    .index(i)
                    .key(field)
            };
            if text(doc, *mount, "mountPropagation") == Some("Bidirectional") && !privileged {
                let (key, _) = entry(doc, *mount, "mountPropagation").expect("read above");
                out.push(
                    Diagnostic::error(
                        Code::ConflictingFields,
                        doc.node(key).range,
                        msg::bidirectional_needs_privileged().render(cx.locale),
                    )
                    .at(at("mountPropagation")),
                );
            }
            let recursive = text(doc, *mount, "recursiveReadOnly");
            if recursive.is_some_and(|r| r != "Disabled")
                && boolean(doc, *mount, "readOnly") != Some(true)
            {
                let (key, _) = entry(doc, *mount, "recursiveReadOnly").expect("read above");
                out.push(
                    Diagnostic::error(
                        Code::ConflictingFields,
                        doc.node(key).range,
                        msg::recursive_read_only_needs_read_only().render(cx.locale),
                    )
                    .at(at("recursiveReadOnly")),
                );
            }
        }
    }
}

fn sub_path(cx: &Context, visit: &Visit, out: &mut Vec<Diagnostic>) {
    if visit.is_null() || text(cx.doc, visit.node, "subPath").is_none_or(str::is_empty) {
        return;
    }
    if let Some((key, _)) = entry(cx.doc, visit.node, "subPathExpr") {
        out.push(conflict(cx, visit, key, msg::sub_path_and_expr()));
    }
}

/// A device naming no volume is `references_and_paths`' (`unresolved-reference`).
fn devices(cx: &Context, visit: &Visit, out: &mut Vec<Diagnostic>) {
    if visit.is_null() {
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
    let volumes = cx
        .spec_field("volumes")
        .map(|v| doc.items(v))
        .unwrap_or_default();
    for (i, device) in doc.items(devices).iter().enumerate() {
        let at = |field: &str, value: NodeId, message: Message| {
            let path = visit.path.key("volumeDevices").index(i).key(field);
            let message = message.render(cx.locale);
            Diagnostic::error(Code::ConflictingFields, doc.node(value).range, message).at(path)
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
                out.push(at(
                    "name",
                    node,
                    msg::device_needs_block_source(name, source),
                ));
            }
            if mounts.iter().any(|(mounted, _)| *mounted == name) {
                out.push(at("name", node, msg::device_also_mounted(name)));
            }
        }
        if let (Some(path), Some(node)) = (
            text(doc, *device, "devicePath"),
            doc.get(*device, "devicePath"),
        ) {
            if mounts.iter().any(|(_, mount_path)| *mount_path == path) {
                out.push(at("devicePath", node, msg::device_path_is_mount(path)));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use expect_test::expect;

    use crate::analysis::diagnostics::tests::check;

    /// A StatefulSet's containers mount its claim templates by name; other names still need a volume.
    #[test]
    fn a_statefulset_mounts_its_claim_templates() {
        check(
            "apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: db\nspec:\n  selector:\n    matchLabels: {app: db}\n  template:\n    metadata:\n      labels: {app: db}\n    spec:\n      containers:\n      - name: c\n        image: postgres:16\n        volumeMounts:\n        - name: data\n          mountPath: /var/lib/postgresql\n        - name: logs\n          mountPath: /logs\n  volumeClaimTemplates:\n  - metadata:\n      name: data\n    spec:\n      accessModes: [ReadWriteOnce]\n      resources:\n        requests:\n          storage: 1Gi\n",
            expect![[r#"
                18:17-18:21 error[unresolved-reference] spec.template.spec.containers[0].volumeMounts[1].name: no volume named `logs` in `spec.template.spec.volumes` nor in `spec.volumeClaimTemplates` (declared: `data`)
            "#]],
        );
    }

    #[test]
    fn volume_devices() {
        check(
            "apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\nspec:\n  containers:\n  - name: c\n    image: nginx:1\n    volumeDevices:\n    - name: block\n      devicePath: /dev/xvda\n    - name: scratch\n      devicePath: /dev/xvdb\n    volumeMounts:\n    - name: config\n      mountPath: /etc/app\n  volumes:\n  - name: block\n    persistentVolumeClaim:\n      claimName: data\n  - name: scratch\n    ephemeral:\n      volumeClaimTemplate:\n        spec:\n          accessModes: [ReadWriteOnce]\n          volumeMode: Block\n          resources:\n            requests:\n              storage: 1Gi\n  - name: config\n    configMap:\n      name: cm\n",
            expect![[""]],
        );
        check(
            "apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\nspec:\n  containers:\n  - name: c\n    image: nginx:1\n    volumeDevices:\n    - name: config\n      devicePath: /dev/xvda\n    - name: block\n      devicePath: /data\n    - name: missing\n      devicePath: /dev/xvda\n    volumeMounts:\n    - name: block\n      mountPath: /data\n  volumes:\n  - name: block\n    persistentVolumeClaim:\n      claimName: data\n  - name: config\n    configMap:\n      name: cm\n",
            expect![[r#"
                10:13-10:19 error[conflicting-fields] spec.containers[0].volumeDevices[0].name: volume `config` is a `configMap` volume; `volumeDevices` may only use `persistentVolumeClaim` or `ephemeral` volumes
                12:13-12:18 error[conflicting-fields] spec.containers[0].volumeDevices[1].name: volume `block` is also in this container's `volumeMounts`; a container may mount a volume or use it as a device, not both
                13:19-13:24 error[conflicting-fields] spec.containers[0].volumeDevices[1].devicePath: `/data` is also a mountPath of this container; a path may be a mount or a device, not both
                14:13-14:20 error[unresolved-reference] spec.containers[0].volumeDevices[2].name: no volume named `missing` in `spec.volumes` (declared: `block` and `config`)
                15:19-15:28 error[duplicate-name] spec.containers[0].volumeDevices[2].devicePath: duplicate devicePath `/dev/xvda`: each volumeDevice of a container needs its own devicePath
            "#]],
        );
    }
}
