//! Records the commit podls is built from (`PODLS_COMMIT`, printed by `podls --version`): from git in a
//! checkout, from the `.cargo_vcs_info.json` cargo writes into a published package, else `unknown`.

use std::path::Path;
use std::process::Command;

fn main() {
    let dir = std::env::var("CARGO_MANIFEST_DIR").unwrap_or_default();
    let commit = from_git(&dir)
        .or_else(|| from_vcs_info(&dir))
        .unwrap_or_else(|| "unknown".to_owned());
    println!("cargo:rustc-env=PODLS_COMMIT={commit}");
}

fn git(dir: &str, args: &[&str]) -> Option<String> {
    let output = Command::new("git")
        .args(args)
        .current_dir(dir)
        .output()
        .ok()?;
    let text = String::from_utf8(output.stdout).ok()?.trim().to_owned();
    (output.status.success() && !text.is_empty()).then_some(text)
}

fn from_git(dir: &str) -> Option<String> {
    let commit = git(dir, &["rev-parse", "--short=12", "HEAD"])?;
    // Rebuild when HEAD moves: HEAD itself, and the branch it points at.
    for reference in ["HEAD".to_owned()]
        .into_iter()
        .chain(git(dir, &["symbolic-ref", "-q", "HEAD"]))
    {
        // Only files that exist: cargo reruns a script on every build while a watched path is missing (a
        // branch whose ref is packed has no file of its own).
        if let Some(path) = git(dir, &["rev-parse", "--git-path", &reference])
            .map(|path| Path::new(dir).join(path))
            .filter(|path| path.exists())
        {
            println!("cargo:rerun-if-changed={}", path.display());
        }
    }
    Some(commit)
}

/// `{"git": {"sha1": "…"}}`, written by `cargo package` beside Cargo.toml.
fn from_vcs_info(dir: &str) -> Option<String> {
    let path = Path::new(dir).join(".cargo_vcs_info.json");
    let text = std::fs::read_to_string(&path).ok()?;
    println!("cargo:rerun-if-changed={}", path.display());
    let start = text.find("\"sha1\"")? + "\"sha1\"".len();
    let rest = text[start..].trim_start().strip_prefix(':')?.trim_start();
    let sha = rest.strip_prefix('"')?.split('"').next()?;
    Some(sha.chars().take(12).collect())
}
