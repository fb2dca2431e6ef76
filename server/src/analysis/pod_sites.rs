//! Which documents podls serves, and where in each the pod specs sit. `POD_KINDS` is the one table of the
//! kinds that hold a pod: today a `kind: Pod` at the document root. A workload is one more entry (a
//! Deployment's `spec.template`, a CronJob's `spec.jobTemplate.spec.template`), a `List` an entry whose
//! `items` are objects of their own; the walk, the rules and hover read fields relative to the site.

use crate::schema::{Resolved, Schema};
use crate::syntax::{Document, FieldPath, NodeId, PathSegment};

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DocumentKind {
    /// `kind: Pod` (with `apiVersion: v1`, or none yet).
    Pod,
    /// No `kind` written yet: possibly a Pod being typed.
    Untyped,
    /// Some other kind of YAML: podls leaves it alone beyond syntax.
    Other,
}

/// A kind of object that holds pod specs, and where. A document without `apiVersion` yet matches on its
/// `kind` alone.
#[derive(Clone, Copy)]
pub(crate) struct PodKind {
    pub api_version: &'static str,
    pub kind: &'static str,
    pub holds: Holds,
}

#[derive(Clone, Copy)]
pub(crate) enum Holds {
    /// A pod-shaped object (`metadata` and `spec`) at this path of keys from the object (empty: the object
    /// is the pod), of this type of the field table.
    Pod {
        at: &'static [&'static str],
        type_name: &'static str,
    },
    /// Each item of this list is an object of its own, matched against the table again (a `List`). No
    /// served kind uses it yet: the workloads issue adds `List` as one entry.
    #[allow(dead_code)]
    Items(&'static str),
}

/// The kinds podls serves.
pub(crate) const POD_KINDS: &[PodKind] = &[PodKind {
    api_version: "v1",
    kind: "Pod",
    holds: Holds::Pod {
        at: &[],
        type_name: "Pod",
    },
}];

/// One place in a document where a pod spec sits.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PodSite {
    /// From the document root to the pod-shaped object (empty for a Pod): diagnostics and messages keep
    /// full document paths by starting here.
    pub prefix: FieldPath,
    /// The field table's type of that object.
    pub type_name: &'static str,
    /// The pod-shaped object.
    pub object: NodeId,
    /// Its `spec` and `metadata` values, when written.
    pub spec: Option<NodeId>,
    pub metadata: Option<NodeId>,
    /// The object the pod belongs to: the Pod itself, or the workload whose template it is.
    pub owner: NodeId,
}

impl PodSite {
    /// The full document path of a field of the pod's spec: `spec.os.name` in a Pod.
    pub fn spec_path(&self, keys: &[&str]) -> FieldPath {
        self.prefix.key("spec").keys(keys)
    }

    /// The value of `spec.<key>`, when written.
    pub fn spec_field(&self, doc: &Document, key: &str) -> Option<NodeId> {
        doc.get(self.spec?, key)
    }

    /// Where the table's type of this site sits, for `schema_at`.
    pub fn root(&self) -> PodRoot {
        PodRoot {
            prefix: self.prefix.clone(),
            type_name: self.type_name,
        }
    }

    /// The value of `metadata.<key>`, when written.
    pub fn metadata_field(&self, doc: &Document, key: &str) -> Option<NodeId> {
        doc.get(self.metadata?, key)
    }
}

/// Where the field table's root type sits for hover and completion: a site's prefix and type, also for a
/// document still being typed (no `kind` yet), which is read as a Pod.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PodRoot {
    pub prefix: FieldPath,
    pub type_name: &'static str,
}

/// Every pod site of a document, in document order; none for documents podls does not serve.
pub fn pod_sites(text: &str, doc: &Document) -> Vec<PodSite> {
    sites_in(POD_KINDS, text, doc)
}

