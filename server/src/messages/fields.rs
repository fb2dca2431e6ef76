//! The table-driven checks' messages (`analysis/diagnostics/checks/`): a field unknown, of the wrong type,
//! outside its allowed values, range or format, required, deprecated.

use super::messages;

messages! {
    /// `; did you mean `labels`?`: appended to a message that has a near word to offer.
    did_you_mean(known) {
        en: "; did you mean `{known}`?",
        zh: "；是否想写 `{known}`？",
    }

    unknown_field(name, type_name, more) {
        en: "unknown field `{name}` in {type_name}{more}",
        zh: "{type_name} 中没有字段 `{name}`{more}",
    }
    known_fields(fields) {
        en: "; known fields: {fields}",
        zh: "；已知字段：{fields}",
    }

    invalid_enum(value, field, allowed, pattern, more) {
        en: "`{value}` is not a valid `{field}`; allowed: {allowed}{pattern}{more}",
        zh: "`{value}` 不是 `{field}` 的有效取值，可选值：{allowed}{pattern}{more}",
    }
    or_matching(pattern) {
        en: " (or a value matching `{pattern}`)",
        zh: "（或匹配 `{pattern}` 的值）",
    }
    invalid_selector(value, field, allowed, prefixes, more) {
        en: "`{value}` is not a supported `{field}` here; allowed: {allowed}, or {prefixes}…{more}",
        zh: "此处不支持 `{field}` 取值 `{value}`，可选值：{allowed}，或 {prefixes}…{more}",
    }

    type_mismatch(name, expected, found, more) {
        en: "{name} must be {expected}, found {found}{more}",
        zh: "{name}应为{expected}，实际为{found}{more}",
    }
    /// The subject of `type_mismatch`: `containerPort` (Chinese puts a space after the code).
    subject_field(name) {
        en: "`{name}`",
        zh: "`{name}` ",
    }
    missing_space_after_colon() {
        en: "; is a space missing after `:`?",
        zh: "；是否漏写了 `:` 后面的空格？",
    }
    the_field(name) {
        en: "`{name}`",
        zh: "`{name}`",
    }
    each_item_of(name) {
        en: "each item of `{name}`",
        zh: "`{name}` 的每一项",
    }
    each_item_of_the_list() {
        en: "each item of the list",
        zh: "列表的每一项",
    }
    the_document() {
        en: "the document",
        zh: "文档",
    }
    found_value(kind, source) {
        en: "{kind} (`{source}`)",
        zh: "{kind}（`{source}`）",
    }
    a_list() { en: "a list", zh: "列表" }
    a_mapping() { en: "a mapping", zh: "映射" }
    a_string() { en: "a string", zh: "字符串" }
    an_integer() { en: "an integer", zh: "整数" }
    a_number() { en: "a number", zh: "数字" }
    a_boolean() { en: "a boolean", zh: "布尔值" }
    a_null() { en: "null", zh: "空值（null）" }
    a_boolean_true_false() {
        en: "a boolean (`true` or `false`)",
        zh: "布尔值（`true` 或 `false`）",
    }
    a_quantity() {
        en: "a quantity (a number, or a string such as `500m` or `1Gi`)",
        zh: "资源数量（数字，或 `500m`、`1Gi` 这样的字符串）",
    }
    an_int_or_string() { en: "an integer or a string", zh: "整数或字符串" }
    any_value() { en: "any value", zh: "任意值" }
    an_object(name) { en: "an object ({name})", zh: "对象（{name}）" }
    a_list_of(items) { en: "a list of {items}", zh: "由{items}组成的列表" }
    a_map_of(values) { en: "a mapping of names to {values}", zh: "从名称到{values}的映射" }
    objects_of(name) { en: "{name} objects", zh: " {name} 对象" }
    strings() { en: "strings", zh: "字符串" }
    integers() { en: "integers", zh: "整数" }
    numbers() { en: "numbers", zh: "数字" }
    booleans() { en: "booleans", zh: "布尔值" }
    quantities() { en: "quantities", zh: "资源数量" }
    ints_or_strings() { en: "integers or strings", zh: "整数或字符串" }
    values() { en: "values", zh: "值" }
    collections() { en: "collections", zh: "集合" }

    deprecated(field, instead) {
        en: "`{field}` is deprecated: {instead}",
        zh: "`{field}` 已弃用：{instead}",
    }

    yaml11_boolean(word, meaning) {
        en: "`{word}` is read as `{meaning}` by kubectl (YAML 1.1) but as a string by YAML 1.2 tools; write `{meaning}`",
        zh: "kubectl（YAML 1.1）把 `{word}` 读作 `{meaning}`，而 YAML 1.2 工具把它读作字符串；请写成 `{meaning}`",
    }
    yaml11_string(word, meaning) {
        en: "`{word}` is read as the boolean `{meaning}` by kubectl (YAML 1.1), and the API server refuses a boolean in this string field; quote it: \"{word}\"",
        zh: "kubectl（YAML 1.1）把 `{word}` 读作布尔值 `{meaning}`，API 服务器不接受这个字符串字段里的布尔值；请加引号：\"{word}\"",
    }
    yaml11_any(word, meaning) {
        en: "`{word}` is read as the boolean `{meaning}` by kubectl (YAML 1.1) but as a string by YAML 1.2 tools; quote it for a string, or write `{meaning}`",
        zh: "kubectl（YAML 1.1）把 `{word}` 读作布尔值 `{meaning}`，而 YAML 1.2 工具把它读作字符串；要字符串请加引号，要布尔值请写 `{meaning}`",
    }

    absolute_path(name, path) {
        en: "`{name}` must be a relative path inside the volume, found the absolute path `{path}`",
        zh: "`{name}` 必须是卷内的相对路径，实际为绝对路径 `{path}`",
    }
    climbing_path(name, path) {
        en: "`{name}` must not contain a `..` element, found `{path}`",
        zh: "`{name}` 不能包含 `..` 路径段，实际为 `{path}`",
    }

    invalid_quantity(value, why) {
        en: "`{value}` is not a valid quantity: {why}; write a number with an optional suffix such as `500m`, `2`, `128Mi`, `1Gi` or `1G`",
        zh: "`{value}` 不是有效的资源数量：{why}；请写一个数字，可带后缀，例如 `500m`、`2`、`128Mi`、`1Gi` 或 `1G`",
    }
    quantity_empty() { en: "it is empty", zh: "值为空" }
    quantity_no_number() { en: "it does not start with a number", zh: "开头不是数字" }
    quantity_bad_suffix(suffix) {
        en: "`{suffix}` is not a quantity suffix (suffixes are case-sensitive: `Ki`, `Mi`, `Gi`, `k`, `M`, `G`, `m`, ...)",
        zh: "`{suffix}` 不是资源数量的后缀（后缀区分大小写：`Ki`、`Mi`、`Gi`、`k`、`M`、`G`、`m` 等）",
    }
    milli_bytes(value, number) {
        en: "`{value}` is {number} milli-bytes (thousandths of a byte); for mebibytes write `{number}Mi`",
        zh: "`{value}` 是 {number} 毫字节（千分之一字节）；若指 MiB，请写 `{number}Mi`",
    }
    negative_quantity(value) {
        en: "`{value}`: quantities must not be negative",
        zh: "`{value}`：资源数量不能为负数",
    }
    fractional_extended_resource(value, resource) {
        en: "`{value}`: the extended resource `{resource}` must be a whole number",
        zh: "`{value}`：扩展资源 `{resource}` 必须是整数",
    }

    out_of_range(name, allowed, value, more) {
        en: "`{name}` must be {allowed}, found {value}{more}",
        zh: "`{name}` 必须{allowed}，实际为 {value}{more}",
    }
    between(min, max) { en: "between {min} and {max}", zh: "介于 {min} 和 {max} 之间" }
    between_octal(min, max, octal_min, octal_max) {
        en: "between {min} and {max} (octal 0{octal_min}–0{octal_max})",
        zh: "介于 {min} 和 {max} 之间（八进制 0{octal_min}–0{octal_max}）",
    }
    greater_than(min) { en: "greater than {min}", zh: "大于 {min}" }
    at_least(min) { en: "at least {min}", zh: "不小于 {min}" }
    at_most(max) { en: "at most {max}", zh: "不大于 {max}" }
    container_port_zero() {
        en: " (0 means unset, and containerPort is required)",
        zh: "（0 表示未设置，而 containerPort 是必填的）",
    }
    annotations_too_large(size, limit) {
        en: "the annotations take {size} bytes (keys and values together); the limit is {limit} bytes (256 KiB): move large data to a ConfigMap",
        zh: "注解（键与值合计）共 {size} 字节，上限为 {limit} 字节（256 KiB）：请把大块数据移到 ConfigMap 中",
    }

    alpha_otherwise(field, only) {
        en: "; the {field} allowed without it is `{only}`",
        zh: "；未开启时 {field} 只能取 `{only}`",
    }

    required_not_empty(field) {
        en: "`{field}` is required and must not be empty",
        zh: "`{field}` 是必填字段，且不能为空",
    }
    name_required(path) {
        en: "`{path}` (or `generateName`) is required",
        zh: "必须填写 `{path}`（或 `generateName`）",
    }
    missing_required(field, type_name) {
        en: "missing required field `{field}` ({type_name})",
        zh: "缺少必填字段 `{field}`（{type_name}）",
    }
    no_containers(path) {
        en: "`{path}` must list at least one container",
        zh: "`{path}` 至少要列出一个容器",
    }

    invalid_format(what, value, rule) {
        en: "invalid {what} `{value}`: {rule}",
        zh: "{what} `{value}` 无效：{rule}",
    }
    value_of(key) { en: "value of `{key}`", zh: "`{key}` 的值" }
    invalid_key(name, field, rule) {
        en: "invalid key `{name}` in `{field}`: {rule}",
        zh: "`{field}` 中的键 `{name}` 无效：{rule}",
    }
    image_whitespace(value) {
        en: "invalid `image` `{value}`: an image must not have leading or trailing whitespace",
        zh: "`image` `{value}` 无效：镜像名首尾不能有空白字符",
    }
    dns1123_label() {
        en: "must be a DNS-1123 label: at most 63 characters, lowercase letters, digits and `-`, starting and ending with a letter or digit",
        zh: "必须是 DNS-1123 标签：最多 63 个字符，只含小写字母、数字和 `-`，并以字母或数字开头和结尾",
    }
    dns1123_subdomain() {
        en: "must be a DNS-1123 subdomain: at most 253 characters, lowercase letters, digits, `-` and `.`, each dot-separated part starting and ending with a letter or digit",
        zh: "必须是 DNS-1123 子域名：最多 253 个字符，只含小写字母、数字、`-` 和 `.`，以点分隔的每一段都以字母或数字开头和结尾",
    }
    qualified_name() {
        en: "must be a qualified name: an optional DNS subdomain prefix and `/`, then at most 63 letters, digits, `-`, `_` or `.`, starting and ending with a letter or digit",
        zh: "必须是限定名称：可选的 DNS 子域名前缀加 `/`，其后最多 63 个字母、数字、`-`、`_` 或 `.`，并以字母或数字开头和结尾",
    }
    label_value() {
        en: "must be empty or at most 63 letters, digits, `-`, `_` or `.`, starting and ending with a letter or digit",
        zh: "必须为空，或最多 63 个字母、数字、`-`、`_` 或 `.`，并以字母或数字开头和结尾",
    }
    port_name() {
        en: "a port name must be at most 15 characters of lowercase letters, digits and `-`, with at least one letter, no `--`, and no `-` at either end",
        zh: "端口名最多 15 个字符，只含小写字母、数字和 `-`，至少含一个字母，不能有 `--`，首尾不能是 `-`",
    }
    env_var_name() {
        en: "an environment variable name must be non-empty printable ASCII without `=`",
        zh: "环境变量名必须是非空的可打印 ASCII 字符，且不含 `=`",
    }
    configmap_key() {
        en: "a key must be at most 253 letters, digits, `-`, `_` or `.`, and not `.` or start with `..`",
        zh: "键最多 253 个字母、数字、`-`、`_` 或 `.`，不能是 `.`，也不能以 `..` 开头",
    }
    header_name() {
        en: "a header name must be letters, digits and `-`",
        zh: "请求头名称只能含字母、数字和 `-`",
    }
    ip_address() {
        en: "must be an IPv4 or IPv6 address",
        zh: "必须是 IPv4 或 IPv6 地址",
    }
    bad_format() { en: "has an invalid format", zh: "格式无效" }
    pod_level_resources(path, names) {
        en: "pod-level `{path}` support only {names}; set other resources on the containers",
        zh: "Pod 级的 `{path}` 只支持 {names}；其他资源请在容器上设置",
    }
    resource_or_extended(names) {
        en: "a resource must be {names}, or an extended resource with a domain prefix (`example.com/gpu`)",
        zh: "资源必须是 {names}，或带域名前缀的扩展资源（`example.com/gpu`）",
    }
    resource_one_of(names) {
        en: "a resource must be {names}",
        zh: "资源必须是 {names}",
    }
}
