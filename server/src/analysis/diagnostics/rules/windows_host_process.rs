//! Rules of Windows HostProcess containers: a Pod runs either only HostProcess containers or none, on the
//! node's network, and a container's `hostProcess` agrees with the pod's when both are written.
//!
//! | rule | code | upstream (Kubernetes v1.35 `pkg/apis/core/validation/validation.go`) |
//! |---|---|---|
//! | a container's `windowsOptions.hostProcess` equals the pod's when both are set | `conflicting-fields` | `validateWindowsHostProcessPod` |
//! | if any container is HostProcess (its own setting, or inherited from the pod's), all are | `conflicting-fields` | `validateWindowsHostProcessPod` |
//! | a Pod with HostProcess containers sets `hostNetwork: true` | `conflicting-fields` | `validateWindowsHostProcessPod` |
//!
//! Fixes: set `hostNetwork: true`; make the container HostProcess too; make no container HostProcess (every
//! `hostProcess: true` written becomes `false`); a container's differing setting takes the pod's.

use super::super::code::Code;
use super::super::context::{Context, Rule, Visit};
use super::super::diagnostic::Diagnostic;
use super::super::fields::{boolean, containers, entry};
use crate::analysis::fixes::{Proposal, set_field};
use crate::messages::{fixes, rules as msg};
use crate::syntax::{Document, NodeId};

/// Where a pod spec or a container says `hostProcess`.
const SETTING: [&str; 3] = ["securityContext", "windowsOptions", "hostProcess"];

pub(super) const RULES: &[Rule] = &[Rule {
    on: &["PodSpec"],
    check: host_process,
}];

/// `securityContext.windowsOptions.hostProcess` of a pod spec or a container, with its value's node.
fn setting(doc: &Document, owner: NodeId) -> Option<(NodeId, bool)> {
    let context = entry(doc, owner, "securityContext")?.1;
    let options = entry(doc, context, "windowsOptions")?.1;
    let value = entry(doc, options, "hostProcess")?.1;
    Some((value, boolean(doc, options, "hostProcess")?))
}

fn host_process(cx: &Context, visit: &Visit, out: &mut Vec<Diagnostic>) {
    if visit.is_null() {
        return;
    }
    let doc = cx.doc;
    let pod = setting(doc, visit.node);
    let all = containers(doc, visit.node);
    let mut host_process = Vec::new();
    let mut others = Vec::new();
    // Every `hostProcess: true` written, pod and containers: what "none" turns to `false`.
    let written_true: Vec<NodeId> = std::iter::once(visit.node)
        .chain(all.iter().map(|c| c.node))
        .filter_map(|owner| setting(doc, owner))
        .filter_map(|(at, value)| value.then_some(at))
        .collect();
    let none = || Proposal {
        title: fixes::make_none_host_process().render(cx.locale),
        edits: written_true
            .iter()
            .map(|&at| (doc.node(at).range, "false".to_string()))
            .collect(),
        preferred: false,
    };
    for container in &all {
        let own = setting(doc, container.node);
        if let (Some((_, pod_value)), Some((at, value))) = (pod, own) {
            if pod_value != value {
                let range = doc.node(at).range;
                out.push(
                    Diagnostic::error(
                        Code::ConflictingFields,
                        range,
                        msg::host_process_differs(value, pod_value).render(cx.locale),
                    )
                    .at(container.path(visit.path, &SETTING))
                    .fix(
                        fixes::write(pod_value.to_string()).render(cx.locale),
                        vec![(range, pod_value.to_string())],
                        true,
                    ),
                );
            }
        }
        match own.or(pod) {
            Some((at, true)) => host_process.push(at),
            _ => others.push(container),
        }
    }
    let Some(&first) = host_process.first() else {
        return;
    };
    for container in others {
        let anchor = entry(doc, container.node, "name").map_or(container.node, |(key, _)| key);
        let make = set_field(cx.text, doc, container.node, &SETTING, "true").map(|edit| Proposal {
            title: fixes::make_host_process().render(cx.locale),
            edits: vec![edit],
            preferred: true,
        });
        out.push(
            Diagnostic::error(
                Code::ConflictingFields,
                doc.node(anchor).range,
                msg::all_host_process().render(cx.locale),
            )
            .at(container.path(visit.path, &[]))
            .with_fixes(make.into_iter().chain([none()])),
        );
    }
    if boolean(doc, visit.node, "hostNetwork") != Some(true) {
        let at = entry(doc, visit.node, "hostNetwork").map_or(first, |(_, value)| value);
        let set =
            set_field(cx.text, doc, visit.node, &["hostNetwork"], "true").map(|edit| Proposal {
                title: fixes::set_host_network().render(cx.locale),
                edits: vec![edit],
                preferred: true,
            });
        out.push(
            Diagnostic::error(
                Code::ConflictingFields,
                doc.node(at).range,
                msg::host_process_needs_host_network().render(cx.locale),
            )
            .at(visit.path.key("hostNetwork"))
            .with_fixes(set.into_iter().chain([none()])),
        );
    }
}

#[cfg(test)]
mod tests {
    use expect_test::expect;

    use crate::analysis::diagnostics::tests::check;

    #[test]
    fn host_process_containers_are_all_or_none_and_on_the_host_network() {
        // Inherited from the pod: both containers are HostProcess, on the host network.
        check(
            "apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\nspec:\n  hostNetwork: true\n  securityContext:\n    windowsOptions:\n      hostProcess: true\n      runAsUserName: \"NT AUTHORITY\\\\SYSTEM\"\n  containers:\n  - name: a\n    image: mcr.microsoft.com/windows/nanoserver:ltsc2022\n  - name: b\n    image: mcr.microsoft.com/windows/nanoserver:ltsc2022\n",
            expect![[""]],
        );
        check(
            "apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\nspec:\n  securityContext:\n    windowsOptions:\n      hostProcess: true\n  containers:\n  - name: a\n    image: mcr.microsoft.com/windows/nanoserver:ltsc2022\n  - name: b\n    image: mcr.microsoft.com/windows/nanoserver:ltsc2022\n    securityContext:\n      windowsOptions:\n        hostProcess: false\n",
            expect![[r#"
                8:20-8:24 error[conflicting-fields] spec.hostNetwork: a Pod with HostProcess containers must set `hostNetwork: true`
                12:5-12:9 error[conflicting-fields] spec.containers[1]: the Pod has HostProcess containers, so every container must be one: set `securityContext.windowsOptions.hostProcess: true` here or on the pod
                16:22-16:27 error[conflicting-fields] spec.containers[1].securityContext.windowsOptions.hostProcess: `hostProcess: false` differs from the pod's `securityContext.windowsOptions.hostProcess: true`: when both are set they must be the same
            "#]],
        );
    }
}
