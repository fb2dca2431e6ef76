//! `conflicting-fields`: fields that cannot go together, or a one-of with the wrong count — env `value` with
//! `valueFrom`, a probe or lifecycle handler without exactly one action, more than one volume source,
//! hostNetwork with a different hostPort, requests above limits, probes on a plain init container,
//! `dnsPolicy: None` without nameservers, toleration and topology-spread combinations (k8s-facts §3).

use super::references::containers;
use super::value::{Scalar, scalar};
use super::walk::Visit;
use super::{Context, Diagnostic, parse_quantity};
use crate::syntax::{Document, NodeId, PathSegment};

pub(super) fn check(cx: &Context, visit: &Visit, out: &mut Vec<Diagnostic>) {
    if visit.is_null() {
        return;
    }
    let Some(type_name) = visit.object() else {
        return;
    };
    match type_name {
        "EnvVar" => env_var(cx, visit, out),
        "EnvVarSource" => exactly_one(
            cx,
            visit,
            &[
                "fieldRef",
                "resourceFieldRef",
                "configMapKeyRef",
                "secretKeyRef",
                "fileKeyRef",
            ],
            "`valueFrom`",
            out,
        ),
        "EnvFromSource" => exactly_one(
            cx,
            visit,
            &["configMapRef", "secretRef"],
            "an `envFrom` entry",
            out,
        ),
        "Probe" => {
            exactly_one(
                cx,
                visit,
                &["exec", "httpGet", "tcpSocket", "grpc"],
                "a probe",
                out,
            );
            probe_kind(cx, visit, out);
        }
        "LifecycleHandler" => exactly_one(
            cx,
            visit,
            &["exec", "httpGet", "tcpSocket", "sleep"],
            "a lifecycle handler",
            out,
        ),
        "Volume" => at_most_one_source(cx, visit, out),
        "SleepAction" => sleep_within_grace_period(cx, visit, out),
        "VolumeProjection" => {
            let options: Vec<&str> = cx
                .schema
                .type_def("VolumeProjection")
                .map(|def| def.fields.iter().map(|f| f.name.as_str()).collect())
                .unwrap_or_default();
            exactly_one(cx, visit, &options, "a projected volume source", out);
        }
        "Toleration" => toleration(cx, visit, out),
        "PodAffinityTerm" => match_label_keys(cx, visit, out),
        "TopologySpreadConstraint" => {
            match_label_keys(cx, visit, out);
            if let Some((key, _)) = entry(cx.doc, visit.node, "minDomains") {
                let when = text(cx.doc, visit.node, "whenUnsatisfiable");
                if when.is_some_and(|w| w != "DoNotSchedule") {
                    out.push(conflict(
                        cx,
                        visit,
                        key,
                        "`minDomains` may only be set with `whenUnsatisfiable: DoNotSchedule`",
                    ));
                }
            }
        }
        "SecurityContext" => {
            let privileged = boolean(cx.doc, visit.node, "privileged") == Some(true);
            if privileged && boolean(cx.doc, visit.node, "allowPrivilegeEscalation") == Some(false)
            {
                if let Some((key, _)) = entry(cx.doc, visit.node, "allowPrivilegeEscalation") {
                    out.push(conflict(cx, visit, key, "`allowPrivilegeEscalation: false` cannot be combined with `privileged: true` (a privileged container can always escalate)"));
                }
            }
            // ValidateSecurityContext: CAP_SYS_ADMIN implies escalation.
            let sys_admin = entry(cx.doc, visit.node, "capabilities")
                .and_then(|(_, caps)| entry(cx.doc, caps, "add"))
                .is_some_and(|(_, add)| {
                    cx.doc
                        .items(add)
                        .iter()
                        .any(|&c| cx.doc.scalar(c) == Some("CAP_SYS_ADMIN"))
                });
            if sys_admin && boolean(cx.doc, visit.node, "allowPrivilegeEscalation") == Some(false) {
                if let Some((key, _)) = entry(cx.doc, visit.node, "allowPrivilegeEscalation") {
                    out.push(conflict(cx, visit, key, "`allowPrivilegeEscalation: false` cannot be combined with adding `CAP_SYS_ADMIN` (that capability allows escalation)"));
                }
            }
            // procMount: Unmasked only in a user namespace (`hostUsers: false`).
            if text(cx.doc, visit.node, "procMount") == Some("Unmasked") {
                let host_users =
                    cx.doc
                        .get_path(&["spec", "hostUsers"])
                        .and_then(|v| match scalar(cx.doc, v) {
                            Some(Scalar::Bool(b)) => Some(b),
                            _ => None,
                        });
                if host_users != Some(false) {
                    if let Some((key, _)) = entry(cx.doc, visit.node, "procMount") {
                        out.push(conflict(cx, visit, key, "`procMount: Unmasked` requires `spec.hostUsers: false` (the pod must run in its own user namespace)"));
                    }
                }
            }
        }
        "VolumeMount" if text(cx.doc, visit.node, "subPath").is_some_and(|s| !s.is_empty()) => {
            if let Some((key, _)) = entry(cx.doc, visit.node, "subPathExpr") {
                out.push(conflict(
                    cx,
                    visit,
                    key,
                    "`subPath` and `subPathExpr` are mutually exclusive",
                ));
            }
        }
        "SeccompProfile" | "AppArmorProfile" => {
            let localhost = text(cx.doc, visit.node, "type") == Some("Localhost");
            match entry(cx.doc, visit.node, "localhostProfile") {
                None if localhost => out.push(conflict(
                    cx,
                    visit,
                    visit.key.unwrap_or(visit.node),
                    "`type: Localhost` requires `localhostProfile`",
                )),
                Some((key, _)) if !localhost => out.push(conflict(
                    cx,
                    visit,
                    key,
                    "`localhostProfile` may only be set with `type: Localhost`",
                )),
                _ => {}
            }
        }
        "NodeSelectorRequirement" | "LabelSelectorRequirement" => {
            selector_requirement(cx, visit, out)
        }
        "ResourceRequirements" => requests_within_limits(cx, visit, out),
        "PodSpec" => pod_spec(cx, visit, out),
        _ => {}
    }
}

