//! `podls check` as a CI job runs it: the real binary on files, directories and stdin, each output format
//! read back field by field, and each exit code (0 clean, 1 errors, 2 usage or unreadable input).

use std::path::{Path, PathBuf};

use podls::analysis::Code;
use podls_e2e::{Encoding, POD, position};
use serde_json::Value;

/// A Pod whose annotation value holds a second `key: value` — a YAML syntax error at that colon, after an
/// emoji (one char, two UTF-16 units) and a CJK character (one of each).
const BROKEN: &str =
    "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  annotations:\n    note: 😀中 x: y\n";

/// The byte offset of the offending colon in `BROKEN`.
fn broken_colon() -> usize {
    BROKEN.find(" x:").unwrap() + 2
}

/// What one run printed and returned.
struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

impl Run {
    fn assert_prints(&self, needle: &str) {
        assert!(
            self.stdout.contains(needle),
            "no {needle:?} in\n{}",
            self.stdout
        );
    }

    /// The `file` of every JSON item, in output order.
    fn files(&self) -> Vec<String> {
        self.json()
            .as_array()
            .expect("a JSON array")
            .iter()
            .map(|d| d["file"].as_str().unwrap().to_owned())
            .collect()
    }

    fn json(&self) -> Value {
        serde_json::from_str(&self.stdout)
            .unwrap_or_else(|e| panic!("not JSON ({e}):\n{}", self.stdout))
    }
}

fn check(dir: &Path, args: &[&str], stdin: Option<&str>) -> Run {
    check_with_env(dir, args, stdin, &[])
}

fn check_with_env(dir: &Path, args: &[&str], stdin: Option<&str>, env: &[(&str, &str)]) -> Run {
    let run = podls_e2e::run_check(dir, args, stdin, env);
    Run {
        code: run.code,
        stdout: run.stdout,
        stderr: run.stderr,
    }
}

/// A directory of its own under the system temp dir, removed when the test ends.
struct Scratch(PathBuf);

