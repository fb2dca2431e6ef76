#!/usr/bin/env python3
"""Generate schema/fields.json -- the field table of podls (the Pod and the workloads that hold one).

Run:   pip install kubernetes-validate==1.37.0 && python3 schema/tools/gen_fields.py
Check: python3 schema/tools/gen_fields.py --check   (regenerates in memory, diffs against fields.json; CI runs it)
Then:  python3 schema/tools/check_fields.py

Where each fact comes from
--------------------------
* STRUCTURE (which types, which fields, field types, the schema's `required` lists):
  PyPI `kubernetes-validate` 1.37.0, file
  `kubernetes_validate/kubernetes-json-schema/v1.37.0-local-strict/_definitions.json`, walked from
  io.k8s.api.core.v1.PodSpec and from each workload root (workload_facts.ROOTS: Deployment, StatefulSet,
  CronJob, ...; their facts, with the upstream function of each, are in workload_facts.py). Type names are
  shortened to the Go name (last dotted segment); the generator asserts that no two reachable definitions
  share a short name.
  - resource.Quantity -> `quantity`, intstr.IntOrString -> `int-or-string`, integer formats int32/int64 copied
    into `format`.
  - ObjectMeta: only the user-settable subset (OVERRIDE `OBJECT_META_FIELDS`), so Time / ManagedFieldsEntry are
    not reachable. Pod.status is `any` + readOnly (PodStatus is server-owned, not described), and so is the
    status of every workload root and of the PersistentVolumeClaim (workload_facts.STATUS_OWNERS).
  - EphemeralContainer: `extends: Container` + targetContainerName (the schema copies Container's fields; the
    generator asserts the copy is identical apart from targetContainerName).
* REQUIRED: schema `required` plus SERVER_REQUIRED below (k8s-facts.md §2 "Schema-optional but server-required"
  list and §3). metadata.name / generateName are deliberately NOT required (validator special-cases "name or
  generateName"). Volume one-of sources are never required.
* ENUM / DEFAULT / MIN / MAX / FORMAT / FEATURE GATE: OVERRIDES below, from k8s-facts.md §2 (enum + default +
  gate columns), §3 (server validation: ranges, name formats), §6 (feature gates). A few facts outside
  k8s-facts.md are marked `# not in k8s-facts:` with their origin (mostly the Go `+enum` constants as echoed in
  the v1.37 schema descriptions).
* SINCE: computed from the bundled per-version schemas v1.25 .. v1.37 (local-strict). For every (type, field)
  of the v1.37 table, the generator follows the same field-name paths from PodSpec in each older schema and
  records the first version in which the field exists on the type reached. `since` is emitted only when that
  version is newer than 1.25 AND newer than the first version in which the containing type itself is reachable
  (so fields of a brand-new type are not all tagged: the field that introduced the type carries `since`).
  The result is cross-checked against k8s-facts.md §7 (assert below).
* PATH RULES / LINUX-ONLY / ALPHA VALUES / SELECTORS / RESOURCE NAMES / EMPTY IS UNSET (`pathRule`, `linuxOnly`, `windowsOnly`, `emptyIsUnset`,
  `alphaValues`, `selectors`, `resourceNames`): the facts podls' diagnostics read from the table, from
  Kubernetes v1.35 `pkg/apis/core/validation/validation.go`; the upstream function is named beside each entry
  of the "Facts the diagnostics read" block.
* DEPRECATED: our own short wording; the set of deprecated fields = fields whose v1.37 schema description says
  "Deprecated:" (PodSpec.serviceAccount, the in-tree volume plugins incl. flexVolume).
* Lifecycle.stopSignal enum: the Linux signal names of the core/v1 `Signal` constants (types.go): the 34 named
  signals (incl. aliases SIGCLD, SIGIOT, SIGPOLL), SIGRTMIN, SIGRTMIN+1..+15, SIGRTMAX-14..-1, SIGRTMAX.
  k8s-facts.md only says "SIGxxx names (Linux set; Windows: SIGKILL, SIGTERM)"; the list was taken from the
  upstream constant block as mirrored in a public Go->Rust port of core/v1 (not verified against the
  upstream file itself).
* REMOVED APIVERSIONS (`removedApiVersions`): api_versions.py -- the apiVersion serving each kind in every
  bundled schema (`x-kubernetes-group-version-kind`), the removals before v1.25 from the lifecycle tags of
  the API types, the replacement computed from the schemas.

Output: deterministic, `json.dumps(indent=2, sort_keys=True, ensure_ascii=False)` + trailing newline.
"""
import argparse
import difflib
import importlib.metadata
import json
import os
import sys

import kubernetes_validate

import api_versions
import k8s_versions
import workload_facts

KUBERNETES_VALIDATE = "1.37.0"  # the pinned input: .ci/run installs exactly this version

SCHEMA_ROOT = os.path.join(os.path.dirname(kubernetes_validate.__file__), "kubernetes-json-schema")
LATEST = "1.37"
VERSIONS = ["1.%d" % m for m in range(25, 38)]
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "fields.json")


def load_defs(ver):
    with open(os.path.join(SCHEMA_ROOT, "v%s.0-local-strict" % ver, "_definitions.json")) as f:
        return json.load(f)["$defs"]


def short(ref):
    return ref.split("/")[-1].split(".")[-1]


OBJECT_META_FIELDS = ["annotations", "finalizers", "generateName", "labels", "name", "namespace", "ownerReferences"]
# The ObjectMeta fields the cluster sets (`kubectl get -o yaml` and `--dry-run=client -o yaml` write them): known,
# not described further (`any`, readOnly). Create resets or ignores them (FillObjectMetaSystemFields and
# BeforeCreate in apiserver pkg/registry/rest/create.go); a resourceVersion is refused on create (the storage's
# Create), accepted on update.
SYSTEM_META_FIELDS = ["creationTimestamp", "deletionGracePeriodSeconds", "deletionTimestamp", "generation",
                      "managedFields", "resourceVersion", "selfLink", "uid"]