pub(super) fn conflict(cx: &Context, visit: &Visit, at: NodeId, message: &str) -> Diagnostic {
    let mut path = visit.path.clone();
    if let Some(name) = cx.doc.scalar(at).filter(|_| Some(at) != visit.key) {
        path.push(PathSegment::Key(name.to_string()));
    }
    Diagnostic::error(
        "conflicting-fields",
        cx.doc.node(at).range,
        message.to_string(),
    )
    .at(&path)
}

/// A value the API server rejects unless an alpha feature gate (off by default) is on.
pub(super) fn alpha_feature(
    cx: &Context,
    at: NodeId,
    path: Vec<PathSegment>,
    what: &str,
    gate: &str,
    otherwise: Option<&str>,
) -> Diagnostic {
    let otherwise = otherwise.map(|o| format!("; {o}")).unwrap_or_default();
    Diagnostic::warning(
        "alpha-feature",
        cx.doc.node(at).range,
        format!("{what} needs the alpha feature gate {gate} (Kubernetes 1.35+); clusters without it reject the Pod{otherwise}"),
    )
    .at(&path)
}

/// The (key, value) of a field written with a non-null value.
pub(super) fn entry(doc: &Document, mapping: NodeId, name: &str) -> Option<(NodeId, NodeId)> {
    doc.entries(mapping)
        .iter()
        .find(|(k, v)| {
            doc.scalar(*k) == Some(name) && !matches!(scalar(doc, *v), Some(Scalar::Null))
        })
        .copied()
}

pub(super) fn text<'a>(doc: &'a Document, mapping: NodeId, name: &str) -> Option<&'a str> {
    match scalar(doc, entry(doc, mapping, name)?.1)? {
        Scalar::Str(s) => Some(s),
        _ => None,
    }
}

