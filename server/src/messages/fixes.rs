//! Quick-fix titles: what the editor's light bulb and `podls check`'s `help:` say a fix does. Short, an
//! imperative, the new text between backticks.

use super::messages;

messages! {
    change_to(new) {
        en: "Change to `{new}`",
        zh: "改为 `{new}`",
    }
    change_from_to(old, new) {
        en: "Change `{old}` to `{new}`",
        zh: "把 `{old}` 改为 `{new}`",
    }
    rename_to(new) {
        en: "Rename to `{new}`",
        zh: "重命名为 `{new}`",
    }
    write(new) {
        en: "Write `{new}`",
        zh: "写成 `{new}`",
    }
    write_unquoted(value) {
        en: "Write `{value}` without quotes",
        zh: "去掉 `{value}` 的引号",
    }
    write_as_number(value) {
        en: "Write `{value}` as a number",
        zh: "把 `{value}` 写成数字",
    }
    quote(value) {
        en: "Quote `{value}`",
        zh: "给 `{value}` 加引号",
    }
    quote_as_string(value) {
        en: "Quote `{value}` as a string",
        zh: "给 `{value}` 加引号，写成字符串",
    }
    add(field) {
        en: "Add `{field}`",
        zh: "添加 `{field}`",
    }
    remove(name) {
        en: "Remove `{name}`",
        zh: "删除 `{name}`",
    }
    remove_duplicate(name) {
        en: "Remove the duplicate `{name}`",
        zh: "删除重复的 `{name}`",
    }
    add_volume(name) {
        en: "Add volume `{name}` (emptyDir: {{}})",
        zh: "添加卷 `{name}`（emptyDir: {{}}）",
    }
    write_as_list(list) {
        en: "Write as a list: `{list}`",
        zh: "写成列表：`{list}`",
    }
    run_in_shell(list) {
        en: "Run in a shell: `{list}`",
        zh: "在 shell 中运行：`{list}`",
    }
    set_host_network() {
        en: "Set `hostNetwork: true`",
        zh: "设置 `hostNetwork: true`",
    }
    make_host_process() {
        en: "Make this container HostProcess too",
        zh: "把这个容器也设为 HostProcess",
    }
    make_none_host_process() {
        en: "Make no container HostProcess",
        zh: "不让任何容器成为 HostProcess",
    }
    make_list_item() {
        en: "Make it an item of the list",
        zh: "改为列表中的一项",
    }
    insert_space_after_colon() {
        en: "Insert a space after `:`",
        zh: "在 `:` 后插入空格",
    }
}
