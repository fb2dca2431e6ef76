//! zh-CN through the real binary: diagnostics, quick-fix titles and the `podls check` summary in Chinese when
//! the locale says so — the LSP client's `InitializeParams.locale`, the `podls.locale` setting (switched
//! without a restart), `podls check --locale` and the terminal's `LANG`/`LC_ALL` — and English otherwise.
//! Codes are the same in every language.

use std::io::Write;
use std::process::{Command, Stdio};

use podls_e2e::{Client, binary, has_chinese};
use serde_json::{Value, json};

const URI: &str = "file:///work/pod.yaml";

/// Three mistakes of three checks, in block and flow style: an unknown field with a near name, an enum
/// value, a missing required field (the container's `image`).
const BROKEN: &str = "\
apiVersion: v1
kind: Pod
metadata:
  name: web
  lables: {app: web}
spec:
  restartPolicy: Nevr
  containers: [{name: app}]
";

fn published(client: &mut Client) -> Vec<Value> {
    client.wait_for_diagnostics(URI)["diagnostics"]
        .as_array()
        .unwrap()
        .clone()
}

fn messages(diagnostics: &[Value]) -> String {
    let mut lines: Vec<String> = diagnostics
        .iter()
        .map(|d| {
            format!(
                "{}: {}",
                d["code"].as_str().unwrap(),
                d["message"].as_str().unwrap()
            )
        })
        .collect();
    lines.sort();
    lines.join("\n") + "\n"
}

fn codes(diagnostics: &[Value]) -> Vec<String> {
    let mut codes: Vec<String> = diagnostics
        .iter()
        .map(|d| d["code"].as_str().unwrap().to_string())
        .collect();
    codes.sort();
    codes
}

