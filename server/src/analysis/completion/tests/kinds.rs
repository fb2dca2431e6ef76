//! Completion across kinds: the values of `kind` and `apiVersion`, the key of an unsettled kind as a
//! choice, and a skeleton per kind in an empty document (each valid by podls's own checks).

use expect_test::expect;

use super::*;
use crate::analysis::{diagnostics, pod_sites};

#[test]
fn kind_offers_the_known_kinds_those_of_the_written_api_version_first() {
    check_labels(
        "apiVersion: batch/v1\nkind: $0\n",
        expect![
            "Job CronJob Pod PodTemplate ReplicationController Deployment ReplicaSet StatefulSet DaemonSet List"
        ],
    );
    check_labels(
        "kind: $0\n",
        expect![
            "Pod PodTemplate ReplicationController Deployment ReplicaSet StatefulSet DaemonSet Job CronJob List"
        ],
    );
    // Also while a kind podls does not serve is being typed.
    check_labels(
        "apiVersion: apps/v1\nkind: Dep$0\n",
        expect!["Deployment PodTemplate"],
    );
    check(
        "apiVersion: v1\nkind: \"P$0\"\n",
        expect![[r#"
        replaces "\"P\""
        Pod "\"Pod\""
        PodTemplate "\"PodTemplate\""
        ReplicationController "\"ReplicationController\""
        Deployment "\"Deployment\""
        ReplicaSet "\"ReplicaSet\""
    "#]],
    );
}

#[test]
fn api_version_offers_the_one_serving_the_kind_or_all() {
    check(
        "kind: CronJob\napiVersion: $0\n",
        expect![[r#"
        replaces ""
        batch/v1 "batch/v1"
    "#]],
    );
    check(
        "apiVersion:$0\n",
        expect![[r#"
        replaces ""
        v1 " v1"
        apps/v1 " apps/v1"
        batch/v1 " batch/v1"
    "#]],
    );
    check(
        "apiVersion: $0\nkind: Deploymnet\n",
        expect![[r#"
        replaces ""
        v1 "v1"
        apps/v1 "apps/v1"
        batch/v1 "batch/v1"
    "#]],
    );
    // In a List, each item's own kind decides.
    check(
        "apiVersion: v1\nkind: List\nitems:\n- kind: Job\n  apiVersion: $0\n",
        expect![[r#"
            replaces ""
            batch/v1 "batch/v1"
        "#]],
    );
}

#[test]
fn the_kind_key_of_an_untyped_document_is_a_choice() {
    check_edit(
        "metadata:\n  name: a\nki$0\n",
        "kind",
        CompletionOptions::default(),
        expect![[r#"
            Field Some("string") snippet=true
            kind: ${1|Pod,PodTemplate,ReplicationController,Deployment,ReplicaSet,StatefulSet,DaemonSet,Job,CronJob,List|}"#]],
    );
    check_edit(
        "kind: Job\nap$0\n",
        "apiVersion",
        CompletionOptions::default(),
        expect![[r#"
            Field Some("string") snippet=true
            apiVersion: batch/v1"#]],
    );
}

#[test]
fn an_empty_document_offers_a_skeleton_per_kind() {
    check_labels(
        "$0",
        expect!["Pod Deployment StatefulSet DaemonSet Job CronJob apiVersion kind metadata spec"],
    );
    check_edit(
        "$0",
        "Deployment",
        CompletionOptions::default(),
        expect![[r#"
            Snippet Some("Deployment skeleton") snippet=true
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: ${1:my-app}
            spec:
              replicas: ${2:1}
              selector:
                matchLabels:
                  app: ${1:my-app}
              template:
                metadata:
                  labels:
                    app: ${1:my-app}
                spec:
                  containers:
                    - name: ${3:app}
                      image: ${4:nginx:1.27}$0"#]],
    );
    check_edit(
        "$0",
        "CronJob",
        CompletionOptions::default(),
        expect![[r#"
        Snippet Some("CronJob skeleton") snippet=true
        apiVersion: batch/v1
        kind: CronJob
        metadata:
          name: ${1:my-cronjob}
        spec:
          schedule: "${2:0 * * * *}"
          jobTemplate:
            spec:
              template:
                spec:
                  restartPolicy: ${3:OnFailure}
                  containers:
                    - name: ${4:app}
                      image: ${5:busybox:1.36}
                      command: ["sh", "-c", "${6:echo hello}"]$0"#]],
    );
    check_edit(
        &four("---\n$0\n"),
        "StatefulSet",
        plain_text(),
        expect![[r#"
            Snippet Some("StatefulSet skeleton") snippet=false
            apiVersion: apps/v1
            kind: StatefulSet
            metadata:
                name: my-app
            spec:
                serviceName: my-app
                replicas: 1
                selector:
                    matchLabels:
                        app: my-app
                template:
                    metadata:
                        labels:
                            app: my-app
                    spec:
                        containers:
                            - name: app
                              image: nginx:1.27"#]],
    );
    check_edit(
        "---\n$0",
        "Job",
        plain_text(),
        expect![[r#"
        Snippet Some("Job skeleton") snippet=false
        apiVersion: batch/v1
        kind: Job
        metadata:
          name: my-job
        spec:
          template:
            spec:
              restartPolicy: Never
              containers:
                - name: app
                  image: busybox:1.36
                  command: ["sh", "-c", "echo hello"]"#]],
    );
    check_edit(
        "$0",
        "DaemonSet",
        plain_text(),
        expect![[r#"
        Snippet Some("DaemonSet skeleton") snippet=false
        apiVersion: apps/v1
        kind: DaemonSet
        metadata:
          name: my-app
        spec:
          selector:
            matchLabels:
              app: my-app
          template:
            metadata:
              labels:
                app: my-app
            spec:
              containers:
                - name: app
                  image: nginx:1.27"#]],
    );
}

/// Every skeleton, as a client without snippets inserts it, in two and four spaces and both sequence
/// styles: served by podls and without a single diagnostic.
#[test]
fn every_skeleton_passes_podls_checks() {
    for fixture in ["$0", "a:\n    - b\n---\n$0", "a:\n  b:\n  - c\n---\n$0"] {
        let (text, list) = run(fixture, plain_text());
        for item in list.expect("skeletons").items {
            if item.kind != CompletionKind::Snippet {
                continue;
            }
            let (after, _) = accept(&text, &item, plain_text());
            let file = parse(&after);
            let last = file.documents.last().unwrap();
            assert!(
                !pod_sites(&[], &after, last).is_empty(),
                "{} is not served:\n{after}",
                item.label
            );
            let found = diagnostics(&Inputs::default(), &after, &file);
            assert!(found.is_empty(), "{}:\n{after}\n{found:?}", item.label);
        }
    }
}

#[test]
fn a_new_key_under_a_workload_spec_offers_its_spec_fields() {
    check_labels(
        "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: a\nspec:\n  replicas: 1\n  $0\n",
        expect![
            "selector template minReadySeconds paused progressDeadlineSeconds revisionHistoryLimit strategy"
        ],
    );
    check_labels(
        "apiVersion: batch/v1\nkind: CronJob\nspec:\n  jobTemplate:\n    spec:\n      $0\n",
        expect![
            "template activeDeadlineSeconds backoffLimit backoffLimitPerIndex completionMode completions managedBy manualSelector maxFailedIndexes parallelism podFailurePolicy podReplacementPolicy scheduling selector successPolicy suspend ttlSecondsAfterFinished"
        ],
    );
}
