//! Key completion: the fields the table allows in the mapping at the cursor, minus those already written,
//! required ones first, each inserted with what its type needs next (`key: `, a nested block, a `- ` item).

use crate::schema::{Field, FieldType};
use crate::syntax::{Before, FieldPath, PathSegment};

use super::super::field_docs::{DocStyle, render_field};
use super::snippet::escape;
use super::values::{allowed_values, gated_detail};
use super::{CompletionItem, CompletionKind, Site, TextEdit};
use crate::analysis::versions::has_field;

pub(super) fn key_items(site: &Site<'_>) -> Vec<CompletionItem> {
    let Some((PathSegment::Key(_), parent)) = site.path.split_last() else {
        return Vec::new();
    };
    let mut items = match site.type_at(parent) {
        Some(FieldType::Object(name)) => fields_of(site, name, parent, &Placement::here(site)),
        // Below `containers:`, deeper than the key but with no `- ` yet: the fields of a new item.
        Some(FieldType::Array(item)) if !site.flow => match item.as_ref() {
            FieldType::Object(name) => {
                let index = site.item_above.as_ref().map_or(0, |item| item.index + 1);
                fields_of(
                    site,
                    name,
                    &FieldPath::from(parent).index(index),
                    &Placement::new_item(site),
                )
            }
            _ => Vec::new(),
        },
        Some(FieldType::Map(value)) if matches!(value.as_ref(), FieldType::Quantity) => {
            resource_names(site, parent)
        }
        _ => Vec::new(),
    };
    items.extend(continuing_the_item_above(site, parent));
    items
}

/// Where a key goes and what is written before it.
struct Placement<'a> {
    /// Before the key: `- ` for a new item, a blank after a bare `-`, the blanks up to the keys of the item
    /// above.
    lead: String,
    /// The column the key then starts at.
    column: usize,
    new_item: bool,
    /// Keys already written in that mapping.
    existing: &'a [String],
    /// Sorts the groups: the item above first, then this mapping, then a new item.
    group: char,
}

impl<'a> Placement<'a> {
    fn here(site: &'a Site<'_>) -> Self {
        let (lead, column) = lead_in(site, false);
        Placement {
            lead: lead.to_string(),
            column,
            new_item: false,
            existing: &site.siblings,
            group: 'b',
        }
    }

    fn new_item(site: &'a Site<'_>) -> Self {
        let (lead, column) = lead_in(site, true);
        Placement {
            lead: lead.to_string(),
            column,
            new_item: true,
            existing: &[],
            group: 'c',
        }
    }
}

/// After Enter below `- containerPort: 80` the cursor sits at the dash's column: the keys that continue
/// that item, written at its keys' column.
fn continuing_the_item_above(site: &Site<'_>, parent: &[PathSegment]) -> Vec<CompletionItem> {
    let Some(item) = site.item_above.as_ref().filter(|_| !site.flow) else {
        return Vec::new();
    };
    let list = match &item.list_key {
        Some(key) => FieldPath::from(parent).key(key.as_str()),
        None => FieldPath::from(parent),
    };
    let Some(FieldType::Array(of)) = site.type_at(&list) else {
        return Vec::new();
    };
    let FieldType::Object(name) = of.as_ref() else {
        return Vec::new();
    };
    let Some(pad) = item.key_column.checked_sub(site.column()) else {
        return Vec::new();
    };
    let placement = Placement {
        lead: " ".repeat(pad),
        column: item.key_column,
        new_item: false,
        existing: &item.keys,
        group: 'a',
    };
    fields_of(site, name, &list.index(item.index), &placement)
}

/// The fields of the object type `name` at `path`, as completions placed as `placement` says; of a group
/// of exclusive fields (a probe's action, a volume's source), none once one is written.
fn fields_of(
    site: &Site<'_>,
    name: &str,
    path: &[PathSegment],
    placement: &Placement<'_>,
) -> Vec<CompletionItem> {
    let Some(def) = site.schema.type_def(name) else {
        return Vec::new();
    };
    let exclusive =
        crate::analysis::one_of::exclusive_fields(site.schema, name).unwrap_or_default();
    let taken = exclusive
        .iter()
        .any(|field| placement.existing.iter().any(|key| key == field));
    let mut items: Vec<CompletionItem> = def
        .fields
        .iter()
        .filter(|field| !field.read_only && !placement.existing.contains(&field.name))
        .filter(|field| has_field(field, site.kubernetes))
        .filter(|field| !(taken && exclusive.contains(&field.name.as_str())))
        // A field item is matched by its name (its filter text, or its label when that is the name).
        .filter(|field| super::may_match(site.typed, &field.name))
        .map(|field| field_item(site, field, path, placement))
        .collect();
    items.sort_by(|a, b| a.sort_text.cmp(&b.sort_text));
    items
}

