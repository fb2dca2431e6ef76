//! The deprecated seccomp and AppArmor annotations of a Pod against its `seccompProfile` and
//! `appArmorProfile` fields: where both are written they must say the same, and an AppArmor annotation must
//! name a container of the pod and a profile in the annotation's format.
//!
//! | rule | code | upstream (Kubernetes v1.35 `pkg/apis/core/validation/validation.go`) |
//! |---|---|---|
//! | `container.apparmor.security.beta.kubernetes.io/<name>` names a container, its value empty, `runtime/default`, `unconfined` or `localhost/…` (a Pod's or a template's) | `unresolved-reference`, `invalid-value` | `ValidateAppArmorPodAnnotations` (`ValidatePodSpecificAnnotations`) |
//! | a created Pod's seccomp annotations agree with the `seccompProfile` fields they sit beside | `conflicting-fields` | `validateSeccompAnnotationsAndFields` (`ValidatePodCreate`) |
//! | a created Pod's AppArmor annotation agrees with the container's `appArmorProfile` (its own, else the pod's); not for Windows pods | `conflicting-fields` | `validateAppArmorAnnotationsAndFieldsMatchOnCreate` (`ValidatePodCreate`) |

use super::super::code::Code;
use super::super::context::{Context, Rule, Visit};
use super::super::diagnostic::Diagnostic;
use super::super::fields::{containers, entry, named, text};
use crate::messages::rules as msg;
use crate::syntax::{Document, NodeId};

pub(super) const RULES: &[Rule] = &[Rule {
    on: &["PodSpec"],
    check: profile_annotations,
}];

const SECCOMP_POD: &str = "seccomp.security.alpha.kubernetes.io/pod";
const SECCOMP_CONTAINER: &str = "container.seccomp.security.alpha.kubernetes.io/";
const APPARMOR_CONTAINER: &str = "container.apparmor.security.beta.kubernetes.io/";

/// The profile field of `owner`'s security context (`seccompProfile`, `appArmorProfile`): its node, type
/// and `localhostProfile`.
fn profile<'a>(
    doc: &'a Document,
    owner: NodeId,
    field: &str,
) -> Option<(NodeId, &'a str, Option<&'a str>)> {
    let context = entry(doc, owner, "securityContext")?.1;
    let profile = entry(doc, context, field)?.1;
    Some((
        profile,
        text(doc, profile, "type")?,
        text(doc, profile, "localhostProfile"),
    ))
}

/// Whether an annotation value says what the profile fields say (`…AnnotationsAndFieldsMatch`).
fn agrees(annotation: &str, kind: &str, localhost: Option<&str>, default_names: &[&str]) -> bool {
    match kind {
        "Unconfined" => annotation == "unconfined",
        "RuntimeDefault" => default_names.contains(&annotation),
        "Localhost" => annotation
            .strip_prefix("localhost/")
            .is_some_and(|p| Some(p) == localhost),
        _ => true,
    }
}

