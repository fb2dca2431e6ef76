//! Code lenses (`textDocument/codeLens`) over each pod spec (a Pod's `spec:`, a workload template's): the
//! QoS class the kubelet gives the pod, and the requests and limits the scheduler counts for it —
//! `pod_resources` computes both; this file says them in a line each, in the inputs' locale (the
//! catalog's `messages/code_lens.rs`).

use super::inputs::Inputs;
use super::pod_resources::{PodResources, ResourceFeatures, ResourceList, pod_resources};
use super::pod_sites::{pod_sites, serves};
use super::quantity::total;
use super::structure::key_of;
use crate::messages::{Locale, code_lens as msg};
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
                title: qos_title(&resources, inputs.locale),
            });
            out.push(CodeLens {
                range,
                title: totals_title(&resources, inputs.locale),
            });
        }
    }
    out
}

fn qos_title(resources: &PodResources, locale: Locale) -> String {
    let reason = match resources.qos.as_str() {
        "Guaranteed" => msg::qos_guaranteed(),
        "BestEffort" => msg::qos_best_effort(),
        _ => msg::qos_burstable(),
    };
    let reason = if resources.pod_level {
        msg::qos_pod_level(reason)
    } else {
        reason
    };
    msg::qos(resources.qos.as_str(), reason).render(locale)
}

fn totals_title(resources: &PodResources, locale: Locale) -> String {
    let separator = msg::amount_separator().render(locale);
    let list = |list: &ResourceList| {
        list.iter()
            .filter(|(_, amount)| **amount != 0.0)
            .map(|(name, amount)| format!("{name} {}", total(name, *amount)))
            .collect::<Vec<_>>()
            .join(&separator)
    };
    let (requests, limits) = (list(&resources.requests), list(&resources.limits));
    let title = match (requests.is_empty(), limits.is_empty()) {
        (true, true) => msg::no_requests_or_limits(),
        (false, true) => msg::requests_only(requests),
        (true, false) => msg::limits_only(limits),
        (false, false) => msg::requests_and_limits(requests, limits),
    };
    title.render(locale)
}

#[cfg(test)]
mod tests;
