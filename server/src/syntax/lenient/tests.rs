//! One test per construct Go YAML (kubectl) accepts and yaml-rust2 alone refuses: each parses with the
//! value Go reads, exact ranges, and one `yaml-lenient` warning; what Go refuses too stays an error.

use expect_test::{Expect, expect};

use crate::syntax::parse;
use crate::syntax::tests::{alike_with_every_line_break, dump};

/// The tree, then each warning with the text it covers.
fn check(text: &str, expect: Expect) {
    expect.assert_eq(&alike_with_every_line_break(text, tree_and_warnings));
}

fn tree_and_warnings(text: &str) -> String {
    let file = parse(text);
    let mut out = dump(text);
    for doc in &file.documents {
        for warning in &doc.warnings {
            out.push_str(&format!(
                "  warning {:?} {}\n",
                &text[warning.range.as_range()],
                warning.message.render(crate::messages::Locale::En)
            ));
        }
    }
    out
}

#[test]
fn a_double_quoted_item_continued_left_of_its_dash() {
    check(
        "command:\n    - sh\n    - \"echo a &&\n  echo b\"\nnext: 1\n",
        expect![[r#"
            document "command:\n    - sh\n    - \"echo a &&\n  echo b\"\nnext: 1\n"
              mapping "command:\n    - sh\n    - \"echo a &&\n  echo b\"\nnext: 1"
                "command" "command"
                  sequence "- sh\n    - \"echo a &&\n  echo b\""
                    "sh" "sh"
                    "echo a && echo b" "\"echo a &&\n  echo b\""
                "next" "next"
                  "1" "1"
              warning "\"echo a &&\n  " this quoted string continues on lines not indented more than its key: Kubernetes (Go YAML) accepts it, other YAML tools reject the file; indent its continuation lines past the key
        "#]],
    );
}

#[test]
fn a_single_quoted_value_continued_at_column_zero() {
    check(
        "env:\n  - name: A\n    value: 'it''s\nhere'\n",
        expect![[r#"
            document "env:\n  - name: A\n    value: 'it''s\nhere'\n"
              mapping "env:\n  - name: A\n    value: 'it''s\nhere'"
                "env" "env"
                  sequence "- name: A\n    value: 'it''s\nhere'"
                    mapping "name: A\n    value: 'it''s\nhere'"
                      "name" "name"
                        "A" "A"
                      "value" "value"
                        "it's here" "'it''s\nhere'"
              warning "'it''s\n" this quoted string continues on lines not indented more than its key: Kubernetes (Go YAML) accepts it, other YAML tools reject the file; indent its continuation lines past the key
        "#]],
    );
}

#[test]
fn a_quoted_string_whose_continuation_is_indented_by_a_tab() {
    check(
        "a:\n  b: \"x\n\ty\"\n",
        expect![[r#"
        document "a:\n  b: \"x\n\ty\"\n"
          mapping "a:\n  b: \"x\n\ty\""
            "a" "a"
              mapping "b: \"x\n\ty\""
                "b" "b"
                  "x y" "\"x\n\ty\""
          warning "\"x\n\t" this quoted string continues on lines not indented more than its key: Kubernetes (Go YAML) accepts it, other YAML tools reject the file; indent its continuation lines past the key
    "#]],
    );
}

#[test]
fn blank_lines_and_escapes_fold_as_go_folds_them() {
    check(
        "a:\n  - \"one\\\n two\n\n three \\'x\\'\"\n",
        expect![[r#"
            document "a:\n  - \"one\\\n two\n\n three \\'x\\'\"\n"
              mapping "a:\n  - \"one\\\n two\n\n three \\'x\\'\""
                "a" "a"
                  sequence "- \"one\\\n two\n\n three \\'x\\'\""
                    "onetwo\nthree 'x'" "\"one\\\n two\n\n three \\'x\\'\""
              warning "\\'" `\'` is not an escape in YAML double-quoted strings: Kubernetes (Go YAML) reads it as `'`, but other YAML tools reject the file; write `'` without the backslash
              warning "\\'" `\'` is not an escape in YAML double-quoted strings: Kubernetes (Go YAML) reads it as `'`, but other YAML tools reject the file; write `'` without the backslash
              warning "\"one\\\n " this quoted string continues on lines not indented more than its key: Kubernetes (Go YAML) accepts it, other YAML tools reject the file; indent its continuation lines past the key
        "#]],
    );
}

#[test]
fn a_flow_sequence_item_left_of_its_key() {
    check(
        "spec:\n  args: [\"a\",\n\"b\", # two\n c]\n  x: 1\n",
        expect![[r#"
            document "spec:\n  args: [\"a\",\n\"b\", # two\n c]\n  x: 1\n"
              mapping "spec:\n  args: [\"a\",\n\"b\", # two\n c]\n  x: 1"
                "spec" "spec"
                  mapping "args: [\"a\",\n\"b\", # two\n c]\n  x: 1"
                    "args" "args"
                      sequence flow "[\"a\",\n\"b\", # two\n c]"
                        "a" "\"a\""
                        "b" "\"b\""
                        "c" "c"
                    "x" "x"
                      "1" "1"
              warning "\"b\"," this line inside `[ ]` or `{ }` is not indented more than the key above it: Kubernetes (Go YAML) accepts it, other YAML tools reject the file; indent it past the key
              warning "c]" this line inside `[ ]` or `{ }` is not indented more than the key above it: Kubernetes (Go YAML) accepts it, other YAML tools reject the file; indent it past the key
        "#]],
    );
}

#[test]
fn a_flow_mapping_continued_left_of_its_key() {
    check(
        "env:\n  - {name: A,\n  value: b}\n",
        expect![[r#"
            document "env:\n  - {name: A,\n  value: b}\n"
              mapping "env:\n  - {name: A,\n  value: b}"
                "env" "env"
                  sequence "- {name: A,\n  value: b}"
                    mapping flow "{name: A,\n  value: b}"
                      "name" "name"
                        "A" "A"
                      "value" "value"
                        "b" "b"
              warning "value: b}" this line inside `[ ]` or `{ }` is not indented more than the key above it: Kubernetes (Go YAML) accepts it, other YAML tools reject the file; indent it past the key
        "#]],
    );
}

#[test]
fn what_go_yaml_refuses_too_stays_an_error() {
    // A document marker inside a quoted string, and a quoted key on two lines.
    for text in ["a:\n  b: \"x\n---\n y\"\n", "a:\n  \"b\n c\": 1\n"] {
        let doc = &parse(text).documents[0];
        assert!(!doc.errors.is_empty(), "{text:?}");
    }
}

#[test]
fn merge_keys_bring_the_aliased_entries_the_mapping_does_not_write() {
    // The mapping's own `name` wins; from two aliases, the first that has a key.
    check(
        "a: &a {name: x, image: i, port: 1}\nb: &b {port: 2, tty: true}\nc:\n  <<: [*a, *b]\n  name: y\n",
        expect![[r#"
            document "a: &a {name: x, image: i, port: 1}\nb: &b {port: 2, tty: true}\nc:\n  <<: [*a, *b]\n  name: y\n"
              mapping "a: &a {name: x, image: i, port: 1}\nb: &b {port: 2, tty: true}\nc:\n  <<: [*a, *b]\n  name: y"
                "a" "a"
                  mapping flow "{name: x, image: i, port: 1}"
                    "name" "name"
                      "x" "x"
                    "image" "image"
                      "i" "i"
                    "port" "port"
                      "1" "1"
                "b" "b"
                  mapping flow "{port: 2, tty: true}"
                    "port" "port"
                      "2" "2"
                    "tty" "tty"
                      "true" "true"
                "c" "c"
                  mapping "<<: [*a, *b]\n  name: y"
                    "name" "name"
                      "y" "y"
                    "image" "image"
                      "i" "i"
                    "port" "port"
                      "1" "1"
                    "tty" "tty"
                      "true" "true"
              warning "<<" `<<` merges the aliased mapping here (a YAML 1.1 merge key): Kubernetes (Go YAML) applies it, YAML 1.2 tools read `<<` as a key; write the fields out to be portable
        "#]],
    );
    // `<<` naming a scalar is no merge: Go refuses it, and it stays a key here.
    let doc = &parse("a: &a x\nb:\n  <<: *a\n").documents[0];
    assert!(doc.warnings.is_empty(), "{:?}", doc.warnings);
}
