//! Locating the cursor on the parsed tree: the innermost scalar under it, or a gap between the entries of a
//! flow mapping.

use super::super::lines::{BREAKS, code, key_colon, line_end};
use super::super::{Document, FieldPath, NodeId, NodeKind, PathSegment, TextRange};
use super::{CursorContext, CursorLine, CursorSlot};

pub(super) fn locate_in_tree(text: &str, doc: &Document, offset: usize) -> Option<CursorContext> {
    doc.root?;
    // The innermost scalar under the cursor (its end included, so a cursor right after a word is on it).
    let scalar = doc
        .node_ids()
        .filter(|&id| {
            let node = doc.node(id);
            matches!(node.kind, NodeKind::Scalar { .. } | NodeKind::Alias { .. })
                && node.range.touches(offset)
                && !(node.range.is_empty() && doc.is_null(id) && node.range.start != offset)
        })
        .min_by_key(|&id| doc.node(id).range.len())
        .filter(|&id| !swallowed_by_error(text, doc, id));
    if let Some(id) = scalar {
        if is_block_scalar(doc, id) && doc.node(id).range.start != offset {
            let header_end = line_end(text, doc.node(id).range.start);
            if offset > header_end {
                return Some(CursorContext::nothing(offset));
            }
        }
        let (path, slot) = path_of(doc, id);
        let siblings = match slot {
            CursorSlot::Key => doc
                .node(id)
                .parent
                .map(|p| keys_of(doc, p, Some(id)))
                .unwrap_or_default(),
            _ => Vec::new(),
        };
        let flow = in_flow(doc, id);
        let value_below_key = slot == CursorSlot::Value && alone_below_its_key(text, doc, id);
        return Some(CursorContext {
            path,
            slot,
            range: doc.node(id).range,
            siblings,
            flow,
            value_below_key,
            line: CursorLine::default(),
            item_above: None,
        });
    }
    // Between the entries of a flow mapping: a new key of that mapping.
    let flow_mapping = doc
        .node_ids()
        .filter(|&id| {
            let node = doc.node(id);
            matches!(node.kind, NodeKind::Mapping { flow: true, .. })
                && node.range.start < offset
                && offset < node.range.end
        })
        .min_by_key(|&id| doc.node(id).range.len())?;
    let (mut path, _) = path_of(doc, flow_mapping);
    let entry_start = text[..offset].rfind(['{', ',']).map_or(0, |i| i + 1);
    let entry = &text[entry_start..offset];
    if let Some(colon) = key_colon(entry.trim_start()) {
        // `{ key: $0 }`: the value of that key, not a new key.
        let key_start = entry_start + entry.len() - entry.trim_start().len();
        let key = text[key_start..key_start + colon].trim_end();
        let after_colon = &text[key_start + colon + 1..offset];
        let value_start = offset - after_colon.trim_start().len();
        path.push(PathSegment::Key(key.to_string()));
        return Some(CursorContext {
            path,
            slot: CursorSlot::Value,
            range: TextRange::new(value_start, offset),
            siblings: Vec::new(),
            flow: true,
            value_below_key: false,
            line: CursorLine::default(),
            item_above: None,
        });
    }
    // Past the separator, whatever its width (U+2001 is whitespace too, and three bytes long).
    let word_start = text[..offset]
        .char_indices()
        .rev()
        .find(|&(_, c)| c.is_whitespace() || "{,".contains(c))
        .map_or(0, |(i, c)| i + c.len_utf8());
    path.push(PathSegment::Key(text[word_start..offset].to_string()));
    Some(CursorContext {
        path,
        slot: CursorSlot::Key,
        range: TextRange::new(word_start, offset),
        siblings: keys_of(doc, flow_mapping, None),
        flow: true,
        value_below_key: false,
        line: CursorLine::default(),
        item_above: None,
    })
}

