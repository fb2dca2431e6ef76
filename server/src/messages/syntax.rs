//! YAML syntax errors and lenient-YAML warnings in the user's words (`syntax/errors/`, `syntax/build.rs`,
//! `syntax/lenient.rs`), and the titles of their repairs. The parser's own words (`{info}`) stay English.

use super::messages;

messages! {
    parser_error(info, hint) {
        en: "YAML syntax error: {info}{hint}",
        zh: "YAML 语法错误：{info}{hint}",
    }
    check_flow_brackets() {
        en: " (check the brackets and commas of this `{{ }}` or `[ ]`)",
        zh: "（请检查这个 `{{ }}` 或 `[ ]` 的括号和逗号）",
    }
    check_indentation() {
        en: " (check the indentation of this line against the lines above)",
        zh: "（请对照上面几行检查这一行的缩进）",
    }

    // --- flow collections: `{ }` and `[ ]`
    closes_nothing(c) {
        en: "`{c}` closes nothing here: remove it",
        zh: "这里的 `{c}` 没有对应的开括号：请删除它",
    }
    missing_closer_before(expected, c, open) {
        en: "missing `{expected}` before `{c}`: the `{open}` before it is not closed",
        zh: "`{c}` 之前缺少 `{expected}`：它前面的 `{open}` 没有闭合",
    }
    wrong_closer(c, open, expected) {
        en: "`{c}` cannot close a `{open}`: write `{expected}`",
        zh: "`{c}` 不能闭合 `{open}`：请写 `{expected}`",
    }
    empty_entry() {
        en: "an empty entry: two `,` in a row (or a `,` right after the bracket); remove this one",
        zh: "空条目：连续两个 `,`（或紧跟在括号后的 `,`）；请删除这一个",
    }
    flow_continuation(open, key) {
        en: "this line continues the `{open}` above and must be indented more than {key}",
        zh: "这一行接续上面的 `{open}`，缩进必须多于 {key}",
    }
    its_key() { en: "its key", zh: "它的键" }
    never_closed(open, closers) {
        en: "this `{open}` is never closed: add `{closers}` after its last entry",
        zh: "这个 `{open}` 没有闭合：请在最后一个条目后加上 `{closers}`",
    }
    missing_comma(key) {
        en: "missing `,` before `{key}`: entries of a `{{ }}` or `[ ]` are separated by commas",
        zh: "`{key}` 之前缺少 `,`：`{{ }}` 或 `[ ]` 中的条目要用逗号分隔",
    }

    // --- indentation
    tab_indents() {
        en: "a tab indents this line: YAML indentation must be spaces",
        zh: "这一行用制表符缩进：YAML 的缩进必须用空格",
    }
    tab_where_space(after) {
        en: "a tab{after} where YAML needs a space",
        zh: "这里{after}用了制表符，YAML 需要空格",
    }
    after_char(c) { en: " after `{c}`", zh: "（`{c}` 之后）" }
    the_item() { en: "the item", zh: "该列表项" }
    this_line() { en: "this line", zh: "这一行" }
    block_text_less_indented(mark, owner, spaces) {
        en: "this line is indented less than the `{mark}` text of {owner} above it ({spaces} spaces), so it is not part of that text; indent it by {spaces} spaces to continue the text",
        zh: "这一行的缩进少于上面 {owner} 的 `{mark}` 文本（{spaces} 个空格），所以不属于该文本；若要接续文本，请缩进 {spaces} 个空格",
    }
    block_text_under_key(mark, owner) {
        en: "the text of a `{mark}` block must be indented more than its key {owner}",
        zh: "`{mark}` 块的文本缩进必须多于它的键 {owner}",
    }
    more_indented_than_above(key, above) {
        en: "`{key}` is indented more than `{above}` above it, so YAML reads it as more of the value of `{above}`; indent it like `{above}`",
        zh: "`{key}` 比上面的 `{above}` 缩进得多，YAML 会把它当作 `{above}` 的值的一部分；请与 `{above}` 对齐缩进",
    }
    list_item_in_mapping() {
        en: "a `- ` list item where the mapping above expects `key: value` lines: put the list under its key (`key:` then the `- ` lines, indented)",
        zh: "上面的映射需要 `key: value` 行，这里却是 `- ` 列表项：请把列表放到它的键下面（先写 `key:`，再写缩进的 `- ` 行）",
    }
    misaligned(name, spaces, levels) {
        en: "{name} is indented by {spaces}, which lines it up with nothing above: the keys above are indented by {levels}",
        zh: "{name} 缩进了 {spaces}，与上面任何一行都没有对齐：上面各键的缩进为 {levels}",
    }
    spaces_one(n) { en: "{n} space", zh: "{n} 个空格" }
    spaces_many(n) { en: "{n} spaces", zh: "{n} 个空格" }
    level(column, key) { en: "{column} (`{key}`)", zh: "{column}（`{key}`）" }

    // --- keys
    glued_colon(word, more) {
        en: "missing space after `:` in `{word}`: YAML reads it as one word, not as a key and its value{more}",
        zh: "`{word}` 中的 `:` 后缺少空格：YAML 会把它读作一个词，而不是键和值{more}",
    }
    and_the_line_below() { en: " (and on the line below)", zh: "（下一行也是）" }
    and_lines_below(n) { en: " (and on {n} more lines below)", zh: "（下面还有 {n} 行也是）" }
    missing_colon(key) {
        en: "missing `:` after `{key}` (a key is written `{key}: value`, or `{key}:` with its value below)",
        zh: "`{key}` 后缺少 `:`（键写作 `{key}: value`，或写 `{key}:` 并把值放在下面）",
    }

    // --- values
    unclosed_string(q) {
        en: "this string has no closing `{q}`: end it with `{q}`",
        zh: "这个字符串缺少结尾的 `{q}`：请用 `{q}` 结束它",
    }
    after_closing_quote(extra, q) {
        en: "`{extra}` comes after the closing `{q}` of the value: put it inside the quotes or remove it",
        zh: "`{extra}` 位于值的结尾 `{q}` 之后：请把它放进引号内或删除",
    }
    bad_escape(escape) {
        en: "`{escape}` is not an escape in a double-quoted string: write `\\{escape}` for a backslash, or use single quotes",
        zh: "`{escape}` 不是双引号字符串中的转义序列：要表示反斜杠请写 `\\{escape}`，或改用单引号",
    }
    second_colon(key) {
        en: "a second `: ` in the value of `{key}`: YAML cannot start a mapping inside a value on one line; put the value in quotes",
        zh: "`{key}` 的值中又出现了 `: `：YAML 不能在同一行的值里开始一个映射；请给值加引号",
    }
    list_on_key_line() {
        en: "a `- ` list cannot start on the line of its key: put each `- ` item on its own line below, indented",
        zh: "`- ` 列表不能和它的键写在同一行：请把每个 `- ` 列表项单独写在下面，并缩进",
    }
    unknown_anchor(alias, name) {
        en: "`{alias}` names no anchor: define `&{name}` on a value before this alias (in the same document)",
        zh: "`{alias}` 引用的锚点不存在：请在此别名之前（同一文档内）的某个值上定义 `&{name}`",
    }
    comment_needs_space() {
        en: "a `#` comment needs a space before it",
        zh: "`#` 注释前需要一个空格",
    }
    reserved_start(shown) {
        en: "{shown} cannot start a plain value (YAML reserves it): put the value in quotes",
        zh: "无引号的值不能以 {shown} 开头（YAML 保留了它）：请给值加引号",
    }
    a_backtick() { en: "a backtick", zh: "反引号" }
    the_char(c) { en: "`{c}`", zh: "`{c}`" }

    // --- what only Kubernetes' Go YAML reader accepts (`yaml-lenient`)
    bracket_at_key_column() {
        en: "this closing bracket is not indented more than its key: Kubernetes (Go YAML) accepts it, other YAML tools reject the file; indent it past the key",
        zh: "这个闭括号的缩进没有超过它的键：Kubernetes（Go YAML）接受这种写法，其他 YAML 工具会拒绝该文件；请让它的缩进超过键",
    }
    flow_line_at_key_column() {
        en: "this line inside `[ ]` or `{{ }}` is not indented more than the key above it: Kubernetes (Go YAML) accepts it, other YAML tools reject the file; indent it past the key",
        zh: "`[ ]` 或 `{{ }}` 中的这一行缩进没有超过上面的键：Kubernetes（Go YAML）接受这种写法，其他 YAML 工具会拒绝该文件；请让它的缩进超过键",
    }
    quoted_lines_at_key_column() {
        en: "this quoted string continues on lines not indented more than its key: Kubernetes (Go YAML) accepts it, other YAML tools reject the file; indent its continuation lines past the key",
        zh: "这个引号字符串的后续行缩进没有超过它的键：Kubernetes（Go YAML）接受这种写法，其他 YAML 工具会拒绝该文件；请让后续行的缩进超过键",
    }
    merge_key() {
        en: "`<<` merges the aliased mapping here (a YAML 1.1 merge key): Kubernetes (Go YAML) applies it, YAML 1.2 tools read `<<` as a key; write the fields out to be portable",
        zh: "`<<` 会把别名指向的映射合并到这里（YAML 1.1 的合并键）：Kubernetes（Go YAML）会应用它，而 YAML 1.2 工具把 `<<` 当作普通键；要保证可移植请把字段逐一写出",
    }
    escaped_single_quote() {
        en: "`\\'` is not an escape in YAML double-quoted strings: Kubernetes (Go YAML) reads it as `'`, but other YAML tools reject the file; write `'` without the backslash",
        zh: "`\\'` 不是 YAML 双引号字符串中的转义序列：Kubernetes（Go YAML）把它读作 `'`，但其他 YAML 工具会拒绝该文件；请去掉反斜杠，直接写 `'`",
    }

    nul_character() {
        en: "a NUL character (U+0000): YAML does not allow it, and nothing after it would be read; remove it",
        zh: "NUL 字符（U+0000）：YAML 不允许它，它之后的内容都不会被读取；请删除它",
    }

    // --- repairs
    remove_nul_characters() { en: "Remove the NUL characters", zh: "删除 NUL 字符" }
    remove_char(c) { en: "Remove `{c}`", zh: "删除 `{c}`" }
    insert(text) { en: "Insert `{text}`", zh: "插入 `{text}`" }
    change_char(c, expected) { en: "Change `{c}` to `{expected}`", zh: "把 `{c}` 改为 `{expected}`" }
    remove_extra_comma() { en: "Remove the extra `,`", zh: "删除多余的 `,`" }
    replace_tab() { en: "Replace the tab with a space", zh: "把制表符换成空格" }
    indent_by(spaces) { en: "Indent by {spaces} spaces", zh: "缩进 {spaces} 个空格" }
    indent_like(key, above) { en: "Indent `{key}` like `{above}`", zh: "让 `{key}` 与 `{above}` 对齐缩进" }
    indent_name_like(name, key, spaces) {
        en: "Indent {name} like `{key}` ({spaces})",
        zh: "让 {name} 与 `{key}` 对齐缩进（{spaces}）",
    }
    insert_space_after_colon() { en: "Insert a space after `:`", zh: "在 `:` 后插入空格" }
    write_key(key) { en: "Write `{key}:`", zh: "写成 `{key}:`" }
    close_string(q) { en: "Close the string with `{q}`", zh: "用 `{q}` 结束字符串" }
    put_inside_quotes(extra) { en: "Put `{extra}` inside the quotes", zh: "把 `{extra}` 放进引号内" }
    double_backslash() { en: "Double the backslash", zh: "把反斜杠写成两个" }
    quote_value() { en: "Put the value in quotes", zh: "给值加引号" }
    move_item_down() { en: "Move the item to the next line", zh: "把列表项移到下一行" }
    insert_space_before_hash() { en: "Insert a space before `#`", zh: "在 `#` 前插入空格" }
    remove_backslash() { en: "Remove the backslash", zh: "删除反斜杠" }
}
