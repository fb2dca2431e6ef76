//! The outline of every served kind, block and flow, one line per symbol: indentation for nesting, then
//! `name [detail] range selection`.

use expect_test::{Expect, expect};

use super::{Symbol, outline};
use crate::analysis::Inputs;
use crate::analysis::fixture::span;
use crate::syntax::parse;

fn check(text: &str, expected: Expect) {
    check_with(&Inputs::default(), text, expected);
}

fn check_with(inputs: &Inputs, text: &str, expected: Expect) {
    fn render(text: &str, symbols: &[Symbol], depth: usize, out: &mut String) {
        for s in symbols {
            assert!(
                s.range.start <= s.selection.start && s.selection.end <= s.range.end,
                "{}: selection outside its range",
                s.name
            );
            let detail = s
                .detail
                .as_deref()
                .map(|d| format!(" [{d}]"))
                .unwrap_or_default();
            out.push_str(&format!(
                "{}{:?} {}{detail} {} sel {}\n",
                "  ".repeat(depth),
                s.kind,
                s.name,
                span(text, s.range),
                span(text, s.selection),
            ));
            render(text, &s.children, depth + 1, out);
        }
    }
    let mut out = String::new();
    render(text, &outline(inputs, text, &parse(text)), 0, &mut out);
    expected.assert_eq(&out);
}

