//! Kustomize trees through the real binary: a base and two overlays whose patches are of every kind
//! (`patches` with a path, `patchesStrategicMerge`, `patchesJson6902`, a JSON 6902 file under `patches`, a
//! patch outside the overlay's directory) check clean, as partial objects should; what a patch writes is
//! still checked; the language server finds the kustomization that lists an open file.

use std::path::Path;

use podls_e2e::{Client, Repository, fixture, run_check};
use serde_json::{Value, json};

/// `podls check --format json` on `paths` from `dir`: the exit code and each finding's file, code and line.
fn check_json(dir: &Path, paths: &[&str]) -> (i32, Vec<(String, String, u64)>) {
    let args: Vec<&str> = ["--format", "json"].iter().chain(paths).copied().collect();
    let run = run_check(dir, &args, None, &[]);
    let findings: Value = serde_json::from_str(&run.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}{}", run.stdout, run.stderr));
    let found = findings
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["file"].as_str().unwrap().to_string(),
                f["code"].as_str().unwrap().to_string(),
                f["range"]["start"]["line"].as_u64().unwrap() + 1,
            )
        })
        .collect();
    (run.code, found)
}

#[test]
fn a_base_with_overlays_checks_clean() {
    assert_eq!(check_json(&fixture("kustomize"), &["."]), (0, vec![]));
    // Checked from inside an overlay, or one patch by name, the kustomization above still counts.
    assert_eq!(
        check_json(&fixture("kustomize/overlays/prod"), &["."]),
        (0, vec![])
    );
    assert_eq!(
        check_json(&fixture("kustomize/overlays/dev/patches"), &["debug.yaml"]),
        (0, vec![])
    );
}

#[test]
fn what_a_patch_writes_is_checked() {
    let dir = Repository::new("kustomize-mistakes");
    dir.copy(&fixture("kustomize"), "k");
    let edit = |file: &str, from: &str, to: &str| dir.edit(&format!("k/{file}"), from, to);
    edit(
        "overlays/dev/patches/debug.yaml",
        "imagePullPolicy: Always",
        "imagePullPolicy: Allways",
    );
    edit(
        "overlays/prod/resources.yaml",
        "memory: 512Mi",
        "memory: 512mb",
    );
    edit("overlays/prod/resources.yaml", "sizeLimit", "sizeLimt");
    edit(
        "overlays/prod/replicas.yaml",
        "replicas: 4",
        "replicas: four",
    );
    edit("components/sidecar.yaml", "readOnly: true", "readOnly: 1");
    let (code, found) = check_json(&dir.0, &["k"]);
    assert_eq!(code, 1);
    assert_eq!(
        found,
        [
            (
                "k/components/sidecar.yaml".to_string(),
                "type-mismatch".to_string(),
                14
            ),
            (
                "k/overlays/dev/patches/debug.yaml".into(),
                "invalid-enum".into(),
                10
            ),
            (
                "k/overlays/prod/replicas.yaml".into(),
                "type-mismatch".into(),
                6
            ),
            (
                "k/overlays/prod/resources.yaml".into(),
                "invalid-quantity".into(),
                15
            ),
            (
                "k/overlays/prod/resources.yaml".into(),
                "unknown-field".into(),
                22
            ),
        ]
    );
}

#[test]
fn the_same_file_outside_a_kustomization_is_a_whole_object() {
    let dir = Repository::new("kustomize-unlisted");
    dir.write(
        "debug.yaml",
        std::fs::read(fixture("kustomize/overlays/dev/patches/debug.yaml")).unwrap(),
    );
    let (code, found) = check_json(&dir.0, &["."]);
    assert_eq!(code, 1);
    assert!(
        found.iter().any(|(_, code, _)| code == "missing-required"),
        "{found:?}"
    );
}

#[test]
fn the_editor_finds_the_kustomization_that_lists_a_file() {
    let mut client = Client::start();
    client.initialize(json!({}));
    let open = |client: &mut Client, file: &str| {
        let path = fixture("kustomize").join(file);
        let uri = format!("file://{}", path.display());
        client.open(&uri, &std::fs::read_to_string(&path).unwrap());
        (
            uri.clone(),
            client.wait_for_diagnostics(&uri)["diagnostics"].clone(),
        )
    };
    for file in [
        "overlays/prod/replicas.yaml",
        "overlays/prod/resources.yaml",
        "overlays/dev/patches/debug.yaml",
        "overlays/prod/image.yaml",
        "overlays/prod/kustomization.yaml",
        "base/deployment.yaml",
    ] {
        assert_eq!(open(&mut client, file).1, json!([]), "{file}");
    }
    // In a patch, a wrong value is still wrong.
    let uri = open(&mut client, "overlays/prod/resources.yaml").0;
    let version = client.edit(&uri, "cpu: 250m", "cpu: 250 m");
    let published = client.wait_for_diagnostics_of_version(&uri, version);
    assert_eq!(
        published["diagnostics"][0]["code"], "invalid-quantity",
        "{published}"
    );
    assert_eq!(
        published["diagnostics"].as_array().unwrap().len(),
        1,
        "{published}"
    );
}
