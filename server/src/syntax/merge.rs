//! YAML 1.1 merge keys (`<<: *defaults`, `<<: [*a, *b]`), which Go YAML (kubectl) applies: the mapping gets
//! the aliased mappings' entries that it does not write itself, earlier aliases first. YAML 1.2 has no merge
//! key (yaml-rust2 reads `<<` as a key), so the builder merges when it closes a mapping, and a warning says
//! that other YAML tools may not.

use super::tree::{NodeId, NodeKind, ScalarStyle, TextRange, Tree};

/// A mapping's entries, key and value.
type Entries = Vec<(NodeId, NodeId)>;

/// `entries` with each plain `<<` entry whose value is an alias of a mapping (or a list of such aliases)
/// replaced by the entries it merges, and the ranges of the `<<` keys applied; `None` (no copy) when the
/// mapping has no `<<` key, as nearly every mapping.
pub(super) fn merge_entries(
    tree: &Tree,
    entries: &[(NodeId, NodeId)],
) -> Option<(Entries, Vec<TextRange>)> {
    let node = |id: NodeId| &tree.nodes[id.0 as usize];
    let is_merge_key = |key: NodeId| matches!(&node(key).kind, NodeKind::Scalar { value, style: ScalarStyle::Plain, tag: None, .. } if tree.text(*value) == "<<");
    let key_text = |key: NodeId| tree.scalar_text(key);
    // The mappings a `<<` value names, or `None` when it is something Go YAML refuses to merge.
    let sources = |value: NodeId| -> Option<Vec<NodeId>> {
        let mapping_of = |id: NodeId| match &node(id).kind {
            NodeKind::Alias { target: Some(t) }
                if matches!(node(*t).kind, NodeKind::Mapping { .. }) =>
            {
                Some(*t)
            }
            _ => None,
        };
        match &node(value).kind {
            NodeKind::Alias { .. } => Some(vec![mapping_of(value)?]),
            NodeKind::Sequence { items, .. } => tree
                .items_of(*items)
                .iter()
                .map(|&i| mapping_of(i))
                .collect(),
            _ => None,
        }
    };
    if !entries.iter().any(|&(k, _)| is_merge_key(k)) {
        return None;
    }
    let mut applied = Vec::new();
    let mut own: Entries = Vec::new();
    let mut merged: Entries = Vec::new();
    for &(key, value) in entries {
        match is_merge_key(key).then(|| sources(value)).flatten() {
            Some(mappings) => {
                applied.push(node(key).range);
                for mapping in mappings {
                    if let NodeKind::Mapping { entries, .. } = &node(mapping).kind {
                        merged.extend(tree.entries_of(*entries).iter().copied());
                    }
                }
            }
            None => own.push((key, value)),
        }
    }
    // The mapping's own keys win, then the first alias that has a key.
    let mut seen: Vec<&str> = own.iter().filter_map(|&(k, _)| key_text(k)).collect();
    for (key, value) in merged {
        let Some(text) = key_text(key) else { continue };
        if !seen.contains(&text) {
            seen.push(text);
            own.push((key, value));
        }
    }
    Some((own, applied))
}