#[test]
fn a_deployment_with_its_containers_ports_mounts_and_volumes() {
    check(
        "apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    spec:
      initContainers:
      - name: schema
        image: liquibase:4
      containers:
      - name: api
        image: httpd:2.4
        ports:
        - name: http
          containerPort: 8080
        - containerPort: 9090
          protocol: UDP
        volumeMounts:
        - name: data
          mountPath: /data
      - name: sidecar
      volumes:
      - name: data
        persistentVolumeClaim:
          claimName: web-data
",
        expect![[r#"
            Object Deployment web 1:1-26:30 sel 4:9-4:12
              InitContainer init container schema (liquibase:4) [spec.template.spec.initContainers[0]] 9:7-10:27 sel 9:15-9:21
              Container container api (httpd:2.4) [spec.template.spec.containers[0]] 12:7-21:27 sel 12:15-12:18
                Port port http (8080/TCP) [spec.template.spec.containers[0].ports[0]] 15:9-16:30 sel 15:17-15:21
                Port port 9090/UDP [spec.template.spec.containers[0].ports[1]] 17:9-18:24 sel 17:26-17:30
                Mount mount data → /data [spec.template.spec.containers[0].volumeMounts[0]] 20:9-21:27 sel 20:17-20:21
              Container container sidecar [spec.template.spec.containers[1]] 22:7-22:22 sel 22:15-22:22
              Volume volume data (persistentVolumeClaim) [spec.template.spec.volumes[0]] 24:7-26:30 sel 24:15-24:19
        "#]],
    );
}

#[test]
fn flow_style_and_several_documents_each_their_own_object() {
    check(
        "{apiVersion: v1, kind: Pod, metadata: {name: one}, spec: {containers: [{name: a, image: busybox}], ephemeralContainers: [{name: dbg, image: busybox}]}}
---
apiVersion: v1
kind: ConfigMap
metadata: {name: settings}
---
apiVersion: v1
kind: Pod
metadata:
  generateName: batch-
spec:
  containers:
  - image: nginx
",
        expect![[r#"
            Object Pod one 1:1-1:152 sel 1:46-1:49
              Container container a (busybox) [spec.containers[0]] 1:72-1:97 sel 1:79-1:80
              EphemeralContainer ephemeral container dbg (busybox) [spec.ephemeralContainers[0]] 1:122-1:149 sel 1:129-1:132
            Object ConfigMap settings 3:1-5:27 sel 5:18-5:26
            Object Pod batch-… 7:1-13:17 sel 8:7-8:10
              Container container (nginx) [spec.containers[0]] 13:3-13:17 sel 13:3-13:17
        "#]],
    );
}

#[test]
fn every_kind_that_holds_a_pod_and_a_list_of_them() {
    check(
        "apiVersion: v1
kind: List
items:
- apiVersion: batch/v1
  kind: CronJob
  metadata: {name: nightly}
  spec:
    jobTemplate:
      spec:
        template:
          spec:
            containers: [{name: job, image: 'backup:2'}]
- apiVersion: apps/v1
  kind: StatefulSet
  metadata: {name: db}
  spec:
    template:
      spec:
        containers: [{name: pg, image: postgres:17}]
    volumeClaimTemplates:
    - metadata: {name: pgdata}
      spec: {}
",
        expect![[r#"
            Object List 1:1-22:15 sel 2:7-2:11
              Object CronJob nightly 4:1-12:57 sel 6:20-6:27
                Container container job (backup:2) [items[0].spec.jobTemplate.spec.template.spec.containers[0]] 12:26-12:56 sel 12:33-12:36
              Object StatefulSet db 13:1-22:15 sel 15:20-15:22
                Container container pg (postgres:17) [items[1].spec.template.spec.containers[0]] 19:22-19:52 sel 19:29-19:31
                ClaimTemplate volume claim template pgdata [items[1].spec.volumeClaimTemplates[0]] 21:5-22:15 sel 21:24-21:30
        "#]],
    );
}

#[test]
fn yaml_podls_does_not_serve_has_no_outline() {
    check(
        "apiVersion: v1\nkind: Service\nmetadata: {name: a}\n",
        expect![[""]],
    );
    check("a: [\n", expect![[""]]);
}

#[test]
fn a_custom_resource_the_project_declares_a_pod_template_of() {
    let inputs = Inputs {
        pod_templates: std::sync::Arc::new([crate::analysis::PodTemplate {
            api_version: "argoproj.io/v1alpha1".into(),
            kind: "Rollout".into(),
            path: vec!["spec".into(), "template".into()],
        }]),
        ..Inputs::default()
    };
    let text = "apiVersion: argoproj.io/v1alpha1\nkind: Rollout\nmetadata: {name: canary}\nspec:\n  template:\n    spec:\n      containers: [{name: app, image: app:3}]\n";
    let names: Vec<String> = outline(&inputs, text, &parse(text))
        .iter()
        .flat_map(|o| {
            std::iter::once(o.name.clone()).chain(o.children.iter().map(|c| c.name.clone()))
        })
        .collect();
    assert_eq!(names, ["Rollout canary", "container app (app:3)"]);
    assert!(outline(&Inputs::default(), text, &parse(text)).is_empty());
}

/// Every label in Chinese: the kinds of container, ports with and without a name, a mount, a volume with
/// its source, a claim template, and an object without kind or name.
#[test]
fn labels_in_chinese() {
    check_with(
        &Inputs::new(crate::messages::Locale::ZhCn),
        "apiVersion: apps/v1
kind: StatefulSet
metadata: {name: db}
spec:
  template:
    spec:
      initContainers: [{name: init, image: 'busybox:1'}]
      containers:
      - name: db
        image: postgres:16
        ports: [{name: sql, containerPort: 5432}, {containerPort: 9187, protocol: UDP}]
        volumeMounts: [{name: data, mountPath: /var/lib/postgresql}]
      ephemeralContainers: [{name: debug}]
      volumes: [{name: conf, configMap: {name: db}}]
  volumeClaimTemplates:
  - metadata: {name: data}
---
apiVersion: v1
items:
- {kind: Pod, spec: {containers: [{name: a}]}}
- {apiVersion: v1, spec: {containers: [{name: b}]}}
kind: List
",
        expect![[r#"
            Object StatefulSet db 1:1-16:27 sel 3:18-3:20
              InitContainer Init 容器 init（busybox:1） [spec.template.spec.initContainers[0]] 7:24-7:56 sel 7:31-7:35
              Container 容器 db（postgres:16） [spec.template.spec.containers[0]] 9:7-12:69 sel 9:15-9:17
                Port 端口 sql（5432/TCP） [spec.template.spec.containers[0].ports[0]] 11:17-11:49 sel 11:24-11:27
                Port 端口 9187/UDP [spec.template.spec.containers[0].ports[1]] 11:51-11:87 sel 11:67-11:71
                Mount 挂载 data → /var/lib/postgresql [spec.template.spec.containers[0].volumeMounts[0]] 12:24-12:68 sel 12:31-12:35
              EphemeralContainer 临时容器 debug [spec.template.spec.ephemeralContainers[0]] 13:29-13:42 sel 13:36-13:41
              Volume 卷 conf（configMap） [spec.template.spec.volumes[0]] 14:17-14:52 sel 14:24-14:28
              ClaimTemplate 卷申领模板 data [spec.volumeClaimTemplates[0]] 16:3-16:27 sel 16:22-16:26
            Object List 18:1-22:11 sel 22:7-22:11
              Object Pod 20:1-20:47 sel 20:10-20:13
                Container 容器 a [items[0].spec.containers[0]] 20:35-20:44 sel 20:42-20:43
              Object 文档 21:1-21:52 sel 21:1-21:52
        "#]],
    );
}
