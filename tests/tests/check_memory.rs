//! `podls check`'s memory follows the largest file, not the tree: files are printed as they are checked
//! and their texts dropped, so a tree of hundreds of files (megabytes of text, thousands of findings) peaks
//! within a bound of the peak of one of its files. The peak is the binary's own `VmHWM`, which a test build
//! prints at the very end on request (`PODLS_CHECK_PEAK_MEMORY`).

use podls_e2e::{Repository, run_check};

/// One file: Pods with a few findings each (block and flow), about 64 KiB.
fn manifest(i: usize) -> String {
    let mut text = String::new();
    let mut d = 0;
    while text.len() < 64 * 1024 {
        text.push_str(&format!(
            "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web-{i}-{d}\n  lables: {{app: web}}\n  annotations:\n    note: \"{}\"\nspec:\n  restartPolicy: Nevr\n  containers:\n  - name: web\n    image: nginx:latest\n    resources: {{limits: {{memory: 128mb}}}}\n---\n{{apiVersion: v1, kind: Pod, metadata: {{name: flow-{i}-{d}}}, spec: {{containers: [{{name: a, image: b, imagePullPolcy: Always}}]}}}}\n---\n",
            "x".repeat(1500)
        ));
        d += 1;
    }
    text
}

const MANY: usize = 300;

/// The run's peak memory in KiB, and the number of findings it printed.
fn peak_kib(repo: &Repository, format: &str) -> (u64, usize) {
    let run = run_check(
        &repo.0,
        &["--format", format, "."],
        None,
        &[("PODLS_CHECK_PEAK_MEMORY", "1")],
    );
    assert_eq!(run.code, 1, "{}", run.stderr);
    let peak = run
        .stderr
        .lines()
        .find_map(|line| line.strip_prefix("peak memory: "))
        .and_then(|kib| kib.trim_end_matches(" kB").parse().ok())
        .unwrap_or_else(|| panic!("no peak memory in {}", run.stderr));
    (peak, run.stdout.lines().count())
}

#[test]
fn memory_follows_the_largest_file_not_the_tree() {
    let one = Repository::new("memory-one");
    one.write("pods/pod-0.yaml", manifest(0));
    let many = Repository::new("memory-many");
    let mut tree_bytes = 0;
    for i in 0..MANY {
        let text = manifest(i);
        tree_bytes += text.len() as u64;
        many.write(&format!("pods/{:02}/pod-{i}.yaml", i / 50), text);
    }
    // Held whole, the tree's texts alone would be this much more than one file's.
    let tree_kib = tree_bytes / 1024;
    assert!(tree_kib > 18 * 1024, "{tree_kib} KiB");
    for format in ["text", "concise", "json"] {
        let (alone, alone_lines) = peak_kib(&one, format);
        let (tree, tree_lines) = peak_kib(&many, format);
        assert!(
            tree_lines > alone_lines * (MANY / 2),
            "{format}: {tree_lines} lines"
        );
        // Generous (threads, allocator arenas, the window of files in flight) but far below the tree.
        assert!(
            tree < alone + tree_kib / 3,
            "{format}: {tree} KiB for {MANY} files, {alone} KiB for one (the tree is {tree_kib} KiB)"
        );
    }
}
