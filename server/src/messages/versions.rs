//! The messages of the target Kubernetes version (`analysis/diagnostics/checks/version/`, and the stricter
//! rules of older versions in `invalid_name` / `out_of_range`): what the target lacks, removed, or drops
//! and rejects while a feature gate is off by default there; and a field's history across the versions in
//! words, which hover and `podls explain` print (`since 1.33 (alpha, off by default); beta in 1.35 …`).

use super::messages;

messages! {
    field_too_new(name, since, target) {
        en: "`{name}` is in Kubernetes {since} and later; the target is {target}",
        zh: "`{name}` 自 Kubernetes {since} 起才有；目标版本是 {target}",
    }
    field_removed(name, removed_in, target, instead) {
        en: "`{name}` was removed in Kubernetes {removed_in}; the target is {target}{instead}",
        zh: "`{name}` 已在 Kubernetes {removed_in} 中移除；目标版本是 {target}{instead}",
    }
    /// `; use `schedulingGroup``: what replaced a removed field.
    use_instead(replacement) {
        en: "; use {replacement}",
        zh: "；请改用 {replacement}",
    }
    field_gate_off(name, gate, stage, target) {
        en: "`{name}` needs the feature gate {gate} ({stage}); the API server of Kubernetes {target} drops the field unless the gate is enabled",
        zh: "`{name}` 需要特性门控 {gate}（{stage}）；除非开启该门控，Kubernetes {target} 的 API 服务器会丢弃这个字段",
    }
    value_too_new(field, value, since, target, otherwise) {
        en: "{field} `{value}` is in Kubernetes {since} and later; the target is {target}{otherwise}",
        zh: "{field} 取值 `{value}` 自 Kubernetes {since} 起才有；目标版本是 {target}{otherwise}",
    }
    value_gate_off(field, value, gate, stage, otherwise) {
        en: "{field} `{value}` needs the feature gate {gate} ({stage}); clusters without it reject the Pod{otherwise}",
        zh: "{field} 取值 `{value}` 需要特性门控 {gate}（{stage}）；未开启的集群会拒绝该 Pod{otherwise}",
    }
    /// A gate's stage in the target: `alpha in Kubernetes 1.35, off by default`.
    gate_stage(stage, target) {
        en: "{stage} in Kubernetes {target}, off by default",
        zh: "在 Kubernetes {target} 中为 {stage}，默认关闭",
    }
    gate_not_yet(target) {
        en: "not yet in Kubernetes {target}",
        zh: "Kubernetes {target} 中尚未提供",
    }
    /// Appended to a rule's message when the target predates the gate that relaxed the rule.
    stricter_rule(target, gate) {
        en: " (Kubernetes {target}'s rule: the feature gate {gate} that relaxes it is off by default there)",
        zh: "（Kubernetes {target} 的规则：放宽该规则的特性门控 {gate} 在此版本默认关闭）",
    }
    stricter_rule_until(target, gate, relaxed) {
        en: " (Kubernetes {target}'s rule: the feature gate {gate} that relaxes it is off by default there, on by default from {relaxed})",
        zh: "（Kubernetes {target} 的规则：放宽该规则的特性门控 {gate} 在此版本默认关闭，自 {relaxed} 起默认开启）",
    }
    /// A version podls was asked to check against and cannot: `podls.toml`, `--kubernetes-version`,
    /// `podls.kubernetesVersion`.
    not_a_version(written, oldest, newest) {
        en: "`{written}` is not a Kubernetes version; write it as 1.N, one of {oldest} to {newest}",
        zh: "`{written}` 不是 Kubernetes 版本；请写成 1.N，取 {oldest} 至 {newest} 之一",
    }
    unsupported_version(version, oldest, newest, default) {
        en: "Kubernetes {version} is not supported; podls knows {oldest} to {newest} (default {default})",
        zh: "不支持 Kubernetes {version}；podls 支持 {oldest} 至 {newest}（默认 {default}）",
    }
    /// The editor's message when `podls.kubernetesVersion` names a version podls cannot check against.
    setting_refused(error) {
        en: "podls: the setting `podls.kubernetesVersion` is not applied: {error}. Checking against the project file's `kubernetes-version`, else the default",
        zh: "podls：设置 `podls.kubernetesVersion` 未生效：{error}。将按项目文件的 `kubernetes-version` 检查，未设置时按默认版本",
    }
    env_var_name_strict() {
        en: "an environment variable name must be letters, digits, `-`, `_` and `.`, not starting with a digit",
        zh: "环境变量名只能由字母、数字、`-`、`_` 和 `.` 组成，且不能以数字开头",
    }
    history_since(version) {
        en: "since {version}",
        zh: "{version} 起提供",
    }
    history_every_version(version) {
        en: "in every version from {version}",
        zh: "自 {version} 起的每个版本都有",
    }
    history_only(version) {
        en: "{version} only",
        zh: "仅 {version} 有",
    }
    /// When the field appeared, with the gate's stage then: `since 1.33 (alpha, off by default)`.
    history_with_stage(first, stage) {
        en: "{first} ({stage})",
        zh: "{first}（{stage}）",
    }
    stage_on(stage) {
        en: "{stage}, on by default",
        zh: "{stage}，默认开启",
    }
    stage_off(stage) {
        en: "{stage}, off by default",
        zh: "{stage}，默认关闭",
    }
    stage_in_on(stage, version) {
        en: "{stage} in {version} (on by default)",
        zh: "{version} 进入 {stage}（默认开启）",
    }
    stage_in_off(stage, version) {
        en: "{stage} in {version} (off by default)",
        zh: "{version} 进入 {stage}（默认关闭）",
    }
    on_by_default_from(version) {
        en: "on by default from {version}",
        zh: "{version} 起默认开启",
    }
    off_by_default_from(version) {
        en: "off by default from {version}",
        zh: "{version} 起默认关闭",
    }
    history_removed(version, instead) {
        en: "removed in {version}{instead}",
        zh: "{version} 中移除{instead}",
    }
    /// After `removed in 1.36`: what replaced the field.
    history_replaced_by(replacement) {
        en: " (use {replacement})",
        zh: "（改用 {replacement}）",
    }
    /// Between the steps of a history.
    history_separator() {
        en: "; ",
        zh: "；",
    }
    /// The footer of a field's docs: `Checked against Kubernetes 1.30: not in this version (since 1.33)`.
    target_status(target, status) {
        en: "{target}: {status}",
        zh: "{target}：{status}",
    }
    not_in_target(since) {
        en: "not in this version (since {since})",
        zh: "此版本还没有该字段（{since} 起才有）",
    }
    removed_before_target(removed_in) {
        en: "no longer in this version (removed in {removed_in})",
        zh: "此版本已没有该字段（{removed_in} 移除）",
    }
    gate_off_in_target(gate) {
        en: "the feature gate {gate} is off by default here: the API server drops the field unless it is enabled",
        zh: "特性门控 {gate} 在此版本默认关闭，API 服务器会丢弃该字段",
    }
}
