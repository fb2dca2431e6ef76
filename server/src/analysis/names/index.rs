//! The name index of one `---` document: every name a Pod declares (volumes, containers, ports, resource
//! claims, its labels) or refers to (mounts, probe ports, `containerName`s, claims), every ConfigMap,
//! Secret, PersistentVolumeClaim and ServiceAccount the document declares or a pod names, and a Service's
//! selector and target ports (`build.rs` builds it). Every navigation request reads this index; the
//! diagnostics' reference rules read its declarations alone (`build::pod_declarations`); ranges are relative to the document's start, so an index stays valid while its document only
//! moves (an edit in another `---` document).

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use crate::analysis::scalar::{Scalar, scalar};
use crate::messages::{Arg, Message, names as msg};
use crate::schema::lookup::Names;
use crate::syntax::{Document, FieldPath, NodeId, NodeKind, ScalarStyle, TextRange};

/// What a name names.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum NameKind {
    Volume,
    Container,
    Port,
    ResourceClaim,
    ConfigMap,
    Secret,
    PersistentVolumeClaim,
    ServiceAccount,
    /// A pod's label, which a Service's selector names.
    Label,
}

impl NameKind {
    /// How a sentence calls it: a pod's own names in the locale's words, an object by its kind (the same
    /// in every language).
    pub fn noun(self) -> Arg {
        match self {
            NameKind::Volume => msg::volume().into(),
            NameKind::Container => msg::container().into(),
            NameKind::Port => msg::port().into(),
            NameKind::ResourceClaim => msg::resource_claim().into(),
            NameKind::Label => msg::label().into(),
            NameKind::ConfigMap => "ConfigMap".into(),
            NameKind::Secret => "Secret".into(),
            NameKind::PersistentVolumeClaim => "PersistentVolumeClaim".into(),
            NameKind::ServiceAccount => "ServiceAccount".into(),
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Role {
    Declaration,
    Reference,
}

/// Where a name is known.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Scope {
    /// A pod's own names (volumes, containers, resource claims, labels), by the served object's node.
    Pod(NodeId),
    /// A container's ports: the served object's node and the container's.
    Container(NodeId, NodeId),
    /// A Service's selector and target ports, by its index in `DocumentNames::services`.
    Service(usize),
    /// An object of the cluster in a namespace (`None`: not written, the namespace it is applied to).
    Namespace(Option<String>),
}

/// One declaration or use of a name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Symbol {
    pub kind: NameKind,
    pub role: Role,
    pub name: String,
    pub scope: Scope,
    /// The scalar that holds the name.
    pub node: NodeId,
    /// The name's text, inside the quotes when quoted, relative to the document's start.
    pub range: TextRange,
    /// Whether `range` sits inside quotes (a new name goes in as it is) or is a plain scalar.
    pub quoted: bool,
    pub path: FieldPath,
    /// For a declaration: what it is, in Markdown (the volume's source, the port's number), not yet in a
    /// language (the index is cached across locales).
    pub detail: Option<Message>,
    /// For a label: its key (the name is its value).
    pub label_key: Option<String>,
}

/// A served object's pod, as a Service's selector sees it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PodLabels {
    pub owner: NodeId,
    pub namespace: Option<String>,
    pub labels: Vec<(String, String)>,
}

/// A Service: which pods it selects.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ServiceSelector {
    pub namespace: Option<String>,
    pub selector: Vec<(String, String)>,
}

impl ServiceSelector {
    /// Whether the Service sends traffic to the pod: a non-empty selector whose every pair the pod's labels
    /// hold, in the same namespace (a Service without a selector selects no pod: its endpoints are managed
    /// by hand).
    pub fn selects(&self, pod: &PodLabels) -> bool {
        !self.selector.is_empty()
            && same_namespace(&self.namespace, &pod.namespace)
            && self.selector.iter().all(|pair| pod.labels.contains(pair))
    }
}

/// Two namespaces that may be the same one: equal, or one not written (it is the one applied to).
pub fn same_namespace(a: &Option<String>, b: &Option<String>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => a == b,
        _ => true,
    }
}

