//! Data-driven tests of the syntax layer: `$0` marks the cursor; expectations are snapshots
//! (`UPDATE_EXPECT=1 cargo test` rewrites them).

use expect_test::{Expect, expect};

use super::*;

/// What `render` shows of `text`, checked to be the same with every line break YAML knows: with each `\n`
/// written `\r\n`, and written as a lone `\r`, the text must render alike once every line break (raw or
/// escaped by `{:?}`) is written `\n` (positions shown as line:column, a cursor `$0` moving with its text).
pub(crate) fn alike_with_every_line_break(text: &str, render: impl Fn(&str) -> String) -> String {
    let lf = |out: String| {
        out.replace("\\r\\n", "\\n")
            .replace("\\r", "\\n")
            .replace("\r\n", "\n")
            .replace('\r', "\n")
    };
    let out = render(text);
    // A text with a `\r` already is a test of its own line breaks.
    if text.contains('\r') {
        return out;
    }
    let eols = ["\r\n", "\r"];
    for eol in eols {
        let other = render(&text.replace('\n', eol));
        assert_eq!(lf(other), lf(out.clone()), "{text:?} with {eol:?}");
    }
    out
}

/// Prints every node with the exact text its range covers, so a wrong end shows at once.
pub(crate) fn dump(text: &str) -> String {
    alike_with_every_line_break(text, dump_once)
}

fn dump_once(text: &str) -> String {
    let file = parse(text);
    let mut out = String::new();
    for doc in &file.documents {
        out.push_str(&format!("document {:?}\n", &text[doc.range.as_range()]));
        if let Some(root) = doc.root {
            dump_node(text, doc, root, 1, &mut out);
        }
        for error in &doc.errors {
            out.push_str(&format!(
                "  error {:?} {}\n",
                &text[error.range.as_range()],
                error.message.render(crate::messages::Locale::En)
            ));
        }
    }
    out
}

fn dump_node(text: &str, doc: &Document, id: NodeId, depth: usize, out: &mut String) {
    let node = doc.node(id);
    let pad = "  ".repeat(depth);
    let covered = &text[node.range.as_range()];
    match &node.kind {
        NodeKind::Mapping { entries, flow } => {
            out.push_str(&format!(
                "{pad}mapping{} {:?}\n",
                if *flow { " flow" } else { "" },
                covered
            ));
            for (key, value) in doc.entries_of(*entries).iter() {
                dump_node(text, doc, *key, depth + 1, out);
                dump_node(text, doc, *value, depth + 2, out);
            }
        }
        NodeKind::Sequence { items, flow } => {
            out.push_str(&format!(
                "{pad}sequence{} {:?}\n",
                if *flow { " flow" } else { "" },
                covered
            ));
            for item in doc.items_of(*items).iter() {
                dump_node(text, doc, *item, depth + 1, out);
            }
        }
        NodeKind::Scalar { value, null, .. } => {
            if *null {
                let at = line_column(text, node.range.start);
                out.push_str(&format!("{pad}null @{at}\n"));
            } else {
                let value = doc.text(*value);
                out.push_str(&format!("{pad}{value:?} {covered:?}\n"));
            }
        }
        NodeKind::Alias { target } => {
            let target = target.map(|t| line_column(text, doc.node(t).range.start));
            out.push_str(&format!("{pad}alias {covered:?} -> {target:?}\n"));
        }
        NodeKind::Unknown => out.push_str(&format!("{pad}unknown {covered:?}\n")),
    }
}

/// `line:column` of an offset, both 1-based, the column in bytes: the same place whatever the line breaks.
fn line_column(text: &str, at: usize) -> String {
    let lines = LineIndex::new(text);
    let line = lines.line_of(at);
    format!("{}:{}", line + 1, at - lines.line_start(line) + 1)
}

fn check_tree(text: &str, expect: Expect) {
    expect.assert_eq(&dump(text));
}

fn check_locate(fixture: &str, expect: Expect) {
    expect.assert_eq(&alike_with_every_line_break(fixture, locate_at_cursor));
}

