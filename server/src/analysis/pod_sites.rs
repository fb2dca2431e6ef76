//! Which documents podls serves, and where in each the pod specs sit. `POD_KINDS` is the one table of the
//! kinds that hold a pod: a `kind: Pod` at the document root, the template of a workload (a Deployment's
//! `spec.template`, a CronJob's `spec.jobTemplate.spec.template`) and a `List`, whose `items` are objects of
//! their own. The walk starts at each served object's root with its own table type, so the workload's own
//! fields and its pod template are checked in one pass; the rules read pod-level fields through the site.

use super::inputs::PodTemplate;
use super::suggest::closest;
use crate::schema::{Resolved, Schema};
use crate::syntax::{Document, FieldPath, NodeId, PathSegment};

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DocumentKind {
    /// A kind of `POD_KINDS` (with its apiVersion, or none yet).
    Pod,
    /// No `kind` written yet: possibly a Pod being typed.
    Untyped,
    /// Some other kind of YAML: podls leaves it alone beyond syntax.
    Other,
}

/// A kind of object that holds pod specs, and where. A document without `apiVersion` yet matches on its
/// `kind` alone.
#[derive(Clone, Copy, Debug)]
pub(crate) struct PodKind {
    pub api_version: &'static str,
    pub kind: &'static str,
    pub holds: Holds,
}

#[derive(Clone, Copy, Debug)]
pub(crate) enum Holds {
    /// An object of this type of the field table whose pod-shaped part (`metadata` and `spec`) sits at this
    /// path of keys (empty: the object is the pod).
    Pod {
        type_name: &'static str,
        at: &'static [&'static str],
    },
    /// Each item of this list is an object of its own, matched against the table again (a `List`).
    Items(&'static str),
}

/// A workload whose pod template sits at `at` (keys from the object's root).
const fn workload(
    api_version: &'static str,
    kind: &'static str,
    at: &'static [&'static str],
) -> PodKind {
    PodKind {
        api_version,
        kind,
        holds: Holds::Pod {
            type_name: kind,
            at,
        },
    }
}

const TEMPLATE: &[&str] = &["spec", "template"];

/// The kinds podls serves (the table types are named as the kinds are).
pub(crate) const POD_KINDS: &[PodKind] = &[
    workload("v1", "Pod", &[]),
    workload("v1", "PodTemplate", &["template"]),
    workload("v1", "ReplicationController", TEMPLATE),
    workload("apps/v1", "Deployment", TEMPLATE),
    workload("apps/v1", "ReplicaSet", TEMPLATE),
    workload("apps/v1", "StatefulSet", TEMPLATE),
    workload("apps/v1", "DaemonSet", TEMPLATE),
    workload("batch/v1", "Job", TEMPLATE),
    workload(
        "batch/v1",
        "CronJob",
        &["spec", "jobTemplate", "spec", "template"],
    ),
    PodKind {
        api_version: "v1",
        kind: "List",
        holds: Holds::Items("items"),
    },
];

/// One served object of a document and the place in it where its pod spec sits (or will: a workload whose
/// template is not written yet is still a site, so that its own fields are checked).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PodSite {
    /// The object: its kind (`Deployment`), its node, and where the table's type of it sits.
    pub kind: &'static str,
    pub owner: NodeId,
    pub root: PodRoot,
    /// From the document root to the pod-shaped object (`spec.template` in a Deployment, empty for a Pod):
    /// diagnostics and messages keep full document paths by starting here.
    pub prefix: FieldPath,
    /// The pod-shaped object, when written, and its `spec` and `metadata` values.
    pub object: Option<NodeId>,
    pub spec: Option<NodeId>,
    pub metadata: Option<NodeId>,
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

    /// The value of `metadata.<key>`, when written.
    pub fn metadata_field(&self, doc: &Document, key: &str) -> Option<NodeId> {
        doc.get(self.metadata?, key)
    }

    /// Whether the pod is a template (of a workload or a PodTemplate) rather than a Pod the API server
    /// creates as written: its name, for one, comes from the controller.
    pub fn is_template(&self) -> bool {
        self.kind != POD_TYPE
    }
}

