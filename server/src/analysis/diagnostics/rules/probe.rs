//! Rules of probes and lifecycle handlers: exactly one action, what liveness, startup and readiness probes
//! may set, a named port the container declares, and a sleep that ends within the grace period.
//!
//! | rule | code | upstream (Kubernetes v1.35 `pkg/apis/core/validation/validation.go`) |
//! |---|---|---|
//! | a probe has exactly one of exec, httpGet, tcpSocket, grpc | `conflicting-fields` | `validateProbe` (`validateHandler`) |
//! | a lifecycle handler has exactly one of exec, httpGet, tcpSocket, sleep | `conflicting-fields` | `validateLifecycle` (`validateHandler`) |
//! | liveness and startup probes: `successThreshold` 1 | `conflicting-fields` | `validateLivenessProbe`, `validateStartupProbe` |
//! | a readiness probe sets no `terminationGracePeriodSeconds` | `conflicting-fields` | `validateReadinessProbe` |
//! | a probe's or lifecycle handler's named port is declared by the container (a warning: `validateHTTPGetAction` / `validateTCPSocketAction` check only the name's format, `ValidatePortNumOrName`) | `unresolved-reference` | none: the kubelet fails the handler (`resolvePort` in `pkg/kubelet/lifecycle`, `pkg/kubelet/prober`); podls reports it |
//! | `sleep.seconds` within `terminationGracePeriodSeconds` | `conflicting-fields` | `validateSleepAction` |

use super::super::code::Code;
use super::super::context::{Context, Rule, Visit, conflict};
use super::super::diagnostic::Diagnostic;
use super::super::fields::exactly_one_of_type;
use super::super::fields::{as_integer, containers, entry, integer, known};
use crate::analysis::fixes::{remove_entry, rename_choices};
use crate::analysis::names::index::{NameKind, Scope};
use crate::analysis::scalar::{Scalar, scalar};
use crate::messages::{Message, fixes, rules as msg};
use crate::syntax::PathSegment;

pub(super) const RULES: &[Rule] = &[
    Rule {
        on: &["PodSpec"],
        check: named_ports,
    },
    Rule {
        on: &["Probe"],
        check: probe,
    },
    Rule {
        on: &["LifecycleHandler"],
        check: lifecycle_handler,
    },
    Rule {
        on: &["SleepAction"],
        check: sleep_within_grace_period,
    },
];

fn probe(cx: &Context, visit: &Visit, out: &mut Vec<Diagnostic>) {
    if visit.is_null() {
        return;
    }
    exactly_one_of_type(cx, visit, msg::a_probe(), out);
    let Some(PathSegment::Key(kind)) = visit.path.last() else {
        return;
    };
    match kind.as_str() {
        "livenessProbe" | "startupProbe" => {
            if let Some(n) = integer(cx.doc, visit.node, "successThreshold").filter(|n| *n != 1) {
                let (key, value) =
                    entry(cx.doc, visit.node, "successThreshold").expect("read above");
                out.push(
                    conflict(cx, visit, key, msg::success_threshold_one(kind, n)).fix(
                        fixes::change_to(1).render(cx.locale),
                        vec![(cx.doc.node(value).range, "1".into())],
                        true,
                    ),
                );
            }
        }
        "readinessProbe" => {
            if let Some((key, _)) = entry(cx.doc, visit.node, "terminationGracePeriodSeconds") {
                out.push(
                    conflict(cx, visit, key, msg::readiness_no_grace_period()).with_fixes(
                        remove_entry(cx.locale, cx.text, cx.doc, visit.node, key, true),
                    ),
                );
            }
        }
        _ => {}
    }
}

fn lifecycle_handler(cx: &Context, visit: &Visit, out: &mut Vec<Diagnostic>) {
    if visit.is_null() {
        return;
    }
    exactly_one_of_type(cx, visit, msg::a_lifecycle_handler(), out);
}

/// Where a container's handlers sit: its probes, and the kubelet resolves its lifecycle hooks' ports alike.
const HANDLERS: [&[&str]; 5] = [
    &["livenessProbe"],
    &["readinessProbe"],
    &["startupProbe"],
    &["lifecycle", "postStart"],
    &["lifecycle", "preStop"],
];