# ---------------------------------------------------------------------------------------------------------------
# Constants
UID_MAX = 2147483647  # apimachinery IsValidUserID / IsValidGroupID: 0-2147483647
PULL_POLICY = ["Always", "IfNotPresent", "Never"]
PULL_DEFAULT = "Always if the image tag is :latest or there is no tag and no digest; IfNotPresent otherwise"
MODE = {"minimum": 0, "maximum": 511, "format": "int32"}  # validateSecretVolumeSource & co: mode 0..0777
DEFAULT_MODE = dict(MODE, default="0644 (420)")
PORT = {"minimum": 1, "maximum": 65535}
ATOMIC_USER = {"featureGate": "AtomicWriteVolumeUserFields", "minimum": 0, "maximum": UID_MAX}  # range: UID rule applied by analogy (unsure)
PROFILE_TYPES = ["Localhost", "RuntimeDefault", "Unconfined"]
LABEL_SELECTOR_OPS = ["DoesNotExist", "Exists", "In", "NotIn"]

_NAMED_SIGNALS = ["SIGABRT", "SIGALRM", "SIGBUS", "SIGCHLD", "SIGCLD", "SIGCONT", "SIGFPE", "SIGHUP", "SIGILL",
                  "SIGINT", "SIGIO", "SIGIOT", "SIGKILL", "SIGPIPE", "SIGPOLL", "SIGPROF", "SIGPWR", "SIGQUIT",
                  "SIGSEGV", "SIGSTKFLT", "SIGSTOP", "SIGSYS", "SIGTERM", "SIGTRAP", "SIGTSTP", "SIGTTIN",
                  "SIGTTOU", "SIGURG", "SIGUSR1", "SIGUSR2", "SIGVTALRM", "SIGWINCH", "SIGXCPU", "SIGXFSZ"]
STOP_SIGNALS = (_NAMED_SIGNALS + ["SIGRTMIN"] + ["SIGRTMIN+%d" % i for i in range(1, 16)]
                + ["SIGRTMAX-%d" % i for i in range(14, 0, -1)] + ["SIGRTMAX"])


def deprecated_intree(what, replacement):
    return "The in-tree %s plugin is deprecated; %s." % (what, replacement)


def csi_redirect(what, driver):
    return deprecated_intree(what, "its operations are redirected to the %s CSI driver; use a "
                                   "PersistentVolumeClaim (or a csi volume) with that driver instead" % driver)


def removed(what):
    return deprecated_intree(what, "it is no longer supported; use a CSI driver for this storage "
                                   "through a PersistentVolumeClaim or a csi volume")


# ---------------------------------------------------------------------------------------------------------------
# Server-required fields the schema does not mark. (Type, field) -> the upstream check (Kubernetes v1.35
# pkg/apis/core/validation/validation.go unless named otherwise).
SERVER_REQUIRED = {
    ("Pod", "apiVersion"): "the API server decodes by apiVersion/kind (runtime.Decode)",
    ("Pod", "kind"): "the API server decodes by apiVersion/kind (runtime.Decode)",
    ("Pod", "metadata"): "ValidateObjectMeta (name or generateName live here)",
    ("Pod", "spec"): "validateContainers (spec.containers required)",
    ("Container", "image"): "validateContainerCommon: image required",
    ("ConfigMapVolumeSource", "name"): "validateConfigMapVolumeSource",
    ("SecretVolumeSource", "secretName"): "validateSecretVolumeSource",
    ("ConfigMapKeySelector", "name"): "validateConfigMapKeySelector",
    ("SecretKeySelector", "name"): "validateSecretKeySelector",
    ("ConfigMapEnvSource", "name"): "validateConfigMapEnvSource (ValidateEnvFrom)",
    ("SecretEnvSource", "name"): "validateSecretEnvSource (ValidateEnvFrom)",
    ("ExecAction", "command"): "validateExecAction: command non-empty",
    ("ContainerRestartRule", "exitCodes"): "validateContainerRestartPolicyRules",
    ("PodDNSConfigOption", "name"): "validatePodDNSConfig: options[].name required",
    # not in k8s-facts (validation.go, from memory of upstream -- reported as unsure):
    ("ConfigMapProjection", "name"): "validateProjectionSources: name required",
    ("SecretProjection", "name"): "validateProjectionSources: name required",
    ("ImageVolumeSource", "reference"): "validateImageVolumeSource: reference required for Pods",
    ("EphemeralVolumeSource", "volumeClaimTemplate"): "validateEphemeralVolumeSource: required",
    ("PersistentVolumeClaimSpec", "accessModes"): "ValidatePersistentVolumeClaimSpec: at least 1 access mode",
    ("PersistentVolumeClaimSpec", "resources"): "ValidatePersistentVolumeClaimSpec: resources.requests[storage]",
    ("VolumeResourceRequirements", "requests"): "ValidatePersistentVolumeClaimSpec: requests[storage] required",
}

# ---------------------------------------------------------------------------------------------------------------
# Per-field rules. Values are merged into the generated field (type/required come from the schema).
O = {}


def rule(typ, field, **kw):
    O.setdefault((typ, field), {}).update(kw)


# --- Pod / ObjectMeta (ValidateObjectMeta in apimachinery pkg/api/validation/objectmeta.go; the roots'
# apiVersion and kind enums: workload_facts.apply)
rule("ObjectMeta", "name", format="dns1123-subdomain")
rule("ObjectMeta", "namespace", format="dns1123-label")
rule("ObjectMeta", "labels", keyFormat="qualified-name", format="label-value")
rule("ObjectMeta", "annotations", keyFormat="qualified-name")
rule("ObjectMeta", "finalizers", format="qualified-name")
rule("OwnerReference", "blockOwnerDeletion", default="false")
rule("OwnerReference", "controller", default="false")

