//! What podls says about a project's configuration file (`podls.toml`) and the flags that name codes: each
//! mistake, where `config::file` finds it.

use super::messages;

messages! {
    cannot_read(reason) { en: "cannot read it: {reason}", zh: "无法读取：{reason}" }
    /// The TOML parser's own words (English) follow.
    bad_toml(detail) { en: "not valid TOML: {detail}", zh: "不是有效的 TOML：{detail}" }
    unknown_key(key, known) {
        en: "unknown key `{key}`; the keys here are {known}",
        zh: "未知的键 `{key}`；此处可用的键为 {known}",
    }
    missing_key(key) { en: "`{key}` is missing", zh: "缺少 `{key}`" }
    bad_value(detail) { en: "invalid value: {detail}", zh: "取值无效：{detail}" }
    not_a_string(key, written) {
        en: "`{key}` takes a string in quotes, not `{written}`",
        zh: "`{key}` 的值须是带引号的字符串，而不是 `{written}`",
    }
    unknown_code(code, hint) { en: "unknown code `{code}`{hint}", zh: "未知的代码 `{code}`{hint}" }
    did_you_mean(code) { en: "; did you mean `{code}`?", zh: "；是否想写 `{code}`？" }
    see_rules() { en: "; `podls rules` lists the codes", zh: "；`podls rules` 列出所有代码" }
    not_configurable(code) {
        en: "`{code}` cannot be configured: a file that does not parse is not checked at all",
        zh: "`{code}` 不可配置：无法解析的文件根本不会被检查",
    }
    unknown_severity(value, allowed) {
        en: "unknown severity `{value}`; use {allowed}",
        zh: "未知的级别 `{value}`；请使用 {allowed}",
    }
    bad_pattern(detail) { en: "bad exclude pattern: {detail}", zh: "无效的排除模式：{detail}" }
    bad_api_version() {
        en: "`apiVersion` is the custom resource's `group/version`, such as `argoproj.io/v1alpha1`",
        zh: "`apiVersion` 是自定义资源的 `group/version`，例如 `argoproj.io/v1alpha1`",
    }
    bad_kind() {
        en: "`kind` is the custom resource's kind, such as `Rollout`",
        zh: "`kind` 是自定义资源的类型，例如 `Rollout`",
    }
    bad_path() {
        en: "`path` is the keys from the object's root to the pod template, joined by dots, such as `spec.template`",
        zh: "`path` 是从对象根到 Pod 模板的各个键，以点连接，例如 `spec.template`",
    }
    /// `--select`/`--ignore` naming a code that does not exist.
    unknown_flag_code(flag, code, hint) {
        en: "{flag}: unknown code `{code}`{hint}",
        zh: "{flag}：未知的代码 `{code}`{hint}",
    }
    /// The editor's message when a configuration file does not read.
    not_applied(error) {
        en: "podls: {error} (the file is not applied)",
        zh: "podls：{error}（该文件未被应用）",
    }
}
