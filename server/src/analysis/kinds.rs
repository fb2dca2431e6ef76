//! What a document's `apiVersion` and `kind` say, judged against the kinds podls serves (`POD_KINDS`, the one
//! list of known kinds and the apiVersion serving each): a kind in the wrong group or version, a kind that
//! misspells a known one, an apiVersion Kubernetes removed. Diagnostics, `serves` and completion read it.

use super::inputs::KubernetesVersion;
use super::pod_sites::{known_kind, kubernetes_group, misspelt_kind};

/// An apiVersion that once served some of the known kinds and is gone. From the
/// `+k8s:prerelease-lifecycle-gen:removed` tags of `staging/src/k8s.io/api/<group>/<version>/types.go`
/// (extensions/v1beta1, apps/v1beta1, apps/v1beta2, batch/v1beta1); batch/v2alpha1 was deleted from the tree
/// in 1.21 without ever being on by default.
pub(crate) struct RemovedVersion {
    pub api_version: &'static str,
    pub kinds: &'static [&'static str],
    pub removed_in: KubernetesVersion,
}

const fn release(minor: u32) -> KubernetesVersion {
    KubernetesVersion::release(minor)
}

pub(crate) const REMOVED_VERSIONS: &[RemovedVersion] = &[
    RemovedVersion {
        api_version: "extensions/v1beta1",
        kinds: &["Deployment", "DaemonSet", "ReplicaSet"],
        removed_in: release(16),
    },
    RemovedVersion {
        api_version: "apps/v1beta1",
        kinds: &["Deployment", "StatefulSet"],
        removed_in: release(16),
    },
    RemovedVersion {
        api_version: "apps/v1beta2",
        kinds: &["Deployment", "DaemonSet", "ReplicaSet", "StatefulSet"],
        removed_in: release(16),
    },
    RemovedVersion {
        api_version: "batch/v1beta1",
        kinds: &["CronJob"],
        removed_in: release(25),
    },
    RemovedVersion {
        api_version: "batch/v2alpha1",
        kinds: &["CronJob"],
        removed_in: release(21),
    },
];

