"""What changes between Kubernetes minor versions, for gen_fields.py: the feature gates that guard fields and
enum values (stage and default per version), the enum values newer than their field, the fields that were
removed or renamed, and the server-side rules that were stricter before a gate relaxed them.

The versions a field exists in are not listed here: gen_fields.py computes them from the bundled per-version
schemas (`since`, `removedIn`). This module holds what a schema does not say.

Sources (own transcription, never pasted text):
* GATES: the versioned feature specs of kubernetes/kubernetes `pkg/features/kube_features.go`
  (`defaultVersionedKubernetesFeatureGates`, as of the 1.35 release branch), the scheduler-side gates of the
  1.37 tree (DynamicResourceAllocation, GenericWorkload, InPlacePodVerticalScaling, PodLevelResources,
  TaintTolerationComparisonOperators, VolumeAttributesClass: their 1.36/1.37 entries), and for gates first
  shipped in 1.36/1.37 or removed from the file after graduating (JobPodFailurePolicy, StatefulSetAutoDeletePVC,
  StatefulSetStartOrdinal, ReadWriteOncePod) the `stages:` of kubernetes/website
  `content/en/docs/reference/command-line-tools-reference/feature-gates/<Gate>.md` or the 1.33 file. Each
  entry is (first minor version, stage, on by default); a stage lasts until the next entry.
* VALUE_FACTS: the validation that admits each value (`pkg/apis/core/validation/validation.go`,
  `pkg/apis/batch/validation/validation.go`) and the `drop*` helpers of `pkg/api/pod/util.go` that name the
  gate.
* REMOVED_FIELDS: the bundled schemas (the field is in older ones, not in 1.37) and what replaced it there.
* WHILE_GATE_OFF: the validation named beside each entry, before and after the gate.
"""

ALPHA, BETA, GA = "alpha", "beta", "ga"