#[derive(Clone, Debug, Default)]
pub struct DocumentNames {
    pub symbols: Vec<Symbol>,
    pub pods: Vec<PodLabels>,
    pub services: Vec<ServiceSelector>,
    /// The symbols by kind, role and scope, in document order: built at the first query (every symbol is
    /// in by then), so a rule asking once per container does not scan the whole document each time (a
    /// pod of thousands of containers took minutes). Hashed with the table's cheap hasher: the keys are
    /// node numbers and names of the document, and a document that collides them only slows itself.
    by_scope: OnceLock<ByScope>,
}

/// The symbols of each kind, role and scope (indexes into `DocumentNames::symbols`).
type ByScope = HashMap<(NameKind, Role, Scope), Vec<usize>, Names>;

/// The same names, whether or not either was queried yet.
impl PartialEq for DocumentNames {
    fn eq(&self, other: &Self) -> bool {
        (&self.symbols, &self.pods, &self.services)
            == (&other.symbols, &other.pods, &other.services)
    }
}

impl Eq for DocumentNames {}

impl DocumentNames {
    /// The names of `kind` declared in `scope`, in document order.
    pub fn declared<'a>(&'a self, kind: NameKind, scope: &Scope) -> Vec<&'a str> {
        self.in_scope(kind, scope, Role::Declaration)
            .map(|s| s.name.as_str())
            .collect()
    }

    /// The uses of `kind` in `scope` that no declaration of the document resolves.
    pub fn unresolved<'a>(
        &'a self,
        kind: NameKind,
        scope: &Scope,
    ) -> impl Iterator<Item = &'a Symbol> + 'a {
        let declared: HashSet<&str> = self.declared(kind, scope).into_iter().collect();
        self.in_scope(kind, scope, Role::Reference)
            .filter(move |s| !declared.contains(s.name.as_str()))
    }

    fn in_scope<'a>(
        &'a self,
        kind: NameKind,
        scope: &Scope,
        role: Role,
    ) -> impl Iterator<Item = &'a Symbol> + 'a {
        let by_scope = self.by_scope.get_or_init(|| {
            let mut by_scope: HashMap<_, Vec<usize>, Names> = HashMap::default();
            for (i, s) in self.symbols.iter().enumerate() {
                by_scope
                    .entry((s.kind, s.role, s.scope.clone()))
                    .or_default()
                    .push(i);
            }
            by_scope
        });
        by_scope
            .get(&(kind, role, scope.clone()))
            .map_or(&[][..], Vec::as_slice)
            .iter()
            .map(|&i| &self.symbols[i])
    }
}

pub(super) fn namespace_of(doc: &Document, object: NodeId) -> Option<String> {
    let metadata = doc.resolve(doc.get(object, "metadata")?);
    let value = doc
        .get(metadata, "namespace")
        .and_then(|n| string(doc, n))?;
    Some(value.to_string())
}

/// A name as written: a scalar's non-empty text (not an alias, not null). A number is read as the name it
/// spells, as the diagnostics compare it (its type is `type-mismatch`'s).
pub(super) fn string(doc: &Document, node: NodeId) -> Option<&str> {
    if !matches!(doc.node(node).kind, NodeKind::Scalar { .. })
        || matches!(scalar(doc, node)?, Scalar::Null)
    {
        return None;
    }
    doc.scalar(node).filter(|s| !s.is_empty())
}

/// A port given by name: a string that is not all digits (an int-or-string's number is a number).
pub(super) fn port_name(doc: &Document, node: NodeId) -> bool {
    matches!(scalar(doc, node), Some(Scalar::Str(s)) if !s.bytes().all(|b| b.is_ascii_digit()))
}

