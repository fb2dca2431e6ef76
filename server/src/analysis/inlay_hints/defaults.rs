//! The defaults the API server fills in, as hints: after a key's colon for a field left out (`spec:` gets
//! `restartPolicy: Always`), after the value for a field written empty (`protocol: ""` → `TCP`).
//!
//! | field | default | upstream (pkg/apis/core/v1/defaults.go) |
//! |---|---|---|
//! | `restartPolicy` | `Always` (not for a Job's or CronJob's template, which must choose) | `SetDefaults_PodSpec` |
//! | `dnsPolicy` | `ClusterFirst` | `SetDefaults_PodSpec` |
//! | `terminationGracePeriodSeconds` | `30` | `SetDefaults_PodSpec` |
//! | `imagePullPolicy` | `Always` for `:latest` or no tag, else `IfNotPresent` | `SetDefaults_Container` |
//! | `ports[].protocol` | `TCP` | `SetDefaults_ContainerPort` |
//! | `ports[].hostPort` | the `containerPort`, under `hostNetwork: true` | `defaultHostNetworkPorts` |
//! | probe `timeoutSeconds`, `periodSeconds`, `successThreshold`, `failureThreshold` | 1, 10, 1, 3 | `SetDefaults_Probe` |

use super::{HintKind, InlayHint};
use crate::analysis::diagnostics::fields::{CONTAINER_LISTS, as_boolean, as_integer};
use crate::analysis::fixes::pull_policy_default;
use crate::analysis::pod_sites::PodSite;
use crate::analysis::scalar::{Scalar, scalar};
use crate::analysis::structure::key_of;
use crate::syntax::{Document, NodeId};

const PROBES: [&str; 3] = ["livenessProbe", "readinessProbe", "startupProbe"];

/// A probe's defaults, as `SetDefaults_Probe` fills them in when zero.
const PROBE_DEFAULTS: [(&str, i128); 4] = [
    ("timeoutSeconds", 1),
    ("periodSeconds", 10),
    ("successThreshold", 1),
    ("failureThreshold", 3),
];

pub(super) fn pod(text: &str, doc: &Document, site: &PodSite, out: &mut Vec<InlayHint>) {
    let Some(spec) = site.spec.map(|s| doc.resolve(s)) else {
        return;
    };
    let spec_hints = Hints {
        text,
        doc,
        mapping: spec,
        anchor: site.spec.and_then(|s| key_of(doc, s)),
    };
    // A Job's template must say `OnFailure` or `Never` (its validation refuses the `Always` defaulting
    // would give), so no default is shown there: the diagnostic asks for the choice.
    if !matches!(site.kind, "Job" | "CronJob") {
        spec_hints.string(
            out,
            "restartPolicy",
            "Always",
            "SetDefaults_PodSpec: a pod restarts its containers unless it says otherwise",
        );
    }
    spec_hints.string(
        out,
        "dnsPolicy",
        "ClusterFirst",
        "SetDefaults_PodSpec: names resolve through the cluster's DNS first",
    );
    spec_hints.absent(
        out,
        "terminationGracePeriodSeconds",
        "30",
        "SetDefaults_PodSpec: 30 seconds between SIGTERM and SIGKILL",
    );
    let host_network = as_boolean(doc, doc.get(spec, "hostNetwork")) == Some(true);
    for list in CONTAINER_LISTS {
        let Some(items) = doc.get(spec, list) else {
            continue;
        };
        for &item in doc.items(items) {
            container(
                text,
                doc,
                doc.resolve(item),
                host_network && list != "ephemeralContainers",
                out,
            );
        }
    }
}

