//! Quick fixes: the fixes of the diagnostics that touch a range. Each diagnostic computes its own fixes
//! (where the tree that explains it is at hand): replace an unknown key or enum value with the suggestion,
//! add a missing required field at the mapping's indentation, unquote a quoted number, remove a duplicate
//! key, quote a YAML 1.1 boolean. The caller passes the file's diagnostics (the language server its
//! cached ones), so asking for fixes never analyses the file again. The builders here are the repairs that
//! more than one rule needs, as pure functions of the text and the tree: every allowed value of an enum, a
//! quantity in the unit the user meant, another declared name, a new volume, an entry removed, a field
//! set at a path of keys.

mod add_volume;
mod edit;
mod enum_value;
mod lists;
mod names;
mod quantity;
mod remove;
mod rename;
mod set_field;
mod spacing;

pub(crate) use add_volume::add_volume;
pub(crate) use edit::{append_in_flow, append_lines, line_break, requote, scalar as scalar_text};
pub(crate) use enum_value::{enum_choices, pull_policy_default};
pub(crate) use lists::{object_to_list, string_to_list};
pub(crate) use names::{format_name, rename_duplicate};
pub(crate) use quantity::quantity_corrections;
pub(crate) use remove::{remove_entry, remove_entry_at, remove_item};
pub(crate) use rename::rename_choices;
pub(crate) use set_field::set_field;
pub(crate) use spacing::glued_key_value;

use crate::syntax::TextRange;

/// A fix before it is attached to its diagnostic: what a rule passes to `Diagnostic::with_fixes`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Proposal {
    pub title: String,
    pub edits: Vec<(TextRange, String)>,
    pub preferred: bool,
}

impl Proposal {
    fn replace(title: String, range: TextRange, new_text: String, preferred: bool) -> Self {
        Proposal {
            title,
            edits: vec![(range, new_text)],
            preferred,
        }
    }
}

/// `Title * -> new text` for each proposal (`*` when preferred): what the builders' tests compare.
#[cfg(test)]
fn describe(proposals: &[Proposal]) -> Vec<String> {
    proposals
        .iter()
        .map(|p| {
            let star = if p.preferred { " *" } else { "" };
            format!("{}{star} -> {}", p.title, p.edits[0].1)
        })
        .collect()
}

/// The node at a path of mapping keys from the document's root: where the builders' tests find their input.
#[cfg(test)]
fn at_path(doc: &crate::syntax::Document, keys: &[&str]) -> Option<crate::syntax::NodeId> {
    keys.iter()
        .try_fold(doc.root?, |node, key| doc.get(node, key))
}

#[cfg(test)]
mod tests;
