//! The target Kubernetes version through the real binary: `podls check` and `podls explain` with
//! `--kubernetes-version` — the same manifest answered per version, an unsupported or malformed version
//! refused with the supported range (exit 2), the default stated in `--help`; and the editor's setting
//! (`versions/lsp.rs`).

#[path = "versions/lsp.rs"]
mod lsp;

use std::io::Write;
use std::process::{Command, Output, Stdio};

use podls_e2e::binary;
use serde_json::Value;

/// A sidecar, a resize policy, a stop signal and a numeric toleration: each has its own first version.
const MANIFEST: &str = "apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  os: {name: linux}
  initContainers:
  - name: proxy
    image: envoy:1
    restartPolicy: Always
  containers:
  - name: app
    image: nginx:1
    resizePolicy: [{resourceName: cpu, restartPolicy: NotRequired}]
    lifecycle:
      stopSignal: SIGUSR1
  tolerations:
  - {key: gpus, operator: Gt, value: \"3\"}
";

fn run(args: &[&str], stdin: &str) -> Output {
    let mut child = Command::new(binary())
        .args(args)
        .env("LANG", "en_US.UTF-8")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("podls runs");
    // A usage error exits before reading stdin: a closed pipe is part of the answer then.
    let _ = child.stdin.take().unwrap().write_all(stdin.as_bytes());
    child.wait_with_output().unwrap()
}

/// `severity code message` of every finding of `podls check` on MANIFEST for `version` (none: the default).
fn findings(version: Option<&str>) -> (i32, Vec<String>) {
    checked(MANIFEST, version)
}

/// `severity code message` of every finding of `podls check` on `manifest`, with the exit code.
fn checked(manifest: &str, version: Option<&str>) -> (i32, Vec<String>) {
    let mut args = vec!["check", "--format", "json", "-"];
    if let Some(version) = version {
        args.extend(["--kubernetes-version", version]);
    }
    let output = run(&args, manifest);
    let items: Value = serde_json::from_slice(&output.stdout).expect("JSON");
    let found = items
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            format!(
                "{} {} {}",
                d["severity"].as_str().unwrap(),
                d["code"].as_str().unwrap(),
                d["message"].as_str().unwrap()
            )
        })
        .collect();
    (output.status.code().unwrap(), found)
}

fn has(found: &[String], needle: &str) -> bool {
    found.iter().any(|f| f.contains(needle))
}

#[test]
fn the_same_manifest_gets_the_answer_of_each_version() {
    let (code, old) = findings(Some("1.27"));
    assert_eq!(code, 1, "{old:#?}");
    assert!(
        has(
            &old,
            "error unknown-field `restartPolicy` is in Kubernetes 1.28 and later; the target is 1.27"
        ),
        "{old:#?}"
    );
    assert!(
        has(
            &old,
            "warning alpha-feature `resizePolicy` needs the feature gate InPlacePodVerticalScaling (alpha in Kubernetes 1.27"
        ),
        "{old:#?}"
    );
    assert!(
        has(
            &old,
            "error unknown-field `stopSignal` is in Kubernetes 1.33 and later; the target is 1.27"
        ),
        "{old:#?}"
    );
    assert!(
        has(
            &old,
            "error invalid-enum operator `Gt` is in Kubernetes 1.35 and later; the target is 1.27"
        ),
        "{old:#?}"
    );

    let (_, v133) = findings(Some("v1.33.4"));
    assert!(!has(&v133, "restartPolicy"), "{v133:#?}");
    assert!(!has(&v133, "resizePolicy"), "{v133:#?}");
    assert!(
        has(
            &v133,
            "warning alpha-feature `stopSignal` needs the feature gate ContainerStopSignals (alpha in Kubernetes 1.33, off by default)"
        ),
        "{v133:#?}"
    );
    assert!(has(&v133, "error invalid-enum operator `Gt`"), "{v133:#?}");

    // The default is the newest: Gt is there, behind an alpha gate.
    let (code, newest) = findings(None);
    assert_eq!(code, 0, "{newest:#?}");
    assert_eq!(newest, findings(Some("1.37")).1);
    assert!(
        has(
            &newest,
            "warning alpha-feature operator `Gt` needs the feature gate TaintTolerationComparisonOperators (alpha in Kubernetes 1.37"
        ),
        "{newest:#?}"
    );
}

#[test]
fn an_unsupported_version_exits_2_with_the_range() {
    for (version, says) in [
        (
            "1.24",
            "Kubernetes 1.24 is not supported; podls knows 1.25 to 1.37",
        ),
        (
            "1.38",
            "Kubernetes 1.38 is not supported; podls knows 1.25 to 1.37",
        ),
        (
            "latest",
            "`latest` is not a Kubernetes version; write it as 1.N, one of 1.25 to 1.37",
        ),
    ] {
        for command in [
            vec!["check", "-", "--kubernetes-version", version],
            vec!["explain", "pod", "--kubernetes-version", version],
        ] {
            let output = run(&command, MANIFEST);
            let stderr = String::from_utf8_lossy(&output.stderr);
            assert_eq!(output.status.code(), Some(2), "{command:?}: {stderr}");
            assert!(stderr.contains(says), "{command:?}: {stderr}");
            assert!(output.stdout.is_empty(), "{command:?}");
        }
    }
}

#[test]
fn help_states_the_range_and_the_default() {
    for command in ["check", "explain"] {
        let output = run(&[command, "--help"], "");
        let help = String::from_utf8_lossy(&output.stdout);
        assert!(
            help.contains("--kubernetes-version <1.N>")
                && help.contains("1.25 to 1.37 (default: 1.37, the newest podls knows)"),
            "{help}"
        );
    }
}

