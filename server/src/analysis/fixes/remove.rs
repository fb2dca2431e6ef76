//! "Remove `tcpSocket`": a field that must go (a second probe handler, `status`, a field an ephemeral
//! container may not set), deleted with its value in block style (its whole lines, or up to the next key
//! when it follows an item's `- `) or in flow style (with one of its commas); and a list item that has no
//! effect (an env variable set again later).

use super::Proposal;
use super::edit::column;
use crate::messages::{Locale, fixes};
use crate::syntax::lines::next_line_start;
use crate::syntax::{Document, NodeId, NodeKind, TextRange};

/// The fix that removes the entry `key: value` of `mapping`; none when the mapping would be left as an
/// item with nothing in it (an empty `- `).
pub(crate) fn remove_entry(
    locale: Locale,
    text: &str,
    doc: &Document,
    mapping: NodeId,
    key: NodeId,
    preferred: bool,
) -> Option<Proposal> {
    let NodeKind::Mapping { entries, .. } = doc.node(mapping).kind else {
        return None;
    };
    let entries = doc.entries_of(*entries);
    let index = entries.iter().position(|(k, _)| *k == key)?;
    remove_entry_at(locale, text, doc, mapping, index, preferred)
}

/// `remove_entry` of the mapping's `index`th entry, for a caller going through the entries (searching for
/// each key made a mapping that repeats one key thousands of times quadratic).
pub(crate) fn remove_entry_at(
    locale: Locale,
    text: &str,
    doc: &Document,
    mapping: NodeId,
    index: usize,
    preferred: bool,
) -> Option<Proposal> {
    let NodeKind::Mapping { entries, flow } = doc.node(mapping).kind else {
        return None;
    };
    let entries = doc.entries_of(*entries);
    let &(key, _) = entries.get(index)?;
    let name = doc.scalar(key)?;
    let key_range = doc.node(key).range;
    let end = doc.node(entries[index].1).range.end.max(key_range.end);
    let range = if *flow {
        with_a_comma(
            TextRange::new(key_range.start, end),
            entries
                .get(index + 1)
                .map(|(next, _)| doc.node(*next).range.start),
            index
                .checked_sub(1)
                .map(|i| doc.node(entries[i].1).range.end),
        )
    } else {
        let line_start = key_range.start - column(text, key_range.start);
        if text[line_start..key_range.start].trim().is_empty() {
            whole_lines(text, line_start, end)
        } else {
            // `- key: value`: the next key moves up behind the dash.
            let (next, _) = entries.get(index + 1)?;
            TextRange::new(key_range.start, doc.node(*next).range.start)
        }
    };
    Some(Proposal::replace(
        fixes::remove(name).render(locale),
        range,
        String::new(),
        preferred,
    ))
}

/// The fix titled `title` that removes the `index`th item from the sequence `list`: its `- ` line and the
/// lines under it, or in flow style the item with one of its commas.
pub(crate) fn remove_item(
    text: &str,
    doc: &Document,
    list: NodeId,
    index: usize,
    title: String,
) -> Option<Proposal> {
    let NodeKind::Sequence { items, flow } = doc.node(list).kind else {
        return None;
    };
    let items = doc.items_of(*items);
    let item = *items.get(index)?;
    let node = doc.node(item).range;
    let range = if *flow {
        with_a_comma(
            node,
            items.get(index + 1).map(|next| doc.node(*next).range.start),
            index.checked_sub(1).map(|i| doc.node(items[i]).range.end),
        )
    } else {
        let dash = text[..node.start]
            .trim_end_matches(' ')
            .strip_suffix('-')?
            .len();
        let line_start = dash - column(text, dash);
        if !text[line_start..dash].trim().is_empty() {
            return None;
        }
        whole_lines(text, line_start, node.end)
    };
    Some(Proposal::replace(title, range, String::new(), true))
}

