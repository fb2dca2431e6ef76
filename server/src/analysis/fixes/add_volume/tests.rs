//! Each Pod style and the text after adding volume `data`: it must parse and declare the volume.

use expect_test::{Expect, expect};

use super::add_volume;
use crate::syntax::parse;

fn check(text: &str, expect: Expect) {
    let file = parse(text);
    let with_spec = |doc: &&std::sync::Arc<crate::syntax::Document>| {
        crate::analysis::fixes::at_path(doc, &["spec"]).is_some()
    };
    let doc = file.documents.iter().find(with_spec).unwrap();
    let spec = crate::analysis::fixes::at_path(doc, &["spec"]).unwrap();
    let fix =
        add_volume(crate::messages::Locale::En, text, doc, spec, "data", false).expect("a fix");
    let mut fixed = text.to_string();
    for (range, new_text) in fix.edits.iter().rev() {
        fixed.replace_range(range.as_range(), new_text);
    }
    let after = parse(&fixed);
    let doc = after.documents.iter().find(with_spec).unwrap();
    assert!(doc.errors.is_empty(), "{fixed}\n{:?}", doc.errors);
    let volumes = crate::analysis::fixes::at_path(doc, &["spec", "volumes"]).expect("spec.volumes");
    let names: Vec<_> = doc
        .items(volumes)
        .iter()
        .filter_map(|v| doc.get(*v, "name").and_then(|n| doc.scalar(n)))
        .collect();
    assert!(names.contains(&"data"), "{fixed}");
    let empty_dir = doc
        .items(volumes)
        .iter()
        .find_map(|v| doc.get(*v, "emptyDir"));
    assert!(empty_dir.is_some(), "{fixed}");
    expect.assert_eq(&format!("## {}\n{}", fix.title, fixed.replace('\r', "⏎")));
}

#[test]
fn creates_the_volumes_key_in_block_style() {
    check(
        "spec:\n  containers:\n    - name: c\n      volumeMounts:\n        - name: data\n          mountPath: /d\n  restartPolicy: Never # keep\n",
        expect![[r#"
            ## Add volume `data` (emptyDir: {})
            spec:
              containers:
                - name: c
                  volumeMounts:
                    - name: data
                      mountPath: /d
              restartPolicy: Never # keep
              volumes:
                - name: data
                  emptyDir: {}
        "#]],
    );
    check(
        "spec:\n    containers:\n    - name: c\n      volumeMounts:\n      - name: data\n        mountPath: /d\n",
        expect![[r#"
            ## Add volume `data` (emptyDir: {})
            spec:
                containers:
                - name: c
                  volumeMounts:
                  - name: data
                    mountPath: /d
                volumes:
                - name: data
                  emptyDir: {}
        "#]],
    );
}

#[test]
fn appends_to_an_existing_list() {
    check(
        "spec:\n  containers:\n  - name: c\n  volumes:\n  - name: cache\n    emptyDir: {}\n  # the end\n",
        expect![[r#"
            ## Add volume `data` (emptyDir: {})
            spec:
              containers:
              - name: c
              volumes:
              - name: cache
                emptyDir: {}
              - name: data
                emptyDir: {}
              # the end
        "#]],
    );
    check(
        "spec:\n  volumes:\n      -   name: cache\n          hostPath: {path: /x}\n  containers: []\n",
        expect![[r#"
            ## Add volume `data` (emptyDir: {})
            spec:
              volumes:
                  -   name: cache
                      hostPath: {path: /x}
                  -   name: data
                      emptyDir: {}
              containers: []
        "#]],
    );
    check(
        "spec:\n  volumes: []\n  containers: []\n",
        expect![[r#"
        ## Add volume `data` (emptyDir: {})
        spec:
          volumes: [{name: data, emptyDir: {}}]
          containers: []
    "#]],
    );
    check(
        "spec:\n  volumes: [{name: a, emptyDir: {}}]\n",
        expect![[r#"
        ## Add volume `data` (emptyDir: {})
        spec:
          volumes: [{name: a, emptyDir: {}}, {name: data, emptyDir: {}}]
    "#]],
    );
    check(
        "spec:\n  volumes:\n  containers: []\n",
        expect![[r#"
        ## Add volume `data` (emptyDir: {})
        spec:
          volumes:
            - name: data
              emptyDir: {}
          containers: []
    "#]],
    );
    check(
        "spec:\n  volumes: null\n",
        expect![[r#"
        ## Add volume `data` (emptyDir: {})
        spec:
          volumes: [{name: data, emptyDir: {}}]
    "#]],
    );
}

#[test]
fn flow_json_crlf_and_later_documents() {
    check(
        "spec: {containers: [{name: c}]}\n",
        expect![[r#"
        ## Add volume `data` (emptyDir: {})
        spec: {containers: [{name: c}], volumes: [{name: data, emptyDir: {}}]}
    "#]],
    );
    check(
        "{\"apiVersion\": \"v1\", \"spec\": {\"containers\": [{\"name\": \"c\"}]}}\n",
        expect![[r###"
            ## Add volume `data` (emptyDir: {})
            {"apiVersion": "v1", "spec": {"containers": [{"name": "c"}], "volumes": [{"name": "data", "emptyDir": {}}]}}
        "###]],
    );
    check(
        "{\"spec\": {\"volumes\": [{\"name\": \"a\", \"emptyDir\": {}}]}}",
        expect![[r###"
            ## Add volume `data` (emptyDir: {})
            {"spec": {"volumes": [{"name": "a", "emptyDir": {}}, {"name": "data", "emptyDir": {}}]}}"###]],
    );
    check(
        "spec:\r\n  containers:\r\n  - name: c\r\n",
        expect![[r#"
        ## Add volume `data` (emptyDir: {})
        spec:⏎
          containers:⏎
          - name: c⏎
          volumes:⏎
          - name: data⏎
            emptyDir: {}⏎
    "#]],
    );
    check(
        "kind: Pod\n---\nspec:\n  containers:\n  - name: c\n---\n",
        expect![[r#"
        ## Add volume `data` (emptyDir: {})
        kind: Pod
        ---
        spec:
          containers:
          - name: c
          volumes:
          - name: data
            emptyDir: {}
        ---
    "#]],
    );
}
