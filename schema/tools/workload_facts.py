"""The workload kinds of the field table: which objects are roots, and the API server's facts about their fields.

Imported by gen_fields.py (which walks the structure of every root from the kubernetes-validate schema, as it
does for the Pod); this module only says which definitions are roots and what the schema cannot say: the
fields the API server requires, enums, defaults, ranges, formats and feature gates. Each fact names the
upstream function it follows, read in kubernetes/kubernetes:

* `pkg/apis/apps/validation/validation.go` (v1.31-era copy): ValidateDeploymentSpec, ValidateDeploymentStrategy,
  ValidateRollingUpdateDeployment, ValidateReplicaSetSpec, ValidatePodTemplateSpecForReplicaSet,
  ValidateStatefulSetSpec, validateRollingUpdateStatefulSet, ValidatePersistentVolumeClaimRetentionPolicy,
  ValidateDaemonSetSpec, ValidateDaemonSetUpdateStrategy, ValidateRollingUpdateDaemonSet,
  ValidatePositiveIntOrPercent.
* `pkg/apis/apps/v1/defaults.go`: SetDefaults_Deployment, SetDefaults_DaemonSet, SetDefaults_StatefulSet,
  SetDefaults_ReplicaSet.
* `pkg/apis/batch/validation/validation.go` (v1.31-era copy): validateJobSpec, ValidateJobSpec,
  validatePodFailurePolicyRule, validatePodFailurePolicyRuleOnExitCodes,
  validatePodFailurePolicyRuleOnPodConditions, validatePodReplacementPolicy, validateSuccessPolicy(Rule),
  validateCronJobSpec, validateConcurrencyPolicy, validateTimeZone, ValidateJobTemplateSpec.
* `pkg/apis/batch/v1/defaults.go`: SetDefaults_Job, SetDefaults_CronJob,
  SetDefaults_PodFailurePolicyOnPodConditionsPattern.
* `pkg/apis/core/validation/validation.go`: ValidatePodTemplate / ValidatePodTemplateSpec,
  ValidateReplicationControllerSpec / ValidatePodTemplateSpecForRC; `pkg/apis/core/v1/defaults.go`
  SetDefaults_ReplicationController.
* Feature gates and the facts of the alpha Job `scheduling` types (scheduling.k8s.io/v1alpha3) are from the
  v1.37 schema descriptions (the Go `+featureGate` markers they echo); not checked against validation code.

Facts that relate several fields (selector matches the template's labels, restartPolicy per kind, maxSurge and
maxUnavailable not both zero, percentages at most 100%, Indexed-only fields, ...) are not field facts: they are
diagnostics rules (`server/src/analysis/diagnostics/rules/`).
"""

# The root types: every kind podls reads, with its apiVersion and its definition in the schema (None: built by
# gen_fields.py itself: the Pod, whose status it replaces, and the List, whose items are objects of their own).
ROOTS = [
    ("Pod", "v1", None),
    ("PodTemplate", "v1", "io.k8s.api.core.v1.PodTemplate"),
    ("ReplicationController", "v1", "io.k8s.api.core.v1.ReplicationController"),
    ("Deployment", "apps/v1", "io.k8s.api.apps.v1.Deployment"),
    ("ReplicaSet", "apps/v1", "io.k8s.api.apps.v1.ReplicaSet"),
    ("StatefulSet", "apps/v1", "io.k8s.api.apps.v1.StatefulSet"),
    ("DaemonSet", "apps/v1", "io.k8s.api.apps.v1.DaemonSet"),
    ("Job", "batch/v1", "io.k8s.api.batch.v1.Job"),
    ("CronJob", "batch/v1", "io.k8s.api.batch.v1.CronJob"),
    ("List", "v1", None),
]

# Objects whose `status` the cluster writes: `any` + readOnly, as the Pod's (not described further). The
# PersistentVolumeClaim is the claim template of a StatefulSet.
STATUS_OWNERS = {kind for kind, _, _ in ROOTS} | {"PersistentVolumeClaim"}

