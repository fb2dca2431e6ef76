//! Go templates (Helm charts) read as a person reads them: every `{{ … }}` action is masked before the YAML
//! parser sees the text, and every literal byte keeps its offset. A line holding only actions that print
//! nothing (`{{- if … }}`, `{{- end }}`) becomes blank; a line whose action prints (`{{- toYaml . | nindent
//! 12 }}`) becomes a placeholder shaped like its neighbours (a key, a list item, or the whole value); an
//! action inside a line becomes placeholder characters. What a placeholder yields is `NodeKind::Unknown`.

mod actions;

use super::TextRange;
use super::lines;
use super::tree::{NodeId, NodeKind, Tree};
pub(crate) use actions::{Action, ActionKind};

/// The template structure of one document, in offsets relative to the document's start.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub(crate) struct Template {
    pub actions: Vec<TextRange>,
    /// The branches of each `if`/`with`/`range` that has an `else`: (block, branch, text).
    pub branches: Vec<(u32, u32, TextRange)>,
    /// Where an action ends a `key:` or `- ` line and prints below it (`labels: {{- include … | nindent 4
    /// }}`), so the literal lines under it join what it prints.
    pub below: Vec<usize>,
    /// The mappings and lists such an action prints into: they may hold more than is written.
    pub open: Vec<NodeId>,
}

impl Template {
    /// The same template `len` bytes further on (a byte-order mark before the document).
    pub fn shift(&mut self, len: usize) {
        for range in &mut self.actions {
            *range = range.shifted(len as isize);
        }
        for (_, _, range) in &mut self.branches {
            *range = range.shifted(len as isize);
        }
    }

    /// Whether `a` and `b` lie in different branches of one `if … else … end`: they never render together.
    pub fn exclusive(&self, a: usize, b: usize) -> bool {
        self.branches.iter().any(|&(block, branch, range)| {
            range.start <= a
                && a < range.end
                && self.branches.iter().any(|&(other_block, other, r)| {
                    other_block == block && other != branch && r.start <= b && b < r.end
                })
        })
    }

    /// Whether `offset` is inside an action (not at its edges).
    pub fn in_action(&self, offset: usize) -> bool {
        let i = self.actions.partition_point(|a| a.end <= offset);
        self.actions
            .get(i)
            .is_some_and(|a| a.start < offset && offset < a.end)
    }

    /// Whether an edit of `range` would change an action's text: the YAML parser never sees it there, so a
    /// repair checked on the masked text would not repair the real one (a quote closed inside `{{ … }}`).
    pub fn edits_action(&self, range: TextRange) -> bool {
        self.in_action(range.start)
            || self.in_action(range.end)
            || (!range.is_empty() && self.overlaps_action(range))
    }

    pub fn overlaps_action(&self, range: TextRange) -> bool {
        let i = self.actions.partition_point(|a| a.end <= range.start);
        self.actions
            .get(i)
            .is_some_and(|a| a.start < range.end.max(range.start + 1))
    }
}

/// Whether the cursor at `offset` is inside a template action of `doc`, or after a `{{` on its line that
/// is still being typed (not closed yet): there YAML has nothing to offer.
pub fn in_template_action(text: &str, doc: &super::Document, offset: usize) -> bool {
    if doc.in_template_action(offset) {
        return true;
    }
    let before = &text[lines::line_start(text, offset)..offset];
    before
        .rfind("{{")
        .is_some_and(|open| !before[open..].contains("}}"))
}

