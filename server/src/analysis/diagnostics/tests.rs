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

#[test]
fn non_pod_documents_get_no_pod_rules() {
    check(
        "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  lables: {}\nspec:\n  replicas: \"two\"\n",
        expect![[""]],
    );
    check("foo: bar\n", expect![[""]]);
}

mod corpus;
