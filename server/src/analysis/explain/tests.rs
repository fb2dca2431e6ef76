//! `podls explain` on the Pod and on every workload kind: paths, field lists, labels per locale, errors.

use super::*;

#[test]
fn explains_a_field_with_its_values_and_default() {
    let text = explain(
        &Inputs::new(Locale::En),
        "pod.spec.containers.imagePullPolicy",
        false,
    )
    .unwrap();
    assert!(
        text.starts_with("imagePullPolicy string · optional\npod.spec.containers.imagePullPolicy"),
        "{text}"
    );
    assert!(
        text.contains("Allowed values: Always · IfNotPresent · Never"),
        "{text}"
    );
    assert!(
        text.contains("Default: Always if the image tag is :latest"),
        "{text}"
    );
    let zh = |path| explain(&Inputs::new(Locale::ZhCn), path, false).unwrap();
    let cases = [
        (
            "pod.spec.containers.imagePullPolicy",
            "允许的值: Always · IfNotPresent · Never",
        ),
        (
            "pod.spec.containers.imagePullPolicy",
            "默认值: 镜像标签为 :latest，或既没有标签也没有摘要时为 Always",
        ),
        (
            "pod.spec.volumes.gitRepo",
            "已弃用: 树内 gitRepo 插件已弃用",
        ),
        // Plain values need no translation.
        ("pod.spec.restartPolicy", "默认值: Always"),
    ];
    for (path, needle) in cases {
        let text = zh(path);
        assert!(text.contains(needle), "{needle} in {text}");
    }
}

#[test]
fn lists_the_fields_of_an_object_required_first() {
    let text = explain(&Inputs::new(Locale::En), "pod.spec.containers", false).unwrap();
    let fields = text.split("FIELDS (Container):\n").nth(1).unwrap();
    assert!(
        fields.starts_with("  image <string> -required-\n"),
        "{fields}"
    );
    assert!(fields.contains("  name <string> -required-\n"), "{fields}");
    let recursive = explain(&Inputs::new(Locale::En), "pod.spec", true).unwrap();
    assert!(
        recursive.contains("\n      containerPort <integer> -required-\n"),
        "{recursive}"
    );
}

#[test]
fn summaries_end_at_the_first_sentence_not_at_an_abbreviation() {
    let cases = [
        (
            "Hard caps, e.g. `cpu: 500m`. Requests are less.",
            "Hard caps, e.g. `cpu: 500m`.",
        ),
        ("A selector, i.e. labels. More.", "A selector, i.e. labels."),
        ("Pick one (e.g. `ext4`). More.", "Pick one (e.g. `ext4`)."),
        (
            "Ports, names, etc. and more. Next.",
            "Ports, names, etc. and more.",
        ),
        ("Ports, names, etc. Next.", "Ports, names, etc."),
        (
            "Removed in Kubernetes 1.27. Use CSI.",
            "Removed in Kubernetes 1.27.",
        ),
        (
            "Scales by 0.5 from v1.27.3 on. Next.",
            "Scales by 0.5 from v1.27.3 on.",
        ),
        ("Runs it (once.) Next.", "Runs it (once.)"),
        ("Really? Yes.", "Really?"),
        (
            "硬性上限，例如 `cpu: 500m`。其余。",
            "硬性上限，例如 `cpu: 500m`。",
        ),
        ("No full stop at all", "No full stop at all"),
        ("  Ends at the end.  ", "Ends at the end."),
    ];
    for (text, summary) in cases {
        assert_eq!(first_sentence(text), summary, "{text:?}");
    }
}

#[test]
fn no_summary_stops_at_an_abbreviation() {
    let schema = Schema::embedded();
    for key in schema.doc_keys() {
        let doc = schema.doc(key).unwrap();
        for locale in [Locale::En, Locale::ZhCn] {
            let summary = first_sentence(doc.text(locale));
            assert!(!introduces_more(summary), "{key}: {summary:?}");
        }
    }
}

#[test]
fn every_label_follows_the_locale() {
    let root = explain(&Inputs::new(Locale::ZhCn), "pod", false).unwrap();
    assert!(root.starts_with("资源类型: Pod\n版本: v1\n"), "{root}");
    assert!(root.contains("\n\n字段 (Pod):\n"), "{root}");
    let containers = explain(&Inputs::new(Locale::ZhCn), "pod.spec.containers", false).unwrap();
    assert!(
        containers.contains("  image <string> -必填-\n"),
        "{containers}"
    );
    let recursive = explain(&Inputs::new(Locale::ZhCn), "pod.spec", true).unwrap();
    // Nothing of the English labels is left (field names and type names stay as in the API).
    let english = [
        "KIND:",
        "VERSION:",
        "FIELDS (",
        "-required-",
        "Default:",
        "· optional",
        "· required",
    ];
    for english in english {
        for text in [&root, &containers, &recursive] {
            assert!(!text.contains(english), "{english} in {text}");
        }
    }
}

