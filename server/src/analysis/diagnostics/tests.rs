//! Data-driven tests of the diagnostics: each case is a document and the snapshot of what podls reports,
//! one line per diagnostic as `line:col-line:col severity[code] path: message` (1-based), so a wrong range
//! or path shows. The rule tests sit beside their rules (`checks/*`, `rules/*`) and use `check` from here.
//! `UPDATE_EXPECT=1 cargo test` rewrites the snapshots.

use expect_test::{Expect, expect};

use super::{Diagnostic, Severity, diagnostics};
use crate::analysis::Inputs;
use crate::syntax::{LineIndex, parse};

pub(crate) fn render(text: &str, found: &[Diagnostic]) -> String {
    let lines = LineIndex::new(text);
    let position = |offset: usize| {
        let line = lines.line_of(offset);
        let column = text[lines.line_start(line)..offset].chars().count();
        format!("{}:{}", line + 1, column + 1)
    };
    let mut out = String::new();
    for d in found {
        let severity = match d.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Information => "info",
            Severity::Hint => "hint",
        };
        let path = d
            .path
            .as_ref()
            .map(|p| format!("{p}: "))
            .unwrap_or_default();
        out.push_str(&format!(
            "{}-{} {severity}[{}] {path}{}\n",
            position(d.range.start),
            position(d.range.end),
            d.code,
            d.message
        ));
    }
    out
}

pub(crate) fn check(text: &str, expect: Expect) {
    let found = diagnostics(&Inputs::default(), text, &parse(text));
    expect.assert_eq(&render(text, &found));
}

/// A workload is checked against its own types of the table; other kinds get no pod rules.
#[test]
fn workloads_get_their_checks_and_other_kinds_none() {
    check(
        "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  lables: {}\nspec:\n  replicas: \"two\"\n",
        expect![[r#"
            3:1-3:9 error[missing-required] metadata.name: `metadata.name` (or `generateName`) is required
            4:3-4:9 error[unknown-field] metadata.lables: unknown field `lables` in ObjectMeta; did you mean `labels`?
            5:1-5:5 error[missing-required] spec.selector: missing required field `selector` (DeploymentSpec)
            5:1-5:5 error[missing-required] spec.template: missing required field `template` (DeploymentSpec)
            6:13-6:18 error[type-mismatch] spec.replicas: `replicas` must be an integer, found a string (`"two"`)
        "#]],
    );
    check(
        "apiVersion: v1\nkind: Service\nmetadata:\n  lables: {}\nspec:\n  ports: \"two\"\n",
        expect![[""]],
    );
    check("foo: bar\n", expect![[""]]);
}

mod corpus;
