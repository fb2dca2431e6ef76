//! Writing into a document as its author does: the column of a node, the document's line ending, where a
//! line appended after a node goes, and a small value written in block or flow (JSON) style.

use crate::analysis::scalar::plain;
use crate::syntax::TextRange;
use crate::syntax::lines::{line_end, line_start, starts_line};

/// The byte column of `at` on its line.
pub(super) fn column(text: &str, at: usize) -> usize {
    at - line_start(text, at)
}

/// The line break the text uses (CRLF files stay CRLF, and files broken by `\r` alone stay so).
pub(crate) fn line_break(text: &str) -> &'static str {
    if text.contains("\r\n") {
        "\r\n"
    } else if text.contains('\r') && !text.contains('\n') {
        "\r"
    } else {
        "\n"
    }
}

/// An edit that puts `lines` (joined by the text's line break) on new lines after the one that holds `end`
/// (at `end` itself when a line starts there: a block node's range ends after its last line break).
pub(crate) fn append_lines(text: &str, end: usize, lines: &[String]) -> (TextRange, String) {
    let eol = line_break(text);
    let body = lines.join(eol);
    if end > 0 && starts_line(text, end) {
        (TextRange::empty(end), format!("{body}{eol}"))
    } else {
        (
            TextRange::empty(line_end(text, end)),
            format!("{eol}{body}"),
        )
    }
}

/// A string as a scalar: plain when YAML reads it back as that string, else double-quoted (always in
/// JSON).
pub(crate) fn scalar(value: &str, json: bool) -> String {
    let safe = value
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || "-._/".contains(c));
    if !json && safe && matches!(plain(value), crate::analysis::scalar::Scalar::Str(_)) {
        value.to_string()
    } else {
        serde_json::to_string(value).unwrap_or_default()
    }
}

/// A key in the style of its neighbours: quoted in JSON.
pub(super) fn key(name: &str, json: bool) -> String {
    if json {
        format!("\"{name}\"")
    } else {
        name.to_string()
    }
}

/// `new` written in the same quoting as `old` (a key in a JSON file stays quoted).
pub(crate) fn requote(old: &str, new: &str) -> String {
    match old.chars().next() {
        Some(q @ ('"' | '\'')) => format!("{q}{new}{q}"),
        _ => new.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scalars_read_back_as_strings() {
        assert_eq!(scalar("data", false), "data");
        assert_eq!(scalar("data", true), "\"data\"");
        assert_eq!(scalar("123", false), "\"123\"");
        assert_eq!(scalar("true", false), "\"true\"");
        assert_eq!(scalar("a: b", false), "\"a: b\"");
        assert_eq!(column("a\n  b", 4), 2);
        assert_eq!(line_break("a\r\nb"), "\r\n");
        assert_eq!(line_break("a\rb"), "\r");
        assert_eq!(line_break("a\rb\n"), "\n");
    }
}