# --- PodSpec (ValidatePodSpec; gates from pkg/features/kube_features.go)
rule("PodSpec", "activeDeadlineSeconds", minimum=1, maximum=2147483647)
rule("PodSpec", "automountServiceAccountToken", default="true")
rule("PodSpec", "dnsPolicy", enum=["ClusterFirst", "ClusterFirstWithHostNet", "Default", "None"], default="ClusterFirst")
rule("PodSpec", "enableServiceLinks", default="true")
rule("PodSpec", "evictionResponders", featureGate="EvictionRequestAPI")
rule("PodSpec", "hostIPC", default="false")
rule("PodSpec", "hostNetwork", default="false")
rule("PodSpec", "hostPID", default="false")
rule("PodSpec", "hostUsers", default="true", featureGate="UserNamespacesSupport")
rule("PodSpec", "hostname", format="dns1123-label")
rule("PodSpec", "hostnameOverride", format="dns1123-subdomain", featureGate="HostnameOverride")
rule("PodSpec", "nodeName", format="dns1123-subdomain")
rule("PodSpec", "nodeSelector", keyFormat="qualified-name", format="label-value")
rule("PodSpec", "overhead", keyFormat="qualified-name")
rule("PodSpec", "preemptionPolicy", enum=["Never", "PreemptLowerPriority"], default="PreemptLowerPriority")
rule("PodSpec", "priorityClassName", format="dns1123-subdomain")
rule("PodSpec", "resourceClaims", featureGate="DynamicResourceAllocation")
rule("PodSpec", "resources", featureGate="PodLevelResources")
rule("PodSpec", "restartPolicy", enum=["Always", "Never", "OnFailure"], default="Always")
rule("PodSpec", "runtimeClassName", format="dns1123-subdomain")  # not in k8s-facts: validateRuntimeClassName
rule("PodSpec", "schedulerName", default="default-scheduler")
rule("PodSpec", "schedulingGates", featureGate="PodSchedulingReadiness")
rule("PodSpec", "schedulingGroup", featureGate="GenericWorkload")
rule("PodSpec", "workloadRef", featureGate="GenericWorkload")  # 1.35 only (k8s_versions.REMOVED_FIELDS)
rule("PodSpec", "securityContext", default="{}")
rule("PodSpec", "serviceAccount", deprecated="Deprecated alias of serviceAccountName; set serviceAccountName instead.")
rule("PodSpec", "serviceAccountName", format="dns1123-subdomain", default="default (set by the ServiceAccount admission plugin)")
rule("PodSpec", "subdomain", format="dns1123-label")
rule("PodSpec", "terminationGracePeriodSeconds", minimum=0, default="30")

# --- Container (validateContainerCommon, validateContainerPorts)
rule("Container", "name", format="dns1123-label")
rule("Container", "imagePullPolicy", enum=PULL_POLICY, default=PULL_DEFAULT)
rule("Container", "resizePolicy", featureGate="InPlacePodVerticalScaling")
rule("Container", "resources", default="requests default to limits when only limits are set")
rule("Container", "restartPolicy", enum=["Always", "Never", "OnFailure"], featureGate="SidecarContainers")
rule("Container", "restartPolicyRules", featureGate="ContainerRestartRules")
rule("Container", "terminationMessagePath", default="/dev/termination-log")
rule("Container", "terminationMessagePolicy", enum=["FallbackToLogsOnError", "File"], default="File")
rule("Container", "stdin", default="false")
rule("Container", "stdinOnce", default="false")
rule("Container", "tty", default="false")

rule("ContainerPort", "containerPort", **PORT)
rule("ContainerPort", "hostPort", minimum=0, maximum=65535, default="containerPort when hostNetwork is true, else unset")
rule("ContainerPort", "name", format="iana-port-name")
rule("ContainerPort", "protocol", enum=["SCTP", "TCP", "UDP"], default="TCP")

rule("EnvVar", "name", format="env-var-name")
rule("EnvVarSource", "fileKeyRef", featureGate="EnvFiles")
for t in ("ConfigMapKeySelector", "SecretKeySelector"):
    rule(t, "key", format="configmap-key")
    rule(t, "name", format="dns1123-subdomain")
    rule(t, "optional", default="false")
rule("ObjectFieldSelector", "apiVersion", default="v1")
rule("FileKeySelector", "optional", default="false")
rule("FileKeySelector", "volumeName", format="dns1123-label")
rule("EnvFromSource", "prefix", format="env-var-name")
for t in ("ConfigMapEnvSource", "SecretEnvSource"):
    rule(t, "name", format="dns1123-subdomain")
    rule(t, "optional", default="false")

# --- Volumes (ValidateVolumes, validateVolumeSource, ValidateVolumeMounts)
rule("VolumeMount", "name", format="dns1123-label")
rule("VolumeMount", "bindMountOptions", featureGate="VolumeBindMountOptions")
rule("VolumeMount", "mountPropagation", enum=["Bidirectional", "HostToContainer", "None"], default="None")
rule("VolumeMount", "readOnly", default="false")
rule("VolumeMount", "recursiveReadOnly", enum=["Disabled", "Enabled", "IfPossible"], default="Disabled",
     featureGate="RecursiveReadOnlyMounts")
rule("VolumeDevice", "name", format="dns1123-label")

rule("Volume", "name", format="dns1123-label")
rule("Volume", "image", featureGate="ImageVolume")
rule("Volume", "awsElasticBlockStore", deprecated=csi_redirect("awsElasticBlockStore", "ebs.csi.aws.com"))
rule("Volume", "azureDisk", deprecated=csi_redirect("azureDisk", "disk.csi.azure.com"))
rule("Volume", "azureFile", deprecated=csi_redirect("azureFile", "file.csi.azure.com"))
rule("Volume", "cephfs", deprecated=removed("cephfs"))
rule("Volume", "cinder", deprecated=csi_redirect("cinder", "cinder.csi.openstack.org"))
rule("Volume", "flexVolume", deprecated=deprecated_intree("flexVolume", "use a CSI driver instead"))
rule("Volume", "flocker", deprecated=removed("flocker"))
rule("Volume", "gcePersistentDisk", deprecated=csi_redirect("gcePersistentDisk", "pd.csi.storage.gke.io"))
rule("Volume", "gitRepo", deprecated=deprecated_intree(
    "gitRepo", "clone the repository in an init container into an emptyDir volume and mount that emptyDir instead"))
rule("Volume", "glusterfs", deprecated=removed("glusterfs"))
rule("Volume", "photonPersistentDisk", deprecated=removed("photonPersistentDisk"))
rule("Volume", "portworxVolume", deprecated=csi_redirect("portworxVolume", "pxd.portworx.com"))
rule("Volume", "quobyte", deprecated=removed("quobyte"))
rule("Volume", "rbd", deprecated=removed("rbd"))
rule("Volume", "scaleIO", deprecated=removed("scaleIO"))
rule("Volume", "storageos", deprecated=removed("storageos"))
rule("Volume", "vsphereVolume", deprecated=csi_redirect("vsphereVolume", "csi.vsphere.vmware.com"))

rule("EmptyDirVolumeSource", "medium", enum=["", "HugePages", "Memory"], enumPattern="^HugePages-.+$", default='"" (the node\'s default storage medium)')
rule("EmptyDirVolumeSource", "mode", featureGate="EmptyDirVolumeMode")
rule("HostPathVolumeSource", "type", enum=["", "BlockDevice", "CharDevice", "Directory", "DirectoryOrCreate", "File",
                                          "FileOrCreate", "Socket"], default='"" (no check before mounting)')
