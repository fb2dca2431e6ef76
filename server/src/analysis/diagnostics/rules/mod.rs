//! Cross-field rules, one file per Kubernetes object: what the API server checks across the fields of an
//! object or of the pod (`value` with `valueFrom`, a mount naming a volume, requests within limits, ...).
//! Each file lists its rules with the code and the upstream function it follows, and registers them with
//! the types they run on; the walk calls them.

mod container;
mod container_port;
mod cron_job;
mod cron_schedule;
mod deployment;
mod env;
mod job;
mod object_meta;
mod pod_failure_policy;
mod pod_spec;
mod pod_template;
mod probe;
mod profile_annotations;
mod replication_controller;
mod resources;
mod restart_policy;
mod rolling_update;
mod scheduling;
mod security_context;
mod stateful_set;
mod sysctl;
mod volume;
mod volume_mount;
mod windows_host_process;
mod workload_selector;

use super::context::Rule;

/// Every file's rules. Diagnostics at the same place come out in this order.
pub(super) const RULES: &[&[Rule]] = &[
    pod_spec::RULES,
    container::RULES,
    container_port::RULES,
    volume::RULES,
    volume_mount::RULES,
    probe::RULES,
    profile_annotations::RULES,
    env::RULES,
    resources::RULES,
    scheduling::RULES,
    security_context::RULES,
    sysctl::RULES,
    restart_policy::RULES,
    pod_template::RULES,
    workload_selector::RULES,
    rolling_update::RULES,
    deployment::RULES,
    cron_job::RULES,
    job::RULES,
    pod_failure_policy::RULES,
    stateful_set::RULES,
    replication_controller::RULES,
    object_meta::RULES,
    windows_host_process::RULES,
];
#[cfg(test)]
mod tests;
