//! What the cluster computes from a pod's resources, read from the YAML: the effective requests and
//! limits the scheduler counts (`PodRequests`/`PodLimits` in k8s.io/component-helpers/resource, with the
//! sidecar formula of KEP-753) and the QoS class the kubelet gives it (`ComputePodQOS` in
//! pkg/apis/core/v1/helper/qos). Both run after defaulting, so a container's limits stand in for the
//! requests it leaves out (`SetDefaults_Pod`), and pod-level requests default as `defaultPodRequests` says.
//! Sidecars and pod-level resources count where the target version keeps them (`ResourceFeatures`).

use std::collections::BTreeMap;

use super::diagnostics::fields::text;
use super::inputs::KubernetesVersion;
use super::quantity::parse_quantity;
use super::versions::in_effect;
use crate::schema::Schema;
use crate::syntax::{Document, NodeId};

/// Resource name → amount in base units (cores, bytes, counts).
pub(crate) type ResourceList = BTreeMap<String, f64>;

#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct Requirements {
    pub requests: ResourceList,
    pub limits: ResourceList,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum QosClass {
    Guaranteed,
    Burstable,
    BestEffort,
}

impl QosClass {
    pub fn as_str(self) -> &'static str {
        match self {
            QosClass::Guaranteed => "Guaranteed",
            QosClass::Burstable => "Burstable",
            QosClass::BestEffort => "BestEffort",
        }
    }
}

/// A pod's resources as the cluster reads them.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct PodResources {
    /// What the scheduler reserves: `PodRequests`.
    pub requests: ResourceList,
    /// `PodLimits`.
    pub limits: ResourceList,
    pub qos: QosClass,
    /// Whether pod-level `resources` decide (the PodLevelResources feature, on by default since 1.34).
    pub pod_level: bool,
}

/// QoS looks at these two only (`supportedQoSComputeResources`).
const QOS_RESOURCES: [&str; 2] = ["cpu", "memory"];

/// Pod-level resources may set these only (`IsSupportedPodLevelResource`).
fn pod_level_resource(name: &str) -> bool {
    name == "cpu" || name == "memory" || name.starts_with("hugepages-")
}

/// What the target Kubernetes version's API server keeps of the fields that change the sums: an init
/// container's `restartPolicy` (sidecars, `SidecarContainers`) and the pod's own `resources`
/// (`PodLevelResources`). Off, they are dropped before the scheduler sees the pod.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct ResourceFeatures {
    pub sidecars: bool,
    pub pod_level: bool,
}

impl ResourceFeatures {
    /// As the target's API server keeps them (`versions::in_effect`).
    pub(crate) fn of(schema: &Schema, target: KubernetesVersion) -> ResourceFeatures {
        let kept = |ty: &str, name: &str| {
            schema
                .type_def(ty)
                .and_then(|def| def.field(name))
                .is_some_and(|field| in_effect(schema, field, target))
        };
        ResourceFeatures {
            sidecars: kept("Container", "restartPolicy"),
            pod_level: kept("PodSpec", "resources"),
        }
    }
}

pub(crate) fn pod_resources(
    doc: &Document,
    spec: NodeId,
    features: ResourceFeatures,
) -> PodResources {
    let containers = list(doc, spec, "containers");
    let init: Vec<(Requirements, bool)> = doc
        .get(spec, "initContainers")
        .map(|items| {
            doc.items(items)
                .iter()
                .map(|&item| {
                    let item = doc.resolve(item);
                    let sidecar =
                        features.sidecars && text(doc, item, "restartPolicy") == Some("Always");
                    (
                        defaulted(requirements(doc, doc.get(item, "resources"))),
                        sidecar,
                    )
                })
                .collect()
        })
        .unwrap_or_default();
    let pod_level = doc
        .get(spec, "resources")
        .filter(|_| features.pod_level)
        .filter(|r| !doc.is_null(*r) && doc.scalar(*r).is_none())
        .map(|r| requirements(doc, Some(r)));

    let mut requests = aggregate(&containers, &init, |r| &r.requests);
    let mut limits = aggregate(&containers, &init, |r| &r.limits);
    let qos = match &pod_level {
        Some(pod) => resource_qos(&pod_defaulted(pod, &requests)),
        None => containers
            .iter()
            .chain(init.iter().map(|(r, _)| r))
            .map(resource_qos)
            .try_fold(None, |pod: Option<QosClass>, qos| match (pod, qos) {
                (_, QosClass::Burstable) => Err(()),
                (Some(pod), qos) if pod != qos => Err(()),
                (_, qos) => Ok(Some(qos)),
            })
            .map_or(QosClass::Burstable, |qos| {
                qos.unwrap_or(QosClass::BestEffort)
            }),
    };
    if let Some(pod) = &pod_level {
        let pod = pod_defaulted(pod, &requests);
        for (list, own) in [(&mut requests, &pod.requests), (&mut limits, &pod.limits)] {
            for (name, amount) in own.iter().filter(|(name, _)| pod_level_resource(name)) {
                list.insert(name.clone(), *amount);
            }
        }
    }
    // The overhead of the runtime class is added to the requests, and to the limits that are set.
    let overhead = requirements_list(doc, doc.get(spec, "overhead"));
    for (name, amount) in overhead {
        *requests.entry(name.clone()).or_default() += amount;
        if let Some(limit) = limits.get_mut(&name).filter(|l| **l > 0.0) {
            *limit += amount;
        }
    }
    PodResources {
        requests,
        limits,
        qos,
        pod_level: pod_level.is_some(),
    }
}