GATES = {
    "AtomicWriteVolumeUserFields": [("1.37", ALPHA, False)],
    "ClusterTrustBundleProjection": [("1.29", ALPHA, False), ("1.33", BETA, False), ("1.37", GA, True)],
    "ContainerRestartRules": [("1.34", ALPHA, False), ("1.35", BETA, True)],
    "ContainerStopSignals": [("1.33", ALPHA, False)],
    "CrossNamespaceVolumeDataSource": [("1.26", ALPHA, False)],
    "DynamicResourceAllocation": [("1.26", ALPHA, False), ("1.32", BETA, False), ("1.34", GA, True)],
    "EmptyDirVolumeMode": [("1.37", ALPHA, False)],
    "EnvFiles": [("1.34", ALPHA, False), ("1.35", BETA, True)],
    # Only a limit (validatePodDNSConfig's search paths): WHILE_GATE_OFF.
    "ExpandedDNSConfig": [("1.22", ALPHA, False), ("1.26", BETA, True), ("1.28", GA, True)],
    "EvictionRequestAPI": [("1.37", ALPHA, False)],
    "GRPCContainerProbeTLS": [("1.37", ALPHA, False)],
    "GenericWorkload": [("1.35", ALPHA, False), ("1.37", BETA, False)],
    "H2CContainerProbe": [("1.37", ALPHA, False)],
    "HostnameOverride": [("1.34", ALPHA, False), ("1.35", BETA, True)],
    "ImageVolume": [("1.31", ALPHA, False), ("1.33", BETA, False), ("1.35", BETA, True)],
    "InPlacePodVerticalScaling": [("1.27", ALPHA, False), ("1.33", BETA, True), ("1.35", GA, True)],
    "JobBackoffLimitPerIndex": [("1.28", ALPHA, False), ("1.29", BETA, True), ("1.33", GA, True)],
    "JobManagedBy": [("1.30", ALPHA, False), ("1.32", BETA, True), ("1.35", GA, True)],
    "JobPodFailurePolicy": [("1.25", ALPHA, False), ("1.26", BETA, True), ("1.31", GA, True)],
    "JobPodReplacementPolicy": [("1.28", ALPHA, False), ("1.29", BETA, True), ("1.34", GA, True)],
    "JobSuccessPolicy": [("1.30", ALPHA, False), ("1.31", BETA, True), ("1.33", GA, True)],
    # dropDisabledTopologySpreadConstraintsFields (pkg/api/pod/util.go) clears minDomains while it is off.
    "MinDomainsInPodTopologySpread": [("1.24", ALPHA, False), ("1.25", BETA, False), ("1.27", BETA, True),
                                      ("1.30", GA, True)],
    # dropDisabledNodeInclusionPolicyFields clears nodeAffinityPolicy / nodeTaintsPolicy while it is off.
    "NodeInclusionPolicyInPodTopologySpread": [("1.25", ALPHA, False), ("1.26", BETA, True), ("1.33", GA, True)],
    "MatchLabelKeysInPodAffinity": [("1.29", ALPHA, False), ("1.31", BETA, True), ("1.33", GA, True)],
    # 1.35.0-1.35.3 shipped it on, 1.35.4 and 1.36 off again, 1.37 on: per minor, the .0 release counts.
    "MaxUnavailableStatefulSet": [("1.24", ALPHA, False), ("1.35", BETA, True), ("1.36", BETA, False),
                                  ("1.37", BETA, True)],
    # The podCertificate projection is dropped unless PodCertificateRequest is on
    # (dropDisabledPodCertificateProjection in pkg/api/pod/util.go).
    "PodCertificateRequest": [("1.34", ALPHA, False), ("1.35", BETA, False)],
    "PodLevelResources": [("1.32", ALPHA, False), ("1.34", BETA, True)],
    "PodLifecycleSleepAction": [("1.29", ALPHA, False), ("1.30", BETA, True), ("1.34", GA, True)],
    "PodLifecycleSleepActionAllowZero": [("1.32", ALPHA, False), ("1.33", BETA, True), ("1.34", GA, True)],
    "PodSchedulingReadiness": [("1.26", ALPHA, False), ("1.27", BETA, True), ("1.30", GA, True)],
    "ProcMountType": [("1.12", ALPHA, False), ("1.31", BETA, False), ("1.33", BETA, True)],
    # Not in the 1.33+ files (removed after GA); stages as the 1.29 release notes give them.
    "ReadWriteOncePod": [("1.22", ALPHA, False), ("1.27", BETA, True), ("1.29", GA, True)],
    "RecursiveReadOnlyMounts": [("1.30", ALPHA, False), ("1.31", BETA, True), ("1.33", GA, True)],
    "RelaxedEnvironmentVariableValidation": [("1.30", ALPHA, False), ("1.32", BETA, True), ("1.34", GA, True)],
    "RestartAllContainersOnContainerExits": [("1.35", ALPHA, False)],
    "SELinuxChangePolicy": [("1.32", ALPHA, False), ("1.33", BETA, True)],
    "SidecarContainers": [("1.28", ALPHA, False), ("1.29", BETA, True), ("1.33", GA, True)],
    "StatefulSetAutoDeletePVC": [("1.23", ALPHA, False), ("1.27", BETA, True), ("1.32", GA, True)],
    "StatefulSetStartOrdinal": [("1.26", ALPHA, False), ("1.27", BETA, True), ("1.31", GA, True)],
    "SupplementalGroupsPolicy": [("1.31", ALPHA, False), ("1.33", BETA, True), ("1.35", GA, True)],
    "TaintTolerationComparisonOperators": [("1.35", ALPHA, False)],
    "UserNamespacesSupport": [("1.25", ALPHA, False), ("1.30", BETA, False), ("1.33", BETA, True)],
    "VolumeAttributesClass": [("1.29", ALPHA, False), ("1.31", BETA, False), ("1.34", GA, True)],
    "VolumeBindMountOptions": [("1.37", ALPHA, False)],
    "WorkloadWithJob": [("1.36", ALPHA, False)],
}