/// `source` with its actions masked, and its template structure; `None` when it has no action.
pub(crate) fn mask(source: &str) -> Option<(String, Template)> {
    let found = actions::actions(source);
    if found.is_empty() {
        return None;
    }
    let (branches, hidden) = structure(&found);
    // What the YAML never sees, as disjoint pieces in order: actions, and the bodies of `define`s (printed
    // only where they are included), each with whether it prints in place.
    let mut pieces: Vec<(TextRange, bool)> = found
        .iter()
        .filter(|a| {
            !hidden
                .iter()
                .any(|h| h.start <= a.range.start && a.range.end <= h.end)
        })
        .map(|a| (a.range, a.kind.prints()))
        .chain(hidden.iter().map(|&h| (h, false)))
        .collect();
    pieces.sort_by_key(|(r, _)| r.start);
    let bytes = source.as_bytes();
    let mut masked = bytes.to_vec();
    let lines: Vec<TextRange> = lines::ranges(source).collect();
    let mut printing_lines = Vec::new();
    let mut below = Vec::new();
    let mut first = 0;
    for (n, &line) in lines.iter().enumerate() {
        while first < pieces.len() && pieces[first].0.end <= line.start {
            first += 1;
        }
        let on_line: Vec<(TextRange, bool)> = pieces[first..]
            .iter()
            .take_while(|(r, _)| r.start < line.end.max(line.start + 1))
            .copied()
            .collect();
        if on_line.is_empty() {
            continue;
        }
        let mut literal = false;
        let mut at = line.start;
        for (r, _) in &on_line {
            literal |= bytes[at..r.start.max(at)]
                .iter()
                .any(|b| !b.is_ascii_whitespace());
            at = at.max(r.end);
        }
        literal |= at < line.end && bytes[at..line.end].iter().any(|b| !b.is_ascii_whitespace());
        if !literal {
            masked[line.as_range()].fill(b' ');
            let printing = on_line
                .iter()
                .find(|(r, prints)| *prints && line.start <= r.start && r.start < line.end);
            if let Some(&(action, _)) = printing {
                printing_lines.push((n, action));
            }
            continue;
        }
        if let Some(&(last, true)) = on_line.last()
            && prints_below(source, line, last)
        {
            masked[last.as_range()].fill(b' ');
            below.push(last.start);
        }
        for (r, prints) in on_line {
            if below.last() == Some(&r.start) {
                continue;
            }
            let (from, to) = (r.start.max(line.start), r.end.min(line.end));
            // Characters on the action's first line, blanks on its others (a value cannot span them), and
            // blanks for what a `define` holds.
            let starts_here = r.start >= line.start;
            let is_action = prints || !hidden.contains(&r);
            let fill = if starts_here && is_action { b'x' } else { b' ' };
            masked[from..to].fill(fill);
        }
    }
    for (n, action) in printing_lines {
        place_output(&mut masked, &lines, n, action, &source[action.as_range()]);
    }
    let masked = String::from_utf8(masked).unwrap_or_else(|_| source.to_string());
    let actions = found.iter().map(|a| a.range).collect();
    let template = Template {
        actions,
        branches,
        below,
        open: Vec::new(),
    };
    Some((masked, template))
}

/// `message`, a text a syntax error quotes about the masked text of `near` (the error's range and where
/// the parser stopped), with the placeholders of the actions on those lines written as the actions
/// themselves: the error quotes what the user wrote, not `xxxx`.
pub(super) fn unmask_message(
    message: &str,
    original: &str,
    masked: &str,
    template: &Template,
    near: TextRange,
) -> String {
    let start = near.start.min(masked.len());
    let end = near.end.min(masked.len());
    let line_start = lines::line_start(masked, start);
    let line_end = lines::line_end(masked, end);
    let mut out = message.to_string();
    for action in &template.actions {
        let (from, to) = (action.start.max(line_start), action.end.min(line_end));
        if from >= to || masked[from..to].trim().is_empty() {
            continue;
        }
        let placeholder = masked[from..to].trim();
        if let Some(i) = out.find(placeholder) {
            out.replace_range(i..i + placeholder.len(), original[from..to].trim());
        }
    }
    out
}

/// Whether `action` ends `line` after its `key:` or `- ` and starts what it prints on a new line (`nindent`).
fn prints_below(source: &str, line: TextRange, action: TextRange) -> bool {
    let before = source[line.start..action.start.max(line.start)].trim_end();
    action.start >= line.start
        && action.end <= line.end
        && source[action.end..line.end].trim().is_empty()
        && argument(&source[action.as_range()], "nindent").is_some()
        && (before.ends_with(':') || before.ends_with('-'))
}