fn list(doc: &Document, spec: NodeId, key: &str) -> Vec<Requirements> {
    doc.get(spec, key)
        .map(|items| {
            doc.items(items)
                .iter()
                .map(|&item| {
                    let item = doc.resolve(item);
                    defaulted(requirements(doc, doc.get(item, "resources")))
                })
                .collect()
        })
        .unwrap_or_default()
}

fn requirements(doc: &Document, resources: Option<NodeId>) -> Requirements {
    let Some(resources) = resources.map(|r| doc.resolve(r)) else {
        return Requirements::default();
    };
    Requirements {
        requests: requirements_list(doc, doc.get(resources, "requests")),
        limits: requirements_list(doc, doc.get(resources, "limits")),
    }
}

/// A resource list's amounts; what does not parse is left out (a diagnostic says so).
fn requirements_list(doc: &Document, list: Option<NodeId>) -> ResourceList {
    let Some(list) = list else {
        return ResourceList::new();
    };
    doc.entries(list)
        .iter()
        .filter_map(|&(k, v)| {
            let amount = parse_quantity(doc.scalar(v)?).ok()?;
            Some((doc.scalar(k)?.to_owned(), amount))
        })
        .collect()
}

/// `SetDefaults_Pod`: a container's limit stands in for the request it leaves out.
fn defaulted(mut r: Requirements) -> Requirements {
    for (name, amount) in &r.limits {
        r.requests.entry(name.clone()).or_insert(*amount);
    }
    r
}

/// `defaultPodRequests`: a pod-level limit without its request gets the containers' total request when
/// they request some of it, else the limit.
fn pod_defaulted(pod: &Requirements, containers: &ResourceList) -> Requirements {
    let mut pod = pod.clone();
    for (name, limit) in &pod.limits {
        if pod_level_resource(name) && !pod.requests.contains_key(name) {
            let from_containers = containers.get(name).copied().filter(|r| *r > 0.0);
            pod.requests
                .insert(name.clone(), from_containers.unwrap_or(*limit));
        }
    }
    pod
}

/// The scheduler's sum (`AggregateContainerRequests`): regular containers and sidecars run together; each
/// other init container runs alone beside the sidecars started before it, so the pod needs the larger.
fn aggregate(
    containers: &[Requirements],
    init: &[(Requirements, bool)],
    side: impl Fn(&Requirements) -> &ResourceList,
) -> ResourceList {
    let mut total = ResourceList::new();
    for container in containers {
        add(&mut total, side(container));
    }
    let mut sidecars = ResourceList::new();
    let mut init_peak = ResourceList::new();
    for (container, sidecar) in init {
        let running = if *sidecar {
            add(&mut total, side(container));
            add(&mut sidecars, side(container));
            sidecars.clone()
        } else {
            let mut running = sidecars.clone();
            add(&mut running, side(container));
            running
        };
        for (name, amount) in running {
            let peak = init_peak.entry(name).or_default();
            *peak = peak.max(amount);
        }
    }
    for (name, amount) in init_peak {
        let now = total.entry(name).or_default();
        *now = now.max(amount);
    }
    total
}

fn add(total: &mut ResourceList, more: &ResourceList) {
    for (name, amount) in more {
        *total.entry(name.clone()).or_default() += amount;
    }
}

/// `resourceQOS`: one set of requirements' class, from cpu and memory.
fn resource_qos(r: &Requirements) -> QosClass {
    if r.requests.is_empty() && r.limits.is_empty() {
        return QosClass::BestEffort;
    }
    let mut class = None;
    for name in QOS_RESOURCES {
        let request = r.requests.get(name).copied().unwrap_or(0.0);
        let limit = r.limits.get(name).copied().unwrap_or(0.0);
        if request != limit {
            return QosClass::Burstable;
        }
        let best_effort = request == 0.0;
        match class {
            None => {
                class = Some(if best_effort {
                    QosClass::BestEffort
                } else {
                    QosClass::Guaranteed
                })
            }
            Some(c) if best_effort != (c == QosClass::BestEffort) => return QosClass::Burstable,
            Some(_) => {}
        }
    }
    class.unwrap_or(QosClass::BestEffort)
}
