//! Writing into a document as its author does: the column of a node, the document's line ending, where a
//! line appended after a node goes, and a small value written in block or flow (JSON) style.

use crate::analysis::scalar::plain;
use crate::syntax::lines::{BLANKS, code, line_end, line_start, split, starts_line};
use crate::syntax::{Document, NodeId, NodeKind, TextRange};

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

/// An edit that adds `element` (`key: value`, or an item) at the end of the flow collection `collection`,
/// before its `}` or `]`, after a comma unless the last element has one already (`{a: 1,}`: a second would
/// be a syntax error); none for a collection without its bracket (`[key: app]` holds a braceless mapping).
pub(crate) fn append_in_flow(
    text: &str,
    doc: &Document,
    collection: NodeId,
    element: &str,
) -> Option<(TextRange, String)> {
    let node = doc.node(collection);
    let (bracket, last) = match node.kind {
        NodeKind::Mapping { entries, .. } => {
            ('}', doc.entries_of(*entries).last().map(|&(_, v)| v))
        }
        NodeKind::Sequence { items, .. } => (']', doc.items_of(*items).last().copied()),
        _ => return None,
    };
    let close = node.range.end.checked_sub(1)?;
    text[close..].starts_with(bracket).then_some(())?;
    let separator = match last.map(|last| doc.node(last).range.end) {
        None => "",
        Some(end) if split(&text[end.min(close)..close]).any(|line| code(line).contains(',')) => {
            if text[..close].ends_with(BLANKS) {
                ""
            } else {
                " "
            }
        }
        Some(_) => ", ",
    };
    Some((TextRange::empty(close), format!("{separator}{element}")))
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
    fn flow_elements_join_after_one_comma() {
        let appended = |text: &str, element: &str| {
            let file = crate::syntax::parse(text);
            let doc = &file.documents[0];
            let (_, value) = doc.entries(doc.root.unwrap())[0];
            let (range, new_text) = append_in_flow(text, doc, value, element)?;
            let mut out = text.to_owned();
            out.replace_range(range.as_range(), &new_text);
            Some(out)
        };
        let cases = [
            ("m: {a: 1}\n", "b: 2", Some("m: {a: 1, b: 2}\n")),
            ("m: {}\n", "b: 2", Some("m: {b: 2}\n")),
            // A trailing comma is kept and not doubled (found by the fix_all fuzz target: "add `name`").
            ("m: {a: 1,}\n", "b: 2", Some("m: {a: 1, b: 2}\n")),
            ("m: {\n  a,\n}\n", "b: 2", Some("m: {\n  a,\n b: 2}\n")),
            ("m: [x, ]\n", "y", Some("m: [x, y]\n")),
            // A comma in a comment is no separator.
            (
                "m: {a: 1 # x, y\n}\n",
                "b: 2",
                Some("m: {a: 1 # x, y\n, b: 2}\n"),
            ),
            // After a mapping without braces (`key: app`), in the sequence that holds it.
            ("m: [key: app]\n", "y", Some("m: [key: app, y]\n")),
        ];
        for (text, element, expected) in cases {
            assert_eq!(appended(text, element).as_deref(), expected, "{text:?}");
        }
    }

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
