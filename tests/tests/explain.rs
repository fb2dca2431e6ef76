//! `podls explain` through the real binary, for the Pod and the workload kinds: what it prints, in which
//! language, and the exit code (0 found, 2 an unknown kind or field, with the suggestion on stderr).

use std::process::Command;

use podls_e2e::binary;

/// Runs `podls explain ARGS` with an English locale; returns (exit code, stdout, stderr).
fn explain(args: &[&str]) -> (i32, String, String) {
    let output = Command::new(binary())
        .arg("explain")
        .args(args)
        .env("LANG", "en_US.UTF-8")
        .output()
        .expect("podls runs");
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8(output.stdout).unwrap(),
        String::from_utf8(output.stderr).unwrap(),
    )
}

#[test]
fn a_deployment_path_reaches_the_container_image_of_its_template() {
    let (code, out, err) = explain(&["deployment.spec.template.spec.containers.image"]);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.starts_with(
            "image string · required\ndeployment.spec.template.spec.containers.image\n"
        ),
        "{out}"
    );
    let (code, out, _) = explain(&["Deployment.spec.strategy"]);
    assert_eq!(code, 0);
    assert!(out.contains("FIELDS (DeploymentStrategy):\n"), "{out}");
    assert!(
        out.contains("  rollingUpdate <RollingUpdateDeployment>\n"),
        "{out}"
    );
}

#[test]
fn a_recursive_cronjob_lists_every_level_down_to_the_containers() {
    let (code, out, err) = explain(&["cronjob", "--recursive"]);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.starts_with("KIND: CronJob\nVERSION: batch/v1\n\n"),
        "{out}"
    );
    for line in [
        "\n    schedule <string> -required-\n",
        "\n        template <PodTemplateSpec> -required-\n",
        "\n              image <string> -required-\n",
    ] {
        assert!(out.contains(line), "{line:?} in {out}");
    }
}

#[test]
fn a_statefulset_explains_its_claim_templates_in_both_languages() {
    let (code, out, err) = explain(&["statefulset.spec.volumeClaimTemplates"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("FIELDS (PersistentVolumeClaim):\n"), "{out}");
    assert!(
        out.contains("  spec <PersistentVolumeClaimSpec>\n"),
        "{out}"
    );
    let (code, zh, _) = explain(&["sts.spec.volumeClaimTemplates", "--locale", "zh-cn"]);
    assert_eq!(code, 0);
    assert!(zh.contains("字段 (PersistentVolumeClaim):\n"), "{zh}");
}

#[test]
fn an_unknown_kind_or_field_exits_2_with_the_closest_name() {
    let (code, out, err) = explain(&["deploymnet.spec"]);
    assert_eq!(code, 2);
    assert!(out.is_empty(), "{out}");
    assert!(err.contains("did you mean `deployment`?"), "{err}");
    let (code, _, err) = explain(&["job.spec.backofLimit"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("did you mean `job.spec.backoffLimit`?"),
        "{err}"
    );
}
