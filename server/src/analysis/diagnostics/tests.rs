//! Data-driven tests of the diagnostics: each case is a document and the snapshot of what podls reports,
//! one line per diagnostic as `line:col-line:col severity[code] path: message` (1-based), so a wrong range
//! or path shows. The rule tests sit beside their rules (`checks/*`, `rules/*`) and use `check` from here.
//! `UPDATE_EXPECT=1 cargo test` rewrites the snapshots.

use expect_test::{Expect, expect};

use super::{Diagnostic, Severity, diagnostics};
use crate::analysis::Inputs;
use crate::messages::Locale;
use crate::syntax::{LineIndex, parse};

pub(crate) fn render(text: &str, found: &[Diagnostic]) -> String {
    let lines = LineIndex::new(text);
    let position = |offset: usize| {
        let line = lines.line_of(offset);
        let column = text[lines.line_start(line)..offset].chars().count();
        format!("{}:{}", line + 1, column + 1)
    };
    let mut out = String::new();
    for d in found {
        let severity = match d.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Information => "info",
            Severity::Hint => "hint",
        };
        let path = d
            .path
            .as_ref()
            .map(|p| format!("{p}: "))
            .unwrap_or_default();
        out.push_str(&format!(
            "{}-{} {severity}[{}] {path}{}\n",
            position(d.range.start),
            position(d.range.end),
            d.code,
            d.message
        ));
    }
    out
}

pub(crate) fn check(text: &str, expect: Expect) {
    check_in(Locale::En, text, expect);
}

/// `check` with the messages and fix titles in `locale`.
pub(crate) fn check_in(locale: Locale, text: &str, expect: Expect) {
    let found = diagnostics(&Inputs::new(locale), text, &parse(text));
    expect.assert_eq(&render(text, &found));
}

