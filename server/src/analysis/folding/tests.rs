//! Folds as `first-last kind: collapsed text` (1-based lines).

use expect_test::{Expect, expect};

use super::{FoldKind, folding_ranges};
use crate::analysis::Inputs;
use crate::syntax::{LineIndex, parse};

fn check(text: &str, expected: Expect) {
    let lines = LineIndex::new(text);
    let out: String = folding_ranges(&Inputs::default(), text, &parse(text))
        .iter()
        .map(|f| {
            let kind = match f.kind {
                FoldKind::Region => "region",
                FoldKind::Comment => "comment",
            };
            format!(
                "{}-{} {kind}: {}\n",
                lines.line_of(f.range.start) + 1,
                lines.line_of(f.range.end) + 1,
                f.collapsed
            )
        })
        .collect();
    expected.assert_eq(&out);
}

#[test]
fn mappings_lists_block_scalars_and_comment_runs() {
    check(
        "# A web server
# with a sidecar
apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
  - name: app
    image: nginx
    command:
    - sh
    - -c
    args:
    - |
      echo hello
      # not a comment: text of the script
      exec nginx
  - name: one-line
  volumes: [{name: a, emptyDir: {}},
    {name: b, emptyDir: {}}]
",
        expect![[r#"
            1-2 comment: # A web server … 2 lines
            5-6 region: metadata: … 1 key
            7-21 region: spec: … 2 keys
            8-19 region: containers: … 2 items
            9-18 region: - name: app … 4 keys
            11-13 region: command: … 2 items
            14-18 region: args: … 1 item
            15-18 region: - | … 3 lines
            20-21 region: volumes: [{name: a, emptyDir: {}}, … 2 items
        "#]],
    );
}

#[test]
fn each_document_of_several_folds() {
    check(
        "apiVersion: v1
kind: Pod
spec:
  containers: []
---
{apiVersion: v1,
 kind: Pod}
",
        expect![[r#"
            1-4 region: apiVersion: v1 … 3 keys
            3-4 region: spec: … 1 key
            6-7 region: {apiVersion: v1, … 2 keys
        "#]],
    );
}
