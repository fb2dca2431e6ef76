//! The shapes of a YAML tree that the structure features share (outline, folding, selection, inlay hints,
//! code lenses): the key a value sits under, a `key: value` entry's range, a list item with its `- `
//! marker, and the served objects of a file. Plain tree reading, no Kubernetes rules.

use crate::syntax::{Document, NodeId, NodeKind, TextRange};

/// The key node whose value is `value`, when `value` sits in a mapping.
pub(crate) fn key_of(doc: &Document, value: NodeId) -> Option<NodeId> {
    let parent = doc.node(value).parent?;
    match doc.node(parent).kind {
        NodeKind::Mapping { entries, .. } => doc
            .entries_of(*entries)
            .iter()
            .find(|(_, v)| *v == value)
            .map(|(k, _)| *k),
        _ => None,
    }
}

/// `key: value` as one range (a key with an empty value ends at the key, or its colon's value).
pub(crate) fn entry_range(doc: &Document, key: NodeId, value: NodeId) -> TextRange {
    let key = doc.node(key).range;
    let value = doc.node(value).range;
    TextRange::new(key.start, key.end.max(value.end))
}

/// A list item's range from its `- ` marker (block lists); the item's own range in flow lists or when no
/// marker precedes it.
pub(crate) fn item_range(text: &str, doc: &Document, item: NodeId) -> TextRange {
    let range = doc.node(item).range;
    let before = text[..range.start].trim_end_matches([' ', '\t']);
    match before.strip_suffix('-') {
        Some(marker) if before.len() > doc.range.start => TextRange::new(marker.len(), range.end),
        _ => range,
    }
}

/// The range that stands for a value in the features' lists: `key: value` under a key, `- item` in a
/// list, the node itself at the root.
pub(crate) fn written_range(text: &str, doc: &Document, id: NodeId) -> TextRange {
    if let Some(key) = key_of(doc, id) {
        return entry_range(doc, key, id);
    }
    match doc.node(id).parent.map(|p| doc.node(p).kind) {
        Some(NodeKind::Sequence { .. }) => item_range(text, doc, id),
        _ => doc.node(id).range,
    }
}
