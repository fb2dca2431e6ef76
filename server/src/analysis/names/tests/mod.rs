//! Data-driven tests of names as symbols. A fixture is one or more files, each starting with a `//- name`
//! line (the first file when there is none is `a.yaml`); `$0` in the first marks the cursor. Each
//! snapshot line is `file line:col-line:col text` (1-based) of a location found, or the answer of the request.

use expect_test::{Expect, expect};

use super::*;
use std::sync::Arc;

use crate::messages::Locale;
use crate::syntax::{LineIndex, TextRange, parse};

struct Fixture {
    files: Vec<(String, String)>,
    offset: usize,
}

fn fixture(text: &str) -> Fixture {
    let mut files: Vec<(String, String)> = Vec::new();
    for chunk in text.split("//- ").filter(|c| !c.is_empty()) {
        let (name, body) = match text.starts_with("//- ") {
            true => chunk.split_once('\n').expect("a name line"),
            false => ("a.yaml", chunk),
        };
        files.push((name.to_string(), body.to_string()));
    }
    let offset = files[0]
        .1
        .find("$0")
        .expect("a $0 cursor in the first file");
    files[0].1 = files[0].1.replacen("$0", "", 1);
    Fixture { files, offset }
}

impl Fixture {
    fn names(&self) -> Vec<FileNames> {
        self.files
            .iter()
            .map(|(_, text)| file_names(&Arc::from([]), text, &parse(text)))
            .collect()
    }

    fn show(&self, file: usize, range: TextRange) -> String {
        let (name, text) = &self.files[file];
        let lines = LineIndex::new(text);
        let at = |offset: usize| {
            let line = lines.line_of(offset);
            format!("{}:{}", line + 1, lines.char_col(text, offset) + 1)
        };
        format!(
            "{name} {}-{} {}",
            at(range.start),
            at(range.end),
            &text[range.as_range()]
        )
    }
}

fn with_workspace<T>(text: &str, f: impl FnOnce(&Fixture, &Workspace) -> T) -> T {
    let fixture = fixture(text);
    let names = fixture.names();
    let workspace = Workspace {
        files: names.iter().collect(),
    };
    f(&fixture, &workspace)
}

fn lines(fixture: &Fixture, found: &[Location]) -> String {
    found
        .iter()
        .map(|l| fixture.show(l.file, l.range) + "\n")
        .collect()
}

fn check_definition(text: &str, expect: Expect) {
    let out = with_workspace(text, |f, w| lines(f, &definition(w, f.offset)));
    expect.assert_eq(&out);
}

fn check_references(text: &str, expect: Expect) {
    let out = with_workspace(text, |f, w| {
        let with = lines(f, &references(w, f.offset, true));
        let without = lines(f, &references(w, f.offset, false));
        format!("with declaration:\n{with}without:\n{without}")
    });
    expect.assert_eq(&out);
}

fn check_highlights(text: &str, expect: Expect) {
    let out = with_workspace(text, |f, w| {
        highlights(w, f.offset)
            .iter()
            .map(|(range, role)| format!("{} {role:?}\n", f.show(0, *range)))
            .collect::<String>()
    });
    expect.assert_eq(&out);
}

fn check_rename(text: &str, new_name: &str, expect: Expect) {
    let out = with_workspace(text, |f, w| {
        match rename(w, f.offset, new_name, Locale::En) {
            Err(message) => format!("refused: {message}\n"),
            Ok(files) => {
                let mut out = String::new();
                for edits in files {
                    for (range, new) in &edits.edits {
                        out.push_str(&format!("{} -> {new}\n", f.show(edits.file, *range)));
                    }
                }
                out
            }
        }
    });
    expect.assert_eq(&out);
}

fn check_hover(text: &str, expect: Expect) {
    check_hover_in(Locale::En, text, expect);
}

