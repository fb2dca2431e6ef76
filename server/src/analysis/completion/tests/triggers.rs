//! Trigger characters, quoted values, and speed on a large file.

use expect_test::expect;

use super::*;

#[test]
fn trigger_characters_answer_only_where_they_help() {
    check_with(
        "kind: Pod\nspec:\n  restartPolicy: $0\n",
        triggered(' '),
        expect![[r#"
            replaces ""
            Always "Always"
            Never "Never"
            OnFailure "OnFailure"
        "#]],
    );
    check_with(
        "kind: Pod\nspec:\n  restartPolicy:$0\n",
        triggered(':'),
        expect![[r#"
            replaces ""
            Always " Always"
            Never " Never"
            OnFailure " OnFailure"
        "#]],
    );
    check_with(
        &two("  -$0\n"),
        triggered('-'),
        expect![[r#"
            replaces ""
            container " name: app-2\n  image: nginx:1.27"
            image " image: "
            name " name: "
            args " args:\n  - "
            command " command:\n  - "
            env " env:\n  - "
            envFrom " envFrom:\n  - "
            imagePullPolicy " imagePullPolicy: "
            lifecycle " lifecycle:\n    "
            livenessProbe " livenessProbe:\n    "
            ports " ports:\n  - "
            readinessProbe " readinessProbe:\n    "
            resizePolicy " resizePolicy:\n  - "
            resources " resources:\n    "
            restartPolicy " restartPolicy: "
            restartPolicyRules " restartPolicyRules:\n  - "
            securityContext " securityContext:\n    "
            startupProbe " startupProbe:\n    "
            stdin " stdin: "
            stdinOnce " stdinOnce: "
            terminationMessagePath " terminationMessagePath: "
            terminationMessagePolicy " terminationMessagePolicy: "
            tty " tty: "
            volumeDevices " volumeDevices:\n  - "
            volumeMounts " volumeMounts:\n  - "
            workingDir " workingDir: "
        "#]],
    );
    check_with(
        &two("    ports:\n    - $0\n"),
        triggered(' '),
        expect![[r#"
            replaces ""
            containerPort "containerPort: "
            hostIP "hostIP: "
            hostPort "hostPort: "
            name "name: "
            protocol "protocol: "
        "#]],
    );
    check_with(
        "kind: Pod\nmetadata:\n  name: my $0\n",
        triggered(' '),
        expect!["nothing"],
    );
    check_with(
        "kind: Pod\nmetadata:\n  name: my-$0\n",
        triggered('-'),
        expect!["nothing"],
    );
    check_with(
        "kind: Pod\nspec:\n  $0\n",
        triggered(' '),
        expect!["nothing"],
    );
}

/// Latency on a 10,000-line Pod (many containers), printed rather than asserted:
/// `cargo test --release -p podls --lib completion_latency -- --ignored --nocapture`.
#[test]
#[ignore]
fn completion_latency_on_a_10000_line_file() {
    let container = "  - name: app\n    image: nginx:1.27\n    imagePullPolicy: IfNotPresent\n    ports:\n    - name: http\n      containerPort: 8080\n    env:\n    - name: A\n      value: b\n    volumeMounts:\n    - name: data\n      mountPath: /data\n";
    let mut text = String::from(
        "apiVersion: v1\nkind: Pod\nmetadata:\n  name: big\nspec:\n  volumes:\n  - name: data\n    emptyDir: {}\n  containers:\n",
    );
    while text.lines().count() < 10_000 {
        text.push_str(container);
    }
    let middle = text.len() / 2;
    let middle = text[..middle].rfind("  - name: app\n").unwrap() + "  - name: app\n".len();
    let cases = [
        ("key at the end", format!("{text}    imag"), text.len() + 4),
        (
            "empty line mid-file",
            {
                let mut t = text.clone();
                t.insert_str(middle, "    \n");
                t
            },
            middle + 4,
        ),
        (
            "enum value at the end",
            format!("{text}    imagePullPolicy: "),
            text.len() + 21,
        ),
        (
            "volume reference at the end",
            format!("{text}    volumeMounts:\n    - name: "),
            text.len() + 30,
        ),
    ];
    for (what, text, offset) in cases {
        let started = std::time::Instant::now();
        let file = parse(&text);
        let parsed = started.elapsed();
        let runs = 20;
        let started = std::time::Instant::now();
        let mut count = 0;
        for _ in 0..runs {
            count = completions(
                &Inputs::default(),
                &text,
                &file,
                offset,
                CompletionOptions::default(),
            )
            .map_or(0, |list| list.items.len());
        }
        let each = started.elapsed() / runs;
        eprintln!(
            "{what}: {} lines, parse {parsed:?}, completion {each:?} ({count} items)",
            text.lines().count()
        );
        assert!(count > 0, "{what}");
    }
}

#[test]
fn a_quoted_value_keeps_its_quotes() {
    check(
        "apiVersion: v1\nkind: Pod\nspec:\n  containers:\n  - name: a\n    imagePullPolicy: \"If$0\"\n",
        expect![[r#"
            replaces "\"If\""
            IfNotPresent "\"IfNotPresent\""
        "#]],
    );
    check(
        "apiVersion: v1\nkind: Pod\nspec:\n  restartPolicy: 'Ne$0\n",
        expect![[r#"
            replaces "'Ne"
            Never "'Never'"
            OnFailure "'OnFailure'"
        "#]],
    );
}
