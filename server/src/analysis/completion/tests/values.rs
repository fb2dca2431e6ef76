//! Values: enums (default first), booleans, declared names.

use expect_test::expect;

use super::*;

#[test]
fn enum_values_with_docs() {
    check(
        &two("    imagePullPolicy: $0\n"),
        expect![[r#"
        replaces ""
        Always "Always"
        IfNotPresent "IfNotPresent"
        Never "Never"
    "#]],
    );
    check(
        "kind: Pod\nspec:\n  restartPolicy: On$0\n",
        expect![[r#"
            replaces "On"
            OnFailure "OnFailure"
        "#]],
    );
    check(
        &two("    ports:\n    - containerPort: 53\n      protocol: $0\n"),
        expect![[r#"
            replaces ""
            TCP "TCP"
            SCTP "SCTP"
            UDP "UDP"
        "#]],
    );
    check(
        "kind: Pod\nspec:\n  dnsPolicy: $0\n",
        expect![[r#"
        replaces ""
        ClusterFirst "ClusterFirst"
        ClusterFirstWithHostNet "ClusterFirstWithHostNet"
        Default "Default"
        None "None"
    "#]],
    );
    check(
        "kind: Pod\nspec:\n  preemptionPolicy: $0\n",
        expect![[r#"
            replaces ""
            PreemptLowerPriority "PreemptLowerPriority"
            Never "Never"
        "#]],
    );
    check(
        "kind: Pod\nspec:\n  topologySpreadConstraints:\n  - whenUnsatisfiable: $0\n",
        expect![[r#"
        replaces ""
        DoNotSchedule "DoNotSchedule"
        ScheduleAnyway "ScheduleAnyway"
    "#]],
    );
    check(
        "kind: Pod\nspec:\n  tolerations:\n  - operator: $0\n",
        expect![[r#"
        replaces ""
        Equal "Equal"
        Exists "Exists"
        Gt "Gt"
        Lt "Lt"
    "#]],
    );
    check(
        "kind: Pod\nspec:\n  securityContext:\n    seccompProfile:\n      type: $0\n",
        expect![[r#"
        replaces ""
        Localhost "Localhost"
        RuntimeDefault "RuntimeDefault"
        Unconfined "Unconfined"
    "#]],
    );
}

#[test]
fn enum_value_docs_in_the_clients_language() {
    let (_, list) = run_in(
        Locale::ZhCn,
        "kind: Pod\nspec:\n  restartPolicy: $0\n",
        CompletionOptions::default(),
    );
    let item = list.unwrap().items.into_iter().next().unwrap();
    expect![[r#"
        Always Value
        **restartPolicy**: `Always`

        容器一旦停止就重启，即使是正常退出也一样。适合长期运行的服务，也是 Deployment、StatefulSet 和 DaemonSet 唯一接受的取值。使用该策略的 Pod 永远不会进入 `Succeeded` 状态。"#]].assert_eq(&format!("{} {:?}\n{}", item.label, item.kind, item.documentation.unwrap()));
}

#[test]
fn booleans_api_version_and_kind() {
    check(
        "kind: Pod\nspec:\n  hostNetwork: $0\n",
        expect![[r#"
            replaces ""
            false "false"
            true "true"
        "#]],
    );
    // Every value of `kind` and `apiVersion`: `tests/kinds.rs`.
    check(
        "apiVersion: v1\nkind:$0\n",
        expect![[r#"
            replaces ""
            Pod " Pod"
            PodTemplate " PodTemplate"
            ReplicationController " ReplicationController"
            List " List"
            Deployment " Deployment"
            ReplicaSet " ReplicaSet"
            StatefulSet " StatefulSet"
            DaemonSet " DaemonSet"
            Job " Job"
            CronJob " CronJob"
        "#]],
    );
}

#[test]
fn values_in_flow_style() {
    check(
        "{ kind: Pod, spec: { restartPolicy: $0 } }\n",
        expect![[r#"
        replaces ""
        Always "Always"
        Never "Never"
        OnFailure "OnFailure"
    "#]],
    );
}

#[test]
fn volume_mount_names_offer_declared_volumes() {
    check(
        "kind: Pod\nspec:\n  containers:\n  - name: a\n    volumeMounts:\n    - name: $0\n  volumes:\n  - name: data\n    emptyDir: {}\n  - name: config\n    configMap:\n      name: c\n",
        expect![[r#"
            replaces ""
            data "data"
            config "config"
        "#]],
    );
}

#[test]
fn probe_ports_offer_the_containers_port_names() {
    check(
        "kind: Pod\nspec:\n  containers:\n  - name: a\n    ports:\n    - name: http\n      containerPort: 8080\n    - name: metrics\n      containerPort: 9090\n    readinessProbe:\n      httpGet:\n        port: $0\n  - name: b\n    ports:\n    - name: other\n      containerPort: 1\n",
        expect![[r#"
            replaces ""
            http "http"
            metrics "metrics"
        "#]],
    );
    check(
        "kind: Pod\nspec:\n  containers:\n  - name: a\n    ports:\n    - name: grpc\n      containerPort: 1\n    livenessProbe:\n      tcpSocket: { port: $0 }\n",
        expect![[r#"
            replaces ""
            grpc "grpc"
        "#]],
    );
}
