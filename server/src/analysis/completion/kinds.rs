//! Completion across kinds: the values of an object's `kind` (every known kind, those the written apiVersion
//! serves first) and `apiVersion` (the one serving the written kind, or all before a kind is written), and
//! a skeleton per workload kind for an empty document. Kinds and versions come from `POD_KINDS`.

use crate::analysis::pod_sites::{POD_KINDS, known_kind};
use crate::syntax::{Indentation, PathSegment};

use super::skeletons::{IMAGE, Skeleton, containers, item, starts_a_document};
use super::snippet::escape;
use super::values::{node_at, value_item};
use super::{CompletionItem, Site};

/// Which of an object's identity fields the cursor's value is, when it is one: at the document root or an
/// item of a List's `items`.
pub(super) fn identity_field(path: &[PathSegment]) -> Option<&str> {
    let (PathSegment::Key(key), parent) = path.split_last()? else {
        return None;
    };
    let object_root = match parent {
        [] => true,
        [PathSegment::Key(items), PathSegment::Index(_)] => items == "items",
        _ => false,
    };
    (object_root && matches!(key.as_str(), "kind" | "apiVersion")).then_some(key.as_str())
}

/// The values of `kind` or `apiVersion` at the cursor.
pub(super) fn value_items(site: &Site<'_>, field: &str) -> Vec<CompletionItem> {
    let values = if field == "kind" {
        kinds_for(sibling(site, "apiVersion"))
    } else {
        versions_for(sibling(site, "kind"))
    };
    values
        .into_iter()
        .enumerate()
        .map(|(i, (value, detail))| value_item(site, value, Some(detail), None, i))
        .collect()
}

/// The same values as a snippet choice, for the `kind` or `apiVersion` key of an object whose kind is not
/// settled yet (instead of the Pod's only value).
pub(super) fn choose_in_keys(site: &Site<'_>, items: &mut [CompletionItem]) {
    let Some(parent) = site.path.split_last().map(|(_, parent)| parent) else {
        return;
    };
    for item in items {
        let mut path = parent.to_vec();
        path.push(PathSegment::Key(item.label.clone()));
        let Some(field) = identity_field(&path) else {
            continue;
        };
        let values: Vec<&str> = if field == "kind" {
            kinds_for(sibling(site, "apiVersion"))
        } else {
            versions_for(sibling(site, "kind"))
        }
        .into_iter()
        .map(|(value, _)| value)
        .collect();
        // Only the key's own text changes: what stands before it (a `- `) stays.
        if let Some(at) = item.edit.new_text.rfind(&format!("{field}: ")) {
            let choice = match values.as_slice() {
                [only] => escape(only),
                _ => format!("${{1|{}|}}", values.join(",")),
            };
            item.edit.new_text = format!("{}{field}: {choice}", &item.edit.new_text[..at]);
        }
    }
}

/// The scalar written for `key` in the mapping the cursor is in.
fn sibling<'a>(site: &Site<'a>, key: &str) -> Option<&'a str> {
    let (_, parent) = site.path.split_last()?;
    let object = node_at(site.doc, parent)?;
    let value = site.doc.get(object, key)?;
    site.doc.scalar(value).filter(|v| !v.is_empty())
}

/// Every known kind with the apiVersion serving it; those `api_version` serves first.
fn kinds_for(api_version: Option<&str>) -> Vec<(&'static str, String)> {
    let mut kinds: Vec<_> = POD_KINDS.iter().collect();
    kinds.sort_by_key(|k| Some(k.api_version) != api_version);
    kinds
        .into_iter()
        .map(|k| (k.kind, k.api_version.to_string()))
        .collect()
}

