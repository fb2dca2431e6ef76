//! What a rename says when it refuses: the new name breaks the kind's format, the scope already has it, or
//! the name is one that is not renamed alone (a label). The kinds of names as the sentences call them (an
//! object's kind, `ConfigMap`, is written as it is in both languages).

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
    port() { en: "port", zh: "端口" }
    resource_claim() { en: "resource claim", zh: "资源申领" }
    label() { en: "label", zh: "标签" }
}