# A List (`kind: List`, what `kubectl get -o yaml` prints for several objects): its items are whole objects,
# each matched against the roots again by its own kind; its metadata is the server's ListMeta.
LIST_TYPE = {"fields": {
    "apiVersion": {"type": "string"},
    "kind": {"type": "string"},
    "metadata": {"type": "any", "readOnly": True},
    "items": {"type": "[]any"},
}}

# Server-required beyond the schema's `required` lists: (Type, field) -> the upstream reason.
SERVER_REQUIRED = {
    # Every object needs a name or generateName (ValidateObjectMeta): metadata is required as for the Pod.
    **{(kind, f): "as Pod: apiVersion/kind name the object, metadata holds its name (ValidateObjectMeta)"
       for kind, _, _ in ROOTS if kind not in ("Pod", "List") for f in ("apiVersion", "kind", "metadata")},
    ("List", "apiVersion"): "the List is decoded by its apiVersion/kind",
    ("List", "kind"): "the List is decoded by its apiVersion/kind",
    # An object without its spec has no template: the template's containers are then missing
    # (ValidatePodTemplateSpec -> ValidatePodSpec: containers required).
    ("Job", "spec"): "validateJobSpec: ValidatePodTemplateSpec(&spec.Template) needs containers",
    ("ReplicationController", "spec"): "ValidatePodTemplateSpecForRC: template required",
    ("PodTemplate", "template"): "ValidatePodTemplate -> ValidatePodTemplateSpec: containers required",
    ("ReplicaSetSpec", "template"): "ValidatePodTemplateSpecForReplicaSet: the template's containers required",
    ("ReplicationControllerSpec", "template"): "ValidatePodTemplateSpecForRC: nil template -> Required",
    ("PodTemplateSpec", "spec"): "ValidatePodTemplateSpec -> ValidatePodSpec: containers required",
    ("JobTemplateSpec", "spec"): "ValidateJobTemplateSpec -> validateJobSpec: template required",
    # Pod failure policy: validatePodFailurePolicyRuleOnPodConditions: type is a qualified name (empty fails).
    ("PodFailurePolicyOnPodConditionsPattern", "type"): "validatePodFailurePolicyRuleOnPodConditions",
    ("WorkloadPodGroupResourceClaim", "name"): "schema description: 'This field is required'",
    ("TopologyConstraint", "key"): "schema required list",
}

NONNEGATIVE = {"minimum": 0}  # ValidateNonnegativeField


