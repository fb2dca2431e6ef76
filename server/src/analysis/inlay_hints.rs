//! Inlay hints (`textDocument/inlayHint`): what the API server fills in where a field is left out, and
//! quantities in the units people read. Defaults follow v1 defaulting (`SetDefaults_PodSpec`,
//! `SetDefaults_Container`, `SetDefaults_ContainerPort`, `SetDefaults_Probe`, `defaultHostNetworkPorts` in
//! pkg/apis/core/v1/defaults.go); a field written empty (`""`, or `0` where the defaulting tests for zero)
//! is unset too, and its hint says what it becomes.

mod defaults;
mod quantities;

use super::inputs::Inputs;
use super::pod_sites::{pod_sites, serves};
use crate::syntax::{TextRange, YamlFile};

/// Which hints the user wants (`podls.inlayHints.defaults`, `podls.inlayHints.quantities`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct HintOptions {
    pub defaults: bool,
    pub quantities: bool,
}

impl Default for HintOptions {
    fn default() -> Self {
        HintOptions {
            defaults: true,
            quantities: true,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HintKind {
    /// `imagePullPolicy: Always`: a field the API server sets.
    Default,
    /// `≈ 122 MiB`: a quantity in other units.
    Quantity,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InlayHint {
    /// Where the hint shows: the end of a value, or right after a key's colon.
    pub at: usize,
    pub label: String,
    /// Why: the rule that sets the value, or the quantity's exact worth.
    pub tooltip: String,
    pub kind: HintKind,
}

/// The hints whose position lies in `range`, in document order.
pub fn inlay_hints(
    inputs: &Inputs,
    text: &str,
    file: &YamlFile,
    range: TextRange,
    options: HintOptions,
) -> Vec<InlayHint> {
    let mut out = Vec::new();
    if !(options.defaults || options.quantities) || !serves(&inputs.pod_templates, text, file) {
        return out;
    }
    for doc in &file.documents {
        if doc.range.end < range.start || doc.range.start > range.end {
            continue;
        }
        for site in pod_sites(&inputs.pod_templates, text, doc) {
            if options.defaults {
                defaults::pod(text, doc, &site, inputs.locale, &mut out);
            }
        }
        if options.quantities {
            quantities::document(doc, &mut out);
        }
    }
    out.retain(|hint| range.touches(hint.at));
    out.sort_by_key(|hint| hint.at);
    out
}

#[cfg(test)]
mod tests;