for t in ("ConfigMapVolumeSource", "SecretVolumeSource", "ProjectedVolumeSource", "DownwardAPIVolumeSource"):
    rule(t, "defaultMode", **DEFAULT_MODE)
    rule(t, "defaultUser", **ATOMIC_USER)
rule("ConfigMapVolumeSource", "name", format="dns1123-subdomain")
rule("ConfigMapVolumeSource", "optional", default="false")
rule("SecretVolumeSource", "secretName", format="dns1123-subdomain")
rule("SecretVolumeSource", "optional", default="false")
rule("KeyToPath", "key", format="configmap-key")
rule("KeyToPath", "mode", **MODE)
rule("KeyToPath", "user", **ATOMIC_USER)
rule("PersistentVolumeClaimVolumeSource", "readOnly", default="false")
rule("VolumeProjection", "clusterTrustBundle", featureGate="ClusterTrustBundleProjection")
rule("VolumeProjection", "podCertificate", featureGate="PodCertificateRequest")  # dropDisabledPodCertificateProjection
rule("ServiceAccountTokenProjection", "expirationSeconds", minimum=600, maximum=4294967296, default="3600")
rule("ServiceAccountTokenProjection", "user", **ATOMIC_USER)
for t in ("ConfigMapProjection", "SecretProjection"):
    rule(t, "name", format="dns1123-subdomain")
    rule(t, "optional", default="false")
rule("DownwardAPIVolumeFile", "mode", **MODE)
rule("DownwardAPIVolumeFile", "user", **ATOMIC_USER)
rule("ImageVolumeSource", "pullPolicy", enum=PULL_POLICY, default=PULL_DEFAULT)
rule("ClusterTrustBundleProjection", "user", **ATOMIC_USER)
rule("ClusterTrustBundleProjection", "optional", default="false")
# not in k8s-facts: PodCertificateProjection enum/range from the v1.37 schema description (types.go comments)
rule("PodCertificateProjection", "keyType", enum=["ECDSAP256", "ECDSAP384", "ECDSAP521", "ED25519", "RSA3072", "RSA4096"])
rule("PodCertificateProjection", "maxExpirationSeconds", minimum=3600, maximum=7862400, default="86400 (24 hours)")
rule("PodCertificateProjection", "user", **ATOMIC_USER)
rule("PodCertificateProjection", "userAnnotations", keyFormat="qualified-name")
# not in k8s-facts: PVC spec enums = core/v1 PersistentVolumeAccessMode / PersistentVolumeMode constants
rule("PersistentVolumeClaimSpec", "accessModes", enum=["ReadOnlyMany", "ReadWriteMany", "ReadWriteOnce", "ReadWriteOncePod"])
rule("PersistentVolumeClaimSpec", "volumeMode", enum=["Block", "Filesystem"], default="Filesystem")
rule("PersistentVolumeClaimSpec", "volumeAttributesClassName", featureGate="VolumeAttributesClass")
rule("PersistentVolumeClaimSpec", "storageClassName", default="the cluster's default StorageClass")
rule("TypedObjectReference", "namespace", featureGate="CrossNamespaceVolumeDataSource")
rule("VolumeResourceRequirements", "requests", keyFormat="qualified-name")
rule("VolumeResourceRequirements", "limits", keyFormat="qualified-name")
# in-tree sources: enums of core/v1 AzureDataDiskCachingMode / AzureDataDiskKind / ScaleIO storage modes
rule("AzureDiskVolumeSource", "cachingMode", enum=["None", "ReadOnly", "ReadWrite"])
rule("AzureDiskVolumeSource", "kind", enum=["Dedicated", "Managed", "Shared"], default="Shared")
rule("AzureDiskVolumeSource", "fsType", default="ext4")
rule("AzureDiskVolumeSource", "readOnly", default="false")
rule("ScaleIOVolumeSource", "storageMode", enum=["ThickProvisioned", "ThinProvisioned"], default="ThinProvisioned")
rule("ScaleIOVolumeSource", "fsType", default="xfs")
rule("RBDVolumeSource", "pool", default="rbd")
rule("RBDVolumeSource", "user", default="admin")
rule("RBDVolumeSource", "keyring", default="/etc/ceph/keyring")
rule("ISCSIVolumeSource", "iscsiInterface", default="default (tcp)")
rule("ISCSIVolumeSource", "lun", minimum=0, maximum=255)  # not in k8s-facts: validateISCSIVolumeSource (unsure)
rule("CephFSVolumeSource", "path", default="/")
rule("CephFSVolumeSource", "user", default="admin")
rule("CephFSVolumeSource", "secretFile", default="/etc/ceph/user.secret")

# --- Resources (ValidateResourceRequirements)
rule("ResourceRequirements", "claims", featureGate="DynamicResourceAllocation")
rule("ResourceRequirements", "limits", keyFormat="qualified-name")
rule("ResourceRequirements", "requests", keyFormat="qualified-name")
rule("PodResourceClaim", "name", format="dns1123-label")
rule("ContainerResizePolicy", "resourceName", enum=["cpu", "memory"])
rule("ContainerResizePolicy", "restartPolicy", enum=["NotRequired", "RestartContainer"])

# --- Probes & lifecycle (validateProbe, validateLifecycle, validateHandler)
rule("Probe", "failureThreshold", minimum=0, default="3")
rule("Probe", "initialDelaySeconds", minimum=0, default="0")
rule("Probe", "periodSeconds", minimum=0, default="10")
rule("Probe", "successThreshold", minimum=0, default="1 (must be 1 for liveness and startup probes)")
rule("Probe", "timeoutSeconds", minimum=0, default="1")
rule("Probe", "terminationGracePeriodSeconds", minimum=0, exclusiveMinimum=True,
     default="the pod's terminationGracePeriodSeconds")
for t in ("HTTPGetAction", "TCPSocketAction"):
    rule(t, "port", format="iana-port-name", **PORT)
