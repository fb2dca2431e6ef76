//! Setting a field at a path of keys below a mapping to a small value (`hostNetwork: true`,
//! `securityContext.windowsOptions.hostProcess: true`): the value replaced where the whole path is written,
//! else the missing keys added in the style of the mapping they join (block at its indentation, flow,
//! JSON), or below a `key:` that has no value yet.

use super::edit::{append_in_flow, append_lines, column, key};
use crate::syntax::{Document, Indentation, NodeId, NodeKind, TextRange};

/// The edit that makes `keys` (from `mapping`) hold `value` (written as is: a plain scalar); none where
/// the text has no clear place for it (a key on the way holds a list or a string).
pub(crate) fn set_field(
    text: &str,
    doc: &Document,
    mapping: NodeId,
    keys: &[&str],
    value: &str,
) -> Option<(TextRange, String)> {
    let json = is_json(text, doc, mapping);
    let mut node = mapping;
    let mut owner_key: Option<NodeId> = None;
    for (depth, name) in keys.iter().enumerate() {
        let rest = &keys[depth..];
        match &doc.node(node).kind {
            NodeKind::Mapping { entries, flow } => {
                let found = doc
                    .entries_of(*entries)
                    .iter()
                    .find(|(k, _)| doc.scalar(*k) == Some(name))
                    .copied();
                match found {
                    Some((k, v)) => {
                        owner_key = Some(k);
                        node = doc.resolve(v);
                    }
                    None if *flow => return flow_insertion(text, doc, node, rest, value, json),
                    None => return block_insertion(text, doc, node, rest, value),
                }
            }
            NodeKind::Scalar { null: true, .. } => {
                return below_key(text, doc, owner_key?, rest, value);
            }
            _ => return None,
        }
    }
    let target = doc.node(node);
    match &target.kind {
        NodeKind::Scalar { null: true, .. } if target.range.is_empty() => {
            Some((target.range, format!(" {value}")))
        }
        NodeKind::Scalar { .. } => Some((target.range, value.to_string())),
        _ => None,
    }
}

fn is_json(text: &str, doc: &Document, mapping: NodeId) -> bool {
    doc.entries(mapping)
        .first()
        .is_some_and(|(k, _)| text[doc.node(*k).range.as_range()].starts_with('"'))
}

/// `k1: {k2: value}` (or `k1: value`) in flow style.
fn flow_value(keys: &[&str], value: &str, json: bool) -> String {
    match keys {
        [] => value.to_string(),
        [first] => format!("{}: {value}", key(first, json)),
        [first, rest @ ..] => format!(
            "{}: {{{}}}",
            key(first, json),
            flow_value(rest, value, json)
        ),
    }
}

fn flow_insertion(
    text: &str,
    doc: &Document,
    mapping: NodeId,
    keys: &[&str],
    value: &str,
    json: bool,
) -> Option<(TextRange, String)> {
    append_in_flow(text, doc, mapping, &flow_value(keys, value, json))
}

/// The lines of `keys`, each one level below the one before, the first at `column`.
fn block_lines(keys: &[&str], value: &str, column: usize, unit: usize) -> Vec<String> {
    keys.iter()
        .enumerate()
        .map(|(i, name)| {
            let pad = " ".repeat(column + i * unit);
            if i + 1 == keys.len() {
                format!("{pad}{name}: {value}")
            } else {
                format!("{pad}{name}:")
            }
        })
        .collect()
}

fn block_insertion(
    text: &str,
    doc: &Document,
    mapping: NodeId,
    keys: &[&str],
    value: &str,
) -> Option<(TextRange, String)> {
    let (first, _) = *doc.entries(mapping).first()?;
    let at = column(text, doc.node(first).range.start);
    let unit = Indentation::detect(text, doc.range, 2).unit;
    let lines = block_lines(keys, value, at, unit);
    Some(append_lines(text, doc.node(mapping).range.end, &lines))
}

/// Below `key:` that has no value: its first child one level deeper.
fn below_key(
    text: &str,
    doc: &Document,
    owner_key: NodeId,
    keys: &[&str],
    value: &str,
) -> Option<(TextRange, String)> {
    let key_range = doc.node(owner_key).range;
    let indentation = Indentation::detect(text, doc.range, 2);
    let at = column(text, key_range.start) + indentation.unit;
    let lines = block_lines(keys, value, at, indentation.unit);
    Some(append_lines(text, key_range.end, &lines))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::syntax::parse;

    /// The text after the edit that sets `keys` below the document's `spec`.
    fn set(text: &str, keys: &[&str]) -> String {
        let file = parse(text);
        let doc = &file.documents[0];
        let spec = doc.get(doc.root.unwrap(), "spec").unwrap();
        let (range, new) = set_field(text, doc, spec, keys, "true").expect("an edit");
        let mut out = text.to_string();
        out.replace_range(range.as_range(), &new);
        out
    }

    #[test]
    fn a_field_is_replaced_added_or_nested_in_the_style_around_it() {
        let path = ["securityContext", "windowsOptions", "hostProcess"];
        assert_eq!(
            set("spec:\n  hostNetwork: false\n  x: 1\n", &["hostNetwork"]),
            "spec:\n  hostNetwork: true\n  x: 1\n"
        );
        assert_eq!(
            set("spec:\n  x: 1\nkind: Pod\n", &["hostNetwork"]),
            "spec:\n  x: 1\n  hostNetwork: true\nkind: Pod\n"
        );
        assert_eq!(
            set("spec:\n    x: 1\n", &path),
            "spec:\n    x: 1\n    securityContext:\n        windowsOptions:\n            hostProcess: true\n"
        );
        assert_eq!(
            set("spec:\n  securityContext:\n  x: 1\n", &path),
            "spec:\n  securityContext:\n    windowsOptions:\n      hostProcess: true\n  x: 1\n"
        );
        assert_eq!(
            set(
                "spec:\n  securityContext:\n    windowsOptions: {runAsUserName: a}\n",
                &path
            ),
            "spec:\n  securityContext:\n    windowsOptions: {runAsUserName: a, hostProcess: true}\n"
        );
        assert_eq!(
            set("{\"spec\": {\"x\": 1}}", &path),
            "{\"spec\": {\"x\": 1, \"securityContext\": {\"windowsOptions\": {\"hostProcess\": true}}}}"
        );
        assert_eq!(
            set("spec:\n  hostNetwork:\n", &["hostNetwork"]),
            "spec:\n  hostNetwork: true\n"
        );
    }
}
