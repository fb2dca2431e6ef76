//! Value completion: the allowed values of enum and boolean fields, and names that must refer to something
//! declared elsewhere in the same Pod (a volume, a container port, a resource claim).

use crate::schema::{Field, FieldType};
use crate::syntax::{Before, Document, FieldPath, NodeId, PathSegment};

use super::super::field_docs::{DocStyle, render_value};
use super::snippet::escape;
use super::{CompletionItem, CompletionKind, Site, TextEdit};
use crate::analysis::inputs::KubernetesVersion;
use crate::analysis::versions::{gate_off, has_value};
use crate::messages::{Arg, completion as msg, names};

pub(super) fn value_items(site: &Site<'_>) -> Vec<CompletionItem> {
    let Some((PathSegment::Key(_), parent)) = site.path.split_last() else {
        return Vec::new();
    };
    // A label's or annotation's value is free text, whatever the map is called.
    if !matches!(site.type_at(parent), Some(FieldType::Object(_))) {
        return Vec::new();
    }
    let Some((_, field)) =
        crate::analysis::pod_sites::schema_at(site.schema, &site.root, &site.path)
            .and_then(|resolved| resolved.field)
    else {
        return Vec::new();
    };
    if !field.ty.is_scalar() {
        return Vec::new();
    }
    let mut items = allowed_items(site, field);
    if let Some(reference) = reference(&site.path) {
        items.extend(declared_names(site, reference));
    }
    items
}

/// The values a scalar field allows: its enum (without the empty string, which is never typed), or both
/// booleans; its default first (what a snippet choice pre-selects), the rest in the table's order.
pub(super) fn allowed_values(field: &Field, target: KubernetesVersion) -> Vec<&str> {
    let mut values: Vec<&str> = match field.ty {
        FieldType::Boolean => vec!["true", "false"],
        _ => field
            .enum_values
            .iter()
            .map(String::as_str)
            .filter(|v| !v.is_empty() && has_value(field, v, target))
            .collect(),
    };
    if let Some(default) = field.default.as_deref() {
        if let Some(at) = values.iter().position(|v| *v == default) {
            values[..=at].rotate_right(1);
        }
    }
    values
}

fn allowed_items(site: &Site<'_>, field: &Field) -> Vec<CompletionItem> {
    allowed_values(field, site.kubernetes)
        .into_iter()
        .enumerate()
        .map(|(i, value)| {
            let documentation =
                render_value(site.schema, field, value, site.locale, DocStyle::Markdown);
            let gate = field.value_gates.get(value).map(String::as_str);
            let detail = gated_detail(site, field.ty.display(), gate);
            let mut item = value_item(site, value, Some(detail), documentation, i);
            item.preselect = field.default.as_deref() == Some(value);
            item
        })
        .collect()
}

/// An item's detail (its type), marked when the feature gate behind it is off by default in the target:
/// `string · gate ContainerStopSignals (alpha, off by default)`.
pub(super) fn gated_detail(site: &Site<'_>, ty: String, gate: Option<&str>) -> String {
    match gate.and_then(|g| gate_off(site.schema, g, site.kubernetes)) {
        Some(off) => {
            let stage: Arg = match off.stage {
                Some(stage) => stage.name().into(),
                None => msg::gate_not_yet().into(),
            };
            msg::gated_off(ty, &off.gate.name, stage).render(site.locale)
        }
        None => ty,
    }
}

