//! Test fixtures of the structure features: `$0` marks a cursor (several may appear, for requests that take
//! several positions) and ranges print as `line:col-line:col` (1-based, columns in characters), so a
//! snapshot shows where each answer points.

use crate::syntax::{LineIndex, TextRange};

/// The text without its `$0` markers, and the offsets they marked.
pub(crate) fn cursors(fixture: &str) -> (String, Vec<usize>) {
    let mut text = String::with_capacity(fixture.len());
    let mut offsets = Vec::new();
    let mut rest = fixture;
    while let Some(at) = rest.find("$0") {
        text.push_str(&rest[..at]);
        offsets.push(text.len());
        rest = &rest[at + 2..];
    }
    text.push_str(rest);
    (text, offsets)
}

/// `line:col` of an offset, 1-based.
pub(crate) fn position(text: &str, offset: usize) -> String {
    let lines = LineIndex::new(text);
    let line = lines.line_of(offset);
    let column = text[lines.line_start(line)..offset].chars().count();
    format!("{}:{}", line + 1, column + 1)
}

pub(crate) fn span(text: &str, range: TextRange) -> String {
    format!(
        "{}-{}",
        position(text, range.start),
        position(text, range.end)
    )
}