/// Where the field table's root type sits for hover, completion and the walk: a served object's path from
/// the document root and its type, also for a document still being typed (no `kind` yet), which is read as
/// a Pod.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PodRoot {
    pub prefix: FieldPath,
    pub type_name: &'static str,
}

/// Every pod site of a document, in document order; none for documents podls does not serve. `templates`
/// are the project's custom resources (`[[pod-template]]` of `podls.toml`, in `Inputs`).
pub fn pod_sites(templates: &[PodTemplate], text: &str, doc: &Document) -> Vec<PodSite> {
    sites_in(POD_KINDS, templates, text, doc)
}

pub(crate) fn sites_in(
    kinds: &[PodKind],
    templates: &[PodTemplate],
    text: &str,
    doc: &Document,
) -> Vec<PodSite> {
    let mut sites = Vec::new();
    let Some(root) = doc.root else {
        return sites;
    };
    // The document's own kind may come from its lines (it broke before them); nested objects parsed.
    let kind = top_level_scalar(text, doc, "kind");
    let api_version = top_level_scalar(text, doc, "apiVersion");
    if let Some(template) = custom_template(templates, kind.as_deref(), api_version.as_deref()) {
        sites.extend(custom_site(doc, template, root, FieldPath::new()));
        return sites;
    }
    let found = match_kind(kinds, kind.as_deref(), api_version.as_deref());
    // No `kind` at all but the body of a served kind (`ind: Pod`): served as what it is meant to be, to say
    // the kind is missing and check the rest.
    let found = found.or_else(|| {
        let meant = kindless_kind(doc).filter(|_| kind.is_none())?;
        kinds.iter().find(|k| k.kind == meant.kind)
    });
    if let Some(found) = found {
        collect(
            kinds,
            templates,
            doc,
            found,
            root,
            FieldPath::new(),
            &mut sites,
        );
    }
    sites
}

/// The `kind` of the sites of custom resources: their pod template is all podls knows of them.
pub(crate) const CUSTOM_RESOURCE: &str = "PodTemplateSpec";

/// The project's entry for a custom resource of this kind and apiVersion (both must be written: a custom
/// resource is told apart from Kubernetes' own kinds by its group).
fn custom_template<'t>(
    templates: &'t [PodTemplate],
    kind: Option<&str>,
    api_version: Option<&str>,
) -> Option<&'t PodTemplate> {
    let (kind, api_version) = (kind?, api_version?);
    templates
        .iter()
        .find(|t| t.kind == kind && t.api_version == api_version)
}

/// The site of a custom resource's pod template, walked from the template itself (the resource's own
/// fields are not in the table); none until its key is written.
fn custom_site(
    doc: &Document,
    template: &PodTemplate,
    owner: NodeId,
    prefix: FieldPath,
) -> Option<PodSite> {
    let object = template.path.iter().try_fold(owner, |node, key| {
        doc.get(node, key).map(|value| doc.resolve(value))
    })?;
    let prefix = template.path.iter().fold(prefix, |path, key| path.key(key));
    Some(PodSite {
        kind: CUSTOM_RESOURCE,
        owner: object,
        root: PodRoot {
            prefix: prefix.clone(),
            type_name: CUSTOM_RESOURCE,
        },
        prefix,
        object: Some(object),
        spec: doc.get(object, "spec"),
        metadata: doc.get(object, "metadata"),
    })
}