fn container(
    text: &str,
    doc: &Document,
    container: NodeId,
    host_network: bool,
    out: &mut Vec<InlayHint>,
) {
    if let Some(image) = doc.get(container, "image") {
        let written = doc.scalar(image).unwrap_or("");
        let policy = pull_policy_default(written);
        let why = match policy {
            "Always" => {
                "SetDefaults_Container: the image's tag is `latest` (no tag and no digest means `latest`), so the kubelet pulls at every start"
            }
            _ => {
                "SetDefaults_Container: the image names a tag other than `latest` or a digest, so the kubelet pulls only when the node lacks it"
            }
        };
        let hints = Hints {
            text,
            doc,
            mapping: container,
            anchor: None,
        };
        hints.unset_or(
            out,
            "imagePullPolicy",
            policy,
            why,
            doc.node(image).range.end,
        );
    }
    if let Some(ports) = doc.get(container, "ports") {
        for &item in doc.items(ports) {
            let port = doc.resolve(item);
            let Some(number) = doc.get(port, "containerPort") else {
                continue;
            };
            let end = doc.node(number).range.end;
            let hints = Hints {
                text,
                doc,
                mapping: port,
                anchor: None,
            };
            hints.unset_or(
                out,
                "protocol",
                "TCP",
                "SetDefaults_ContainerPort: ports are TCP unless they say UDP or SCTP",
                end,
            );
            let host_port = as_integer(doc, doc.get(port, "hostPort"));
            if host_network && host_port.is_none_or(|p| p == 0) {
                if let Some(n) = as_integer(doc, Some(number)) {
                    let why = "defaultHostNetworkPorts: on the host's network a container port is the node's port too";
                    match doc.get(port, "hostPort").filter(|_| host_port == Some(0)) {
                        Some(written) => out.push(becomes(doc, written, &n.to_string(), why)),
                        None => out.push(hint(end, format!("hostPort: {n}"), why)),
                    }
                }
            }
        }
    }
    for probe in PROBES {
        let Some(value) = doc.get(container, probe) else {
            continue;
        };
        let mapping = doc.resolve(value);
        if doc.entries(mapping).is_empty() && !doc.is_null(value) && doc.scalar(value).is_some() {
            continue;
        }
        let hints = Hints {
            text,
            doc,
            mapping,
            anchor: key_of(doc, value),
        };
        for (field, default) in PROBE_DEFAULTS {
            let why = format!("SetDefaults_Probe: {field} is {default} when left out or 0");
            hints.zero_or_absent(out, field, default, &why);
        }
    }
}

/// Hints about the fields of one mapping; `anchor` is the key the mapping sits under (a field left out is
/// shown after its colon).
struct Hints<'a> {
    text: &'a str,
    doc: &'a Document,
    mapping: NodeId,
    anchor: Option<NodeId>,
}

impl Hints<'_> {
    /// Where a hint for a field left out shows: after the colon of the mapping's key.
    fn after_key(&self) -> Option<usize> {
        let key = self.doc.node(self.anchor?).range.end;
        let rest = &self.text[key..];
        let colon = rest.find(':')?;
        rest[..colon].trim().is_empty().then_some(key + colon + 1)
    }

    /// A string field left out (`name: default` after the key) or written empty (`→ default` after it).
    fn string(&self, out: &mut Vec<InlayHint>, field: &str, default: &str, why: &str) {
        if let Some(at) = self.after_key() {
            self.unset_or(out, field, default, why, at);
        }
    }

    /// A pointer field: left out or written null (a written value, whatever it is, is the user's).
    fn absent(&self, out: &mut Vec<InlayHint>, field: &str, default: &str, why: &str) {
        match self.doc.get(self.mapping, field) {
            None => {
                if let Some(at) = self.after_key() {
                    out.push(hint(at, format!("{field}: {default}"), why));
                }
            }
            Some(value) if matches!(scalar(self.doc, value), Some(Scalar::Null)) => {
                out.push(becomes(self.doc, value, default, why));
            }
            Some(_) => {}
        }
    }

    /// A string field: left out (the hint at `at`) or written empty or null (the hint after its value).
    fn unset_or(&self, out: &mut Vec<InlayHint>, field: &str, default: &str, why: &str, at: usize) {
        match self.doc.get(self.mapping, field) {
            None => out.push(hint(at, format!("{field}: {default}"), why)),
            Some(value) => {
                if matches!(
                    scalar(self.doc, value),
                    Some(Scalar::Null | Scalar::Str(""))
                ) {
                    out.push(becomes(self.doc, value, default, why));
                }
            }
        }
    }

    /// An integer field the defaulting fills in when it is 0: left out, or written 0.
    fn zero_or_absent(&self, out: &mut Vec<InlayHint>, field: &str, default: i128, why: &str) {
        match self.doc.get(self.mapping, field) {
            None => {
                if let Some(at) = self.after_key() {
                    out.push(hint(at, format!("{field}: {default}"), why));
                }
            }
            Some(value) => {
                let written = scalar(self.doc, value);
                if matches!(written, Some(Scalar::Int(0) | Scalar::Null)) {
                    out.push(becomes(self.doc, value, &default.to_string(), why));
                }
            }
        }
    }
}

fn hint(at: usize, label: String, why: &str) -> InlayHint {
    InlayHint {
        at,
        label,
        tooltip: format!("Set by the API server when left out ({why})."),
        kind: HintKind::Default,
    }
}

/// A field written empty or zero: what the API server turns it into, after the value.
fn becomes(doc: &Document, value: NodeId, default: &str, why: &str) -> InlayHint {
    InlayHint {
        at: doc.node(value).range.end,
        label: format!("→ {default}"),
        tooltip: format!("The API server reads this as unset and fills in {default} ({why})."),
        kind: HintKind::Default,
    }
}
