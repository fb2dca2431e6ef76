//! Hover over the real-world corpus (tests/corpus), every key of every document: parsing never panics,
//! and hover answers at each key with the docs when the field table knows the field there (or the key is a
//! resource name), and with nothing otherwise (label keys, misspelled fields, non-Pod documents). The keys and their paths come from
//! walking the tree, independently of the cursor location hover itself uses.

use std::path::{Path, PathBuf};

use podls::analysis::{Inputs, hover, pod_root, schema_at};
use podls::schema::{FieldType, Locale, Schema};
use podls::syntax::{Document, LineIndex, NodeId, NodeKind, PathSegment, dotted, parse};

fn corpus_dir() -> PathBuf {
    match std::env::var_os("PODLS_CORPUS") {
        Some(dir) => PathBuf::from(dir),
        None => Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus"),
    }
}

/// Every mapping key below `node` with its path from the document root. Aliases are not followed: their
/// keys are visited where the anchor is written.
fn keys(
    doc: &Document,
    node: NodeId,
    path: &mut Vec<PathSegment>,
    out: &mut Vec<(NodeId, Vec<PathSegment>)>,
) {
    match &doc.node(node).kind {
        NodeKind::Mapping { entries, .. } => {
            for &(key, value) in doc.entries_of(*entries).iter() {
                let Some(name) = doc.scalar(key) else {
                    continue;
                };
                path.push(PathSegment::Key(name.to_owned()));
                out.push((key, path.clone()));
                keys(doc, value, path, out);
                path.pop();
            }
        }
        NodeKind::Sequence { items, .. } => {
            for (i, &item) in doc.items_of(*items).iter().enumerate() {
                path.push(PathSegment::Index(i));
                keys(doc, item, path, out);
                path.pop();
            }
        }
        _ => {}
    }
}

/// Whether the docs cover the key at `path`: a field of an object type, or a resource name in a map of
/// quantities (`requests.cpu`); other maps' keys, such as label names, are the user's own.
fn documented(schema: &Schema, text: &str, doc: &Document, path: &[PathSegment]) -> bool {
    let Some(root) = pod_root(&[], text, doc, path) else {
        return false;
    };
    let parent = schema_at(schema, &root, &path[..path.len() - 1]).map(|parent| parent.ty);
    if let (Some(FieldType::Map(value)), Some(PathSegment::Key(name))) = (parent, path.last()) {
        return matches!(value.as_ref(), FieldType::Quantity)
            && (matches!(
                name.as_str(),
                "cpu" | "memory" | "ephemeral-storage" | "storage"
            ) || name.starts_with("hugepages-")
                || name.contains('/'));
    }
    matches!(parent, Some(FieldType::Object(_)))
        && schema_at(schema, &root, path).is_some_and(|r| r.field.is_some())
}

#[test]
fn hover_answers_at_every_key_of_every_corpus_document() {
    let schema = Schema::embedded();
    let mut files: Vec<PathBuf> = std::fs::read_dir(corpus_dir())
        .expect("the corpus directory")
        .map(|e| e.unwrap().path())
        .filter(|p| {
            p.extension()
                .is_some_and(|e| e == "yaml" || e == "yml" || e == "json")
        })
        .collect();
    files.sort();
    assert!(files.len() >= 135, "{} corpus files", files.len());
    let (mut total, mut with_docs) = (0, 0);
    let mut failures = Vec::new();
    for path in &files {
        let text = std::fs::read_to_string(path).unwrap();
        let name = path.file_name().unwrap().to_string_lossy();
        let file = parse(&text);
        let lines = LineIndex::new(&text);
        for doc in &file.documents {
            let Some(root) = doc.root else { continue };
            let mut found = Vec::new();
            keys(doc, root, &mut Vec::new(), &mut found);
            for (key, key_path) in found {
                let range = doc.node(key).range;
                let expected = documented(schema, &text, doc, &key_path);
                total += 1;
                with_docs += usize::from(expected);
                let middle = range.start
                    + text[range.as_range()]
                        .char_indices()
                        .nth(range.len() / 2)
                        .map_or(0, |(i, _)| i)
                        .min(range.len());
                for offset in [range.start, middle] {
                    let answer = hover(&Inputs::new(Locale::En), &text, &file, offset);
                    let ok = match &answer {
                        Some(h) => expected && !h.markdown.is_empty() && h.range.touches(offset),
                        None => !expected,
                    };
                    if !ok {
                        failures.push(format!(
                            "{name}:{}: `{}` at byte {offset}: expected {}, got {}",
                            lines.line_of(offset) + 1,
                            dotted(&key_path),
                            if expected { "docs" } else { "nothing" },
                            answer.map_or("nothing".to_owned(), |h| format!(
                                "docs over {:?}",
                                h.range
                            )),
                        ));
                    }
                }
            }
        }
    }
    eprintln!(
        "{total} keys in {} files, {with_docs} documented by the field table",
        files.len()
    );
    assert!(
        with_docs * 2 > total,
        "the table should know most corpus keys: {with_docs} of {total}"
    );
    assert!(
        failures.is_empty(),
        "{} hover mismatches:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
