//! What accepting a key inserts, per type and per indentation style.

use expect_test::expect;

use super::*;

#[test]
fn insert_text_per_type_two_spaces() {
    for label in [
        "workingDir",
        "resources",
        "ports",
        "command",
        "imagePullPolicy",
        "tty",
    ] {
        check_edit(
            &two("    $0\n"),
            label,
            CompletionOptions::default(),
            expect_for(label),
        );
    }
}

fn expect_for(label: &str) -> Expect {
    match label {
        "workingDir" => expect![[r#"
            Field Some("string") snippet=true
                workingDir: $0"#]],
        "resources" => expect![[r#"
            Field Some("ResourceRequirements") snippet=true
                resources:
                  $0"#]],
        "ports" => expect![[r#"
            Field Some("[]ContainerPort") snippet=true
                ports:
                - $0"#]],
        "command" => expect![[r#"
            Field Some("[]string") snippet=true
                command:
                - $0"#]],
        "imagePullPolicy" => expect![[r#"
            Field Some("string") snippet=true
                imagePullPolicy: ${1|Always,IfNotPresent,Never|}"#]],
        _ => expect![[r#"
            Field Some("boolean") snippet=true
                tty: ${1|false,true|}"#]],
    }
}

#[test]
fn insert_text_in_a_four_space_document() {
    check_edit(
        &four("          $0\n"),
        "ports",
        CompletionOptions::default(),
        expect![[r#"
            Field Some("[]ContainerPort") snippet=true
                      ports:
                          - $0"#]],
    );
    check_edit(
        &four("    $0\n"),
        "securityContext",
        plain_text(),
        expect![[r#"
            Field Some("PodSecurityContext") snippet=false
                securityContext:
            ········"#]],
    );
}

#[test]
fn insert_text_in_kubectl_style_sequences() {
    check_edit(
        "kind: Pod\nspec:\n  containers:\n  - name: a\n    ports:\n    - containerPort: 1\n    $0\n",
        "env",
        plain_text(),
        expect![[r#"
            Field Some("[]EnvVar") snippet=false
                env:
                -·"#]],
    );
}

#[test]
fn indentation_falls_back_on_tab_size() {
    let options = CompletionOptions {
        tab_size: 4,
        snippets: false,
        ..CompletionOptions::default()
    };
    check_edit(
        "kind: Pod\n$0",
        "metadata",
        options,
        expect![[r#"
            Field Some("ObjectMeta") snippet=false
            metadata:
            ····"#]],
    );
}

#[test]
fn plain_text_without_snippet_support() {
    check_with(
        &two("    $0\n"),
        plain_text(),
        expect![[r#"
            replaces ""
            args "args:\n- "
            command "command:\n- "
            env "env:\n- "
            envFrom "envFrom:\n- "
            imagePullPolicy "imagePullPolicy: "
            lifecycle "lifecycle:\n  "
            livenessProbe "livenessProbe:\n  "
            ports "ports:\n- "
            readinessProbe "readinessProbe:\n  "
            resizePolicy "resizePolicy:\n- "
            resources "resources:\n  "
            restartPolicy "restartPolicy: "
            restartPolicyRules "restartPolicyRules:\n- "
            securityContext "securityContext:\n  "
            startupProbe "startupProbe:\n  "
            stdin "stdin: "
            stdinOnce "stdinOnce: "
            terminationMessagePath "terminationMessagePath: "
            terminationMessagePolicy "terminationMessagePolicy: "
            tty "tty: "
            volumeDevices "volumeDevices:\n- "
            volumeMounts "volumeMounts:\n- "
            workingDir "workingDir: "
        "#]],
    );
}

#[test]
fn renaming_a_key_keeps_its_colon() {
    check_edit(
        &two("    imagePull$0: Always\n"),
        "imagePullPolicy",
        CompletionOptions::default(),
        expect![[r#"
            Field Some("string") snippet=true
                imagePullPolicy: Always"#]],
    );
}

#[test]
fn after_a_bare_dash() {
    check_edit(
        &two("  -$0\n"),
        "image",
        plain_text(),
        expect![[r#"
            Field Some("string") snippet=false
              - image:·"#]],
    );
}

#[test]
fn documentation_is_the_hover_text() {
    let (_, list) = run_in(
        Locale::ZhCn,
        "kind: Pod\nspec:\n  $0\n",
        CompletionOptions::default(),
    );
    let item = list
        .unwrap()
        .items
        .into_iter()
        .find(|i| i.label == "restartPolicy")
        .unwrap();
    expect![[r#"
        Some("string") "b1restartPolicy"
        **restartPolicy** `string` · 可选  
        `spec.restartPolicy`"#]]
    .assert_eq(&format!(
        "{:?} {:?}\n{}",
        item.detail,
        item.sort_text,
        item.documentation
            .unwrap()
            .lines()
            .take(2)
            .collect::<Vec<_>>()
            .join("\n")
    ));
}
