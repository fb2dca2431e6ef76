//! Rules of security contexts: privilege escalation, `procMount`, seccomp and AppArmor profiles, and the
//! fields a pod's `spec.os.name` rules out.
//!
//! | rule | code | upstream (Kubernetes v1.35 `pkg/apis/core/validation/validation.go`) |
//! |---|---|---|
//! | `allowPrivilegeEscalation: false` with `privileged: true` or `CAP_SYS_ADMIN` | `conflicting-fields` | `ValidateSecurityContext` |
//! | `procMount: Unmasked` needs `spec.hostUsers: false` | `conflicting-fields` | `ValidateSecurityContext` (`validateProcMount`) |
//! | `localhostProfile` exactly with `type: Localhost` | `conflicting-fields` | `validateSeccompProfileField`, `ValidateAppArmorProfileField` |
//! | a Windows pod sets no Linux-only field (the table's `linuxOnly`) | `conflicting-fields` | `validateWindows` |
//! | a Linux pod sets no Windows-only field (`windowsOnly`) | `conflicting-fields` | `validateLinux` |

use super::super::context::{Context, Rule, Visit, conflict};
use super::super::diagnostic::Diagnostic;
use super::super::fields::{as_boolean, boolean, entry, text};
use crate::messages::{Message, rules as msg};
use crate::schema::Field;
use crate::syntax::FieldPath;

pub(super) const RULES: &[Rule] = &[
    Rule {
        on: &["SecurityContext"],
        check: escalation_and_proc_mount,
    },
    Rule {
        on: &["SeccompProfile", "AppArmorProfile"],
        check: localhost_profile,
    },
    Rule {
        on: OS_SPECIFIC_TYPES,
        check: os_specific_fields,
    },
];

fn escalation_and_proc_mount(cx: &Context, visit: &Visit, out: &mut Vec<Diagnostic>) {
    if visit.is_null() {
        return;
    }
    let privileged = boolean(cx.doc, visit.node, "privileged") == Some(true);
    let no_escalation = boolean(cx.doc, visit.node, "allowPrivilegeEscalation") == Some(false);
    if privileged && no_escalation {
        if let Some((key, _)) = entry(cx.doc, visit.node, "allowPrivilegeEscalation") {
            out.push(conflict(cx, visit, key, msg::privileged_escalation()));
        }
    }
    // CAP_SYS_ADMIN implies escalation.
    let sys_admin = entry(cx.doc, visit.node, "capabilities")
        .and_then(|(_, caps)| entry(cx.doc, caps, "add"))
        .is_some_and(|(_, add)| {
            cx.doc
                .items(add)
                .iter()
                .any(|&c| cx.doc.scalar(c) == Some("CAP_SYS_ADMIN"))
        });
    if sys_admin && no_escalation {
        if let Some((key, _)) = entry(cx.doc, visit.node, "allowPrivilegeEscalation") {
            out.push(conflict(cx, visit, key, msg::sys_admin_escalation()));
        }
    }
    // Unmasked only in a user namespace (`hostUsers: false`).
    if text(cx.doc, visit.node, "procMount") == Some("Unmasked") {
        let host_users = as_boolean(cx.doc, cx.spec_field("hostUsers"));
        if host_users != Some(false) {
            if let Some((key, _)) = entry(cx.doc, visit.node, "procMount") {
                let message = msg::unmasked_needs_user_namespace(cx.site.spec_path(&["hostUsers"]));
                out.push(conflict(cx, visit, key, message));
            }
        }
    }
}

fn localhost_profile(cx: &Context, visit: &Visit, out: &mut Vec<Diagnostic>) {
    if visit.is_null() {
        return;
    }
    let localhost = text(cx.doc, visit.node, "type") == Some("Localhost");
    match entry(cx.doc, visit.node, "localhostProfile") {
        None if localhost => out.push(conflict(
            cx,
            visit,
            visit.key.unwrap_or(visit.node),
            msg::localhost_needs_profile(),
        )),
        Some((key, _)) if !localhost => {
            out.push(conflict(cx, visit, key, msg::profile_needs_localhost()))
        }
        _ => {}
    }
}

/// The types with `linuxOnly` / `windowsOnly` fields (a test keeps this in step with the table).
const OS_SPECIFIC_TYPES: &[&str] = &["PodSecurityContext", "SecurityContext", "PodSpec"];