fn locate_at_cursor(fixture: &str) -> String {
    let offset = fixture.find("$0").expect("fixture needs a $0 cursor");
    let text = fixture.replacen("$0", "", 1);
    let file = parse(&text);
    let doc = file.document_at(offset).unwrap();
    let context = locate(&text, doc, offset);
    format!(
        "{:?} {} {:?} siblings={:?}{}",
        context.slot,
        context.path,
        context.text(&text),
        context.siblings,
        if context.flow { " flow" } else { "" }
    )
}

#[test]
fn block_mapping_with_every_scalar_style() {
    check_tree(
        "a: 1\nb: \"x\\\"y\" # c\nc: 'it''s'\nd: plain words # comment\ne: |\n  é lit\n  more\n\nf: >-\n  folded\n  text\ng:\n",
        expect![[r#"
            document "a: 1\nb: \"x\\\"y\" # c\nc: 'it''s'\nd: plain words # comment\ne: |\n  é lit\n  more\n\nf: >-\n  folded\n  text\ng:\n"
              mapping "a: 1\nb: \"x\\\"y\" # c\nc: 'it''s'\nd: plain words # comment\ne: |\n  é lit\n  more\n\nf: >-\n  folded\n  text\ng:"
                "a" "a"
                  "1" "1"
                "b" "b"
                  "x\"y" "\"x\\\"y\""
                "c" "c"
                  "it's" "'it''s'"
                "d" "d"
                  "plain words" "plain words"
                "e" "e"
                  "é lit\nmore\n" "|\n  é lit\n  more"
                "f" "f"
                  "folded text" ">-\n  folded\n  text"
                "g" "g"
                  null @12:3
        "#]],
    );
}

#[test]
fn flow_style_with_comments_and_trailing_commas() {
    check_tree(
        "{ apiVersion: \"v1\", kind: Pod, # the kind\n  spec: { containers: [ { name: a, image: \"nginx\" }, ], },\n}\n",
        expect![[r#"
            document "{ apiVersion: \"v1\", kind: Pod, # the kind\n  spec: { containers: [ { name: a, image: \"nginx\" }, ], },\n}\n"
              mapping flow "{ apiVersion: \"v1\", kind: Pod, # the kind\n  spec: { containers: [ { name: a, image: \"nginx\" }, ], },\n}"
                "apiVersion" "apiVersion"
                  "v1" "\"v1\""
                "kind" "kind"
                  "Pod" "Pod"
                "spec" "spec"
                  mapping flow "{ containers: [ { name: a, image: \"nginx\" }, ], }"
                    "containers" "containers"
                      sequence flow "[ { name: a, image: \"nginx\" }, ]"
                        mapping flow "{ name: a, image: \"nginx\" }"
                          "name" "name"
                            "a" "a"
                          "image" "image"
                            "nginx" "\"nginx\""
        "#]],
    );
}

#[test]
fn documents_are_parsed_on_their_own() {
    check_tree(
        "a: [1\n---\nb: 2\n---\n# only a comment\n",
        expect![[r#"
            document "a: [1\n"
              mapping "a: [1\n"
                "a" "a"
                  sequence flow "[1\n"
                    "1" "1"
              error "[1" this `[` is never closed: add `]` after its last entry
            document "---\nb: 2\n"
              mapping "b: 2"
                "b" "b"
                  "2" "2"
            document "---\n# only a comment\n"
              null @6:1
        "#]],
    );
}

#[test]
fn aliases_point_at_their_anchor() {
    check_tree(
        "base: &b\n  x: 1\nother: *b\nlist: [*b, *b]\n",
        expect![[r#"
            document "base: &b\n  x: 1\nother: *b\nlist: [*b, *b]\n"
              mapping "base: &b\n  x: 1\nother: *b\nlist: [*b, *b]"
                "base" "base"
                  mapping "x: 1"
                    "x" "x"
                      "1" "1"
                "other" "other"
                  alias "*b" -> Some("2:3")
                "list" "list"
                  sequence flow "[*b, *b]"
                    alias "*b" -> Some("2:3")
                    alias "*b" -> Some("2:3")
        "#]],
    );
}

#[test]
fn missing_colon_is_reported_on_its_own_line() {
    check_tree(
        "metadata:\n  name: x\n  labels\n    app: y\nspec: {}\n",
        expect![[r#"
            document "metadata:\n  name: x\n  labels\n    app: y\nspec: {}\n"
              mapping "metadata:\n  name: x"
                "metadata" "metadata"
                  mapping "name: x"
                    "name" "name"
                      "x" "x"
              error "labels" missing `:` after `labels` (a key is written `labels: value`, or `labels:` with its value below)
        "#]],
    );
    check_tree(
        "kind: Pod\nspec\n",
        expect![[r#"
            document "kind: Pod\nspec\n"
              mapping "kind: Pod"
                "kind" "kind"
                  "Pod" "Pod"
              error "spec" missing `:` after `spec` (a key is written `spec: value`, or `spec:` with its value below)
        "#]],
    );
}

#[test]
fn crlf_and_multiline_plain_scalars() {
    check_tree(
        "a: one\r\n  two\r\nb: [x, y]\r\n",
        expect![[r#"
        document "a: one\r\n  two\r\nb: [x, y]\r\n"
          mapping "a: one\r\n  two\r\nb: [x, y]"
            "a" "a"
              "one two" "one\r\n  two"
            "b" "b"
              sequence flow "[x, y]"
                "x" "x"
                "y" "y"
    "#]],
    );
}

#[test]
fn sequences_of_mappings() {
    check_tree(
        "containers:\n- name: a\n  ports:\n    - containerPort: 80\n-\n- image: b\n",
        expect![[r#"
            document "containers:\n- name: a\n  ports:\n    - containerPort: 80\n-\n- image: b\n"
              mapping "containers:\n- name: a\n  ports:\n    - containerPort: 80\n-\n- image: b"
                "containers" "containers"
                  sequence "- name: a\n  ports:\n    - containerPort: 80\n-\n- image: b"
                    mapping "name: a\n  ports:\n    - containerPort: 80"
                      "name" "name"
                        "a" "a"
                      "ports" "ports"
                        sequence "- containerPort: 80"
                          mapping "containerPort: 80"
                            "containerPort" "containerPort"
                              "80" "80"
                    null @6:2
                    mapping "image: b"
                      "image" "image"
                        "b" "b"
        "#]],
    );
}

#[test]
fn locate_on_keys_and_values_in_a_parsed_tree() {
    check_locate(
        "spec:\n  containers:\n  - name: a\n    imagePull$0Policy: Always\n",
        expect![[r#"Key spec.containers[0].imagePullPolicy "imagePullPolicy" siblings=["name"]"#]],
    );
    check_locate(
        "spec:\n  containers:\n  - name: a\n    imagePullPolicy: Alw$0ays\n",
        expect![[r#"Value spec.containers[0].imagePullPolicy "Always" siblings=[]"#]],
    );
    check_locate(
        "spec:\n  containers:\n  - name: a\n    command: [sh, -c$0]\n",
        expect![[r#"Value spec.containers[0].command[1] "-c" siblings=[] flow"#]],
    );
    check_locate(
        "metadata:\n  labels:\n    app$0: web\n",
        expect![[r#"Key metadata.labels.app "app" siblings=[]"#]],
    );
    check_locate(
        "a: 1 # com$0ment\n",
        expect![[r#"Nothing  "" siblings=[]"#]],
    );
    check_locate(
        "a: |\n  some $0text\n",
        expect![[r#"Nothing  "" siblings=[]"#]],
    );
}

#[test]
fn locate_while_typing_by_indentation() {
    check_locate(
        "spec:\n  containers:\n  - name: a\n    imag$0\n",
        expect![[r#"Key spec.containers[0].imag "imag" siblings=["name"]"#]],
    );
    check_locate(
        "spec:\n  containers:\n  - name: a\n    $0\n    image: x\n",
        expect![[r#"Key spec.containers[0]. "" siblings=["image", "name"]"#]],
    );
    check_locate(
        "spec:\n  containers:\n  - name: a\n  - $0\n",
        expect![[r#"Key spec.containers[1]. "" siblings=[]"#]],
    );
    check_locate(
        "spec:\n  containers:\n    - name: a\n      ports:\n        - containerPort: 80\n        - $0\n",
        expect![[r#"Key spec.containers[0].ports[1]. "" siblings=[]"#]],
    );
    check_locate(
        "spec:\n  containers:\n  $0\n",
        expect![[r#"Key spec. "" siblings=["containers"]"#]],
    );
    check_locate(
        "metadata:\n  name: x\n$0",
        expect![[r#"Key  "" siblings=["metadata"]"#]],
    );
    check_locate(
        "metadata:\n  name: x\n      $0\n",
        expect![[r#"Nothing  "" siblings=[]"#]],
    );
    check_locate(
        "spec:\n  restartPolicy: $0\n",
        expect![[r#"Value spec.restartPolicy "" siblings=[]"#]],
    );
    check_locate(
        "spec:\n  containers:\n  - name: a\n    imagePullPolicy: If$0\n  bad: [\n",
        expect![[r#"Value spec.containers[0].imagePullPolicy "If" siblings=[]"#]],
    );
    check_locate(
        "a: 1\n---\nspec:\n  $0\n",
        expect![[r#"Key spec. "" siblings=[]"#]],
    );
    check_locate(
        "kind: Pod\nspec:\n  restart$0\n  containers: []\n",
        expect![[r#"Key spec.restart "restart" siblings=["containers"]"#]],
    );
    check_locate(
        "{ kind: Pod, spec: { restartPolicy: Ne$0 } }\n",
        expect![[r#"Value spec.restartPolicy "Ne" siblings=[] flow"#]],
    );
    check_locate(
        "{ kind: Pod, spec: { restartPolicy: $0 } }\n",
        expect![[r#"Value spec.restartPolicy "" siblings=[] flow"#]],
    );
    check_locate(
        "{ apiVersion: v1, $0 }\n",
        expect![[r#"Key  "" siblings=["apiVersion"] flow"#]],
    );
}

#[test]
fn go_yaml_single_quote_escape_is_read_as_kubernetes_reads_it() {
    let text = "args: [\"echo \\\"a\\\" don\\'t \\\\'x\"]\nb: 1\n";
    let file = parse(text);
    let doc = &file.documents[0];
    assert!(doc.errors.is_empty(), "{:?}", doc.errors);
    let item = doc.items(doc.get(doc.root.unwrap(), "args").unwrap())[0];
    assert_eq!(doc.scalar(item), Some("echo \"a\" don't \\'x"));
    assert_eq!(doc.warnings.len(), 1);
    assert_eq!(&text[doc.warnings[0].range.as_range()], "\\'");
    assert_eq!(
        doc.scalar(doc.get(doc.root.unwrap(), "b").unwrap()),
        Some("1")
    );
}

#[test]
fn nesting_ten_thousand_levels_deep_does_not_overflow_the_stack() {
    // yaml-rust2's `Parser::load` recurses per level; the events are fed in a loop instead.
    let text = format!("a:\n{}x\n", "- ".repeat(10_000));
    let doc = &parse(&text).documents[0];
    assert!(doc.errors.is_empty(), "{:?}", doc.errors);
    assert!(doc.node_count() > 10_000);
}

#[test]
fn lenient_escapes_are_bounded() {
    // Every `\'` scalar costs a re-parse of the document: past the bound it is a syntax error, in
    // linear time, rather than minutes of re-parsing.
    let mut text = String::new();
    for i in 0..5_000 {
        text.push_str(&format!("a{i}: \"don\\'t\"\n"));
    }
    let started = std::time::Instant::now();
    let doc = &parse(&text).documents[0];
    assert_eq!(doc.errors.len(), 1);
    assert!(started.elapsed().as_secs() < 10, "{:?}", started.elapsed());
}

#[test]
fn a_cursor_between_the_colon_and_a_value_covers_the_whole_value() {
    // Found by the proptest in server/tests/fuzz_invariants.rs: the range ended inside `文` and slicing
    // the text with it panicked.
    for text in ["a: 中文\n", "a: abc\n", "- {{\n: !!str 中文  "] {
        let offset = text.rfind(": ").unwrap() + 1;
        let doc = &parse(text).documents[0];
        let context = locate(text, doc, offset);
        let range = context.range;
        assert!(text.is_char_boundary(range.start) && text.is_char_boundary(range.end));
        assert_eq!(
            text[range.as_range()].trim(),
            text[offset..].trim(),
            "{text:?}"
        );
    }
}

/// What the cursor's line shows, the item above and a value alone below its key.
fn check_line(fixture: &str, expect: Expect) {
    expect.assert_eq(&alike_with_every_line_break(fixture, line_at_cursor));
}

fn line_at_cursor(fixture: &str) -> String {
    let offset = fixture.find("$0").expect("fixture needs a $0 cursor");
    let text = fixture.replacen("$0", "", 1);
    let file = parse(&text);
    let context = locate(&text, file.document_at(offset).unwrap(), offset);
    let mut actual = format!("{} {:?}", context.path, context.line);
    if context.value_below_key {
        actual.push_str(" value-below-key");
    }
    if let Some(item) = &context.item_above {
        actual.push_str(&format!(" {item:?}"));
    }
    actual
}

#[test]
fn the_cursor_line_around_the_range() {
    check_line(
        "a:\n  - $0\n",
        expect![
            "a[0]. CursorLine { indentation: 2, column: 4, before: Dash, colon_follows: false, open_key_above: None }"
        ],
    );
    check_line(
        "a:\n  -$0\n",
        expect![[
            r#"a[0] CursorLine { indentation: 2, column: 3, before: BareDash, colon_follows: false, open_key_above: None }"#
        ]],
    );
    check_line(
        "a:\n  b:$0\n",
        expect![[
            r#"a.b CursorLine { indentation: 2, column: 4, before: Colon, colon_follows: false, open_key_above: None }"#
        ]],
    );
    check_line(
        "a:\n  im$0age: x # c\n",
        expect![[
            r#"a.image CursorLine { indentation: 2, column: 2, before: Blanks, colon_follows: true, open_key_above: None }"#
        ]],
    );
    check_line(
        "list:\n# note\n$0\n",
        expect![[
            r#" CursorLine { indentation: 0, column: 0, before: Blanks, colon_follows: false, open_key_above: Some("list") }"#
        ]],
    );
}

#[test]
fn a_word_below_its_key_and_the_item_above() {
    check_line(
        "resources:\n  req$0\n",
        expect![[
            r#"resources CursorLine { indentation: 2, column: 2, before: Blanks, colon_follows: false, open_key_above: None } value-below-key"#
        ]],
    );
    check_line(
        "image: nginx$0\n",
        expect![[
            r#"image CursorLine { indentation: 0, column: 7, before: Other, colon_follows: false, open_key_above: None }"#
        ]],
    );
    check_line(
        "ports:\n  - containerPort: 80\n    name: http\n  - containerPort: 81\n  $0\n",
        expect![[
            r#"ports. CursorLine { indentation: 2, column: 2, before: Blanks, colon_follows: false, open_key_above: None } ItemAbove { list_key: None, index: 1, key_column: 4, keys: ["containerPort"] }"#
        ]],
    );
    check_line(
        "c:\n  ports:\n  - containerPort: 80\n    name: http\n  pro$0\n",
        expect![[
            r#"c.pro CursorLine { indentation: 2, column: 2, before: Blanks, colon_follows: false, open_key_above: None } ItemAbove { list_key: Some("ports"), index: 0, key_column: 4, keys: ["name", "containerPort"] }"#
        ]],
    );
}

#[test]
fn a_byte_order_mark_is_not_part_of_the_first_key() {
    check_tree(
        "\u{feff}apiVersion: v1\nkind: Pod\n---\nkind: Pod\n",
        expect![[r#"
            document "\u{feff}apiVersion: v1\nkind: Pod\n"
              mapping "apiVersion: v1\nkind: Pod"
                "apiVersion" "apiVersion"
                  "v1" "v1"
                "kind" "kind"
                  "Pod" "Pod"
            document "---\nkind: Pod\n"
              mapping "kind: Pod"
                "kind" "kind"
                  "Pod" "Pod"
        "#]],
    );
    check_tree(
        "\u{feff}---\nkind: Pod\n",
        expect![[r#"
            document "\u{feff}---\nkind: Pod\n"
              mapping "kind: Pod"
                "kind" "kind"
                  "Pod" "Pod"
        "#]],
    );
}

#[test]
fn a_closing_bracket_at_its_keys_column_parses_as_go_yaml_reads_it() {
    let text = "spec:\n  containers:\n  - name: a\n    args: [\n      \"x\",\n    ]\n";
    let file = parse(text);
    let doc = &file.documents[0];
    assert!(doc.errors.is_empty(), "{:?}", doc.errors);
    assert_eq!(doc.warnings.len(), 1, "{:?}", doc.warnings);
    assert_eq!(&text[doc.warnings[0].range.as_range()], "]");
    check_tree(
        text,
        expect![[r#"
        document "spec:\n  containers:\n  - name: a\n    args: [\n      \"x\",\n    ]\n"
          mapping "spec:\n  containers:\n  - name: a\n    args: [\n      \"x\",\n    ]"
            "spec" "spec"
              mapping "containers:\n  - name: a\n    args: [\n      \"x\",\n    ]"
                "containers" "containers"
                  sequence "- name: a\n    args: [\n      \"x\",\n    ]"
                    mapping "name: a\n    args: [\n      \"x\",\n    ]"
                      "name" "name"
                        "a" "a"
                      "args" "args"
                        sequence flow "[\n      \"x\",\n    ]"
                          "x" "\"x\""
    "#]],
    );
    // Go YAML reads no indentation inside `[ ]`, comments or not: the comment is blanked with the join.
    let commented = "spec:\n  containers:\n  - name: a\n    args: [\n      \"x\", # c\n    ]\n";
    let doc = &parse(commented).documents[0];
    assert!(doc.errors.is_empty(), "{:?}", doc.errors);
    assert_eq!(doc.warnings.len(), 1);
}

#[test]
fn a_key_typed_after_a_wide_separator_in_flow_style() {
    // U+2001 (EM QUAD) is no blank to YAML (only space and tab are): it is a key three bytes long, read
    // whole, as `c` would be.
    check_locate(
        "{a: 1, b: 2,\u{2001}$0}",
        expect![[r#"Value   "" siblings=[] flow"#]],
    );
}

/// Found by the `fix_all` fuzz target (fuzz/regressions/fix_all/): ranges that did not cover what YAML read
/// sent fixes to the wrong place, and `--fix` repeated them on every pass.
#[test]
fn ranges_cover_what_yaml_reads() {
    // A form feed before the colon is part of the key (only space and tab are blanks).
    let text = "vsphereVolume\x0c: {}\n";
    let file = parse(text);
    let doc = &file.documents[0];
    let (key, _) = doc.entries(doc.root.unwrap())[0];
    assert_eq!(&text[doc.node(key).range.as_range()], "vsphereVolume\x0c");
    // `[key: app]` holds a mapping in flow style without braces: it ends with its pair, not at a `}` after.
    let text = "{m: [key: app], n: {}}\n";
    let file = parse(text);
    let doc = &file.documents[0];
    let (_, list) = doc.entries(doc.root.unwrap())[0];
    let pair = doc.items(list)[0];
    assert!(matches!(
        doc.kind(pair),
        NodeKind::Mapping { flow: true, .. }
    ));
    assert_eq!(&text[doc.node(pair).range.as_range()], "key: app");
}

#[test]
fn an_empty_key_sits_at_its_colon() {
    // Not at the end of the line above (`metadata:`), whose column a fix would take for the mapping's
    // indentation: "add `name`" wrote it nine columns in, where the parser read it as more of a value.
    check_tree(
        "metadata:\n  : web\n  x: 1\nflow: {: 2}\nexplicit:\n  ?\n  : 3\n",
        expect![[r#"
            document "metadata:\n  : web\n  x: 1\nflow: {: 2}\nexplicit:\n  ?\n  : 3\n"
              mapping "metadata:\n  : web\n  x: 1\nflow: {: 2}\nexplicit:\n  ?\n  : 3"
                "metadata" "metadata"
                  mapping ": web\n  x: 1"
                    null @2:3
                      "web" "web"
                    "x" "x"
                      "1" "1"
                "flow" "flow"
                  mapping flow "{: 2}"
                    null @4:8
                      "2" "2"
                "explicit" "explicit"
                  mapping "?\n  : 3"
                    null @6:4
                      "3" "3"
        "#]],
    );
}
