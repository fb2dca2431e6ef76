//! Fixes of references: another declared name (ports, volumes), a new volume, names in their format.

use expect_test::expect;

use super::{check_changes, pod};

#[test]
fn named_ports_of_probes_and_handlers() {
    check_changes(
        &pod(
            "      ports:\n        - name: http\n          containerPort: 80\n        - name: metrics\n          containerPort: 9090\n      livenessProbe:\n        httpGet:\n          port: htp\n      lifecycle:\n        preStop:\n          tcpSocket:\n            port: admin\n",
            "",
        ),
        expect![[r#"
            ## Change to `http` (preferred)
            -          port: htp
            +          port: http
            ## Change to `metrics`
            -          port: htp
            +          port: metrics
            ## Change to `http`
            -            port: admin
            +            port: http
            ## Change to `metrics`
            -            port: admin
            +            port: metrics
        "#]],
    );
}

#[test]
fn mounts_of_undeclared_volumes() {
    let mounts = "      volumeMounts:\n        - name: data\n          mountPath: /data\n";
    check_changes(
        &pod(mounts, ""),
        expect![[r#"
        ## Add volume `data` (emptyDir: {}) (preferred)
        +  volumes:
        +    - name: data
        +      emptyDir: {}
    "#]],
    );
    check_changes(
        &pod(
            mounts,
            "  volumes:\n    - name: cache\n      emptyDir: {}\n",
        ),
        expect![[r#"
            ## Add volume `data` (emptyDir: {}) (preferred)
            +    - name: data
            +      emptyDir: {}
            ## Change to `cache`
            -        - name: data
            +        - name: cache
        "#]],
    );
    check_changes(
        &pod(mounts, "  volumes:\n    - name: dta\n      emptyDir: {}\n"),
        expect![[r#"
            ## Change to `dta` (preferred)
            -        - name: data
            +        - name: dta
            ## Add volume `data` (emptyDir: {})
            +    - name: data
            +      emptyDir: {}
        "#]],
    );
    check_changes(
        "{\"apiVersion\": \"v1\", \"kind\": \"Pod\", \"metadata\": {\"name\": \"a\"}, \"spec\": {\"containers\": [{\"name\": \"c\", \"image\": \"nginx:1\", \"volumeMounts\": [{\"name\": \"data\", \"mountPath\": \"/d\"}]}]}}\n",
        expect![[r###"
            ## Add volume `data` (emptyDir: {}) (preferred)
            -{"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "a"}, "spec": {"containers": [{"name": "c", "image": "nginx:1", "volumeMounts": [{"name": "data", "mountPath": "/d"}]}]}}
            +{"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "a"}, "spec": {"containers": [{"name": "c", "image": "nginx:1", "volumeMounts": [{"name": "data", "mountPath": "/d"}]}], "volumes": [{"name": "data", "emptyDir": {}}]}}
        "###]],
    );
    check_changes(
        "apiVersion: v1\nkind: Pod\nmetadata: {name: a}\nspec: {containers: [{name: c, image: \"nginx:1\", volumeMounts: [{name: data, mountPath: /d}]}], volumes: []}\n",
        expect![[r###"
            ## Add volume `data` (emptyDir: {}) (preferred)
            -spec: {containers: [{name: c, image: "nginx:1", volumeMounts: [{name: data, mountPath: /d}]}], volumes: []}
            +spec: {containers: [{name: c, image: "nginx:1", volumeMounts: [{name: data, mountPath: /d}]}], volumes: [{name: data, emptyDir: {}}]}
        "###]],
    );
}

#[test]
fn names_in_their_format_and_duplicates_renamed() {
    check_changes(
        "apiVersion: v1\nkind: Pod\nmetadata:\n  name: My_Pod\nspec:\n  containers:\n    - name: app\n      image: nginx:1\n      ports:\n        - name: Web_Port\n          containerPort: 80\n    - name: app\n      image: nginx:1\n",
        expect![[r#"
            ## Change to `my-pod` (preferred)
            -  name: My_Pod
            +  name: my-pod
            ## Change to `web-port` (preferred)
            -        - name: Web_Port
            +        - name: web-port
            ## Rename to `app-2`
            -    - name: app
            +    - name: app-2
        "#]],
    );
}

#[test]
fn host_process_pods_get_the_host_network_and_all_or_none_host_process_containers() {
    check_changes(
        "apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\nspec:\n  containers:\n  - name: a\n    image: mcr.microsoft.com/windows/nanoserver:ltsc2022\n    securityContext:\n      windowsOptions:\n        hostProcess: true\n  - name: b\n    image: mcr.microsoft.com/windows/nanoserver:ltsc2022\n",
        expect![[r#"
            ## Set `hostNetwork: true` (preferred)
            +  hostNetwork: true
            ## Make no container HostProcess
            -        hostProcess: true
            +        hostProcess: false
            ## Make this container HostProcess too (preferred)
            +    securityContext:
            +      windowsOptions:
            +        hostProcess: true
            ## Make no container HostProcess
            -        hostProcess: true
            +        hostProcess: false
        "#]],
    );
}
