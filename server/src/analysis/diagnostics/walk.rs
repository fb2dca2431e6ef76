//! The one walk of a served object (a Pod, a workload with its pod template) against the field table, and
//! the registry of which rules run on which types. Every node is visited once with the field it is the value of (or an item or map value of) and
//! the type the table expects there; `type_mismatch` decides whether the node has that shape, and only
//! then do the rules look at it and the walk go deeper. Keys the table does not know are left to
//! `unknown_field` and not entered, and so are those the target Kubernetes version lacks
//! (`checks/version.rs` reports them; `absent.rs` drops other rules' findings about them). Rules register themselves in `checks::RULES` and `rules::RULES`; this
//! file names none of them.

use std::collections::HashMap;
use std::sync::OnceLock;

use super::absent::{AbsentField, drop_findings_about};
use super::checks::{self, type_mismatch};
use super::context::{Check, Context, Rule, Visit};
use super::diagnostic::Diagnostic;
use super::rules;
use crate::analysis::scalar::scalar;
use crate::analysis::versions::has_field;
use crate::schema::lookup::Names;
use crate::schema::{Field, FieldType, TypeDef};
use crate::syntax::{FieldPath, NodeId, TextRange, reads};

/// Deeper than any Pod; stops an alias that names its own ancestor.
const MAX_DEPTH: usize = 64;

/// The rules by the type they run on, built once from the lists of `checks` and `rules`; each list keeps
/// the registration order (diagnostics at the same place come out in that order).
struct Registry {
    /// The rules for nodes that are not objects of the table: those that run on every node.
    every: Vec<Check>,
    /// For each object type, the rules that run on every node or on that type (looked up at every object).
    by_type: HashMap<&'static str, Vec<Check>, Names>,
}

fn registry() -> &'static Registry {
    static REGISTRY: OnceLock<Registry> = OnceLock::new();
    REGISTRY.get_or_init(|| {
        let all: Vec<&Rule> = checks::RULES
            .iter()
            .chain(rules::RULES.iter().flat_map(|r| r.iter()))
            .collect();
        let mut by_type: HashMap<&'static str, Vec<Check>, Names> = HashMap::default();
        for type_name in all.iter().flat_map(|rule| rule.on.iter()) {
            by_type.entry(type_name).or_insert_with(|| {
                all.iter()
                    .filter(|rule| rule.on.is_empty() || rule.on.contains(type_name))
                    .map(|rule| rule.check)
                    .collect()
            });
        }
        Registry {
            every: all
                .iter()
                .filter(|rule| rule.on.is_empty())
                .map(|rule| rule.check)
                .collect(),
            by_type,
        }
    })
}

/// What a walk collects: the findings, and the keys the target version lacks (`absent.rs`); and, as a
/// stack, the fields the keys of the objects being visited name (`Visit::fields`), each object's run above
/// its parent's, so a run needs no allocation of its own.
struct Walked<'o, 'a> {
    out: &'o mut Vec<Diagnostic>,
    absent: Vec<AbsentField>,
    fields: Vec<Option<&'a Field>>,
}

/// Walks the served object of the context's site from its own type in the table: a workload's own fields
/// and its pod template in one pass. Findings about fields the target version lacks are then dropped
/// (the version finding says it once).
pub(super) fn check_site(cx: &Context, out: &mut Vec<Diagnostic>) {
    let Some(def) = cx.schema.type_def(cx.site.root.type_name) else {
        return;
    };
    let from = out.len();
    let mut walked = Walked {
        out,
        absent: Vec::new(),
        fields: Vec::with_capacity(64),
    };
    // One path for the whole walk, a segment pushed on the way down and popped on the way up: copying it at
    // every node was a sixth of the walk's time.
    let mut path = cx.site.root.prefix.clone();
    walk(
        cx,
        cx.site.owner,
        None,
        &mut path,
        None,
        def.as_field_type(),
        &mut walked,
    );
    drop_findings_about(&walked.absent, walked.out, from);
}

