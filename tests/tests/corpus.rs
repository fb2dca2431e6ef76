//! The real-world corpus (tests/corpus: manifests written by others, see its README.md and SOURCES.tsv):
//! `podls check --format json` over all of it must agree with EXPECT.tsv. `no-error` files get zero errors
//! (warnings allowed), `error` files at least one. The corpus lives in the repository so a fresh clone
//! tests it; `PODLS_CORPUS` points at another copy.
//!
//! Workload files count like Pods: podls checks every workload kind and its template, so an error in the
//! workload itself (a ReplicationController's `spec.replicas`, a DaemonSet's unknown field) is `error`.
//!
//! Not asserted, and why:
//! - `version`: the right answer depends on the Kubernetes version the user targets (an alpha feature gate,
//!   a field newer than the table's version); podls has no version setting, so either outcome is accepted
//!   and shown.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

use podls_e2e::binary;
use serde_json::Value;

fn corpus_dir() -> PathBuf {
    match std::env::var_os("PODLS_CORPUS") {
        Some(dir) => PathBuf::from(dir),
        None => Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus"),
    }
}

/// One EXPECT.tsv row with what podls said about its file.
struct Outcome {
    file: String,
    expect: String,
    why: String,
    errors: Vec<String>,
    warnings: usize,
}

impl Outcome {
    fn agrees(&self) -> bool {
        match self.expect.as_str() {
            "no-error" => self.errors.is_empty(),
            "error" => !self.errors.is_empty(),
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
        let output = Command::new(binary())
            .args(["check", "--format", "json", "."])
            .current_dir(&dir)
            .output()
            .expect("run podls check");
        let code = output.status.code();
        assert!(
            matches!(code, Some(0 | 1)),
            "podls check exited with {code:?} (2 = a file could not be read):\n{}",
            String::from_utf8_lossy(&output.stderr)
        );
        let items: Value = serde_json::from_slice(&output.stdout).expect("JSON output");
        let mut by_file: BTreeMap<String, (Vec<String>, usize)> = BTreeMap::new();
        for d in items.as_array().expect("an array") {
            let file = d["file"].as_str().unwrap().to_owned();
            let entry = by_file.entry(file).or_default();
            match d["severity"].as_str().unwrap() {
                "error" => entry.0.push(format!(
                    "{}:{} {}: {}",
                    d["range"]["start"]["line"].as_u64().unwrap() + 1,
                    d["range"]["start"]["character"].as_u64().unwrap() + 1,
                    d["code"].as_str().unwrap(),
                    d["message"].as_str().unwrap()
                )),
                "warning" => entry.1 += 1,
                _ => {}
            }
        }
        let mut listed = Vec::new();
        let outcomes: Vec<Outcome> = expect
            .lines()
            .skip(1)
            .filter(|line| !line.trim().is_empty())
            .map(|line| {
                let mut fields = line.splitn(3, '\t');
                let file = fields.next().unwrap().to_owned();
                let expect = fields.next().expect("an expectation").to_owned();
                let why = fields.next().unwrap_or_default().to_owned();
                assert!(
                    ["no-error", "error", "version"].contains(&expect.as_str()),
                    "EXPECT.tsv: unknown expectation {expect:?} for {file}"
                );
                assert!(
                    dir.join(&file).is_file(),
                    "EXPECT.tsv lists {file}, which is missing"
                );
                listed.push(file.clone());
                let (errors, warnings) = by_file.remove(&file).unwrap_or_default();
                Outcome {
                    file,
                    expect,
                    why,
                    errors,
                    warnings,
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
        let found = if o.errors.is_empty() {
            format!("no error ({} warnings)", o.warnings)
        } else {
            o.errors.join("\n      ")
        };
        table.push_str(&format!(
            "  {}\n    expected {}: {}\n    found: {}\n",
            o.file, o.expect, o.why, found
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

/// Not asserted (see the module docs); printed with `--nocapture` to see where podls stands.
#[test]
fn corpus_version_files_are_checked() {
    for o in outcomes().iter().filter(|o| o.expect == "version") {
        eprintln!(
            "{} [{}] {} errors, {} warnings: {}",
            o.file,
            o.expect,
            o.errors.len(),
            o.warnings,
            o.errors.first().map_or("", String::as_str)
        );
    }
    assert!(outcomes().len() >= 135, "{} corpus rows", outcomes().len());
}
