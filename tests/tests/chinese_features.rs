//! zh-CN through the real binary beyond diagnostics (`chinese.rs` has those): the code lenses, the outline,
//! the inlay hints and the hover on a name, with the client's locale Chinese, and `podls check`'s
//! `deprecated-field` reason with `--locale zh-CN`. Each snapshot is the text a person reads.

use std::process::Command;

use podls_e2e::{Client, Repository, binary};
use serde_json::json;

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
