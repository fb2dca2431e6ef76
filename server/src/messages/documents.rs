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
    kind_missing_misspelt(name) {
        en: "Object 'Kind' is missing: the API server cannot tell what this is; `{name}` looks like a misspelt `kind` (`kind: Pod`)",
        zh: "Object 'Kind' is missing：API 服务器无法判断这是什么对象；`{name}` 像是拼错的 `kind`（`kind: Pod`）",
    }
    kind_missing() {
        en: "Object 'Kind' is missing: the API server cannot tell what this is; add `kind: Pod`",
        zh: "Object 'Kind' is missing：API 服务器无法判断这是什么对象；请添加 `kind: Pod`",
    }
}