# (type, field) -> {value: (first minor version that accepts it, gate or None)}. A value not listed is as old
# as its field.
VALUE_FACTS = {
    # ValidateTolerations: Lt / Gt only with the gate (allowTaintTolerationComparisonOperators).
    ("Toleration", "operator"): {"Gt": ("1.35", "TaintTolerationComparisonOperators"),
                                 "Lt": ("1.35", "TaintTolerationComparisonOperators")},
    # validateContainerRestartPolicyRules: the action exists with its gate (restartAllContainersActionInUse).
    ("ContainerRestartRule", "action"): {"RestartAllContainers": ("1.35", "RestartAllContainersOnContainerExits")},
    # validateContainerRestartPolicy: before ContainerRestartRules only an init container's `Always` (the
    # sidecar); dropContainerRestartRules clears any other value while the gate is off.
    ("Container", "restartPolicy"): {"Never": ("1.34", "ContainerRestartRules"),
                                     "OnFailure": ("1.34", "ContainerRestartRules")},
    # ValidatePersistentVolumeClaimSpec: ReadWriteOncePod only with its gate (GA in 1.29).
    ("PersistentVolumeClaimSpec", "accessModes"): {"ReadWriteOncePod": (None, "ReadWriteOncePod")},
    # validatePodFailurePolicyRule: FailIndex with JobBackoffLimitPerIndex.
    ("PodFailurePolicyRule", "action"): {"FailIndex": ("1.28", "JobBackoffLimitPerIndex")},
}

# (type, field) -> what replaced it, in words. The versions that had it come from the schemas (the generator
# asserts that the field is in some of them and not in the newest).
REMOVED_FIELDS = {
    # 1.31 moved ClaimSource's two fields up into PodResourceClaim (DRA's v1alpha3 rework).
    ("PodResourceClaim", "source"): "`resourceClaimName` or `resourceClaimTemplateName` on the claim itself "
                                    "(the two fields that were under `source`)",
    # 1.29 gave the claim template its own VolumeResourceRequirements, without `claims`.
    ("VolumeResourceRequirements", "claims"): "nothing: a volume claim's `resources` take only `requests` and "
                                              "`limits` (`claims` belongs in a container's resources)",
    # The 1.35 alpha of GenericWorkload; 1.36 replaced the reference with `schedulingGroup`.
    ("PodSpec", "workloadRef"): "`schedulingGroup` (`podGroupName`)",
}

# (type, field) -> the stricter rule that applies while the gate is off by default in the target (and before
# the gate existed): {"gate": ..., plus the keys it overrides}. The table keeps today's rule in the field.
WHILE_GATE_OFF = {
    # validateEnvVarName: IsEnvVarName (`[-._a-zA-Z][-._a-zA-Z0-9]*`) until the relaxed check
    # (any printable ASCII but `=`) of RelaxedEnvironmentVariableValidation.
    ("EnvVar", "name"): {"gate": "RelaxedEnvironmentVariableValidation", "format": "env-var-name-strict"},
    ("EnvFromSource", "prefix"): {"gate": "RelaxedEnvironmentVariableValidation", "format": "env-var-name-strict"},
    # validateSleepAction: seconds > 0 until PodLifecycleSleepActionAllowZero allows 0.
    ("SleepAction", "seconds"): {"gate": "PodLifecycleSleepActionAllowZero", "minimum": 1},
    # validatePodDNSConfig: MaxDNSSearchPathsLegacy (6) search domains until ExpandedDNSConfig allows
    # MaxDNSSearchPathsExpanded (32); the 32 itself is the rule in rules/pod_spec.rs.
    ("PodDNSConfig", "searches"): {"gate": "ExpandedDNSConfig", "maxItems": 6},
}


def vkey(v):
    return tuple(int(x) for x in v.split("."))


def gate_table(versions):
    """The `featureGates` of fields.json: every gate as its stages, each with the first minor version of our
    range it holds in (a stage that began before the range starts at the range's first version)."""
    first = versions[0]
    out = {}
    for gate, stages in sorted(GATES.items()):
        assert stages == sorted(stages, key=lambda s: vkey(s[0])), gate
        rows = []
        for i, (since, stage, default) in enumerate(stages):
            until = stages[i + 1][0] if i + 1 < len(stages) else None
            if until is not None and vkey(until) <= vkey(first):
                continue  # over before the range starts
            since = max(since, first, key=vkey)
            assert stage in (ALPHA, BETA, GA), (gate, stage)
            assert stage != ALPHA or not default, "%s: an alpha gate is never on by default" % gate
            rows.append({"from": since, "stage": stage, "default": default})
        out[gate] = rows
    return out


def stage_at(gate, version):
    """(stage, default) of a gate at a minor version, None before it existed."""
    found = None
    for since, stage, default in GATES[gate]:
        if vkey(since) <= vkey(version):
            found = (stage, default)
    return found
