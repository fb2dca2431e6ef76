//! The outline of a file (`textDocument/documentSymbol`): one symbol per `---` document's object
//! (`Deployment web`), and under each object that holds a pod its containers (`container app
//! (nginx:1.27)`), init and ephemeral containers with their ports and mounts, its volumes and a
//! StatefulSet's claim templates; a `List` holds its items. Block and flow style alike: only the tree is read.
//! The labels are in the inputs' locale (`messages/outline.rs`); kinds, names and values are written as they are.

use super::diagnostics::fields::CONTAINER_LISTS;
use super::inputs::Inputs;
use super::pod_sites::{CUSTOM_RESOURCE, PodSite, pod_sites, serves};
use super::structure::{item_range, written_range};
use crate::messages::{Locale, Message, names, outline as msg};
use crate::syntax::{Document, NodeId, TextRange, YamlFile};

/// What a symbol stands for; the language server picks an icon for each.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SymbolKind {
    Object,
    Container,
    InitContainer,
    EphemeralContainer,
    Volume,
    ClaimTemplate,
    Port,
    Mount,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Symbol {
    pub name: String,
    /// Where it sits (`spec.template.spec.containers[0]`), shown beside the name.
    pub detail: Option<String>,
    pub kind: SymbolKind,
    /// The whole of it, `- ` marker included.
    pub range: TextRange,
    /// What the editor selects and reveals: its name's value, else its range.
    pub selection: TextRange,
    pub children: Vec<Symbol>,
}

/// The outline of every document of a served file; nothing for YAML podls does not serve.
pub fn outline(inputs: &Inputs, text: &str, file: &YamlFile) -> Vec<Symbol> {
    if !serves(&inputs.pod_templates, text, file) {
        return Vec::new();
    }
    file.documents
        .iter()
        .filter_map(|doc| {
            let root = doc.resolve(doc.root?);
            let sites = pod_sites(&inputs.pod_templates, text, doc);
            object(text, doc, root, &sites, inputs.locale, 0)
        })
        .collect()
}

/// Lists nest at most this deep (an alias cannot make the outline loop).
const MAX_NESTING: usize = 8;

fn object(
    text: &str,
    doc: &Document,
    node: NodeId,
    sites: &[PodSite],
    locale: Locale,
    depth: usize,
) -> Option<Symbol> {
    if depth > MAX_NESTING || doc.entries(node).is_empty() {
        return None;
    }
    let kind = text_of(doc, node, "kind");
    let metadata = doc.get(node, "metadata").map(|m| doc.resolve(m));
    let name = metadata.and_then(|m| doc.get(m, "name"));
    let generated = metadata.and_then(|m| text_of(doc, m, "generateName"));
    let label = match (
        kind,
        name.and_then(|n| doc.scalar(n)).filter(|n| !n.is_empty()),
    ) {
        (Some(kind), Some(name)) => format!("{kind} {name}"),
        (Some(kind), None) => match generated {
            Some(prefix) => format!("{kind} {prefix}…"),
            None => kind.to_owned(),
        },
        (None, Some(name)) => name.to_owned(),
        (None, None) => msg::document().render(locale),
    };
    let range = with_marker(text, doc, node);
    let selection = name
        .or_else(|| doc.get(node, "kind"))
        .map_or(range, |n| doc.node(n).range);
    let mut children = Vec::new();
    // A site is the object's own; a custom resource's is its template, inside the document's object.
    let own = |site: &&PodSite| site.owner == node || (depth == 0 && site.kind == CUSTOM_RESOURCE);
    for site in sites.iter().filter(own) {
        children.extend(pod_children(text, doc, site, locale));
    }
    if let Some(items) = doc.get(node, "items") {
        for &item in doc.items(items) {
            children.extend(object(
                text,
                doc,
                doc.resolve(item),
                sites,
                locale,
                depth + 1,
            ));
        }
    }
    Some(Symbol {
        name: label,
        detail: None,
        kind: SymbolKind::Object,
        range,
        selection,
        children,
    })
}

