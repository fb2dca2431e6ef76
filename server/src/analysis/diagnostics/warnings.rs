//! Warnings for what the API server accepts but users regret: an image without a tag or with `latest`,
//! `status` in a manifest, duplicate env names (the last one wins), deprecated fields and volume sources,
//! and YAML 1.1 words (`yes`, `on`, ...) that kubectl reads as booleans while YAML 1.2 tools read strings.

use std::collections::HashMap;

use super::value::{Scalar, yaml11_boolean};
use super::walk::Visit;
use super::{Context, Diagnostic};
use crate::schema::FieldType;
use crate::syntax::{NodeKind, PathSegment, ScalarStyle};

pub(super) fn check(cx: &Context, visit: &Visit, out: &mut Vec<Diagnostic>) {
    deprecated(cx, visit, out);
    yaml11(cx, visit, out);
    if visit.is_null() {
        return;
    }
    match visit.object() {
        Some("Pod") => {
            if let Some((key, _)) = cx
                .doc
                .entries(visit.node)
                .iter()
                .find(|(k, _)| cx.doc.scalar(*k) == Some("status"))
            {
                out.push(
                    Diagnostic::warning(
                        "status-field",
                        cx.doc.node(*key).range,
                        "`status` is written by the cluster: the API server ignores it on create; remove it from the manifest",
                    )
                    .at(&visit.child(PathSegment::Key("status".into()))),
                );
            }
        }
        Some("Container" | "EphemeralContainer") => {
            image(cx, visit, out);
            duplicate_env(cx, visit, out);
        }
        _ => {}
    }
}

/// Whether this visit is a field's own value (not an item or map value of it).
fn is_field_value(visit: &Visit) -> bool {
    visit
        .field
        .is_some_and(|f| std::ptr::eq(visit.ty, &f.ty) && visit.key.is_some())
}

fn deprecated(cx: &Context, visit: &Visit, out: &mut Vec<Diagnostic>) {
    let (Some(field), Some(key)) = (visit.field, visit.key) else {
        return;
    };
    let Some(instead) = &field.deprecated else {
        return;
    };
    if !is_field_value(visit) {
        return;
    }
    out.push(
        Diagnostic::warning(
            "deprecated-field",
            cx.doc.node(key).range,
            format!("`{}` is deprecated: {instead}", field.name),
        )
        .at(&visit.path),
    );
}

fn yaml11(cx: &Context, visit: &Visit, out: &mut Vec<Diagnostic>) {
    let Some(Scalar::Str(word)) = &visit.scalar else {
        return;
    };
    let plain = matches!(
        cx.doc.node(visit.node).kind,
        NodeKind::Scalar {
            style: ScalarStyle::Plain,
            tag: None,
            ..
        }
    );
    let Some(meaning) = yaml11_boolean(word).filter(|_| plain) else {
        return;
    };
    let range = visit.range(cx);
    let diagnostic = match visit.ty {
        FieldType::Boolean => Diagnostic::warning(
            "yaml11-boolean",
            range,
            format!("`{word}` is read as `{meaning}` by kubectl (YAML 1.1) but as a string by YAML 1.2 tools; write `{meaning}`"),
        )
        .fix(format!("Write `{meaning}`"), vec![(range, meaning.to_string())], true),
        FieldType::String | FieldType::IntOrString | FieldType::Any => Diagnostic::warning(
            "yaml11-boolean",
            range,
            format!("`{word}` is read as the boolean `{meaning}` by kubectl (YAML 1.1), which a string field rejects; quote it: \"{word}\""),
        )
        .fix(format!("Quote `{word}`"), vec![(range, format!("\"{word}\""))], true),
        _ => return,
    };
    out.push(diagnostic.at(&visit.path));
}

fn image(cx: &Context, visit: &Visit, out: &mut Vec<Diagnostic>) {
    let doc = cx.doc;
    let Some(node) = doc.get(visit.node, "image") else {
        return;
    };
    let Some(Scalar::Str(image)) = super::value::scalar(doc, node) else {
        return;
    };
    if image.is_empty() || image.contains('@') {
        return;
    }
    // The tag follows the last `:` after the last `/` (a registry may have a port: `host:5000/app`).
    let last = image.rsplit('/').next().unwrap_or(image);
    let tag = last.rsplit_once(':').map(|(_, tag)| tag);
    let policy = doc
        .get(visit.node, "imagePullPolicy")
        .and_then(|p| doc.scalar(p));
    let message = match tag {
        None => format!(
            "image `{image}` has no tag, so it means `{image}:latest`: which version runs can change at any pull{}; pin a version tag or digest",
            default_policy(policy)
        ),
        Some("latest") => format!(
            "image `{image}` uses the `latest` tag: which version runs can change at any pull{}; pin a version tag or digest",
            default_policy(policy)
        ),
        Some(_) => return,
    };
    let mut path = visit.path.clone();
    path.push(PathSegment::Key("image".into()));
    out.push(Diagnostic::warning("image-latest", doc.node(node).range, message).at(&path));
}

fn default_policy(policy: Option<&str>) -> &'static str {
    match policy {
        None => ", and imagePullPolicy then defaults to `Always`",
        Some(_) => "",
    }
}

fn duplicate_env(cx: &Context, visit: &Visit, out: &mut Vec<Diagnostic>) {
    let doc = cx.doc;
    let Some(env) = doc.get(visit.node, "env") else {
        return;
    };
    let mut first = HashMap::new();
    for (i, item) in doc.items(env).iter().enumerate() {
        let Some(name) = doc.get(*item, "name") else {
            continue;
        };
        let Some(value) = doc.scalar(name).filter(|s| !s.is_empty()) else {
            continue;
        };
        match first.get(value) {
            None => {
                first.insert(value, name);
            }
            Some(&earlier) => {
                let mut path = visit.path.clone();
                path.extend([
                    PathSegment::Key("env".into()),
                    PathSegment::Index(i),
                    PathSegment::Key("name".into()),
                ]);
                out.push(
                    Diagnostic::warning(
                        "duplicate-env",
                        doc.node(name).range,
                        format!("environment variable `{value}` is set twice in this container; the last one wins"),
                    )
                    .related(doc.node(earlier).range, format!("`{value}` first set here"))
                    .at(&path),
                );
            }
        }
    }
}