pub(super) fn boolean(doc: &Document, mapping: NodeId, name: &str) -> Option<bool> {
    match scalar(doc, entry(doc, mapping, name)?.1)? {
        Scalar::Bool(b) => Some(b),
        _ => None,
    }
}

pub(super) fn integer(doc: &Document, mapping: NodeId, name: &str) -> Option<i128> {
    match scalar(doc, entry(doc, mapping, name)?.1)? {
        Scalar::Int(i) => Some(i),
        _ => None,
    }
}

fn list(options: &[&str]) -> String {
    super::one_of(options)
}

fn exactly_one(
    cx: &Context,
    visit: &Visit,
    options: &[&str],
    what: &str,
    out: &mut Vec<Diagnostic>,
) {
    let found: Vec<NodeId> = options
        .iter()
        .filter_map(|o| entry(cx.doc, visit.node, o).map(|(k, _)| k))
        .collect();
    match found.as_slice() {
        [] => {
            if cx.complete {
                out.push(
                    Diagnostic::error(
                        "conflicting-fields",
                        visit.anchor(cx),
                        format!("{what} needs exactly one of {}; none is set", list(options)),
                    )
                    .at(&visit.path),
                );
            }
        }
        [_] => {}
        [first, rest @ ..] => {
            for key in rest {
                let name = cx.doc.scalar(*key).unwrap_or_default();
                let first_name = cx.doc.scalar(*first).unwrap_or_default();
                out.push(
                    conflict(cx, visit, *key, &format!("{what} takes exactly one of {}; `{first_name}` is already set, so remove `{name}` or `{first_name}`", list(options)))
                        .related(cx.doc.node(*first).range, format!("`{first_name}` set here")),
                );
            }
        }
    }
}

fn env_var(cx: &Context, visit: &Visit, out: &mut Vec<Diagnostic>) {
    let value = text(cx.doc, visit.node, "value").is_some_and(|v| !v.is_empty());
    if let (true, Some((key, _))) = (value, entry(cx.doc, visit.node, "valueFrom")) {
        let mut diagnostic = conflict(
            cx,
            visit,
            key,
            "`value` and `valueFrom` are mutually exclusive: keep one",
        );
        if let Some((value_key, _)) = entry(cx.doc, visit.node, "value") {
            diagnostic = diagnostic.related(cx.doc.node(value_key).range, "`value` set here");
        }
        out.push(diagnostic);
    }
}

fn at_most_one_source(cx: &Context, visit: &Visit, out: &mut Vec<Diagnostic>) {
    let sources: Vec<NodeId> = cx
        .doc
        .entries(visit.node)
        .iter()
        .filter(|(k, v)| {
            let name = cx.doc.scalar(*k).unwrap_or_default();
            name != "name"
                && !matches!(scalar(cx.doc, *v), Some(Scalar::Null))
                && cx
                    .schema
                    .type_def("Volume")
                    .is_some_and(|d| d.field(name).is_some())
        })
        .map(|(k, _)| *k)
        .collect();
    if let [first, rest @ ..] = sources.as_slice() {
        let first_name = cx.doc.scalar(*first).unwrap_or_default();
        for key in rest {
            out.push(
                conflict(cx, visit, *key, &format!("a volume may not specify more than one volume type; `{first_name}` is already set"))
                    .related(cx.doc.node(*first).range, format!("`{first_name}` set here")),
            );
        }
    }
}

fn probe_kind(cx: &Context, visit: &Visit, out: &mut Vec<Diagnostic>) {
    let Some(PathSegment::Key(kind)) = visit.path.last() else {
        return;
    };
    match kind.as_str() {
        "livenessProbe" | "startupProbe" => {
            if let Some(n) = integer(cx.doc, visit.node, "successThreshold").filter(|n| *n != 1) {
                let (key, _) = entry(cx.doc, visit.node, "successThreshold").expect("read above");
                out.push(conflict(
                    cx,
                    visit,
                    key,
                    &format!("`successThreshold` of a {kind} must be 1, found {n}"),
                ));
            }
        }
        "readinessProbe" => {
            if let Some((key, _)) = entry(cx.doc, visit.node, "terminationGracePeriodSeconds") {
                out.push(conflict(
                    cx,
                    visit,
                    key,
                    "a readinessProbe may not set `terminationGracePeriodSeconds`",
                ));
            }
        }
        _ => {}
    }
}