fn check_hover_in(locale: Locale, text: &str, expect: Expect) {
    let out = with_workspace(text, |f, w| {
        match name_hover(w, f.offset, locale, |file| f.files[file].0.clone()) {
            Some((range, markdown)) => format!("{}\n{markdown}\n", f.show(0, range)),
            None => "none\n".to_string(),
        }
    });
    expect.assert_eq(&out);
}

const POD: &str = "apiVersion: v1
kind: Pod
metadata:
  name: web
  labels: {app: web}
spec:
  initContainers:
  - name: setup
    image: busybox:1.36
    volumeMounts:
    - name: data
      mountPath: /data
  containers:
  - name: app
    image: nginx:1.27
    ports:
    - name: http
      containerPort: 8080
    livenessProbe:
      httpGet: {path: /healthz, port: http}
    lifecycle:
      preStop:
        tcpSocket:
          port: http
    volumeMounts:
    - name: data
      mountPath: /var/www
    env:
    - name: LIMIT
      valueFrom:
        resourceFieldRef: {containerName: app, resource: limits.memory}
    resources:
      claims:
      - name: gpu
  resourceClaims:
  - name: gpu
    resourceClaimTemplateName: gpu-template
  volumes:
  - name: data
    persistentVolumeClaim:
      claimName: web-data
";

fn at(needle: &str, nth: usize) -> String {
    let mut start = 0;
    for _ in 0..nth {
        start += POD[start..].find(needle).expect(needle) + 1;
    }
    let at = start + POD[start..].find(needle).expect(needle);
    format!("{}$0{}", &POD[..at], &POD[at..])
}

