//! Code lenses (`textDocument/codeLens`) over each pod spec (a Pod's `spec:`, a workload template's): the
//! QoS class the kubelet gives the pod, and the requests and limits the scheduler counts for it —
//! `pod_resources` computes both; this file says them in a line each.

use super::inputs::Inputs;
use super::pod_resources::{PodResources, ResourceFeatures, ResourceList, pod_resources};
use super::pod_sites::{pod_sites, serves};
use super::quantity::total;
use super::structure::key_of;
use crate::syntax::{TextRange, YamlFile};

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CodeLens {
    /// The line the lens sits above: the pod spec's key.
    pub range: TextRange,
    pub title: String,
}

pub fn code_lenses(inputs: &Inputs, text: &str, file: &YamlFile) -> Vec<CodeLens> {
    let mut out = Vec::new();
    if !serves(&inputs.pod_templates, text, file) {
        return out;
    }
    let features = ResourceFeatures::of(inputs.schema, inputs.kubernetes);
    for doc in &file.documents {
        for site in pod_sites(&inputs.pod_templates, text, doc) {
            let Some(spec) = site.spec else {
                continue;
            };
            let range = key_of(doc, spec).map_or(doc.node(spec).range, |key| doc.node(key).range);
            let resources = pod_resources(doc, doc.resolve(spec), features);
            out.push(CodeLens {
                range,
                title: qos_title(&resources),
            });
            out.push(CodeLens {
                range,
                title: totals_title(&resources),
            });
        }
    }
    out
}

fn qos_title(resources: &PodResources) -> String {
    let why = match resources.qos.as_str() {
        "Guaranteed" => "cpu and memory limits equal requests",
        "BestEffort" => "no cpu or memory requests or limits",
        _ => "requests below limits, or set for some containers only",
    };
    let by = if resources.pod_level {
        "pod-level resources: "
    } else {
        ""
    };
    format!("QoS {} ({by}{why})", resources.qos.as_str())
}

fn totals_title(resources: &PodResources) -> String {
    let list = |list: &ResourceList| {
        list.iter()
            .filter(|(_, amount)| **amount != 0.0)
            .map(|(name, amount)| format!("{name} {}", total(name, *amount)))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let (requests, limits) = (list(&resources.requests), list(&resources.limits));
    match (requests.is_empty(), limits.is_empty()) {
        (true, true) => "no requests or limits".to_owned(),
        (false, true) => format!("requests {requests} · no limits"),
        (true, false) => format!("no requests · limits {limits}"),
        (false, false) => format!("requests {requests} · limits {limits}"),
    }
}

#[cfg(test)]
mod tests;
