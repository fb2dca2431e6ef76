//! What podls says about a whole document or object: keys written twice, the `kind` and `apiVersion`
//! (`analysis/diagnostics/{duplicate_keys,kind,missing_kind}.rs`).

use super::messages;

messages! {
    duplicate_key(name) {
        en: "duplicate key `{name}`: this mapping already has it; YAML forbids repeated keys and Kubernetes rejects them",
        zh: "重复的键 `{name}`：此映射中已有该键；YAML 不允许重复的键，Kubernetes 也会拒绝",
    }
    first_written_here(name) {
        en: "`{name}` first written here",
        zh: "`{name}` 第一次出现在这里",
    }
    kind_missing_misspelt(name, kind) {
        en: "Object 'Kind' is missing: the API server cannot tell what this is; `{name}` looks like a misspelt `kind` (`kind: {kind}`)",
        zh: "Object 'Kind' is missing：API 服务器无法判断这是什么对象；`{name}` 像是拼错的 `kind`（`kind: {kind}`）",
    }
    kind_missing(kind) {
        en: "Object 'Kind' is missing: the API server cannot tell what this is; add `kind: {kind}`",
        zh: "Object 'Kind' is missing：API 服务器无法判断这是什么对象；请添加 `kind: {kind}`",
    }

    // --- `kind.rs`: what `kind` and `apiVersion` say
    unknown_kind(kind, case, meant) {
        en: "unknown kind `{kind}`{case}; did you mean `{meant}`?",
        zh: "未知的资源类型 `{kind}`{case}；是否想写 `{meant}`？",
    }
    kinds_are_case_sensitive() {
        en: " (kinds are case-sensitive)",
        zh: "（资源类型区分大小写）",
    }
    wrong_api_version(kind, served, written) {
        en: "`{kind}` is served by `apiVersion: {served}`, not `{written}`",
        zh: "`{kind}` 由 `apiVersion: {served}` 提供，而不是 `{written}`",
    }
    removed_api_version(written, kind, removed_in, served, more) {
        en: "`{written}` no longer serves `{kind}`: Kubernetes {removed_in} removed it; use `apiVersion: {served}`{more}",
        zh: "`{written}` 已不再提供 `{kind}`：Kubernetes {removed_in} 已将其移除；请使用 `apiVersion: {served}`{more}",
    }
    also_requires_selector() {
        en: ", which also requires `spec.selector` matching the template's labels (the removed versions defaulted it from `spec.template.metadata.labels`)",
        zh: "，该版本还要求 `spec.selector` 与模板的标签匹配（已移除的版本会从 `spec.template.metadata.labels` 推导默认值）",
    }
    change_api_version(served) {
        en: "Change apiVersion to `{served}`",
        zh: "把 apiVersion 改为 `{served}`",
    }
    change_api_version_add_selector(served) {
        en: "Change apiVersion to `{served}` and add `spec.selector` from the template's labels",
        zh: "把 apiVersion 改为 `{served}`，并根据模板的标签添加 `spec.selector`",
    }
}
