//! What `podls check` and `podls explain` say on the terminal besides the diagnostics: the summary line,
//! files that could not be checked, usage errors.

use super::{Message, messages};

messages! {
    /// `2 errors, 1 warning in 3 files`; the counts take the plural forms below.
    summary(errors, warnings, files) {
        en: "{errors}, {warnings} in {files}",
        zh: "{errors}，{warnings}，共检查 {files}",
    }
    errors_one(n) { en: "{n} error", zh: "{n} 个错误" }
    errors_many(n) { en: "{n} errors", zh: "{n} 个错误" }
    warnings_one(n) { en: "{n} warning", zh: "{n} 个警告" }
    warnings_many(n) { en: "{n} warnings", zh: "{n} 个警告" }
    files_one(n) { en: "{n} file", zh: "{n} 个文件" }
    files_many(n) { en: "{n} files", zh: "{n} 个文件" }
    /// ` (1 file could not be read; 2 files could not be checked: internal error)` after the summary.
    troubles(list) { en: " ({list})", zh: "（{list}）" }
    trouble_separator() { en: "; ", zh: "；" }
    unreadable_files(files) { en: "{files} could not be read", zh: "{files}无法读取" }
    crashed_files(files) {
        en: "{files} could not be checked: internal error",
        zh: "{files}因内部错误无法检查",
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
    unknown_locale(tag) {
        en: "unknown locale `{tag}`; use `en` or `zh-cn`",
        zh: "未知的语言 `{tag}`；请使用 `en` 或 `zh-cn`",
    }
}

/// The summary line: `2 errors, 1 warning in 3 files`.
pub fn summary_line(errors: usize, warnings: usize, files: usize) -> Message {
    summary(
        error_count(errors),
        warning_count(warnings),
        file_count(files),
    )
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
