//! `podls check --fix` killed at any moment (SIGKILL, over and over, on a tree of files with fixable
//! mistakes in block and flow style): every file is always either as it was or fully fixed — never
//! truncated, never half fixed — and a run left to finish fixes the rest, its leftovers ignored, which the
//! next run removes once stale.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use podls_e2e::{Repository, binary};

/// Fixable mistakes (a misspelt key, enum value and unit), with text around them the fixes must keep.
const BLOCK: &str = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web-N  # the name\n  lables: {app: web}\nspec:\n  restartPolicy: Nevr\n  containers:\n  - name: web\n    image: \"nginx:1.27\"\n    resources:\n      limits: {memory: 128mb}\n";
const FLOW: &str = "{apiVersion: v1, kind: Pod, metadata: {name: web-N, lables: {app: web}},\n spec: {restartPolicy: Nevr, containers: [{name: web, image: \"nginx:1.27\",\n   resources: {limits: {memory: 128mb}}}]}}\n";

const FILES: usize = 300;
const KILLS: usize = 30;

/// The tree: `FILES` files of a few documents each, block or flow, in directories of 50.
fn write_tree(repo: &Repository) -> BTreeMap<String, String> {
    let mut files = BTreeMap::new();
    for i in 0..FILES {
        let one = if i % 3 == 0 { FLOW } else { BLOCK };
        let docs: Vec<String> = (0..4)
            .map(|d| one.replace("web-N", &format!("web-{i}-{d}")))
            .collect();
        let text = format!("# file {i}\n{}", docs.join("---\n"));
        let name = format!("team-{}/pod-{i}.yaml", i / 50);
        repo.write(&name, &text);
        files.insert(name, text);
    }
    files
}

fn fix(dir: &Path) -> Command {
    let mut command = Command::new(binary());
    command
        .args(["check", "--fix", "--quiet", "--format", "concise", "."])
        .current_dir(dir)
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    command
}

/// Each file now: as it was, or as a complete run fixes it. Returns how many are fixed.
fn assert_each_whole(
    dir: &Path,
    original: &BTreeMap<String, String>,
    fixed: &BTreeMap<String, String>,
) -> usize {
    let mut done = 0;
    for (name, before) in original {
        let now = std::fs::read_to_string(dir.join(name)).unwrap_or_else(|e| panic!("{name}: {e}"));
        if now == fixed[name] {
            done += 1;
        } else {
            assert_eq!(&now, before, "{name} is neither as it was nor fully fixed");
        }
    }
    done
}

/// A run's leftovers beside the files (temporary files of a killed run), which must not be manifests.
fn leftovers(dir: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    for team in std::fs::read_dir(dir).unwrap().flatten() {
        if team.file_name() == ".git" || !team.path().is_dir() {
            continue;
        }
        for entry in std::fs::read_dir(team.path()).unwrap().flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            if !name.starts_with("pod-") {
                found.push(entry.path());
            }
        }
    }
    found
}

#[test]
fn fix_killed_at_any_moment_leaves_each_file_whole() {
    // What a complete run makes of each file, on a copy.
    let reference = Repository::new("fix-killed-reference");
    let original = write_tree(&reference);
    let started = Instant::now();
    assert_eq!(fix(&reference.0).status().unwrap().code(), Some(0));
    let full_run = started.elapsed();
    let fixed: BTreeMap<String, String> = original
        .keys()
        .map(|name| (name.clone(), reference.read(name)))
        .collect();
    assert!(
        original.iter().all(|(name, text)| fixed[name] != *text),
        "every file has something to fix"
    );

    let repo = Repository::new("fix-killed");
    write_tree(&repo);
    // Kills spread over the whole of a run (a deterministic spread: no seed to reproduce).
    let span = full_run.as_micros().max(1000) as u64;
    let mut fixed_before = 0;
    for kill in 0..KILLS {
        let delay = Duration::from_micros((kill as u64 * 7919 * span / KILLS as u64) % span);
        let mut child = fix(&repo.0).spawn().unwrap();
        std::thread::sleep(delay);
        // SIGKILL: no handler runs, nothing is flushed.
        let _ = child.kill();
        child.wait().unwrap();
        let done = assert_each_whole(&repo.0, &original, &fixed);
        assert!(done >= fixed_before, "a fixed file went back");
        fixed_before = done;
    }
    // Left to finish, a run fixes what the kills left, and never reads a killed run's temporary files.
    let finish = fix(&repo.0).output().unwrap();
    assert_eq!(finish.status.code(), Some(0));
    assert_eq!(assert_each_whole(&repo.0, &original, &fixed), FILES);
    let left = leftovers(&repo.0);
    for leftover in &left {
        let name = leftover.file_name().unwrap().to_string_lossy().into_owned();
        assert!(
            name.starts_with('.') && name.contains(".podls-fix-"),
            "unexpected file {name}"
        );
    }
    // The next --fix removes them once they are stale (their process gone, last written over a minute ago):
    // aged here, beside a fresh one of a dead process and names that are not ours, which all stay.
    let hour_ago = std::time::SystemTime::now() - Duration::from_secs(3600);
    for leftover in &left {
        let file = std::fs::File::options().write(true).open(leftover).unwrap();
        file.set_modified(hour_ago).unwrap();
    }
    let dead = dead_pid();
    let kept = [
        format!("team-0/.pod-0.yaml.podls-fix-{dead}-0"),
        format!("team-0/.gone.yaml.podls-fix-{dead}-0"),
        format!("team-0/pod-0.yaml.podls-fix-{dead}-0"),
        format!("team-0/.pod-0.yaml.podls-fix-{dead}-0.keep"),
    ];
    for (i, name) in kept.iter().enumerate() {
        repo.write(name, "not a manifest\n");
        if i > 0 {
            let file = std::fs::File::options()
                .write(true)
                .open(repo.0.join(name))
                .unwrap();
            file.set_modified(hour_ago).unwrap();
        }
    }
    let stale = repo
        .0
        .join(format!("team-1/.pod-50.yaml.podls-fix-{dead}-3"));
    std::fs::write(&stale, "half a file").unwrap();
    std::fs::File::options()
        .write(true)
        .open(&stale)
        .unwrap()
        .set_modified(hour_ago)
        .unwrap();
    assert_eq!(fix(&repo.0).status().unwrap().code(), Some(0));
    assert!(!stale.exists(), "a stale temporary file was left");
    for leftover in &left {
        assert!(!leftover.exists(), "{leftover:?} was left");
    }
    for name in &kept {
        assert!(repo.0.join(name).exists(), "{name} was removed");
    }
}

/// A process id no process has: a child's, once it has been waited for (ids are reused only after the
/// whole range went round).
fn dead_pid() -> u32 {
    let mut child = Command::new("true").spawn().unwrap();
    let pid = child.id();
    child.wait().unwrap();
    pid
}
