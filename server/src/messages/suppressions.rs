//! What podls says about suppression comments (`# podls-ignore: code`): one that suppresses nothing, names
//! an unknown code or cannot apply, and the titles of the fixes that add or remove one.

use super::messages;

messages! {
    unused_line() {
        en: "this `podls-ignore` suppresses nothing: nothing is reported on its line",
        zh: "此 `podls-ignore` 没有抑制任何诊断：它所在的行没有诊断",
    }
    unused_file() {
        en: "this `podls-ignore-file` suppresses nothing: nothing is reported in this document",
        zh: "此 `podls-ignore-file` 没有抑制任何诊断：此文档中没有诊断",
    }
    unused_line_code(code) {
        en: "`{code}` is not reported on this line: nothing to suppress",
        zh: "此行没有 `{code}` 诊断：无需抑制",
    }
    unused_file_code(code) {
        en: "`{code}` is not reported in this document: nothing to suppress",
        zh: "此文档中没有 `{code}` 诊断：无需抑制",
    }
    unknown_code(code, hint) {
        en: "unknown code `{code}` in a suppression comment{hint}",
        zh: "抑制注释中有未知的代码 `{code}`{hint}",
    }
    syntax_not_suppressible(code) {
        en: "`{code}` cannot be suppressed: a file that does not parse is not checked, fix the YAML instead",
        zh: "`{code}` 不能被抑制：无法解析的文件不会被检查，请修正 YAML",
    }
    misplaced_file() {
        en: "`podls-ignore-file` applies only among the comments at the top of a document, before its first key",
        zh: "`podls-ignore-file` 只能写在文档顶部、第一个键之前的注释中",
    }
    remove_comment() {
        en: "Remove the unused suppression comment",
        zh: "删除无用的抑制注释",
    }
    remove_code(code) {
        en: "Remove `{code}` from the suppression comment",
        zh: "从抑制注释中删除 `{code}`",
    }
    ignore_on_line(code) {
        en: "Ignore `{code}` on this line",
        zh: "在此行忽略 `{code}`",
    }
}
