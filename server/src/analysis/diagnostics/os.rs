//! `conflicting-fields` from `spec.os.name`: a Windows pod may not set the Linux-only security fields
//! (`validateWindows`), a Linux pod may not set `windowsOptions` (`validateLinux`, V:4842; k8s-facts §3.2).

use super::conflicts::{conflict, entry, text};
use super::walk::Visit;
use super::{Context, Diagnostic};

/// Pod-level fields a Windows pod may not set, by the object that holds them.
const POD_LINUX_ONLY: &[&str] = &[
    "seLinuxOptions",
    "seccompProfile",
    "appArmorProfile",
    "fsGroup",
    "fsGroupChangePolicy",
    "sysctls",
    "runAsGroup",
    "supplementalGroups",
    "supplementalGroupsPolicy",
    "seLinuxChangePolicy",
];
const CONTAINER_LINUX_ONLY: &[&str] = &[
    "seLinuxOptions",
    "seccompProfile",
    "appArmorProfile",
    "capabilities",
    "readOnlyRootFilesystem",
    "privileged",
    "allowPrivilegeEscalation",
    "procMount",
    "runAsGroup",
];
const SPEC_LINUX_ONLY: &[&str] = &["hostUsers"];

pub(super) fn check(cx: &Context, visit: &Visit, out: &mut Vec<Diagnostic>) {
    if visit.is_null() {
        return;
    }
    let Some(os) = cx
        .doc
        .get_path(&["spec", "os"])
        .and_then(|os| text(cx.doc, os, "name"))
    else {
        return;
    };
    let (forbidden, rule): (&[&str], _) = match (os, visit.object()) {
        ("windows", Some("PodSecurityContext")) => (POD_LINUX_ONLY, "is Linux-only"),
        ("windows", Some("SecurityContext")) => (CONTAINER_LINUX_ONLY, "is Linux-only"),
        ("windows", Some("PodSpec")) => (SPEC_LINUX_ONLY, "is Linux-only"),
        ("linux", Some("PodSecurityContext" | "SecurityContext")) => {
            (&["windowsOptions"], "is Windows-only")
        }
        _ => return,
    };
    for field in forbidden {
        if let Some((key, _)) = entry(cx.doc, visit.node, field) {
            out.push(conflict(
                cx,
                visit,
                key,
                &format!("`{field}` {rule} and cannot be set for a pod with `os.name: {os}`; remove it or change `spec.os.name`"),
            ));
        }
    }
}