fn toleration(cx: &Context, visit: &Visit, out: &mut Vec<Diagnostic>) {
    let doc = cx.doc;
    let operator = text(doc, visit.node, "operator").unwrap_or("Equal");
    let key_empty = text(doc, visit.node, "key").is_none_or(str::is_empty);
    if key_empty && operator != "Exists" {
        if let Some((op_key, _)) =
            entry(doc, visit.node, "operator").or(entry(doc, visit.node, "value"))
        {
            out.push(conflict(cx, visit, op_key, "a toleration without `key` must use `operator: Exists` (it then tolerates every taint)"));
        }
    }
    if operator == "Exists" {
        if let Some((key, v)) = entry(doc, visit.node, "value") {
            if doc.scalar(v).is_some_and(|s| !s.is_empty()) {
                out.push(conflict(
                    cx,
                    visit,
                    key,
                    "`value` must be empty when `operator` is `Exists`",
                ));
            }
        }
    }
    if matches!(operator, "Gt" | "Lt") {
        if let Some((key, _)) = entry(doc, visit.node, "operator") {
            out.push(alpha_feature(
                cx,
                key,
                visit.child(PathSegment::Key("operator".into())),
                &format!("operator `{operator}`"),
                "TaintTolerationComparisonOperators",
                None,
            ));
        }
    }
    if let Some((key, _)) = entry(doc, visit.node, "tolerationSeconds") {
        let effect = text(doc, visit.node, "effect").unwrap_or("");
        if effect != "NoExecute" {
            out.push(conflict(
                cx,
                visit,
                key,
                "`tolerationSeconds` is only allowed with `effect: NoExecute`",
            ));
        }
    }
}

fn selector_requirement(cx: &Context, visit: &Visit, out: &mut Vec<Diagnostic>) {
    let doc = cx.doc;
    let Some((op_key, _)) = entry(doc, visit.node, "operator") else {
        return;
    };
    let operator = text(doc, visit.node, "operator").unwrap_or("");
    let values = entry(doc, visit.node, "values").map_or(0, |(_, v)| doc.items(v).len());
    let problem = match operator {
        "In" | "NotIn" if values == 0 => Some(format!(
            "operator `{operator}` needs at least one value in `values`"
        )),
        "Exists" | "DoesNotExist" if values > 0 => {
            Some(format!("operator `{operator}` takes no `values`"))
        }
        "Gt" | "Lt" if values != 1 => Some(format!(
            "operator `{operator}` needs exactly one integer in `values`"
        )),
        _ => None,
    };
    if let Some(problem) = problem {
        out.push(conflict(cx, visit, op_key, &problem));
    }
}