/// The apiVersion serving `kind` when it is a known one, else every apiVersion with the kinds it serves.
fn versions_for(kind: Option<&str>) -> Vec<(&'static str, String)> {
    if let Some(known) = kind.and_then(known_kind) {
        return vec![(known.api_version, known.kind.to_string())];
    }
    let mut versions: Vec<(&'static str, String)> = Vec::new();
    for k in POD_KINDS {
        match versions.iter_mut().find(|(v, _)| *v == k.api_version) {
            Some((_, kinds)) => kinds.push_str(&format!(", {}", k.kind)),
            None => versions.push((k.api_version, k.kind.to_string())),
        }
    }
    versions
}

/// A skeleton per workload kind where a document starts, after the Pod's.
pub(super) fn skeleton_items(site: &Site<'_>, untyped: bool) -> Vec<CompletionItem> {
    if !starts_a_document(site, untyped) {
        return Vec::new();
    }
    workloads(site.indentation)
        .into_iter()
        .enumerate()
        .map(|(i, skeleton)| item(site, skeleton, "", site.column(), i + 1))
        .collect()
}

/// A skeleton per workload kind: valid as written (a tagged image, a selector matching the template's
/// labels, which mirror the name, a Job's restartPolicy `Never`, a CronJob's schedule every hour).
fn workloads(indentation: Indentation) -> Vec<Skeleton> {
    let replicated = |kind: &'static str, extra: &[&str]| {
        let mut lines = head("apps/v1", kind, "my-app");
        lines.extend(extra.iter().map(|line| (1, line.to_string())));
        lines.extend([
            (1, "selector:".into()),
            (2, "matchLabels:".into()),
            (3, "app: ${1:my-app}".into()),
            (1, "template:".into()),
            (2, "metadata:".into()),
            (3, "labels:".into()),
            (4, "app: ${1:my-app}".into()),
            (2, "spec:".into()),
        ]);
        lines.extend(containers(3, indentation, 3, IMAGE, None));
        skeleton(kind, lines)
    };
    // The pod template of a Job at `level`, its tab stops from `tab`: the restartPolicy a Job needs, and a
    // command that ends.
    let job_lines = |level: usize, policy: &str, tab: usize| {
        let mut lines = vec![
            (level, "template:".to_string()),
            (level + 1, "spec:".into()),
            (level + 2, format!("restartPolicy: ${{{tab}:{policy}}}")),
        ];
        let command = format!(r#"command: ["sh", "-c", "${{{}:echo hello}}"]"#, tab + 3);
        lines.extend(containers(
            level + 2,
            indentation,
            tab + 1,
            JOB_IMAGE,
            Some(&command),
        ));
        lines
    };
    let mut job = head("batch/v1", "Job", "my-job");
    job.extend(job_lines(1, "Never", 2));
    let mut cron_job = head("batch/v1", "CronJob", "my-cronjob");
    cron_job.extend([
        (1, r#"schedule: "${2:0 * * * *}""#.to_string()),
        (1, "jobTemplate:".into()),
        (2, "spec:".into()),
    ]);
    cron_job.extend(job_lines(3, "OnFailure", 3));
    vec![
        replicated("Deployment", &["replicas: ${2:1}"]),
        replicated(
            "StatefulSet",
            &["serviceName: ${1:my-app}", "replicas: ${2:1}"],
        ),
        replicated("DaemonSet", &[]),
        skeleton("Job", job),
        skeleton("CronJob", cron_job),
    ]
}

/// What a Job runs: an image with a shell, so the command ends and the Job completes.
const JOB_IMAGE: &str = "busybox:1.36";

fn head(api_version: &str, kind: &str, name: &str) -> Vec<(usize, String)> {
    vec![
        (0, format!("apiVersion: {api_version}")),
        (0, format!("kind: {kind}")),
        (0, "metadata:".into()),
        (1, format!("name: ${{1:{name}}}")),
        (0, "spec:".into()),
    ]
}

fn skeleton(kind: &'static str, lines: Vec<(usize, String)>) -> Skeleton {
    Skeleton {
        label: kind,
        detail: crate::messages::completion::skeleton(kind),
        lines,
    }
}
