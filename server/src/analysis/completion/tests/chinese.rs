//! Completion details in Chinese: skeletons (an object, a container, the volume sources), declared names,
//! resource names and a field whose gate is off in the target. Labels stay as the user types them.

use expect_test::{Expect, expect};

use super::*;
use crate::syntax::parse;

/// Each item whose detail has words as `label: detail`, in Chinese, against Kubernetes `version` (a type
/// name, `string` or `PodSpec`, is the same in every language and left out).
fn check_details(version: &str, fixture: &str, expect: Expect) {
    let offset = fixture.find("$0").expect("fixture needs a $0 cursor");
    let text = fixture.replacen("$0", "", 1);
    let target = crate::analysis::KubernetesVersion::parse(version).expect("a supported version");
    let inputs = Inputs::new(Locale::ZhCn).with_kubernetes(target);
    let list = completions(&inputs, &text, &parse(&text), offset, plain_text());
    let out: String = list
        .map(|list| list.items)
        .unwrap_or_default()
        .iter()
        .filter_map(|item| item.detail.as_deref().map(|detail| (&item.label, detail)))
        .filter(|(_, detail)| !detail.is_ascii())
        .map(|(label, detail)| format!("{label}: {detail}\n"))
        .collect();
    expect.assert_eq(&out);
}

#[test]
fn skeletons_and_names() {
    check_details(
        "1.37",
        "$0",
        expect![[r#"
        Pod: Pod 骨架
        Deployment: Deployment 骨架
        StatefulSet: StatefulSet 骨架
        DaemonSet: DaemonSet 骨架
        Job: Job 骨架
        CronJob: CronJob 骨架
    "#]],
    );
    check_details(
        "1.37",
        "kind: Pod\nspec:\n  volumes:\n  - $0\n",
        expect![[r#"
            emptyDir volume: 卷：临时的暂存空间
            configMap volume: 卷：来自 ConfigMap 的文件
            secret volume: 卷：来自 Secret 的文件
            persistentVolumeClaim volume: 卷：一个 PersistentVolumeClaim
            hostPath volume: 卷：节点上的一个路径
        "#]],
    );
    check_details(
        "1.37",
        "kind: Pod\nspec:\n  containers:\n  - name: a\n    ports: [{name: http, containerPort: 80}]\n    readinessProbe:\n      httpGet: {port: $0}\n    volumeMounts:\n    - name: data\n  volumes:\n  - {name: data, emptyDir: {}}\n",
        expect![[r#"
            http: 容器端口
        "#]],
    );
    check_details(
        "1.37",
        "kind: Pod\nspec:\n  containers:\n  - name: a\n    volumeMounts:\n    - name: $0\n  volumes:\n  - {name: data, emptyDir: {}}\n",
        expect![[r#"
            data: 卷
        "#]],
    );
}

#[test]
fn quantities_and_gated_fields() {
    check_details(
        "1.37",
        "kind: Pod\nspec:\n  containers:\n  - name: a\n    resources:\n      requests:\n        $0\n",
        expect![[r#"
            cpu: 资源数量
            memory: 资源数量
            ephemeral-storage: 资源数量
            hugepages-2Mi: 资源数量
            hugepages-1Gi: 资源数量
        "#]],
    );
    check_details(
        "1.33",
        "kind: Pod\nspec:\n  containers:\n  - name: a\n    lifecycle:\n      $0\n",
        expect![[r#"
            stopSignal: string · 特性门控 ContainerStopSignals（alpha，默认关闭）
        "#]],
    );
}