#[test]
fn unknown_paths_suggest_the_closest_known_ones() {
    let error = explain(&Inputs::new(Locale::En), "pod.spec.contaners", false).unwrap_err();
    assert_eq!(
        error.to_string(),
        "`pod.spec` has no field `contaners`; did you mean `pod.spec.containers`?"
    );
    let skipped = explain(&Inputs::new(Locale::En), "pod.spec.imagePullPolicy", false).unwrap_err();
    assert!(
        skipped
            .suggestions
            .contains(&"pod.spec.containers.imagePullPolicy".to_string()),
        "{skipped}"
    );
    let kind = explain(&Inputs::new(Locale::En), "deploymnet.spec", false).unwrap_err();
    assert_eq!(
        kind.to_string(),
        "`deploymnet` is not a kind podls knows; did you mean `deployment`?"
    );
    assert!(explain(&Inputs::new(Locale::En), "service.spec", false).is_err());
}

/// The first segment is any kind of the table, whatever its case, plural or kubectl short name.
#[test]
fn explains_every_workload_kind_from_its_name() {
    let en = Inputs::new(Locale::En);
    let image = explain(&en, "deployment.spec.template.spec.containers.image", false).unwrap();
    assert!(
        image
            .starts_with("image string · required\ndeployment.spec.template.spec.containers.image"),
        "{image}"
    );
    for (word, kind, version) in [
        ("Deployment", "Deployment", "apps/v1"),
        ("deploy", "Deployment", "apps/v1"),
        ("statefulsets", "StatefulSet", "apps/v1"),
        ("DAEMONSET", "DaemonSet", "apps/v1"),
        ("rs", "ReplicaSet", "apps/v1"),
        ("job", "Job", "batch/v1"),
        ("cj", "CronJob", "batch/v1"),
        ("replicationcontroller", "ReplicationController", "v1"),
        ("podtemplate", "PodTemplate", "v1"),
        ("list", "List", "v1"),
        ("pods", "Pod", "v1"),
    ] {
        let text = explain(&en, word, false).unwrap();
        assert!(
            text.starts_with(&format!("KIND: {kind}\nVERSION: {version}\n\n")),
            "{word}: {text}"
        );
    }
    let claims = explain(&en, "statefulset.spec.volumeClaimTemplates", false).unwrap();
    assert!(
        claims.starts_with(
            "volumeClaimTemplates []PersistentVolumeClaim · optional\nstatefulset.spec.volumeClaimTemplates"
        ),
        "{claims}"
    );
    let claim_fields = claims
        .split("FIELDS (PersistentVolumeClaim):\n")
        .nth(1)
        .unwrap();
    assert!(
        claim_fields.contains("  spec <PersistentVolumeClaimSpec>\n"),
        "{claims}"
    );
    assert!(
        claim_fields.contains("  metadata <ObjectMeta>\n"),
        "{claims}"
    );
    let strategy = explain(&en, "deployment.spec.strategy.type", false).unwrap();
    assert!(
        strategy.contains("Allowed values: Recreate · RollingUpdate"),
        "{strategy}"
    );
    assert!(strategy.contains("Default: RollingUpdate"), "{strategy}");
    let zh = explain(&Inputs::new(Locale::ZhCn), "cronjob.spec.schedule", false).unwrap();
    assert!(zh.contains("cron"), "{zh}");
    assert!(zh.contains("必填"), "{zh}");
}

#[test]
fn a_recursive_cronjob_reaches_the_containers_of_its_job_template() {
    let text = explain(&Inputs::new(Locale::En), "cronjob", true).unwrap();
    let fields = text.split("FIELDS (CronJob):\n").nth(1).unwrap();
    // Required first at each level; depth shows as indentation, two spaces a level.
    assert!(
        fields.starts_with("  apiVersion <string> -required-\n"),
        "{fields}"
    );
    for line in [
        "\n  spec <CronJobSpec> -required-\n",
        "\n    jobTemplate <JobTemplateSpec> -required-\n",
        "\n    schedule <string> -required-\n",
        "\n    timeZone <string>\n",
        "\n      spec <JobSpec> -required-\n",
        "\n        template <PodTemplateSpec> -required-\n",
        "\n          spec <PodSpec> -required-\n",
        "\n            containers <[]Container> -required-\n",
        "\n              image <string> -required-\n",
    ] {
        assert!(fields.contains(line), "{line:?} in {fields}");
    }
}