pub(super) fn value_item(
    site: &Site<'_>,
    value: &str,
    detail: Option<String>,
    documentation: Option<String>,
    order: usize,
) -> CompletionItem {
    // Right after `key:` with no blank yet, the value needs one.
    let lead = if site.line.before == Before::Colon {
        " "
    } else {
        ""
    };
    // A value being typed inside quotes keeps them (`"If` → `"IfNotPresent"`).
    let quote = site.text[site.range.as_range()]
        .chars()
        .next()
        .filter(|c| *c == '"' || *c == '\'');
    let quoted = match quote {
        Some(q) => format!("{q}{value}{q}"),
        None => value.to_string(),
    };
    CompletionItem {
        label: value.to_string(),
        kind: CompletionKind::Value,
        detail,
        documentation,
        sort_text: format!("{order:03}"),
        filter_text: quote.map(|_| quoted.clone()),
        edit: TextEdit {
            range: site.range,
            new_text: format!("{lead}{}", escape(&quoted)),
        },
        is_snippet: true,
        preselect: false,
    }
}

/// Which declared names a field's value must be one of.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Reference {
    /// `volumeMounts[].name`, `volumeDevices[].name` → `spec.volumes[].name`.
    Volume,
    /// A probe's or lifecycle hook's named `port` → the same container's `ports[].name`.
    ContainerPort,
    /// `resources.claims[].name` → `spec.resourceClaims[].name`.
    ResourceClaim,
}

/// The reference a value at `path` makes, with the path of the container it sits in.
fn reference(path: &[PathSegment]) -> Option<(Reference, &[PathSegment])> {
    let at = path.iter().rposition(|segment| {
        matches!(segment, PathSegment::Key(k) if matches!(k.as_str(), "containers" | "initContainers" | "ephemeralContainers"))
    })?;
    let container = path.get(..at + 2)?;
    let PathSegment::Index(_) = container.last()? else {
        return None;
    };
    let keys: Vec<&str> = path[at + 2..]
        .iter()
        .filter_map(|segment| match segment {
            PathSegment::Key(k) => Some(k.as_str()),
            PathSegment::Index(_) => None,
        })
        .collect();
    let kind = match keys.as_slice() {
        ["volumeMounts" | "volumeDevices", "name"] => Reference::Volume,
        [
            "livenessProbe" | "readinessProbe" | "startupProbe",
            "httpGet" | "tcpSocket",
            "port",
        ]
        | [
            "lifecycle",
            "postStart" | "preStop",
            "httpGet" | "tcpSocket",
            "port",
        ] => Reference::ContainerPort,
        ["resources", "claims", "name"] => Reference::ResourceClaim,
        _ => return None,
    };
    Some((kind, container))
}

fn declared_names(
    site: &Site<'_>,
    (reference, container): (Reference, &[PathSegment]),
) -> Vec<CompletionItem> {
    let pod_spec = &container[..container.len() - 2];
    let (list, what) = match reference {
        Reference::Volume => (FieldPath::from(pod_spec).key("volumes"), names::volume()),
        Reference::ContainerPort => (
            FieldPath::from(container).key("ports"),
            msg::container_port(),
        ),
        Reference::ResourceClaim => (
            FieldPath::from(pod_spec).key("resourceClaims"),
            names::resource_claim(),
        ),
    };
    let mut names = names_in(site.doc, &list);
    names.dedup();
    names
        .into_iter()
        .enumerate()
        .map(|(i, name)| value_item(site, name, Some(what.render(site.locale)), None, i))
        .collect()
}

/// The `name`s of the items of the list at `path`, as far as the document parsed.
pub(super) fn names_in<'a>(doc: &'a Document, path: &[PathSegment]) -> Vec<&'a str> {
    let Some(list) = node_at(doc, path) else {
        return Vec::new();
    };
    doc.items(list)
        .iter()
        .filter_map(|&item| doc.get(item, "name").and_then(|name| doc.scalar(name)))
        .filter(|name| !name.is_empty())
        .collect()
}

/// The node at a path of the parsed tree (as far as the document parsed).
pub(super) fn node_at(doc: &Document, path: &[PathSegment]) -> Option<NodeId> {
    path.iter()
        .try_fold(doc.root?, |node, segment| match segment {
            PathSegment::Key(key) => doc.get(node, key),
            PathSegment::Index(i) => doc.items(node).get(*i).copied(),
        })
}
