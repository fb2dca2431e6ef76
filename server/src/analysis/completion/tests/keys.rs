//! Keys at every depth: the fields of the mapping at the cursor.

use expect_test::expect;

use super::*;

#[test]
fn top_level_keys_required_first() {
    check(
        "apiVersion: v1\n$0\n",
        expect![[r#"
            replaces ""
            kind "kind: ${1|Pod,PodTemplate,ReplicationController,List,Deployment,ReplicaSet,StatefulSet,DaemonSet,Job,CronJob|}"
            metadata "metadata:\n  $0"
            spec "spec:\n  $0"
        "#]],
    );
    check(
        "$0\nkind: Pod\n",
        expect![[r#"
        replaces ""
        apiVersion "apiVersion: v1"
        metadata "metadata:\n  $0"
        spec "spec:\n  $0"
    "#]],
    );
}

#[test]
fn metadata_and_spec_keys() {
    check_labels(
        "kind: Pod\nmetadata:\n  name: x\n  $0\n",
        expect!["annotations finalizers generateName labels namespace ownerReferences"],
    );
    check_labels(
        "kind: Pod\nspec:\n  $0\n",
        expect![[
            r#"containers activeDeadlineSeconds affinity automountServiceAccountToken dnsConfig dnsPolicy enableServiceLinks ephemeralContainers evictionResponders hostAliases hostIPC hostNetwork hostPID hostUsers hostname hostnameOverride imagePullSecrets initContainers nodeName nodeSelector os overhead preemptionPolicy priority priorityClassName readinessGates resourceClaims resources restartPolicy runtimeClassName schedulerName schedulingGates schedulingGroup securityContext serviceAccount serviceAccountName setHostnameAsFQDN shareProcessNamespace subdomain terminationGracePeriodSeconds tolerations topologySpreadConstraints volumes"#
        ]],
    );
}

#[test]
fn container_keys_minus_those_present() {
    check_labels(
        &two("    $0\n"),
        expect![[
            r#"args command env envFrom imagePullPolicy lifecycle livenessProbe ports readinessProbe resizePolicy resources restartPolicy restartPolicyRules securityContext startupProbe stdin stdinOnce terminationMessagePath terminationMessagePolicy tty volumeDevices volumeMounts workingDir"#
        ]],
    );
    check_labels(
        &two("    ima$0"),
        expect!["imagePullPolicy terminationMessagePath terminationMessagePolicy"],
    );
}

#[test]
fn keys_of_list_items() {
    check_labels(
        &two("    ports:\n    - containerPort: 80\n      $0\n"),
        expect!["hostIP hostPort name protocol"],
    );
    check_labels(
        &two("    env:\n    - name: A\n      $0\n"),
        expect!["value valueFrom"],
    );
    check_labels(
        &two("    env:\n    - name: A\n      valueFrom:\n        $0\n"),
        expect!["configMapKeyRef fieldRef fileKeyRef resourceFieldRef secretKeyRef"],
    );
    check_labels(
        &two("    env:\n    - name: A\n      valueFrom:\n        secretKeyRef:\n          $0\n"),
        expect!["key name optional"],
    );
    check_labels(
        &two("    volumeMounts:\n    - name: data\n      $0\n"),
        expect![[
            r#"mountPath bindMountOptions mountPropagation readOnly recursiveReadOnly subPath subPathExpr"#
        ]],
    );
    check_labels(
        &two("  volumes:\n  - name: data\n    $0\n"),
        expect![[
            r#"awsElasticBlockStore azureDisk azureFile cephfs cinder configMap csi downwardAPI emptyDir ephemeral fc flexVolume flocker gcePersistentDisk gitRepo glusterfs hostPath image iscsi nfs persistentVolumeClaim photonPersistentDisk portworxVolume projected quobyte rbd scaleIO secret storageos vsphereVolume"#
        ]],
    );
    check_labels(
        &two("  volumes:\n  - name: data\n    configMap:\n      $0\n"),
        expect!["name defaultMode defaultUser items optional"],
    );
}

#[test]
fn keys_of_resources_probes_and_security() {
    check_labels(
        &two("    resources:\n      $0\n"),
        expect!["claims limits requests"],
    );
    check_labels(
        &two("    livenessProbe:\n      $0\n"),
        expect![[
            r#"exec failureThreshold grpc httpGet initialDelaySeconds periodSeconds successThreshold tcpSocket terminationGracePeriodSeconds timeoutSeconds"#
        ]],
    );
    check_labels(
        &two("    livenessProbe:\n      httpGet:\n        $0\n"),
        expect!["port host httpHeaders path protocol scheme"],
    );
    check_labels(
        &two("    securityContext:\n      $0\n"),
        expect![[
            r#"allowPrivilegeEscalation appArmorProfile capabilities privileged procMount readOnlyRootFilesystem runAsGroup runAsNonRoot runAsUser seLinuxOptions seccompProfile windowsOptions"#
        ]],
    );
    check_labels(
        &two("  securityContext:\n    seccompProfile:\n      $0\n"),
        expect!["type localhostProfile"],
    );
}

#[test]
fn keys_of_scheduling() {
    check_labels(
        &two("  affinity:\n    $0\n"),
        expect!["nodeAffinity podAffinity podAntiAffinity"],
    );
    check_labels(
        &two("  affinity:\n    nodeAffinity:\n      $0\n"),
        expect![[
            r#"preferredDuringSchedulingIgnoredDuringExecution requiredDuringSchedulingIgnoredDuringExecution"#
        ]],
    );
    check_labels(
        &two("  tolerations:\n  - key: gpu\n    $0\n"),
        expect!["effect operator tolerationSeconds value"],
    );
    check_labels(
        &two("  topologySpreadConstraints:\n  - maxSkew: 1\n    $0\n"),
        expect![[
            r#"topologyKey whenUnsatisfiable labelSelector matchLabelKeys minDomains nodeAffinityPolicy nodeTaintsPolicy"#
        ]],
    );
}

#[test]
fn keys_inside_workloads_come_from_the_object_root() {
    check_labels(
        "apiVersion: apps/v1\nkind: Deployment\nspec:\n  $0\n",
        expect![
            "selector template minReadySeconds paused progressDeadlineSeconds replicas revisionHistoryLimit strategy"
        ],
    );
    check_labels(
        "apiVersion: batch/v1\nkind: CronJob\nspec:\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          containers:\n          - name: c\n            $0\n",
        expect![
            "image args command env envFrom imagePullPolicy lifecycle livenessProbe ports readinessProbe resizePolicy resources restartPolicy restartPolicyRules securityContext startupProbe stdin stdinOnce terminationMessagePath terminationMessagePolicy tty volumeDevices volumeMounts workingDir"
        ],
    );
}
