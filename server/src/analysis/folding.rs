//! Folding (`textDocument/foldingRange`): every mapping, list and block scalar that spans lines folds from
//! the line of its key (or its `- ` marker) to its last line, and so does each run of two or more comment
//! lines; in a file of several `---` documents, each document folds too. Each fold carries the text an
//! editor may show while it is closed (`containers: … 2 items`).

use super::inputs::Inputs;
use super::pod_sites::serves;
use super::structure::written_range;
use crate::syntax::{Document, LineIndex, NodeKind, ScalarStyle, TextRange, YamlFile};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FoldKind {
    Region,
    Comment,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fold {
    /// From the start of the fold's first line's content to the end of its last line's content.
    pub range: TextRange,
    pub kind: FoldKind,
    /// What a closed fold shows: its first line and what it hides.
    pub collapsed: String,
}

/// The folds of a served file, ordered by their first line, one per line (the outermost).
pub fn folding_ranges(inputs: &Inputs, text: &str, file: &YamlFile) -> Vec<Fold> {
    if !serves(&inputs.pod_templates, text, file) {
        return Vec::new();
    }
    let lines = LineIndex::new(text);
    let mut folds = Vec::new();
    let several = file.documents.len() > 1;
    for doc in &file.documents {
        let mut block_scalars = Vec::new();
        for id in doc.node_ids() {
            let node = doc.node(id);
            let hidden = match node.kind {
                NodeKind::Mapping { entries, .. } => {
                    count(doc.entries_of(*entries).len(), "key", "keys")
                }
                NodeKind::Sequence { items, .. } => {
                    count(doc.items_of(*items).len(), "item", "items")
                }
                NodeKind::Scalar {
                    style: ScalarStyle::Literal | ScalarStyle::Folded,
                    ..
                } => {
                    block_scalars.push(node.range);
                    let n = lines.line_of(node.range.end) - lines.line_of(node.range.start);
                    count(n, "line", "lines")
                }
                _ => continue,
            };
            if node.parent.is_none() && !several {
                continue;
            }
            let range = written_range(text, doc, id);
            folds.extend(fold(text, &lines, range, FoldKind::Region, &hidden));
        }
        folds.extend(comment_runs(text, &lines, doc, &block_scalars));
    }
    folds.sort_by_key(|f| (f.range.start, std::cmp::Reverse(f.range.end)));
    // Editors keep one fold per first line: the outermost (`- name: a` opens both the item and its mapping).
    let mut seen_lines = std::collections::HashSet::new();
    folds.retain(|f| seen_lines.insert(lines.line_of(f.range.start)));
    folds
}

fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// A fold over `range`, when it spans lines: its collapsed text is its first line then what it hides.
fn fold(
    text: &str,
    lines: &LineIndex,
    range: TextRange,
    kind: FoldKind,
    hidden: &str,
) -> Option<Fold> {
    let content = text[range.as_range()].trim_end();
    let range = TextRange::new(range.start, range.start + content.len());
    let first = lines.line_of(range.start);
    if lines.line_of(range.end) == first {
        return None;
    }
    let head = text[range.start..lines.line_end(text, first)].trim_end();
    Some(Fold {
        range,
        kind,
        collapsed: format!("{head} … {hidden}"),
    })
}

/// Runs of two or more lines that hold only a comment (not inside a block scalar, where `#` is text).
fn comment_runs(
    text: &str,
    lines: &LineIndex,
    doc: &Document,
    block_scalars: &[TextRange],
) -> Vec<Fold> {
    let mut out = Vec::new();
    let first = lines.line_of(doc.range.start);
    let last = lines.line_of(doc.range.end.saturating_sub(1).max(doc.range.start));
    let mut run: Option<(usize, usize, usize)> = None; // (start offset, end offset, lines)
    let close = |run: &mut Option<(usize, usize, usize)>, out: &mut Vec<Fold>| {
        if let Some((start, end, n)) = run.take().filter(|r| r.2 > 1) {
            let hidden = count(n, "line", "lines");
            out.extend(fold(
                text,
                lines,
                TextRange::new(start, end),
                FoldKind::Comment,
                &hidden,
            ));
        }
    };
    for line in first..=last.min(lines.line_count().saturating_sub(1)) {
        let start = crate::syntax::lines::after_bom(text, lines.line_start(line));
        let end = lines.line_end(text, line);
        let content = text[start..end].trim_start();
        let at = end - content.len();
        let in_scalar = block_scalars.iter().any(|r| r.start < at && at <= r.end);
        if content.starts_with('#') && !in_scalar {
            run = Some(match run {
                Some((s, _, n)) => (s, end, n + 1),
                None => (at, end, 1),
            });
        } else {
            close(&mut run, &mut out);
        }
    }
    close(&mut run, &mut out);
    out
}

#[cfg(test)]
mod tests;
