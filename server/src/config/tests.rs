use std::path::Path;

use super::*;
use crate::analysis::Severity;

fn error(text: &str) -> String {
    match parse(Path::new("podls.toml"), text) {
        Ok(_) => "no error".to_owned(),
        Err(err) => err.to_string(),
    }
}

#[test]
fn every_key_is_read() {
    let text = r#"
kubernetes-version = "1.30"
locale = "zh-cn"
exclude = ["charts/", "*.generated.yaml"]

[rules]
image-latest = "off"
invalid-enum = "warning"

[[pod-template]]
apiVersion = "argoproj.io/v1alpha1"
kind = "Rollout"
path = "spec.template"
"#;
    let config = parse(Path::new("/repo/podls.toml"), text).unwrap();
    assert_eq!(
        config.kubernetes.map(|v| v.to_string()).as_deref(),
        Some("1.30")
    );
    assert_eq!(config.locale, Some(Locale::ZhCn));
    let mut inputs = Inputs::default();
    config.apply(&mut inputs);
    assert_eq!(
        inputs.rules.severity(Code::ImageLatest, Severity::Warning),
        None
    );
    assert_eq!(
        inputs.rules.severity(Code::InvalidEnum, Severity::Error),
        Some(Severity::Warning)
    );
    assert_eq!(
        inputs.rules.severity(Code::UnknownField, Severity::Error),
        Some(Severity::Error)
    );
    assert_eq!(
        &*inputs.pod_templates,
        [PodTemplate {
            api_version: "argoproj.io/v1alpha1".into(),
            kind: "Rollout".into(),
            path: vec!["spec".into(), "template".into()],
        }]
    );
    assert!(config.excludes(Path::new("/repo/charts/a/pod.yaml"), false));
    assert!(config.excludes(Path::new("/repo/sub/x.generated.yaml"), false));
    assert!(!config.excludes(Path::new("/repo/pods/pod.yaml"), false));
    assert!(!config.excludes(Path::new("/elsewhere/charts/pod.yaml"), false));
}

#[test]
fn mistakes_are_errors_at_their_place() {
    expect_test::expect![[r#"
        podls.toml:1:3: not valid TOML: key with no value, expected `=`
        podls.toml:2:1: unknown key `colour`; the keys here are `kubernetes-version`, `locale`, `rules`, `exclude` or `pod-template`
        podls.toml:2:1: unknown code `image-lates`; did you mean `image-latest`?
        podls.toml:2:16: unknown severity `loud`; use `error`, `warning`, `information`, `hint` or `off`
        podls.toml:1:22: `kubernetes-version` takes a string in quotes, not `1.30`
        podls.toml:1:22: Kubernetes 1.99 is not supported; podls knows 1.25 to 1.37 (default 1.37)
        podls.toml:1:22: `banana` is not a Kubernetes version; write it as 1.N, one of 1.25 to 1.37
        podls.toml:1:10: unknown locale `fr`; use `en` or `zh-cn`
        podls.toml:2:1: `yaml-syntax` cannot be configured: a file that does not parse is not checked at all
        podls.toml:1:1: `path` is missing
        podls.toml:4:8: `path` is the keys from the object's root to the pod template, joined by dots, such as `spec.template`
        podls.toml:1:11: invalid value: `"charts/"`: invalid type: string "charts/", expected a sequence"#]]
    .assert_eq(
        &[
            "a b\n",
            "locale = \"en\"\ncolour = 1\n",
            "[rules]\nimage-lates = \"off\"\n",
            "[rules]\nimage-latest = \"loud\"\n",
            "kubernetes-version = 1.30\n",
            "kubernetes-version = \"1.99\"\n",
            "kubernetes-version = \"banana\"\n",
            "locale = \"fr\"\n",
            "[rules]\nyaml-syntax = \"off\"\n",
            "[[pod-template]]\napiVersion = \"a.io/v1\"\nkind = \"A\"\n",
            "[[pod-template]]\napiVersion = \"a.io/v1\"\nkind = \"A\"\npath = \"spec..template\"\n",
            "exclude = \"charts/\"\n",
        ]
        .map(error)
        .join("\n"),
    );
}

#[test]
fn versions_are_read_as_users_write_them() {
    for (text, read) in [("1.33", "1.33"), ("v1.30", "1.30"), ("1.29.4", "1.29")] {
        assert_eq!(KubernetesVersion::parse(text).unwrap().to_string(), read);
    }
    for bad in ["1", "1.", "1.x", "x.1", "1.30.1.2", "", "1.24", "2.0"] {
        assert!(KubernetesVersion::parse(bad).is_err(), "{bad}");
    }
}

#[test]
fn the_nearest_file_wins_up_to_the_repository_root() {
    let root = std::env::temp_dir().join(format!("podls-config-find-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&root);
    let deep = root.join("repo/a/b");
    std::fs::create_dir_all(&deep).unwrap();
    std::fs::create_dir_all(root.join("repo/.git")).unwrap();
    std::fs::write(root.join("podls.toml"), "").unwrap();
    // Above the repository: not found.
    assert_eq!(find(&deep), None);
    std::fs::write(root.join("repo/.podls.toml"), "").unwrap();
    assert_eq!(find(&deep), Some(root.join("repo/.podls.toml")));
    std::fs::write(root.join("repo/a/podls.toml"), "").unwrap();
    assert_eq!(find(&deep), Some(root.join("repo/a/podls.toml")));
    // In one directory `podls.toml` wins over `.podls.toml`.
    std::fs::write(root.join("repo/a/.podls.toml"), "").unwrap();
    assert_eq!(find(&deep), Some(root.join("repo/a/podls.toml")));
    std::fs::remove_dir_all(&root).unwrap();
}

#[test]
fn mistakes_are_said_in_the_users_language() {
    let err = parse(Path::new("podls.toml"), "[rules]\nimage-lates = \"off\"\n").unwrap_err();
    assert_eq!(
        err.render(Locale::ZhCn),
        "podls.toml:2:1: 未知的代码 `image-lates`；是否想写 `image-latest`？"
    );
}
