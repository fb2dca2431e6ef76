//! Helm charts through the real binary: `podls check` on a chart written for these tests (a Deployment, a
//! StatefulSet and a Job with ifs, ranges, includes, toYaml, nindent, quoted and unquoted actions, a
//! `_helpers.tpl`, NOTES.txt) reports nothing, and each copy with one literal mistake reports that mistake at
//! its line; rendered output (`helm template … | podls check -`) is checked as plain YAML; the language
//! server says the same for a template opened as `yaml` or as `helm`.

use std::path::Path;

use podls_e2e::{Client, Repository, fixture, run_check};
use serde_json::{Value, json};

/// `podls check --format json` on `paths` from `dir`, with `stdin`: the exit code and the findings.
fn check_json(dir: &Path, paths: &[&str], stdin: &str) -> (i32, Vec<Value>) {
    let args: Vec<&str> = ["--format", "json"].iter().chain(paths).copied().collect();
    let run = run_check(dir, &args, Some(stdin), &[]);
    let findings: Value = serde_json::from_str(&run.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}{}", run.stdout, run.stderr));
    (run.code, findings.as_array().unwrap().clone())
}

/// One literal mistake: in `file` of the chart, `from` becomes `to`; podls must report `code` on the
/// 1-based `line`, and nothing else.
struct Mistake {
    file: &'static str,
    from: &'static str,
    to: &'static str,
    code: &'static str,
    line: u64,
}

const MISTAKES: &[Mistake] = &[
    Mistake {
        file: "deployment.yaml",
        from: "protocol: TCP",
        to: "protocol: TPC",
        code: "invalid-enum",
        line: 49,
    },
    Mistake {
        file: "deployment.yaml",
        from: "          imagePullPolicy:",
        to: "          imagePullPolicyy:",
        code: "unknown-field",
        line: 42,
    },
    Mistake {
        file: "deployment.yaml",
        from: "initialDelaySeconds: 10",
        to: "initialDelaySeconds: \"10\"",
        code: "type-mismatch",
        line: 63,
    },
    Mistake {
        file: "deployment.yaml",
        from: "sizeLimit: 64Mi",
        to: "sizeLimit: 64mb",
        code: "invalid-quantity",
        line: 83,
    },
    Mistake {
        file: "deployment.yaml",
        from: "              port: http\n            initialDelaySeconds",
        to: "              port: htp\n            initialDelaySeconds",
        code: "unresolved-reference",
        line: 62,
    },
    Mistake {
        file: "deployment.yaml",
        from: "  revisionHistoryLimit: 5",
        to: "  revisionHistoryLimit 5",
        code: "yaml-syntax",
        line: 11,
    },
    Mistake {
        file: "statefulset.yaml",
        from: "podManagementPolicy: Parallel",
        to: "podManagementPolicy: parallel",
        code: "invalid-enum",
        line: 11,
    },
    Mistake {
        file: "statefulset.yaml",
        from: "            - name: data",
        to: "            - name: date",
        code: "unresolved-reference",
        line: 43,
    },
    Mistake {
        file: "statefulset.yaml",
        from: "cpu: 50m",
        to: "cpu: 50x",
        code: "invalid-quantity",
        line: 40,
    },
    Mistake {
        file: "statefulset.yaml",
        from: "        app.kubernetes.io/component: cache\n    spec:",
        to: "        app.kubernetes.io/component: db\n    spec:",
        code: "selector-mismatch",
        line: 18,
    },
    Mistake {
        file: "job.yaml",
        from: "restartPolicy: Never",
        to: "restartPolicy: Always",
        code: "invalid-enum",
        line: 16,
    },
    Mistake {
        file: "job.yaml",
        from: "ttlSecondsAfterFinished",
        to: "ttlSecondAfterFinished",
        code: "unknown-field",
        line: 11,
    },
    Mistake {
        file: "job.yaml",
        from: "memory: 128Mi",
        to: "memory: 128MB",
        code: "invalid-quantity",
        line: 31,
    },
];

#[test]
fn the_chart_checks_clean() {
    let (code, findings) = check_json(&fixture("chart"), &["."], "");
    assert_eq!((code, findings), (0, vec![]));
}

#[test]
fn each_literal_mistake_is_reported_at_its_line() {
    for (i, mistake) in MISTAKES.iter().enumerate() {
        let dir = Repository::new(&format!("helm-mistake-{i}"));
        dir.copy(&fixture("chart"), "chart");
        dir.edit(
            &format!("chart/templates/{}", mistake.file),
            mistake.from,
            mistake.to,
        );
        let (code, findings) = check_json(&dir.0, &["chart"], "");
        let found: Vec<(String, &str, u64)> = findings
            .iter()
            .map(|f| {
                let file = f["file"]
                    .as_str()
                    .unwrap()
                    .rsplit('/')
                    .next()
                    .unwrap()
                    .to_string();
                (
                    file,
                    f["code"].as_str().unwrap(),
                    f["range"]["start"]["line"].as_u64().unwrap() + 1,
                )
            })
            .collect();
        assert_eq!(
            found,
            [(mistake.file.to_string(), mistake.code, mistake.line)],
            "{} → {}: {findings:#?}",
            mistake.from,
            mistake.to
        );
        let severity = findings[0]["severity"].as_str().unwrap();
        assert_eq!(code, i32::from(severity == "error"), "{findings:#?}");
    }
}