#[test]
fn a_mount_goes_to_its_volume_and_the_volume_to_every_mount() {
    check_definition(
        &at("data\n      mountPath", 1),
        expect![[r#"
        a.yaml 39:11-39:15 data
    "#]],
    );
    check_references(
        &at("data\n    persistentVolumeClaim", 0),
        expect![[r#"
            with declaration:
            a.yaml 11:13-11:17 data
            a.yaml 26:13-26:17 data
            a.yaml 39:11-39:15 data
            without:
            a.yaml 11:13-11:17 data
            a.yaml 26:13-26:17 data
        "#]],
    );
    check_highlights(
        &at("data\n      mountPath", 0),
        expect![[r#"
        a.yaml 11:13-11:17 data Reference
        a.yaml 26:13-26:17 data Reference
        a.yaml 39:11-39:15 data Declaration
    "#]],
    );
    check_hover(
        &at("data\n      mountPath", 1),
        expect![[r#"
            a.yaml 26:13-26:17 data
            **volume `data`**

            - volume from `persistentVolumeClaim` (`claimName: web-data`)
        "#]],
    );
}

#[test]
fn a_probe_and_a_hook_go_to_the_named_port() {
    check_definition(
        &at("port: http}", 0).replace("$0port: http", "port: ht$0tp"),
        expect![[r#"
            a.yaml 17:13-17:17 http
        "#]],
    );
    check_hover(
        &at("http\n    volumeMounts", 0),
        expect![[r#"
            a.yaml 24:17-24:21 http
            **port `http`**

            - containerPort `8080/TCP`
        "#]],
    );
    check_rename(
        &at("http\n      containerPort", 0),
        "web",
        expect![[r#"
            a.yaml 17:13-17:17 http -> web
            a.yaml 20:39-20:43 http -> web
            a.yaml 24:17-24:21 http -> web
        "#]],
    );
}

#[test]
fn container_names_and_resource_claims() {
    check_definition(
        &at("app, resource", 0),
        expect![[r#"
            a.yaml 14:11-14:14 app
        "#]],
    );
    check_hover(
        &at("app, resource", 0),
        expect![[r#"
            a.yaml 31:43-31:46 app
            **container `app`**

            - container with image `nginx:1.27`
        "#]],
    );
    check_references(
        &at("gpu\n  resourceClaims", 0),
        expect![[r#"
            with declaration:
            a.yaml 34:15-34:18 gpu
            a.yaml 36:11-36:14 gpu
            without:
            a.yaml 34:15-34:18 gpu
        "#]],
    );
}

#[test]
fn rename_refuses_a_name_the_api_server_rejects() {
    check_rename(
        &at("data\n      mountPath", 0),
        "My_Data",
        expect![[r#"
        refused: cannot rename the volume `data` to `My_Data` (must be a DNS-1123 label: at most 63 characters, lowercase letters, digits and `-`, starting and ending with a letter or digit)
    "#]],
    );
    check_rename(
        &at("http\n      containerPort", 0),
        "http-metrics-port",
        expect![[r#"
            refused: cannot rename the port `http` to `http-metrics-port` (a port name must be at most 15 characters of lowercase letters, digits and `-`, with at least one letter, no `--`, and no `-` at either end)
        "#]],
    );
    check_rename(
        &at("app\n    image", 0),
        "setup",
        expect![[r#"
            refused: cannot rename the container `app` to `setup`: this container name is already declared there
        "#]],
    );
    // In the user's language.
    with_workspace(&at("data\n      mountPath", 0), |f, w| {
        let refusal = rename(w, f.offset, "My_Data", Locale::ZhCn).unwrap_err();
        assert!(
            refusal.starts_with("无法把卷 `data` 重命名为 `My_Data`（必须是 DNS-1123 标签"),
            "{refusal}"
        );
    });
    // A new name YAML would read as a number is written quoted.
    check_rename(
        &at("data\n      mountPath", 0),
        "2024",
        expect![[r#"
        a.yaml 11:13-11:17 data -> "2024"
        a.yaml 26:13-26:17 data -> "2024"
        a.yaml 39:11-39:15 data -> "2024"
    "#]],
    );
}

#[test]
fn flow_style_and_quoted_names() {
    let text = r#"{"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "p"}, "spec": {
  "containers": [{"name": "c", "image": "nginx:1", "volumeMounts": [{"name": "cache", "mountPath": "/c"}]}],
  "volumes": [{"name": "ca$0che", "emptyDir": {}}]}}
"#;
    check_rename(
        text,
        "tmp",
        expect![[r#"
            a.yaml 2:79-2:84 cache -> tmp
            a.yaml 3:25-3:30 cache -> tmp
        "#]],
    );
}

#[test]
fn each_document_keeps_its_own_names() {
    let text = format!("{}---\n{}", at("data\n      mountPath", 1), POD);
    check_references(
        &text,
        expect![[r#"
            with declaration:
            a.yaml 11:13-11:17 data
            a.yaml 26:13-26:17 data
            a.yaml 39:11-39:15 data
            without:
            a.yaml 11:13-11:17 data
            a.yaml 26:13-26:17 data
        "#]],
    );
}

#[test]
fn a_stateful_set_mounts_its_claim_templates() {
    check_definition(
        "apiVersion: apps/v1
kind: StatefulSet
metadata: {name: db}
spec:
  selector: {matchLabels: {app: db}}
  template:
    metadata: {labels: {app: db}}
    spec:
      containers:
      - name: db
        image: postgres:16
        volumeMounts: [{name: pg$0data, mountPath: /var/lib/postgresql}]
  volumeClaimTemplates:
  - metadata: {name: pgdata}
    spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}
",
        expect![[r#"
            a.yaml 14:22-14:28 pgdata
        "#]],
    );
}

#[test]
fn a_job_failure_policy_and_a_cron_job_name_their_containers() {
    check_references(
        "apiVersion: batch/v1
kind: CronJob
metadata: {name: nightly}
spec:
  schedule: '0 3 * * *'
  jobTemplate:
    spec:
      podFailurePolicy:
        rules:
        - action: FailJob
          onExitCodes: {containerName: main, operator: In, values: [42]}
      template:
        spec:
          restartPolicy: Never
          containers:
          - name: ma$0in
            image: busybox:1.36
",
        expect![[r#"
            with declaration:
            a.yaml 11:40-11:44 main
            a.yaml 16:19-16:23 main
            without:
            a.yaml 11:40-11:44 main
        "#]],
    );
}

#[test]
fn every_served_kind_and_a_list() {
    for (kind, api, template) in [
        ("ReplicaSet", "apps/v1", "spec:\n  template:\n"),
        ("DaemonSet", "apps/v1", "spec:\n  template:\n"),
        ("ReplicationController", "v1", "spec:\n  template:\n"),
        ("Job", "batch/v1", "spec:\n  template:\n"),
        ("PodTemplate", "v1", "template:\n  template:\n"),
    ] {
        let template = template.replace("template:\n  template:\n", "template:\n");
        let text = format!(
            "apiVersion: {api}\nkind: {kind}\nmetadata: {{name: x}}\n{template}    spec:\n      containers:\n      - name: c\n        image: busybox:1.36\n        volumeMounts: [{{name: lo$0gs, mountPath: /logs}}]\n      volumes: [{{name: logs, emptyDir: {{}}}}]\n"
        );
        let found = with_workspace(&text, |f, w| lines(f, &definition(w, f.offset)));
        let line = text.lines().position(|l| l.contains("volumes:")).unwrap() + 1;
        let expected = format!("a.yaml {line}:24-{line}:28 logs\n");
        assert_eq!(found, expected, "{kind}:\n{text}");
    }
    check_definition(
        "apiVersion: v1
kind: List
items:
- apiVersion: v1
  kind: ConfigMap
  metadata: {name: app-config}
- apiVersion: v1
  kind: Pod
  metadata: {name: p}
  spec:
    containers: [{name: c, image: 'nginx:1'}]
    volumes: [{name: cfg, configMap: {name: app-con$0fig}}]
",
        expect![[r#"
            a.yaml 6:20-6:30 app-config
        "#]],
    );
}

#[test]
fn off_a_name_there_is_nothing() {
    check_definition(&at("image: nginx", 0), expect![""]);
    with_workspace(&at("image: nginx", 0), |f, w| {
        assert_eq!(prepare_rename(w, f.offset, Locale::En), Ok(None));
        assert_eq!(rename(w, f.offset, "x", Locale::En), Ok(Vec::new()));
        assert_eq!(name_hover(w, f.offset, Locale::En, |_| String::new()), None);
    });
    // The declaration is not a use: hover there is the field's docs alone.
    check_hover(&at("data\n    persistentVolumeClaim", 0), expect!["none\n"]);
}

mod across_files;
mod chinese;

#[test]
fn the_diagnostics_read_the_same_declarations_as_navigation() {
    // A StatefulSet's claim templates are declared beside its template; the Pod declares the rest.
    let statefulset = "apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: db}\nspec:\n  template:\n    spec:\n      containers: [{name: db, image: pg, ports: [{name: sql, containerPort: 5432}]}]\n  volumeClaimTemplates:\n  - metadata: {name: data}\n";
    for text in [POD, statefulset] {
        let file = parse(text);
        let doc = &file.documents[0];
        let full = document_names(&[], text, doc);
        let sites = crate::analysis::pod_sites::pod_sites(&[], text, doc);
        let declarations = build::pod_declarations(&sites, doc);
        let declared = |names: &DocumentNames| -> Vec<_> {
            names
                .symbols
                .iter()
                .filter(|s| s.role == Role::Declaration && s.kind != NameKind::Label)
                .map(|s| (s.kind, s.name.clone(), s.scope.clone(), s.range))
                .collect()
        };
        assert!(declared(&full).len() >= 3, "{:?}", declared(&full));
        assert_eq!(declared(&declarations), declared(&full));
        assert!(
            declarations
                .symbols
                .iter()
                .all(|s| s.role == Role::Declaration && s.detail.is_none())
        );
    }
}