fn requests_within_limits(cx: &Context, visit: &Visit, out: &mut Vec<Diagnostic>) {
    let doc = cx.doc;
    let Some((_, requests)) = entry(doc, visit.node, "requests") else {
        return;
    };
    let limits = entry(doc, visit.node, "limits").map(|(_, l)| l);
    for &(key, request) in doc.entries(requests) {
        let name = doc.scalar(key).unwrap_or_default();
        let Some(request_value) = quantity(doc, request) else {
            continue;
        };
        let limit = limits.and_then(|l| doc.get(l, name));
        let limit_value = limit.and_then(|l| quantity(doc, l));
        let mut path = visit.path.clone();
        path.extend([
            PathSegment::Key("requests".into()),
            PathSegment::Key(name.to_string()),
        ]);
        let source = |id: NodeId| cx.source(id).trim().to_string();
        if let (Some(limit), Some(limit_value)) = (limit, limit_value) {
            let exact = name.starts_with("hugepages-") || name.contains('/');
            let problem = if request_value > limit_value * (1.0 + 1e-12) {
                Some(format!(
                    "the {name} request ({}) is above its limit ({}); a request must be less than or equal to the limit",
                    source(request),
                    source(limit)
                ))
            } else if exact && (request_value - limit_value).abs() > limit_value * 1e-12 {
                Some(format!(
                    "`{name}` cannot be overcommitted: its request ({}) must equal its limit ({})",
                    source(request),
                    source(limit)
                ))
            } else {
                None
            };
            if let Some(message) = problem {
                out.push(
                    Diagnostic::error("conflicting-fields", doc.node(request).range, message)
                        .related(doc.node(limit).range, format!("{name} limit"))
                        .at(&path),
                );
            }
        } else if cx.complete && (name.starts_with("hugepages-") || name.contains('/')) {
            out.push(
                Diagnostic::error(
                    "conflicting-fields",
                    doc.node(key).range,
                    format!("`{name}` cannot be overcommitted: set a limit equal to the request"),
                )
                .at(&path),
            );
        }
    }
}

fn quantity(doc: &Document, node: NodeId) -> Option<f64> {
    match scalar(doc, node)? {
        Scalar::Int(i) => Some(i as f64),
        Scalar::Float(f) => Some(f),
        Scalar::Str(s) => parse_quantity(s).ok(),
        _ => None,
    }
}

const EPHEMERAL_FORBIDDEN: [&str; 7] = [
    "ports",
    "resources",
    "lifecycle",
    "livenessProbe",
    "readinessProbe",
    "startupProbe",
    "resizePolicy",
];

