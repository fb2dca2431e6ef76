//! Rules of the pod spec as a whole: names unique across all its containers, DNS settings, namespaces
//! shared with the node, and `status` written into a manifest.
//!
//! | rule | code | upstream (Kubernetes v1.35 `pkg/apis/core/validation/validation.go`) |
//! |---|---|---|
//! | container names unique across init, regular and ephemeral containers | `duplicate-name` | `validateInitContainers`, `validateContainers`, `validateEphemeralContainers` |
//! | at most 3 nameservers, 32 search domains (6 where the target has `ExpandedDNSConfig` off: 1.25) | `out-of-range` | `validatePodDNSConfig` (`MaxDNSSearchPathsLegacy`, `MaxDNSSearchPathsExpanded`) |
//! | `dnsPolicy: None` needs a nameserver | `conflicting-fields` | `validatePodDNSConfig` |
//! | `shareProcessNamespace` with `hostPID` | `conflicting-fields` | `validatePodSpecSecurityContext` |
//! | a Pod being created names no `nodeName` while it has `schedulingGates` | `conflicting-fields` | `ValidatePodCreate` |
//! | scheduling gate names unique | `duplicate-name` | `validateSchedulingGates` |
//! | `hostUsers: false` with `hostNetwork`, `hostPID` or `hostIPC` | `conflicting-fields` | `validateHostUsers` |
//! | `status` in a manifest | `status-field` | none: the API server ignores it on create; podls warns |

use super::super::code::Code;
use super::super::context::{Context, Rule, Visit, stricter_note};
use super::super::diagnostic::Diagnostic;
use super::super::fields::{Unique, boolean, containers, entry, named, text};
use crate::analysis::fixes::remove_entry;
use crate::analysis::versions::max_items_at;
use crate::messages::rules as msg;

pub(super) const RULES: &[Rule] = &[
    Rule {
        on: &["PodSpec"],
        check: unique_container_names,
    },
    Rule {
        on: &["PodSpec"],
        check: dns,
    },
    Rule {
        on: &["PodSpec"],
        check: shared_namespaces,
    },
    Rule {
        on: &["PodSpec"],
        check: scheduling_gates,
    },
    Rule {
        on: &["Pod"],
        check: status,
    },
];

fn unique_container_names(cx: &Context, visit: &Visit, out: &mut Vec<Diagnostic>) {
    if visit.is_null() {
        return;
    }
    let mut seen = Unique::new(msg::container_name(), msg::container_names_unique()).renamed(63);
    for container in containers(cx.doc, visit.node) {
        if let Some(name) = named(cx.doc, container.node, "name") {
            seen.add(cx, name, || container.path(visit.path, &["name"]), out);
        }
    }
}

fn dns(cx: &Context, visit: &Visit, out: &mut Vec<Diagnostic>) {
    if visit.is_null() {
        return;
    }
    let doc = cx.doc;
    let spec = visit.node;
    if let Some((_, config)) = entry(doc, spec, "dnsConfig") {
        for (field, max) in [("nameservers", 3), ("searches", 32)] {
            if let Some((key, list)) = entry(doc, config, field) {
                // The target's limit: 6 search domains while `ExpandedDNSConfig` is off (the table's
                // `whileGateOff`), said with the version's rule.
                let known = cx
                    .schema
                    .type_def("PodDNSConfig")
                    .and_then(|def| def.field(field));
                let max = known.map_or(max, |f| max_items_at(cx.schema, f, cx.kubernetes, max));
                let note = known.and_then(|f| stricter_note(cx, f)).unwrap_or_default();
                let count = doc.items(list).len();
                if count > max {
                    out.push(
                        Diagnostic::error(
                            Code::OutOfRange,
                            doc.node(key).range,
                            msg::dns_config_too_many(field, max, count).render(cx.locale) + &note,
                        )
                        .at(visit.path.keys(&["dnsConfig", field])),
                    );
                }
            }
        }
    }
    if text(doc, spec, "dnsPolicy") == Some("None") && cx.complete {
        let nameservers = entry(doc, spec, "dnsConfig")
            .and_then(|(_, config)| entry(doc, config, "nameservers"))
            .map_or(0, |(_, list)| doc.items(list).len());
        if nameservers == 0 {
            let (key, _) = entry(doc, spec, "dnsPolicy").expect("read above");
            out.push(
                Diagnostic::error(
                    Code::ConflictingFields,
                    doc.node(key).range,
                    msg::dns_none_needs_nameserver().render(cx.locale),
                )
                .at(visit.path.key("dnsPolicy")),
            );
        }
    }
}