impl Scratch {
    fn new(name: &str) -> Scratch {
        let dir = std::env::temp_dir().join(format!("podls-check-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        Scratch(dir)
    }

    fn write(&self, relative: &str, contents: impl AsRef<[u8]>) -> &Self {
        let path = self.0.join(relative);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, contents).unwrap();
        self
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// The findings with code `code`, from a JSON run.
fn with_code<'a>(items: &'a Value, code: &str) -> Vec<&'a Value> {
    items
        .as_array()
        .expect("a JSON array")
        .iter()
        .filter(|d| d["code"] == code)
        .collect()
}

#[test]
fn a_clean_pod_exits_0_with_a_summary() {
    let dir = Scratch::new("clean");
    dir.write("pod.yaml", POD);
    let run = check(&dir.0, &["pod.yaml"], None);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    let summary = run.stdout.lines().last().unwrap();
    assert!(
        summary == "0 errors, 0 warnings; 1 file checked",
        "{summary}"
    );
    assert_eq!(run.stderr, "");
}

#[test]
fn text_lines_are_file_line_col_severity_code_message_with_char_columns() {
    let dir = Scratch::new("text");
    dir.write("broken.yaml", BROKEN);
    let run = check(&dir.0, &["--format", "concise", "broken.yaml"], None);
    assert_eq!(run.code, 1, "{}{}", run.stdout, run.stderr);
    let line = run
        .stdout
        .lines()
        .find(|l| l.contains("error[yaml-syntax]"))
        .unwrap_or_else(|| panic!("no yaml-syntax line in\n{}", run.stdout));
    // Line 6; the colon is the 15th character (1-based) though the 16th UTF-16 unit.
    let at = position(BROKEN, broken_colon(), Encoding::Utf32);
    assert_eq!(
        (at["line"].as_u64(), at["character"].as_u64()),
        (Some(5), Some(14))
    );
    let prefix = "broken.yaml:6:15: error[yaml-syntax]: ";
    assert!(line.starts_with(prefix), "{line}");
    assert!(line.len() > prefix.len(), "a message: {line}");
    let summary = run.stdout.lines().last().unwrap();
    assert!(summary.ends_with("; 1 file checked"), "{summary}");
    assert!(!summary.starts_with("0 errors"), "{summary}");
}

#[test]
fn json_is_one_array_with_lsp_ranges_in_utf16() {
    let dir = Scratch::new("json");
    dir.write("broken.yaml", BROKEN);
    let run = check(&dir.0, &["--format", "json", "broken.yaml"], None);
    assert_eq!(run.code, 1, "{}{}", run.stdout, run.stderr);
    let items = run.json();
    let syntax = with_code(&items, "yaml-syntax");
    assert_eq!(syntax.len(), 1, "{items:#}");
    let d = syntax[0];
    assert_eq!(d["file"], "broken.yaml");
    assert_eq!(d["severity"], "error");
    assert!(d["message"].as_str().is_some_and(|m| !m.is_empty()), "{d}");
    assert!(d["path"].is_null() || d["path"].is_string(), "{d}");
    // 0-based, UTF-16: the emoji counts two units.
    assert_eq!(
        d["range"]["start"],
        position(BROKEN, broken_colon(), Encoding::Utf16)
    );
    assert_eq!(d["range"]["start"]["line"], 5);
    assert_eq!(d["range"]["start"]["character"], 15);
    let end = &d["range"]["end"];
    assert!(end["line"].is_u64() && end["character"].is_u64(), "{d}");
    assert!(
        (end["line"].as_u64(), end["character"].as_u64()) >= (Some(5), Some(15)),
        "end before start: {d}"
    );
    // Every item, whatever its code, has the documented shape.
    for d in items.as_array().unwrap() {
        for key in ["file", "range", "severity", "code", "message", "path"] {
            assert!(d.get(key).is_some(), "{key} missing in {d}");
        }
        assert!(
            ["error", "warning", "information", "hint"].contains(&d["severity"].as_str().unwrap()),
            "{d}"
        );
    }
}

#[test]
fn crlf_line_breaks_give_the_same_positions() {
    let dir = Scratch::new("crlf");
    dir.write("crlf.yaml", BROKEN.replace('\n', "\r\n"));
    let run = check(&dir.0, &["--format", "json", "crlf.yaml"], None);
    let items = run.json();
    let syntax = with_code(&items, "yaml-syntax");
    assert_eq!(syntax[0]["range"]["start"]["line"], 5, "{items:#}");
    assert_eq!(syntax[0]["range"]["start"]["character"], 15, "{items:#}");
    let run = check(&dir.0, &["--format=concise", "crlf.yaml"], None);
    run.assert_prints("crlf.yaml:6:15: error[yaml-syntax]");
}

#[test]
fn a_file_named_twice_is_reported_once() {
    let dir = Scratch::new("twice");
    dir.write("broken.yaml", BROKEN);
    let run = check(
        &dir.0,
        &["--format", "json", ".", "broken.yaml", "./broken.yaml"],
        None,
    );
    assert_eq!(
        with_code(&run.json(), "yaml-syntax").len(),
        1,
        "{}",
        run.stdout
    );
}

#[test]
fn json_of_a_clean_pod_has_no_error() {
    let dir = Scratch::new("json-clean");
    dir.write("pod.yaml", POD);
    let run = check(&dir.0, &["--format", "json", "pod.yaml"], None);
    assert_eq!(run.code, 0);
    let items = run.json();
    assert!(
        items
            .as_array()
            .unwrap()
            .iter()
            .all(|d| d["severity"] != "error"),
        "{items:#}"
    );
}

#[test]
fn sarif_has_the_keys_code_scanning_requires_and_real_regions() {
    let dir = Scratch::new("sarif");
    dir.write("broken.yaml", BROKEN).write("pod.yaml", POD);
    let run = check(&dir.0, &["--format", "sarif", "."], None);
    assert_eq!(run.code, 1, "{}{}", run.stdout, run.stderr);
    let sarif = run.json();
    assert_eq!(sarif["version"], "2.1.0");
    assert!(sarif["$schema"].as_str().unwrap().contains("sarif"));
    let runs = sarif["runs"].as_array().unwrap();
    assert_eq!(runs.len(), 1);
    let run0 = &runs[0];
    assert_eq!(run0["columnKind"], "utf16CodeUnits");
    let driver = &run0["tool"]["driver"];
    assert_eq!(driver["name"], "podls");
    let rules = driver["rules"].as_array().unwrap();
    let results = run0["results"].as_array().unwrap();
    assert!(!results.is_empty());
    for result in results {
        let id = result["ruleId"].as_str().unwrap();
        let index = result["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(rules[index]["id"], id, "ruleIndex points at its rule");
        assert!(["error", "warning", "note", "none"].contains(&result["level"].as_str().unwrap()));
        assert!(result["message"]["text"].is_string());
        let location = &result["locations"][0]["physicalLocation"];
        assert!(location["artifactLocation"]["uri"].is_string(), "{result}");
        let region = &location["region"];
        for key in ["startLine", "startColumn", "endLine", "endColumn"] {
            assert!(
                region[key].as_u64().is_some_and(|n| n >= 1),
                "{key} in {result}"
            );
        }
    }
    for rule in rules {
        assert!(rule["id"].is_string() && rule["shortDescription"]["text"].is_string());
    }
    let syntax: Vec<_> = results
        .iter()
        .filter(|r| r["ruleId"] == "yaml-syntax")
        .collect();
    assert_eq!(syntax.len(), 1);
    let location = &syntax[0]["locations"][0]["physicalLocation"];
    assert_eq!(location["artifactLocation"]["uri"], "broken.yaml");
    assert_eq!(location["artifactLocation"]["uriBaseId"], "%SRCROOT%");
    // 1-based line and UTF-16 column.
    assert_eq!(location["region"]["startLine"], 6);
    assert_eq!(location["region"]["startColumn"], 16);
    assert_eq!(run0["invocations"][0]["executionSuccessful"], true);
}

#[test]
fn sarif_lists_every_diagnostic_code_as_a_rule_whether_it_fired_or_not() {
    let dir = Scratch::new("sarif-rules");
    dir.write("broken.yaml", BROKEN);
    let run = check(&dir.0, &["--format", "sarif", "."], None);
    let sarif = run.json();
    let driver = &sarif["runs"][0]["tool"]["driver"];
    let rules = driver["rules"].as_array().unwrap();
    let ids: Vec<&str> = rules.iter().map(|r| r["id"].as_str().unwrap()).collect();
    let codes: Vec<&str> = Code::ALL.iter().map(|c| c.as_str()).collect();
    assert_eq!(ids, codes, "the registry's codes, in its order");
    for (rule, code) in rules.iter().zip(Code::ALL) {
        assert_eq!(rule["shortDescription"]["text"], code.summary());
    }
    // The code that fired carries the level it fired at; the others have SARIF's default.
    let syntax = &rules[ids.iter().position(|id| *id == "yaml-syntax").unwrap()];
    assert_eq!(syntax["defaultConfiguration"]["level"], "error");
    let unknown = &rules[ids.iter().position(|id| *id == "unknown-field").unwrap()];
    assert!(unknown.get("defaultConfiguration").is_none(), "{unknown}");

    // A clean run lists them all too.
    dir.write("broken.yaml", POD);
    let clean = check(&dir.0, &["--format", "sarif", "."], None).json();
    assert_eq!(
        clean["runs"][0]["tool"]["driver"]["rules"]
            .as_array()
            .unwrap()
            .len(),
        codes.len()
    );
}

#[test]
fn stdin_is_read_for_dash_under_the_given_name() {
    let dir = Scratch::new("stdin");
    let run = check(&dir.0, &["--format=concise", "-"], Some(BROKEN));
    assert_eq!(run.code, 1, "{}{}", run.stdout, run.stderr);
    run.assert_prints("<stdin>:6:15: error[yaml-syntax]");
    let run = check(
        &dir.0,
        &["--format", "json", "--stdin-filename", "pod.yaml", "-"],
        Some(POD),
    );
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    let run = check(
        &dir.0,
        &[
            "--format=concise",
            "--stdin-filename",
            "from-pipe.yaml",
            "-",
        ],
        Some(BROKEN),
    );
    run.assert_prints("from-pipe.yaml:6:15:");
}

#[test]
fn directories_are_walked_for_manifests_in_path_order() {
    let dir = Scratch::new("walk");
    dir.write("b.yaml", BROKEN)
        .write("a/deep/c.yml", BROKEN)
        .write("a-z.json", "{\"a\": [}")
        .write("notes.txt", BROKEN)
        .write(".git/hooks.yaml", BROKEN)
        .write(".github/workflows/ci.yaml", BROKEN)
        .write("node_modules/pkg/x.yaml", BROKEN)
        .write("target/debug/y.yaml", BROKEN)
        .write("ok.YAML", POD);
    let run = check(&dir.0, &["--format", "json", "."], None);
    assert_eq!(run.code, 1, "{}{}", run.stdout, run.stderr);
    let files = run.files();
    let mut unique = files.clone();
    unique.dedup();
    // Sorted by path components: `a/` before `a-z.json`.
    assert_eq!(unique, ["a/deep/c.yml", "a-z.json", "b.yaml"], "{files:?}");
    let text = check(&dir.0, &["."], None);
    assert!(
        text.stdout.ends_with("; 4 files checked\n"),
        "{}",
        text.stdout
    );
    // Named explicitly, a hidden directory and a file of any extension are checked.
    let run = check(&dir.0, &["--format=concise", ".github", "notes.txt"], None);
    assert_eq!(run.code, 1);
    run.assert_prints(".github/workflows/ci.yaml:6:15:");
    run.assert_prints("notes.txt:6:15:");
}

#[test]
fn output_is_the_same_on_every_run_of_a_tree_checked_in_parallel() {
    let dir = Scratch::new("parallel");
    for i in 0..60 {
        let text = if i % 3 == 0 { BROKEN } else { POD };
        dir.write(&format!("d{}/pod-{i}.yaml", i % 7), text);
    }
    let first = check(&dir.0, &["--format", "json", "."], None);
    assert_eq!(first.code, 1);
    for _ in 0..3 {
        assert_eq!(
            check(&dir.0, &["--format", "json", "."], None).stdout,
            first.stdout
        );
    }
    let files = first.files();
    let mut sorted = files.clone();
    sorted.sort_by(|a, b| Path::new(a).cmp(Path::new(b)));
    assert_eq!(files, sorted);
    assert_eq!(with_code(&first.json(), "yaml-syntax").len(), 20);
}

#[test]
fn invalid_utf8_is_reported_at_its_line_and_the_other_files_still_checked() {
    let dir = Scratch::new("utf8");
    dir.write(
        "latin1.yaml",
        b"apiVersion: v1\nkind: Pod\nmetadata:\n  name: caf\xe9\n",
    )
    .write("broken.yaml", BROKEN);
    let run = check(&dir.0, &["--format", "json", "."], None);
    assert_eq!(run.code, 2, "{}{}", run.stdout, run.stderr);
    assert!(run.stderr.contains("latin1.yaml"), "{}", run.stderr);
    assert!(run.stderr.contains("UTF-8"), "{}", run.stderr);
    let items = run.json();
    let bad = with_code(&items, "invalid-utf8");
    assert_eq!(bad.len(), 1, "{items:#}");
    assert_eq!(bad[0]["file"], "latin1.yaml");
    assert_eq!(bad[0]["severity"], "error");
    assert_eq!(bad[0]["range"]["start"]["line"], 3);
    assert_eq!(bad[0]["range"]["start"]["character"], 11);
    assert_eq!(
        with_code(&items, "yaml-syntax").len(),
        1,
        "broken.yaml still checked"
    );
    // Text: on stderr only, and said in the summary.
    let run = check(&dir.0, &["--format=concise", "."], None);
    assert_eq!(run.code, 2);
    run.assert_prints("broken.yaml:6:15:");
    assert!(
        run.stdout
            .ends_with("; 1 file checked, 1 skipped (1 not UTF-8)\n"),
        "{}",
        run.stdout
    );
}

#[test]
fn unreadable_paths_exit_2_and_the_rest_is_still_checked() {
    let dir = Scratch::new("unreadable");
    dir.write("pod.yaml", POD);
    // A dangling symlink: unreadable even for root, unlike a file with mode 000.
    #[cfg(unix)]
    std::os::unix::fs::symlink("nowhere.yaml", dir.0.join("dangling.yaml")).unwrap();
    let run = check(&dir.0, &["missing.yaml", "pod.yaml"], None);
    assert_eq!(run.code, 2, "{}{}", run.stdout, run.stderr);
    assert!(run.stderr.contains("missing.yaml"), "{}", run.stderr);
    run.assert_prints("; 1 file checked, 1 skipped (1 could not be read)");

    #[cfg(unix)]
    {
        let run = check(&dir.0, &["--format", "sarif", "."], None);
        assert_eq!(run.code, 2, "{}{}", run.stdout, run.stderr);
        assert!(run.stderr.contains("dangling.yaml"), "{}", run.stderr);
        let invocation = &run.json()["runs"][0]["invocations"][0];
        assert_eq!(invocation["executionSuccessful"], false);
        let notification = &invocation["toolExecutionNotifications"][0];
        assert_eq!(notification["level"], "error");
        assert_eq!(
            notification["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
            "dangling.yaml"
        );
    }

    // Mode 000 only keeps a non-root user out; where it does, it is an unreadable file like the others.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let locked = dir.0.join("locked.yaml");
        std::fs::write(&locked, POD).unwrap();
        std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
        if std::fs::read(&locked).is_err() {
            let run = check(
                &dir.0,
                &["--format", "json", "locked.yaml", "pod.yaml"],
                None,
            );
            assert_eq!(run.code, 2, "{}{}", run.stdout, run.stderr);
            let items = run.json();
            assert_eq!(with_code(&items, "io-error")[0]["file"], "locked.yaml");
        }
        std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o644)).unwrap();
    }
}