/// The nodes at `keys` below `from` (`[]`: each item), with their paths. `path` grows in place on the way
/// down and is as it was on return: a copy is made only for what is found (most keys are absent).
pub(super) fn at_keys(
    doc: &Document,
    from: NodeId,
    keys: &[&str],
    path: &mut FieldPath,
    out: &mut Vec<(NodeId, FieldPath)>,
) {
    match keys.split_first() {
        None => out.push((from, path.clone())),
        Some((&"[]", rest)) => {
            let mut below = path.below();
            for (i, item) in doc.items(from).iter().enumerate() {
                let item = if rest.is_empty() {
                    *item
                } else {
                    doc.resolve(*item)
                };
                at_keys(doc, item, rest, below.index(i), out);
            }
        }
        Some((key, rest)) => {
            if let Some(value) = doc.get(from, key) {
                let value = if rest.is_empty() {
                    value
                } else {
                    doc.resolve(value)
                };
                at_keys(doc, value, rest, path.below().key(key), out);
            }
        }
    }
}

/// What `pods.rs` and `objects.rs` add to, symbol by symbol.
pub(super) struct Builder<'a> {
    pub doc: &'a Document,
    pub names: DocumentNames,
    /// The whole index, as navigation reads it; else the declarations alone (`build::pod_declarations`).
    pub navigation: bool,
}

impl Builder<'_> {
    pub(super) fn add(
        &mut self,
        kind: NameKind,
        role: Role,
        scope: Scope,
        node: NodeId,
        path: FieldPath,
        detail: Option<Message>,
    ) {
        let doc = self.doc;
        let Some(name) = string(doc, node) else {
            return;
        };
        let range = doc.node(node).range;
        let quoted = matches!(
            doc.node(node).kind,
            NodeKind::Scalar {
                style: ScalarStyle::SingleQuoted | ScalarStyle::DoubleQuoted,
                ..
            }
        ) && range.len() == name.len() + 2;
        let range = if quoted {
            TextRange::new(range.start + 1, range.end - 1)
        } else {
            range
        };
        self.names.symbols.push(Symbol {
            kind,
            role,
            name: name.to_string(),
            scope,
            node,
            range: range.shifted(-(doc.range.start as isize)),
            quoted,
            path,
            detail,
            label_key: None,
        });
    }

    /// Every name `uses` finds below `from`.
    pub(super) fn uses(
        &mut self,
        from: NodeId,
        path: &FieldPath,
        uses: &[(NameKind, &[&str])],
        scope: impl Fn(NameKind) -> Scope,
    ) {
        let mut path = path.clone();
        for (kind, keys) in uses {
            let mut found = Vec::new();
            at_keys(self.doc, from, keys, &mut path, &mut found);
            for (node, path) in found {
                self.add(*kind, Role::Reference, scope(*kind), node, path, None);
            }
        }
    }

    /// The pairs of a label map (a pod's labels, a Service's selector), each value added as a label whose
    /// name is the value and whose key is the label's.
    pub(super) fn label_map(
        &mut self,
        map: NodeId,
        path: &FieldPath,
        role: Role,
        scope: Scope,
    ) -> Vec<(String, String)> {
        let doc = self.doc;
        let mut pairs = Vec::new();
        for &(key, value) in doc.entries(map) {
            let (Some(k), Some(v)) = (doc.scalar(key), string(doc, value)) else {
                continue;
            };
            pairs.push((k.to_string(), v.to_string()));
            self.add(
                NameKind::Label,
                role,
                scope.clone(),
                value,
                path.key(k),
                None,
            );
            if let Some(last) = self.names.symbols.last_mut() {
                last.label_key = Some(k.to_string());
            }
        }
        pairs
    }
}

/// The first entry of a mapping other than `skip` whose value is a scalar: `claimName: data`.
pub(super) fn first_scalar<'a>(
    doc: &'a Document,
    mapping: NodeId,
    skip: &[&str],
) -> Option<(&'a str, &'a str)> {
    doc.entries(mapping).iter().find_map(|&(k, v)| {
        let key = doc.scalar(k)?;
        if skip.contains(&key) {
            return None;
        }
        Some((key, doc.scalar(v).filter(|s| !s.is_empty())?))
    })
}
