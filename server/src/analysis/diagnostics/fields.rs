//! Readers of mappings the rules share — a field's key and value, its string, boolean or integer, the
//! containers of a spec — and `Unique`, which reports the second use of a name that must be unique.

use crate::messages::{Arg, Message, all_of, one_of, rules as msg};

use super::code::Code;
use super::context::{Context, Visit, conflict};
use super::diagnostic::Diagnostic;
use super::first_seen::FirstSeen;
pub(crate) use crate::analysis::containers::{CONTAINER_LISTS, containers};
use crate::analysis::fixes::{remove_entry, rename_duplicate};
use crate::analysis::one_of::exclusive_fields;
use crate::analysis::scalar::{Scalar, scalar};
use crate::syntax::{Document, FieldPath, NodeId};

/// The (key, value) of a field written with a non-null value.
pub(crate) fn entry(doc: &Document, mapping: NodeId, name: &str) -> Option<(NodeId, NodeId)> {
    doc.entry_where(mapping, name, |v| {
        !matches!(scalar(doc, v), Some(Scalar::Null))
    })
}

/// A field's string value.
pub(crate) fn text<'a>(doc: &'a Document, mapping: NodeId, name: &str) -> Option<&'a str> {
    match scalar(doc, entry(doc, mapping, name)?.1)? {
        Scalar::Str(s) => Some(s),
        _ => None,
    }
}

pub(crate) fn boolean(doc: &Document, mapping: NodeId, name: &str) -> Option<bool> {
    match scalar(doc, entry(doc, mapping, name)?.1)? {
        Scalar::Bool(b) => Some(b),
        _ => None,
    }
}

pub(crate) fn integer(doc: &Document, mapping: NodeId, name: &str) -> Option<i128> {
    match scalar(doc, entry(doc, mapping, name)?.1)? {
        Scalar::Int(i) => Some(i),
        _ => None,
    }
}

/// A node's boolean value (the value of a field already looked up).
pub(crate) fn as_boolean(doc: &Document, node: Option<NodeId>) -> Option<bool> {
    match scalar(doc, node?)? {
        Scalar::Bool(b) => Some(b),
        _ => None,
    }
}

/// A node's integer value.
pub(crate) fn as_integer(doc: &Document, node: Option<NodeId>) -> Option<i128> {
    match scalar(doc, node?)? {
        Scalar::Int(i) => Some(i),
        _ => None,
    }
}

/// The value node of a non-empty string field.
pub(crate) fn named(doc: &Document, mapping: NodeId, field: &str) -> Option<NodeId> {
    let value = doc.get(mapping, field)?;
    doc.scalar(value).filter(|s| !s.is_empty())?;
    Some(value)
}

/// An object's `metadata.name`: its value node and text, when written and not empty.
pub(crate) fn object_name(doc: &Document, object: NodeId) -> Option<(NodeId, &str)> {
    let metadata = doc.resolve(doc.get(object, "metadata")?);
    let (_, value) = entry(doc, metadata, "name")?;
    Some((value, doc.scalar(value).filter(|name| !name.is_empty())?))
}

/// ` (declared: `a`, `b`)` for a message about a name that is not among them.
pub(crate) fn known(names: &[&str]) -> Arg {
    if names.is_empty() {
        return Arg::from("");
    }
    let mut list = names.to_vec();
    list.dedup();
    msg::declared(all_of(list)).into()
}

/// Reports the second and later occurrences of a name, pointing back at the first.
pub(crate) struct Unique<'a> {
    code: Code,
    what: Message,
    rule: Message,
    first: FirstSeen<'a>,
    /// For names the user picks: offer the next free one (`app-2`), within this many characters.
    rename_limit: Option<usize>,
}

impl<'a> Unique<'a> {
    pub(crate) fn new(what: Message, rule: Message) -> Self {
        Unique {
            code: Code::DuplicateName,
            what,
            rule,
            first: FirstSeen::default(),
            rename_limit: None,
        }
    }

    /// Offers to rename a duplicate to the next free name (`app-2`) of at most `limit` characters.
    pub(crate) fn renamed(mut self, limit: usize) -> Self {
        self.rename_limit = Some(limit);
        self
    }

    /// Reports under another code than `duplicate-name` (a clash of paths is a conflict of fields).
    pub(crate) fn code(mut self, code: Code) -> Self {
        self.code = code;
        self
    }

    /// `path`: the path of `node`, made only when it is reported.
    pub(crate) fn add(
        &mut self,
        cx: &Context<'a>,
        node: NodeId,
        path: impl FnOnce() -> FieldPath,
        out: &mut Vec<Diagnostic>,
    ) {
        let value = cx.doc.scalar(node).unwrap_or_default();
        match self.first.earlier(value, node) {
            None => {}
            Some(earlier) => {
                let range = cx.doc.node(node).range;
                let taken: Vec<&str> = self.first.names().collect();
                let rename = self.rename_limit.map(|limit| {
                    rename_duplicate(cx.locale, cx.source(node), range, &taken, limit)
                });
                out.push(
                    Diagnostic::error(
                        self.code,
                        range,
                        msg::duplicate_name(self.what.clone(), value, self.rule.clone())
                            .render(cx.locale),
                    )
                    .related(
                        cx.doc.node(earlier).range,
                        msg::first_used_here(value).render(cx.locale),
                    )
                    .at(path())
                    .with_fixes(rename),
                );
            }
        }
    }
}

/// `conflicting-fields` for a one-of: `what` needs exactly one of the object's exclusive fields
/// (`analysis::exclusive_fields`, which completion reads too).
pub(crate) fn exactly_one_of_type(
    cx: &Context,
    visit: &Visit,
    what: Message,
    out: &mut Vec<Diagnostic>,
) {
    let options = visit
        .object()
        .and_then(|name| exclusive_fields(cx.schema, name))
        .unwrap_or_default();
    exactly_one(cx, visit, &options, what, out);
}

/// `conflicting-fields` for a one-of: `what` needs exactly one of `options`. None set is reported only in a
/// complete document (a broken one may have lost it); each one after the first points back at it.
pub(crate) fn exactly_one(
    cx: &Context,
    visit: &Visit,
    options: &[&str],
    what: Message,
    out: &mut Vec<Diagnostic>,
) {
    let found: Vec<NodeId> = options
        .iter()
        .filter_map(|o| entry(cx.doc, visit.node, o).map(|(k, _)| k))
        .collect();
    match found.as_slice() {
        [] => {
            if cx.complete {
                out.push(
                    Diagnostic::error(
                        Code::ConflictingFields,
                        visit.anchor(cx),
                        msg::needs_exactly_one(what, one_of(options)).render(cx.locale),
                    )
                    .at(visit.path.clone()),
                );
            }
        }
        [_] => {}
        [first, rest @ ..] => {
            for key in rest {
                let name = cx.doc.scalar(*key).unwrap_or_default();
                let first_name = cx.doc.scalar(*first).unwrap_or_default();
                let remove =
                    |k: NodeId| remove_entry(cx.locale, cx.text, cx.doc, visit.node, k, false);
                out.push(
                    conflict(
                        cx,
                        visit,
                        *key,
                        msg::takes_exactly_one(what.clone(), one_of(options), first_name, name),
                    )
                    .related(
                        cx.doc.node(*first).range,
                        msg::set_here(first_name).render(cx.locale),
                    )
                    .with_fixes(remove(*key).into_iter().chain(remove(*first))),
                );
            }
        }
    }
}