/// The served kind a document with no `kind` key is meant to be, read from its body: a root key that looks
/// like a misspelt `kind` (or any root key) whose value names a served kind (`knd: Deployment`); else the
/// shape: `spec.containers` is a Pod's, a root `template` a PodTemplate's, `spec.jobTemplate` a CronJob's,
/// `spec.template` a workload's of the apiVersion's group (in apps/v1 a StatefulSet with `serviceName` or
/// `volumeClaimTemplates`, a DaemonSet with `updateStrategy` and no `replicas`, else a Deployment). The
/// apiVersion, when written, must serve that kind.
pub(crate) fn kindless_kind(doc: &Document) -> Option<&'static PodKind> {
    let root = doc.resolve(doc.root?);
    if doc.get(root, "kind").is_some() {
        return None;
    }
    let version = doc.get(root, "apiVersion").and_then(|v| doc.scalar(v));
    let named = doc.entries(root).iter().find_map(|&(key, value)| {
        let name = doc.scalar(key)?;
        let kind = known_kind(doc.scalar(value)?)?;
        (name != "apiVersion" && kind.kind != "List").then_some(kind.kind)
    });
    let spec = doc.get(root, "spec").map(|s| doc.resolve(s));
    let has = |key: &str| spec.is_some_and(|spec| doc.get(spec, key).is_some());
    let shaped = if has("containers") {
        Some(POD_TYPE)
    } else if spec.is_none() && doc.get(root, "template").is_some() {
        Some("PodTemplate")
    } else if has("jobTemplate") {
        Some("CronJob")
    } else if has("template") {
        match version
            .and_then(|v| v.split_once('/'))
            .map(|(group, _)| group)
        {
            Some("batch") => Some("Job"),
            Some("apps") if has("serviceName") || has("volumeClaimTemplates") => {
                Some("StatefulSet")
            }
            Some("apps") if has("updateStrategy") && !has("replicas") => Some("DaemonSet"),
            Some("apps") => Some("Deployment"),
            _ => Some("ReplicationController"),
        }
    } else {
        None
    };
    let kind = known_kind(named.or(shaped)?)?;
    version
        .is_none_or(|v| v == kind.api_version)
        .then_some(kind)
}

fn match_kind<'k>(
    kinds: &'k [PodKind],
    kind: Option<&str>,
    api_version: Option<&str>,
) -> Option<&'k PodKind> {
    // A wrong or removed apiVersion of Kubernetes' own still gets the pod rules (beside the error `analysis::kinds`
    // reports on it); a custom resource that only shares the kind's name does not.
    kinds
        .iter()
        .find(|k| Some(k.kind) == kind && matches(k, api_version))
}

/// The entry of a known kind.
pub(crate) fn known_kind(kind: &str) -> Option<&'static PodKind> {
    POD_KINDS.iter().find(|k| k.kind == kind)
}

/// Whether an apiVersion is one of Kubernetes' own groups (core, `apps`, `batch`, `extensions`, any
/// `*.k8s.io`): a `kind: Job` of `batch.volcano.sh/v1alpha1` is a custom resource that only shares the
/// name, and podls leaves it alone.
pub(crate) fn kubernetes_group(api_version: &str) -> bool {
    match api_version.rsplit_once('/') {
        None => true,
        Some((group, _)) => !group.contains('.') || group.ends_with(".k8s.io"),
    }
}

/// Whether a document with this `kind` and `apiVersion` holds pods as a known kind does: the served
/// apiVersion, none yet, or one of Kubernetes' own that is wrong or removed (the document then also gets
/// the pod rules for its template, whose structure is the same, beside the error about its apiVersion).
pub(crate) fn matches(known: &PodKind, api_version: Option<&str>) -> bool {
    api_version.is_none_or(|v| v == known.api_version || kubernetes_group(v))
}

/// The known kind `kind` misspells, if it is almost one (`Deploymnet`, `pod`): among those the written
/// apiVersion serves first (`kind: Jobs` with `batch/v1` is a Job), then among all.
pub(crate) fn misspelt_kind(kind: &str, api_version: Option<&str>) -> Option<&'static str> {
    if known_kind(kind).is_some() || api_version.is_some_and(|v| !kubernetes_group(v)) {
        return None;
    }
    let served_here = POD_KINDS
        .iter()
        .filter(|k| api_version.is_some_and(|v| v == k.api_version));
    closest(kind, served_here.map(|k| k.kind))
        .or_else(|| closest(kind, POD_KINDS.iter().map(|k| k.kind)))
}

