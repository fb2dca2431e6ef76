//! The words hover and `podls explain` print around a field's docs: its headings and the names of its
//! facts (the docs themselves are the table's, `schema/docs/*.json`). `podls explain`'s headings are
//! `kubectl explain`'s in English.

use super::messages;

messages! {
    required() { en: "required", zh: "必填" }
    optional() { en: "optional", zh: "可选" }
    default() { en: "Default", zh: "默认值" }
    allowed() { en: "Allowed values", zh: "允许的值" }
    versions() { en: "Kubernetes", zh: "Kubernetes 版本" }
    target() { en: "Checked against Kubernetes", zh: "检查所依据的 Kubernetes 版本" }
    target_default() { en: "the default: the newest podls knows", zh: "默认：podls 所知的最新版本" }
    gate() { en: "Feature gate", zh: "特性门控" }
    deprecated() { en: "Deprecated", zh: "已弃用" }
    read_only() { en: "Read-only: set by the cluster, not by you", zh: "只读：由集群填写，不应手写" }
    range() { en: "Range", zh: "取值范围" }
    format() { en: "Format", zh: "格式" }
    undocumented() { en: "(no description yet)", zh: "（暂无说明）" }
    kind() { en: "KIND", zh: "资源类型" }
    version() { en: "VERSION", zh: "版本" }
    fields() { en: "FIELDS", zh: "字段" }
}
