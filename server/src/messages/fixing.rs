//! What `podls check --fix` says besides the findings: how many fixes it applied, and why it did not write
//! a file.

use super::messages;

messages! {
    fixed_one(files) { en: "fixed 1 finding in {files}", zh: "已修复 1 个问题，涉及 {files}" }
    fixed_many(n, files) { en: "fixed {n} findings in {files}", zh: "已修复 {n} 个问题，涉及 {files}" }
    would_fix_one(files) { en: "1 fix would be applied in {files}", zh: "将在 {files}中应用 1 个修复" }
    would_fix_many(n, files) {
        en: "{n} fixes would be applied in {files}",
        zh: "将在 {files}中应用 {n} 个修复",
    }
    changed_on_disk() {
        en: "changed on disk since podls read it: not written, run `podls check --fix` again",
        zh: "读取之后文件已在磁盘上被修改：未写入，请重新运行 `podls check --fix`",
    }
    not_written(reason) { en: "not written: {reason}", zh: "未写入：{reason}" }
}
