//! `podls check --fix` and `--diff` through the real binary: multi-document, CRLF and BOM files fixed byte
//! for byte outside the fixes, the corpus (and mutated copies of it) fixed to a fixpoint with only the
//! reported lines changed, the atomic write refusing a file changed meanwhile, permissions and symlinks
//! kept, and stdin's fixed text on stdout.

use std::path::Path;

use podls_e2e::{Repository, run_check};
use serde_json::Value;

const BROKEN: &str = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web  # the name\n  lables: {app: web}\nspec:\n  restartPolicy: Nevr\n  containers:\n  - name: web\n    image: \"nginx:1.27\"\n    resources:\n      limits: {memory: 128mb}\n";
const FIXED: &str = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web  # the name\n  labels: {app: web}\nspec:\n  restartPolicy: Never\n  containers:\n  - name: web\n    image: \"nginx:1.27\"\n    resources:\n      limits: {memory: 128Mi}\n";

#[test]
fn fix_rewrites_every_document_and_reports_what_is_left() {
    let repo = Repository::new("fix-multi");
    let text =
        format!("# keep me\n{BROKEN}---\n\n{BROKEN}---\nkind: ConfigMap\ndata: {{a: 'b'}}\n");
    repo.write("pods.yaml", &text);
    let run = repo.check(&["--fix", "--format", "json", "pods.yaml"], "");
    assert_eq!(run.code, 0, "{run:?}");
    assert_eq!(run.codes(), Vec::<String>::new());
    assert_eq!(
        repo.read("pods.yaml"),
        format!("# keep me\n{FIXED}---\n\n{FIXED}---\nkind: ConfigMap\ndata: {{a: 'b'}}\n")
    );
    assert!(
        run.stderr.contains("fixed 6 findings in 1 file"),
        "{}",
        run.stderr
    );
    // Fixed: nothing more to do.
    let again = repo.check(&["--diff", "pods.yaml"], "");
    assert_eq!((again.code, again.stdout.as_str()), (0, ""));
}

#[test]
fn crlf_and_the_bom_are_kept() {
    let repo = Repository::new("fix-crlf");
    let crlf = |s: &str| s.replace('\n', "\r\n");
    let bom = "\u{feff}";
    repo.write("crlf.yaml", crlf(BROKEN))
        .write("bom.yaml", format!("{bom}{BROKEN}"))
        .write("both.yaml", format!("{bom}{}", crlf(BROKEN)));
    let run = repo.check(&["--fix", "."], "");
    assert_eq!(run.code, 0, "{run:?}");
    assert_eq!(repo.read("crlf.yaml"), crlf(FIXED));
    assert_eq!(repo.read("bom.yaml"), format!("{bom}{FIXED}"));
    assert_eq!(repo.read("both.yaml"), format!("{bom}{}", crlf(FIXED)));
}