#[test]
fn explain_follows_the_target() {
    let explain = |version: &str, path: &str| {
        let output = run(&["explain", path, "--kubernetes-version", version], "");
        assert_eq!(output.status.code(), Some(0));
        String::from_utf8(output.stdout).unwrap()
    };
    let old = explain("1.30", "pod.spec.containers.lifecycle");
    assert!(!old.contains("stopSignal <"), "{old}");
    assert!(old.contains("Checked against Kubernetes 1.30"), "{old}");
    let new = explain("1.33", "pod.spec.containers.lifecycle");
    assert!(new.contains("stopSignal <string>"), "{new}");
    let field = explain("1.30", "pod.spec.containers.lifecycle.stopSignal");
    assert!(
        field.contains("Kubernetes: since 1.33 (alpha, off by default)")
            && field.contains("Checked against Kubernetes 1.30: not in this version (since 1.33)"),
        "{field}"
    );
}

/// The VS Code extension offers exactly the versions podls knows, the newest by default: adding a version
/// to the table fails here until `package.json` follows.
#[test]
fn the_vscode_setting_lists_the_supported_versions() {
    use podls::analysis::KubernetesVersion;
    let path =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../editors/vscode/package.json");
    let package: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let setting = &package["contributes"]["configuration"]["properties"]["podls.kubernetesVersion"];
    assert_eq!(setting["type"], "string", "{setting}");
    let listed: Vec<&str> = setting["enum"]
        .as_array()
        .expect("an enum of versions")
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    let supported: Vec<String> = KubernetesVersion::supported()
        .map(|v| v.to_string())
        .collect();
    assert_eq!(listed, supported);
    assert_eq!(setting["default"], KubernetesVersion::DEFAULT.to_string());
    let descriptions = setting["enumDescriptions"].as_array().unwrap();
    assert_eq!(descriptions.len(), listed.len());
    for (version, description) in listed.iter().zip(descriptions) {
        assert!(
            description.as_str().unwrap().contains(version),
            "{version}: {description}"
        );
    }
}

/// A version and the one finding it gives (`severity code message` starting so), or none.
type Expected<'a> = (&'a str, Option<&'a str>);

/// `podls check` on both sides of each kind of boundary, block and flow style: the findings that hold the
/// needle, as `severity code message`, per version.
#[test]
fn each_boundary_through_the_cli() {
    let sidecar = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\nspec:\n  initContainers:\n  - name: proxy\n    image: envoy:1\n    restartPolicy: Always\n  containers:\n  - name: c\n    image: nginx:1\n";
    let removed_field = "{apiVersion: v1, kind: Pod, metadata: {name: a}, spec: {containers: [{name: c, image: \"nginx:1\"}], resourceClaims: [{name: gpu, source: {resourceClaimName: gpu-claim}}]}}\n";
    let cron = "apiVersion: batch/v1beta1\nkind: CronJob\nmetadata:\n  name: nightly\nspec:\n  schedule: \"0 3 * * *\"\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          restartPolicy: OnFailure\n          containers:\n          - name: job\n            image: busybox:1.36\n";
    let cases: &[(&str, &str, &[Expected])] = &[
        // A gate from alpha to beta to GA: unknown, then dropped while off, then nothing.
        (
            sidecar,
            "restartPolicy",
            &[
                (
                    "1.27",
                    Some(
                        "error unknown-field `restartPolicy` is in Kubernetes 1.28 and later; the target is 1.27",
                    ),
                ),
                (
                    "1.28",
                    Some(
                        "warning alpha-feature `restartPolicy` needs the feature gate SidecarContainers (alpha in Kubernetes 1.28, off by default)",
                    ),
                ),
                ("1.29", None),
                ("1.33", None),
            ],
        ),
        // A removed field, in flow style: there until 1.30, gone with its replacement named from 1.31.
        (
            removed_field,
            "`source`",
            &[
                ("1.30", None),
                (
                    "1.31",
                    Some(
                        "error unknown-field `source` was removed in Kubernetes 1.31; the target is 1.31; use `resourceClaimName` or `resourceClaimTemplateName`",
                    ),
                ),
                (
                    "1.37",
                    Some(
                        "error unknown-field `source` was removed in Kubernetes 1.31; the target is 1.37",
                    ),
                ),
            ],
        ),
        // A removed apiVersion: gone in 1.25, the oldest version podls knows, so an error in every one.
        (
            cron,
            "batch/v1beta1",
            &[
                (
                    "1.25",
                    Some(
                        "error removed-api-version `batch/v1beta1` no longer serves `CronJob`: Kubernetes 1.25 removed it; use `apiVersion: batch/v1`",
                    ),
                ),
                (
                    "1.37",
                    Some(
                        "error removed-api-version `batch/v1beta1` no longer serves `CronJob`: Kubernetes 1.25 removed it",
                    ),
                ),
            ],
        ),
    ];
    for (manifest, needle, versions) in cases {
        for (version, want) in *versions {
            let (_, found) = checked(manifest, Some(version));
            let found: Vec<&String> = found.iter().filter(|f| f.contains(needle)).collect();
            match want {
                Some(want) => assert!(
                    found.len() == 1 && found[0].starts_with(want),
                    "{version}: wanted {want:?}, found {found:#?}"
                ),
                None => assert!(found.is_empty(), "{version}: {found:#?}"),
            }
        }
    }
}
