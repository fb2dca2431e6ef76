//! What `podls check` and `podls explain` say on the terminal besides the diagnostics: the summary line,
//! files that could not be checked, usage errors.

use super::{Message, messages};

messages! {
    /// `2 errors, 1 warning; 3 files checked`; the counts take the plural forms below.
    summary(errors, warnings, files) {
        en: "{errors}, {warnings}; {files} checked",
        zh: "{errors}，{warnings}；已检查 {files}",
    }
    errors_one(n) { en: "{n} error", zh: "{n} 个错误" }
    errors_many(n) { en: "{n} errors", zh: "{n} 个错误" }
    warnings_one(n) { en: "{n} warning", zh: "{n} 个警告" }
    warnings_many(n) { en: "{n} warnings", zh: "{n} 个警告" }
    files_one(n) { en: "{n} file", zh: "{n} 个文件" }
    files_many(n) { en: "{n} files", zh: "{n} 个文件" }
    /// `2 errors, 1 warning, 1 note; …` when information or hints were reported too.
    summary_with_notes(errors, warnings, notes, files) {
        en: "{errors}, {warnings}, {notes}; {files} checked",
        zh: "{errors}，{warnings}，{notes}；已检查 {files}",
    }
    notes_one(n) { en: "{n} note", zh: "{n} 个提示" }
    notes_many(n) { en: "{n} notes", zh: "{n} 个提示" }
    /// `, 2 skipped (1 not UTF-8, 1 could not be read)` after the files checked.
    skipped(n, reasons) { en: ", {n} skipped ({reasons})", zh: "，跳过 {n} 个（{reasons}）" }
    reason_separator() { en: ", ", zh: "，" }
    skipped_not_utf8(n) { en: "{n} not UTF-8", zh: "{n} 个不是 UTF-8 编码" }
    skipped_unreadable(n) { en: "{n} could not be read", zh: "{n} 个无法读取" }
    skipped_excluded(n) { en: "{n} excluded by configuration", zh: "{n} 个被配置排除" }
    skipped_internal_error(n) {
        en: "{n} internal error, please report it",
        zh: "{n} 个内部错误，请报告此问题",
    }
    /// After the `help:` lines of a finding with many fixes (an enum has one per allowed value).
    more_fixes(n) {
        en: "{n} more fixes among the editor's quick fixes",
        zh: "编辑器的快速修复中还有 {n} 个修复",
    }
    more_fixes_one(n) {
        en: "{n} more fix among the editor's quick fixes",
        zh: "编辑器的快速修复中还有 {n} 个修复",
    }
    not_utf8(byte, line) {
        en: "not valid UTF-8 (byte {byte}, line {line}): Kubernetes manifests are UTF-8",
        zh: "不是有效的 UTF-8（第 {byte} 字节，第 {line} 行）：Kubernetes 清单必须是 UTF-8 编码",
    }
    too_large(mib) {
        en: "larger than {mib} MiB: not a manifest",
        zh: "超过 {mib} MiB：不是清单文件",
    }
    internal_error(panic) {
        en: "internal error: podls panicked while checking this file ({panic}); please report it with the file",
        zh: "内部错误：podls 检查此文件时崩溃（{panic}）；请附上该文件报告此问题",
    }
    /// `podls explain` on a path the table does not have.
    unknown_path(what, more) { en: "{what}{more}", zh: "{what}{more}" }
    unknown_kind(kind) {
        en: "`{kind}` is not a kind podls knows",
        zh: "podls 不认识资源类型 `{kind}`",
    }
    no_such_field(known, segment) {
        en: "`{known}` has no field `{segment}`",
        zh: "`{known}` 没有字段 `{segment}`",
    }
    did_you_mean_one_of(found) {
        en: "; did you mean {found}?",
        zh: "；是否想写 {found}？",
    }
    /// `podls rule CODE`'s headings and errors.
    rule_severity() { en: "Severity", zh: "严重级别" }
    rule_fix() { en: "Quick fix", zh: "快速修复" }
    rule_follows() { en: "Follows", zh: "依据" }
    rule_checks() { en: "What it checks", zh: "检查内容" }
    rule_why() { en: "Why it matters", zh: "为何重要" }
    rule_example() { en: "Example", zh: "示例" }
    rule_fixed() { en: "Fixed", zh: "修正后" }
    rule_reported() { en: "What podls reports on the example", zh: "podls 对示例的报告" }
    unknown_code(code) {
        en: "no diagnostic code `{code}` (`podls rules` lists them)",
        zh: "没有诊断代码 `{code}`（`podls rules` 会列出全部代码）",
    }
    unknown_code_meant(code, meant) {
        en: "no diagnostic code `{code}`; did you mean `{meant}`? (`podls rules` lists them)",
        zh: "没有诊断代码 `{code}`；是否想写 `{meant}`？（`podls rules` 会列出全部代码）",
    }
    unknown_locale(tag) {
        en: "unknown locale `{tag}`; use `en` or `zh-cn`",
        zh: "未知的语言 `{tag}`；请使用 `en` 或 `zh-cn`",
    }
}

// English takes each count's form, Chinese none: one message per form, chosen here.

pub fn error_count(n: usize) -> Message {
    if n == 1 {
        errors_one(n)
    } else {
        errors_many(n)
    }
}

pub fn warning_count(n: usize) -> Message {
    if n == 1 {
        warnings_one(n)
    } else {
        warnings_many(n)
    }
}

pub fn file_count(n: usize) -> Message {
    if n == 1 { files_one(n) } else { files_many(n) }
}

pub fn note_count(n: usize) -> Message {
    if n == 1 { notes_one(n) } else { notes_many(n) }
}

pub fn more_fix_count(n: usize) -> Message {
    if n == 1 {
        more_fixes_one(n)
    } else {
        more_fixes(n)
    }
}