#[test]
fn a_panic_on_one_file_is_an_internal_error_for_it_and_the_others_are_still_checked() {
    let dir = Scratch::new("panic");
    dir.write("a/crash.yaml", POD)
        .write("a/broken.yaml", BROKEN)
        .write("z.yaml", BROKEN);
    // A test-only hook (compiled into debug builds only) makes checking `crash.yaml` panic.
    let crash = [("PODLS_CHECK_PANIC_ON", "crash.yaml")];
    let run = check_with_env(&dir.0, &["--format", "json", "."], None, &crash);
    assert_eq!(run.code, 2, "{}{}", run.stdout, run.stderr);
    assert!(
        run.stderr
            .contains("error: a/crash.yaml: internal error: podls panicked"),
        "{}",
        run.stderr
    );
    assert!(
        !run.stderr.contains("thread"),
        "no panic dump: {}",
        run.stderr
    );
    let items = run.json();
    let crashed = with_code(&items, "internal-error");
    assert_eq!(crashed.len(), 1, "{items:#}");
    assert_eq!(crashed[0]["file"], "a/crash.yaml");
    assert_eq!(crashed[0]["severity"], "error");
    assert_eq!(
        run.files(),
        ["a/broken.yaml", "a/crash.yaml", "z.yaml"],
        "every other file is still checked, in order"
    );

    let run = check_with_env(&dir.0, &["--format=concise", "."], None, &crash);
    assert_eq!(run.code, 2);
    run.assert_prints("a/broken.yaml:6:15:");
    run.assert_prints("z.yaml:6:15:");
    assert!(
        run.stdout
            .ends_with("; 2 files checked, 1 skipped (1 internal error, please report it)\n"),
        "{}",
        run.stdout
    );

    let run = check_with_env(&dir.0, &["--format", "sarif", "."], None, &crash);
    assert_eq!(run.code, 2);
    let sarif = run.json();
    let invocation = &sarif["runs"][0]["invocations"][0];
    assert_eq!(invocation["executionSuccessful"], false);
    assert_eq!(
        invocation["toolExecutionNotifications"][0]["descriptor"]["id"],
        "internal-error"
    );
    assert_eq!(sarif["runs"][0]["results"].as_array().unwrap().len(), 2);
}