fn walk<'a>(
    cx: &Context<'a>,
    written: NodeId,
    key: Option<NodeId>,
    path: &mut FieldPath,
    field: Option<&'a Field>,
    ty: &'a FieldType,
    walked: &mut Walked<'_, 'a>,
) {
    if path.len() > MAX_DEPTH {
        return;
    }
    let node = cx.doc.resolve(written);
    // What a template action yields may be any value once rendered: no rule can fault it.
    if cx.doc.is_unknown(node) {
        return;
    }
    let def = match ty {
        FieldType::Object(name) => cx.schema.type_def(name),
        _ => None,
    };
    // The fields the keys name, looked up once here for the rules and the walk below.
    let start = walked.fields.len();
    if let Some(def) = def {
        walked.fields.extend(
            cx.doc
                .entries(node)
                .iter()
                .map(|&(k, _)| cx.doc.scalar(k).and_then(|name| def.field(name))),
        );
    }
    visit(cx, written, node, key, path, field, ty, def, start, walked);
    walked.fields.truncate(start);
}

/// Runs the rules on `node` and walks into it; `walked.fields[start..]` are its keys' fields.
#[allow(clippy::too_many_arguments)]
fn visit<'a>(
    cx: &Context<'a>,
    written: NodeId,
    node: NodeId,
    key: Option<NodeId>,
    path: &mut FieldPath,
    field: Option<&'a Field>,
    ty: &'a FieldType,
    def: Option<&'a TypeDef>,
    start: usize,
    walked: &mut Walked<'_, 'a>,
) {
    let visit = Visit {
        node,
        written,
        key,
        path,
        field,
        ty,
        scalar: scalar(cx.doc, node),
        def,
        fields: &walked.fields[start..],
    };
    let out = &mut *walked.out;
    if !type_mismatch::check(cx, &visit, out) {
        return;
    }
    if node != written {
        // An alias: its anchor is checked where it is written. Walking into it again would let a few lines of
        // aliases to aliases cost exponential time (the billion-laughs document).
        return;
    }
    let registry = registry();
    let checks = visit
        .object()
        .and_then(|name| registry.by_type.get(name))
        .unwrap_or(&registry.every);
    for check in checks {
        if cx.doc.is_template() {
            // A conclusion drawn from what a template hides (an unknown value, a key missed in a mapping
            // an `include` fills) is no conclusion: the rule's findings here are dropped.
            let before = out.len();
            if reads::watch(|| check(cx, &visit, out)).1 {
                out.truncate(before);
            }
        } else {
            check(cx, &visit, out);
        }
    }
    if visit.is_null() {
        return;
    }
    match ty {
        FieldType::Object(_) => {
            if def.is_none() {
                return;
            }
            let mut below = path.below();
            for (i, &(k, v)) in cx.doc.entries(node).iter().enumerate() {
                let Some(f) = walked.fields[start + i] else {
                    continue;
                };
                let name = &f.name;
                if has_field(f, cx.kubernetes) {
                    walk(cx, v, Some(k), below.key(name), Some(f), &f.ty, walked);
                } else {
                    let key = cx.doc.node(k).range;
                    walked.absent.push(AbsentField {
                        key,
                        span: TextRange::new(key.start, cx.doc.node(v).range.end.max(key.end)),
                        path: below.key(name).clone(),
                    });
                }
            }
        }
        FieldType::Map(value) => {
            let mut below = path.below();
            for &(k, v) in cx.doc.entries(node) {
                let Some(name) = cx.doc.scalar(k) else {
                    continue;
                };
                walk(cx, v, Some(k), below.key(name), field, value, walked);
            }
        }
        FieldType::Array(item) => {
            let mut below = path.below();
            for (i, &it) in cx.doc.items(node).iter().enumerate() {
                walk(cx, it, None, below.index(i), field, item, walked);
            }
        }
        _ => {}
    }
}
