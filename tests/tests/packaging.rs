//! How podls is installed, checked without installing: the pre-commit hook's entry is the binary the root
//! package builds (pre-commit runs `cargo install --path .` at the repository root), and that binary is
//! podls.

use std::path::Path;
use std::process::Command;

fn repository() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap()
}

#[test]
fn the_pre_commit_hook_runs_the_binary_the_root_package_installs() {
    let hooks = std::fs::read_to_string(repository().join(".pre-commit-hooks.yaml")).unwrap();
    let manifest = std::fs::read_to_string(repository().join("Cargo.toml")).unwrap();
    assert!(hooks.contains("- id: podls\n"), "{hooks}");
    assert!(hooks.contains("\n  language: rust\n"), "{hooks}");
    assert!(hooks.contains("\n  types_or: [yaml, json]\n"), "{hooks}");
    let entry = hooks
        .lines()
        .find_map(|l| l.trim().strip_prefix("entry: "))
        .expect("an entry");
    let (binary, command) = entry.split_once(' ').unwrap();
    assert_eq!(command, "check");
    // `cargo install --path .` needs a package at the root, whose binary is the hook's.
    assert!(manifest.contains("\n[package]\n"), "{manifest}");
    assert!(
        manifest.contains(&format!("[[bin]]\nname = \"{binary}\"\n")),
        "{manifest}"
    );

    // The binary is podls: the same check, the same exit code.
    let built = Command::new(env!("CARGO"))
        .args(["build", "-q", "-p", "podls-pre-commit"])
        .current_dir(repository())
        .status()
        .unwrap();
    assert!(built.success());
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| repository().join("target"));
    let hook = target.join("debug").join(binary);
    let run = Command::new(&hook)
        .args([command, "--format", "concise", "examples/pod.yaml"])
        .current_dir(repository())
        .output()
        .unwrap_or_else(|e| panic!("{}: {e}", hook.display()));
    assert_eq!(run.status.code(), Some(1));
    let stdout = String::from_utf8(run.stdout).unwrap();
    assert!(
        stdout.contains("examples/pod.yaml:6:3: error[unknown-field]"),
        "{stdout}"
    );
}