rule("HTTPGetAction", "host", default="the pod IP")
rule("HTTPGetAction", "path", default="/")
rule("HTTPGetAction", "scheme", enum=["HTTP", "HTTPS"], default="HTTP")
rule("HTTPGetAction", "protocol", enum=["HTTP1", "HTTP2"], featureGate="H2CContainerProbe")
rule("TCPSocketAction", "host", default="the pod IP")
rule("HTTPHeader", "name", format="http-header-name")
rule("GRPCAction", "port", **PORT)
rule("GRPCAction", "mode", enum=["Plaintext", "TLS"], featureGate="GRPCContainerProbeTLS")
rule("GRPCAction", "service", default='"" (the default gRPC health service)')
rule("SleepAction", "seconds", minimum=0)
rule("Lifecycle", "stopSignal", enum=STOP_SIGNALS, featureGate="ContainerStopSignals",
     default="the stop signal of the container image / runtime")
rule("LifecycleHandler", "sleep", featureGate="PodLifecycleSleepAction")

# --- Security (ValidateSecurityContext, validatePodSpecSecurityContext)
for t in ("SecurityContext", "PodSecurityContext"):
    rule(t, "runAsUser", minimum=0, maximum=UID_MAX)
    rule(t, "runAsGroup", minimum=0, maximum=UID_MAX)
rule("SecurityContext", "procMount", enum=["Default", "Unmasked"], default="Default", featureGate="ProcMountType")
rule("PodSecurityContext", "fsGroup", minimum=0, maximum=UID_MAX)
rule("PodSecurityContext", "supplementalGroups", minimum=0, maximum=UID_MAX)  # bound applies to each item
rule("PodSecurityContext", "fsGroupChangePolicy", enum=["Always", "OnRootMismatch"], default="Always")
rule("PodSecurityContext", "seLinuxChangePolicy", enum=["MountOption", "Recursive"], featureGate="SELinuxChangePolicy")
rule("PodSecurityContext", "supplementalGroupsPolicy", enum=["Merge", "Strict"], default="Merge",
     featureGate="SupplementalGroupsPolicy")
rule("SeccompProfile", "type", enum=PROFILE_TYPES)
rule("AppArmorProfile", "type", enum=PROFILE_TYPES)

# --- Scheduling (ValidateTolerations, validateAffinity, validateTopologySpreadConstraints)
rule("Toleration", "effect", enum=["", "NoExecute", "NoSchedule", "PreferNoSchedule"], default='"" (all effects)')
rule("Toleration", "key", format="qualified-name")
rule("Toleration", "operator", enum=["Equal", "Exists", "Gt", "Lt"], default="Equal")
rule("Toleration", "value", format="label-value")
rule("NodeSelectorRequirement", "key", format="qualified-name")
rule("NodeSelectorRequirement", "operator", enum=["DoesNotExist", "Exists", "Gt", "In", "Lt", "NotIn"])
rule("PreferredSchedulingTerm", "weight", minimum=1, maximum=100)
rule("WeightedPodAffinityTerm", "weight", minimum=1, maximum=100)
rule("PodAffinityTerm", "topologyKey", format="qualified-name")
rule("PodAffinityTerm", "matchLabelKeys", format="qualified-name", featureGate="MatchLabelKeysInPodAffinity")
rule("PodAffinityTerm", "mismatchLabelKeys", format="qualified-name", featureGate="MatchLabelKeysInPodAffinity")
rule("PodAffinityTerm", "namespaces", format="dns1123-label")
rule("TopologySpreadConstraint", "maxSkew", minimum=0, exclusiveMinimum=True)
rule("TopologySpreadConstraint", "minDomains", minimum=0, exclusiveMinimum=True, default="1 (when unset)",
     featureGate="MinDomainsInPodTopologySpread")
rule("TopologySpreadConstraint", "nodeAffinityPolicy", enum=["Honor", "Ignore"], default="Honor",
     featureGate="NodeInclusionPolicyInPodTopologySpread")
rule("TopologySpreadConstraint", "nodeTaintsPolicy", enum=["Honor", "Ignore"], default="Ignore",
     featureGate="NodeInclusionPolicyInPodTopologySpread")
rule("TopologySpreadConstraint", "topologyKey", format="qualified-name")
rule("TopologySpreadConstraint", "matchLabelKeys", format="qualified-name")
rule("TopologySpreadConstraint", "whenUnsatisfiable", enum=["DoNotSchedule", "ScheduleAnyway"])
rule("LabelSelector", "matchLabels", keyFormat="qualified-name", format="label-value")
rule("LabelSelectorRequirement", "key", format="qualified-name")
rule("LabelSelectorRequirement", "operator", enum=LABEL_SELECTOR_OPS)
rule("PodSchedulingGate", "name", format="qualified-name")
rule("PodReadinessGate", "conditionType", format="qualified-name")  # open: any qualified name

# --- Misc (validatePodDNSConfig, ValidateHostAliases, ValidateReadinessGates)
rule("PodDNSConfig", "nameservers", format="ip")  # not in k8s-facts: validatePodDNSConfig checks each is an IP
rule("HostAlias", "ip", format="ip")
rule("HostAlias", "hostnames", format="dns1123-subdomain")
rule("PodOS", "name", enum=["linux", "windows"])
rule("ContainerRestartRule", "action", enum=["Restart", "RestartAllContainers"])
rule("ContainerRestartRuleOnExitCodes", "operator", enum=["In", "NotIn"])
# not in k8s-facts: from the v1.37 schema descriptions
rule("EvictionResponder", "name", format="qualified-name")
rule("EvictionResponder", "priority", minimum=0, maximum=100000)
rule("PodSchedulingGroup", "podGroupName", format="dns1123-subdomain")

# k8s-facts §7 (first bundled schema with the field), used as a cross-check of the computed `since`
FACTS_SINCE = {
    ("Container", "resizePolicy"): "1.27", ("Container", "restartPolicy"): "1.28",
    ("Container", "restartPolicyRules"): "1.34", ("EmptyDirVolumeSource", "mode"): "1.37",
    ("EnvVarSource", "fileKeyRef"): "1.34", ("HTTPGetAction", "protocol"): "1.37",
    ("Lifecycle", "stopSignal"): "1.33", ("LifecycleHandler", "sleep"): "1.29",
    ("PodAffinityTerm", "matchLabelKeys"): "1.29", ("PodAffinityTerm", "mismatchLabelKeys"): "1.29",
    ("PodSecurityContext", "appArmorProfile"): "1.30", ("PodSecurityContext", "seLinuxChangePolicy"): "1.32",
    ("PodSecurityContext", "supplementalGroupsPolicy"): "1.31", ("PodSpec", "evictionResponders"): "1.37",
    ("PodSpec", "hostnameOverride"): "1.34", ("PodSpec", "resourceClaims"): "1.26", ("PodSpec", "resources"): "1.32",
    ("PodSpec", "schedulingGates"): "1.26", ("PodSpec", "schedulingGroup"): "1.36",
    ("ResourceRequirements", "claims"): "1.26", ("SecurityContext", "appArmorProfile"): "1.30",
    ("Volume", "image"): "1.31", ("VolumeMount", "bindMountOptions"): "1.37",
    ("VolumeMount", "recursiveReadOnly"): "1.30", ("VolumeProjection", "clusterTrustBundle"): "1.29",
    ("VolumeProjection", "podCertificate"): "1.34",
}

