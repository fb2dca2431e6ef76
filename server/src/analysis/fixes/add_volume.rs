//! "Add volume `data` (emptyDir: {})": a volumeMount names a volume the Pod does not declare; the fix
//! declares it. `emptyDir` is the one volume source that needs nothing else and exists on every node — a
//! safe start the title names, for the user to change to the source they meant. The entry joins
//! `spec.volumes` in the document's own style (block at its indentation, flow, JSON), creating the key.

use super::Proposal;
use super::edit::{append_in_flow, append_lines, column, key, scalar};
use crate::analysis::scalar::{Scalar, plain};
use crate::messages::{Locale, fixes};
use crate::syntax::Indentation;
use crate::syntax::{Document, NodeId, NodeKind, ScalarStyle, TextRange};

/// The fix that declares volume `name` in the Pod spec `spec`; none where the text has no clear place for
/// it (a `volumes:` that is not a list).
pub(crate) fn add_volume(
    locale: Locale,
    text: &str,
    doc: &Document,
    spec: NodeId,
    name: &str,
    preferred: bool,
) -> Option<Proposal> {
    let edit = insertion(text, doc, spec, name)?;
    Some(Proposal {
        title: fixes::add_volume(name).render(locale),
        edits: vec![edit],
        preferred,
    })
}

fn insertion(text: &str, doc: &Document, spec: NodeId, name: &str) -> Option<(TextRange, String)> {
    let spec_node = doc.node(spec);
    let NodeKind::Mapping { entries, flow } = spec_node.kind else {
        return None;
    };
    let entries = doc.entries_of(*entries);
    let json = entries
        .first()
        .is_some_and(|(k, _)| text[doc.node(*k).range.as_range()].starts_with('"'));
    let flow_item = || {
        let (n, e) = (key("name", json), key("emptyDir", json));
        format!("{{{n}: {}, {e}: {{}}}}", scalar(name, json))
    };
    let indentation = Indentation::detect(text, doc.range, 2);
    let volumes = entries
        .iter()
        .find(|(k, _)| doc.scalar(*k) == Some("volumes"))
        .copied();
    match volumes {
        Some((volumes_key, list)) => {
            let list_node = doc.node(list);
            match list_node.kind {
                NodeKind::Sequence { flow: true, .. } => {
                    append_in_flow(text, doc, list, &flow_item())
                }
                NodeKind::Sequence { items, flow: false } => {
                    let items = doc.items_of(*items);
                    // After the last item, its dash and keys at the columns of the first item.
                    let first = doc.node(*items.first()?).range.start;
                    let dash = text[..first].trim_end_matches(' ').strip_suffix('-')?.len();
                    let (dash, keys) = (column(text, dash), column(text, first));
                    Some(append_lines(
                        text,
                        list_node.range.end,
                        &item_lines(name, dash, keys),
                    ))
                }
                NodeKind::Scalar { null: true, .. } if list_node.range.is_empty() && !*flow => {
                    // `volumes:` with nothing after it: the item on the next lines.
                    let dash = indentation
                        .item(column(text, doc.node(volumes_key).range.start))
                        .len();
                    Some(append_lines(
                        text,
                        list_node.range.start,
                        &item_lines(name, dash, dash + 2),
                    ))
                }
                NodeKind::Scalar {
                    value,
                    style: ScalarStyle::Plain,
                    ..
                } if matches!(plain(doc.text(*value)), Scalar::Null) => {
                    // `volumes: null`, `volumes: ~`, or a null in a flow mapping: a list in its place.
                    let range = list_node.range;
                    let spaced = if range.is_empty() { " " } else { "" };
                    Some((range, format!("{spaced}[{}]", flow_item())))
                }
                _ => None,
            }
        }
        None if *flow => {
            let volumes = key("volumes", json);
            append_in_flow(text, doc, spec, &format!("{volumes}: [{}]", flow_item()))
        }
        None => {
            let (first_key, _) = entries.first()?;
            let keys = column(text, doc.node(*first_key).range.start);
            let dash = indentation.item(keys).len();
            let mut lines = vec![format!("{}volumes:", " ".repeat(keys))];
            lines.extend(item_lines(name, dash, dash + 2));
            Some(append_lines(text, spec_node.range.end, &lines))
        }
    }
}

/// `- name: data` and `  emptyDir: {}` with the dash and the keys at these columns.
fn item_lines(name: &str, dash: usize, keys: usize) -> Vec<String> {
    let gap = " ".repeat(keys.saturating_sub(dash + 1).max(1));
    vec![
        format!("{}-{gap}name: {}", " ".repeat(dash), scalar(name, false)),
        format!("{}emptyDir: {{}}", " ".repeat(keys.max(dash + 2))),
    ]
}

#[cfg(test)]
mod tests;