/// A flow element with the comma after it (up to the next element's start), or, for the last, with the one
/// before it (from the previous element's end).
fn with_a_comma(element: TextRange, next: Option<usize>, previous: Option<usize>) -> TextRange {
    match (next, previous) {
        (Some(next), _) => TextRange::new(element.start, next),
        (None, Some(previous)) => TextRange::new(previous, element.end),
        (None, None) => element,
    }
}

/// From `start` through the end of the line holding `end`, its line break included.
fn whole_lines(text: &str, start: usize, end: usize) -> TextRange {
    TextRange::new(start, next_line_start(text, end))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::syntax::parse;

    fn removed(text: &str, path: &[&str], name: &str) -> Option<String> {
        let file = parse(text);
        let doc = &file.documents[0];
        let mapping = crate::analysis::fixes::at_path(doc, path).unwrap();
        let mapping = doc.items(mapping).first().copied().unwrap_or(mapping);
        let key = doc
            .entries(mapping)
            .iter()
            .find(|(k, _)| doc.scalar(*k) == Some(name))?
            .0;
        let fix = remove_entry(crate::messages::Locale::En, text, doc, mapping, key, true)?;
        let mut out = text.to_string();
        out.replace_range(fix.edits[0].0.as_range(), "");
        assert!(parse(&out).documents[0].errors.is_empty(), "{out}");
        Some(out)
    }

    #[test]
    fn entries_go_with_their_lines_or_commas() {
        let probe = "probe:\n  httpGet:\n    port: 80\n  tcpSocket:\n    port: 80 # c\n  periodSeconds: 3\n";
        let flow = "probe: {httpGet: {port: 80}, tcpSocket: {port: 80}}\n";
        let cases: [(&str, &[&str], &str, Option<&str>); 6] = [
            (
                probe,
                &["probe"],
                "tcpSocket",
                Some("probe:\n  httpGet:\n    port: 80\n  periodSeconds: 3\n"),
            ),
            (
                "items:\n- ports: []\n  name: a\n",
                &["items"],
                "ports",
                Some("items:\n- name: a\n"),
            ),
            ("items:\n- ports: []\n", &["items"], "ports", None),
            (
                flow,
                &["probe"],
                "httpGet",
                Some("probe: {tcpSocket: {port: 80}}\n"),
            ),
            (
                flow,
                &["probe"],
                "tcpSocket",
                Some("probe: {httpGet: {port: 80}}\n"),
            ),
            ("a:\n  b: 1\n  c: 2", &["a"], "b", Some("a:\n  c: 2")),
        ];
        // Lines end where YAML ends them: at `\n`, `\r\n` or a lone `\r`, also in a file that mixes them.
        for eol in ["\n", "\r\n", "\r"] {
            for (text, path, name, expected) in cases {
                let text = text.replace('\n', eol);
                let expected = expected.map(|e| e.replace('\n', eol));
                assert_eq!(removed(&text, path, name), expected, "{text:?}");
            }
        }
        assert_eq!(
            removed("a:\n  b: 1\r  c: 2\n", &["a"], "b").as_deref(),
            Some("a:\n  c: 2\n")
        );
    }

    #[test]
    fn items_go_with_their_lines_or_commas() {
        let without_first = |text: &str| {
            let file = parse(text);
            let doc = &file.documents[0];
            let list = crate::analysis::fixes::at_path(doc, &["env"]).unwrap();
            let fix = remove_item(text, doc, list, 0, "Remove".into()).unwrap();
            let mut out = text.to_string();
            out.replace_range(fix.edits[0].0.as_range(), "");
            out
        };
        for eol in ["\n", "\r\n", "\r"] {
            let text = "env:\n  - name: A\n    value: x\n  - name: A\n    value: y\n";
            assert_eq!(
                without_first(&text.replace('\n', eol)),
                "env:\n  - name: A\n    value: y\n".replace('\n', eol)
            );
        }
        assert_eq!(
            without_first("env: [{name: A, value: x}, {name: A}]\n"),
            "env: [{name: A}]\n"
        );
    }
}
