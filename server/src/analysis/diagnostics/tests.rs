//! Data-driven tests of the diagnostics: each case is a document and the snapshot of what podls reports,
//! one line per diagnostic as `line:col-line:col severity[code] message` (1-based), so a wrong range shows.
//! `UPDATE_EXPECT=1 cargo test` rewrites the snapshots.

use expect_test::Expect;

use super::{Diagnostic, Severity, diagnostics};
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
        out.push_str(&format!(
            "{}-{} {severity}[{}] {}\n",
            position(d.range.start),
            position(d.range.end),
            d.code,
            d.message
        ));
    }
    out
}

fn check(text: &str, expect: Expect) {
    let found = diagnostics(text, &parse(text));
    expect.assert_eq(&render(text, &found));
}

mod corpus;
mod rules;
