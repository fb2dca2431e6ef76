//! Skeletons of whole objects where a person starts one: a Pod in an empty document, a container at a new
//! item of `containers`/`initContainers`, a volume per common source at a new item of `volumes`. Written in
//! the document's indentation, as snippets with placeholders. Their values pass podls's own checks: an image
//! with a tag, a container name not yet used in the Pod.

use crate::schema::FieldType;
use crate::syntax::{Before, FieldPath, Indentation, PathSegment};

use super::keys::lead_in;
use super::snippet::{escape, to_plain};
use super::values::names_in;
use super::{CompletionItem, CompletionKind, Site, TextEdit};
use crate::messages::{Message, completion as msg};

/// One skeleton: lines of (nesting level below the first line, text with placeholders).
pub(super) struct Skeleton {
    pub label: &'static str,
    pub detail: Message,
    pub lines: Vec<(usize, String)>,
}

pub(super) fn snippet_items(site: &Site<'_>, untyped: bool) -> Vec<CompletionItem> {
    if site.flow {
        return Vec::new();
    }
    let Some((PathSegment::Key(_), parent)) = site.path.split_last() else {
        return Vec::new();
    };
    if starts_a_document(site, untyped) {
        return vec![item(site, pod(site.indentation), "", site.column(), 0)];
    }
    let Some((list, new_item)) = new_item_of(site, parent) else {
        return Vec::new();
    };
    let skeletons = match list.last() {
        Some(PathSegment::Key(key)) if key == "containers" || key == "initContainers" => {
            vec![container(&free_container_name(
                site,
                &list[..list.len() - 1],
            ))]
        }
        Some(PathSegment::Key(key)) if key == "volumes" => volumes(),
        _ => Vec::new(),
    };
    let (lead, column) = lead_in(site, new_item);
    skeletons
        .into_iter()
        .enumerate()
        .map(|(i, skeleton)| item(site, skeleton, lead, column, i))
        .collect()
}

/// Whether the cursor starts a document: a first key at the root of one without a kind yet, where a
/// skeleton of a whole object fits (the Pod's here, the workloads' in `kinds.rs`).
pub(super) fn starts_a_document(site: &Site<'_>, untyped: bool) -> bool {
    !site.flow
        && untyped
        && site.siblings.is_empty()
        && matches!(site.path.split_last(), Some((PathSegment::Key(_), parent)) if parent == site.root.prefix.segments())
}

/// The path of the list the cursor starts a new item of, and whether the `- ` still has to be written: a
/// fresh `- ` line, a line below `key:` indented deeper than it, or (kubectl style) the line right after
/// `key:` at the key's own column.
fn new_item_of(site: &Site<'_>, parent: &[PathSegment]) -> Option<(Vec<PathSegment>, bool)> {
    let of_objects = |path: &[PathSegment]| matches!(site.type_at(path), Some(FieldType::Array(item)) if matches!(item.as_ref(), FieldType::Object(_)));
    if let Some(FieldType::Array(_)) = site.type_at(parent) {
        return of_objects(parent).then(|| (parent.to_vec(), true));
    }
    if let Some((PathSegment::Index(_), list)) = parent.split_last() {
        let on_dash = matches!(site.line.before, Before::Dash | Before::BareDash);
        return (on_dash && site.siblings.is_empty()).then(|| (list.to_vec(), false));
    }
    let key = site.line.open_key_above.as_deref()?;
    let mut list = parent.to_vec();
    list.push(PathSegment::Key(key.to_string()));
    of_objects(&list).then_some((list, true))
}

/// `app`, else `app-2`, `app-3`…: the first name no container of the Pod spec at `spec` has yet (names are
/// unique across containers, init containers and ephemeral containers — `validateContainers` and
/// `validateInitContainers` in `pkg/apis/core/validation/validation.go`).
fn free_container_name(site: &Site<'_>, spec: &[PathSegment]) -> String {
    let taken: Vec<&str> = ["containers", "initContainers", "ephemeralContainers"]
        .into_iter()
        .flat_map(|list| names_in(site.doc, &FieldPath::from(spec).key(list)))
        .collect();
    std::iter::once("app".to_string())
        .chain((2..).map(|n| format!("app-{n}")))
        .find(|name| !taken.contains(&name.as_str()))
        .unwrap_or_default()
}

