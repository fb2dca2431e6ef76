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