# --- Facts the diagnostics read from the table (Kubernetes v1.35 pkg/apis/core/validation/validation.go)
# pathRule: how a file path is constrained. `local-descending`: relative, no `..` element
# (validateLocalDescendingPath); `no-backsteps`: any path without a `..` element (validatePathNoBacksteps).
for _typ, _field in [("VolumeMount", "subPath"), ("KeyToPath", "path"), ("DownwardAPIVolumeFile", "path"),
                     ("ServiceAccountTokenProjection", "path"), ("ClusterTrustBundleProjection", "path")]:
    rule(_typ, _field, pathRule="local-descending")
rule("HostPathVolumeSource", "path", pathRule="no-backsteps")  # validateHostPathVolumeSource

# linuxOnly / windowsOnly: what a pod with `os.name: windows` (validateWindows) or `linux` (validateLinux) may
# not set.
for _field in ["seLinuxOptions", "seccompProfile", "appArmorProfile", "fsGroup", "fsGroupChangePolicy", "sysctls",
               "runAsGroup", "supplementalGroups", "supplementalGroupsPolicy", "seLinuxChangePolicy"]:
    rule("PodSecurityContext", _field, linuxOnly=True)
for _field in ["seLinuxOptions", "seccompProfile", "appArmorProfile", "capabilities", "readOnlyRootFilesystem",
               "privileged", "allowPrivilegeEscalation", "procMount", "runAsGroup"]:
    rule("SecurityContext", _field, linuxOnly=True)
rule("PodSpec", "hostUsers", linuxOnly=True)
rule("PodSecurityContext", "windowsOptions", windowsOnly=True)
rule("SecurityContext", "windowsOptions", windowsOnly=True)

# emptyIsUnset: enum fields that are plain (non-pointer) strings in the Go types, where v1 defaulting tests
# `== ""` and fills the default, or validation reads "" as the default: `imagePullPolicy: ""` is accepted. An
# optional enum that is a pointer (`mountPropagation`, `procMount`, `volumeMode`, `preemptionPolicy`, ...) is
# defaulted only when nil, so `""` there is rejected by validation and must not be listed here.
for _typ, _field in [("Container", "imagePullPolicy"),            # SetDefaults_Container
                     ("Container", "terminationMessagePolicy"),   # SetDefaults_Container
                     ("ContainerPort", "protocol"),               # SetObjectDefaults_Pod (zz_generated)
                     ("PodSpec", "dnsPolicy"),                    # SetDefaults_PodSpec
                     ("PodSpec", "restartPolicy"),                # SetDefaults_PodSpec
                     ("HTTPGetAction", "scheme"),                 # SetDefaults_HTTPGetAction
                     ("ImageVolumeSource", "pullPolicy"),         # SetDefaults_ImageVolumeSource
                     ("ScaleIOVolumeSource", "storageMode"),      # SetDefaults_ScaleIOVolumeSource
                     ("Toleration", "operator"),                  # validateTolerations: "" reads as Equal
                     ("DeploymentStrategy", "type"),              # apps/v1 SetDefaults_Deployment
                     ("DaemonSetUpdateStrategy", "type"),         # apps/v1 SetDefaults_DaemonSet
                     ("StatefulSetSpec", "podManagementPolicy"),  # apps/v1 SetDefaults_StatefulSet
                     ("StatefulSetUpdateStrategy", "type"),       # apps/v1 SetDefaults_StatefulSet
                     ("StatefulSetPersistentVolumeClaimRetentionPolicy", "whenDeleted"),  # SetDefaults_StatefulSet
                     ("StatefulSetPersistentVolumeClaimRetentionPolicy", "whenScaled"),   # SetDefaults_StatefulSet
                     ("CronJobSpec", "concurrencyPolicy"),        # batch/v1 SetDefaults_CronJob
                     ("PodFailurePolicyOnPodConditionsPattern", "status")]:  # SetDefaults_PodFailurePolicyOn...
    rule(_typ, _field, emptyIsUnset=True)

# selectors: the downward API values a selector accepts, by where it is (`env` or `volume`); `prefixes` take a
# non-empty rest (`metadata.labels['app']`). validEnvDownwardAPIFieldPathExpressions,
# validVolumeDownwardAPIFieldPathExpressions (validateObjectFieldSelector) and
# validContainerResourceFieldPathExpressions / ...PrefixExpressions (validateContainerResourceFieldSelector).
_LABEL_PREFIXES = ["metadata.labels['", "metadata.annotations['"]
rule("ObjectFieldSelector", "fieldPath", selectors={
    "env": {"values": ["metadata.name", "metadata.namespace", "metadata.uid", "spec.nodeName",
                       "spec.serviceAccountName", "status.hostIP", "status.hostIPs", "status.podIP",
                       "status.podIPs"], "prefixes": _LABEL_PREFIXES},
    "volume": {"values": ["metadata.name", "metadata.namespace", "metadata.uid", "metadata.labels",
                          "metadata.annotations"], "prefixes": _LABEL_PREFIXES},
})
_RESOURCE_FIELDS = {"values": ["limits.cpu", "limits.memory", "limits.ephemeral-storage", "requests.cpu",
                               "requests.memory", "requests.ephemeral-storage"],
                    "prefixes": ["limits.hugepages-", "requests.hugepages-"]}
rule("ResourceFieldSelector", "resource", selectors={"env": _RESOURCE_FIELDS, "volume": _RESOURCE_FIELDS})

# resourceNames: the resource names a map of quantities takes (`names`, `prefixes` with a non-empty rest, and
# whether extended resources with a domain prefix are allowed); on a field holding such maps (pod-level
# `resources`) it replaces theirs. validateContainerResourceName / validateResourceName, validatePodResourceName.
_RESOURCE_NAMES = {"names": ["cpu", "memory", "ephemeral-storage", "storage"], "prefixes": ["hugepages-"],
                   "extended": True}