fn profile_annotations(cx: &Context, visit: &Visit, out: &mut Vec<Diagnostic>) {
    if visit.is_null() {
        return;
    }
    let doc = cx.doc;
    let Some(metadata) = cx.site.metadata.map(|m| doc.resolve(m)) else {
        return;
    };
    let Some((_, annotations)) = entry(doc, metadata, "annotations") else {
        return;
    };
    let all = containers(doc, visit.node);
    let names: Vec<&str> = all
        .iter()
        .filter_map(|c| named(doc, c.node, "name").and_then(|n| doc.scalar(n)))
        .collect();
    let own = |container: &str| {
        all.iter()
            .find(|c| text(doc, c.node, "name") == Some(container))
            .map(|c| c.node)
    };
    let annotation_path = |key: &str| cx.site.prefix.keys(&["metadata", "annotations", key]);
    let creating = !cx.site.is_template();
    let windows = cx
        .site
        .spec_field(doc, "os")
        .and_then(|os| text(doc, os, "name"))
        == Some("windows");
    let pod_apparmor = profile(doc, visit.node, "appArmorProfile");
    for &(key, value) in doc.entries(annotations) {
        let (Some(name), Some(annotation)) = (doc.scalar(key), doc.scalar(value)) else {
            continue;
        };
        let mismatch = |at: NodeId, what: &str| {
            Diagnostic::error(
                Code::ConflictingFields,
                doc.node(value).range,
                msg::annotation_disagrees(name, what).render(cx.locale),
            )
            .related(doc.node(at).range, msg::set_here(what).render(cx.locale))
            .at(annotation_path(name))
        };
        // The pod or container whose `seccompProfile` a seccomp annotation speaks for (`None` inside: the
        // container it names is not there).
        let seccomp_owner = if name == SECCOMP_POD {
            Some(Some(visit.node))
        } else {
            name.strip_prefix(SECCOMP_CONTAINER).map(own)
        };
        if let Some(owner) = seccomp_owner {
            let field = owner.and_then(|node| profile(doc, node, "seccompProfile"));
            if let (true, Some((at, kind, localhost))) = (creating, field) {
                if !agrees(
                    annotation,
                    kind,
                    localhost,
                    &["runtime/default", "docker/default"],
                ) {
                    out.push(mismatch(at, "securityContext.seccompProfile"));
                }
            }
        } else if let Some(container) = name.strip_prefix(APPARMOR_CONTAINER) {
            let format_ok = annotation.is_empty()
                || annotation == "runtime/default"
                || annotation == "unconfined"
                || annotation.starts_with("localhost/");
            if !names.contains(&container) {
                out.push(
                    Diagnostic::error(
                        Code::UnresolvedReference,
                        doc.node(key).range,
                        msg::apparmor_annotation_no_container(container).render(cx.locale),
                    )
                    .at(annotation_path(name)),
                );
            } else if !format_ok {
                out.push(
                    Diagnostic::error(
                        Code::InvalidValue,
                        doc.node(value).range,
                        msg::apparmor_annotation_format(annotation).render(cx.locale),
                    )
                    .at(annotation_path(name)),
                );
            } else if creating && !windows {
                let field = own(container)
                    .and_then(|node| profile(doc, node, "appArmorProfile"))
                    .or(pod_apparmor);
                if let Some((at, kind, localhost)) = field {
                    if !agrees(annotation, kind, localhost, &["runtime/default"]) {
                        out.push(mismatch(at, "securityContext.appArmorProfile"));
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use expect_test::expect;

    use crate::analysis::diagnostics::tests::check;

    #[test]
    fn annotations_agree_with_the_profile_fields() {
        let pod = |annotations: &str| {
            format!(
                "apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\n  annotations:\n{annotations}spec:\n  securityContext:\n    seccompProfile: {{type: RuntimeDefault}}\n  containers:\n  - name: app\n    image: nginx:1\n    securityContext:\n      appArmorProfile: {{type: Localhost, localhostProfile: deny-write}}\n"
            )
        };
        check(
            &pod(
                "    seccomp.security.alpha.kubernetes.io/pod: runtime/default\n    container.apparmor.security.beta.kubernetes.io/app: localhost/deny-write\n",
            ),
            expect![[""]],
        );
        check(
            &pod(
                "    seccomp.security.alpha.kubernetes.io/pod: unconfined\n    container.apparmor.security.beta.kubernetes.io/app: localhost/other\n    container.apparmor.security.beta.kubernetes.io/web: runtime/default\n",
            ),
            expect![[r#"
                6:47-6:57 error[conflicting-fields] metadata.annotations.seccomp.security.alpha.kubernetes.io/pod: the annotation `seccomp.security.alpha.kubernetes.io/pod` says another profile than `securityContext.seccompProfile`: where both are written they must agree (the annotation is deprecated; keep the field)
                7:57-7:72 error[conflicting-fields] metadata.annotations.container.apparmor.security.beta.kubernetes.io/app: the annotation `container.apparmor.security.beta.kubernetes.io/app` says another profile than `securityContext.appArmorProfile`: where both are written they must agree (the annotation is deprecated; keep the field)
                8:5-8:55 error[unresolved-reference] metadata.annotations.container.apparmor.security.beta.kubernetes.io/web: this AppArmor annotation names the container `web`, which the pod does not have
            "#]],
        );
        check(
            &pod("    container.apparmor.security.beta.kubernetes.io/app: enforce\n"),
            expect![[r#"
                6:57-6:64 error[invalid-value] metadata.annotations.container.apparmor.security.beta.kubernetes.io/app: `enforce` is no AppArmor profile: write `runtime/default`, `unconfined` or `localhost/<profile>`
            "#]],
        );
    }
}