/// Objects nest at most this deep (a List of Lists of ...): an alias cannot make the search loop.
const MAX_NESTING: usize = 8;

fn collect(
    kinds: &[PodKind],
    templates: &[PodTemplate],
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
        Holds::Pod { type_name, at } => {
            let object = at.iter().try_fold(owner, |node, key| {
                doc.get(node, key).map(|value| doc.resolve(value))
            });
            let field = |key| object.and_then(|o| doc.get(o, key));
            sites.push(PodSite {
                kind: found.kind,
                owner,
                root: PodRoot {
                    prefix: prefix.clone(),
                    type_name,
                },
                prefix: prefix.keys(at),
                object,
                spec: field("spec"),
                metadata: field("metadata"),
            });
        }
        Holds::Items(list) => {
            let Some(items) = doc.get(owner, list) else {
                return;
            };
            for (i, &item) in doc.items(items).iter().enumerate() {
                let item = doc.resolve(item);
                let scalar = |key| doc.get(item, key).and_then(|v| doc.scalar(v));
                let (kind, api_version) = (scalar("kind"), scalar("apiVersion"));
                let prefix = prefix.key(list).index(i);
                if let Some(template) = custom_template(templates, kind, api_version) {
                    sites.extend(custom_site(doc, template, item, prefix));
                } else if let Some(inner) = match_kind(kinds, kind, api_version) {
                    collect(kinds, templates, doc, inner, item, prefix, sites);
                }
            }
        }
    }
}

/// Reads `kind` and `apiVersion` from the tree, or from the lines when the document broke before them.
pub fn document_kind(templates: &[PodTemplate], text: &str, doc: &Document) -> DocumentKind {
    let kind = top_level_scalar(text, doc, "kind");
    let api_version = top_level_scalar(text, doc, "apiVersion");
    if custom_template(templates, kind.as_deref(), api_version.as_deref()).is_some() {
        return DocumentKind::Pod;
    }
    match (kind.as_deref(), api_version.as_deref()) {
        // No kind yet under an apiVersion that serves known kinds (`apiVersion: apps/v1` typed first).
        (None | Some(""), version)
            if version
                .is_none_or(|v| v.is_empty() || POD_KINDS.iter().any(|k| k.api_version == v)) =>
        {
            DocumentKind::Untyped
        }
        (kind, api_version) if match_kind(POD_KINDS, kind, api_version).is_some() => {
            DocumentKind::Pod
        }
        _ => DocumentKind::Other,
    }
}

/// Where hover and completion look the field at `path` up: the served object that holds it (in a `List`,
/// the item the path is in), or for a document without a `kind` yet the document root as a Pod.
pub fn pod_root(
    templates: &[PodTemplate],
    text: &str,
    doc: &Document,
    path: &[PathSegment],
) -> Option<PodRoot> {
    let sites = pod_sites(templates, text, doc);
    if let Some(site) = sites
        .iter()
        .filter(|site| path.starts_with(site.root.prefix.segments()))
        .max_by_key(|site| site.root.prefix.len())
    {
        return Some(site.root.clone());
    }
    // No site: a document still being typed, or one whose tree is lost to a syntax error before its
    // first key (its kind is read from the lines).
    let type_name = match document_kind(templates, text, doc) {
        DocumentKind::Untyped => POD_TYPE,
        // A custom resource's template is not written yet: nothing of the resource is in the table.
        DocumentKind::Pod
            if custom_template(
                templates,
                top_level_scalar(text, doc, "kind").as_deref(),
                top_level_scalar(text, doc, "apiVersion").as_deref(),
            )
            .is_some() =>
        {
            return None;
        }
        DocumentKind::Pod => {
            let kind = top_level_scalar(text, doc, "kind");
            let api_version = top_level_scalar(text, doc, "apiVersion");
            match match_kind(POD_KINDS, kind.as_deref(), api_version.as_deref())?.holds {
                Holds::Pod { type_name, .. } => type_name,
                Holds::Items(_) => return None,
            }
        }
        DocumentKind::Other => return None,
    };
    Some(PodRoot {
        prefix: FieldPath::new(),
        type_name,
    })
}

