//! Rules of one container that depend on which list holds it or on the pod: what init and ephemeral
//! containers may not set, an ephemeral container's target, a stop signal without an OS, and images that
//! float.
//!
//! | rule | code | upstream (Kubernetes v1.35 `pkg/apis/core/validation/validation.go`) |
//! |---|---|---|
//! | no lifecycle or probes on an init container that is not a sidecar (in the target: before 1.29 its `restartPolicy` is unknown or dropped) | `conflicting-fields` | `validateInitContainers` |
//! | no ports, resources, lifecycle, probes, resizePolicy on an ephemeral container | `conflicting-fields` | `validateEphemeralContainers` (`allowedEphemeralContainerFields`) |
//! | `targetContainerName` names a container | `unresolved-reference` | `validateEphemeralContainers` |
//! | `lifecycle.stopSignal` needs `spec.os.name` | `conflicting-fields` | `validateStopSignal` (`validateLifecycle`) |
//! | an image without a tag or with `latest` | `image-latest` | none: `SetDefaults_Container` in `pkg/apis/core/v1/defaults.go` then pulls `Always`; podls warns |

use super::super::code::Code;
use super::super::context::{Context, Rule, Visit, relaxed_by_note};
use super::super::diagnostic::Diagnostic;
use super::super::fields::{containers, entry, named, text};
use crate::analysis::fixes::{remove_entry, rename_choices};
use crate::analysis::names::index::NameKind;
use crate::analysis::scalar::{Scalar, scalar};
use crate::analysis::versions::in_effect;
use crate::messages::{Arg, Message, rules as msg};

pub(super) const RULES: &[Rule] = &[
    Rule {
        on: &["PodSpec"],
        check: forbidden_fields,
    },
    Rule {
        on: &["PodSpec"],
        check: ephemeral_target,
    },
    Rule {
        on: &["PodSpec"],
        check: stop_signal,
    },
    Rule {
        on: &["Container", "EphemeralContainer"],
        check: image,
    },
];

const EPHEMERAL_FORBIDDEN: [&str; 7] = [
    "ports",
    "resources",
    "lifecycle",
    "livenessProbe",
    "readinessProbe",
    "startupProbe",
    "resizePolicy",
];

const INIT_FORBIDDEN: [&str; 4] = [
    "lifecycle",
    "livenessProbe",
    "readinessProbe",
    "startupProbe",
];

/// Whether an init container with `restartPolicy: Always` is a sidecar in the target: its API server has the
/// container's `restartPolicy` and keeps it (`SidecarContainers` on by default, from 1.29). Before, the
/// field is unknown or dropped, and the container is an ordinary init container.
fn sidecars(cx: &Context) -> bool {
    cx.schema
        .type_def("Container")
        .and_then(|container| container.field("restartPolicy"))
        .is_some_and(|field| in_effect(cx.schema, field, cx.kubernetes))
}

fn forbidden_fields(cx: &Context, visit: &Visit, out: &mut Vec<Diagnostic>) {
    if visit.is_null() {
        return;
    }
    let doc = cx.doc;
    let sidecars = sidecars(cx);
    for container in containers(doc, visit.node) {
        let sidecar = sidecars && text(doc, container.node, "restartPolicy") == Some("Always");
        let (forbidden, rule): (&[&str], fn(&str) -> Message) = match container.list {
            "initContainers" if !sidecar => (&INIT_FORBIDDEN, |field| {
                msg::init_container_forbidden(field)
            }),
            "ephemeralContainers" => (&EPHEMERAL_FORBIDDEN, |field| {
                msg::ephemeral_container_forbidden(field)
            }),
            _ => continue,
        };
        // A sidecar as written that the target does not have yet: say why the rule still holds.
        let written_sidecar = text(doc, container.node, "restartPolicy") == Some("Always");
        let note = (written_sidecar && !sidecar)
            .then(|| relaxed_by_note(cx, "SidecarContainers"))
            .flatten()
            .unwrap_or_default();
        for field in forbidden {
            if let Some((key, _)) = entry(doc, container.node, field) {
                // Removing the field is the fix (an init container could instead become a sidecar).
                let preferred = container.list == "ephemeralContainers";
                out.push(
                    Diagnostic::error(
                        Code::ConflictingFields,
                        doc.node(key).range,
                        rule(field).render(cx.locale) + &note,
                    )
                    .at(container.path(visit.path, &[field]))
                    .with_fixes(remove_entry(
                        cx.locale,
                        cx.text,
                        doc,
                        container.node,
                        key,
                        preferred,
                    )),
                );
            }
        }
    }
}