/// What is wrong with a document's `kind` and `apiVersion`, if anything.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum KindProblem {
    /// A known kind under an apiVersion that never served it (`apps/v1` with `kind: Pod`).
    WrongVersion { served: &'static str },
    /// A known kind under an apiVersion Kubernetes removed (`extensions/v1beta1` with `kind: Deployment`).
    Removed {
        served: &'static str,
        removed_in: KubernetesVersion,
    },
    /// Not a known kind, but almost one (`kind: Deploymnet`, `kind: pod`).
    NearMiss { meant: &'static str },
}

/// The problem of a document's `kind` and `apiVersion` (`None` when not written), for the Kubernetes
/// version checked against.
pub(crate) fn judge(
    kind: &str,
    api_version: Option<&str>,
    kubernetes: KubernetesVersion,
) -> Option<KindProblem> {
    if api_version.is_some_and(|v| !kubernetes_group(v)) {
        return None;
    }
    let Some(known) = known_kind(kind) else {
        return misspelt_kind(kind, api_version).map(|meant| KindProblem::NearMiss { meant });
    };
    let api_version = api_version.filter(|v| !v.is_empty())?;
    if api_version == known.api_version {
        return None;
    }
    match removed(api_version, kind) {
        Some(gone) if gone.removed_in <= kubernetes => Some(KindProblem::Removed {
            served: known.api_version,
            removed_in: gone.removed_in,
        }),
        // Still served by the release checked against: not podls's to refuse.
        Some(_) => None,
        None => Some(KindProblem::WrongVersion {
            served: known.api_version,
        }),
    }
}

/// The removed apiVersion that served `kind`, if `api_version` is one.
pub(crate) fn removed(api_version: &str, kind: &str) -> Option<&'static RemovedVersion> {
    REMOVED_VERSIONS
        .iter()
        .find(|r| r.api_version == api_version && r.kinds.contains(&kind))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::pod_sites::matches;

    fn judged(kind: &str, api_version: Option<&str>) -> Option<KindProblem> {
        judge(kind, api_version, KubernetesVersion::DEFAULT)
    }

    #[test]
    fn a_known_kind_in_its_own_version_or_none_yet_is_fine() {
        assert_eq!(judged("Pod", Some("v1")), None);
        assert_eq!(judged("Deployment", Some("apps/v1")), None);
        assert_eq!(judged("Deployment", None), None);
        assert_eq!(judged("Deployment", Some("")), None);
    }

    #[test]
    fn a_known_kind_in_another_group_names_the_served_version() {
        let wrong = |served| Some(KindProblem::WrongVersion { served });
        assert_eq!(judged("Pod", Some("apps/v1")), wrong("v1"));
        assert_eq!(judged("Deployment", Some("v1")), wrong("apps/v1"));
        assert_eq!(judged("CronJob", Some("batch/v2")), wrong("batch/v1"));
        // A removed apiVersion that never served this kind: wrong, not removed.
        assert_eq!(judged("CronJob", Some("apps/v1beta1")), wrong("batch/v1"));
    }

    #[test]
    fn removed_versions_say_when_they_went() {
        let gone = |served, minor| {
            Some(KindProblem::Removed {
                served,
                removed_in: release(minor),
            })
        };
        assert_eq!(
            judged("Deployment", Some("extensions/v1beta1")),
            gone("apps/v1", 16)
        );
        assert_eq!(
            judged("Deployment", Some("apps/v1beta2")),
            gone("apps/v1", 16)
        );
        assert_eq!(
            judged("CronJob", Some("batch/v1beta1")),
            gone("batch/v1", 25)
        );
        assert_eq!(
            judged("CronJob", Some("batch/v2alpha1")),
            gone("batch/v1", 21)
        );
        // Checked against a release that still served it: nothing to say.
        let old = judge("CronJob", Some("batch/v1beta1"), release(24));
        assert_eq!(old, None);
    }

    #[test]
    fn a_near_miss_of_a_known_kind_is_named() {
        let meant = |meant| Some(KindProblem::NearMiss { meant });
        assert_eq!(judged("pod", Some("v1")), meant("Pod"));
        assert_eq!(judged("Deploymnet", Some("apps/v1")), meant("Deployment"));
        assert_eq!(judged("cronjob", None), meant("CronJob"));
        assert_eq!(judged("Jobs", Some("batch/v1")), meant("Job"));
        // Kubernetes' other kinds are not near misses of these.
        for other in [
            "Service",
            "ConfigMap",
            "Secret",
            "Namespace",
            "Node",
            "Role",
            "Lease",
            "Event",
            "Ingress",
            "Endpoints",
            "PodDisruptionBudget",
            "NetworkPolicy",
            "ServiceAccount",
            "StorageClass",
            "LimitRange",
            "Binding",
        ] {
            assert_eq!(judged(other, Some("v1")), None, "{other}");
        }
    }

    #[test]
    fn custom_resources_sharing_a_name_are_left_alone() {
        assert!(kubernetes_group("v1"));
        assert!(kubernetes_group("apps/v1"));
        assert!(kubernetes_group("networking.k8s.io/v1"));
        assert!(!kubernetes_group("batch.volcano.sh/v1alpha1"));
        assert_eq!(judged("Job", Some("batch.volcano.sh/v1alpha1")), None);
        assert_eq!(judged("CronTab", Some("stable.example.com/v1")), None);
        assert!(!matches(
            known_kind("Job").unwrap(),
            Some("batch.volcano.sh/v1alpha1")
        ));
        assert!(matches(
            known_kind("Deployment").unwrap(),
            Some("extensions/v1beta1")
        ));
        assert!(matches(known_kind("Deployment").unwrap(), None));
    }
}