pub(crate) fn sites_in(kinds: &[PodKind], text: &str, doc: &Document) -> Vec<PodSite> {
    let mut sites = Vec::new();
    let Some(root) = doc.root else {
        return sites;
    };
    // The document's own kind may come from its lines (it broke before them); nested objects parsed.
    let kind = top_level_scalar(text, doc, "kind");
    let api_version = top_level_scalar(text, doc, "apiVersion");
    if let Some(found) = match_kind(kinds, kind.as_deref(), api_version.as_deref()) {
        collect(kinds, doc, found, root, FieldPath::new(), &mut sites);
    }
    sites
}

fn match_kind<'k>(
    kinds: &'k [PodKind],
    kind: Option<&str>,
    api_version: Option<&str>,
) -> Option<&'k PodKind> {
    kinds
        .iter()
        .find(|k| Some(k.kind) == kind && api_version.is_none_or(|v| v == k.api_version))
}

/// Objects nest at most this deep (a List of Lists of ...): an alias cannot make the search loop.
const MAX_NESTING: usize = 8;

fn collect(
    kinds: &[PodKind],
    doc: &Document,
    found: &PodKind,
    owner: NodeId,
    prefix: FieldPath,
    sites: &mut Vec<PodSite>,
) {
    if prefix.len() > MAX_NESTING * 2 {
        return;
    }
    match found.holds {
        Holds::Pod { at, type_name } => {
            let Some(object) = at.iter().try_fold(owner, |node, key| doc.get(node, key)) else {
                return;
            };
            sites.push(PodSite {
                prefix: prefix.keys(at),
                type_name,
                object,
                spec: doc.get(object, "spec"),
                metadata: doc.get(object, "metadata"),
                owner,
            });
        }
        Holds::Items(list) => {
            let Some(items) = doc.get(owner, list) else {
                return;
            };
            for (i, &item) in doc.items(items).iter().enumerate() {
                let scalar = |key| doc.get(item, key).and_then(|v| doc.scalar(v));
                if let Some(inner) = match_kind(kinds, scalar("kind"), scalar("apiVersion")) {
                    let prefix = prefix.key(list).index(i);
                    collect(kinds, doc, inner, doc.resolve(item), prefix, sites);
                }
            }
        }
    }
}

/// Reads `kind` and `apiVersion` from the tree, or from the lines when the document broke before them.
pub fn document_kind(text: &str, doc: &Document) -> DocumentKind {
    let kind = top_level_scalar(text, doc, "kind");
    let api_version = top_level_scalar(text, doc, "apiVersion");
    match (kind.as_deref(), api_version.as_deref()) {
        (Some("Pod"), None | Some("v1")) => DocumentKind::Pod,
        (None | Some(""), None | Some("v1") | Some("")) => DocumentKind::Untyped,
        _ => DocumentKind::Other,
    }
}

/// Where hover and completion look fields up: the first pod site, or for a document without a `kind` yet
/// the document root as a Pod.
pub fn pod_root(text: &str, doc: &Document) -> Option<PodRoot> {
    if let Some(site) = pod_sites(text, doc).first() {
        return Some(site.root());
    }
    match document_kind(text, doc) {
        DocumentKind::Untyped | DocumentKind::Pod => Some(PodRoot {
            prefix: FieldPath::new(),
            type_name: POD_TYPE,
        }),
        DocumentKind::Other => None,
    }
}

/// The table type of a pod at the document root.
const POD_TYPE: &str = "Pod";

/// Whether a file is one podls serves: one of its documents holds a pod. The language server publishes
/// nothing for other files, so that it never speaks for YAML it does not own.
pub fn serves(text: &str, file: &crate::syntax::YamlFile) -> bool {
    file.documents
        .iter()
        .any(|doc| !pod_sites(text, doc).is_empty())
}

/// What the field table says about a path from the document root, when the document is one podls knows.
pub fn schema_at<'a>(
    schema: &'a Schema,
    root: &PodRoot,
    path: &[PathSegment],
) -> Option<Resolved<'a>> {
    let rest = path.strip_prefix(root.prefix.segments())?;
    schema.resolve(schema.type_def(root.type_name)?.as_field_type(), rest)
}