fn ephemeral_target(cx: &Context, visit: &Visit, out: &mut Vec<Diagnostic>) {
    if visit.is_null() || !cx.complete || !cx.names_read_from(visit.node) {
        return;
    }
    let doc = cx.doc;
    // Read only for a pod with a target to resolve (most have no ephemeral container).
    let mut targets = None;
    for container in containers(doc, visit.node)
        .iter()
        .filter(|c| c.list == "ephemeralContainers")
    {
        let Some(target) = named(doc, container.node, "targetContainerName") else {
            continue;
        };
        let value = doc.scalar(target).unwrap_or_default();
        let targets =
            targets.get_or_insert_with(|| cx.names.declared(NameKind::Container, &cx.pod_scope()));
        if !targets.contains(&value) {
            let range = doc.node(target).range;
            out.push(
                Diagnostic::error(
                    Code::UnresolvedReference,
                    range,
                    msg::unknown_target_container(value).render(cx.locale),
                )
                .at(container.path(visit.path, &["targetContainerName"]))
                .with_fixes(rename_choices(
                    cx.locale,
                    cx.source(target),
                    range,
                    targets,
                    true,
                )),
            );
        }
    }
}

fn stop_signal(cx: &Context, visit: &Visit, out: &mut Vec<Diagnostic>) {
    if visit.is_null() {
        return;
    }
    let doc = cx.doc;
    let has_os = entry(doc, visit.node, "os")
        .and_then(|(_, os)| text(doc, os, "name"))
        .is_some();
    if has_os {
        return;
    }
    for container in containers(doc, visit.node) {
        let Some((_, lifecycle)) = entry(doc, container.node, "lifecycle") else {
            continue;
        };
        if let Some((key, _)) = entry(doc, lifecycle, "stopSignal") {
            out.push(
                Diagnostic::error(
                    Code::ConflictingFields,
                    doc.node(key).range,
                    msg::stop_signal_needs_os(visit.path.keys(&["os", "name"])).render(cx.locale),
                )
                .at(container.path(visit.path, &["lifecycle", "stopSignal"])),
            );
        }
    }
}

fn image(cx: &Context, visit: &Visit, out: &mut Vec<Diagnostic>) {
    if visit.is_null() {
        return;
    }
    let doc = cx.doc;
    let Some(node) = doc.get(visit.node, "image") else {
        return;
    };
    let Some(Scalar::Str(image)) = scalar(doc, node) else {
        return;
    };
    if image.is_empty() || image.contains('@') {
        return;
    }
    // The tag follows the last `:` after the last `/` (a registry may have a port: `host:5000/app`).
    let last = image.rsplit('/').next().unwrap_or(image);
    let tag = last.rsplit_once(':').map(|(_, tag)| tag);
    let policy = doc
        .get(visit.node, "imagePullPolicy")
        .and_then(|p| doc.scalar(p));
    let message = match tag {
        None => msg::image_without_tag(image, default_policy(policy)),
        Some("latest") => msg::image_latest(image, default_policy(policy)),
        Some(_) => return,
    };
    let message = message.render(cx.locale);
    out.push(
        Diagnostic::warning(Code::ImageLatest, doc.node(node).range, message)
            .at(visit.path.key("image")),
    );
}

fn default_policy(policy: Option<&str>) -> Arg {
    match policy {
        None => msg::pull_policy_defaults_always().into(),
        Some(_) => Arg::from(""),
    }
}