#[test]
fn usage_errors_exit_2() {
    let dir = Scratch::new("usage");
    let run = check(&dir.0, &["--format", "xml", "."], None);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("xml"), "{}", run.stderr);
    let run = check(&dir.0, &["--no-such-flag"], None);
    assert_eq!(run.code, 2);
    assert_eq!(run.stdout, "");
}

#[test]
fn no_path_checks_the_current_directory() {
    let dir = Scratch::new("default");
    dir.write("sub/broken.yaml", BROKEN);
    let run = check(&dir.0, &[], None);
    assert_eq!(run.code, 1, "{}{}", run.stdout, run.stderr);
    run.assert_prints("--> sub/broken.yaml:6:15\n");
}

#[test]
fn a_pod_in_the_wrong_group_and_a_misspelt_kind_are_errors_with_the_kind_meant() {
    let dir = Scratch::new("kinds");
    let pod_in_apps = POD.replacen("apiVersion: v1", "apiVersion: apps/v1", 1);
    let text = format!(
        "{pod_in_apps}---\napiVersion: v1\nkind: pod\n---\napiVersion: v1\nkind: Service\n"
    );
    let run = check(&dir.0, &["--format=concise", "-"], Some(&text));
    assert_eq!(run.code, 1, "{}{}", run.stdout, run.stderr);
    run.assert_prints(
        "<stdin>:1:13: error[wrong-api-version]: `Pod` is served by `apiVersion: v1`, not `apps/v1`",
    );
    let run = check(&dir.0, &["--format", "json", "-"], Some(&text));
    let items = run.json();
    // The enum check of `apiVersion` gives way to the clearer error; the Service gets nothing.
    assert!(with_code(&items, "invalid-enum").is_empty(), "{items}");
    let [misspelt] = with_code(&items, "unknown-kind")[..] else {
        panic!("{items}")
    };
    let line = text.lines().position(|l| l == "kind: pod").unwrap();
    assert_eq!(misspelt["path"], "kind");
    assert_eq!(misspelt["range"]["start"]["line"], line);
    assert_eq!(misspelt["range"]["start"]["character"], 6);
    assert_eq!(misspelt["range"]["end"]["character"], 9);
    assert!(
        misspelt["message"]
            .as_str()
            .unwrap()
            .contains("did you mean `Pod`?"),
        "{misspelt}"
    );
    assert_eq!(items.as_array().unwrap().len(), 2, "{items}");
}

#[test]
fn a_removed_api_version_and_a_misspelt_workload_kind_say_what_to_write() {
    let dir = Scratch::new("workload-kinds");
    let text = "apiVersion: extensions/v1beta1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    metadata:\n      labels:\n        app: web\n    spec:\n      containers:\n      - name: web\n        image: nginx:1.27\n        imagePullPolicy: Sometimes\n---\napiVersion: apps/v1\nkind: Deploymnet\nmetadata:\n  name: web\n";
    let run = check(&dir.0, &["--format=concise", "-"], Some(text));
    assert_eq!(run.code, 1, "{}{}", run.stdout, run.stderr);
    run.assert_prints(
        "<stdin>:1:13: error[removed-api-version]: `extensions/v1beta1` no longer serves `Deployment`: Kubernetes 1.16 removed it; use `apiVersion: apps/v1`, which also requires `spec.selector`",
    );
    run.assert_prints(
        "<stdin>:17:7: error[unknown-kind]: unknown kind `Deploymnet`; did you mean `Deployment`?",
    );
    // The template of the removed version is still checked, as a migrating user wants.
    run.assert_prints("<stdin>:14:26: error[invalid-enum]");
}