fn pod_children(text: &str, doc: &Document, site: &PodSite, locale: Locale) -> Vec<Symbol> {
    let mut out = Vec::new();
    let Some(spec) = site.spec.map(|s| doc.resolve(s)) else {
        return out;
    };
    let spec_path = site.prefix.key("spec");
    for list in CONTAINER_LISTS {
        let Some(items) = doc.get(spec, list) else {
            continue;
        };
        let (kind, what) = match list {
            "initContainers" => (SymbolKind::InitContainer, names::init_container()),
            "ephemeralContainers" => (SymbolKind::EphemeralContainer, msg::ephemeral_container()),
            _ => (SymbolKind::Container, names::container()),
        };
        for (i, &item) in doc.items(items).iter().enumerate() {
            let container = doc.resolve(item);
            let path = spec_path.key(list).index(i);
            let image = text_of(doc, container, "image").filter(|i| !i.is_empty());
            let mut symbol = named(
                text,
                doc,
                container,
                item,
                what.clone(),
                image,
                kind,
                locale,
            );
            symbol.detail = Some(path.to_string());
            symbol.children = container_children(text, doc, container, &path, locale);
            out.push(symbol);
        }
    }
    if let Some(volumes) = doc.get(spec, "volumes") {
        for (i, &item) in doc.items(volumes).iter().enumerate() {
            let volume = doc.resolve(item);
            let source = volume_source(doc, volume);
            let mut symbol = named(
                text,
                doc,
                volume,
                item,
                names::volume(),
                source,
                SymbolKind::Volume,
                locale,
            );
            symbol.detail = Some(spec_path.key("volumes").index(i).to_string());
            out.push(symbol);
        }
    }
    // A StatefulSet's claim templates sit beside its pod template, in the object's own spec.
    let claims = doc
        .get(site.owner, "spec")
        .and_then(|s| doc.get(doc.resolve(s), "volumeClaimTemplates"));
    if let (Some(claims), "StatefulSet") = (claims, site.kind) {
        for (i, &item) in doc.items(claims).iter().enumerate() {
            let claim = doc.resolve(item);
            let name = doc
                .get(claim, "metadata")
                .and_then(|m| doc.get(doc.resolve(m), "name"));
            let range = item_range(text, doc, item);
            out.push(Symbol {
                name: label(msg::claim_template(), name.and_then(|n| doc.scalar(n))).render(locale),
                detail: Some(
                    site.root
                        .prefix
                        .keys(&["spec", "volumeClaimTemplates"])
                        .index(i)
                        .to_string(),
                ),
                kind: SymbolKind::ClaimTemplate,
                range,
                selection: name.map_or(range, |n| doc.node(n).range),
                children: Vec::new(),
            });
        }
    }
    out
}

fn container_children(
    text: &str,
    doc: &Document,
    container: NodeId,
    path: &crate::syntax::FieldPath,
    locale: Locale,
) -> Vec<Symbol> {
    let mut out = Vec::new();
    if let Some(ports) = doc.get(container, "ports") {
        for (i, &item) in doc.items(ports).iter().enumerate() {
            let port = doc.resolve(item);
            let number = doc.get(port, "containerPort");
            let protocol = text_of(doc, port, "protocol").unwrap_or("TCP");
            let number_text = number.and_then(|n| doc.scalar(n)).unwrap_or("?");
            let name = text_of(doc, port, "name").filter(|n| !n.is_empty());
            let range = item_range(text, doc, item);
            out.push(Symbol {
                name: match name {
                    Some(name) => msg::port_named(name, number_text, protocol),
                    None => msg::port_number(number_text, protocol),
                }
                .render(locale),
                detail: Some(path.key("ports").index(i).to_string()),
                kind: SymbolKind::Port,
                range,
                selection: doc
                    .get(port, "name")
                    .or(number)
                    .map_or(range, |n| doc.node(n).range),
                children: Vec::new(),
            });
        }
    }
    if let Some(mounts) = doc.get(container, "volumeMounts") {
        for (i, &item) in doc.items(mounts).iter().enumerate() {
            let mount = doc.resolve(item);
            let mut symbol = named(
                text,
                doc,
                mount,
                item,
                msg::mount(),
                None,
                SymbolKind::Mount,
                locale,
            );
            symbol.detail = Some(path.key("volumeMounts").index(i).to_string());
            // An arrow, not words: the same in every language.
            if let Some(at) = text_of(doc, mount, "mountPath") {
                symbol.name.push_str(&format!(" → {at}"));
            }
            out.push(symbol);
        }
    }
    out
}

/// A symbol for a list item named by its `name` field, with what it shows beside its label (an image, a
/// volume's source); its detail (where it sits) is the caller's.
#[allow(clippy::too_many_arguments)]
fn named(
    text: &str,
    doc: &Document,
    node: NodeId,
    item: NodeId,
    what: Message,
    beside: Option<&str>,
    kind: SymbolKind,
    locale: Locale,
) -> Symbol {
    let name = doc.get(node, "name");
    let range = item_range(text, doc, item);
    let label = label(what, name.and_then(|n| doc.scalar(n)));
    let label = match beside {
        Some(beside) => msg::with_detail(label, beside),
        None => label,
    };
    Symbol {
        name: label.render(locale),
        detail: None,
        kind,
        range,
        selection: name.map_or(range, |n| doc.node(n).range),
        children: Vec::new(),
    }
}

/// `container app`, or `container` alone while the name is not written (LSP wants no empty names).
fn label(what: Message, name: Option<&str>) -> Message {
    match name.map(str::trim).filter(|n| !n.is_empty()) {
        Some(name) => msg::named(what, name),
        None => what,
    }
}

/// The source of a volume: its one key besides `name` (`configMap`, `persistentVolumeClaim`).
fn volume_source(doc: &Document, volume: NodeId) -> Option<&str> {
    doc.entries(volume)
        .iter()
        .filter_map(|(k, _)| doc.scalar(*k))
        .find(|k| *k != "name")
}

fn text_of<'a>(doc: &'a Document, mapping: NodeId, key: &str) -> Option<&'a str> {
    doc.get(mapping, key).and_then(|v| doc.scalar(v))
}

/// The object's range: a List's item from its `- ` marker, a document's root as it is.
fn with_marker(text: &str, doc: &Document, node: NodeId) -> TextRange {
    written_range(text, doc, node)
}

#[cfg(test)]
mod tests;
