//! Suppression comments in each position, in block and flow style: what is left reported (`line: code`,
//! 1-based lines) and what the fixes of unused ones leave.

use expect_test::{Expect, expect};

use super::ignore_on_line;
use crate::analysis::{Inputs, diagnostics};
use crate::messages::Locale;
use crate::syntax::parse;

/// What is reported, one `line: code: message` per diagnostic.
fn check(text: &str, expected: Expect) {
    let file = parse(text);
    let found = diagnostics(&Inputs::default(), text, &file);
    let lines: Vec<String> = found
        .iter()
        .map(|d| {
            let line = text[..d.range.start].matches('\n').count() + 1;
            format!("{line}: {}: {}", d.code, d.message)
        })
        .collect();
    expected.assert_eq(&lines.join("\n"));
}

/// The text after applying the preferred fix of every `unused-suppression`, one at a time.
fn fixed(text: &str) -> String {
    let mut text = text.to_owned();
    loop {
        let file = parse(&text);
        let fix = diagnostics(&Inputs::default(), &text, &file)
            .into_iter()
            .filter(|d| d.code.as_str() == "unused-suppression")
            .find_map(|d| d.fixes.into_iter().find(|f| f.preferred));
        let Some(fix) = fix else {
            return text;
        };
        for (range, new) in fix.edits.iter().rev() {
            text.replace_range(range.as_range(), new);
        }
    }
}

const HEAD: &str = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n";

