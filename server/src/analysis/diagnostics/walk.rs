//! The one walk of a Pod document against the field table: every node is visited once with the field it is
//! the value of (or an item or map value of) and the type the table expects there. `types` decides whether
//! the node has that shape; only then do the other rules look at it and the walk go deeper. Keys the table
//! does not know are left to `unknown_fields` and not entered.

use super::value::{Scalar, scalar};
use super::{
    Context, Diagnostic, conflicts, devices, enums, names, os, paths, policies, projected,
    quantity, ranges, references, required, sysctls, types, unknown_fields, warnings,
};
use crate::schema::{Field, FieldType};
use crate::syntax::{NodeId, PathSegment, TextRange};

/// A node and what the field table says belongs there.
pub(crate) struct Visit<'a> {
    /// The node after following an alias.
    pub node: NodeId,
    /// The node as written (an alias stays an alias): where diagnostics about the value point.
    pub written: NodeId,
    /// The key whose value this is, for mapping values.
    pub key: Option<NodeId>,
    pub path: Vec<PathSegment>,
    /// The field this is the value of, or an item or map value of.
    pub field: Option<&'a Field>,
    pub ty: &'a FieldType,
    /// The scalar's meaning, `None` for collections.
    pub scalar: Option<Scalar<'a>>,
}

impl Visit<'_> {
    pub fn range(&self, cx: &Context) -> TextRange {
        cx.doc.node(self.written).range
    }

    /// Where a diagnostic about the whole object points: its key, or for a sequence item (or the document
    /// root) its first key, so the squiggle stays on one line.
    pub fn anchor(&self, cx: &Context) -> TextRange {
        if let Some(key) = self.key {
            return cx.doc.node(key).range;
        }
        match cx.doc.entries(self.node).first() {
            Some((key, _)) => cx.doc.node(*key).range,
            None => self.range(cx),
        }
    }

    pub fn is_null(&self) -> bool {
        self.scalar == Some(Scalar::Null)
    }

    /// The object type name when this is an object of the table.
    pub fn object(&self) -> Option<&str> {
        match self.ty {
            FieldType::Object(name) => Some(name),
            _ => None,
        }
    }

    /// The path one step further.
    pub fn child(&self, segment: PathSegment) -> Vec<PathSegment> {
        let mut path = self.path.clone();
        path.push(segment);
        path
    }

    /// The path some steps further.
    pub fn child_path(&self, rest: &[PathSegment]) -> Vec<PathSegment> {
        let mut path = self.path.clone();
        path.extend_from_slice(rest);
        path
    }
}

type Rule = fn(&Context, &Visit, &mut Vec<Diagnostic>);

/// The rules that look at each node in turn; order does not matter (diagnostics are sorted by position).
const RULES: &[Rule] = &[
    unknown_fields::check,
    required::check,
    enums::check,
    names::check,
    paths::check,
    ranges::check,
    quantity::check,
    references::check,
    conflicts::check,
    os::check,
    devices::check,
    sysctls::check,
    policies::check,
    projected::check,
    warnings::check,
];

/// Deeper than any Pod; stops an alias that names its own ancestor.
const MAX_DEPTH: usize = 64;

pub(super) fn check_pod(cx: &Context, out: &mut Vec<Diagnostic>) {
    let Some(root) = cx.doc.root else {
        return;
    };
    let ty = cx.schema.root_field_type();
    walk(cx, root, None, Vec::new(), None, ty, out);
}

fn walk<'a>(
    cx: &Context<'a>,
    written: NodeId,
    key: Option<NodeId>,
    path: Vec<PathSegment>,
    field: Option<&'a Field>,
    ty: &'a FieldType,
    out: &mut Vec<Diagnostic>,
) {
    if path.len() > MAX_DEPTH {
        return;
    }
    let node = cx.doc.resolve(written);
    let visit = Visit {
        node,
        written,
        key,
        path,
        field,
        ty,
        scalar: scalar(cx.doc, node),
    };
    if !types::check(cx, &visit, out) {
        return;
    }
    if node != written {
        // An alias: its anchor is checked where it is written. Walking into it again would let a few lines of
        // aliases to aliases cost exponential time (the billion-laughs document).
        return;
    }
    for rule in RULES {
        rule(cx, &visit, out);
    }
    if visit.is_null() {
        return;
    }
    match ty {
        FieldType::Object(name) => {
            let Some(def) = cx.schema.type_def(name) else {
                return;
            };
            for &(k, v) in cx.doc.entries(node) {
                let Some(name) = cx.doc.scalar(k) else {
                    continue;
                };
                if let Some(f) = def.field(name) {
                    let path = visit.child(PathSegment::Key(name.to_string()));
                    walk(cx, v, Some(k), path, Some(f), &f.ty, out);
                }
            }
        }
        FieldType::Map(value) => {
            for &(k, v) in cx.doc.entries(node) {
                let name = cx.doc.scalar(k).unwrap_or_default().to_string();
                let path = visit.child(PathSegment::Key(name));
                walk(cx, v, Some(k), path, field, value, out);
            }
        }
        FieldType::Array(item) => {
            for (i, &it) in cx.doc.items(node).iter().enumerate() {
                let path = visit.child(PathSegment::Index(i));
                walk(cx, it, None, path, field, item, out);
            }
        }
        _ => {}
    }
}