#[test]
fn partials_and_notes_are_no_manifests() {
    let dir = Repository::new("helm-partials");
    dir.copy(&fixture("chart"), "chart")
        .write(
            "chart/templates/_pod.yaml",
            "{{- define \"shop.pod\" }}\nkind: Pod\nspec: [\n{{- end }}\nnot: [yaml\n",
        )
        .write(
            "chart/templates/NOTES.txt",
            "Visit: {{ .Values.url }}: now: [\n",
        );
    let (code, findings) = check_json(
        &dir.0,
        &[
            "chart",
            "chart/templates/_pod.yaml",
            "chart/templates/NOTES.txt",
            "chart/templates/_helpers.tpl",
        ],
        "",
    );
    assert_eq!((code, findings), (0, vec![]));
}

#[test]
fn rendered_templates_on_stdin_are_plain_yaml() {
    let rendered = std::fs::read_to_string(fixture("chart-rendered.yaml")).unwrap();
    let (code, findings) = check_json(&fixture("chart"), &["-"], &rendered);
    assert_eq!((code, findings), (0, vec![]));
    let broken = rendered.replace(
        "imagePullPolicy: IfNotPresent",
        "imagePullPolicy: Sometimes",
    );
    let (code, findings) = check_json(&fixture("chart"), &["-"], &broken);
    assert_eq!(code, 1);
    assert_eq!(findings.len(), 1, "{findings:#?}");
    assert_eq!(findings[0]["code"], "invalid-enum");
    assert_eq!(findings[0]["file"], "<stdin>");
}

/// The chart's file as a `file://` URI.
fn template_uri(file: &str) -> String {
    format!("file://{}", fixture("chart/templates").join(file).display())
}

#[test]
fn the_editor_shows_no_false_error_on_a_template_as_yaml_or_helm() {
    for language in ["yaml", "helm"] {
        let mut client = Client::start();
        client.initialize(json!({}));
        for file in [
            "deployment.yaml",
            "statefulset.yaml",
            "job.yaml",
            "tests/test-connection.yaml",
        ] {
            let uri = template_uri(file);
            let text = std::fs::read_to_string(fixture("chart/templates").join(file)).unwrap();
            client.open_as(&uri, language, &text);
            let published = client.wait_for_diagnostics(&uri);
            assert_eq!(published["diagnostics"], json!([]), "{language} {file}");
        }
        // The same templates with a literal mistake each: the mistake, at its line.
        for mistake in MISTAKES.iter().filter(|m| m.code != "yaml-syntax") {
            let uri = template_uri(mistake.file);
            let version = client.edit(&uri, mistake.from, mistake.to);
            let published = client.wait_for_diagnostics_of_version(&uri, version);
            let found: Vec<(&str, u64)> = published["diagnostics"]
                .as_array()
                .unwrap()
                .iter()
                .map(|d| {
                    (
                        d["code"].as_str().unwrap(),
                        d["range"]["start"]["line"].as_u64().unwrap() + 1,
                    )
                })
                .collect();
            assert_eq!(
                found,
                [(mistake.code, mistake.line)],
                "{language}: {}",
                mistake.to
            );
            let version = client.edit(&uri, mistake.to, mistake.from);
            client.wait_for_diagnostics_of_version(&uri, version);
        }
    }
}

#[test]
fn a_partial_opened_as_helm_gets_nothing() {
    let mut client = Client::start();
    client.initialize(json!({}));
    let uri = template_uri("_helpers.tpl");
    let text = "{{- define \"shop.pod\" -}}\napiVersion: v1\nkind: Pod\nspec:\n  containers: [\n{{- end }}\nkind: Pod\nspec: {containers: [\n";
    client.open_as(&uri, "helm", text);
    assert_eq!(client.wait_for_diagnostics(&uri)["diagnostics"], json!([]));
}

#[test]
fn hover_and_completion_work_on_literal_parts_and_stay_out_of_actions() {
    let mut client = Client::start();
    client.initialize(json!({}));
    let uri = template_uri("deployment.yaml");
    let text = std::fs::read_to_string(fixture("chart/templates/deployment.yaml")).unwrap();
    client.open_as(&uri, "helm", &text);
    client.wait_for_diagnostics(&uri);
    let hover = client
        .hover_on(&uri, "imagePullPolicy")
        .expect("hover on a literal key");
    assert!(hover.contains("imagePullPolicy"), "{hover}");
    assert_eq!(client.hover_on(&uri, ".Values.image.pullPolicy"), None);

    let completion_at = |client: &mut Client, offset: usize| {
        let text = client.text(&uri).to_string();
        let position = podls_e2e::position(&text, offset, podls_e2e::Encoding::Utf16);
        client
            .request(
                "textDocument/completion",
                json!({"textDocument": {"uri": uri}, "position": position}),
            )
            .unwrap()
    };
    // Inside `{{ .Values.image.pullPolicy }}`: nothing.
    let inside = text.find(".Values.image.pullPolicy").unwrap() + ".Values.".len();
    let items = completion_at(&mut client, inside);
    assert!(items.is_null() || items["items"] == json!([]), "{items}");
    // A literal value: the enum's values.
    let version = client.edit(
        &uri,
        "              protocol: TCP",
        "              protocol: ",
    );
    client.wait_for_diagnostics_of_version(&uri, version);
    let at = client.text(&uri).find("protocol: \n").unwrap() + "protocol: ".len();
    let items = completion_at(&mut client, at);
    let labels: Vec<&str> = items["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["label"].as_str().unwrap())
        .collect();
    assert!(labels.contains(&"TCP"), "{items}");
}
