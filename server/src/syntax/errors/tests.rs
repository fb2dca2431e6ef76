//! Each broken text and what the user is told: the line:column and text the error covers, the message, and
//! the text after each repair (which must parse past the mistake). `UPDATE_EXPECT=1` rewrites snapshots.

use expect_test::{Expect, expect};

use crate::syntax::tests::alike_with_every_line_break;
use crate::syntax::{LineIndex, apply_edits, parse};

fn check(text: &str, expect: Expect) {
    expect.assert_eq(&alike_with_every_line_break(text, explained));
}

/// Each error at its line:column, and the text after each of its repairs.
fn explained(text: &str) -> String {
    let file = parse(text);
    let lines = LineIndex::new(text);
    let mut out = String::new();
    for error in file.documents.iter().flat_map(|doc| &doc.errors) {
        let line = lines.line_of(error.range.start);
        out.push_str(&format!(
            "{}:{} {:?}: {}\n",
            line + 1,
            lines.char_col(text, error.range.start) + 1,
            &text[error.range.as_range()],
            error.message.render(crate::messages::Locale::En)
        ));
        for repair in &error.repairs {
            let fixed = apply_edits(text, &repair.edits);
            let after = parse(&fixed);
            let still: Vec<_> = after.documents.iter().flat_map(|d| &d.errors).collect();
            assert!(
                still.iter().all(|e| e.range.start > error.range.end),
                "`{}` did not repair {text:?}: {fixed:?} still has {still:?}",
                repair.title.render(crate::messages::Locale::En)
            );
            out.push_str(&format!(
                "  ## {}\n",
                repair.title.render(crate::messages::Locale::En)
            ));
            let mut lines: Vec<&str> = crate::syntax::lines::split(&fixed).collect();
            if lines.last() == Some(&"") {
                lines.pop();
            }
            for line in lines {
                out.push_str(&format!("  {line}\n"));
            }
        }
    }
    out
}

