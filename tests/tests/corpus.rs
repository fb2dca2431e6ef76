//! The real-world corpus (tests/corpus: manifests written by others, see its README.md and SOURCES.tsv):
//! `podls check --format json` over all of it must agree with EXPECT.tsv. `no-error` files get zero errors
//! (warnings allowed), `error` files at least one. The corpus lives in the repository so a fresh clone
//! tests it; `PODLS_CORPUS` points at another copy.
//!
//! Workload files count like Pods: podls checks every workload kind and its template, so an error in the
//! workload itself (a ReplicationController's `spec.replicas`, a DaemonSet's unknown field) is `error`.
//!
//! `version` rows depend on the Kubernetes version checked against (an alpha feature gate, a field newer
//! than a version): their fourth column, `versions`, says what each supported version must report, and
//! `podls check --kubernetes-version V` is run for each (`versions.rs` below). The other rows are checked
//! against the default version, the newest.

#[path = "corpus/versions.rs"]
mod versions;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

use podls_e2e::binary;
use serde_json::Value;

use versions::{Expected, VersionExpectations};

fn corpus_dir() -> PathBuf {
    match std::env::var_os("PODLS_CORPUS") {
        Some(dir) => PathBuf::from(dir),
        None => Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus"),
    }
}

/// What `podls check` reported on one file: each finding as `line:column code: message`, by severity.
#[derive(Default)]
pub struct Findings {
    pub errors: Vec<Finding>,
    pub warnings: Vec<Finding>,
}

pub struct Finding {
    pub code: String,
    pub text: String,
}

impl Findings {
    /// The findings, for a failure message.
    pub fn describe(&self) -> String {
        if self.errors.is_empty() {
            let codes: Vec<&str> = self.warnings.iter().map(|w| w.code.as_str()).collect();
            return format!("no error ({} warnings: {codes:?})", self.warnings.len());
        }
        let errors: Vec<&str> = self.errors.iter().map(|e| e.text.as_str()).collect();
        errors.join("\n      ")
    }
}

