//! zh-CN through the real binary beyond diagnostics (`chinese.rs` has those): the code lenses, the outline,
//! the inlay hints and the hover on a name, with the client's locale Chinese (and a switch of the setting
//! reaching the cached name index), `podls check`'s `deprecated-field` reason with `--locale zh-CN` and
//! `podls explain`'s history of a field, and completion details.
//! Each snapshot is the text a person reads.

use std::process::Command;

use podls_e2e::{Client, Repository, binary};
use serde_json::{Value, json};

const URI: &str = "file:///work/pod.yaml";

/// A pod with something for every feature: a named port a probe uses, a volume a mount uses, a deprecated
/// field, fields the API server defaults and a quantity in other units.
const POD: &str = "\
apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  serviceAccount: web
  containers:
  - name: app
    image: nginx:1.27
    ports:
    - {name: http, containerPort: 8080}
    readinessProbe:
      httpGet: {port: http}
    resources:
      requests: {cpu: 250m, memory: 128M}
    volumeMounts:
    - {name: data, mountPath: /data}
  volumes:
  - name: data
    emptyDir: {}
";

fn chinese_client() -> Client {
    let mut client = Client::start();
    client.initialize_with(json!({"locale": "zh-CN"}));
    client.open(URI, POD);
    client
}

#[test]
fn code_lenses_in_chinese() {
    let mut client = chinese_client();
    let lenses = client
        .request(
            "textDocument/codeLens",
            json!({"textDocument": {"uri": URI}}),
        )
        .unwrap();
    let titles: Vec<&str> = lenses
        .as_array()
        .unwrap()
        .iter()
        .map(|lens| lens["command"]["title"].as_str().unwrap())
        .collect();
    expect_test::expect![[r#"
        QoS 等级 Burstable（请求低于限制，或只有部分容器设置了它们）
        请求 cpu 250m，memory ≈122Mi · 没有限制"#]]
    .assert_eq(&titles.join("\n"));
}

/// The outline as `name [detail]`, nested by indentation.
fn outline(symbols: &Value, depth: usize, out: &mut String) {
    for symbol in symbols.as_array().unwrap() {
        let detail = symbol["detail"]
            .as_str()
            .map(|d| format!(" [{d}]"))
            .unwrap_or_default();
        out.push_str(&format!(
            "{}{}{detail}\n",
            "  ".repeat(depth),
            symbol["name"].as_str().unwrap()
        ));
        if let Some(children) = symbol.get("children") {
            outline(children, depth + 1, out);
        }
    }
}

#[test]
fn the_outline_in_chinese() {
    let mut client = Client::start();
    client.initialize_with(json!({
        "locale": "zh-CN",
        "capabilities": {"textDocument": {"documentSymbol": {"hierarchicalDocumentSymbolSupport": true}}},
    }));
    client.open(URI, POD);
    let symbols = client
        .request(
            "textDocument/documentSymbol",
            json!({"textDocument": {"uri": URI}}),
        )
        .unwrap();
    let mut out = String::new();
    outline(&symbols, 0, &mut out);
    expect_test::expect![[r#"
        Pod web
          容器 app（nginx:1.27） [spec.containers[0]]
            端口 http（8080/TCP） [spec.containers[0].ports[0]]
            挂载 data → /data [spec.containers[0].volumeMounts[0]]
          卷 data（emptyDir） [spec.volumes[0]]
    "#]]
    .assert_eq(&out);
}

#[test]
fn inlay_hint_tooltips_in_chinese() {
    let mut client = chinese_client();
    let hints = client
        .request(
            "textDocument/inlayHint",
            json!({
                "textDocument": {"uri": URI},
                "range": {"start": {"line": 0, "character": 0}, "end": {"line": 20, "character": 0}},
            }),
        )
        .unwrap();
    let out: String = hints
        .as_array()
        .unwrap()
        .iter()
        .map(|hint| {
            format!(
                "{}: {}\n",
                hint["label"].as_str().unwrap(),
                hint["tooltip"].as_str().unwrap()
            )
        })
        .collect();
    expect_test::expect![[r#"
        restartPolicy: Always: 省略时由 API 服务器填入（SetDefaults_PodSpec：Pod 没有另行指定时会重启它的容器）。
        dnsPolicy: ClusterFirst: 省略时由 API 服务器填入（SetDefaults_PodSpec：域名先经集群的 DNS 解析）。
        terminationGracePeriodSeconds: 30: 省略时由 API 服务器填入（SetDefaults_PodSpec：从 SIGTERM 到 SIGKILL 之间等 30 秒）。
        imagePullPolicy: IfNotPresent: 省略时由 API 服务器填入（SetDefaults_Container：镜像写明了 `latest` 以外的标签或摘要，所以只有节点上还没有这个镜像时 kubelet 才会拉取）。
        protocol: TCP: 省略时由 API 服务器填入（SetDefaults_ContainerPort：端口没写明 UDP 或 SCTP 时就是 TCP）。
        timeoutSeconds: 1: 省略时由 API 服务器填入（SetDefaults_Probe：timeoutSeconds 省略或为 0 时取 1）。
        periodSeconds: 10: 省略时由 API 服务器填入（SetDefaults_Probe：periodSeconds 省略或为 0 时取 10）。
        successThreshold: 1: 省略时由 API 服务器填入（SetDefaults_Probe：successThreshold 省略或为 0 时取 1）。
        failureThreshold: 3: 省略时由 API 服务器填入（SetDefaults_Probe：failureThreshold 省略或为 0 时取 3）。
        = 0.25 CPU: cpu: 250m = 0.25 CPU
        ≈ 122 MiB: memory: 128M ≈ 122 MiB
    "#]].assert_eq(&out);
}

/// The name's part of the hover (what the use points to), before the field docs.
#[test]
fn the_hover_on_a_name_in_chinese() {
    let mut client = chinese_client();
    let on_port = client.hover_on(URI, "http}").unwrap();
    let on_mount = client.hover_on(URI, "data,").unwrap();
    let name_part = |markdown: &str| markdown.split("\n\n---\n\n").next().unwrap().to_owned();
    expect_test::expect![[r#"
        **端口 `http`**

        - containerPort 为 `8080/TCP`
        ===
        **卷 `data`**

        - 来自 `emptyDir` 的卷"#]]
    .assert_eq(&format!(
        "{}\n===\n{}",
        name_part(&on_port),
        name_part(&on_mount)
    ));
}

fn check(args: &[&str], dir: &std::path::Path) -> String {
    let output = Command::new(binary())
        .arg("check")
        .args(args)
        .current_dir(dir)
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG")
        .output()
        .expect("podls runs");
    String::from_utf8(output.stdout).unwrap()
}

/// The reason after "deprecated" comes from the field table; in Chinese, from its translated docs.
#[test]
fn check_gives_the_deprecation_reason_in_chinese() {
    let repo = Repository::new("chinese-deprecated");
    repo.write("pod.yaml", POD);
    let out = check(
        &["--format=concise", "--locale", "zh-CN", "pod.yaml"],
        &repo.0,
    );
    expect_test::expect![[r#"
        pod.yaml:6:3: warning[deprecated-field]: `serviceAccount` 已弃用：serviceAccountName 的已弃用别名；请改设 serviceAccountName。
        0 个错误，1 个警告；已检查 1 个文件
    "#]]
    .assert_eq(&out);
}

/// The name index is cached per document while its text is unchanged; its details are kept unrendered, so
/// a switch of `podls.locale` shows in the next hover without an edit.
#[test]
fn a_locale_switch_reaches_the_cached_name_hover() {
    let mut client = Client::start();
    client.initialize_with(json!({"locale": "en"}));
    client.open(URI, POD);
    client.wait_for_diagnostics(URI);
    let english = client.hover_on(URI, "data,").unwrap();
    assert!(
        english.starts_with("**volume `data`**\n\n- volume from `emptyDir`"),
        "{english}"
    );
    client.notify(
        "workspace/didChangeConfiguration",
        json!({"settings": {"podls": {"locale": "zh-cn"}}}),
    );
    // The diagnostics published again in Chinese: the switch has been applied.
    client.wait_for_diagnostics(URI);
    let chinese = client.hover_on(URI, "data,").unwrap();
    assert!(
        chinese.starts_with("**卷 `data`**\n\n- 来自 `emptyDir` 的卷"),
        "{chinese}"
    );
}

/// A field's history across versions, in `podls explain`'s Chinese.
#[test]
fn explain_gives_the_history_in_chinese() {
    let output = Command::new(binary())
        .args([
            "explain",
            "pod.spec.containers.resizePolicy",
            "--locale",
            "zh-CN",
        ])
        .output()
        .expect("podls runs");
    let out = String::from_utf8(output.stdout).unwrap();
    let history: Vec<&str> = out
        .lines()
        .filter(|line| line.starts_with("Kubernetes 版本"))
        .collect();
    expect_test::expect!["Kubernetes 版本: 1.27 起提供（alpha，默认关闭）；1.33 进入 beta（默认开启）；1.35 进入 GA（默认开启）"].assert_eq(&history.join("\n"));
}

/// A completion item's detail in Chinese (its label is what the user types, as written).
#[test]
fn completion_details_in_chinese() {
    let mut client = Client::start();
    client.initialize_with(json!({"locale": "zh-CN"}));
    let text = "apiVersion: v1\nkind: Pod\nmetadata: {name: a}\nspec:\n  volumes:\n  - \n";
    client.open(URI, text);
    let answer = client
        .request(
            "textDocument/completion",
            json!({"textDocument": {"uri": URI}, "position": {"line": 5, "character": 4}}),
        )
        .unwrap();
    let items = answer.get("items").unwrap_or(&answer);
    let details: Vec<String> = items
        .as_array()
        .unwrap()
        .iter()
        .filter(|item| item["label"].as_str().unwrap().ends_with(" volume"))
        .map(|item| {
            format!(
                "{}: {}",
                item["label"].as_str().unwrap(),
                item["detail"].as_str().unwrap()
            )
        })
        .collect();
    expect_test::expect![[r#"
        emptyDir volume: 卷：临时的暂存空间
        configMap volume: 卷：来自 ConfigMap 的文件
        secret volume: 卷：来自 Secret 的文件
        persistentVolumeClaim volume: 卷：一个 PersistentVolumeClaim
        hostPath volume: 卷：节点上的一个路径"#]]
    .assert_eq(&details.join("\n"));
}