#[test]
fn diff_prints_a_unified_diff_and_changes_nothing() {
    let repo = Repository::new("fix-diff");
    repo.write("pod.yaml", BROKEN).write("clean.yaml", FIXED);
    let run = repo.check(&["--diff", "."], "");
    assert_eq!(run.code, 1, "{run:?}");
    assert_eq!(repo.read("pod.yaml"), BROKEN);
    expect_test::expect![[r#"
        --- a/pod.yaml
        +++ b/pod.yaml
        @@ -2,11 +2,11 @@
         kind: Pod
         metadata:
           name: web  # the name
        -  lables: {app: web}
        +  labels: {app: web}
         spec:
        -  restartPolicy: Nevr
        +  restartPolicy: Never
           containers:
           - name: web
             image: "nginx:1.27"
             resources:
        -      limits: {memory: 128mb}
        +      limits: {memory: 128Mi}
    "#]]
    .assert_eq(&run.stdout);
    assert!(
        run.stderr.contains("3 fixes would be applied in 1 file"),
        "{}",
        run.stderr
    );
    // Nothing to change: exit 0, no output.
    let clean = repo.check(&["--diff", "clean.yaml"], "");
    assert_eq!((clean.code, clean.stdout.as_str()), (0, ""));
}

#[test]
fn a_file_changed_since_it_was_read_is_not_written() {
    let repo = Repository::new("fix-race");
    repo.write("pod.yaml", BROKEN).write("other.yaml", BROKEN);
    let run = run_check(
        &repo.0,
        &["--fix", "pod.yaml", "other.yaml"],
        None,
        &[("PODLS_FIX_CHANGE_BEFORE_WRITE", "/pod.yaml")],
    );
    assert_eq!(run.code, 2, "{run:?}");
    assert!(
        run.stderr
            .contains("pod.yaml: changed on disk since podls read it"),
        "{}",
        run.stderr
    );
    // The other writer's change is there, untouched; no temporary file is left; the other file is fixed.
    assert_eq!(
        repo.read("pod.yaml"),
        format!("{BROKEN}# saved by someone else\n")
    );
    assert_eq!(repo.read("other.yaml"), FIXED);
    let names: Vec<String> = std::fs::read_dir(&repo.0)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(names.iter().all(|n| !n.contains("podls-fix")), "{names:?}");
}

#[cfg(unix)]
#[test]
fn permissions_and_symlinks_are_kept() {
    use std::os::unix::fs::PermissionsExt;
    let repo = Repository::new("fix-perms");
    repo.write("real/pod.yaml", BROKEN);
    let real = repo.0.join("real/pod.yaml");
    std::fs::set_permissions(&real, std::fs::Permissions::from_mode(0o640)).unwrap();
    std::os::unix::fs::symlink(&real, repo.0.join("link.yaml")).unwrap();
    let run = repo.check(&["--fix", "link.yaml"], "");
    assert_eq!(run.code, 0, "{run:?}");
    // The link still links; the file it names is fixed, with its mode.
    assert!(
        std::fs::symlink_metadata(repo.0.join("link.yaml"))
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert_eq!(repo.read("real/pod.yaml"), FIXED);
    let mode = std::fs::metadata(&real).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o640);
}

#[test]
fn stdin_gets_its_fixed_text_on_stdout() {
    let repo = Repository::new("fix-stdin");
    let run = repo.check(
        &["--fix", "--format", "json", "-"],
        &format!("\u{feff}{BROKEN}"),
    );
    assert_eq!(run.code, 0, "{run:?}");
    assert_eq!(run.stdout, format!("\u{feff}{FIXED}"));
    // The findings (none left) went to stderr.
    assert!(run.stderr.starts_with('['), "{}", run.stderr);
}

#[test]
fn uncertain_fixes_need_unsafe_fixes() {
    let repo = Repository::new("fix-unsafe");
    let text = "apiVersion: v1\nkind: Pod\nmetadata: {name: web}\nspec:\n  containers: [{name: web, image: \"nginx:1.27\"}]\n  topologySpreadConstraints:\n  - {maxSkew: 1, topologyKey: zone, whenUnsatisfiable: Sometimes}\n";
    repo.write("pod.yaml", text);
    let run = repo.check(&["--fix", "pod.yaml"], "");
    assert_eq!(run.code, 1, "the invalid value is still there: {run:?}");
    assert_eq!(repo.read("pod.yaml"), text);
    let run = repo.check(&["--fix", "--unsafe-fixes", "pod.yaml"], "");
    assert_eq!(run.code, 0, "{run:?}");
    assert!(
        repo.read("pod.yaml")
            .contains("whenUnsatisfiable: DoNotSchedule}")
    );
}

/// The 0-based lines each finding of a JSON run starts on, by file.
fn reported_lines(run: &podls_e2e::CheckRun) -> Vec<(String, u64)> {
    let items: Value = serde_json::from_str(&run.stdout).unwrap();
    items
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|d| {
            Some((
                d["file"].as_str()?.to_owned(),
                d["range"]["start"]["line"].as_u64()?,
            ))
        })
        .collect()
}

/// Mutations that each make a fixable mistake on one line.
const MUTATIONS: &[(&str, &str)] = &[
    (
        "imagePullPolicy: IfNotPresent",
        "imagePullPolicy: ifnotpresent",
    ),
    ("imagePullPolicy: Always", "imagePullPolicy: Allways"),
    ("protocol: TCP", "protocal: TCP"),
    ("- containerPort:", "- containerport:"),
    ("restartPolicy: Always", "restartPolicy: Alwys"),
];

#[test]
fn the_corpus_and_mutated_copies_are_fixed_with_only_their_reported_lines_changed() {
    let repo = Repository::new("fix-corpus");
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let mut mutated = 0;
    for entry in std::fs::read_dir(&corpus).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if !name.ends_with(".yaml") && !name.ends_with(".yml") && !name.ends_with(".json") {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        repo.write(&format!("corpus/{name}"), &text);
        for (i, (from, to)) in MUTATIONS.iter().enumerate() {
            if text.contains(from) {
                repo.write(&format!("mutated/{i}-{name}"), text.replacen(from, to, 1));
                mutated += 1;
            }
        }
    }
    assert!(mutated > 20, "only {mutated} mutated copies");
    let before = repo.check(&["--isolated", "--format", "json", "."], "");
    let originals: std::collections::HashMap<String, String> =
        std::fs::read_dir(repo.0.join("corpus"))
            .unwrap()
            .chain(std::fs::read_dir(repo.0.join("mutated")).unwrap())
            .map(|e| e.unwrap().path())
            .map(|p| {
                let rel = p
                    .strip_prefix(&repo.0)
                    .unwrap()
                    .to_string_lossy()
                    .into_owned();
                (rel, std::fs::read_to_string(&p).unwrap())
            })
            .collect();
    let fixed = repo.check(&["--isolated", "--fix", "--format", "json", "."], "");
    assert_ne!(fixed.code, 2, "{}", fixed.stderr);
    // A fixpoint: fixing again changes nothing.
    let again = repo.check(&["--isolated", "--diff", "."], "");
    assert_eq!(
        (again.code, again.stdout.as_str()),
        (0, ""),
        "{}",
        again.stdout
    );
    let reported = reported_lines(&before);
    let mut changed_files = 0;
    for (file, original) in &originals {
        let now = repo.read(file);
        if &now == original {
            continue;
        }
        changed_files += 1;
        let (old_lines, new_lines): (Vec<&str>, Vec<&str>) = (
            original.split_inclusive('\n').collect(),
            now.split_inclusive('\n').collect(),
        );
        // Fixes that add or remove lines are checked by their own tests; in place, only lines with a
        // finding may differ, byte for byte everywhere else.
        if old_lines.len() != new_lines.len() {
            continue;
        }
        for (n, (old, new)) in old_lines.iter().zip(&new_lines).enumerate() {
            if old != new {
                assert!(
                    reported.contains(&(file.clone(), n as u64)),
                    "{file}:{}: changed without a finding there:\n-{old}+{new}",
                    n + 1
                );
            }
        }
        if let Some(copy) = file.strip_prefix("mutated/") {
            // The mutation itself was fixed.
            let index: usize = copy.split('-').next().unwrap().parse().unwrap();
            let (_, to) = MUTATIONS[index];
            assert!(!now.contains(to), "{file} still holds `{to}`");
        }
    }
    assert!(
        changed_files >= mutated,
        "{changed_files} files changed, {mutated} mutated"
    );
}