/// `podls check --format json` over `files` in the corpus (`.` for all of it), with `args` before them;
/// the findings by file.
pub fn check(args: &[&str], files: &[&str]) -> BTreeMap<String, Findings> {
    let dir = corpus_dir();
    let output = Command::new(binary())
        .args(["check", "--format", "json"])
        .args(args)
        .args(files)
        .current_dir(&dir)
        .output()
        .expect("run podls check");
    let code = output.status.code();
    assert!(
        matches!(code, Some(0 | 1)),
        "podls check {args:?} exited with {code:?} (2 = a file could not be read):\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let items: Value = serde_json::from_slice(&output.stdout).expect("JSON output");
    let mut by_file: BTreeMap<String, Findings> = BTreeMap::new();
    for d in items.as_array().expect("an array") {
        let file = d["file"]
            .as_str()
            .unwrap()
            .trim_start_matches("./")
            .to_owned();
        let entry = by_file.entry(file).or_default();
        let finding = Finding {
            code: d["code"].as_str().unwrap().to_owned(),
            text: format!(
                "{}:{} {}: {}",
                d["range"]["start"]["line"].as_u64().unwrap() + 1,
                d["range"]["start"]["character"].as_u64().unwrap() + 1,
                d["code"].as_str().unwrap(),
                d["message"].as_str().unwrap()
            ),
        };
        match d["severity"].as_str().unwrap() {
            "error" => entry.errors.push(finding),
            "warning" => entry.warnings.push(finding),
            _ => {}
        }
    }
    by_file
}

/// One EXPECT.tsv row with what podls said about its file under the default version.
struct Outcome {
    file: String,
    expect: String,
    why: String,
    /// A `version` row's expectation per supported version.
    versions: Option<VersionExpectations>,
    found: Findings,
}

impl Outcome {
    fn agrees(&self) -> bool {
        match self.expect.as_str() {
            "no-error" => Expected::NoError.holds(&self.found),
            "error" => Expected::Error(None).holds(&self.found),
            _ => true,
        }
    }
}

/// Runs the binary once over the whole corpus and pairs every EXPECT.tsv row with its file's findings.
fn outcomes() -> &'static [Outcome] {
    static OUTCOMES: OnceLock<Vec<Outcome>> = OnceLock::new();
    OUTCOMES.get_or_init(|| {
        let dir = corpus_dir();
        let expect = std::fs::read_to_string(dir.join("EXPECT.tsv"))
            .unwrap_or_else(|e| panic!("{}: {e}", dir.join("EXPECT.tsv").display()));
        let mut by_file = check(&[], &["."]);
        let mut listed = Vec::new();
        let outcomes: Vec<Outcome> = expect
            .lines()
            .skip(1)
            .filter(|line| !line.trim().is_empty())
            .map(|line| {
                let mut fields = line.splitn(4, '\t');
                let file = fields.next().unwrap().to_owned();
                let expect = fields.next().expect("an expectation").to_owned();
                let why = fields.next().unwrap_or_default().to_owned();
                let versions = fields.next().map(str::trim).filter(|v| !v.is_empty());
                assert!(
                    ["no-error", "error", "version"].contains(&expect.as_str()),
                    "EXPECT.tsv: unknown expectation {expect:?} for {file}"
                );
                let versions = match (expect.as_str(), versions) {
                    ("version", Some(text)) => Some(
                        VersionExpectations::parse(text)
                            .unwrap_or_else(|e| panic!("EXPECT.tsv, {file}: {e}")),
                    ),
                    ("version", None) => panic!(
                        "EXPECT.tsv, {file}: a `version` row says in a fourth column what each version \
                         reports, as `1.25-1.34=error:invalid-enum 1.35-=warning:alpha-feature` (see \
                         tests/corpus/README.md)"
                    ),
                    (_, Some(_)) => panic!(
                        "EXPECT.tsv, {file}: only `version` rows take per-version expectations"
                    ),
                    (_, None) => None,
                };
                assert!(
                    dir.join(&file).is_file(),
                    "EXPECT.tsv lists {file}, which is missing"
                );
                listed.push(file.clone());
                let found = by_file.remove(&file).unwrap_or_default();
                Outcome {
                    file,
                    expect,
                    why,
                    versions,
                    found,
                }
            })
            .collect();
        // Every manifest in the corpus has an expectation (podls only reports files it found).
        let mut manifests: Vec<String> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|name| {
                name.ends_with(".yaml") || name.ends_with(".yml") || name.ends_with(".json")
            })
            .collect();
        manifests.retain(|name| !listed.contains(name));
        assert!(manifests.is_empty(), "not in EXPECT.tsv: {manifests:?}");
        outcomes
    })
}

/// The table a failing run prints: every row of `kind` that disagrees, with what podls found.
fn mismatch_table(kind: &str) -> (usize, usize, String) {
    let rows: Vec<&Outcome> = outcomes().iter().filter(|o| o.expect == kind).collect();
    let mut table = String::new();
    let mut mismatches = 0;
    for o in rows.iter().filter(|o| !o.agrees()) {
        mismatches += 1;
        table.push_str(&format!(
            "  {}\n    expected {}: {}\n    found: {}\n",
            o.file,
            o.expect,
            o.why,
            o.found.describe()
        ));
    }
    (mismatches, rows.len(), table)
}

#[test]
fn corpus_files_marked_no_error_get_no_error() {
    let (mismatches, total, table) = mismatch_table("no-error");
    assert!(
        mismatches == 0,
        "{mismatches} of {total} `no-error` corpus files got errors:\n{table}"
    );
}

#[test]
fn corpus_files_marked_error_get_an_error() {
    let (mismatches, total, table) = mismatch_table("error");
    assert!(
        mismatches == 0,
        "{mismatches} of {total} `error` corpus files got no error:\n{table}"
    );
}

/// Each `version` row under every supported version: one `podls check --kubernetes-version V` over those
/// files per version.
#[test]
fn corpus_version_files_get_the_answer_of_each_version() {
    let rows: Vec<(&str, &VersionExpectations)> = outcomes()
        .iter()
        .filter_map(|o| Some((o.file.as_str(), o.versions.as_ref()?)))
        .collect();
    assert!(!rows.is_empty(), "no `version` rows in EXPECT.tsv");
    let table = versions::mismatches(&rows);
    assert!(
        table.is_empty(),
        "`version` corpus files disagree:\n{table}"
    );
    assert!(outcomes().len() >= 135, "{} corpus rows", outcomes().len());
}