fn field_item(
    site: &Site<'_>,
    field: &Field,
    parent: &[PathSegment],
    placement: &Placement<'_>,
) -> CompletionItem {
    let path = FieldPath::from(parent).key(field.name.as_str());
    let body = if site.line.colon_follows {
        // Renaming a key that already has its `:` and value: only the name changes.
        escape(&field.name)
    } else if site.flow {
        flow_insert(site, field, site.options.snippets)
    } else {
        block_insert(site, field, placement.column)
    };
    CompletionItem {
        // A key that starts a new list item says so: accepting it writes the `- ` too.
        label: if placement.new_item {
            format!("- {}", field.name)
        } else {
            field.name.clone()
        },
        kind: CompletionKind::Field,
        detail: Some(gated_detail(
            site,
            field.ty.display(),
            field.feature_gate.as_deref(),
        )),
        documentation: Some(render_field(
            site.schema,
            &path.to_string(),
            field,
            site.locale,
            DocStyle::Markdown,
            site.kubernetes,
        )),
        sort_text: format!(
            "{}{}{}",
            placement.group,
            if field.required { 0 } else { 1 },
            field.name
        ),
        filter_text: placement.new_item.then(|| field.name.clone()),
        edit: TextEdit {
            range: site.range,
            new_text: format!("{}{body}", placement.lead),
        },
        is_snippet: true,
        preselect: false,
    }
}

/// What goes before the key (`- ` for a new item, a space after a bare `-`), and the column the key then
/// starts at.
pub(super) fn lead_in(site: &Site<'_>, new_item: bool) -> (&'static str, usize) {
    let column = site.column();
    match (new_item, site.line.before) {
        (true, _) => ("- ", column + 2),
        (false, Before::BareDash) => (" ", column + 1),
        (false, _) => ("", column),
    }
}

/// The resource names a `requests`/`limits`/`overhead` map takes: pod-level `spec.resources` only `cpu`,
/// `memory` and huge pages (`validatePodResourceName`), a volume claim only `storage`, a container also
/// `ephemeral-storage` (`validateContainerResourceName` in `pkg/apis/core/validation/validation.go`).
fn resource_names(site: &Site<'_>, map: &[PathSegment]) -> Vec<CompletionItem> {
    let owner = map.len().checked_sub(2).and_then(|at| {
        crate::analysis::pod_sites::schema_at(site.schema, &site.root, &map[..=at])
            .and_then(|r| r.field)
    });
    let pod_level = matches!(map, [.., PathSegment::Key(spec), PathSegment::Key(resources), _] if spec == "spec" && resources == "resources");
    let of_a_claim = owner.is_some_and(
        |(_, field)| matches!(&field.ty, FieldType::Object(name) if name == "VolumeResourceRequirements"),
    );
    let names: &[&str] = if of_a_claim {
        &["storage"]
    } else if pod_level {
        &["cpu", "memory", "hugepages-2Mi", "hugepages-1Gi"]
    } else {
        &[
            "cpu",
            "memory",
            "ephemeral-storage",
            "hugepages-2Mi",
            "hugepages-1Gi",
        ]
    };
    let (lead, _) = lead_in(site, false);
    names
        .iter()
        .filter(|name| !site.siblings.iter().any(|key| key == *name))
        .enumerate()
        .map(|(order, name)| CompletionItem {
            label: name.to_string(),
            kind: CompletionKind::Field,
            detail: Some(crate::messages::completion::quantity().render(site.locale)),
            documentation: crate::analysis::resource_docs::resource_doc(
                site.schema,
                name,
                site.locale,
            ),
            sort_text: format!("b{order}"),
            filter_text: None,
            edit: TextEdit {
                range: site.range,
                new_text: format!("{lead}{}: $0", escape(name)),
            },
            is_snippet: true,
            preselect: false,
        })
        .collect()
}

/// `key: ` and its value's opening, in a `{ }` mapping: never a line break. The brackets come only with a
/// snippet, which can put the cursor between them.
fn flow_insert(site: &Site<'_>, field: &Field, snippets: bool) -> String {
    let name = escape(&field.name);
    match (&field.ty, snippets) {
        (FieldType::Object(_) | FieldType::Map(_), true) => format!("{name}: {{ $0 }}"),
        (FieldType::Array(_), true) => format!("{name}: [$0]"),
        _ => scalar_insert(site, field),
    }
}

/// `key: `, `key:` + a nested line, or `key:` + a `- ` item, for a key at `column` of a block mapping, in
/// absolute columns (the caller makes them relative where the client wants that).
fn block_insert(site: &Site<'_>, field: &Field, column: usize) -> String {
    let name = escape(&field.name);
    match &field.ty {
        FieldType::Object(_) | FieldType::Map(_) => {
            format!("{name}:\n{}$0", site.indentation.child(column))
        }
        FieldType::Array(_) => format!("{name}:\n{}- $0", site.indentation.item(column)),
        _ => scalar_insert(site, field),
    }
}

/// `key: ` for a scalar: with its only allowed value written out (`apiVersion: v1`), or a choice of its
/// values (default first).
fn scalar_insert(site: &Site<'_>, field: &Field) -> String {
    let name = escape(&field.name);
    match field.enum_values.as_slice() {
        [only] if !only.is_empty() => format!("{name}: {}", escape(only)),
        _ => format!(
            "{name}: {}",
            choice(site, field).unwrap_or_else(|| "$0".into())
        ),
    }
}

/// A snippet choice of a field's values (`${1|Always,IfNotPresent,Never|}`), for enums and booleans.
fn choice(site: &Site<'_>, field: &Field) -> Option<String> {
    let values = allowed_values(field, site.kubernetes);
    (!values.is_empty()
        && values
            .iter()
            .all(|v| !v.contains([',', '|', '$', '}', '\\'])))
    .then(|| format!("${{1|{}|}}", values.join(",")))
}