fn shared_namespaces(cx: &Context, visit: &Visit, out: &mut Vec<Diagnostic>) {
    if visit.is_null() {
        return;
    }
    let doc = cx.doc;
    let spec = visit.node;
    // A user namespace of its own cannot be combined with the node's other namespaces.
    if boolean(doc, spec, "hostUsers") == Some(false) {
        for field in ["hostNetwork", "hostPID", "hostIPC"] {
            if boolean(doc, spec, field) != Some(true) {
                continue;
            }
            let (key, _) = entry(doc, spec, field).expect("read above");
            out.push(
                Diagnostic::error(
                    Code::ConflictingFields,
                    doc.node(key).range,
                    msg::host_namespace_with_user_namespace(field).render(cx.locale),
                )
                .at(visit.path.key(field))
                .with_fixes(remove_entry(cx.locale, cx.text, doc, spec, key, false)),
            );
        }
    }
    if boolean(doc, spec, "shareProcessNamespace") == Some(true)
        && boolean(doc, spec, "hostPID") == Some(true)
    {
        let (key, _) = entry(doc, spec, "shareProcessNamespace").expect("read above");
        let (host_pid, _) = entry(doc, spec, "hostPID").expect("read above");
        let remove = |k| remove_entry(cx.locale, cx.text, doc, spec, k, false);
        out.push(
            Diagnostic::error(
                Code::ConflictingFields,
                doc.node(key).range,
                msg::share_process_namespace_and_host_pid().render(cx.locale),
            )
            .at(visit.path.key("shareProcessNamespace"))
            .with_fixes(remove(key).into_iter().chain(remove(host_pid))),
        );
    }
}

/// Each gate once; and a Pod is bound to its node by the scheduler once its gates are cleared: created
/// bound, it would skip them. A template's pods get their node later, so only a Pod being created is held
/// to that.
fn scheduling_gates(cx: &Context, visit: &Visit, out: &mut Vec<Diagnostic>) {
    if visit.is_null() {
        return;
    }
    let doc = cx.doc;
    let spec = visit.node;
    let gates = entry(doc, spec, "schedulingGates").map(|(_, l)| doc.items(l));
    let mut seen = Unique::new(msg::scheduling_gate(), msg::scheduling_gates_unique());
    for (i, &gate) in gates.iter().flat_map(|g| g.iter()).enumerate() {
        if let Some(name) = named(doc, gate, "name") {
            let path = || visit.path.key("schedulingGates").index(i).key("name");
            seen.add(cx, name, path, out);
        }
    }
    let gated = gates.is_some_and(|g| !g.is_empty());
    let node = text(doc, spec, "nodeName").filter(|n| !n.is_empty());
    if let (true, Some(_), false) = (gated, node, cx.site.is_template()) {
        let (key, _) = entry(doc, spec, "nodeName").expect("read above");
        out.push(
            Diagnostic::error(
                Code::ConflictingFields,
                doc.node(key).range,
                msg::node_name_while_gated().render(cx.locale),
            )
            .at(visit.path.key("nodeName"))
            .with_fixes(remove_entry(cx.locale, cx.text, doc, spec, key, false)),
        );
    }
}

fn status(cx: &Context, visit: &Visit, out: &mut Vec<Diagnostic>) {
    if visit.is_null() {
        return;
    }
    if let Some((key, _)) = cx
        .doc
        .entries(visit.node)
        .iter()
        .find(|(k, _)| cx.doc.scalar(*k) == Some("status"))
    {
        let status_fix = remove_entry(cx.locale, cx.text, cx.doc, visit.node, *key, true);
        out.push(
            Diagnostic::warning(
                Code::StatusField,
                cx.doc.node(*key).range,
                msg::status_in_manifest().render(cx.locale),
            )
            .at(visit.path.key("status"))
            .with_fixes(status_fix),
        );
    }
}