/// `httpGet.port` / `tcpSocket.port` given as a name must be one of the container's port names; the fixes
/// name a declared one, the closest first.
fn named_ports(cx: &Context, visit: &Visit, out: &mut Vec<Diagnostic>) {
    if visit.is_null() || !cx.complete || !cx.names_read_from(visit.node) {
        return;
    }
    let doc = cx.doc;
    for container in containers(doc, visit.node) {
        // Read only when a port is given by name (most are numbers).
        let mut port_names = None;
        for keys in HANDLERS {
            let Some(handler) = keys
                .iter()
                .try_fold(container.node, |node, key| doc.get(node, key))
            else {
                continue;
            };
            for action in ["httpGet", "tcpSocket"] {
                let Some(port) = doc.get(handler, action).and_then(|a| doc.get(a, "port")) else {
                    continue;
                };
                let Some(Scalar::Str(name)) = scalar(doc, port) else {
                    continue;
                };
                if name.is_empty() || name.bytes().all(|b| b.is_ascii_digit()) {
                    continue;
                }
                let port_names = port_names.get_or_insert_with(|| {
                    let scope = Scope::Container(cx.site.owner, container.node);
                    cx.names.declared(NameKind::Port, &scope)
                });
                if port_names.contains(&name) {
                    continue;
                }
                let range = doc.node(port).range;
                let mut path = keys.to_vec();
                path.extend([action, "port"]);
                out.push(
                    Diagnostic::warning(
                        Code::UnresolvedReference,
                        range,
                        msg::unknown_port_name(name, known(port_names), what_fails(keys))
                            .render(cx.locale),
                    )
                    .at(container.path(visit.path, &path))
                    .with_fixes(rename_choices(
                        cx.locale,
                        cx.source(port),
                        range,
                        port_names,
                        true,
                    )),
                );
            }
        }
    }
}

/// What the kubelet runs with the port: a probe, or a lifecycle hook (`lifecycle.postStart`, `preStop`).
fn what_fails(keys: &[&str]) -> Message {
    if keys.first() == Some(&"lifecycle") {
        msg::the_hook()
    } else {
        msg::the_probe()
    }
}

/// The kubelet kills the container when `terminationGracePeriodSeconds` (30 by default) runs out.
fn sleep_within_grace_period(cx: &Context, visit: &Visit, out: &mut Vec<Diagnostic>) {
    if visit.is_null() {
        return;
    }
    let Some((key, value)) = entry(cx.doc, visit.node, "seconds") else {
        return;
    };
    let Some(Scalar::Int(seconds)) = scalar(cx.doc, value) else {
        return;
    };
    let grace = as_integer(cx.doc, cx.spec_field("terminationGracePeriodSeconds")).unwrap_or(30);
    if seconds > grace {
        out.push(conflict(
            cx,
            visit,
            key,
            msg::sleep_beyond_grace(seconds, grace),
        ));
    }
}

#[cfg(test)]
mod tests {
    use expect_test::expect;

    use crate::analysis::diagnostics::tests::check;

    #[test]
    fn sleep_hooks_end_within_the_grace_period() {
        check(
            "apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\nspec:\n  containers:\n  - name: c\n    image: nginx:1\n    lifecycle:\n      preStop:\n        sleep:\n          seconds: 45\n",
            expect![[r#"
            12:11-12:18 error[conflicting-fields] spec.containers[0].lifecycle.preStop.sleep.seconds: `sleep.seconds` (45) must not exceed the pod's `terminationGracePeriodSeconds` (30): the container is killed before the sleep ends
        "#]],
        );
        check(
            "apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\nspec:\n  terminationGracePeriodSeconds: 60\n  containers:\n  - name: c\n    image: nginx:1\n    lifecycle:\n      preStop:\n        sleep:\n          seconds: 45\n",
            expect![[""]],
        );
    }

    #[test]
    fn a_named_port_the_container_does_not_declare_fails_at_run_time() {
        // A warning, not an error: the API server accepts the Pod. Declared names and numbers are fine.
        check(
            "apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\nspec:\n  containers:\n  - name: c\n    image: nginx:1\n    ports:\n    - name: http\n      containerPort: 80\n    readinessProbe:\n      httpGet:\n        port: http\n    livenessProbe:\n      tcpSocket:\n        port: 80\n    lifecycle:\n      preStop:\n        httpGet:\n          port: htp\n",
            expect![[r#"
                21:17-21:20 warning[unresolved-reference] spec.containers[0].lifecycle.preStop.httpGet.port: the container declares no port named `htp` (declared: `http`): the API server accepts the Pod, but the kubelet cannot resolve the name and the hook fails at run time
            "#]],
        );
    }
}
