//! Which documents are Pods, and where the Pod-shaped part of a document is rooted. A later workload issue
//! roots a pod template inside a Deployment or Job; everything else looks fields up through `schema_at`.

use crate::schema::{Resolved, Schema};
use crate::syntax::{Document, PathSegment};

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DocumentKind {
    /// `kind: Pod` (with `apiVersion: v1`, or none yet).
    Pod,
    /// No `kind` written yet: possibly a Pod being typed.
    Untyped,
    /// Some other kind of YAML: podls leaves it alone beyond syntax.
    Other,
}

/// Where the field table's root type sits in a document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PodRoot {
    /// Path from the document root to the object of type `type_name` (empty for a Pod).
    pub prefix: Vec<PathSegment>,
    pub type_name: String,
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

/// The root of the Pod-shaped part of the document, for documents podls understands.
pub fn pod_root(text: &str, doc: &Document) -> Option<PodRoot> {
    match document_kind(text, doc) {
        DocumentKind::Pod | DocumentKind::Untyped => Some(PodRoot {
            prefix: Vec::new(),
            type_name: Schema::embedded().root.clone(),
        }),
        DocumentKind::Other => None,
    }
}

/// What the field table says about a path from the document root, when the document is one podls knows.
pub fn schema_at<'a>(
    schema: &'a Schema,
    root: &PodRoot,
    path: &[PathSegment],
) -> Option<Resolved<'a>> {
    let rest = path.strip_prefix(root.prefix.as_slice())?;
    schema.resolve(schema.type_def(&root.type_name)?.as_field_type(), rest)
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
