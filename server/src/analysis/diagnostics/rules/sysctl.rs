//! Rules of the pod's `securityContext.sysctls`: each name in the sysctl format and set once; a namespaced
//! `net.*` sysctl cannot be set with `hostNetwork: true` nor an IPC one with `hostIPC: true`: the pod then
//! shares the node's namespace.
//!
//! | rule | code | upstream (Kubernetes v1.35 `pkg/apis/core/validation/validation.go`) |
//! |---|---|---|
//! | the sysctl name format | `invalid-name` | `validateSysctls` (`IsValidSysctlName`) |
//! | each sysctl once | `duplicate-name` | `validateSysctls` |
//! | no namespaced sysctl in a namespace shared with the node | `conflicting-fields` | `ValidateHostSysctl` |

use super::super::code::Code;
use super::super::context::{Context, Rule, Visit};
use super::super::diagnostic::Diagnostic;
use super::super::fields::{Unique, boolean, text};
use crate::messages::rules as msg;

pub(super) const RULES: &[Rule] = &[Rule {
    on: &["PodSecurityContext"],
    check,
}];

const MAX_LENGTH: usize = 253;

fn check(cx: &Context, visit: &Visit, out: &mut Vec<Diagnostic>) {
    if visit.is_null() {
        return;
    }
    let doc = cx.doc;
    let Some(sysctls) = doc.get(visit.node, "sysctls") else {
        return;
    };
    let spec = cx.site.spec;
    let host = |field| spec.and_then(|s| boolean(doc, s, field)) == Some(true);
    let (host_network, host_ipc) = (host("hostNetwork"), host("hostIPC"));
    let mut seen = Unique::new(msg::sysctl(), msg::sysctl_once());
    for (i, sysctl) in doc.items(sysctls).iter().enumerate() {
        let (Some(name), Some(node)) = (text(doc, *sysctl, "name"), doc.get(*sysctl, "name"))
        else {
            continue;
        };
        let path = visit.path.key("sysctls").index(i).key("name");
        let range = doc.node(node).range;
        if !is_sysctl_name(name) {
            out.push(
                Diagnostic::error(
                    Code::InvalidName,
                    range,
                    msg::invalid_sysctl_name(name, MAX_LENGTH).render(cx.locale),
                )
                .at(path.clone()),
            );
            continue;
        }
        seen.add(cx, node, || path.clone(), out);
        let conflict = match namespace(name) {
            Some(Namespace::Net) if host_network => Some("hostNetwork"),
            Some(Namespace::Ipc) if host_ipc => Some("hostIPC"),
            _ => None,
        };
        if let Some(field) = conflict {
            out.push(
                Diagnostic::error(
                    Code::ConflictingFields,
                    range,
                    msg::namespaced_sysctl(name, field).render(cx.locale),
                )
                .at(path.clone()),
            );
        }
    }
}

/// `^([a-z0-9]([-_a-z0-9]*[a-z0-9])?[\./])*[a-z0-9]([-_a-z0-9]*[a-z0-9])?$`, at most 253 characters.
fn is_sysctl_name(name: &str) -> bool {
    name.len() <= MAX_LENGTH
        && name.split(['.', '/']).all(|part| {
            let bytes = part.as_bytes();
            !bytes.is_empty()
                && bytes
                    .iter()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b"-_".contains(b))
                && bytes[0].is_ascii_alphanumeric()
                && bytes[bytes.len() - 1].is_ascii_alphanumeric()
        })
}

enum Namespace {
    Net,
    Ipc,
}

/// The kernel namespace a sysctl belongs to (`utilsysctl.GetNamespace`); `net/ipv4/ip_forward` is read as
/// `net.ipv4.ip_forward`.
fn namespace(name: &str) -> Option<Namespace> {
    let name = name.replace('/', ".");
    if name.starts_with("net.") {
        Some(Namespace::Net)
    } else if name == "kernel.sem"
        || ["kernel.shm", "kernel.msg", "fs.mqueue."]
            .iter()
            .any(|p| name.starts_with(p))
    {
        Some(Namespace::Ipc)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use expect_test::expect;

    use crate::analysis::diagnostics::tests::check;

    #[test]
    fn sysctls() {
        check(
            "apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\nspec:\n  securityContext:\n    sysctls:\n    - name: net.ipv4.ip_local_port_range\n      value: \"1024 65535\"\n    - name: kernel/shm_rmid_forced\n      value: \"1\"\n  containers:\n  - name: c\n    image: nginx:1\n",
            expect![[""]],
        );
        check(
            "apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\nspec:\n  hostNetwork: true\n  hostIPC: true\n  securityContext:\n    sysctls:\n    - name: net.core.somaxconn\n      value: \"1024\"\n    - name: kernel.shm_rmid_forced\n      value: \"1\"\n    - name: fs.mqueue.msg_max\n      value: \"10\"\n    - name: Net.Core..x\n      value: \"1\"\n    - name: kernel.shm_rmid_forced\n      value: \"0\"\n  containers:\n  - name: c\n    image: nginx:1\n",
            expect![[r#"
            10:13-10:31 error[conflicting-fields] spec.securityContext.sysctls[0].name: sysctl `net.core.somaxconn` is namespaced and cannot be set with `hostNetwork: true` (the pod shares the node's namespace); remove it or `hostNetwork`
            12:13-12:35 error[conflicting-fields] spec.securityContext.sysctls[1].name: sysctl `kernel.shm_rmid_forced` is namespaced and cannot be set with `hostIPC: true` (the pod shares the node's namespace); remove it or `hostIPC`
            14:13-14:30 error[conflicting-fields] spec.securityContext.sysctls[2].name: sysctl `fs.mqueue.msg_max` is namespaced and cannot be set with `hostIPC: true` (the pod shares the node's namespace); remove it or `hostIPC`
            16:13-16:24 error[invalid-name] spec.securityContext.sysctls[3].name: invalid sysctl name `Net.Core..x`: must be at most 253 characters of `.`- or `/`-separated parts of lowercase letters, digits, `-` and `_`, each starting and ending with a letter or digit
            18:13-18:35 error[duplicate-name] spec.securityContext.sysctls[4].name: duplicate sysctl `kernel.shm_rmid_forced`: each sysctl may be set once
            18:13-18:35 error[conflicting-fields] spec.securityContext.sysctls[4].name: sysctl `kernel.shm_rmid_forced` is namespaced and cannot be set with `hostIPC: true` (the pod shares the node's namespace); remove it or `hostIPC`
        "#]],
        );
    }
}