/// The branches of every if/with/range that has an `else`, and the bodies of `define` blocks.
fn structure(found: &[Action]) -> (Vec<(u32, u32, TextRange)>, Vec<TextRange>) {
    struct Open {
        kind: ActionKind,
        block: u32,
        branch: u32,
        branch_start: usize,
        start: usize,
        branches: Vec<(u32, u32, TextRange)>,
    }
    let mut stack: Vec<Open> = Vec::new();
    let mut branches = Vec::new();
    let mut hidden = Vec::new();
    let mut next_block = 0;
    for action in found {
        match action.kind {
            ActionKind::If
            | ActionKind::Range
            | ActionKind::With
            | ActionKind::Define
            | ActionKind::Block => {
                next_block += 1;
                stack.push(Open {
                    kind: action.kind,
                    block: next_block,
                    branch: 0,
                    branch_start: action.range.end,
                    start: action.range.start,
                    branches: Vec::new(),
                });
            }
            ActionKind::Else => {
                if let Some(open) = stack.last_mut() {
                    let text = TextRange::new(open.branch_start, action.range.start);
                    open.branches.push((open.block, open.branch, text));
                    open.branch += 1;
                    open.branch_start = action.range.end;
                }
            }
            ActionKind::End => {
                let Some(mut open) = stack.pop() else {
                    continue;
                };
                if open.kind == ActionKind::Define {
                    // A `define` inside another (Go rejects it; a half-typed one is read so) is hidden
                    // with the outer one: hidden pieces must not overlap.
                    if !stack.iter().any(|o| o.kind == ActionKind::Define) {
                        hidden.push(TextRange::new(open.start, action.range.end));
                    }
                } else if open.branch > 0 {
                    let text = TextRange::new(open.branch_start, action.range.start);
                    open.branches.push((open.block, open.branch, text));
                    branches.append(&mut open.branches);
                }
            }
            ActionKind::Output | ActionKind::Silent => {}
        }
    }
    (branches, hidden)
}

/// What the lines around a printing action show it prints into.
#[derive(Debug, PartialEq, Eq)]
enum Shape {
    /// Keys of the mapping its neighbours at its column belong to.
    Entries,
    /// Items of the list its neighbours at its column belong to.
    Items,
    /// The whole value of the key above it.
    Value,
}

/// Writes a placeholder for the output of `action`, alone on line `n`, at the column its text will start at.
fn place_output(masked: &mut [u8], lines: &[TextRange], n: usize, action: TextRange, text: &str) {
    let line = lines[n];
    let action_column = action.start - line.start;
    let column = match (argument(text, "nindent"), argument(text, "indent")) {
        (Some(columns), _) => columns,
        (None, Some(columns)) => action_column + columns,
        (None, None) => action_column,
    };
    let fits =
        |column: usize| line.len().saturating_sub(column) >= 3 && line.start + column < action.end;
    let column = if fits(column) { column } else { action_column };
    let text_of = |masked: &[u8], r: TextRange| {
        std::str::from_utf8(&masked[r.as_range()])
            .unwrap_or_default()
            .to_string()
    };
    let before = || lines[..n].iter().rev().map(|&r| text_of(masked, r));
    let after = || lines[n + 1..].iter().map(|&r| text_of(masked, r));
    // Right under `key:`, the output is the key's value, unless what follows at its column shows it is
    // the first of several entries or items; at the key's own column it can only be a list's items
    // (`tolerations:` then `- key: a`, as `toYaml . | indent 2` prints it).
    let parent = before()
        .map(|text| {
            let line = lines::read(&text);
            (line.trivia, line.opens_block(), line.key_column)
        })
        .find(|(trivia, ..)| !trivia)
        .filter(|&(_, opens_block, key_column)| opens_block && key_column <= column);
    let shape = match parent {
        Some((_, _, key_column)) if key_column == column => Shape::Items,
        Some(_) => neighbour_shape(after(), column).unwrap_or(Shape::Value),
        // Neither under a `key:` nor beside entries or items: nothing it could print would fit (the line
        // above lacks its colon, say); left blank, the literal mistake is the one reported.
        None => {
            match neighbour_shape(before(), column).or_else(|| neighbour_shape(after(), column)) {
                Some(shape) => shape,
                None => return,
            }
        }
    };
    let placeholder = &mut masked[line.start + column..line.end];
    placeholder.fill(b'x');
    match shape {
        Shape::Entries => {
            if let Some(last) = placeholder.last_mut() {
                *last = b':';
            }
        }
        Shape::Items if placeholder.len() >= 3 => placeholder[..2].copy_from_slice(b"- "),
        _ => {}
    }
}