/// Every tier speaks the locale: YAML errors, the table's checks, the rules, and the fixes' titles.
#[test]
fn messages_and_fix_titles_in_chinese() {
    let titles = |text: &str| {
        let found = diagnostics(&Inputs::new(Locale::ZhCn), text, &parse(text));
        let mut out = render(text, &found);
        for fix in found.iter().flat_map(|d| &d.fixes) {
            out.push_str(&format!("  ## {}\n", fix.title));
        }
        out
    };
    expect![[r#"
        5:17-5:25 error[invalid-name] metadata.labels.app: `app` 的值 `web spec` 无效：必须为空，或最多 63 个字母、数字、`-`、`_` 或 `.`，并以字母或数字开头和结尾
        10:12-10:32 error[yaml-syntax] 这个 `[` 没有闭合：请在最后一个条目后加上 `]`
          ## 改为 `web-spec`
          ## 插入 `]`
    "#]]
    .assert_eq(&titles(
        "apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\n  labels: {app: web spec}\nspec:\n  containers:\n  - name: c\n    image: nginx:1\n    ports: [{containerPort: 80}\n  restartPolicy: Never\n",
    ));
    expect![[r#"
        8:12-8:17 warning[image-latest] spec.containers[0].image: 镜像 `nginx` 没有标签，即 `nginx:latest`：每次拉取时运行的版本都可能改变，而且 imagePullPolicy 此时默认为 `Always`；请固定版本标签或摘要
        10:27-10:36 error[conflicting-fields] spec.containers[0].env[0].valueFrom: `value` 和 `valueFrom` 互斥：只能保留一个
        12:24-12:28 error[type-mismatch] spec.containers[0].livenessProbe.exec.command[0]: `command` 的每一项应为字符串，实际为布尔值（`true`）
        13:7-13:23 error[conflicting-fields] spec.containers[0].livenessProbe.successThreshold: livenessProbe 的 `successThreshold` 必须为 1，实际为 2
        14:11-14:12 error[duplicate-name] spec.containers[1].name: 重复的容器名 `c`：容器名在 initContainers、containers 和 ephemeralContainers 中必须唯一
        16:33-16:41 error[conflicting-fields] spec.containers[1].ports[0].hostPort: 设置 `hostNetwork: true` 时，hostPort 必须等于 containerPort（80），实际为 81
        18:18-18:22 error[invalid-enum] spec.restartPolicy: `Nevr` 不是 `restartPolicy` 的有效取值，可选值：`Always`、`Never` 或 `OnFailure`；是否想写 `Never`？
          ## 删除 `valueFrom`
          ## 删除 `value`
          ## 给 `true` 加引号，写成字符串
          ## 改为 `1`
          ## 重命名为 `c-2`
          ## 把 hostPort 改为 `80`
          ## 改为 `Never`
          ## 改为 `Always`
          ## 改为 `OnFailure`
    "#]]
    .assert_eq(&titles(
        "apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\nspec:\n  containers:\n  - name: c\n    image: nginx\n    env:\n    - {name: A, value: x, valueFrom: {fieldRef: {fieldPath: metadata.name}}}\n    livenessProbe:\n      exec: {command: [true]}\n      successThreshold: 2\n  - name: c\n    image: nginx:1\n    ports: [{containerPort: 80, hostPort: 81}]\n  hostNetwork: true\n  restartPolicy: Nevr\n",
    ));
    expect![[r#"
        1:13-1:26 error[removed-api-version] apiVersion: `batch/v1beta1` 已不再提供 `CronJob`：Kubernetes 1.25 已将其移除；请使用 `apiVersion: batch/v1`
        6:14-6:16 error[invalid-schedule] spec.schedule: 调度表达式 `60 * * * *` 无效：分钟字段：`60` 中的 60 大于最大值 59
        7:13-7:26 error[unknown-time-zone] spec.timeZone: 未知的时区 `europe/berlin`：时区名区分大小写；是否想写 `Europe/Berlin`？
        12:26-12:32 error[invalid-enum] spec.jobTemplate.spec.template.spec.restartPolicy: CronJob 的 Pod 模板必须使用 `restartPolicy` `OnFailure` 或 `Never`，实际为 `Always`：它的 Pod 运行到完成为止，所以不能总是重启
          ## 把 apiVersion 改为 `batch/v1`
          ## 改为 `Never`
          ## 改为 `OnFailure`
    "#]]
    .assert_eq(&titles(
        "apiVersion: batch/v1beta1\nkind: CronJob\nmetadata:\n  name: nightly\nspec:\n  schedule: \"60 * * * *\"\n  timeZone: europe/berlin\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          restartPolicy: Always\n          containers: [{name: c, image: 'busybox:1'}]\n",
    ));
}

/// `check` against another Kubernetes version (`"1.30"`).
pub(crate) fn check_at(version: &str, text: &str, expect: Expect) {
    let target = crate::analysis::KubernetesVersion::parse(version).expect("a supported version");
    let found = diagnostics(
        &Inputs::default().with_kubernetes(target),
        text,
        &parse(text),
    );
    expect.assert_eq(&render(text, &found));
}

/// A workload is checked against its own types of the table; other kinds get no pod rules.
#[test]
fn workloads_get_their_checks_and_other_kinds_none() {
    check(
        "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  lables: {}\nspec:\n  replicas: \"two\"\n",
        expect![[r#"
            3:1-3:9 error[missing-required] metadata.name: `metadata.name` (or `generateName`) is required
            4:3-4:9 error[unknown-field] metadata.lables: unknown field `lables` in ObjectMeta; did you mean `labels`?
            5:1-5:5 error[missing-required] spec.selector: missing required field `selector` (DeploymentSpec)
            5:1-5:5 error[missing-required] spec.template: missing required field `template` (DeploymentSpec)
            6:13-6:18 error[type-mismatch] spec.replicas: `replicas` must be an integer, found a string (`"two"`)
        "#]],
    );
    check(
        "apiVersion: v1\nkind: Service\nmetadata:\n  lables: {}\nspec:\n  ports: \"two\"\n",
        expect![[""]],
    );
    check("foo: bar\n", expect![[""]]);
}

mod corpus;
mod patches;
mod templates;

/// A plain scalar the parser was still reading when it stopped runs into the error over several lines
/// (`name: web` then `spec:` inside a `{` never closed reads the name `web spec`): the syntax error is the
/// finding, not the value the parser made up, nor a fix that would write it.
#[test]
fn no_findings_on_values_that_run_into_the_syntax_error() {
    check(
        "apiVersion: v1\nkind: Pod\nmetadata: {name: web\nspec:\n  containers: [{name: app, image: nginx:1}]\n",
        expect![[r#"
            3:11-3:21 error[yaml-syntax] this `{` is never closed: add `}` after its last entry
        "#]],
    );
    check(
        "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  restartPolicy: Never\n  containers:\n    - name: app\n      image: nginx:1\n      imagePullPolicy: Always\n      restart\n",
        expect![[r#"
            11:7-11:14 error[yaml-syntax] missing `:` after `restart` (a key is written `restart: value`, or `restart:` with its value below)
        "#]],
    );
    // A value before the error on lines of its own is still checked.
    check(
        "apiVersion: v1\nkind: Pod\nmetadata:\n  name: Web\nspec:\n  containers: [{name: app, image: nginx:1}\n",
        expect![[r#"
            4:9-4:12 error[invalid-name] metadata.name: invalid `name` `Web`: must be a DNS-1123 subdomain: at most 253 characters, lowercase letters, digits, `-` and `.`, each dot-separated part starting and ending with a letter or digit
            6:15-6:43 error[yaml-syntax] this `[` is never closed: add `]` after its last entry
        "#]],
    );
}