#[test]
fn the_client_locale_gives_chinese_diagnostics_and_fix_titles() {
    let mut client = Client::start();
    client.initialize_with(json!({"locale": "zh-CN"}));
    client.open(URI, BROKEN);
    let diagnostics = published(&mut client);
    expect_test::expect![[r#"
        invalid-enum: ‘Nevr’ 不是 ‘restartPolicy’ 的有效取值，可选值：‘Always’、‘Never’ 或 ‘OnFailure’；是否想写 ‘Never’？
        missing-required: 缺少必填字段 ‘image’（Container）
        unknown-field: ObjectMeta 中没有字段 ‘lables’；是否想写 ‘labels’？
    "#]]
    .assert_eq(&messages(&diagnostics));

    let answer = client
        .request(
            "textDocument/codeAction",
            json!({
                "textDocument": {"uri": URI},
                "range": {"start": {"line": 0, "character": 0}, "end": {"line": 8, "character": 0}},
                "context": {"diagnostics": diagnostics},
            }),
        )
        .unwrap();
    let mut titles: Vec<&str> = answer
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["title"].as_str().unwrap())
        .collect();
    titles.sort_unstable();
    assert!(titles.contains(&"把 ‘lables’ 改为 ‘labels’"), "{titles:?}");
    assert!(titles.contains(&"改为 ‘Never’"), "{titles:?}");
    assert!(titles.contains(&"添加 ‘image’"), "{titles:?}");
    assert!(titles.iter().all(|t| has_chinese(t)), "{titles:?}");
}

#[test]
fn the_setting_switches_the_language_of_published_diagnostics_without_a_restart() {
    let mut client = Client::start();
    client.initialize_with(json!({"locale": "en"}));
    client.open(URI, BROKEN);
    let english = published(&mut client);
    assert!(!has_chinese(&messages(&english)), "{}", messages(&english));

    // No edit: the change of language alone publishes the diagnostics again.
    client.notify(
        "workspace/didChangeConfiguration",
        json!({"settings": {"podls": {"locale": "zh-cn"}}}),
    );
    let chinese = published(&mut client);
    assert!(
        chinese
            .iter()
            .all(|d| has_chinese(d["message"].as_str().unwrap())),
        "{}",
        messages(&chinese)
    );
    assert_eq!(
        codes(&chinese),
        codes(&english),
        "codes are never translated"
    );

    client.notify(
        "workspace/didChangeConfiguration",
        json!({"settings": {"podls": {"locale": "en"}}}),
    );
    let back = published(&mut client);
    assert_eq!(messages(&back), messages(&english));
}

#[test]
fn a_pulled_locale_republishes_the_diagnostics_in_it() {
    let mut client = Client::start();
    client.configuration = json!({"locale": "en"});
    client.initialize(json!({"workspace": {"configuration": true}}));
    client.open(URI, BROKEN);
    let english = published(&mut client);
    // The pull model: an empty change makes the server ask, and the answer changes the language.
    client.configuration = json!({"locale": "zh-cn"});
    client.notify(
        "workspace/didChangeConfiguration",
        json!({"settings": null}),
    );
    let chinese = loop {
        let found = published(&mut client);
        if has_chinese(&messages(&found)) {
            break found;
        }
    };
    assert_eq!(codes(&chinese), codes(&english));
}

#[test]
fn initialization_options_pick_chinese_over_an_english_client() {
    let mut client = Client::start();
    client.initialize_with(
        json!({"locale": "en-US", "initializationOptions": {"podls": {"locale": "zh-cn"}}}),
    );
    client.open(URI, BROKEN);
    let diagnostics = published(&mut client);
    assert!(
        has_chinese(&messages(&diagnostics)),
        "{}",
        messages(&diagnostics)
    );
}

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

fn check(args: &[&str], env: &[(&str, &str)]) -> Run {
    let mut child = Command::new(binary())
        .arg("check")
        .args(args)
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG")
        .envs(env.iter().copied())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start podls check");
    let mut stdin = child.stdin.take().unwrap();
    // A usage error exits before reading stdin: the closed pipe is expected then.
    let _ = stdin.write_all(BROKEN.as_bytes());
    drop(stdin);
    let output = child.wait_with_output().unwrap();
    Run {
        code: output.status.code().unwrap(),
        stdout: String::from_utf8(output.stdout).unwrap(),
        stderr: String::from_utf8(output.stderr).unwrap(),
    }
}

/// The concise output's message lines without their positions, and the summary line.
fn text_messages(run: &Run) -> String {
    run.stdout
        .lines()
        .map(|line| {
            line.strip_prefix("pod.yaml:")
                .map_or(line, |l| l.splitn(3, ':').nth(2).unwrap_or(l))
        })
        .map(|line| format!("{}\n", line.trim_start()))
        .collect()
}

#[test]
fn check_speaks_chinese_with_the_locale_flag() {
    let run = check(
        &[
            "--format=concise",
            "--locale",
            "zh-CN",
            "--stdin-filename",
            "pod.yaml",
            "-",
        ],
        &[],
    );
    assert_eq!(run.code, 1, "{}", run.stderr);
    expect_test::expect![[r#"
        error[unknown-field]: ObjectMeta 中没有字段 `lables`；是否想写 `labels`？
        error[invalid-enum]: `Nevr` 不是 `restartPolicy` 的有效取值，可选值：`Always`、`Never` 或 `OnFailure`；是否想写 `Never`？
        error[missing-required]: 缺少必填字段 `image`（Container）
        3 个错误，0 个警告；已检查 1 个文件
    "#]]
    .assert_eq(&text_messages(&run));
}

#[test]
fn check_follows_lang_and_lc_all_and_the_flag_wins() {
    let english = check(&["--stdin-filename", "pod.yaml", "-"], &[]);
    assert!(!has_chinese(&english.stdout), "{}", english.stdout);
    assert!(
        english
            .stdout
            .ends_with("3 errors, 0 warnings; 1 file checked\n"),
        "{}",
        english.stdout
    );

    let lang = check(
        &["--stdin-filename", "pod.yaml", "-"],
        &[("LANG", "zh_CN.UTF-8")],
    );
    let flag = check(
        &["--locale", "zh-CN", "--stdin-filename", "pod.yaml", "-"],
        &[],
    );
    assert_eq!(lang.stdout, flag.stdout);

    // LC_ALL overrides LANG, as POSIX orders them; `--locale` overrides both.
    let c = check(
        &["--stdin-filename", "pod.yaml", "-"],
        &[("LANG", "zh_CN.UTF-8"), ("LC_ALL", "C")],
    );
    assert_eq!(c.stdout, english.stdout);
    let lc_all = check(
        &["--stdin-filename", "pod.yaml", "-"],
        &[("LANG", "en_US.UTF-8"), ("LC_ALL", "zh_CN.UTF-8")],
    );
    assert_eq!(lc_all.stdout, flag.stdout);
    let forced = check(
        &["--locale", "en", "--stdin-filename", "pod.yaml", "-"],
        &[("LC_ALL", "zh_CN.UTF-8")],
    );
    assert_eq!(forced.stdout, english.stdout);
}

#[test]
fn json_keeps_codes_and_translates_messages() {
    let english = check(&["--format", "json", "-"], &[]);
    let chinese = check(&["--format", "json", "--locale", "zh-cn", "-"], &[]);
    let parse = |run: &Run| -> Vec<Value> { serde_json::from_str(&run.stdout).unwrap() };
    let (english, chinese) = (parse(&english), parse(&chinese));
    assert_eq!(english.len(), chinese.len());
    for (en, zh) in english.iter().zip(&chinese) {
        assert_eq!(en["code"], zh["code"]);
        assert_eq!(en["range"], zh["range"]);
        assert!(has_chinese(zh["message"].as_str().unwrap()), "{zh}");
        assert!(!has_chinese(en["message"].as_str().unwrap()), "{en}");
    }
}

#[test]
fn an_unknown_locale_is_a_usage_error() {
    let run = check(&["--locale", "fr", "-"], &[]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("unknown locale `fr`"), "{}", run.stderr);
    assert!(run.stdout.is_empty(), "{}", run.stdout);
}

fn explain(args: &[&str], env: &[(&str, &str)]) -> (i32, String, String) {
    let output = Command::new(binary())
        .arg("explain")
        .args(args)
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG")
        .envs(env.iter().copied())
        .output()
        .expect("podls runs");
    (
        output.status.code().unwrap(),
        String::from_utf8(output.stdout).unwrap(),
        String::from_utf8(output.stderr).unwrap(),
    )
}

#[test]
fn explain_labels_and_errors_follow_the_locale() {
    let (code, out, _) = explain(&["pod.spec.restartPolicy"], &[("LANG", "zh_CN.UTF-8")]);
    assert_eq!(code, 0);
    assert!(out.contains("默认值") && out.contains("允许的值"), "{out}");
    let (code, out, err) = explain(&["pod.spec.contaners", "--locale", "zh-CN"], &[]);
    assert_eq!((code, out.as_str()), (2, ""));
    assert_eq!(
        err,
        "error: `pod.spec` 没有字段 `contaners`；是否想写 `pod.spec.containers`？\n"
    );
    let (_, _, err) = explain(
        &["pod.spec.contaners"],
        &[("LC_ALL", "C"), ("LANG", "zh_CN")],
    );
    assert!(err.contains("has no field `contaners`"), "{err}");
}