/// The table type of a pod at the document root.
const POD_TYPE: &str = "Pod";

/// Whether a file is one podls serves: one of its documents holds a pod. The language server publishes
/// nothing for other files, so that it never speaks for YAML it does not own.
pub fn serves(templates: &[PodTemplate], text: &str, file: &crate::syntax::YamlFile) -> bool {
    file.documents
        .iter()
        .any(|doc| serves_document(templates, text, doc))
}

/// Whether podls serves a file for this one of its documents (see `serves`).
pub fn serves_document(templates: &[PodTemplate], text: &str, doc: &Document) -> bool {
    !pod_sites(templates, text, doc).is_empty() || misnamed_kind(text, doc)
}

/// Whether the document's `kind` misspells a known one (`kind: Deploymnet`): podls serves it to say so.
fn misnamed_kind(text: &str, doc: &Document) -> bool {
    top_level_scalar(text, doc, "kind").is_some_and(|kind| {
        let api_version = top_level_scalar(text, doc, "apiVersion");
        misspelt_kind(&kind, api_version.as_deref()).is_some()
    })
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
    let body = &text[crate::syntax::lines::after_bom(text, doc.range.start)..doc.range.end];
    body.split(crate::syntax::lines::BREAKS).find_map(|line| {
        let value = line.strip_prefix(key)?.trim_start().strip_prefix(':')?;
        let value = value.split(" #").next().unwrap_or("").trim();
        Some(value.trim_matches(|c| c == '"' || c == '\'').to_string())
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::syntax::parse;

    fn sites(text: &str) -> Vec<String> {
        let file = parse(text);
        file.documents
            .iter()
            .flat_map(|doc| {
                pod_sites(&[], text, doc)
                    .into_iter()
                    .map(move |site| (doc, site))
            })
            .map(|(doc, site)| {
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
                    "{} at `{}` {} pod at `{}` spec={} metadata={}",
                    site.kind,
                    site.root.prefix,
                    site.root.type_name,
                    site.prefix,
                    at(site.spec),
                    at(site.metadata),
                )
            })
            .collect()
    }

    #[test]
    fn a_pod_is_one_site_at_the_root() {
        let pod = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\nspec:\n  containers: []\n";
        assert_eq!(
            sites(pod),
            ["Pod at `` Pod pod at `` spec=containers: [] metadata=name: a"]
        );
        // A Pod being typed (no apiVersion yet) is served; other kinds and untyped YAML are not.
        assert_eq!(sites("kind: Pod\nspec: {}\n").len(), 1);
        assert!(sites("apiVersion: v1\nkind: Service\n").is_empty());
        assert!(sites("apiVersion: v1\nkind: Pod\n---\n").len() == 1);
        assert!(sites("foo: bar\n").is_empty());
        // A wrong apiVersion of Kubernetes' own is still read as its kind (an error says which apiVersion
        // serves it, and a migrating user wants the template checked too); a custom resource sharing the
        // name is not.
        assert_eq!(sites("apiVersion: v2\nkind: Pod\n").len(), 1);
        assert_eq!(sites("apiVersion: v1\nkind: Deployment\n").len(), 1);
        assert_eq!(
            sites("apiVersion: extensions/v1beta1\nkind: Deployment\n").len(),
            1
        );
        assert!(sites("apiVersion: example.com/v1\nkind: Pod\n").is_empty());
        assert!(sites("apiVersion: batch.volcano.sh/v1alpha1\nkind: Job\n").is_empty());
    }

    #[test]
    fn every_workload_kind_holds_its_template_where_the_api_puts_it() {
        let template = "    metadata:\n      labels: {}\n    spec:\n      containers: []\n";
        let cases = [
            ("v1", "PodTemplate", "template:\n".to_string()),
            ("v1", "ReplicationController", "spec:\n  template:\n".into()),
            ("apps/v1", "Deployment", "spec:\n  template:\n".into()),
            ("apps/v1", "ReplicaSet", "spec:\n  template:\n".into()),
            ("apps/v1", "StatefulSet", "spec:\n  template:\n".into()),
            ("apps/v1", "DaemonSet", "spec:\n  template:\n".into()),
            ("batch/v1", "Job", "spec:\n  template:\n".into()),
        ];
        let mut found = Vec::new();
        for (api_version, kind, head) in cases {
            // PodTemplate's template sits one level up: indent it as its key.
            let body = if kind == "PodTemplate" {
                template.lines().map(|l| format!("{}\n", &l[2..])).collect()
            } else {
                template.to_string()
            };
            let text = format!("apiVersion: {api_version}\nkind: {kind}\n{head}{body}");
            found.extend(sites(&text));
        }
        let cron = "apiVersion: batch/v1\nkind: CronJob\nspec:\n  jobTemplate:\n    spec:\n      template:\n        spec: {containers: []}\n";
        found.extend(sites(cron));
        // Flow style, and a workload without a template yet: still a site (its own fields are checked).
        found.extend(sites(
            "{apiVersion: apps/v1, kind: Deployment, spec: {template: {spec: {}}}}",
        ));
        found.extend(sites("apiVersion: apps/v1\nkind: StatefulSet\nspec: {}\n"));
        expect_test::expect![[r#"
            PodTemplate at `` PodTemplate pod at `template` spec=containers: [] metadata=labels: {}
            ReplicationController at `` ReplicationController pod at `spec.template` spec=containers: [] metadata=labels: {}
            Deployment at `` Deployment pod at `spec.template` spec=containers: [] metadata=labels: {}
            ReplicaSet at `` ReplicaSet pod at `spec.template` spec=containers: [] metadata=labels: {}
            StatefulSet at `` StatefulSet pod at `spec.template` spec=containers: [] metadata=labels: {}
            DaemonSet at `` DaemonSet pod at `spec.template` spec=containers: [] metadata=labels: {}
            Job at `` Job pod at `spec.template` spec=containers: [] metadata=labels: {}
            CronJob at `` CronJob pod at `spec.jobTemplate.spec.template` spec={containers: []} metadata=-
            Deployment at `` Deployment pod at `spec.template` spec={} metadata=-
            StatefulSet at `` StatefulSet pod at `spec.template` spec=- metadata=-"#]]
        .assert_eq(&found.join("\n"));
    }

    #[test]
    fn a_list_holds_objects_of_any_kind_and_lists_of_them() {
        let list = "apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: Pod\n  spec: {}\n- kind: ConfigMap\n- apiVersion: apps/v1\n  kind: Deployment\n  spec:\n    template:\n      spec: {}\n- apiVersion: v1\n  kind: List\n  items:\n  - {apiVersion: batch/v1, kind: CronJob, spec: {jobTemplate: {spec: {template: {spec: {}}}}}}\n---\nkind: Job\n";
        expect_test::expect![[r#"
            Pod at `items[0]` Pod pod at `items[0]` spec={} metadata=-
            Deployment at `items[2]` Deployment pod at `items[2].spec.template` spec={} metadata=-
            CronJob at `items[3].items[0]` CronJob pod at `items[3].items[0].spec.jobTemplate.spec.template` spec={} metadata=-
            Job at `` Job pod at `spec.template` spec=- metadata=-"#]]
        .assert_eq(&sites(list).join("\n"));
    }

    #[test]
    fn custom_resources_hold_their_pod_template_where_the_project_says() {
        let templates = [
            PodTemplate {
                api_version: "argoproj.io/v1alpha1".into(),
                kind: "Rollout".into(),
                path: vec!["spec".into(), "template".into()],
            },
            PodTemplate {
                api_version: "keda.sh/v1alpha1".into(),
                kind: "ScaledJob".into(),
                path: ["spec", "jobTargetRef", "template"]
                    .map(String::from)
                    .to_vec(),
            },
        ];
        let text = "apiVersion: argoproj.io/v1alpha1\nkind: Rollout\nspec:\n  strategy: {canary: {}}\n  template:\n    metadata: {labels: {a: b}}\n    spec:\n      containers: []\n---\n{apiVersion: keda.sh/v1alpha1, kind: ScaledJob, spec: {jobTargetRef: {template: {spec: {}}}}}\n---\napiVersion: v1\nkind: List\nitems:\n- {apiVersion: argoproj.io/v1alpha1, kind: Rollout, spec: {template: {}}}\n---\napiVersion: argoproj.io/v1alpha1\nkind: Rollout\nspec: {}\n---\napiVersion: argoproj.io/v1beta1\nkind: Rollout\nspec: {template: {}}\n";
        let file = parse(text);
        let found: Vec<String> = file
            .documents
            .iter()
            .flat_map(|doc| pod_sites(&templates, text, doc))
            .map(|site| {
                format!(
                    "{} at `{}` {} spec={}",
                    site.kind,
                    site.root.prefix,
                    site.root.type_name,
                    site.spec.is_some()
                )
            })
            .collect();
        // Walked from the template (the resource's own fields are not in the table); none until the
        // template is written, none for another apiVersion of the group.
        expect_test::expect![[r#"
            PodTemplateSpec at `spec.template` PodTemplateSpec spec=true
            PodTemplateSpec at `spec.jobTargetRef.template` PodTemplateSpec spec=true
            PodTemplateSpec at `items[0].spec.template` PodTemplateSpec spec=false"#]]
        .assert_eq(&found.join("\n"));
        // Hover and completion: inside the template only.
        let doc = &file.documents[0];
        let root = |path: FieldPath| pod_root(&templates, text, doc, path.segments());
        let in_template = FieldPath::new().keys(&["spec", "template", "spec", "containers"]);
        assert_eq!(
            root(in_template).map(|r| r.type_name),
            Some(CUSTOM_RESOURCE)
        );
        assert_eq!(root(FieldPath::new().keys(&["spec", "strategy"])), None);
        // Without the project's entry the resource is not served at all.
        assert!(pod_sites(&[], text, doc).is_empty());
        assert!(serves(&templates, text, &file));
    }

    #[test]
    fn hover_and_completion_start_at_the_object_that_holds_the_path() {
        let text = "apiVersion: v1\nkind: List\nitems:\n- {apiVersion: v1, kind: Pod}\n- {apiVersion: apps/v1, kind: Deployment}\n";
        let file = parse(text);
        let doc = &file.documents[0];
        let root = |path: FieldPath| {
            pod_root(&[], text, doc, path.segments())
                .map(|r| format!("{} {}", r.prefix, r.type_name))
        };
        let item = |i| FieldPath::new().key("items").index(i);
        assert_eq!(
            root(item(1).keys(&["spec", "template"])).as_deref(),
            Some("items[1] Deployment")
        );
        assert_eq!(root(item(0).key("spec")).as_deref(), Some("items[0] Pod"));
        assert_eq!(root(item(2).key("spec")), None);
        let untyped = "metadata:\n  name: a\n";
        let file = parse(untyped);
        assert_eq!(
            pod_root(&[], untyped, &file.documents[0], &[]).map(|r| r.type_name),
            Some("Pod")
        );
    }

    #[test]
    fn a_file_is_served_when_one_document_holds_a_pod() {
        let served = |text: &str| serves(&[], text, &parse(text));
        assert!(served("kind: ConfigMap\n---\napiVersion: v1\nkind: Pod\n"));
        assert!(served("apiVersion: batch/v1\nkind: CronJob\n"));
        assert!(!served("kind: ConfigMap\ndata: {}\n"));
        // A misspelt known kind is served, to say so.
        assert!(served("apiVersion: apps/v1\nkind: Deploymnet\n"));
        assert!(!served("apiVersion: example.com/v1\nkind: pod\n"));
        assert!(!served("foo: [\n"));
        assert!(!served(""));
    }
}