for _typ in ["ResourceRequirements", "VolumeResourceRequirements"]:
    for _field in ["limits", "requests"]:
        rule(_typ, _field, resourceNames=_RESOURCE_NAMES)
rule("PodSpec", "overhead", resourceNames=_RESOURCE_NAMES)
rule("PodSpec", "resources", resourceNames={"names": ["cpu", "memory"], "prefixes": ["hugepages-"],
                                            "extended": False})

workload_facts.apply(rule)
SERVER_REQUIRED.update(workload_facts.SERVER_REQUIRED)

# The definitions walked for the structure: the Pod's spec and metadata, and every workload root.
WALK_FROM = (["io.k8s.api.core.v1.PodSpec", "io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta"]
             + [ref for _, _, ref in workload_facts.ROOTS if ref])
ROOT_NAMES = sorted(kind for kind, _, _ in workload_facts.ROOTS)

ALLOWED_KEYS = {"emptyIsUnset", "type", "required", "enum", "enumPattern", "default", "minimum", "maximum", "exclusiveMinimum",
                "format", "keyFormat", "since", "removedIn", "replacedBy", "featureGate", "valueGates", "valueSince",
                "whileGateOff", "deprecated", "readOnly", "pathRule", "linuxOnly", "windowsOnly", "selectors",
                "resourceNames"}


# ---------------------------------------------------------------------------------------------------------------
def prop_type(p):
    """JSON-schema property -> (type expression, referenced definition or None, integer format or None)."""
    if "$ref" in p:
        ref = p["$ref"].split("/")[-1]
        if ref.endswith(".Quantity"):
            return "quantity", None, None
        if ref.endswith(".IntOrString"):
            return "int-or-string", None, None
        return short(ref), ref, None
    if "allOf" in p and len(p["allOf"]) == 1:
        return prop_type(p["allOf"][0])
    t = p.get("type")
    if isinstance(t, list):
        t = [x for x in t if x != "null"]
        assert len(t) == 1, p
        t = t[0]
    if t == "array":
        e, r, f = prop_type(p["items"])
        return "[]" + e, r, f
    if t == "object":
        ap = p.get("additionalProperties")
        assert isinstance(ap, dict), p
        e, r, f = prop_type(ap)
        return "map[string]" + e, r, f
    assert t in ("string", "integer", "number", "boolean"), p
    return t, None, (p.get("format") if t == "integer" else None)


def build():
    defs = load_defs(LATEST)
    types = {}
    long_of = {}
    queue = list(WALK_FROM)
    while queue:
        ref = queue.pop()
        name = short(ref)
        if name in long_of:
            assert long_of[name] == ref, "short-name clash: %s vs %s" % (long_of[name], ref)
            continue
        long_of[name] = ref
        d = defs[ref]
        req = set(d.get("required") or [])
        props = d.get("properties", {})
        names = sorted(props)
        if name == "ObjectMeta":
            names = OBJECT_META_FIELDS + SYSTEM_META_FIELDS
        extends = None
        if name == "EphemeralContainer":
            cont = defs["io.k8s.api.core.v1.Container"]["properties"]
            assert set(props) - set(cont) == {"targetContainerName"} and set(cont) <= set(props)
            for k in cont:
                assert prop_type(cont[k])[:2] == prop_type(props[k])[:2], k
            names = ["targetContainerName"]
            extends = "Container"
            queue.append("io.k8s.api.core.v1.Container")
        fields = {}
        for fname in names:
            if name == "ObjectMeta" and fname in SYSTEM_META_FIELDS:
                fields[fname] = {"type": "any", "readOnly": True}
                continue
            if fname == "status" and name in workload_facts.STATUS_OWNERS:
                # Server-owned, as the Pod's: not described further.
                fields[fname] = {"type": "any", "readOnly": True}
                continue
            texpr, target, ifmt = prop_type(props[fname])
            fld = {"type": texpr}
            if fname in req:
                fld["required"] = True
            if ifmt:
                fld["format"] = ifmt
            fields[fname] = fld
            if target:
                queue.append(target)
        t = {"fields": fields}
        if extends:
            t["extends"] = extends
        types[name] = t

    # root type
    types["Pod"] = {"fields": {
        "apiVersion": {"type": "string"},
        "kind": {"type": "string"},
        "metadata": {"type": "ObjectMeta"},
        "spec": {"type": "PodSpec"},
        "status": {"type": "any", "readOnly": True},
    }}
    types["List"] = workload_facts.LIST_TYPE

    # fields of older versions that the newest no longer has: known, not described further (`any`); their
    # versions and replacement come from add_versions
    for (tn, fn) in k8s_versions.REMOVED_FIELDS:
        assert tn in types and fn not in types[tn]["fields"], (tn, fn)
        types[tn]["fields"][fn] = {"type": "any"}

    # server-required
    for (tn, fn) in SERVER_REQUIRED:
        assert fn in types[tn]["fields"], (tn, fn)
        types[tn]["fields"][fn]["required"] = True

    # overrides
    for (tn, fn), kw in O.items():
        assert tn in types and fn in types[tn]["fields"], "unknown field in rules: %s.%s" % (tn, fn)
        fld = types[tn]["fields"][fn]
        for k, v in kw.items():
            assert k in ALLOWED_KEYS, k
            if k == "format" and fld.get("format") in ("int32", "int64"):
                # integer fields keep their int32/int64 format
                continue
            fld[k] = v
    # the schema's deprecated set must equal ours
    for tn, t in types.items():
        ref = long_of.get(tn)
        if not ref:
            continue
        for fn, fld in t["fields"].items():
            if fld.get("readOnly"):
                continue  # a status: its (possibly deprecated) fields are not in the table
            if (tn, fn) in k8s_versions.REMOVED_FIELDS:
                continue  # not in this schema
            desc = defs[ref]["properties"][fn].get("description", "")
            assert ("Deprecated:" in desc) == ("deprecated" in fld), (tn, fn)

    add_versions(types, long_of)
    return types