#[cfg(test)]
mod tests {
    use expect_test::expect;

    use crate::analysis::diagnostics::tests::check;

    #[test]
    fn gates_once_and_unbound_and_a_user_namespace_alone() {
        let pod = |spec: &str| {
            format!(
                "apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\nspec:\n{spec}  containers:\n  - name: c\n    image: nginx:1\n"
            )
        };
        check(
            &pod("  nodeName: n1\n  schedulingGates: []\n"),
            expect![[""]],
        );
        check(
            &pod("  nodeName: n1\n  schedulingGates:\n  - name: example.com/quota\n"),
            expect![[r#"
                6:3-6:11 error[conflicting-fields] spec.nodeName: a Pod with `schedulingGates` cannot be created with a `nodeName`: it is bound to a node only once its gates are cleared
            "#]],
        );
        check(
            &pod("  schedulingGates:\n  - name: example.com/quota\n  - name: example.com/quota\n"),
            expect![[r#"
                8:11-8:28 error[duplicate-name] spec.schedulingGates[1].name: duplicate scheduling gate `example.com/quota`: each scheduling gate is listed once
            "#]],
        );
        check(
            &pod("  hostUsers: false\n  hostNetwork: true\n  hostPID: true\n  hostIPC: false\n"),
            expect![[r#"
                7:3-7:14 error[conflicting-fields] spec.hostNetwork: `hostNetwork: true` cannot be set with `hostUsers: false`: a Pod in its own user namespace shares no other namespace with the node
                8:3-8:10 error[conflicting-fields] spec.hostPID: `hostPID: true` cannot be set with `hostUsers: false`: a Pod in its own user namespace shares no other namespace with the node
            "#]],
        );
        // A template's pods are bound later: not a create of a Pod.
        check(
            "apiVersion: v1\nkind: PodTemplate\nmetadata:\n  name: t\ntemplate:\n  spec:\n    nodeName: n1\n    schedulingGates:\n    - name: example.com/quota\n    containers:\n    - name: c\n      image: nginx:1\n",
            expect![[""]],
        );
    }

    #[test]
    fn references() {
        check(
            r#"apiVersion: v1
kind: Pod
metadata:
  name: a
spec:
  initContainers:
  - name: web
    image: busybox:1
  containers:
  - name: web
    image: nginx:1
    ports:
    - name: http
      containerPort: 80
    - name: http
      containerPort: 81
    volumeMounts:
    - name: data
      mountPath: /data
    - name: cache
      mountPath: /data
    livenessProbe:
      httpGet:
        port: metrics
  ephemeralContainers:
  - name: debug
    image: busybox:1
    targetContainerName: nope
  volumes:
  - name: data
    emptyDir: {}
  - name: data
    emptyDir: {}
"#,
            expect![[r#"
                10:11-10:14 error[duplicate-name] spec.containers[0].name: duplicate container name `web`: container names must be unique across initContainers, containers and ephemeralContainers
                15:13-15:17 error[duplicate-name] spec.containers[0].ports[1].name: duplicate port name `http`: port names must be unique within a container
                20:13-20:18 error[unresolved-reference] spec.containers[0].volumeMounts[1].name: no volume named `cache` in `spec.volumes` (declared: `data`)
                21:18-21:23 error[duplicate-name] spec.containers[0].volumeMounts[1].mountPath: duplicate mountPath `/data`: each volumeMount of a container needs its own mountPath
                24:15-24:22 warning[unresolved-reference] spec.containers[0].livenessProbe.httpGet.port: the container declares no port named `metrics` (declared: `http`): the API server accepts the Pod, but the kubelet cannot resolve the name and the probe fails at run time
                25:3-25:22 error[forbidden-field] spec.ephemeralContainers: `ephemeralContainers` cannot be set when a Pod is created: they are added to a running Pod (`kubectl debug`)
                28:26-28:30 error[unresolved-reference] spec.ephemeralContainers[0].targetContainerName: `targetContainerName` `nope` names no container or init container of this Pod
                32:11-32:15 error[duplicate-name] spec.volumes[1].name: duplicate volume name `data`: volume names must be unique in a Pod
            "#]],
        );
    }
}