#[test]
fn missing_space_after_colon() {
    check(
        "probe:\n  initialDelaySeconds:5\n  periodSeconds: 3\n",
        expect![[r#"
        2:3 "initialDelaySeconds:5": missing space after `:` in `initialDelaySeconds:5`: YAML reads it as one word, not as a key and its value
          ## Insert a space after `:`
          probe:
            initialDelaySeconds: 5
            periodSeconds: 3
    "#]],
    );
    check(
        "probe:\n  periodSeconds: 3\n  initialDelaySeconds:5\nnext: {}\n",
        expect![[r#"
        3:3 "initialDelaySeconds:5": missing space after `:` in `initialDelaySeconds:5`: YAML reads it as one word, not as a key and its value
          ## Insert a space after `:`
          probe:
            periodSeconds: 3
            initialDelaySeconds: 5
          next: {}
    "#]],
    );
    check(
        "metadata:\n  name: a\n  namespace:b\n",
        expect![[r#"
        3:3 "namespace:b": missing space after `:` in `namespace:b`: YAML reads it as one word, not as a key and its value
          ## Insert a space after `:`
          metadata:
            name: a
            namespace: b
    "#]],
    );
    check(
        "probe:\n  initialDelaySeconds:5\n  periodSeconds:3\n  timeoutSeconds: 1\n",
        expect![[r#"
        2:3 "initialDelaySeconds:5": missing space after `:` in `initialDelaySeconds:5`: YAML reads it as one word, not as a key and its value (and on the line below)
          ## Insert a space after `:`
          probe:
            initialDelaySeconds: 5
            periodSeconds: 3
            timeoutSeconds: 1
    "#]],
    );
    check(
        "ports:\n- name:http\n  containerPort: 80\n",
        expect![[r#"
        2:3 "name:http": missing space after `:` in `name:http`: YAML reads it as one word, not as a key and its value
          ## Insert a space after `:`
          ports:
          - name: http
            containerPort: 80
    "#]],
    );
    check(
        "metadata:\n  \"name\":a\n",
        expect![[r#"
        2:3 "\"name\":a": missing space after `:` in `"name":a`: YAML reads it as one word, not as a key and its value
          ## Insert a space after `:`
          metadata:
            "name": a
    "#]],
    );
}

#[test]
fn missing_colon() {
    check(
        "metadata:\n  name: x\n  labels\n    app: y\nspec: {}\n",
        expect![[r#"
        3:3 "labels": missing `:` after `labels` (a key is written `labels: value`, or `labels:` with its value below)
          ## Write `labels:`
          metadata:
            name: x
            labels:
              app: y
          spec: {}
    "#]],
    );
    check(
        "kind: Pod\nspec\n",
        expect![[r#"
        2:1 "spec": missing `:` after `spec` (a key is written `spec: value`, or `spec:` with its value below)
          ## Write `spec:`
          kind: Pod
          spec:
    "#]],
    );
    check(
        "metadata:\n  labels # the labels\n    app: b\n",
        expect![[r#"
        2:3 "labels": missing `:` after `labels` (a key is written `labels: value`, or `labels:` with its value below)
          ## Write `labels:`
          metadata:
            labels: # the labels
              app: b
    "#]],
    );
}

#[test]
fn tabs() {
    check(
        "spec:\n\tcontainers: []\n",
        expect![[r#"
        2:1 "\t": a tab indents this line: YAML indentation must be spaces
    "#]],
    );
    check(
        "env:\n    - name: a\n      value: b\n\tenv: []\n",
        expect![[r#"
        4:1 "\t": a tab indents this line: YAML indentation must be spaces
    "#]],
    );
    check(
        "name:\ta\n",
        expect![[r#"
        1:6 "\t": a tab after `:` where YAML needs a space
          ## Replace the tab with a space
          name: a
    "#]],
    );
}

/// Found by the `fix_all` fuzz target: yaml-rust2 reads a NUL as the end of the input, so what followed it
/// went unread without an error, and `--fix` added the `containers` it could not see on every pass.
#[test]
fn a_nul_character_is_an_error_and_its_repair_removes_every_one() {
    check(
        "spec:\n  a: 1\0\n  b: \"2\0\"\n",
        expect![[r#"
        2:7 "\0": a NUL character (U+0000): YAML does not allow it, and nothing after it would be read; remove it
          ## Remove the NUL characters
          spec:
            a: 1
            b: "2"
    "#]],
    );
    check(
        "spec: \"x\0\"\n",
        expect![[r#"
        1:9 "\0": a NUL character (U+0000): YAML does not allow it, and nothing after it would be read; remove it
          ## Remove the NUL characters
          spec: "x"
    "#]],
    );
    check(
        "spec: [a\n  b: 1\0\n",
        expect![[r#"
        1:7 "[a": this `[` is never closed: add `]` after its last entry
    "#]],
    );
}

#[test]
fn quotes() {
    check(
        "metadata:\n  name: \"abc\n",
        expect![[r#"
        2:9 "\"abc": this string has no closing `"`: end it with `"`
          ## Close the string with `"`
          metadata:
            name: "abc"
    "#]],
    );
    check(
        "metadata:\n  name: 'abc\n  labels: {}\n",
        expect![[r#"
        2:9 "'abc": this string has no closing `'`: end it with `'`
          ## Close the string with `'`
          metadata:
            name: 'abc'
            labels: {}
    "#]],
    );
    check(
        "metadata:\n  name: \"ab\" c\n",
        expect![[r#"
        2:14 "c": `c` comes after the closing `"` of the value: put it inside the quotes or remove it
          ## Put `c` inside the quotes
          metadata:
            name: "ab c"
    "#]],
    );
    check(
        "path: \"C:\\temp\\qx\"\n",
        expect![[r#"
        1:15 "\\q": `\q` is not an escape in a double-quoted string: write `\\q` for a backslash, or use single quotes
          ## Double the backslash
          path: "C:\temp\\qx"
    "#]],
    );
}

#[test]
fn brackets_and_commas() {
    check(
        "labels: {a: b\n",
        expect![[r#"
        1:9 "{a: b": this `{` is never closed: add `}` after its last entry
          ## Insert `}`
          labels: {a: b}
    "#]],
    );
    check(
        "labels: {a: b\nspec: {}\n",
        expect![[r#"
        1:9 "{a: b": this `{` is never closed: add `}` after its last entry
          ## Insert `}`
          labels: {a: b}
          spec: {}
    "#]],
    );
    check(
        "labels: [a, b\n  x: 1\n",
        expect![[r#"
        1:9 "[a, b": this `[` is never closed: add `]` after its last entry
    "#]],
    );
    check(
        "labels: {a: b]\n",
        expect![[r#"
        1:14 "]": `]` cannot close a `{`: write `}`
          ## Change `]` to `}`
          labels: {a: b}
    "#]],
    );
    check(
        "labels: [a, {b: 1]\n",
        expect![[r#"
        1:18 "]": missing `}` before `]`: the `{` before it is not closed
          ## Insert `}`
          labels: [a, {b: 1}]
    "#]],
    );
    check(
        "labels: {a: b}}\n",
        expect![[r#"
        1:15 "}": `}` closes nothing here: remove it
          ## Remove `}`
          labels: {a: b}
    "#]],
    );
    check(
        "labels: {a: 1 b: 2}\n",
        expect![[r#"
        1:15 "b": missing `,` before `b`: entries of a `{ }` or `[ ]` are separated by commas
          ## Insert `,`
          labels: {a: 1, b: 2}
    "#]],
    );
    check(
        "labels: {a: 1\n  b: 2}\n",
        expect![[r#"
        2:3 "b": missing `,` before `b`: entries of a `{ }` or `[ ]` are separated by commas
          ## Insert `,`
          labels: {a: 1,
            b: 2}
    "#]],
    );
    check(
        "labels: {a: 1,, b: 2}\n",
        expect![[r#"
        1:15 ",": an empty entry: two `,` in a row (or a `,` right after the bracket); remove this one
          ## Remove the extra `,`
          labels: {a: 1, b: 2}
    "#]],
    );
    check(
        "spec: {containers: [{name: a, image: b}\n",
        expect![[r#"
        1:20 "[{name: a, image: b}": this `[` is never closed: add `]}` after its last entry
          ## Insert `]}`
          spec: {containers: [{name: a, image: b}]}
    "#]],
    );
    // Go YAML reads no indentation inside `{ }` (a lenient warning); never closed, it is an error.
    check("labels: {\na: 1}\n", expect![""]);
    check("spec:\n  labels: {a: 1,\nb: 2}\n", expect![""]);
    // Closed, but another bracket is not: Go YAML refuses the document, and this line is one reason.
    check(
        "spec:\n  labels: {a: 1,\nb: 2}\n  list: [a\n",
        expect![[r#"
        3:1 "b: 2}": this line continues the `{` above and must be indented more than `labels`
    "#]],
    );
    check(
        "labels: {\na: 1\n",
        expect![[r#"
        1:9 "{": this `{` is never closed: add `}` after its last entry
          ## Insert `}`
          labels: {}
          a: 1
    "#]],
    );
    // A `{` never closed before the document goes on at a lower indentation: the missing `}` is the
    // mistake (the indentation message would send the reader to the wrong line).
    check(
        "spec:\n  resources: {limits: {cpu: 1}\n  restartPolicy: Always\n",
        expect![[r#"
            2:14 "{limits: {cpu: 1}": this `{` is never closed: add `}` after its last entry
              ## Insert `}`
              spec:
                resources: {limits: {cpu: 1}}
                restartPolicy: Always
        "#]],
    );
    check(
        "spec:\n  labels: {a: \"}\", b: '[x'\n  restartPolicy: Always # }\n",
        expect![[r#"
            2:11 "{a: \"}\", b: '[x'": this `{` is never closed: add `}` after its last entry
              ## Insert `}`
              spec:
                labels: {a: "}", b: '[x'}
                restartPolicy: Always # }
        "#]],
    );
}

#[test]
fn indentation() {
    check(
        "metadata:\n  name: a\n   labels: {}\n",
        expect![[r#"
        3:4 "labels: {}": `labels` is indented more than `name` above it, so YAML reads it as more of the value of `name`; indent it like `name`
          ## Indent `labels` like `name`
          metadata:
            name: a
            labels: {}
    "#]],
    );
    check(
        "metadata:\n  name: a\n labels: {}\n",
        expect![[r#"
        3:2 "labels: {}": `labels` is indented by 1 space, which lines it up with nothing above: the keys above are indented by 2 (`name`) or 0 (`metadata`)
          ## Indent `labels` like `name` (2 spaces)
          metadata:
            name: a
            labels: {}
          ## Indent `labels` like `metadata` (0 spaces)
          metadata:
            name: a
          labels: {}
    "#]],
    );
    check(
        "spec:\n  containers:\n    - name: a\n      image: b\n     ports: []\n",
        expect![[r#"
            5:6 "ports: []": `ports` is indented by 5 spaces, which lines it up with nothing above: the keys above are indented by 6 (`image`), 2 (`containers`) or 0 (`spec`)
              ## Indent `ports` like `image` (6 spaces)
              spec:
                containers:
                  - name: a
                    image: b
                    ports: []
              ## Indent `ports` like `containers` (2 spaces)
              spec:
                containers:
                  - name: a
                    image: b
                ports: []
        "#]],
    );
    check(
        "spec:\n  containers:\n    - name: a\n        image: b\n        ports:\n          - containerPort: 80\n",
        expect![[r#"
            4:9 "image: b": `image` is indented more than `name` above it, so YAML reads it as more of the value of `name`; indent it like `name`
              ## Indent `image` like `name`
              spec:
                containers:
                  - name: a
                    image: b
                    ports:
                      - containerPort: 80
        "#]],
    );
    check(
        "metadata:\n  name: a\n  - b\n",
        expect![[r#"
        3:3 "- b": a `- ` list item where the mapping above expects `key: value` lines: put the list under its key (`key:` then the `- ` lines, indented)
    "#]],
    );
    check(
        "metadata:\n  labels: |\n    a\n   b\n",
        expect![[r#"
        4:4 "b": this line is indented less than the `|` text of `labels` above it (4 spaces), so it is not part of that text; indent it by 4 spaces to continue the text
          ## Indent by 4 spaces
          metadata:
            labels: |
              a
              b
    "#]],
    );
    check(
        "metadata:\n  name: |\n  x\n",
        expect![[r#"
        3:3 "x": the text of a `|` block must be indented more than its key `name`
    "#]],
    );
}

#[test]
fn mistakes_in_values() {
    check(
        "metadata:\n  name: a: b\n",
        expect![[r#"
        2:10 ":": a second `: ` in the value of `name`: YAML cannot start a mapping inside a value on one line; put the value in quotes
          ## Put the value in quotes
          metadata:
            name: "a: b"
    "#]],
    );
    check(
        "metadata:\n  name: [a, b]: c\n",
        expect![[r#"
        2:15 ":": a second `: ` in the value of `name`: YAML cannot start a mapping inside a value on one line; put the value in quotes
    "#]],
    );
    check(
        "args: - a\n",
        expect![[r#"
        1:7 "- a": a `- ` list cannot start on the line of its key: put each `- ` item on its own line below, indented
          ## Move the item to the next line
          args:
            - a
    "#]],
    );
    check(
        "name: *nothing\n",
        expect![[r#"
        1:7 "*nothing": `*nothing` names no anchor: define `&nothing` on a value before this alias (in the same document)
    "#]],
    );
    check(
        "name: \"a\"#c\n",
        expect![[r##"
        1:10 "#": a `#` comment needs a space before it
          ## Insert a space before `#`
          name: "a" #c
    "##]],
    );
    check(
        "name: @a\n",
        expect![[r#"
        1:7 "@a": `@` cannot start a plain value (YAML reserves it): put the value in quotes
          ## Put the value in quotes
          name: "@a"
    "#]],
    );
    check(
        "name: `a`\n",
        expect![[r#"
        1:7 "`a`": a backtick cannot start a plain value (YAML reserves it): put the value in quotes
          ## Put the value in quotes
          name: "`a`"
    "#]],
    );
}

/// Every explanation reads the text around the error by byte offsets: one tricky character inserted at every
/// place of a few documents (multi-byte blanks and letters among them) must never panic, and every range and
/// repair edit must stay inside the text.
#[test]
fn any_single_mistake_is_explained_without_panicking() {
    let seeds = [
        "apiVersion: v1\nkind: Pod\nmetadata:\n  name: a # c\nspec:\n  containers:\n  - name: \"c\"\n    args: ['x', y]\n    command: |\n      run\n",
        "{ a: [1, {b: 'x'}], c: \"é\u{3000}\" }\n",
    ];
    let inserts = [
        ":", "\t", "\"", "'", "{", "}", "[", "]", ",", "- ", "#", "\u{3000}", "é", "\r", "|", "\\",
        "&", "*", "@", " ",
    ];
    for seed in seeds {
        let mut at = 0;
        while at <= seed.len() {
            for insert in inserts {
                let text = format!("{}{insert}{}", &seed[..at], &seed[at..]);
                for error in parse(&text).documents.iter().flat_map(|d| d.errors.clone()) {
                    assert!(error.range.end <= text.len(), "{text:?}: {error:?}");
                    for (range, _) in error.repairs.iter().flat_map(|r| &r.edits) {
                        assert!(range.end <= text.len(), "{text:?}: {error:?}");
                    }
                }
            }
            at += seed[at..].chars().next().map_or(1, char::len_utf8);
        }
    }
}

/// Found by the `edits` fuzz target: a text cut off after a key inside `[` had the braceless pair it opens
/// counted as a bracket never closed, with its range past the end of the text and `]]` to add.
#[test]
fn a_pair_in_a_flow_sequence_is_no_bracket() {
    check(
        "command: ['sh',aged-by:",
        expect![[r#"
            1:10 "['sh',aged-by:": this `[` is never closed: add `]` after its last entry
              ## Insert `]`
              command: ['sh',aged-by:]
        "#]],
    );
}