fn pod_spec(cx: &Context, visit: &Visit, out: &mut Vec<Diagnostic>) {
    let doc = cx.doc;
    let spec = visit.node;
    let key_path = |rest: &[PathSegment]| {
        let mut path = visit.path.clone();
        path.extend_from_slice(rest);
        path
    };
    let containers = containers(doc, spec);
    let host_network = boolean(doc, spec, "hostNetwork") == Some(true);
    for (list, index, container) in &containers {
        let at = |rest: &[&str]| {
            let mut segments = vec![
                PathSegment::Key(list.to_string()),
                PathSegment::Index(*index),
            ];
            segments.extend(rest.iter().map(|s| PathSegment::Key(s.to_string())));
            key_path(&segments)
        };
        if host_network {
            if let Some(ports) = doc.get(*container, "ports") {
                for port in doc.items(ports) {
                    let (Some(host), Some(container_port)) = (
                        integer(doc, *port, "hostPort"),
                        integer(doc, *port, "containerPort"),
                    ) else {
                        continue;
                    };
                    if host != container_port {
                        let (key, _) = entry(doc, *port, "hostPort").expect("read above");
                        out.push(
                            Diagnostic::error(
                                "conflicting-fields",
                                doc.node(key).range,
                                format!("with `hostNetwork: true` the hostPort must equal the containerPort ({container_port}), found {host}"),
                            )
                            .at(&at(&["ports", "hostPort"])),
                        );
                    }
                }
            }
        }
        if *list == "initContainers" && text(doc, *container, "restartPolicy") != Some("Always") {
            for field in [
                "lifecycle",
                "livenessProbe",
                "readinessProbe",
                "startupProbe",
            ] {
                if let Some((key, _)) = entry(doc, *container, field) {
                    out.push(
                        Diagnostic::error(
                            "conflicting-fields",
                            doc.node(key).range,
                            format!("an init container may not set `{field}` unless it is a sidecar (`restartPolicy: Always`)"),
                        )
                        .at(&at(&[field])),
                    );
                }
            }
        }
        if *list == "ephemeralContainers" {
            for field in EPHEMERAL_FORBIDDEN {
                if let Some((key, _)) = entry(doc, *container, field) {
                    out.push(
                        Diagnostic::error(
                            "conflicting-fields",
                            doc.node(key).range,
                            format!("ephemeral containers may not set `{field}`"),
                        )
                        .at(&at(&[field])),
                    );
                }
            }
        }
    }
    host_ports(cx, visit, &containers, out);
    ephemeral_claims(cx, visit, out);
    let has_os = entry(doc, spec, "os")
        .and_then(|(_, os)| text(doc, os, "name"))
        .is_some();
    for (list, index, container) in &containers {
        let at = |rest: &[PathSegment]| {
            let mut segments = vec![
                PathSegment::Key(list.to_string()),
                PathSegment::Index(*index),
            ];
            segments.extend_from_slice(rest);
            key_path(&segments)
        };
        if let Some((_, lifecycle)) = entry(doc, *container, "lifecycle") {
            if let (Some((key, _)), false) = (entry(doc, lifecycle, "stopSignal"), has_os) {
                out.push(
                    Diagnostic::error(
                        "conflicting-fields",
                        doc.node(key).range,
                        "`lifecycle.stopSignal` requires `spec.os.name` to be set",
                    )
                    .at(&at(&[
                        PathSegment::Key("lifecycle".into()),
                        PathSegment::Key("stopSignal".into()),
                    ])),
                );
            }
        }
        let privileged = entry(doc, *container, "securityContext")
            .and_then(|(_, sc)| boolean(doc, sc, "privileged"))
            == Some(true);
        let Some((_, mounts)) = entry(doc, *container, "volumeMounts") else {
            continue;
        };
        for (i, mount) in doc.items(mounts).iter().enumerate() {
            let mount_path = |field: &str| {
                at(&[
                    PathSegment::Key("volumeMounts".into()),
                    PathSegment::Index(i),
                    PathSegment::Key(field.into()),
                ])
            };
            if text(doc, *mount, "mountPropagation") == Some("Bidirectional") && !privileged {
                let (key, _) = entry(doc, *mount, "mountPropagation").expect("read above");
                out.push(
                    Diagnostic::error(
                        "conflicting-fields",
                        doc.node(key).range,
                        "`mountPropagation: Bidirectional` is only allowed in a privileged container (`securityContext.privileged: true`)",
                    )
                    .at(&mount_path("mountPropagation")),
                );
            }
            let recursive = text(doc, *mount, "recursiveReadOnly");
            if recursive.is_some_and(|r| r != "Disabled")
                && boolean(doc, *mount, "readOnly") != Some(true)
            {
                let (key, _) = entry(doc, *mount, "recursiveReadOnly").expect("read above");
                out.push(
                    Diagnostic::error(
                        "conflicting-fields",
                        doc.node(key).range,
                        "`recursiveReadOnly` other than `Disabled` requires `readOnly: true`",
                    )
                    .at(&mount_path("recursiveReadOnly")),
                );
            }
        }
    }
    if let Some((_, config)) = entry(doc, spec, "dnsConfig") {
        for (field, max) in [("nameservers", 3), ("searches", 32)] {
            if let Some((key, list)) = entry(doc, config, field) {
                let count = doc.items(list).len();
                if count > max {
                    out.push(
                        Diagnostic::error(
                            "out-of-range",
                            doc.node(key).range,
                            format!(
                                "`dnsConfig.{field}` may list at most {max} entries, found {count}"
                            ),
                        )
                        .at(&key_path(&[
                            PathSegment::Key("dnsConfig".into()),
                            PathSegment::Key(field.into()),
                        ])),
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
                    "conflicting-fields",
                    doc.node(key).range,
                    "`dnsPolicy: None` requires `dnsConfig` with at least one nameserver",
                )
                .at(&key_path(&[PathSegment::Key("dnsPolicy".into())])),
            );
        }
    }
    if boolean(doc, spec, "shareProcessNamespace") == Some(true)
        && boolean(doc, spec, "hostPID") == Some(true)
    {
        let (key, _) = entry(doc, spec, "shareProcessNamespace").expect("read above");
        out.push(
            Diagnostic::error(
                "conflicting-fields",
                doc.node(key).range,
                "`shareProcessNamespace` and `hostPID` cannot both be true",
            )
            .at(&key_path(&[PathSegment::Key(
                "shareProcessNamespace".into(),
            )])),
        );
    }
    if let Some((_, constraints)) = entry(doc, spec, "topologySpreadConstraints") {
        let mut seen: Vec<(&str, &str)> = Vec::new();
        for (i, constraint) in doc.items(constraints).iter().enumerate() {
            let pair = (
                text(doc, *constraint, "topologyKey").unwrap_or(""),
                text(doc, *constraint, "whenUnsatisfiable").unwrap_or(""),
            );
            if pair.0.is_empty() || pair.1.is_empty() {
                continue;
            }
            if seen.contains(&pair) {
                let (key, _) = entry(doc, *constraint, "topologyKey").expect("read above");
                out.push(
                    Diagnostic::error(
                        "conflicting-fields",
                        doc.node(key).range,
                        format!("another topology spread constraint already uses topologyKey `{}` with whenUnsatisfiable `{}`", pair.0, pair.1),
                    )
                    .at(&key_path(&[
                        PathSegment::Key("topologySpreadConstraints".into()),
                        PathSegment::Index(i),
                        PathSegment::Key("topologyKey".into()),
                    ])),
                );
            }
            seen.push(pair);
        }
    }
}

/// `protocol/hostIP/hostPort` must be unique across the regular containers (`AccumulateUniqueHostPorts`,
/// V:3424): two containers cannot bind the same port of the node.
fn host_ports(
    cx: &Context,
    visit: &Visit,
    containers: &[(&'static str, usize, NodeId)],
    out: &mut Vec<Diagnostic>,
) {
    let doc = cx.doc;
    let mut seen: Vec<(String, NodeId)> = Vec::new();
    for (list, index, container) in containers {
        if *list != "containers" {
            continue;
        }
        let Some((_, ports)) = entry(doc, *container, "ports") else {
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
                let mut path = visit.path.clone();
                path.extend([
                    PathSegment::Key("containers".into()),
                    PathSegment::Index(*index),
                    PathSegment::Key("ports".into()),
                    PathSegment::Index(i),
                    PathSegment::Key("hostPort".into()),
                ]);
                out.push(
                    Diagnostic::error(
                        "duplicate-name",
                        doc.node(key).range,
                        format!("hostPort {host_port}/{protocol} is already used by another port of this Pod; each protocol/hostIP/hostPort may be bound once"),
                    )
                    .related(doc.node(*earlier).range, "first bound here")
                    .at(&path),
                );
            } else {
                seen.push((id, key));
            }
        }
    }
}

/// `matchLabelKeys` are merged into `labelSelector` as `<key> In (<the pod's value>)`, so a key the selector
/// already uses (and the pod has as a label) ends up twice (`validateLabelKeysWithSelector`); a key may not
/// also be a `mismatchLabelKeys` entry (`validateMatchLabelKeysAndMismatchLabelKeys`).
fn match_label_keys(cx: &Context, visit: &Visit, out: &mut Vec<Diagnostic>) {
    let doc = cx.doc;
    let Some((_, keys)) = entry(doc, visit.node, "matchLabelKeys") else {
        return;
    };
    let strings = |list: Option<NodeId>, field: Option<&str>| -> Vec<&str> {
        let items = list.map(|l| doc.items(l)).unwrap_or_default();
        items
            .iter()
            .filter_map(|item| match field {
                Some(field) => text(doc, *item, field),
                None => doc.scalar(*item),
            })
            .collect()
    };
    let selector = entry(doc, visit.node, "labelSelector").map(|(_, s)| s);
    let mut selector_keys = strings(
        selector.and_then(|s| doc.get(s, "matchExpressions")),
        Some("key"),
    );
    if let Some(labels) = selector.and_then(|s| doc.get(s, "matchLabels")) {
        selector_keys.extend(
            doc.entries(labels)
                .iter()
                .filter_map(|(k, _)| doc.scalar(*k)),
        );
    }
    let pod_labels = doc.get_path(&["metadata", "labels"]);
    let mismatch = strings(
        entry(doc, visit.node, "mismatchLabelKeys").map(|(_, m)| m),
        None,
    );
    for (i, node) in doc.items(keys).iter().enumerate() {
        let Some(key) = doc.scalar(*node) else {
            continue;
        };
        let merged = pod_labels.is_some_and(|labels| doc.get(labels, key).is_some());
        let problem = if merged && selector_keys.contains(&key) {
            format!(
                "`{key}` is in both `matchLabelKeys` and `labelSelector`: the API server adds `{key} In (<this pod's value>)` to the selector; remove it from one of them"
            )
        } else if mismatch.contains(&key) {
            format!(
                "`{key}` is in both `matchLabelKeys` and `mismatchLabelKeys`; keep it in one of them"
            )
        } else {
            continue;
        };
        out.push(
            Diagnostic::error("conflicting-fields", doc.node(*node).range, problem).at(&visit
                .child_path(&[
                    PathSegment::Key("matchLabelKeys".into()),
                    PathSegment::Index(i),
                ])),
        );
    }
}

/// The PVC of an `ephemeral` volume is named `<pod name>-<volume name>` and owned by the pod; a
/// `persistentVolumeClaim` volume may not name it (`ValidateVolumes`, k8s-facts §3.4).
fn ephemeral_claims(cx: &Context, visit: &Visit, out: &mut Vec<Diagnostic>) {
    let doc = cx.doc;
    let Some(pod) = doc
        .get_path(&["metadata"])
        .and_then(|m| text(doc, m, "name"))
    else {
        return;
    };
    let Some((_, volumes)) = entry(doc, visit.node, "volumes") else {
        return;
    };
    let volumes = doc.items(volumes);
    let ephemeral: Vec<String> = volumes
        .iter()
        .filter(|v| entry(doc, **v, "ephemeral").is_some())
        .filter_map(|v| text(doc, *v, "name"))
        .map(|name| format!("{pod}-{name}"))
        .collect();
    for (i, volume) in volumes.iter().enumerate() {
        let Some((_, claim)) = entry(doc, *volume, "persistentVolumeClaim") else {
            continue;
        };
        let Some(name) = text(doc, claim, "claimName").filter(|n| ephemeral.iter().any(|e| e == n))
        else {
            continue;
        };
        let (_, node) = entry(doc, claim, "claimName").expect("read above");
        out.push(
            Diagnostic::error(
                "conflicting-fields",
                doc.node(node).range,
                format!("`{name}` is the PVC created for an `ephemeral` volume of this pod (`<pod name>-<volume name>`); a `persistentVolumeClaim` volume must name another claim"),
            )
            .at(&visit.child_path(&[
                PathSegment::Key("volumes".into()),
                PathSegment::Index(i),
                PathSegment::Key("persistentVolumeClaim".into()),
                PathSegment::Key("claimName".into()),
            ])),
        );
    }
}

/// A `sleep` hook may not outlast the pod's grace period (`validateSleepAction`): the kubelet kills the
/// container when `terminationGracePeriodSeconds` (30 by default) runs out.
fn sleep_within_grace_period(cx: &Context, visit: &Visit, out: &mut Vec<Diagnostic>) {
    let Some((key, value)) = entry(cx.doc, visit.node, "seconds") else {
        return;
    };
    let Some(Scalar::Int(seconds)) = scalar(cx.doc, value) else {
        return;
    };
    let grace = cx
        .doc
        .get_path(&["spec", "terminationGracePeriodSeconds"])
        .and_then(|v| match scalar(cx.doc, v) {
            Some(Scalar::Int(g)) => Some(g),
            _ => None,
        })
        .unwrap_or(30);
    if seconds > grace {
        out.push(conflict(
            cx,
            visit,
            key,
            &format!("`sleep.seconds` ({seconds}) must not exceed the pod's `terminationGracePeriodSeconds` ({grace}): the container is killed before the sleep ends"),
        ));
    }
}