#[test]
fn nothing_suppressed() {
    check(
        &format!(
            "{HEAD}  restartPolicy: Sometimes\n  containers:\n  - name: web\n    image: nginx\n"
        ),
        expect![[r#"
            6: invalid-enum: `Sometimes` is not a valid `restartPolicy`; allowed: `Always`, `Never` or `OnFailure`
            9: image-latest: image `nginx` has no tag, so it means `nginx:latest`: which version runs can change at any pull, and imagePullPolicy then defaults to `Always`; pin a version tag or digest"#]],
    );
}

#[test]
fn on_the_offending_line_or_alone_above_it() {
    check(
        &format!(
            "{HEAD}  restartPolicy: Sometimes # podls-ignore: invalid-enum\n  containers:\n  - name: web\n    # podls-ignore: image-latest\n    image: nginx\n"
        ),
        expect![[""]],
    );
    // Several comment lines above one line all apply to it; a blank line between is skipped too.
    check(
        &format!(
            "{HEAD}  # podls-ignore: invalid-enum\n  # (the cluster's admission webhook rewrites it)\n\n  restartPolicy: Sometimes\n  containers: [{{name: web, image: nginx}}] # podls-ignore\n"
        ),
        expect![[""]],
    );
}

#[test]
fn a_suppression_of_another_code_silences_nothing() {
    check(
        &format!(
            "{HEAD}  restartPolicy: Sometimes # podls-ignore: image-latest, invalid-enum\n  containers:\n  - {{name: web, image: nginx}} # podls-ignore: unknown-field\n"
        ),
        expect![[r#"
            6: unused-suppression: `image-latest` is not reported on this line: nothing to suppress
            8: image-latest: image `nginx` has no tag, so it means `nginx:latest`: which version runs can change at any pull, and imagePullPolicy then defaults to `Always`; pin a version tag or digest
            8: unused-suppression: `unknown-field` is not reported on this line: nothing to suppress"#]],
    );
}

#[test]
fn a_whole_document_from_its_top() {
    let text = format!(
        "# podls-ignore-file: image-latest\n{HEAD}  restartPolicy: Sometimes\n  containers:\n  - {{name: a, image: nginx}}\n  - {{name: b, image: redis}}\n---\n{HEAD}  containers: [{{name: c, image: nginx}}]\n"
    );
    // The second `---` document is not covered.
    check(
        &text,
        expect![[r#"
            7: invalid-enum: `Sometimes` is not a valid `restartPolicy`; allowed: `Always`, `Never` or `OnFailure`
            17: image-latest: image `nginx` has no tag, so it means `nginx:latest`: which version runs can change at any pull, and imagePullPolicy then defaults to `Always`; pin a version tag or digest"#]],
    );
    // Below the first key it applies nowhere, and says so.
    check(
        &format!(
            "{HEAD}  # podls-ignore-file: image-latest\n  containers: [{{name: c, image: nginx}}]\n"
        ),
        expect![[r#"
            6: unused-suppression: `podls-ignore-file` applies only among the comments at the top of a document, before its first key
            7: image-latest: image `nginx` has no tag, so it means `nginx:latest`: which version runs can change at any pull, and imagePullPolicy then defaults to `Always`; pin a version tag or digest"#]],
    );
    // Every code, and unused ones.
    check(
        &format!("# podls-ignore-file\n{HEAD}  restartPolicy: Sometimes\n"),
        expect![[""]],
    );
    check(
        &format!("---\n# podls-ignore-file: invalid-enum\n{HEAD}  containers: []\n"),
        expect![[r#"
            2: unused-suppression: `invalid-enum` is not reported in this document: nothing to suppress
            8: missing-required: `spec.containers` must list at least one container"#]],
    );
}

#[test]
fn syntax_errors_and_unknown_codes_are_not_suppressed() {
    check(
        &format!("{HEAD}  containers: [ # podls-ignore\n"),
        expect![[r#"
            6: yaml-syntax: this `[` is never closed: add `]` after its last entry
            6: unused-suppression: this `podls-ignore` suppresses nothing: nothing is reported on its line"#]],
    );
    check(
        &format!("{HEAD}  restartPolicy: Sometimes # podls-ignore: invalid-enun, yaml-syntax\n"),
        expect![[r#"
            5: missing-required: missing required field `containers` (PodSpec)
            6: invalid-enum: `Sometimes` is not a valid `restartPolicy`; allowed: `Always`, `Never` or `OnFailure`
            6: unused-suppression: unknown code `invalid-enun` in a suppression comment; did you mean `invalid-enum`?
            6: unused-suppression: `yaml-syntax` cannot be suppressed: a file that does not parse is not checked, fix the YAML instead"#]],
    );
}

#[test]
fn text_that_only_looks_like_a_suppression_is_not_one() {
    check(
        &format!(
            "{HEAD}  containers:\n  - name: web\n    image: nginx # podls-ignored\n    args:\n    - |\n      # podls-ignore\n    - \"a # podls-ignore\"\n"
        ),
        expect![
            "8: image-latest: image `nginx` has no tag, so it means `nginx:latest`: which version runs can change at any pull, and imagePullPolicy then defaults to `Always`; pin a version tag or digest"
        ],
    );
}

#[test]
fn a_reason_after_the_codes_is_allowed() {
    check(
        &format!(
            "{HEAD}  restartPolicy: Sometimes # podls-ignore: invalid-enum  Rewritten by Kyverno.\n"
        ),
        expect!["5: missing-required: missing required field `containers` (PodSpec)"],
    );
}

#[test]
fn fixes_remove_unused_suppressions_and_nothing_else() {
    let text = format!(
        "{HEAD}  # podls-ignore: image-latest\r\n  restartPolicy: Always   # podls-ignore: invalid-enum\r\n  containers: [{{name: web, image: nginx}}] # podls-ignore: status-field, image-latest\r\n"
    );
    expect![[r#"
        apiVersion: v1
        kind: Pod
        metadata:
          name: web
        spec:
          restartPolicy: Always
          containers: [{name: web, image: nginx}] # podls-ignore: image-latest
    "#]]
    .assert_eq(&fixed(&text).replace('\r', ""));
    // CRLF kept on every line.
    assert_eq!(fixed(&text).matches("\r\n").count(), 2);
}

#[test]
fn the_editor_offers_to_ignore_a_diagnostic_on_its_line() {
    let apply = |text: &str| -> Vec<String> {
        let file = parse(text);
        diagnostics(&Inputs::default(), text, &file)
            .iter()
            .filter_map(|d| ignore_on_line(Locale::En, text, &file.documents[0], d))
            .map(|fix| {
                let mut out = text.to_owned();
                for (range, new) in fix.edits.iter().rev() {
                    out.replace_range(range.as_range(), new);
                }
                format!("{}\n{}", fix.title, &out[HEAD.len()..])
            })
            .collect()
    };
    expect![[r#"
        Ignore `invalid-enum` on this line
          restartPolicy: Sometimes  # podls-ignore: invalid-enum
          containers: [{name: web, image: nginx}] # podls-ignore: unknown-field
        ---
        Ignore `image-latest` on this line
          restartPolicy: Sometimes
          containers: [{name: web, image: nginx}] # podls-ignore: unknown-field, image-latest
    "#]]
    .assert_eq(
        &apply(&format!(
            "{HEAD}  restartPolicy: Sometimes\n  containers: [{{name: web, image: nginx}}] # podls-ignore: unknown-field\n"
        ))
        .join("---\n"),
    );
}
