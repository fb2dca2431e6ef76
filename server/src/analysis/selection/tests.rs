//! Each `$0` cursor's selection chain, innermost first, as the text of each range (one line per range,
//! line breaks shown as ⏎).

use expect_test::{Expect, expect};

use super::selection_ranges;
use crate::analysis::fixture::cursors;
use crate::syntax::parse;

fn check(fixture: &str, expected: Expect) {
    let (text, offsets) = cursors(fixture);
    let file = parse(&text);
    let mut out = String::new();
    for offset in offsets {
        out.push_str("cursor\n");
        for range in selection_ranges(&text, &file, offset) {
            out.push_str(&format!(
                "  {}\n",
                text[range.as_range()].replace('\n', "⏎")
            ));
        }
    }
    expected.assert_eq(&out);
}

#[test]
fn from_a_value_out_to_the_document_in_block_style() {
    check(
        "apiVersion: v1
kind: Pod
spec:
  containers:
  - name: app
    image: \"ngi$0nx:1.27\"
    ports:
    - contain$0erPort: 80
",
        expect![[r#"
            cursor
              nginx:1.27
              "nginx:1.27"
              image: "nginx:1.27"
              name: app⏎    image: "nginx:1.27"⏎    ports:⏎    - containerPort: 80
              - name: app⏎    image: "nginx:1.27"⏎    ports:⏎    - containerPort: 80
              containers:⏎  - name: app⏎    image: "nginx:1.27"⏎    ports:⏎    - containerPort: 80
              spec:⏎  containers:⏎  - name: app⏎    image: "nginx:1.27"⏎    ports:⏎    - containerPort: 80
              apiVersion: v1⏎kind: Pod⏎spec:⏎  containers:⏎  - name: app⏎    image: "nginx:1.27"⏎    ports:⏎    - containerPort: 80
            cursor
              containerPort
              containerPort: 80
              - containerPort: 80
              ports:⏎    - containerPort: 80
              name: app⏎    image: "nginx:1.27"⏎    ports:⏎    - containerPort: 80
              - name: app⏎    image: "nginx:1.27"⏎    ports:⏎    - containerPort: 80
              containers:⏎  - name: app⏎    image: "nginx:1.27"⏎    ports:⏎    - containerPort: 80
              spec:⏎  containers:⏎  - name: app⏎    image: "nginx:1.27"⏎    ports:⏎    - containerPort: 80
              apiVersion: v1⏎kind: Pod⏎spec:⏎  containers:⏎  - name: app⏎    image: "nginx:1.27"⏎    ports:⏎    - containerPort: 80
        "#]],
    );
}

#[test]
fn flow_style_and_the_second_document() {
    check(
        "kind: Pod
---
{kind: Pod, spec: {containers: [{name: a$0pp, image: nginx}]}}
",
        expect![[r#"
            cursor
              app
              name: app
              {name: app, image: nginx}
              [{name: app, image: nginx}]
              containers: [{name: app, image: nginx}]
              {containers: [{name: app, image: nginx}]}
              spec: {containers: [{name: app, image: nginx}]}
              {kind: Pod, spec: {containers: [{name: app, image: nginx}]}}
              ---⏎{kind: Pod, spec: {containers: [{name: app, image: nginx}]}}
        "#]],
    );
}
