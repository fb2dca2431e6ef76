//! Every offered fix is applied and the document checked again: it still parses, and the diagnostic it
//! fixes is gone. Snapshots show the fixed text of each fix.

use expect_test::{Expect, expect};

use super::super::{Code, Inputs, diagnostics};
use crate::analysis::diagnostics::fixes;
use crate::syntax::{TextRange, parse};

fn apply(text: &str, edits: &[(TextRange, String)]) -> String {
    crate::syntax::apply_edits(text, edits)
}

/// Applies each fix of the whole document; asserts it resolves its diagnostic without breaking the YAML.
/// Returns each fix with the fixed text.
fn verified(text: &str) -> Vec<(crate::analysis::Fix, String)> {
    let file = parse(text);
    let inputs = Inputs::default();
    let before = diagnostics(&inputs, text, &file);
    let mut out = Vec::new();
    for fix in fixes(&before, TextRange::new(0, text.len())) {
        let fixed = apply(text, &fix.edits);
        let after = diagnostics(&inputs, &fixed, &parse(&fixed));
        assert!(
            !after.iter().any(|d| d.code == Code::YamlSyntax)
                || before.iter().any(|d| d.code == Code::YamlSyntax),
            "`{}` broke the YAML:\n{fixed}",
            fix.title
        );
        let count = |found: &[crate::analysis::Diagnostic]| {
            found
                .iter()
                .filter(|d| d.code == fix.code && d.message == fix.message)
                .count()
        };
        assert!(
            count(&after) < count(&before),
            "`{}` left its diagnostic `{}` in place:\n{fixed}",
            fix.title,
            fix.message
        );
        out.push((fix, fixed));
    }
    out
}

fn heading(fix: &crate::analysis::Fix) -> String {
    let preferred = if fix.preferred { " (preferred)" } else { "" };
    format!("## {}{preferred}\n", fix.title)
}

/// Snapshots the title and the fixed text of each fix.
fn check(text: &str, expect: Expect) {
    let mut out = String::new();
    for (fix, fixed) in verified(text) {
        out.push_str(&heading(&fix));
        out.push_str(&fixed);
    }
    expect.assert_eq(&out);
}

/// Snapshots the title of each fix and the lines it changes (`-` before, `+` after).
pub(super) fn check_changes(text: &str, expect: Expect) {
    let mut out = String::new();
    for (fix, fixed) in verified(text) {
        out.push_str(&heading(&fix));
        let (old, new): (Vec<&str>, Vec<&str>) = (text.lines().collect(), fixed.lines().collect());
        let same_start = old.iter().zip(&new).take_while(|(a, b)| a == b).count();
        let same_end = old[same_start..]
            .iter()
            .rev()
            .zip(new[same_start..].iter().rev())
            .take_while(|(a, b)| a == b)
            .count();
        for line in &old[same_start..old.len() - same_end] {
            out.push_str(&format!("-{line}\n"));
        }
        for line in &new[same_start..new.len() - same_end] {
            out.push_str(&format!("+{line}\n"));
        }
    }
    expect.assert_eq(&out);
}

#[test]
fn replaces_keys_and_values_and_unquotes() {
    check_changes(
        "apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\n  lables: {}\nspec:\n  restartPolicy: Nevr\n  hostNetwork: yes\n  containers:\n  - name: c\n    image: nginx:1\n    ports:\n    - containerPort: \"8080\"\n      protocol: tcp\n",
        expect![[r###"
            ## Change `lables` to `labels` (preferred)
            -  lables: {}
            +  labels: {}
            ## Change to `Never` (preferred)
            -  restartPolicy: Nevr
            +  restartPolicy: Never
            ## Change to `Always`
            -  restartPolicy: Nevr
            +  restartPolicy: Always
            ## Change to `OnFailure`
            -  restartPolicy: Nevr
            +  restartPolicy: OnFailure
            ## Write `true` (preferred)
            -  hostNetwork: yes
            +  hostNetwork: true
            ## Write `8080` without quotes (preferred)
            -    - containerPort: "8080"
            +    - containerPort: 8080
            ## Change to `TCP` (preferred)
            -      protocol: tcp
            +      protocol: TCP
            ## Change to `SCTP`
            -      protocol: tcp
            +      protocol: SCTP
            ## Change to `UDP`
            -      protocol: tcp
            +      protocol: UDP
        "###]],
    );
}

#[test]
fn removes_duplicate_keys() {
    check(
        "apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\nspec:\n  containers:\n  - name: c\n    image: nginx:1\n    image: nginx:2\n  restartPolicy: Never\n",
        expect![[r#"
            ## Remove the duplicate `image`
            apiVersion: v1
            kind: Pod
            metadata:
              name: a
            spec:
              containers:
              - name: c
                image: nginx:1
              restartPolicy: Never
        "#]],
    );
}

#[test]
fn adds_missing_fields_at_the_right_indentation() {
    check(
        "kind: Pod\nmetadata:\nspec:\n  containers:\n    - name: c\n      ports:\n        - name: http  # the web port\n",
        expect![[r#"
            ## Add `apiVersion` (preferred)
            apiVersion: v1
            kind: Pod
            metadata:
            spec:
              containers:
                - name: c
                  ports:
                    - name: http  # the web port
            ## Add `name` (preferred)
            kind: Pod
            metadata:
              name: change-me
            spec:
              containers:
                - name: c
                  ports:
                    - name: http  # the web port
            ## Add `image` (preferred)
            kind: Pod
            metadata:
            spec:
              containers:
                - name: c
                  ports:
                    - name: http  # the web port
                  image: change-me
            ## Add `containerPort` (preferred)
            kind: Pod
            metadata:
            spec:
              containers:
                - name: c
                  ports:
                    - name: http  # the web port
                      containerPort: 1
        "#]],
    );
    check(
        "apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\nspec:\n  hostNetwork: true\n",
        expect![[r#"
        ## Add `containers` (preferred)
        apiVersion: v1
        kind: Pod
        metadata:
          name: a
        spec:
          hostNetwork: true
          containers:
            - name: change-me
              image: change-me
    "#]],
    );
}

#[test]
fn fixes_json_documents() {
    check(
        r#"{"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "a", "lables": {}}, "spec": {"containers": [{"name": "c"}]}}
"#,
        expect![[r###"
            ## Change `lables` to `labels` (preferred)
            {"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "a", "labels": {}}, "spec": {"containers": [{"name": "c"}]}}
            ## Add `image` (preferred)
            {"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "a", "lables": {}}, "spec": {"containers": [{"name": "c", "image": "change-me"}]}}
        "###]],
    );
}

/// A Pod with one container `web`: `container` is added to the container's lines, `spec` to the spec's.
pub(super) fn pod(container: &str, spec: &str) -> String {
    format!(
        "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: web\n      image: nginx:1.27\n{container}{spec}"
    )
}

mod references;
mod values;
