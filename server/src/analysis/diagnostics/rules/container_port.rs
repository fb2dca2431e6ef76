//! Rules of container ports: names unique within a container, host ports with `hostNetwork`, and a node
//! port bound once per pod.
//!
//! | rule | code | upstream (Kubernetes v1.35 `pkg/apis/core/validation/validation.go`) |
//! |---|---|---|
//! | port names unique within a container | `duplicate-name` | `validateContainerPorts` |
//! | with `hostNetwork: true` a hostPort equals its containerPort | `conflicting-fields` | `validatePodHostNetworkDeps` |
//! | `protocol/hostIP/hostPort` unique across the regular containers | `duplicate-name` | `AccumulateUniqueHostPorts` (`checkHostPortConflicts`) |

use super::super::code::Code;
use super::super::context::{Context, Rule, Visit};
use super::super::diagnostic::Diagnostic;
use super::super::fields::{Unique, boolean, containers, entry, integer, named, text};
use crate::messages::rules as msg;
use crate::syntax::NodeId;

pub(super) const RULES: &[Rule] = &[
    Rule {
        on: &["PodSpec"],
        check: unique_port_names,
    },
    Rule {
        on: &["PodSpec"],
        check: host_network_ports,
    },
    Rule {
        on: &["PodSpec"],
        check: unique_host_ports,
    },
];

fn unique_port_names(cx: &Context, visit: &Visit, out: &mut Vec<Diagnostic>) {
    if visit.is_null() {
        return;
    }
    let doc = cx.doc;
    for container in containers(doc, visit.node) {
        let mut ports = Unique::new(msg::port_name(), msg::port_names_unique()).renamed(15);
        let Some(list) = doc.get(container.node, "ports") else {
            continue;
        };
        for (i, port) in doc.items(list).iter().enumerate() {
            if let Some(name) = named(doc, *port, "name") {
                let path = || container.path(visit.path, &["ports"]).index(i).key("name");
                ports.add(cx, name, path, out);
            }
        }
    }
}

fn host_network_ports(cx: &Context, visit: &Visit, out: &mut Vec<Diagnostic>) {
    if visit.is_null() || boolean(cx.doc, visit.node, "hostNetwork") != Some(true) {
        return;
    }
    let doc = cx.doc;
    for container in containers(doc, visit.node) {
        let Some(ports) = doc.get(container.node, "ports") else {
            continue;
        };
        for (i, port) in doc.items(ports).iter().enumerate() {
            let (Some(host), Some(container_port)) = (
                integer(doc, *port, "hostPort"),
                integer(doc, *port, "containerPort"),
            ) else {
                continue;
            };
            if host != container_port {
                let (key, value) = entry(doc, *port, "hostPort").expect("read above");
                out.push(
                    Diagnostic::error(
                        Code::ConflictingFields,
                        doc.node(key).range,
                        msg::host_network_host_port(container_port, host).render(cx.locale),
                    )
                    .at(container
                        .path(visit.path, &["ports"])
                        .index(i)
                        .key("hostPort"))
                    .fix(
                        msg::change_host_port(container_port).render(cx.locale),
                        vec![(doc.node(value).range, container_port.to_string())],
                        true,
                    ),
                );
            }
        }
    }
}

/// Two containers cannot bind the same port of the node.
fn unique_host_ports(cx: &Context, visit: &Visit, out: &mut Vec<Diagnostic>) {
    if visit.is_null() {
        return;
    }
    let doc = cx.doc;
    let mut seen: Vec<(String, NodeId)> = Vec::new();
    for container in containers(doc, visit.node) {
        if container.list != "containers" {
            continue;
        }
        let Some((_, ports)) = entry(doc, container.node, "ports") else {
            continue;
        };
        for (i, port) in doc.items(ports).iter().enumerate() {
            let Some(host_port) = integer(doc, *port, "hostPort").filter(|p| *p != 0) else {
                continue;
            };
            let protocol = text(doc, *port, "protocol").unwrap_or("TCP");
            let host_ip = text(doc, *port, "hostIP").unwrap_or("");
            let id = format!("{protocol}/{host_ip}/{host_port}");
            let (key, _) = entry(doc, *port, "hostPort").expect("read above");
            if let Some((_, earlier)) = seen.iter().find(|(other, _)| *other == id) {
                out.push(
                    Diagnostic::error(
                        Code::DuplicateName,
                        doc.node(key).range,
                        msg::host_port_taken(host_port, protocol).render(cx.locale),
                    )
                    .related(
                        doc.node(*earlier).range,
                        msg::first_bound_here().render(cx.locale),
                    )
                    .at(container
                        .path(visit.path, &["ports"])
                        .index(i)
                        .key("hostPort")),
                );
            } else {
                seen.push((id, key));
            }
        }
    }
}