def apply(rule):
    """Registers the workload facts through gen_fields.rule(typ, field, **facts)."""
    for kind, api_version, _ in ROOTS:
        rule(kind, "apiVersion", enum=[api_version])
        rule(kind, "kind", enum=[kind])
    rule("PersistentVolumeClaim", "apiVersion", enum=["v1"])
    rule("PersistentVolumeClaim", "kind", enum=["PersistentVolumeClaim"])

    # --- Deployment: ValidateDeploymentSpec, ValidateDeploymentStrategy, ValidateRollingUpdateDeployment;
    # defaults SetDefaults_Deployment.
    rule("DeploymentSpec", "replicas", default="1", **NONNEGATIVE)
    rule("DeploymentSpec", "minReadySeconds", default="0", **NONNEGATIVE)
    rule("DeploymentSpec", "revisionHistoryLimit", default="10", **NONNEGATIVE)
    rule("DeploymentSpec", "progressDeadlineSeconds", default="600", **NONNEGATIVE)  # and > minReadySeconds
    rule("DeploymentSpec", "paused", default="false")
    rule("DeploymentSpec", "strategy", default="RollingUpdate with maxSurge 25% and maxUnavailable 25%")
    rule("DeploymentStrategy", "type", enum=["Recreate", "RollingUpdate"], default="RollingUpdate")
    # int or percentage (ValidatePositiveIntOrPercent: a number >= 0 or "N%"); both 0 is a rule.
    rule("RollingUpdateDeployment", "maxSurge", default="25%", **NONNEGATIVE)
    rule("RollingUpdateDeployment", "maxUnavailable", default="25%", **NONNEGATIVE)

    # --- ReplicaSet / ReplicationController: ValidateReplicaSetSpec, ValidateReplicationControllerSpec;
    # SetDefaults_ReplicaSet, SetDefaults_ReplicationController (selector and replicas).
    for spec in ("ReplicaSetSpec", "ReplicationControllerSpec"):
        rule(spec, "replicas", default="1", **NONNEGATIVE)
        rule(spec, "minReadySeconds", default="0", **NONNEGATIVE)
    rule("ReplicationControllerSpec", "selector", keyFormat="qualified-name", format="label-value",
         default="the labels of the template")

    # --- StatefulSet: ValidateStatefulSetSpec, validateRollingUpdateStatefulSet,
    # ValidatePersistentVolumeClaimRetentionPolicy; SetDefaults_StatefulSet.
    rule("StatefulSetSpec", "replicas", default="1", **NONNEGATIVE)
    rule("StatefulSetSpec", "minReadySeconds", default="0", **NONNEGATIVE)
    rule("StatefulSetSpec", "revisionHistoryLimit", default="10", **NONNEGATIVE)
    rule("StatefulSetSpec", "podManagementPolicy", enum=["OrderedReady", "Parallel"], default="OrderedReady")
    rule("StatefulSetSpec", "updateStrategy", default="RollingUpdate with partition 0")
    rule("StatefulSetUpdateStrategy", "type", enum=["OnDelete", "RollingUpdate"], default="RollingUpdate")
    rule("RollingUpdateStatefulSetStrategy", "partition", default="0", **NONNEGATIVE)
    # validateRollingUpdateStatefulSet: int or percentage, "cannot be 0"; feature gate from the schema text.
    rule("RollingUpdateStatefulSetStrategy", "maxUnavailable", default="1", minimum=1,
         featureGate="MaxUnavailableStatefulSet")
    rule("StatefulSetOrdinals", "start", default="0", **NONNEGATIVE)
    rule("StatefulSetSpec", "ordinals", featureGate="StatefulSetStartOrdinal")
    for when in ("whenDeleted", "whenScaled"):
        rule("StatefulSetPersistentVolumeClaimRetentionPolicy", when, enum=["Delete", "Retain"], default="Retain")
    rule("StatefulSetSpec", "persistentVolumeClaimRetentionPolicy", featureGate="StatefulSetAutoDeletePVC")

    # --- DaemonSet: ValidateDaemonSetSpec, ValidateDaemonSetUpdateStrategy, ValidateRollingUpdateDaemonSet;
    # SetDefaults_DaemonSet.
    rule("DaemonSetSpec", "minReadySeconds", default="0", **NONNEGATIVE)
    rule("DaemonSetSpec", "revisionHistoryLimit", default="10", **NONNEGATIVE)
    rule("DaemonSetSpec", "updateStrategy", default="RollingUpdate with maxUnavailable 1 and maxSurge 0")
    rule("DaemonSetUpdateStrategy", "type", enum=["OnDelete", "RollingUpdate"], default="RollingUpdate")
    rule("RollingUpdateDaemonSet", "maxUnavailable", default="1", **NONNEGATIVE)
    rule("RollingUpdateDaemonSet", "maxSurge", default="0", **NONNEGATIVE)

    # --- Job: validateJobSpec (ValidateNonnegativeField for each count and duration, the completionMode and
    # podReplacementPolicy enums, managedBy a domain-prefixed path of at most 63 characters, maxFailedIndexes at
    # most 100000); defaults SetDefaults_Job.
    rule("JobSpec", "parallelism", default="1", **NONNEGATIVE)
    rule("JobSpec", "completions", default="1 when parallelism is unset too; otherwise unset (any one success "
                                          "completes the Job)", **NONNEGATIVE)
    # validateJobSpec checks it with ValidateNonnegativeField: 0 passes validation (the schema text says
    # "positive"); a Job with 0 fails as soon as it starts.
    rule("JobSpec", "activeDeadlineSeconds", **NONNEGATIVE)
    rule("JobSpec", "backoffLimit", default="6 (2147483647 when backoffLimitPerIndex is set)", **NONNEGATIVE)
    rule("JobSpec", "backoffLimitPerIndex", featureGate="JobBackoffLimitPerIndex", **NONNEGATIVE)
    rule("JobSpec", "maxFailedIndexes", maximum=100000, featureGate="JobBackoffLimitPerIndex", **NONNEGATIVE)
    rule("JobSpec", "ttlSecondsAfterFinished", **NONNEGATIVE)
    # A pointer: SetDefaults_Job fills it only when nil, so `completionMode: ""` is rejected (validateJobSpec),
    # unlike the `== ""` defaults of the enums above; the phrase keeps "" from reading as unset.
    rule("JobSpec", "completionMode", enum=["Indexed", "NonIndexed"],
         default="NonIndexed when left out (an empty string is rejected)")
    rule("JobSpec", "podReplacementPolicy", enum=["Failed", "TerminatingOrFailed"],
         default="TerminatingOrFailed (Failed when podFailurePolicy is set)", featureGate="JobPodReplacementPolicy")
    rule("JobSpec", "suspend", default="false")
    rule("JobSpec", "manualSelector", default="false")
    rule("JobSpec", "selector", default="generated from the Job's uid (unless manualSelector is true)")
    rule("JobSpec", "managedBy", default="kubernetes.io/job-controller (the built-in Job controller)",
         featureGate="JobManagedBy")
    rule("JobSpec", "podFailurePolicy", featureGate="JobPodFailurePolicy")
    rule("JobSpec", "successPolicy", featureGate="JobSuccessPolicy")
    rule("JobSpec", "scheduling", featureGate="WorkloadWithJob")
    # validatePodFailurePolicyRule / ...OnExitCodes / ...OnPodConditions; SetDefaults_PodFailurePolicyOnPodConditionsPattern.
    rule("PodFailurePolicyRule", "action", enum=["Count", "FailIndex", "FailJob", "Ignore"])
    rule("PodFailurePolicyOnExitCodesRequirement", "operator", enum=["In", "NotIn"])
    rule("PodFailurePolicyOnExitCodesRequirement", "containerName", format="dns1123-label")
    rule("PodFailurePolicyOnPodConditionsPattern", "type", format="qualified-name")
    rule("PodFailurePolicyOnPodConditionsPattern", "status", enum=["False", "True", "Unknown"], default="True")
    rule("SuccessPolicyRule", "succeededCount", **NONNEGATIVE)  # validateSuccessPolicyRule
    # Alpha workload-aware scheduling (scheduling.k8s.io/v1alpha3 types), from the v1.37 schema text.
    rule("WorkloadPodGroupGangSchedulingPolicy", "minCount", minimum=1, default="the Job's parallelism")
    rule("WorkloadPodGroupResourceClaim", "name", format="dns1123-label")
    rule("WorkloadPodGroupResourceClaim", "resourceClaimName", format="dns1123-subdomain")
    rule("WorkloadPodGroupResourceClaim", "resourceClaimTemplateName", format="dns1123-subdomain")
    rule("TopologyConstraint", "key", format="qualified-name")

    # --- CronJob: validateCronJobSpec, validateConcurrencyPolicy; SetDefaults_CronJob. The schedule's syntax and
    # the time zone's existence are rules (cron.ParseStandard, validateTimeZone -> time.LoadLocation).
    rule("CronJobSpec", "concurrencyPolicy", enum=["Allow", "Forbid", "Replace"], default="Allow")
    rule("CronJobSpec", "startingDeadlineSeconds", **NONNEGATIVE)
    rule("CronJobSpec", "successfulJobsHistoryLimit", default="3", **NONNEGATIVE)
    rule("CronJobSpec", "failedJobsHistoryLimit", default="1", **NONNEGATIVE)
    rule("CronJobSpec", "suspend", default="false")
    rule("CronJobSpec", "timeZone", default="the time zone of the kube-controller-manager")