/// A plain scalar that runs over several lines into the document's first error: the parser folded a key
/// still being typed (`  restart` with no colon yet) into the value above it. The lines' indentation reads
/// it as a person does.
fn swallowed_by_error(text: &str, doc: &Document, id: NodeId) -> bool {
    let node = doc.node(id);
    let plain = matches!(
        node.kind,
        NodeKind::Scalar {
            style: super::super::ScalarStyle::Plain,
            ..
        }
    );
    plain && doc.runs_into_error(text, node.range)
}

/// A one-word plain scalar that is a mapping value, starts a line of its own below its key, and has nothing
/// after it on that line.
fn alone_below_its_key(text: &str, doc: &Document, id: NodeId) -> bool {
    let node = doc.node(id);
    let plain_word = matches!(
        node.kind,
        NodeKind::Scalar {
            style: super::super::ScalarStyle::Plain,
            ..
        }
    ) && !node.range.is_empty()
        && !text[node.range.as_range()].contains(char::is_whitespace);
    let Some(NodeKind::Mapping { entries, .. }) = node.parent.map(|p| doc.node(p).kind) else {
        return false;
    };
    let entries = doc.entries_of(*entries);
    let Some(&(key, _)) = entries.iter().find(|(_, value)| *value == id) else {
        return false;
    };
    let between = &text[doc.node(key).range.end.min(node.range.start)..node.range.start];
    let line_before = &between[between.rfind(BREAKS).map_or(between.len(), |i| i + 1)..];
    let line_after = &text[node.range.end..line_end(text, node.range.end)];
    plain_word
        && between.contains(BREAKS)
        && line_before.trim().is_empty()
        && code(line_after).is_empty()
}

fn is_block_scalar(doc: &Document, id: NodeId) -> bool {
    matches!(
        doc.node(id).kind,
        NodeKind::Scalar {
            style: super::super::ScalarStyle::Literal | super::super::ScalarStyle::Folded,
            ..
        }
    )
}

fn in_flow(doc: &Document, id: NodeId) -> bool {
    let mut current = doc.node(id).parent;
    while let Some(parent) = current {
        if matches!(
            doc.node(parent).kind,
            NodeKind::Mapping { flow: true, .. } | NodeKind::Sequence { flow: true, .. }
        ) {
            return true;
        }
        current = doc.node(parent).parent;
    }
    false
}

fn keys_of(doc: &Document, mapping: NodeId, except: Option<NodeId>) -> Vec<String> {
    doc.entries(mapping)
        .iter()
        .filter(|(k, _)| Some(*k) != except)
        .filter_map(|(k, _)| doc.scalar(*k).map(str::to_string))
        .collect()
}

/// The path from the root to a node, and whether the node is a key or a value.
pub(crate) fn path_of(doc: &Document, id: NodeId) -> (FieldPath, CursorSlot) {
    let mut path = Vec::new();
    let mut slot = CursorSlot::Value;
    let mut child = id;
    let mut first = true;
    while let Some(parent) = doc.node(child).parent {
        match &doc.node(parent).kind {
            NodeKind::Mapping { entries, .. } => {
                let entries = doc.entries_of(*entries);
                if let Some((key, _)) = entries.iter().find(|(_, v)| *v == child) {
                    path.push(PathSegment::Key(
                        doc.scalar(*key).unwrap_or_default().to_string(),
                    ));
                } else if let Some((key, _)) = entries.iter().find(|(k, _)| *k == child) {
                    path.push(PathSegment::Key(
                        doc.scalar(*key).unwrap_or_default().to_string(),
                    ));
                    if first {
                        slot = CursorSlot::Key;
                    }
                }
            }
            NodeKind::Sequence { items, .. } => {
                let items = doc.items_of(*items);
                if let Some(index) = items.iter().position(|item| *item == child) {
                    path.push(PathSegment::Index(index));
                }
            }
            _ => {}
        }
        first = false;
        child = parent;
    }
    path.reverse();
    (path.into(), slot)
}
