//! The temporary files a killed `podls check --fix` left (`.pod.yaml.podls-fix-<pid>-<n>`, written beside
//! the file and renamed over it): the next `--fix` in the same directory removes them. Only ours — the
//! name is that of a temporary of a file still beside it — and only stale: the process that wrote it is gone
//! (no `/proc/<pid>`, where `/proc` exists; elsewhere nothing is removed) and the file was last written
//! over a minute ago (a write takes milliseconds, and another PID namespace may share the directory).

use std::collections::HashSet;
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::{Duration, SystemTime};

/// How old a temporary file of a dead process must be to go.
const STALE_AFTER: Duration = Duration::from_secs(60);

/// Removes the stale temporaries in `target`'s directory, once per directory and run.
pub fn clean_beside(target: &Path) {
    static CLEANED: Mutex<Option<HashSet<PathBuf>>> = Mutex::new(None);
    let dir = match target.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    {
        let mut cleaned = CLEANED.lock().unwrap_or_else(|e| e.into_inner());
        if !cleaned
            .get_or_insert_with(HashSet::new)
            .insert(dir.to_path_buf())
        {
            return;
        }
    }
    if !Path::new("/proc/self").exists() {
        return;
    }
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    let now = SystemTime::now();
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some((original, pid)) = name.to_str().and_then(temporary_of) else {
            continue;
        };
        let old = entry
            .metadata()
            .and_then(|m| m.modified())
            .is_ok_and(|at| now.duration_since(at).is_ok_and(|age| age > STALE_AFTER));
        let alive = pid == std::process::id() || Path::new(&format!("/proc/{pid}")).exists();
        if old && !alive && dir.join(original).is_file() && entry.path().is_file() {
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// `.pod.yaml.podls-fix-<pid>-<n>`: `pod.yaml` and the pid, when the name is one of ours.
pub fn temporary_of(name: &str) -> Option<(&str, u32)> {
    let (original, suffix) = name.strip_prefix('.')?.rsplit_once(".podls-fix-")?;
    let (pid, n) = suffix.split_once('-')?;
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if original.is_empty() || !digits(n) || !digits(pid) {
        return None;
    }
    Some((original, pid.parse().ok()?))
}

#[cfg(test)]
mod tests {
    use super::temporary_of;

    #[test]
    fn only_our_temporary_names() {
        assert_eq!(
            temporary_of(".pod.yaml.podls-fix-1234-7"),
            Some(("pod.yaml", 1234))
        );
        assert_eq!(
            temporary_of(".a.podls-fix-1.yaml.podls-fix-9-0"),
            Some(("a.podls-fix-1.yaml", 9))
        );
        for other in [
            "pod.yaml.podls-fix-1-2",
            ".pod.yaml.podls-fix-1",
            ".pod.yaml.podls-fix-x-2",
            ".pod.yaml.podls-fix-1-2.bak",
            "..podls-fix-1-2",
            ".pod.yaml",
        ] {
            assert_eq!(temporary_of(other), None, "{other}");
        }
    }
}
