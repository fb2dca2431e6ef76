//! The hover on a use of a name in Chinese: every kind of declaration detail, a declaration in another
//! file, and each answer for a name nothing declares.

use expect_test::expect;

use super::across_files::{CONFIG, DEPLOYMENT, SERVICE, cursor};
use super::{at, check_hover_in};
use crate::messages::Locale;

fn check(text: &str, expect: expect_test::Expect) {
    check_hover_in(Locale::ZhCn, text, expect);
}

#[test]
fn the_pods_own_names() {
    check(
        &at("data\n      mountPath", 1),
        expect![[r#"
        a.yaml 26:13-26:17 data
        **卷 `data`**

        - 来自 `persistentVolumeClaim` 的卷（`claimName: web-data`）
    "#]],
    );
    check(
        &at("http\n    volumeMounts", 0),
        expect![[r#"
        a.yaml 24:17-24:21 http
        **端口 `http`**

        - containerPort 为 `8080/TCP`
    "#]],
    );
    check(
        &at("app, resource", 0),
        expect![[r#"
        a.yaml 31:43-31:46 app
        **容器 `app`**

        - 容器，使用镜像 `nginx:1.27`
    "#]],
    );
    check(
        &at("gpu\n  resourceClaims", 0),
        expect![[r#"
        a.yaml 34:15-34:18 gpu
        **资源申领 `gpu`**

        - 来自 `resourceClaimTemplateName: gpu-template` 的资源申领
    "#]],
    );
    // A mount of a volume the pod does not declare.
    check(
        &at("data\n      mountPath", 1).replace(
            "name: data\n    persistentVolumeClaim",
            "name: other\n    persistentVolumeClaim",
        ),
        expect![[r#"
            a.yaml 26:13-26:17 data
            **卷 `data`**

            没有任何地方声明这个卷。
        "#]],
    );
}

#[test]
fn init_containers_and_claim_templates() {
    let text = "apiVersion: apps/v1
kind: StatefulSet
metadata: {name: db}
spec:
  template:
    spec:
      initContainers: [{name: init, image: 'busybox:1'}]
      containers:
      - name: db
        image: postgres:16
        volumeMounts: [{name: data, mountPath: /data}]
        env:
        - name: X
          valueFrom: {resourceFieldRef: {containerName: init, resource: limits.cpu}}
  volumeClaimTemplates:
  - metadata: {name: data}
";
    check(
        &text.replace("{name: data, mountPath", "{name: $0data, mountPath"),
        expect![[r#"
            a.yaml 11:31-11:35 data
            **卷 `data`**

            - StatefulSet 的卷申领模板：每个 Pod 各得到一个自己的 PersistentVolumeClaim `<template>-<pod>`
        "#]],
    );
    check(
        &text.replace("containerName: init", "containerName: $0init"),
        expect![[r#"
            a.yaml 14:57-14:61 init
            **容器 `init`**

            - Init 容器，使用镜像 `busybox:1`
        "#]],
    );
}

#[test]
fn objects_of_the_cluster_and_other_files() {
    check(
        &format!("{}{CONFIG}", cursor(DEPLOYMENT, "name: |settings")),
        expect![[r#"
            deploy.yaml 14:41-14:49 settings
            **ConfigMap `settings`**

            - 含有键 `LOG_LEVEL` 和 `MODE` 的 ConfigMap（在 `config.yaml` 中）
        "#]],
    );
    check(
        &format!("{}{CONFIG}", cursor(DEPLOYMENT, "claimName: |cache")),
        expect![[r#"
            deploy.yaml 17:44-17:49 cache
            **PersistentVolumeClaim `cache`**

            - 申请 `5Gi` 的 PersistentVolumeClaim（在 `config.yaml` 中）
        "#]],
    );
    check(
        &format!(
            "{}{CONFIG}",
            cursor(DEPLOYMENT, "serviceAccountName: |runner")
        ),
        expect![[r#"
            deploy.yaml 9:27-9:33 runner
            **ServiceAccount `runner`**

            - ServiceAccount（在 `config.yaml` 中）
        "#]],
    );
    check(
        &format!("{}{CONFIG}", cursor(DEPLOYMENT, "name: |creds"))
            .replace("creds, namespace: prod", "other, namespace: prod"),
        expect![[r#"
            deploy.yaml 14:72-14:77 creds
            **Secret `creds`**

            本文件、打开的文档和工作区里都没有 Secret `creds`：它必须已经存在于集群中。
        "#]],
    );
    check(
        &format!("{}{DEPLOYMENT}", cursor(SERVICE, "targetPort: w|eb")),
        expect![[r#"
            service.yaml 8:17-8:20 web
            **端口 `web`**

            - containerPort 为 `9000/TCP`（在 `deploy.yaml` 中）
        "#]],
    );
    check(
        &format!("{}{DEPLOYMENT}", cursor(SERVICE, "app: |api")),
        expect![[r#"
            service.yaml 5:19-5:22 api
            **选中带有标签 `app: api` 的 Pod**

            - `spec.template.metadata.labels.app`（在 `deploy.yaml` 中）
        "#]],
    );
    check(
        &cursor(SERVICE, "app: |api"),
        expect![[r#"
        service.yaml 5:19-5:22 api
        **选中带有标签 `app: api` 的 Pod**

        工作区里没有哪个 Pod 或模板带有这个标签。
    "#]],
    );
}
