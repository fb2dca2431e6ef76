//! `fix_all` on whole files: every `---` document, CRLF kept, a fixpoint reached, and what is left re-checks
//! without the fixed codes.

use expect_test::expect;

use super::fix_all;
use crate::analysis::{Inputs, diagnostics};
use crate::syntax::parse;

const BROKEN: &str = "apiVersion: v1\nkind: Pod\nmetadata:\n  lables: {app: web}  # the team's label\n  name: web\nspec:\n  restartPolicy: Nevr\n  containers:\n  - name: web\n    image: 'nginx:1.27'\n    resources:\n      limits: {memory: 128mb}\n";

fn codes_with_preferred_fixes(text: &str) -> Vec<String> {
    let file = parse(text);
    diagnostics(&Inputs::default(), text, &file)
        .into_iter()
        .filter(|d| d.fixes.iter().any(|f| f.preferred))
        .map(|d| d.code.to_string())
        .collect()
}

#[test]
fn every_document_is_fixed_and_nothing_else_moves() {
    let text = format!("# a comment kept\n{BROKEN}---\n\n{BROKEN}");
    let fixed = fix_all(&Inputs::default(), &text, false);
    expect![[r#"
        # a comment kept
        apiVersion: v1
        kind: Pod
        metadata:
          labels: {app: web}  # the team's label
          name: web
        spec:
          restartPolicy: Never
          containers:
          - name: web
            image: 'nginx:1.27'
            resources:
              limits: {memory: 128Mi}
        ---

        apiVersion: v1
        kind: Pod
        metadata:
          labels: {app: web}  # the team's label
          name: web
        spec:
          restartPolicy: Never
          containers:
          - name: web
            image: 'nginx:1.27'
            resources:
              limits: {memory: 128Mi}
    "#]]
    .assert_eq(&fixed.text);
    assert_eq!(fixed.applied.len(), 6, "{:?}", fixed.applied);
    // What is left has no fix to apply, and fixing again changes nothing.
    assert!(codes_with_preferred_fixes(&fixed.text).is_empty());
    assert_eq!(
        fix_all(&Inputs::default(), &fixed.text, false).text,
        fixed.text
    );
}

#[test]
fn crlf_files_stay_crlf() {
    let text = BROKEN.replace('\n', "\r\n");
    let fixed = fix_all(&Inputs::default(), &text, false);
    assert_ne!(fixed.text, text);
    assert_eq!(
        fixed.text.matches('\n').count(),
        fixed.text.matches("\r\n").count()
    );
    assert_eq!(
        fixed.text.replace("\r\n", "\n"),
        fix_all(&Inputs::default(), BROKEN, false).text
    );
}

#[test]
fn uncertain_fixes_only_when_asked() {
    // No default and no near typo: several fixes, none preferred.
    let text = "apiVersion: v1\nkind: Pod\nmetadata: {name: web}\nspec:\n  containers:\n  - name: web\n    image: nginx:1.27\n  topologySpreadConstraints:\n  - {maxSkew: 1, topologyKey: zone, whenUnsatisfiable: Sometimes}\n";
    let safe = fix_all(&Inputs::default(), text, false);
    assert_eq!(safe.text, text, "{:?}", safe.applied);
    let risky = fix_all(&Inputs::default(), text, true);
    assert_ne!(risky.text, text);
    assert!(
        risky.text.contains("whenUnsatisfiable: DoNotSchedule}"),
        "{}",
        risky.text
    );
}

#[test]
fn a_clean_file_is_returned_as_it_is() {
    let text = "\u{feff}apiVersion: v1\r\nkind: Pod\r\nmetadata: {name: web}\r\nspec:\r\n  containers: [{name: web, image: \"nginx:1.27\"}]\r\n";
    let fixed = fix_all(&Inputs::default(), text, true);
    assert_eq!(fixed.text, text);
    assert!(fixed.applied.is_empty());
}

/// `text` fixed, after checking that fixing it again changes nothing (what the fuzz target checks).
fn fixed_to_its_fixpoint(text: &str, unsafe_fixes: bool) -> String {
    let fixed = fix_all(&Inputs::default(), text, unsafe_fixes);
    let again = fix_all(&Inputs::default(), &fixed.text, unsafe_fixes);
    assert!(
        again.applied.is_empty(),
        "fixing {text:?} did not converge: {:?} then {:?}",
        fixed.applied,
        again.applied
    );
    fixed.text
}

/// Found by the `fix_all` fuzz target: with `spec` written twice, the names were read from the first one
/// and the mounts of the second were checked against them; "add volume" then declared the volume in the
/// second, which resolved nothing, and every pass added it again up to the pass bound.
#[test]
fn a_repeated_spec_is_not_fixed_forever() {
    let block = "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - {name: a, image: 'busybox:1'}\nspec:\n  containers:\n  - name: b\n    image: 'busybox:1'\n    volumeMounts:\n    - {name: data, mountPath: /d}\n    livenessProbe: {httpGet: {port: http}}\n  ephemeralContainers:\n  - {name: e, image: 'busybox:1', targetContainerName: b}\n";
    let flow = "{apiVersion: v1, kind: Pod, metadata: {name: p}, spec: {containers: [{name: a, image: 'busybox:1'}]}, spec: {containers: [{name: b, image: 'busybox:1', volumeMounts: [{name: data, mountPath: /d}]}], volumes: []}}\n";
    for text in [block, flow] {
        let file = parse(text);
        let found: Vec<_> = diagnostics(&Inputs::default(), text, &file)
            .into_iter()
            .map(|d| d.code.to_string())
            .collect();
        assert!(found.contains(&"duplicate-key".to_owned()), "{found:?}");
        assert!(
            !found.contains(&"unresolved-reference".to_owned()),
            "{found:?}"
        );
        fixed_to_its_fixpoint(text, false);
    }
}

/// Found by the `fix_all` fuzz target: what followed a NUL went unread, so `containers` looked missing and
/// every pass added it again. The NUL is a syntax error now: nothing is added behind it.
#[test]
fn text_after_a_nul_is_not_fixed_forever() {
    let text = "apiVersion: v1\nkind: Pod\nmetadata: {name: a}\nspec: \0\n  containers:\n  - {name: a, image: 'b:1'}\n";
    let fixed = fixed_to_its_fixpoint(text, false);
    assert!(!fixed.contains("change-me"), "{fixed}");
}

/// Fixes of what the `fix_all` fuzz target found looping (fuzz/regressions/fix_all/), each on a file a
/// person could write: the fixed text, which fixing again leaves as it is.
#[test]
fn fixes_land_where_the_parser_reads_the_text() {
    let cases = [
        // A lone `\r` ends a line, as YAML reads it: `containers` goes under `spec`, not after the next line
        // (which is `n:`, a top-level key: every pass added `containers` again under it).
        "apiVersion: v1\rkind: Pod\rmetadata: {name: a}\rspec:\r  restartPolicy: Never\rn: 1\r",
        // A form feed before the colon is part of the key: the rename must replace it too, or it renamed
        // `vsphereVolume\x0c` to `vsphereVolume\x0c` on every pass.
        "apiVersion: v1\nkind: Pod\nmetadata: {name: a}\nspec:\n  containers: [{name: a, image: 'b:1'}]\n  volumes:\n  - name: v\n    vsphereVolume\x0c:\n      volumePath: /v\n",
        // `[key: app]` is a mapping in flow style without braces: nothing is inserted after it in block style
        // (inside the brackets), and its range ends with its pair, not at a `}` further on.
        // `metadata` without a value inside braces: its `name` is not added as block lines inside them.
        "{apiVersion: v1, kind: Pod, metadata, spec: {containers: [{name: a, image: 'b:1'}]}}\n",
        "{apiVersion: v1, kind: Pod, metadata: {name: a}, spec: {containers: [{name: a, image: 'b:1'}],\n  affinity: {podAffinity: {requiredDuringSchedulingIgnoredDuringExecution: [{topologyKey: zone,\n    labelSelector: {matchExpressions: [key: app]}}]}}}}\n",
    ];
    let fixed: Vec<String> = cases
        .iter()
        .map(|text| format!("{:?}\n", fixed_to_its_fixpoint(text, true)))
        .collect();
    expect![[r#"
        "apiVersion: v1\rkind: Pod\rmetadata: {name: a}\rspec:\r  restartPolicy: Never\r  containers:\r    - name: change-me\r      image: change-me\rn: 1\r"
        "apiVersion: v1\nkind: Pod\nmetadata: {name: a}\nspec:\n  containers: [{name: a, image: 'b:1'}]\n  volumes:\n  - name: v\n    vsphereVolume:\n      volumePath: /v\n"
        "{apiVersion: v1, kind: Pod, metadata, spec: {containers: [{name: a, image: 'b:1'}]}}\n"
        "{apiVersion: v1, kind: Pod, metadata: {name: a}, spec: {containers: [{name: a, image: 'b:1'}],\n  affinity: {podAffinity: {requiredDuringSchedulingIgnoredDuringExecution: [{topologyKey: zone,\n    labelSelector: {matchExpressions: [key: app]}}]}}}}\n"
    "#]].assert_eq(&fixed.concat());
}

/// A fix is applied only when its result shows it worked: what the `fix_all` fuzz target found looping
/// were fixes whose finding stayed (a quote inserted inside a template action, masked again) or whose
/// insertion the parser read as something else (a syntax error where there was none).
#[test]
fn a_fix_holds_when_its_finding_is_gone_and_the_text_parses_no_worse() {
    use super::holds;
    use crate::analysis::diagnostics::{Code, Diagnostic};
    use crate::syntax::{FieldPath, TextRange};
    let syntax = |at: usize, message: &str| {
        Diagnostic::error(Code::YamlSyntax, TextRange::new(at, at + 1), message)
    };
    let missing = |at: usize, key: &str| {
        Diagnostic::error(Code::MissingRequired, TextRange::new(at, at + 1), "missing")
            .at(FieldPath::new().keys(&["metadata", key]))
    };
    let insert = |at: usize, text: &str| (TextRange::empty(at), text.to_owned());
    let cases = [
        // The same syntax error where it was (after the edit) or where the edit moved it: not repaired.
        (
            "a repair after the error",
            vec![syntax(5, "open")],
            insert(10, "\""),
            vec![syntax(5, "open")],
            false,
        ),
        (
            "a repair before the error",
            vec![syntax(5, "open")],
            insert(2, "\""),
            vec![syntax(6, "open")],
            false,
        ),
        // A repair that lets the parser go on to the next mistake.
        (
            "the next mistake",
            vec![syntax(5, "open")],
            insert(10, "\""),
            vec![syntax(20, "open")],
            true,
        ),
        (
            "a new syntax error",
            vec![missing(0, "name")],
            insert(9, " name: x"),
            vec![syntax(9, "indent")],
            false,
        ),
        (
            "the finding left",
            vec![missing(0, "name")],
            insert(9, " name: x"),
            vec![missing(0, "name")],
            false,
        ),
        (
            "the finding gone",
            vec![missing(0, "name")],
            insert(9, " name: x"),
            vec![],
            true,
        ),
        // One of two findings alike fixed: one left is progress.
        (
            "one of two",
            vec![missing(0, "x"), missing(8, "x")],
            insert(3, ""),
            vec![missing(0, "x")],
            true,
        ),
    ];
    for (what, before, edit, after, expected) in cases {
        assert_eq!(
            holds(&before, &[&before[0]], &[&edit], &after),
            expected,
            "{what}"
        );
    }
}

/// The open loops of the `fix_all` fuzz target (fuzz/regressions/fix_all/), as a person could write them.
#[test]
fn an_empty_key_and_a_template_string_reach_a_fixpoint() {
    // `: web` is an empty key: "add `name`" goes at its column, not nine columns in (the end of
    // `metadata:`, where the empty key was placed), where the parser read it as more of a value.
    let text = "apiVersion: v1\nkind: Pod\nmetadata:\n  : web\nspec:\n  containers: [{name: a, image: 'b:1'}]\n";
    expect![[r#"
        apiVersion: v1
        kind: Pod
        metadata:
          : web
          name: change-me
        spec:
          containers: [{name: a, image: 'b:1'}]
    "#]]
    .assert_eq(&fixed_to_its_fixpoint(text, false));
    // A string left open before a template action over several lines: no quote inside the action.
    let template = Inputs {
        role: crate::analysis::FileRole::Template,
        ..Inputs::default()
    };
    let text =
        "apiVersion: v1\nkind: Pod\nmetadata:\n  name: \"{{ include \"x\"\n    . }}\nspec: {}\n";
    let fixed = fix_all(&template, text, true);
    assert!(
        fix_all(&template, &fixed.text, true).applied.is_empty(),
        "{fixed:?}"
    );
    assert!(!fixed.text.contains("\"\""), "{fixed:?}");
}

/// Each pass repairs a document's first syntax error only (the parser stops there): a mistake on every
/// line is repaired line after line, beyond the bound that stops fixes undoing each other.
#[test]
fn a_mistake_on_every_line_is_repaired_line_after_line() {
    let keys: String = (0..40).map(|i| format!("    k{i}:{i}\n")).collect();
    let text =
        format!("apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  labels:\n    a: b\n{keys}");
    let fixed = fixed_to_its_fixpoint(&text, false);
    // Each glued value gets its space (and its quotes: a label's value is a string).
    assert!(
        (0..40).all(|i| fixed.contains(&format!("\n    k{i}: \"{i}\"\n"))),
        "{fixed}"
    );
}
