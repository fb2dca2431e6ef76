//! Cross-field rules, one file per Kubernetes object: what the API server checks across the fields of an
//! object or of the pod (`value` with `valueFrom`, a mount naming a volume, requests within limits, ...).
//! Each file lists its rules with the code and the upstream function it follows, and registers them with
//! the types they run on; the walk calls them.

mod container;
mod container_port;
mod env;
mod pod_spec;
mod probe;
mod resources;
mod restart_policy;
mod scheduling;
mod security_context;
mod sysctl;
mod volume;
mod volume_mount;

use super::context::Rule;

/// Every file's rules. Diagnostics at the same place come out in this order.
pub(super) const RULES: &[&[Rule]] = &[
    pod_spec::RULES,
    container::RULES,
    container_port::RULES,
    volume::RULES,
    volume_mount::RULES,
    probe::RULES,
    env::RULES,
    resources::RULES,
    scheduling::RULES,
    security_context::RULES,
    sysctl::RULES,
    restart_policy::RULES,
];
#[cfg(test)]
mod tests;