pub(super) fn item(
    site: &Site<'_>,
    skeleton: Skeleton,
    lead: &str,
    column: usize,
    order: usize,
) -> CompletionItem {
    let snippet = render(&skeleton.lines, column, site.indentation);
    CompletionItem {
        label: skeleton.label.to_string(),
        kind: CompletionKind::Snippet,
        detail: Some(skeleton.detail.render(site.locale)),
        documentation: Some(format!("```yaml\n{}{}\n```", lead, to_plain(&snippet))),
        // Before the fields: where a skeleton fits, it is what a person starting an object wants first.
        sort_text: format!("!{order}"),
        filter_text: None,
        edit: TextEdit {
            range: site.range,
            new_text: format!("{lead}{snippet}"),
        },
        is_snippet: true,
        preselect: false,
    }
}

/// The lines joined, each below the first indented to `column` plus its levels.
fn render(lines: &[(usize, String)], column: usize, indentation: Indentation) -> String {
    lines
        .iter()
        .enumerate()
        .map(|(i, (level, line))| {
            if i == 0 {
                line.clone()
            } else {
                format!("{}{line}", " ".repeat(column + level * indentation.unit))
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn pod(indentation: Indentation) -> Skeleton {
    let mut lines = vec![
        (0, "apiVersion: v1".into()),
        (0, "kind: Pod".into()),
        (0, "metadata:".into()),
        (1, "name: ${1:my-pod}".into()),
        (0, "spec:".into()),
    ];
    lines.extend(containers(1, indentation, 2, IMAGE, None));
    Skeleton {
        label: "Pod",
        detail: msg::skeleton("Pod"),
        lines,
    }
}

/// `containers:` at `level` with one container (tab stops `tab` and `tab + 1`), and the final `$0`.
pub(super) fn containers(
    level: usize,
    indentation: Indentation,
    tab: usize,
    image: &str,
    extra: Option<&str>,
) -> Vec<(usize, String)> {
    // The item's `- ` sits one level below `containers:` when sequences are indented, at its column
    // otherwise; its other keys line up after the `- `.
    let item = level + usize::from(indentation.indented_sequences);
    let mut lines = vec![
        (level, "containers:".to_string()),
        (item, format!("- name: ${{{tab}:app}}")),
        (item, format!("  image: ${{{}:{image}}}", tab + 1)),
    ];
    lines.extend(extra.map(|line| (item, format!("  {line}"))));
    if let Some((_, last)) = lines.last_mut() {
        last.push_str("$0");
    }
    lines
}

fn container(name: &str) -> Skeleton {
    Skeleton {
        label: "container",
        detail: msg::container_skeleton(),
        lines: vec![
            (0, format!("name: ${{1:{}}}", escape(name))),
            (0, format!("image: ${{2:{IMAGE}}}$0")),
        ],
    }
}

/// An image with a tag, so the skeleton does not trip the `:latest` warning; the user replaces it anyway.
pub(super) const IMAGE: &str = "nginx:1.27";

/// A volume name people would write for a source.
fn volume_name(label: &str) -> &'static str {
    match label {
        "emptyDir volume" => "cache",
        "configMap volume" => "config",
        "secret volume" => "secrets",
        "persistentVolumeClaim volume" => "data",
        _ => "host",
    }
}

fn volumes() -> Vec<Skeleton> {
    let volume = |label: &'static str, detail: Message, source: &str, lines: &[&str]| {
        let name = format!("name: ${{1:{}}}", volume_name(label));
        let mut all = vec![(0, name), (0, source.into())];
        all.extend(lines.iter().map(|line| (1, line.to_string())));
        Skeleton {
            label,
            detail,
            lines: all,
        }
    };
    vec![
        volume(
            "emptyDir volume",
            msg::volume_scratch(),
            "emptyDir: {}$0",
            &[],
        ),
        volume(
            "configMap volume",
            msg::volume_config_map(),
            "configMap:",
            &["name: ${2:my-config}$0"],
        ),
        volume(
            "secret volume",
            msg::volume_secret(),
            "secret:",
            &["secretName: ${2:my-secret}$0"],
        ),
        volume(
            "persistentVolumeClaim volume",
            msg::volume_claim(),
            "persistentVolumeClaim:",
            &["claimName: ${2:my-claim}$0"],
        ),
        volume(
            "hostPath volume",
            msg::volume_host_path(),
            "hostPath:",
            &["path: ${2:/var/log}$0"],
        ),
    ]
}
