//! `securityContext.sysctls` (`validateSysctls`, `ValidateHostSysctl` V:5491; k8s-facts §3.2): each name in
//! the sysctl format (`invalid-name`) and set once (`duplicate-name`); a namespaced `net.*` sysctl cannot be
//! set with `hostNetwork: true` nor an IPC one with `hostIPC: true` (`conflicting-fields`): the pod then
//! shares the node's namespace.

use super::conflicts::{boolean, text};
use super::references::Unique;
use super::walk::Visit;
use super::{Context, Diagnostic};
use crate::syntax::PathSegment;

const MAX_LENGTH: usize = 253;

pub(super) fn check(cx: &Context, visit: &Visit, out: &mut Vec<Diagnostic>) {
    if visit.object() != Some("PodSecurityContext") || visit.is_null() {
        return;
    }
    let doc = cx.doc;
    let Some(sysctls) = doc.get(visit.node, "sysctls") else {
        return;
    };
    let spec = doc.get_path(&["spec"]);
    let host = |field| spec.and_then(|s| boolean(doc, s, field)) == Some(true);
    let (host_network, host_ipc) = (host("hostNetwork"), host("hostIPC"));
    let mut seen = Unique::new("sysctl", "each sysctl may be set once");
    for (i, sysctl) in doc.items(sysctls).iter().enumerate() {
        let (Some(name), Some(node)) = (text(doc, *sysctl, "name"), doc.get(*sysctl, "name"))
        else {
            continue;
        };
        let mut path = visit.child(PathSegment::Key("sysctls".into()));
        path.extend([PathSegment::Index(i), PathSegment::Key("name".into())]);
        let range = doc.node(node).range;
        if !is_sysctl_name(name) {
            out.push(Diagnostic::error(
                "invalid-name",
                range,
                format!("invalid sysctl name `{name}`: must be at most {MAX_LENGTH} characters of `.`- or `/`-separated parts of lowercase letters, digits, `-` and `_`, each starting and ending with a letter or digit"),
            ).at(&path));
            continue;
        }
        seen.add(cx, node, path.clone(), out);
        let conflict = match namespace(name) {
            Some(Namespace::Net) if host_network => Some("hostNetwork"),
            Some(Namespace::Ipc) if host_ipc => Some("hostIPC"),
            _ => None,
        };
        if let Some(field) = conflict {
            out.push(Diagnostic::error(
                "conflicting-fields",
                range,
                format!("sysctl `{name}` is namespaced and cannot be set with `{field}: true` (the pod shares the node's namespace); remove it or `{field}`"),
            ).at(&path));
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
