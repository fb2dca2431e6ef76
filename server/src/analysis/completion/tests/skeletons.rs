//! Skeletons of a Pod, a container, a volume.

use expect_test::expect;

use super::*;

#[test]
fn pod_skeleton_in_an_empty_file() {
    check_edit(
        "$0",
        "Pod",
        CompletionOptions::default(),
        expect![[r#"
            Snippet Some("Pod skeleton") snippet=true
            apiVersion: v1
            kind: Pod
            metadata:
              name: ${1:my-pod}
            spec:
              containers:
                - name: ${2:app}
                  image: ${3:nginx:1.27}$0"#]],
    );
    check_labels(
        "$0",
        expect!["Pod Deployment StatefulSet DaemonSet Job CronJob apiVersion kind metadata spec"],
    );
    check_labels("ap$0", expect!["apiVersion"]);
}

#[test]
fn pod_skeleton_after_a_document_marker() {
    check_edit(
        "kind: ConfigMap\ndata:\n    a: b\n---\n$0",
        "Pod",
        CompletionOptions::default(),
        expect![[r#"
            Snippet Some("Pod skeleton") snippet=true
            apiVersion: v1
            kind: Pod
            metadata:
                name: ${1:my-pod}
            spec:
                containers:
                    - name: ${2:app}
                      image: ${3:nginx:1.27}$0"#]],
    );
    check_edit(
        &four("---\n$0\n"),
        "Pod",
        plain_text(),
        expect![[r#"
            Snippet Some("Pod skeleton") snippet=false
            apiVersion: v1
            kind: Pod
            metadata:
                name: my-pod
            spec:
                containers:
                    - name: app
                      image: nginx:1.27"#]],
    );
}

#[test]
fn container_skeleton_at_a_new_item() {
    check_edit(
        &two("  - $0\n"),
        "container",
        CompletionOptions::default(),
        expect![[r#"
            Snippet Some("Container skeleton") snippet=true
              - name: ${1:app-2}
                image: ${2:nginx:1.27}$0"#]],
    );
    check_edit(
        &four("        - $0\n"),
        "container",
        plain_text(),
        expect![[r#"
            Snippet Some("Container skeleton") snippet=false
                    - name: app-2
                      image: nginx:1.27"#]],
    );
    check_edit(
        "kind: Pod\nspec:\n  initContainers:\n    $0\n",
        "container",
        CompletionOptions::default(),
        expect![[r#"
            Snippet Some("Container skeleton") snippet=true
                - name: ${1:app}
                  image: ${2:nginx:1.27}$0"#]],
    );
    check_edit(
        "kind: Pod\nspec:\n  containers:\n  $0\n",
        "container",
        plain_text(),
        expect![[r#"
            Snippet Some("Container skeleton") snippet=false
              - name: app
                image: nginx:1.27"#]],
    );
}

#[test]
fn volume_skeletons_per_source() {
    check(
        &two("  volumes:\n  - $0\n"),
        expect![[r#"
            replaces ""
            emptyDir volume "name: ${1:cache}\n  emptyDir: {}$0"
            configMap volume "name: ${1:config}\n  configMap:\n    name: ${2:my-config}$0"
            secret volume "name: ${1:secrets}\n  secret:\n    secretName: ${2:my-secret}$0"
            persistentVolumeClaim volume "name: ${1:data}\n  persistentVolumeClaim:\n    claimName: ${2:my-claim}$0"
            hostPath volume "name: ${1:host}\n  hostPath:\n    path: ${2:/var/log}$0"
            name "name: $0"
            awsElasticBlockStore "awsElasticBlockStore:\n    $0"
            azureDisk "azureDisk:\n    $0"
            azureFile "azureFile:\n    $0"
            cephfs "cephfs:\n    $0"
            cinder "cinder:\n    $0"
            configMap "configMap:\n    $0"
            csi "csi:\n    $0"
            downwardAPI "downwardAPI:\n    $0"
            emptyDir "emptyDir:\n    $0"
            ephemeral "ephemeral:\n    $0"
            fc "fc:\n    $0"
            flexVolume "flexVolume:\n    $0"
            flocker "flocker:\n    $0"
            gcePersistentDisk "gcePersistentDisk:\n    $0"
            gitRepo "gitRepo:\n    $0"
            glusterfs "glusterfs:\n    $0"
            hostPath "hostPath:\n    $0"
            image "image:\n    $0"
            iscsi "iscsi:\n    $0"
            nfs "nfs:\n    $0"
            persistentVolumeClaim "persistentVolumeClaim:\n    $0"
            photonPersistentDisk "photonPersistentDisk:\n    $0"
            portworxVolume "portworxVolume:\n    $0"
            projected "projected:\n    $0"
            quobyte "quobyte:\n    $0"
            rbd "rbd:\n    $0"
            scaleIO "scaleIO:\n    $0"
            secret "secret:\n    $0"
            storageos "storageos:\n    $0"
            vsphereVolume "vsphereVolume:\n    $0"
        "#]],
    );
    check_edit(
        &two("  volumes:\n  - $0\n"),
        "configMap",
        plain_text(),
        expect![[r#"
            Field Some("ConfigMapVolumeSource") snippet=false
              - configMap:
            ······"#]],
    );
    check_edit(
        &four("    volumes:\n        $0\n"),
        "- persistentVolumeClaim",
        CompletionOptions::default(),
        expect![[r#"
            Field Some("PersistentVolumeClaimVolumeSource") snippet=true
                    - persistentVolumeClaim:
                          $0"#]],
    );
}