fn top_level_scalar(text: &str, doc: &Document, key: &str) -> Option<String> {
    if let Some(root) = doc.root {
        if let Some(value) = doc.get(root, key) {
            return doc.scalar(value).map(str::to_string);
        }
        if doc.errors.is_empty() {
            return None;
        }
    }
    // The document does not parse up to that key: read `key: value` lines at column 0.
    text[doc.range.as_range()].lines().find_map(|line| {
        let value = line.strip_prefix(key)?.trim_start().strip_prefix(':')?;
        let value = value.split(" #").next().unwrap_or("").trim();
        Some(value.trim_matches(|c| c == '"' || c == '\'').to_string())
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::syntax::parse;

    /// A table with a workload and a List, as the workloads issue will write it: adding a kind is an entry.
    const KINDS: &[PodKind] = &[
        POD_KINDS[0],
        PodKind {
            api_version: "apps/v1",
            kind: "Deployment",
            holds: Holds::Pod {
                at: &["spec", "template"],
                type_name: "PodTemplateSpec",
            },
        },
        PodKind {
            api_version: "v1",
            kind: "List",
            holds: Holds::Items("items"),
        },
    ];

    fn sites(kinds: &[PodKind], text: &str) -> Vec<String> {
        let file = parse(text);
        let doc = &file.documents[0];
        sites_in(kinds, text, doc)
            .iter()
            .map(|site| {
                let at = |id: Option<NodeId>| {
                    id.map_or("-".to_string(), |id| {
                        text[doc.node(id).range.as_range()]
                            .lines()
                            .next()
                            .unwrap_or("")
                            .to_string()
                    })
                };
                format!(
                    "{} {} spec={} metadata={} owner-kind={}",
                    site.prefix,
                    site.type_name,
                    at(site.spec),
                    at(site.metadata),
                    at(doc.get(site.owner, "kind"))
                )
            })
            .collect()
    }

    #[test]
    fn a_pod_is_one_site_at_the_root() {
        let pod = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\nspec:\n  containers: []\n";
        assert_eq!(
            sites(POD_KINDS, pod),
            [" Pod spec=containers: [] metadata=name: a owner-kind=Pod"]
        );
        // A Pod being typed (no apiVersion yet) is served; other kinds and untyped YAML are not.
        assert_eq!(sites(POD_KINDS, "kind: Pod\nspec: {}\n").len(), 1);
        assert!(sites(POD_KINDS, "apiVersion: apps/v1\nkind: Deployment\n").is_empty());
        assert!(sites(POD_KINDS, "apiVersion: v1\nkind: Pod\n---\n").len() == 1);
        assert!(sites(POD_KINDS, "foo: bar\n").is_empty());
        assert!(sites(POD_KINDS, "apiVersion: v2\nkind: Pod\n").is_empty());
    }

    #[test]
    fn a_kind_that_holds_pods_elsewhere_is_a_table_entry() {
        let deployment = "apiVersion: apps/v1\nkind: Deployment\nspec:\n  template:\n    metadata:\n      labels: {}\n    spec:\n      containers: []\n";
        assert_eq!(
            sites(KINDS, deployment),
            [
                "spec.template PodTemplateSpec spec=containers: [] metadata=labels: {} owner-kind=Deployment"
            ]
        );
        let list = "apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: Pod\n  spec: {}\n- kind: ConfigMap\n- apiVersion: apps/v1\n  kind: Deployment\n  spec:\n    template:\n      spec: {}\n";
        assert_eq!(
            sites(KINDS, list),
            [
                "items[0] Pod spec={} metadata=- owner-kind=Pod",
                "items[2].spec.template PodTemplateSpec spec={} metadata=- owner-kind=Deployment",
            ]
        );
    }

    #[test]
    fn a_file_is_served_when_one_document_holds_a_pod() {
        let served = |text: &str| serves(text, &parse(text));
        assert!(served("kind: ConfigMap\n---\napiVersion: v1\nkind: Pod\n"));
        assert!(!served("kind: ConfigMap\ndata: {}\n"));
        assert!(!served("foo: [\n"));
        assert!(!served(""));
    }
}
