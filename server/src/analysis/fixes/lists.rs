//! A single value where a list belongs: `command: sleep 10` becomes `["sleep", "10"]` (or a shell's
//! `["sh", "-c", "…"]` when it is a shell line), and one object written without its `- ` becomes the list's
//! first item.

use super::Proposal;
use super::edit::{column, line_break};
use crate::messages::{Locale, fixes};
use crate::syntax::{Document, NodeId, NodeKind, TextRange};

/// Characters that make a string a shell line rather than words: splitting it would change its meaning.
const SHELL: &[char] = &[
    '"', '\'', '\\', '$', '|', '&', ';', '<', '>', '*', '?', '(', ')', '`', '#', '~',
];

/// The fixes for the string `value` (written at `range`) in a list-of-strings field `field`.
pub(crate) fn string_to_list(
    locale: Locale,
    value: &str,
    range: TextRange,
    field: &str,
) -> Vec<Proposal> {
    let json = |items: &[&str]| {
        let items: Vec<String> = items
            .iter()
            .map(|s| serde_json::to_string(s).unwrap_or_default())
            .collect();
        format!("[{}]", items.join(", "))
    };
    let words: Vec<&str> = value.split_whitespace().collect();
    let mut out = Vec::new();
    if words.is_empty() {
        return out;
    }
    if !value.contains(SHELL) {
        let list = json(&words);
        out.push(Proposal::replace(
            fixes::write_as_list(&list).render(locale),
            range,
            list,
            true,
        ));
    }
    if field == "command" && words.len() > 1 {
        let list = json(&["sh", "-c", value.trim()]);
        let preferred = out.is_empty();
        out.push(Proposal::replace(
            fixes::run_in_shell(&list).render(locale),
            range,
            list,
            preferred,
        ));
    }
    out
}

/// An object written where a list of objects belongs: made the list's only item (`- ` before its first key
/// and its lines indented under it; a `{ }` put in `[ ]`).
pub(crate) fn object_to_list(
    locale: Locale,
    text: &str,
    doc: &Document,
    mapping: NodeId,
) -> Option<Proposal> {
    let node = doc.node(mapping);
    let NodeKind::Mapping { entries, flow } = node.kind else {
        return None;
    };
    let entries = doc.entries_of(*entries);
    let edits = if *flow {
        vec![
            (TextRange::empty(node.range.start), "[".into()),
            (TextRange::empty(node.range.end), "]".into()),
        ]
    } else {
        let first = doc.node(entries.first()?.0).range.start;
        let key_column = column(text, first);
        if !text[first - key_column..first].trim().is_empty() {
            return None;
        }
        let mut edits = vec![(TextRange::empty(first), "- ".to_string())];
        let eol = line_break(text);
        let mut at = first;
        while let Some(i) = text[at..node.range.end].find(eol) {
            let line = at + i + eol.len();
            let indent = text[line..].len() - text[line..].trim_start_matches(' ').len();
            let blank = text[line + indent..].starts_with(['\n', '\r']);
            if !blank && indent >= key_column {
                edits.push((TextRange::empty(line), "  ".into()));
            }
            at = line;
        }
        edits
    };
    Some(Proposal {
        title: fixes::make_list_item().render(locale),
        edits,
        preferred: true,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::syntax::parse;

    fn apply(text: &str, fix: &Proposal) -> String {
        crate::syntax::apply_edits(text, &fix.edits)
    }

    #[test]
    fn strings_become_lists() {
        let titles = |value: &str, field| -> Vec<String> {
            string_to_list(
                crate::messages::Locale::En,
                value,
                TextRange::new(0, value.len()),
                field,
            )
            .iter()
            .map(|p| format!("{}{}", p.title, if p.preferred { " *" } else { "" }))
            .collect()
        };
        assert_eq!(
            titles("sleep 10", "command"),
            [
                "Write as a list: `[\"sleep\", \"10\"]` *",
                "Run in a shell: `[\"sh\", \"-c\", \"sleep 10\"]`"
            ]
        );
        assert_eq!(
            titles("--verbose", "args"),
            ["Write as a list: `[\"--verbose\"]` *"]
        );
        assert_eq!(
            titles("echo $HOME && sleep 1", "command"),
            ["Run in a shell: `[\"sh\", \"-c\", \"echo $HOME && sleep 1\"]` *"]
        );
        assert!(titles("echo \"a b\"", "args").is_empty());
    }

    #[test]
    fn an_object_becomes_the_first_item() {
        for (text, expected) in [
            (
                "ports:\n  containerPort: 80\n  # web\n\n  protocol: TCP\nimage: x\n",
                "ports:\n  - containerPort: 80\n    # web\n\n    protocol: TCP\nimage: x\n",
            ),
            (
                "ports: {containerPort: 80}\n",
                "ports: [{containerPort: 80}]\n",
            ),
            (
                "ports:\r\n  containerPort: 80\r\n  name: a\r\n",
                "ports:\r\n  - containerPort: 80\r\n    name: a\r\n",
            ),
        ] {
            let file = parse(text);
            let doc = &file.documents[0];
            let ports = crate::analysis::fixes::at_path(doc, &["ports"]).unwrap();
            let fixed = apply(
                text,
                &object_to_list(crate::messages::Locale::En, text, doc, ports).unwrap(),
            );
            assert_eq!(fixed, expected);
            assert!(parse(&fixed).documents[0].errors.is_empty());
        }
    }
}
