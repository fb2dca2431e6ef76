//! Every `podls check --format` on the same three files — a multi-document file mixing block and flow style,
//! a CRLF file, and one with CJK and emoji before the mistakes — as snapshots (`UPDATE_EXPECT=1` rewrites
//! them), and a cross-check that each format puts every finding at the line and column JSON does (converted
//! from UTF-16 units to characters with the file's own text).

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};

use expect_test::{ExpectFile, expect_file};
use podls_e2e::binary;
use serde_json::Value;

const MULTI: &str = "\
apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  restartPolicy: never
  containers:
  - name: app
    image: nginx:1.27
    resources:
      limits: {memory: 128mb}
---
{apiVersion: v1, kind: Pod, metadata: {name: db},
 spec: {containers: [{name: c, image: \"busybox:1.36\", volumeMounts: [{name: data, mountPath: /d}]}]}}
";

const CRLF: &str = "apiVersion: v1\r\nkind: Pod\r\nmetadata:\r\n  name: web\r\n  labls:\r\n    app: web\r\nspec:\r\n  containers:\r\n  - name: app\r\n    image: nginx:1.27\r\n    imagePullPolicy: Alway\r\n";

const WIDE: &str = "\
apiVersion: v1
kind: Pod
metadata:
  name: 名前
  annotations: {note: \"😀 中文\", other: \"x\"}
spec:
  containers:
  - name: app
    image: nginx
    env: [{name: 标签, value: \"😀\"}, {name: GREETING, valueFrm: {}}]
";

/// The three files in a directory of their own (written here so the CRLF survives any checkout).
struct Files(PathBuf);

impl Files {
    fn new() -> Files {
        static NEXT: AtomicUsize = AtomicUsize::new(0);
        let n = NEXT.fetch_add(1, Ordering::Relaxed);
        let dir =
            std::env::temp_dir().join(format!("podls-check-formats-{}-{n}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        for (name, text) in [
            ("crlf.yaml", CRLF),
            ("multi.yaml", MULTI),
            ("wide.yaml", WIDE),
        ] {
            std::fs::write(dir.join(name), text).unwrap();
        }
        Files(dir)
    }

    fn run(&self, args: &[&str], env: &[(&str, &str)]) -> (i32, String) {
        let output = Command::new(binary())
            .arg("check")
            .args(args)
            .arg(".")
            .envs(env.iter().copied())
            .env_remove("NO_COLOR")
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env_remove("LANG")
            .current_dir(&self.0)
            .output()
            .expect("start podls check");
        let stdout = String::from_utf8(output.stdout).expect("UTF-8 stdout");
        (output.status.code().unwrap(), stdout)
    }

    fn format(&self, format: &str) -> String {
        let (code, stdout) = self.run(&["--format", format, "--color", "never"], &[]);
        assert_eq!(code, 1, "{stdout}");
        stdout
    }
}

impl Drop for Files {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn text_of(file: &str) -> &'static str {
    match file {
        "crlf.yaml" => CRLF,
        "multi.yaml" => MULTI,
        "wide.yaml" => WIDE,
        other => panic!("unexpected file {other}"),
    }
}

/// A JSON (LSP) position as `line:col`, both 1-based, the column counted in characters.
fn char_position(file: &str, position: &Value) -> String {
    let line = position["line"].as_u64().unwrap() as usize;
    let utf16 = position["character"].as_u64().unwrap() as usize;
    let text = text_of(file).split('\n').nth(line).unwrap_or("");
    let mut units = 0;
    let chars = text
        .chars()
        .take_while(|c| {
            units += c.len_utf16();
            units <= utf16
        })
        .count();
    format!("{}:{}", line + 1, chars + 1)
}

/// `file:line:col` of every finding, from the JSON output: what each format must agree with.
fn expected_starts(json: &str) -> Vec<String> {
    let items: Value = serde_json::from_str(json).unwrap();
    items
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            let file = d["file"].as_str().unwrap();
            format!("{file}:{}", char_position(file, &d["range"]["start"]))
        })
        .collect()
}

fn check_snapshot(format: &str, expect: ExpectFile) -> String {
    let files = Files::new();
    let stdout = files.format(format);
    expect.assert_eq(&stdout);
    stdout
}

/// The output of `format`, checked against its snapshot, and where JSON puts each finding.
fn snapshot_and_starts(format: &str, expect: ExpectFile) -> (String, Vec<String>) {
    let json = Files::new().format("json");
    (check_snapshot(format, expect), expected_starts(&json))
}

/// `file:line:col` from a `file:line:col: …` line.
fn leading_location(line: &str) -> String {
    line.splitn(4, ':').take(3).collect::<Vec<_>>().join(":")
}

#[test]
fn text_draws_code_frames_at_the_columns_json_gives() {
    let (text, starts) = snapshot_and_starts("text", expect_file!["check_formats/text.txt"]);
    let arrows: Vec<String> = text
        .lines()
        .filter_map(|l| l.trim_start().strip_prefix("--> "))
        .map(str::to_owned)
        .collect();
    assert_eq!(arrows, starts);
    assert!(!text.contains('\u{1b}'), "no colour with --color never");
    assert!(
        !text.contains('\r'),
        "a CRLF file's frames carry no carriage return"
    );
}

#[test]
fn concise_is_one_line_per_finding_at_the_columns_json_gives() {
    let (concise, starts) =
        snapshot_and_starts("concise", expect_file!["check_formats/concise.txt"]);
    let found: Vec<String> = concise
        .lines()
        .filter(|l| l.contains(": error[") || l.contains(": warning["))
        .map(leading_location)
        .collect();
    assert_eq!(found, starts);
}

#[test]
fn github_commands_carry_start_and_end_in_characters() {
    let files = Files::new();
    let json: Value = serde_json::from_str(&files.format("json")).unwrap();
    let github = check_snapshot("github", expect_file!["check_formats/github.txt"]);
    let lines: Vec<&str> = github.lines().collect();
    let items = json.as_array().unwrap();
    assert_eq!(lines.len(), items.len(), "{github}");
    for (line, d) in lines.iter().zip(items) {
        let file = d["file"].as_str().unwrap();
        let start = char_position(file, &d["range"]["start"]);
        let end = char_position(file, &d["range"]["end"]);
        let (start_line, start_col) = start.split_once(':').unwrap();
        let (end_line, end_col) = end.split_once(':').unwrap();
        let prefix = format!(
            "::{} file={file},line={start_line},col={start_col},endLine={end_line},endColumn={end_col},title=podls({})::",
            if d["severity"] == "error" {
                "error"
            } else {
                "warning"
            },
            d["code"].as_str().unwrap(),
        );
        assert!(line.starts_with(&prefix), "{line}\nwanted {prefix}");
    }
}

#[test]
fn junit_has_a_suite_per_file_and_a_failing_case_per_finding() {
    let (junit, starts) = snapshot_and_starts("junit", expect_file!["check_formats/junit.xml"]);
    let failures: Vec<String> = junit
        .lines()
        .filter_map(|l| l.split_once("\">").map(|(_, rest)| rest))
        .filter(|rest| rest.ends_with("</failure>"))
        .map(leading_location)
        .collect();
    assert_eq!(failures, starts);
    assert_eq!(junit.matches("<testsuite ").count(), 3);
}

#[test]
fn json_and_sarif_snapshots() {
    check_snapshot("json", expect_file!["check_formats/json.json"]);
    // SARIF's results only: its rule list grows with every new code (tests/tests/check.rs checks it).
    let sarif: Value = serde_json::from_str(&Files::new().format("sarif")).unwrap();
    let results = serde_json::to_string_pretty(&sarif["runs"][0]["results"]).unwrap();
    expect_file!["check_formats/sarif-results.json"].assert_eq(&(results + "\n"));
}

#[test]
fn statistics_count_each_code_and_quiet_drops_the_summary() {
    let files = Files::new();
    let (_, stats) = files.run(&["--statistics"], &[]);
    let json: Value = serde_json::from_str(&files.format("json")).unwrap();
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    for d in json.as_array().unwrap() {
        *counts
            .entry(d["code"].as_str().unwrap().to_owned())
            .or_default() += 1;
    }
    let rows: BTreeMap<String, usize> = stats
        .lines()
        .filter(|l| !l.contains("checked"))
        .map(|l| {
            let mut words = l.split_whitespace();
            let count = words.next().unwrap().parse().unwrap();
            (words.next().unwrap().to_owned(), count)
        })
        .collect();
    assert_eq!(rows, counts, "{stats}");
    assert!(stats.ends_with("; 3 files checked\n"), "{stats}");

    let (_, stats_json) = files.run(&["--statistics", "--format", "json"], &[]);
    let stats_json: Value = serde_json::from_str(&stats_json).unwrap();
    assert_eq!(stats_json.as_array().unwrap().len(), counts.len());

    let (_, quiet) = files.run(&["--quiet", "--format", "concise"], &[]);
    assert_eq!(
        quiet.lines().count(),
        json.as_array().unwrap().len(),
        "{quiet}"
    );
    assert!(!quiet.contains("checked"), "{quiet}");

    // In Chinese, each code's line is its rule doc's Chinese summary.
    let (_, zh) = files.run(&["--statistics", "--locale", "zh-cn"], &[]);
    assert_eq!(zh.lines().count(), stats.lines().count(), "{zh}");
    assert!(zh.lines().all(podls_e2e::has_chinese), "{zh}");

    let (code, _) = files.run(&["--statistics", "--format", "sarif"], &[]);
    assert_eq!(code, 2, "--statistics has no SARIF form");
}

#[test]
fn colour_is_on_when_asked_whatever_no_color_says_and_off_by_default_in_a_pipe() {
    let files = Files::new();
    let (_, piped) = files.run(&[], &[]);
    assert!(!piped.contains('\u{1b}'), "{piped}");
    for format in ["text", "concise"] {
        let (_, coloured) = files.run(
            &["--format", format, "--color", "always"],
            &[("NO_COLOR", "1")],
        );
        assert!(coloured.contains("\u{1b}["), "{format}: {coloured}");
        let (_, plain) = files.run(&["--format", format, "--color", "never"], &[]);
        assert!(!plain.contains('\u{1b}'), "{format}");
    }
}

/// Lines break where YAML breaks them (`\n`, `\r\n`, a lone `\r`) in every format: the same manifest with
/// each line break prints the same text frames and concise lines, findings and fixes at the same lines and
/// columns (a lone `\r` once put the text format's `-->` a line off the concise one).
#[test]
fn every_line_break_puts_findings_on_the_same_lines() {
    let manifest = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  labls:\n    app: web\nspec:\n  restartPolicy: never\n  containers:\n  - name: app\n    image: nginx:1.27\n    imagePullPolicy: Alway\n    ports:\n    - containerPort: 80\n      protocol: tcp\n";
    let dir = std::env::temp_dir();
    let outputs = |eol: &str| -> Vec<String> {
        let text = manifest.replace('\n', eol);
        ["text", "concise"]
            .iter()
            .map(|format| {
                let args = ["--format", format, "--color", "never", "-"];
                let run = podls_e2e::run_check(&dir, &args, Some(&text), &[]);
                assert_eq!(run.code, 1, "{run:?}");
                run.stdout
            })
            .collect()
    };
    let lf = outputs("\n");
    let arrows: Vec<String> = lf[0]
        .lines()
        .filter_map(|l| l.trim_start().strip_prefix("--> "))
        .map(str::to_owned)
        .collect();
    let concise: Vec<String> = lf[1]
        .lines()
        .filter(|l| l.contains(": error[") || l.contains(": warning["))
        .map(leading_location)
        .collect();
    assert_eq!(arrows, concise);
    assert!(concise.len() >= 4, "{concise:?}");
    for eol in ["\r\n", "\r"] {
        assert_eq!(outputs(eol), lf, "with {eol:?}");
    }
}
