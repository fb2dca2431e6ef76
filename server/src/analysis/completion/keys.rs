//! Key completion: the fields the table allows in the mapping at the cursor, minus those already written,
//! required ones first, each inserted with what its type needs next (`key: `, a nested block, a `- ` item).

use crate::schema::{Field, FieldType};
use crate::syntax::{Before, PathSegment, dotted};

use super::super::{DocStyle, render_field};
use super::values::allowed_values;
use super::{CompletionItem, CompletionKind, Site, TextEdit};

pub(super) fn key_items(site: &Site<'_>) -> Vec<CompletionItem> {
    let Some((PathSegment::Key(_), parent)) = site.path.split_last() else {
        return Vec::new();
    };
    match site.type_at(parent) {
        Some(FieldType::Object(name)) => fields_of(site, name, parent, false),
        // Below `containers:`, deeper than the key but with no `- ` yet: the fields of a new item.
        Some(FieldType::Array(item)) if !site.flow => match item.as_ref() {
            FieldType::Object(name) => {
                let mut item_path = parent.to_vec();
                item_path.push(PathSegment::Index(0));
                fields_of(site, name, &item_path, true)
            }
            _ => Vec::new(),
        },
        _ => Vec::new(),
    }
}

/// The fields of the object type `name` at `path`, as completions; `new_item` prefixes each with `- `.
pub(super) fn fields_of(
    site: &Site<'_>,
    name: &str,
    path: &[PathSegment],
    new_item: bool,
) -> Vec<CompletionItem> {
    let Some(def) = site.schema.type_def(name) else {
        return Vec::new();
    };
    let mut items: Vec<CompletionItem> = def
        .fields
        .iter()
        .filter(|field| !field.read_only && !site.siblings.contains(&field.name))
        .map(|field| field_item(site, field, path, new_item))
        .collect();
    items.sort_by(|a, b| a.sort_text.cmp(&b.sort_text));
    items
}

fn field_item(
    site: &Site<'_>,
    field: &Field,
    parent: &[PathSegment],
    new_item: bool,
) -> CompletionItem {
    let mut path = parent.to_vec();
    path.push(PathSegment::Key(field.name.clone()));
    let (lead, column) = lead_in(site, new_item);
    let snippets = site.options.snippets;
    let body = if site.line.colon_follows {
        // Renaming a key that already has its `:` and value: only the name changes.
        field.name.clone()
    } else if site.flow {
        flow_insert(field, snippets)
    } else {
        block_insert(site, field, column, snippets)
    };
    CompletionItem {
        label: field.name.clone(),
        kind: CompletionKind::Field,
        detail: Some(field.ty.display()),
        documentation: Some(render_field(
            site.schema,
            &dotted(&path),
            field,
            site.options.locale,
            DocStyle::Markdown,
        )),
        sort_text: format!("{}{}", if field.required { 0 } else { 1 }, field.name),
        filter_text: None,
        edit: TextEdit {
            range: site.range,
            new_text: format!("{lead}{body}"),
        },
        is_snippet: snippets && body.contains('$'),
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

/// `key: ` and its value's opening, in a `{ }` mapping: never a line break.
fn flow_insert(field: &Field, snippets: bool) -> String {
    let name = &field.name;
    match (&field.ty, snippets) {
        (FieldType::Object(_) | FieldType::Map(_), true) => format!("{name}: {{ $0 }}"),
        (FieldType::Array(_), true) => format!("{name}: [$0]"),
        _ => scalar_insert(field, snippets),
    }
}

/// `key: `, `key:` + a nested line, or `key:` + a `- ` item, for a key at `column` of a block mapping.
fn block_insert(site: &Site<'_>, field: &Field, column: usize, snippets: bool) -> String {
    let name = &field.name;
    let end = if snippets { "$0" } else { "" };
    match &field.ty {
        FieldType::Object(_) | FieldType::Map(_) => {
            format!("{name}:\n{}{end}", site.indentation.child(column))
        }
        FieldType::Array(_) => format!("{name}:\n{}- {end}", site.indentation.item(column)),
        _ => scalar_insert(field, snippets),
    }
}

/// `key: ` for a scalar: with its only allowed value written out (`apiVersion: v1`), or a choice of its
/// values in a snippet.
fn scalar_insert(field: &Field, snippets: bool) -> String {
    let name = &field.name;
    match field.enum_values.as_slice() {
        [only] if !only.is_empty() => format!("{name}: {only}"),
        _ if snippets => format!("{name}: {}", choice(field).unwrap_or_default()),
        _ => format!("{name}: "),
    }
}

/// A snippet choice of a field's values (`${1|Always,IfNotPresent,Never|}`), for enums and booleans.
fn choice(field: &Field) -> Option<String> {
    let values = allowed_values(field);
    (!values.is_empty()
        && values
            .iter()
            .all(|v| !v.contains([',', '|', '$', '}', '\\'])))
    .then(|| format!("${{1|{}|}}", values.join(",")))
}