def add_versions(types, long_of):
    """`since` / `removedIn` of every field: the versions in which field f exists on the type reached via any
    path that leads to T in v1.37 (a removed field: on that type in the older schema), which must be one
    unbroken run of versions."""
    latest = load_defs(LATEST)
    present = {}
    first_type = {}
    for ver in VERSIONS:
        vdefs = load_defs(ver)
        seen = set()
        queue = [(ref, ref) for ref in WALK_FROM if ref in vdefs]
        while queue:
            ref37, refv = queue.pop()
            if (ref37, refv) in seen:
                continue
            seen.add((ref37, refv))
            tn = short(ref37)
            first_type.setdefault(tn, ver)
            p37 = latest[ref37].get("properties", {})
            pv = vdefs[refv].get("properties", {})
            for fn in pv:
                present.setdefault((tn, fn), set()).add(ver)
                if fn not in p37:
                    continue
                if fn == "status" and tn in workload_facts.STATUS_OWNERS:
                    continue
                _, t37, _ = prop_type(p37[fn])
                _, tv, _ = prop_type(pv[fn])
                if t37 and tv:
                    queue.append((t37, tv))

    for tn, t in types.items():
        if tn not in long_of:
            continue
        src = "Container" if t.get("extends") == "Container" else tn
        for fn, fld in t["fields"].items():
            key = (tn, fn)
            have = sorted(present.get(key, ()), key=vkey)
            assert have, key
            run = VERSIONS[VERSIONS.index(have[0]):VERSIONS.index(have[-1]) + 1]
            assert have == run, "%s.%s is not in one unbroken run of versions: %s" % (tn, fn, have)
            fv = have[0]
            tv = first_type[tn]
            if vkey(fv) > vkey(VERSIONS[0]) and vkey(fv) > vkey(tv):
                fld["since"] = fv
            if have[-1] != LATEST:
                assert key in k8s_versions.REMOVED_FIELDS, "%s.%s left after %s: say what replaced it" % (
                    tn, fn, have[-1])
                fld["removedIn"] = VERSIONS[VERSIONS.index(have[-1]) + 1]
                fld["replacedBy"] = k8s_versions.REMOVED_FIELDS[key]
            else:
                assert key not in k8s_versions.REMOVED_FIELDS, key
    # cross-check with k8s-facts §7
    for (tn, fn), v in FACTS_SINCE.items():
        assert types[tn]["fields"][fn].get("since") == v, (tn, fn, types[tn]["fields"][fn].get("since"), v)


def add_gates(types):
    """The enum values newer than their field or behind a gate (`valueSince`, `valueGates`) and the stricter
    rules of the versions before a gate relaxed them (`whileGateOff`), from k8s_versions; then the checks that
    the gates and versions agree: every gate named is in the gate table, and it exists (in some stage) in the
    first version that has what it guards."""
    for (tn, fn), values in k8s_versions.VALUE_FACTS.items():
        fld = types[tn]["fields"][fn]
        for value, (since, gate) in values.items():
            assert value in fld.get("enum", []), (tn, fn, value)
            if since and vkey(since) > vkey(fld.get("since", VERSIONS[0])):
                fld.setdefault("valueSince", {})[value] = since
            if gate:
                fld.setdefault("valueGates", {})[value] = gate
    for (tn, fn), rule_off in k8s_versions.WHILE_GATE_OFF.items():
        fld = types[tn]["fields"][fn]
        assert set(rule_off) - {"gate"} <= {"format", "minimum", "maxItems"}, rule_off
        fld["whileGateOff"] = dict(rule_off)
    for tn, t in types.items():
        for fn, fld in t["fields"].items():
            first = fld.get("since", VERSIONS[0])
            guarded = [(fld["featureGate"], first)] if "featureGate" in fld else []
            guarded += [(g, fld.get("valueSince", {}).get(v, first)) for v, g in fld.get("valueGates", {}).items()]
            if "whileGateOff" in fld:
                guarded.append((fld["whileGateOff"]["gate"], None))
            for gate, since in guarded:
                assert gate in k8s_versions.GATES, "%s.%s: gate %s is not in k8s_versions.GATES" % (tn, fn, gate)
                if since:
                    assert k8s_versions.stage_at(gate, since), "%s.%s exists in %s, before its gate %s" % (
                        tn, fn, since, gate)


def vkey(v):
    return tuple(int(x) for x in v.split("."))


def main(argv=None):
    parser = argparse.ArgumentParser(description="Generate schema/fields.json (see the module docstring).")
    parser.add_argument("--check", action="store_true",
                        help="regenerate in memory and compare with fields.json: exit 1 and print a diff if "
                             "they differ (what CI runs), write nothing")
    args = parser.parse_args(argv)
    installed = importlib.metadata.version("kubernetes-validate")
    if installed != KUBERNETES_VALIDATE:
        print("gen_fields.py reads kubernetes-validate %s, but %s is installed: "
              "pip install kubernetes-validate==%s" % (KUBERNETES_VALIDATE, installed, KUBERNETES_VALIDATE),
              file=sys.stderr)
        return 2
    types = build()
    add_gates(types)
    served_kinds = [kind for kind in ROOT_NAMES if kind != "List"]
    doc = {"root": "Pod", "roots": ROOT_NAMES, "types": types, "versions": VERSIONS,
           "featureGates": k8s_versions.gate_table(VERSIONS),
           "removedApiVersions": api_versions.removed_api_versions(VERSIONS, load_defs, served_kinds)}
    text = json.dumps(doc, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
    nf = sum(len(t["fields"]) for t in types.values())
    if args.check:
        return check(text, nf, len(types))
    with open(OUT, "w", encoding="utf-8") as f:
        f.write(text)
    print("wrote %s: %d types, %d fields" % (os.path.normpath(OUT), len(types), nf), file=sys.stderr)
    return 0


def check(text, nfields, ntypes):
    """0 when fields.json is exactly what the generator writes; else 1 with a unified diff on stdout."""
    path = os.path.relpath(OUT)
    try:
        with open(OUT, encoding="utf-8") as f:
            current = f.read()
    except OSError as e:
        print("%s: cannot read: %s" % (path, e), file=sys.stderr)
        return 1
    if current == text:
        print("%s is up to date: %d types, %d fields" % (path, ntypes, nfields), file=sys.stderr)
        return 0
    diff = difflib.unified_diff(current.splitlines(keepends=True), text.splitlines(keepends=True),
                                fromfile="%s (checked in)" % path, tofile="%s (generated)" % path)
    sys.stdout.writelines(diff)
    print("%s differs from what gen_fields.py generates: edit the generator, not the table, then run "
          "python3 schema/tools/gen_fields.py" % path, file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main())
