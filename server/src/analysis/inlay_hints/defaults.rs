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
use crate::messages::{Locale, Message, inlay_hints as msg};
use crate::syntax::{Document, NodeId};

/// The function of pkg/apis/core/v1/defaults.go that fills in a pod spec's fields.
const POD_SPEC: &str = "SetDefaults_PodSpec";

const PROBES: [&str; 3] = ["livenessProbe", "readinessProbe", "startupProbe"];

/// A probe's defaults, as `SetDefaults_Probe` fills them in when zero.
const PROBE_DEFAULTS: [(&str, i128); 4] = [
    ("timeoutSeconds", 1),
    ("periodSeconds", 10),
    ("successThreshold", 1),
    ("failureThreshold", 3),
];

pub(super) fn pod(
    text: &str,
    doc: &Document,
    site: &PodSite,
    locale: Locale,
    out: &mut Vec<InlayHint>,
) {
    let Some(spec) = site.spec.map(|s| doc.resolve(s)) else {
        return;
    };
    let spec_hints = Hints {
        text,
        doc,
        mapping: spec,
        anchor: site.spec.and_then(|s| key_of(doc, s)),
        locale,
    };
    // A Job's template must say `OnFailure` or `Never` (its validation refuses the `Always` defaulting
    // would give), so no default is shown there: the diagnostic asks for the choice.
    if !matches!(site.kind, "Job" | "CronJob") {
        spec_hints.string(
            out,
            "restartPolicy",
            "Always",
            msg::defaulted_by(POD_SPEC, msg::restart_always()),
        );
    }
    spec_hints.string(
        out,
        "dnsPolicy",
        "ClusterFirst",
        msg::defaulted_by(POD_SPEC, msg::dns_cluster_first()),
    );
    spec_hints.absent(
        out,
        "terminationGracePeriodSeconds",
        "30",
        msg::defaulted_by(POD_SPEC, msg::grace_period()),
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
                locale,
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
    locale: Locale,
    out: &mut Vec<InlayHint>,
) {
    if let Some(image) = doc.get(container, "image") {
        let written = doc.scalar(image).unwrap_or("");
        let policy = pull_policy_default(written);
        let reason = match policy {
            "Always" => msg::pull_always(),
            _ => msg::pull_if_not_present(),
        };
        let why = msg::defaulted_by("SetDefaults_Container", reason);
        let hints = Hints {
            text,
            doc,
            mapping: container,
            anchor: None,
            locale,
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
                locale,
            };
            hints.unset_or(
                out,
                "protocol",
                "TCP",
                msg::defaulted_by("SetDefaults_ContainerPort", msg::protocol_tcp()),
                end,
            );
            let host_port = as_integer(doc, doc.get(port, "hostPort"));
            if host_network && host_port.is_none_or(|p| p == 0) {
                if let Some(n) = as_integer(doc, Some(number)) {
                    let why =
                        msg::defaulted_by("defaultHostNetworkPorts", msg::host_network_port());
                    match doc.get(port, "hostPort").filter(|_| host_port == Some(0)) {
                        Some(written) => out.push(hints.becomes(written, &n.to_string(), why)),
                        None => out.push(hints.hint(end, format!("hostPort: {n}"), why)),
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
            locale,
        };
        for (field, default) in PROBE_DEFAULTS {
            let why = msg::defaulted_by("SetDefaults_Probe", msg::probe_default(field, default));
            hints.zero_or_absent(out, field, default, why);
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
    /// The tooltips' language.
    locale: Locale,
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
    fn string(&self, out: &mut Vec<InlayHint>, field: &str, default: &str, why: Message) {
        if let Some(at) = self.after_key() {
            self.unset_or(out, field, default, why, at);
        }
    }

    /// A pointer field: left out or written null (a written value, whatever it is, is the user's).
    fn absent(&self, out: &mut Vec<InlayHint>, field: &str, default: &str, why: Message) {
        match self.doc.get(self.mapping, field) {
            None => {
                if let Some(at) = self.after_key() {
                    out.push(self.hint(at, format!("{field}: {default}"), why));
                }
            }
            Some(value) if matches!(scalar(self.doc, value), Some(Scalar::Null)) => {
                out.push(self.becomes(value, default, why));
            }
            Some(_) => {}
        }
    }

    /// A string field: left out (the hint at `at`) or written empty or null (the hint after its value).
    fn unset_or(
        &self,
        out: &mut Vec<InlayHint>,
        field: &str,
        default: &str,
        why: Message,
        at: usize,
    ) {
        match self.doc.get(self.mapping, field) {
            None => out.push(self.hint(at, format!("{field}: {default}"), why)),
            Some(value) => {
                if matches!(
                    scalar(self.doc, value),
                    Some(Scalar::Null | Scalar::Str(""))
                ) {
                    out.push(self.becomes(value, default, why));
                }
            }
        }
    }

    /// An integer field the defaulting fills in when it is 0: left out, or written 0.
    fn zero_or_absent(&self, out: &mut Vec<InlayHint>, field: &str, default: i128, why: Message) {
        match self.doc.get(self.mapping, field) {
            None => {
                if let Some(at) = self.after_key() {
                    out.push(self.hint(at, format!("{field}: {default}"), why));
                }
            }
            Some(value) => {
                let written = scalar(self.doc, value);
                if matches!(written, Some(Scalar::Int(0) | Scalar::Null)) {
                    out.push(self.becomes(value, &default.to_string(), why));
                }
            }
        }
    }

    fn hint(&self, at: usize, label: String, why: Message) -> InlayHint {
        InlayHint {
            at,
            label,
            tooltip: msg::set_when_left_out(why).render(self.locale),
            kind: HintKind::Default,
        }
    }

    /// A field written empty or zero: what the API server turns it into, after the value.
    fn becomes(&self, value: NodeId, default: &str, why: Message) -> InlayHint {
        InlayHint {
            at: self.doc.node(value).range.end,
            label: format!("→ {default}"),
            tooltip: msg::read_as_unset(default, why).render(self.locale),
            kind: HintKind::Default,
        }
    }
}
