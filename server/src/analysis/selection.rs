//! Expanding a selection (`textDocument/selectionRange`): from the cursor outwards through what a person
//! sees as units — a quoted value's text, the value, `key: value`, the mapping, the `- ` item, the parent's
//! `key: value` — up to the document. Block and flow style alike.

use super::structure::{entry_range, item_range};
use crate::syntax::{Document, NodeId, NodeKind, ScalarStyle, TextRange, YamlFile};

/// The ranges around `offset`, innermost first, each strictly inside the next. Empty outside any node.
pub fn selection_ranges(text: &str, file: &YamlFile, offset: usize) -> Vec<TextRange> {
    let Some(doc) = file.document_at(offset) else {
        return Vec::new();
    };
    let Some(mut id) = innermost(doc, offset) else {
        return Vec::new();
    };
    let mut out: Vec<TextRange> = Vec::new();
    let mut push = |range: TextRange| {
        if out
            .last()
            .is_none_or(|last| range != *last && contains(range, *last))
        {
            out.push(range);
        }
    };
    let node = doc.node(id);
    if let NodeKind::Scalar {
        style: ScalarStyle::SingleQuoted | ScalarStyle::DoubleQuoted,
        ..
    } = node.kind
    {
        let inner = TextRange::new(
            node.range.start + 1,
            node.range.end.saturating_sub(1).max(node.range.start + 1),
        );
        if inner.start < offset && offset < node.range.end {
            push(inner);
        }
    }
    loop {
        push(doc.node(id).range);
        let Some(parent) = doc.node(id).parent else {
            break;
        };
        match doc.node(parent).kind {
            NodeKind::Mapping { entries, .. } => {
                let entry = doc
                    .entries_of(*entries)
                    .iter()
                    .find(|(k, v)| *k == id || *v == id);
                if let Some(&(key, value)) = entry {
                    push(entry_range(doc, key, value));
                }
            }
            NodeKind::Sequence { .. } => push(item_range(text, doc, id)),
            _ => {}
        }
        id = parent;
    }
    let whole = text[doc.range.as_range()].trim();
    if !whole.is_empty() {
        let start = doc.range.start + text[doc.range.as_range()].find(whole).unwrap_or(0);
        push(TextRange::new(start, start + whole.len()));
    }
    out
}

fn contains(outer: TextRange, inner: TextRange) -> bool {
    outer.start <= inner.start && inner.end <= outer.end
}

/// The smallest node whose range touches `offset` (its end included: a cursor right after a word is on it).
fn innermost(doc: &Document, offset: usize) -> Option<NodeId> {
    doc.node_ids()
        .filter(|&id| {
            let node = doc.node(id);
            // The empty value of `key:` is nowhere to select.
            node.range.touches(offset) && !(node.range.is_empty() && doc.is_null(id))
        })
        .min_by_key(|&id| (doc.node(id).range.len(), std::cmp::Reverse(id)))
}

#[cfg(test)]
mod tests;
