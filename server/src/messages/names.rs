//! What a rename says when it refuses: the new name breaks the kind's format, the scope already has it, or
//! the name is one that is not renamed alone (a label); what the hover on a use of a name says it points to
//! (the declaration's details, in Markdown). The kinds of names as the sentences call them (an object's
//! kind, `ConfigMap`, is written as it is in both languages).

use super::messages;

messages! {
    rename_invalid(what, old, new, rule) {
        en: "cannot rename the {what} `{old}` to `{new}` ({rule})",
        zh: "无法把{what} `{old}` 重命名为 `{new}`（{rule}）",
    }
    rename_taken(what, old, new) {
        en: "cannot rename the {what} `{old}` to `{new}`: this {what} name is already declared there",
        zh: "无法把{what} `{old}` 重命名为 `{new}`：那里已经声明了同名的{what}",
    }
    rename_label(label) {
        en: "a label is not renamed: the pods, their workloads' selectors and every Service that selects `{label}` would have to change together",
        zh: "标签不能单独重命名：带有 `{label}` 的 Pod、其工作负载的选择器以及选中它的每个 Service 都得一起修改",
    }
    volume() { en: "volume", zh: "卷" }
    container() { en: "container", zh: "容器" }
    init_container() { en: "init container", zh: "Init 容器" }
    port() { en: "port", zh: "端口" }
    resource_claim() { en: "resource claim", zh: "资源申领" }
    label() { en: "label", zh: "标签" }
    /// The hover's title on a use: `volume `data``.
    hover_named(what, name) {
        en: "{what} `{name}`",
        zh: "{what} `{name}`",
    }
    hover_selects(key, value) {
        en: "selects pods labelled `{key}: {value}`",
        zh: "选中带有标签 `{key}: {value}` 的 Pod",
    }
    declared_in_file(declaration, file) {
        en: "{declaration} (in `{file}`)",
        zh: "{declaration}（在 `{file}` 中）",
    }
    /// `what` is an object's kind (`Secret`), written as it is: spaced from the Chinese around it.
    must_exist_in_cluster(what, name) {
        en: "No {what} `{name}` in this file, the open documents or the workspace: it must exist in the cluster.",
        zh: "本文件、打开的文档和工作区里都没有 {what} `{name}`：它必须已经存在于集群中。",
    }
    no_pod_has_label() {
        en: "No pod or template of the workspace has this label.",
        zh: "工作区里没有哪个 Pod 或模板带有这个标签。",
    }
    nothing_declares(what) {
        en: "Nothing declares this {what}.",
        zh: "没有任何地方声明这个{what}。",
    }
    claim_template_volume() {
        en: "a claim template of the StatefulSet: each pod gets its own PersistentVolumeClaim `<template>-<pod>`",
        zh: "StatefulSet 的卷申领模板：每个 Pod 各得到一个自己的 PersistentVolumeClaim `<template>-<pod>`",
    }
    resource_claim_from(key, value) {
        en: "resource claim from `{key}: {value}`",
        zh: "来自 `{key}: {value}` 的资源申领",
    }
    container_with_image(what, image) {
        en: "{what} with image `{image}`",
        zh: "{what}，使用镜像 `{image}`",
    }
    volume_from(source) {
        en: "volume from `{source}`",
        zh: "来自 `{source}` 的卷",
    }
    volume_from_entry(source, key, value) {
        en: "volume from `{source}` (`{key}: {value}`)",
        zh: "来自 `{source}` 的卷（`{key}: {value}`）",
    }
    container_port(number, protocol) {
        en: "containerPort `{number}/{protocol}`",
        zh: "containerPort 为 `{number}/{protocol}`",
    }
    port_without_number() {
        en: "a port without `containerPort`",
        zh: "没有 `containerPort` 的端口",
    }
    object_requesting(kind, storage) {
        en: "{kind} requesting `{storage}`",
        zh: "申请 `{storage}` 的 {kind}",
    }
    object_without_keys(kind) {
        en: "{kind} without keys",
        zh: "没有任何键的 {kind}",
    }
    object_with_keys(kind, keys) {
        en: "{kind} with keys {keys}",
        zh: "含有键 {keys} 的 {kind}",
    }
    /// An object without more to say than its kind (a ServiceAccount).
    object_kind(kind) {
        en: "{kind}",
        zh: "{kind}",
    }
}