fn os_specific_fields(cx: &Context, visit: &Visit, out: &mut Vec<Diagnostic>) {
    if visit.is_null() {
        return;
    }
    let Some(os) = cx.spec_field("os").and_then(|os| text(cx.doc, os, "name")) else {
        return;
    };
    // The table's `linuxOnly` / `windowsOnly` fields of this type.
    type Says = fn(&str, &str, FieldPath) -> Message;
    let (forbidden, rule): (fn(&Field) -> bool, Says) = match os {
        "windows" => (|f| f.linux_only, |f, os, p| msg::linux_only(f, os, p)),
        "linux" => (|f| f.windows_only, |f, os, p| msg::windows_only(f, os, p)),
        _ => return,
    };
    let Some(def) = visit.def else {
        return;
    };
    for field in def.fields.iter().filter(|f| forbidden(f)) {
        let field = field.name.as_str();
        if let Some((key, _)) = entry(cx.doc, visit.node, field) {
            out.push(conflict(
                cx,
                visit,
                key,
                rule(field, os, cx.site.spec_path(&["os", "name"])),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use expect_test::expect;

    use super::OS_SPECIFIC_TYPES;
    use crate::analysis::diagnostics::tests::check;
    use crate::schema::Schema;

    #[test]
    fn runs_on_every_type_with_os_specific_fields() {
        for def in Schema::embedded().types() {
            let specific = def.fields.iter().any(|f| f.linux_only || f.windows_only);
            assert_eq!(
                specific,
                OS_SPECIFIC_TYPES.contains(&def.name.as_str()),
                "{}",
                def.name
            );
        }
    }

    #[test]
    fn security_context_escalation_and_proc_mount() {
        check(
            "apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\nspec:\n  containers:\n  - name: c\n    image: nginx:1\n    securityContext:\n      allowPrivilegeEscalation: false\n      procMount: Unmasked\n      capabilities:\n        add: [CAP_SYS_ADMIN]\n",
            expect![[r#"
            10:7-10:31 error[conflicting-fields] spec.containers[0].securityContext.allowPrivilegeEscalation: `allowPrivilegeEscalation: false` cannot be combined with adding `CAP_SYS_ADMIN` (that capability allows escalation)
            11:7-11:16 error[conflicting-fields] spec.containers[0].securityContext.procMount: `procMount: Unmasked` requires `spec.hostUsers: false` (the pod must run in its own user namespace)
        "#]],
        );
        check(
            "apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\nspec:\n  hostUsers: false\n  containers:\n  - name: c\n    image: nginx:1\n    securityContext:\n      allowPrivilegeEscalation: false\n      procMount: Unmasked\n      capabilities:\n        add: [NET_ADMIN]\n",
            expect![[""]],
        );
    }

    #[test]
    fn os_specific_security_fields() {
        check(
            "apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\nspec:\n  os:\n    name: windows\n  hostUsers: false\n  securityContext:\n    fsGroup: 1000\n    runAsNonRoot: true\n    windowsOptions:\n      runAsUserName: ContainerUser\n  containers:\n  - name: c\n    image: mcr.microsoft.com/windows/nanoserver:ltsc2022\n    securityContext:\n      privileged: false\n      capabilities:\n        drop: [ALL]\n",
            expect![[r#"
            8:3-8:12 error[conflicting-fields] spec.hostUsers: `hostUsers` is Linux-only and cannot be set for a pod with `os.name: windows`; remove it or change `spec.os.name`
            10:5-10:12 error[conflicting-fields] spec.securityContext.fsGroup: `fsGroup` is Linux-only and cannot be set for a pod with `os.name: windows`; remove it or change `spec.os.name`
            18:7-18:17 error[conflicting-fields] spec.containers[0].securityContext.privileged: `privileged` is Linux-only and cannot be set for a pod with `os.name: windows`; remove it or change `spec.os.name`
            19:7-19:19 error[conflicting-fields] spec.containers[0].securityContext.capabilities: `capabilities` is Linux-only and cannot be set for a pod with `os.name: windows`; remove it or change `spec.os.name`
        "#]],
        );
        check(
            "apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\nspec:\n  os:\n    name: linux\n  securityContext:\n    runAsNonRoot: true\n    windowsOptions:\n      runAsUserName: ContainerUser\n  containers:\n  - name: c\n    image: nginx:1\n    securityContext:\n      privileged: false\n      windowsOptions:\n        hostProcess: false\n",
            expect![[r#"
            10:5-10:19 error[conflicting-fields] spec.securityContext.windowsOptions: `windowsOptions` is Windows-only and cannot be set for a pod with `os.name: linux`; remove it or change `spec.os.name`
            17:7-17:21 error[conflicting-fields] spec.containers[0].securityContext.windowsOptions: `windowsOptions` is Windows-only and cannot be set for a pod with `os.name: linux`; remove it or change `spec.os.name`
        "#]],
        );
        check(
            "apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\nspec:\n  securityContext:\n    fsGroup: 1000\n    windowsOptions:\n      runAsUserName: ContainerUser\n  containers:\n  - name: c\n    image: nginx:1\n",
            expect![[""]],
        );
    }
}