/// The number after `name` in an action (`nindent 12`), when `name` is a whole word there.
fn argument(text: &str, name: &str) -> Option<usize> {
    let (at, _) = text
        .match_indices(name)
        .find(|&(i, _)| !text[..i].ends_with(|c: char| c.is_alphanumeric() || c == '_'))?;
    let rest = text[at + name.len()..].trim_start();
    let digits = rest
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(rest.len());
    rest[..digits].parse().ok()
}

/// The shape of the first line among `lines` at `column`, before one less indented (their parent).
fn neighbour_shape(lines: impl Iterator<Item = String>, column: usize) -> Option<Shape> {
    for text in lines {
        let line = lines::read(&text);
        if line.trivia {
            continue;
        }
        if line.dashes.contains(&column) {
            return Some(Shape::Items);
        }
        if line.key.is_some() && line.key_column == column {
            return Some(Shape::Entries);
        }
        if line.indent() < column {
            return None;
        }
    }
    None
}

/// Turns what the placeholders yield into `Unknown`: every scalar that overlaps an action, and the empty
/// value of a key that is unknown.
pub(super) fn mark_unknown(source: &str, tree: &mut Tree, template: &mut Template) {
    for node in tree.nodes.iter_mut() {
        if let NodeKind::Scalar { null: false, .. } = node.kind {
            if template.overlaps_action(node.range) {
                node.kind = NodeKind::Unknown;
            }
        }
    }
    for i in 0..tree.nodes.len() {
        let NodeKind::Mapping { entries, .. } = tree.nodes[i].kind else {
            continue;
        };
        for &(key, value) in tree.entries_of(entries).to_vec().iter() {
            let key_unknown = matches!(tree.nodes[key.0 as usize].kind, NodeKind::Unknown);
            let value = &mut tree.nodes[value.0 as usize];
            if key_unknown && matches!(value.kind, NodeKind::Scalar { null: true, .. }) {
                value.kind = NodeKind::Unknown;
            }
        }
    }
    for &at in &template.below {
        let line_start = lines::line_start(source, at);
        let Some(printed_into) = value_on_line(tree, line_start, at) else {
            continue;
        };
        let node = &mut tree.nodes[printed_into.0 as usize];
        match node.kind {
            NodeKind::Scalar { null: true, .. } => node.kind = NodeKind::Unknown,
            NodeKind::Mapping { .. } | NodeKind::Sequence { .. } => {
                template.open.push(printed_into)
            }
            _ => {}
        }
    }
}

/// The value of the `key:` written on the line from `line_start` up to `at`, or the item of the `- ` there.
fn value_on_line(tree: &Tree, line_start: usize, at: usize) -> Option<NodeId> {
    let nodes = &tree.nodes;
    let on_line = |r: TextRange| line_start <= r.start && r.end <= at;
    let entry_value = nodes.iter().find_map(|node| match &node.kind {
        NodeKind::Mapping { entries, .. } => tree
            .entries_of(*entries)
            .iter()
            .find(|(k, _)| on_line(nodes[k.0 as usize].range))
            .map(|&(_, v)| v),
        _ => None,
    });
    entry_value.or_else(|| {
        let ids = (0..nodes.len() as u32).map(NodeId);
        ids.filter(|id| {
            let node = &nodes[id.0 as usize];
            node.range.start >= line_start
                && node
                    .parent
                    .is_some_and(|p| matches!(nodes[p.0 as usize].kind, NodeKind::Sequence { .. }))
        })
        .min_by_key(|id| nodes[id.0 as usize].range.start)
    })
}

#[cfg(test)]
mod tests;
