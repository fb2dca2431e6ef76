//! Workloads typed by a person in VS Code and in Neovim: a skeleton per kind accepted in an empty document
//! (also after `---`), `kind` and `apiVersion` accepted from their values, a key under a Deployment's spec;
//! after each phase the buffer is the listed parts, byte for byte, and podls finds no error in it.

use super::editors::{Editor, Key, Session};

const DEPLOYMENT: &str = "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: my-app\nspec:\n  replicas: 1\n  selector:\n    matchLabels:\n      app: my-app\n  template:\n    metadata:\n      labels:\n        app: my-app\n    spec:\n      containers:\n        - name: app\n          image: nginx:1.27";
const STRATEGY: &str = "\n  minReadySeconds: 5";
const CONFIG_MAP: &str = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n    name: settings\n---\n";
const CRON_JOB: &str = "apiVersion: batch/v1\nkind: CronJob\nmetadata:\n    name: my-cronjob\nspec:\n    schedule: \"0 * * * *\"\n    jobTemplate:\n        spec:\n            template:\n                spec:\n                    restartPolicy: OnFailure\n                    containers:\n                        - name: app\n                          image: busybox:1.36\n                          command: [\"sh\", \"-c\", \"echo hello\"]";
const JOB_HEAD: &str = "apiVersion: batch/v1\nkind: Job";

fn build_workloads(editor: Editor) {
    use Key::*;
    let deployment: &[(&[Key], &[&str])] = &[
        (&[Pick("Dep", "Deployment")], &[DEPLOYMENT]),
        // A key of DeploymentSpec, at the spec's column.
        (
            &[
                EndOf("image: nginx:1.27"),
                Line(2),
                Pick("minR", "minReadySeconds"),
                Type("5"),
            ],
            &[DEPLOYMENT, STRATEGY],
        ),
    ];
    Session::new(editor, "").play(deployment);
    // After `---`, in a file indented by four.
    let cron_job: &[(&[Key], &[&str])] = &[(&[Pick("Cron", "CronJob")], &[CONFIG_MAP, CRON_JOB])];
    let mut session = Session::new(editor, CONFIG_MAP);
    session.cursor = CONFIG_MAP.len();
    session.play(cron_job);
}

/// `apiVersion` first, then `kind`: the kinds that version serves come first, so accepting the key gives a
/// Job, not a Pod.
fn identity_by_hand(editor: Editor) {
    let mut session = Session::new(editor, "apiVersion: batch/v1\n");
    session.cursor = session.text().len();
    session.complete("ki", "kind");
    session.check(JOB_HEAD);
}

#[test]
fn workloads_from_empty_in_vs_code() {
    build_workloads(Editor::VsCode);
    identity_by_hand(Editor::VsCode);
}

#[test]
fn workloads_from_empty_in_neovim() {
    build_workloads(Editor::Neovim);
    identity_by_hand(Editor::Neovim);
}
