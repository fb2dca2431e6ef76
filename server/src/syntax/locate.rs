//! What is under the cursor: the field path from the document root, and whether the cursor is on a key, on a
//! value, or where nothing belongs. A parsed tree answers when the cursor is on one of its nodes; otherwise
//! (the user is mid-typing and the document does not parse) the lines' indentation decides, as a person
//! reads it.

use super::lines::{Line, code, comment_start, key_colon, owns_block, read as read_line};
use super::{Document, FieldPath, LineIndex, NodeId, NodeKind, PathSegment, TextRange};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CursorSlot {
    /// On a key, written or being typed; the path ends with that key (possibly empty or partial).
    Key,
    /// On the value of the field the path names (a mapping key, or a sequence item's index).
    Value,
    /// In a comment, inside a block scalar, or deeper than anything that could hold it.
    Nothing,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CursorContext {
    pub path: FieldPath,
    pub slot: CursorSlot,
    /// The text under the cursor that a completion replaces (an empty range at the cursor when none).
    pub range: TextRange,
    /// The keys already present in the mapping holding the cursor's key (for `Key`).
    pub siblings: Vec<String>,
    /// Whether the cursor is inside a flow collection (`{ }` / `[ ]`).
    pub flow: bool,
    /// The value is a plain word alone on a line below its key (`resources:` then `  req`): YAML reads it
    /// as the key's value, while a person is typing the first key of the block.
    pub value_below_key: bool,
    /// What the line shows around `range`.
    pub line: CursorLine,
    /// The `- ` item ending right above a new key typed at that item's dash column.
    pub item_above: Option<ItemAbove>,
}

/// The `- ` item right above a cursor at its dash's column: where editors put the cursor after Enter at the
/// end of `- containerPort: 80`. The key typed there may continue that item rather than start a new one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ItemAbove {
    /// The key owning the item's list when that key sits at the cursor's column (kubectl style: `ports:`
    /// with its `- ` items at the same column); none when the list is the cursor's own parent.
    pub list_key: Option<String>,
    /// The item's position in its list.
    pub index: usize,
    /// The column of the item's keys.
    pub key_column: usize,
    /// The keys the item already has.
    pub keys: Vec<String>,
}

/// What the cursor's line shows around the text a completion replaces, so that features never re-read
/// the raw lines.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CursorLine {
    /// The spaces at the start of the line: what VS Code and Neovim add to every further line they insert.
    pub indentation: usize,
    /// The column (bytes from the line start) where the replaced range starts.
    pub column: usize,
    /// What stands on the line before the replaced range.
    pub before: Before,
    /// The replaced key already has its `:` after it (renaming `image` in `image: nginx`).
    pub colon_follows: bool,
    /// The key of the nearest line above with content, when that line is a bare `key:` at `column` (kubectl
    /// style: `containers:` with its `- ` items at the same column).
    pub open_key_above: Option<String>,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Before {
    /// Only blanks.
    #[default]
    Blanks,
    /// Item markers, the last one followed by a blank (`- `).
    Dash,
    /// Item markers, the last one right before the range (`-`).
    BareDash,
    /// A `:` right before the range (`key:` with no blank yet).
    Colon,
    /// Anything else (`key: `, a flow collection).
    Other,
}

impl CursorContext {
    fn nothing(offset: usize) -> Self {
        CursorContext {
            path: FieldPath::new(),
            slot: CursorSlot::Nothing,
            range: TextRange::empty(offset),
            siblings: Vec::new(),
            flow: false,
            value_below_key: false,
            line: CursorLine::default(),
            item_above: None,
        }
    }

    /// The written text under the cursor (a key, a partial key or a value).
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        &text[self.range.as_range()]
    }
}

/// The cursor context at byte `offset` of `text`, inside `doc` (the document whose span holds it).
pub fn locate(text: &str, doc: &Document, offset: usize) -> CursorContext {
    let offset = offset.min(text.len());
    let lines = LineIndex::for_span(text, doc.range);
    let line = lines.line_of(offset);
    let line_start = lines.line_start(line);
    let line_text = &text[line_start..lines.line_end(text, line)];
    let column = offset - line_start;
    if comment_start(line_text).is_some_and(|comment| comment < column) {
        return CursorContext::nothing(offset);
    }
    let mut context = locate_in_tree(text, doc, offset)
        .unwrap_or_else(|| locate_by_indentation(text, doc, &lines, offset));
    context.line = cursor_line(text, doc, &lines, context.range);
    context
}

fn cursor_line(text: &str, doc: &Document, lines: &LineIndex, range: TextRange) -> CursorLine {
    let line = lines.line_of(range.start);
    let line_start = lines.line_start(line);
    let line_end = lines.line_end(text, line);
    let before = &text[line_start..range.start];
    // A range may start past the line's content (between the `\r` and `\n` of a CRLF): nothing is after it.
    let after = &text[range.end.clamp(range.start.min(line_end), line_end)..line_end];
    let column = range.start - line_start;
    let rest = after.trim_start_matches([' ', '\t']);
    let first_line = lines.line_of(doc.range.start);
    let open_key_above = (first_line..line)
        .rev()
        .map(|l| read_line(&text[lines.line_start(l)..lines.line_end(text, l)]))
        .find(|above| !above.trivia)
        .filter(|above| above.dashes.is_empty() && above.key_column == column)
        .filter(|above| above.value.is_empty())
        .and_then(|above| above.key)
        .filter(|key| !key.contains([' ', ':', '-']))
        .map(str::to_string);
    CursorLine {
        indentation: super::lines::indentation(before),
        column,
        before: before_kind(before),
        colon_follows: rest == ":" || rest.starts_with(": ") || rest.starts_with(":\t"),
        open_key_above,
    }
}

fn before_kind(before: &str) -> Before {
    let content = before.trim_start();
    if content.is_empty() {
        Before::Blanks
    } else if content.split_whitespace().all(|word| word == "-") {
        if content.ends_with('-') {
            Before::BareDash
        } else {
            Before::Dash
        }
    } else if content.ends_with(':') {
        Before::Colon
    } else {
        Before::Other
    }
}

fn locate_in_tree(text: &str, doc: &Document, offset: usize) -> Option<CursorContext> {
    doc.root?;
    // The innermost scalar under the cursor (its end included, so a cursor right after a word is on it).
    let scalar = doc
        .node_ids()
        .filter(|&id| {
            let node = doc.node(id);
            matches!(node.kind, NodeKind::Scalar { .. } | NodeKind::Alias { .. })
                && node.range.touches(offset)
                && !(node.range.is_empty() && doc.is_null(id) && node.range.start != offset)
        })
        .min_by_key(|&id| doc.node(id).range.len())
        .filter(|&id| !swallowed_by_error(text, doc, id));
    if let Some(id) = scalar {
        if is_block_scalar(doc, id) && doc.node(id).range.start != offset {
            let header_end = text[doc.node(id).range.start..]
                .find('\n')
                .map_or(text.len(), |i| i + doc.node(id).range.start);
            if offset > header_end {
                return Some(CursorContext::nothing(offset));
            }
        }
        let (path, slot) = path_of(doc, id);
        let siblings = match slot {
            CursorSlot::Key => doc
                .node(id)
                .parent
                .map(|p| keys_of(doc, p, Some(id)))
                .unwrap_or_default(),
            _ => Vec::new(),
        };
        let flow = in_flow(doc, id);
        let value_below_key = slot == CursorSlot::Value && alone_below_its_key(text, doc, id);
        return Some(CursorContext {
            path,
            slot,
            range: doc.node(id).range,
            siblings,
            flow,
            value_below_key,
            line: CursorLine::default(),
            item_above: None,
        });
    }
    // Between the entries of a flow mapping: a new key of that mapping.
    let flow_mapping = doc
        .node_ids()
        .filter(|&id| {
            let node = doc.node(id);
            matches!(node.kind, NodeKind::Mapping { flow: true, .. })
                && node.range.start < offset
                && offset < node.range.end
        })
        .min_by_key(|&id| doc.node(id).range.len())?;
    let (mut path, _) = path_of(doc, flow_mapping);
    let entry_start = text[..offset].rfind(['{', ',']).map_or(0, |i| i + 1);
    let entry = &text[entry_start..offset];
    if let Some(colon) = key_colon(entry.trim_start()) {
        // `{ key: $0 }`: the value of that key, not a new key.
        let key_start = entry_start + entry.len() - entry.trim_start().len();
        let key = text[key_start..key_start + colon].trim_end();
        let after_colon = &text[key_start + colon + 1..offset];
        let value_start = offset - after_colon.trim_start().len();
        path.push(PathSegment::Key(key.to_string()));
        return Some(CursorContext {
            path,
            slot: CursorSlot::Value,
            range: TextRange::new(value_start, offset),
            siblings: Vec::new(),
            flow: true,
            value_below_key: false,
            line: CursorLine::default(),
            item_above: None,
        });
    }
    let word_start = text[..offset]
        .rfind(|c: char| c.is_whitespace() || "{,".contains(c))
        .map_or(0, |i| i + 1);
    path.push(PathSegment::Key(text[word_start..offset].to_string()));
    Some(CursorContext {
        path,
        slot: CursorSlot::Key,
        range: TextRange::new(word_start, offset),
        siblings: keys_of(doc, flow_mapping, None),
        flow: true,
        value_below_key: false,
        line: CursorLine::default(),
        item_above: None,
    })
}

/// A plain scalar that runs over several lines into the document's first error: the parser folded a key
/// still being typed (`  restart` with no colon yet) into the value above it. The lines' indentation reads
/// it as a person does.
fn swallowed_by_error(text: &str, doc: &Document, id: NodeId) -> bool {
    let node = doc.node(id);
    let plain = matches!(
        node.kind,
        NodeKind::Scalar {
            style: super::ScalarStyle::Plain,
            ..
        }
    );
    plain
        && !doc.errors.is_empty()
        && node.range.end >= doc.parsed_until
        && text[node.range.as_range()].contains('\n')
}

/// A one-word plain scalar that is a mapping value, starts a line of its own below its key, and has nothing
/// after it on that line.
fn alone_below_its_key(text: &str, doc: &Document, id: NodeId) -> bool {
    let node = doc.node(id);
    let plain_word = matches!(
        node.kind,
        NodeKind::Scalar {
            style: super::ScalarStyle::Plain,
            ..
        }
    ) && !node.range.is_empty()
        && !text[node.range.as_range()].contains(char::is_whitespace);
    let Some(NodeKind::Mapping { entries, .. }) = node.parent.map(|p| doc.node(p).kind) else {
        return false;
    };
    let Some(&(key, _)) = entries.iter().find(|(_, value)| *value == id) else {
        return false;
    };
    let between = &text[doc.node(key).range.end.min(node.range.start)..node.range.start];
    let line_before = &between[between.rfind('\n').map_or(between.len(), |i| i + 1)..];
    let line_after = text[node.range.end..]
        .split(['\n', '\r'])
        .next()
        .unwrap_or("");
    plain_word
        && between.contains('\n')
        && line_before.trim().is_empty()
        && code(line_after).is_empty()
}

fn is_block_scalar(doc: &Document, id: NodeId) -> bool {
    matches!(
        doc.node(id).kind,
        NodeKind::Scalar {
            style: super::ScalarStyle::Literal | super::ScalarStyle::Folded,
            ..
        }
    )
}

fn in_flow(doc: &Document, id: NodeId) -> bool {
    let mut current = doc.node(id).parent;
    while let Some(parent) = current {
        if matches!(
            doc.node(parent).kind,
            NodeKind::Mapping { flow: true, .. } | NodeKind::Sequence { flow: true, .. }
        ) {
            return true;
        }
        current = doc.node(parent).parent;
    }
    false
}

fn keys_of(doc: &Document, mapping: NodeId, except: Option<NodeId>) -> Vec<String> {
    doc.entries(mapping)
        .iter()
        .filter(|(k, _)| Some(*k) != except)
        .filter_map(|(k, _)| doc.scalar(*k).map(str::to_string))
        .collect()
}

/// The path from the root to a node, and whether the node is a key or a value.
pub(crate) fn path_of(doc: &Document, id: NodeId) -> (FieldPath, CursorSlot) {
    let mut path = Vec::new();
    let mut slot = CursorSlot::Value;
    let mut child = id;
    let mut first = true;
    while let Some(parent) = doc.node(child).parent {
        match &doc.node(parent).kind {
            NodeKind::Mapping { entries, .. } => {
                if let Some((key, _)) = entries.iter().find(|(_, v)| *v == child) {
                    path.push(PathSegment::Key(
                        doc.scalar(*key).unwrap_or_default().to_string(),
                    ));
                } else if let Some((key, _)) = entries.iter().find(|(k, _)| *k == child) {
                    path.push(PathSegment::Key(
                        doc.scalar(*key).unwrap_or_default().to_string(),
                    ));
                    if first {
                        slot = CursorSlot::Key;
                    }
                }
            }
            NodeKind::Sequence { items, .. } => {
                if let Some(index) = items.iter().position(|item| *item == child) {
                    path.push(PathSegment::Index(index));
                }
            }
            _ => {}
        }
        first = false;
        child = parent;
    }
    path.reverse();
    (path.into(), slot)
}

/// Indentation reading for block style, used while the document does not parse around the cursor.
fn locate_by_indentation(
    text: &str,
    doc: &Document,
    lines: &LineIndex,
    offset: usize,
) -> CursorContext {
    let line = lines.line_of(offset);
    let line_start = lines.line_start(line);
    let line_text = &text[line_start..lines.line_end(text, line)];
    let column = offset - line_start;
    let cursor = read_line(line_text);
    let line_text_of = |l: usize| &text[lines.line_start(l)..lines.line_end(text, l)];
    let first_line = lines.line_of(doc.range.start);

    // Inside a block scalar: a line above, less indented, ended with `|` or `>`.
    let cursor_indent = if cursor.trivia {
        column
    } else {
        cursor.indent()
    };
    for l in (first_line..line).rev() {
        let above = read_line(line_text_of(l));
        if above.trivia {
            continue;
        }
        let above_indent = above.indent();
        if above_indent < cursor_indent && above.key.is_some() {
            if above.value.starts_with('|') || above.value.starts_with('>') {
                return CursorContext::nothing(offset);
            }
            break;
        }
        if above_indent < cursor_indent {
            break;
        }
    }

    let (slot, key_column, range, own) = if cursor.trivia || column <= cursor.key_column {
        // An empty line (or the cursor before the text): a new key at the cursor's column.
        let key_column = if cursor.trivia {
            column
        } else {
            cursor.key_column
        };
        let end = if cursor.trivia {
            offset
        } else {
            line_start + cursor.key_column + word_len(&line_text[cursor.key_column..])
        };
        let range = if cursor.trivia {
            TextRange::empty(offset)
        } else {
            TextRange::new(line_start + cursor.key_column, end)
        };
        (
            CursorSlot::Key,
            key_column,
            range,
            cursor.key.map(str::to_string),
        )
    } else if let Some(key) = cursor.key {
        let colon = line_start
            + cursor.key_column
            + key_colon(code(&line_text[cursor.key_column..])).unwrap_or(0);
        if offset <= colon {
            let range = TextRange::new(
                line_start + cursor.key_column,
                line_start + cursor.key_column + key.len(),
            );
            (
                CursorSlot::Key,
                cursor.key_column,
                range,
                Some(key.to_string()),
            )
        } else {
            let written_start = colon
                + 1
                + (text[colon + 1..].len()
                    - text[colon + 1..].trim_start_matches([' ', '\t']).len());
            // A cursor between the colon and the value widens the range to the left; the value still ends
            // where it is written (measured from the cursor instead, it could end inside a character).
            let value_start = written_start.min(offset.max(colon + 1));
            let value_end = (written_start + cursor.value.len()).max(offset);
            (
                CursorSlot::Value,
                cursor.key_column,
                TextRange::new(value_start.min(value_end), value_end),
                Some(key.to_string()),
            )
        }
    } else {
        // A key being typed without its colon yet (`    imag`), or a scalar item (`- sle`).
        let start = line_start + cursor.key_column;
        let end = (start + word_len(&line_text[cursor.key_column..])).max(offset);
        (
            CursorSlot::Key,
            cursor.key_column,
            TextRange::new(start, end),
            None,
        )
    };

    let Some((mut path, siblings, item_above)) =
        ancestors(text, lines, first_line, line, key_column, &cursor)
    else {
        return CursorContext::nothing(offset);
    };
    let typed = &text[range.as_range()];
    match slot {
        CursorSlot::Value => path.push(PathSegment::Key(own.clone().unwrap_or_default())),
        _ => path.push(PathSegment::Key(typed.trim_end_matches(':').to_string())),
    }
    let siblings = siblings
        .into_iter()
        .filter(|key| Some(key.as_str()) != own.as_deref())
        .collect();
    CursorContext {
        path: path.into(),
        slot,
        range,
        siblings,
        flow: false,
        value_below_key: false,
        line: CursorLine::default(),
        item_above,
    }
}

fn word_len(text: &str) -> usize {
    text.find(|c: char| c.is_whitespace() || c == ':')
        .unwrap_or(text.len())
}

/// The path of the mapping whose keys sit at `key_column` on `line` (the cursor line), read upwards by
/// indentation, the keys that mapping already has (above and below the cursor), and the item above the
/// cursor when it sits at that item's dash column.
fn ancestors(
    text: &str,
    lines: &LineIndex,
    first_line: usize,
    line: usize,
    key_column: usize,
    cursor: &Line<'_>,
) -> Option<(Vec<PathSegment>, Vec<String>, Option<ItemAbove>)> {
    let line_text_of = |l: usize| &text[lines.line_start(l)..lines.line_end(text, l)];
    let mut reversed = Vec::new();
    let mut siblings = Vec::new();
    let mut column = key_column;
    // Once the current mapping is known to be a sequence item: the column of its `- `, and how many items
    // of that sequence came before it.
    let mut item_dash = if cursor.trivia {
        None
    } else {
        cursor.dashes.last().copied()
    };
    let mut index = 0;
    let mut sibling_level = true;
    let mut item_above = ItemAboveReader::new(cursor.trivia || cursor.dashes.is_empty());

    for below in line + 1..lines.line_count() {
        let shape = read_line(line_text_of(below));
        if shape.trivia {
            continue;
        }
        if shape.indent() < column || !shape.dashes.is_empty() && shape.key_column <= column {
            break;
        }
        if shape.key_column == column {
            siblings.extend(shape.key.map(str::to_string));
        }
    }

    for l in (first_line..line).rev() {
        let above = read_line(line_text_of(l));
        if above.trivia || line_text_of(l).starts_with("---") {
            continue;
        }
        if sibling_level && item_dash.is_none() {
            item_above.read(&above, key_column);
        }
        if let Some(dash) = item_dash {
            // Looking for the key that owns the sequence whose items start at `dash`.
            if above.dashes.contains(&dash) {
                index += 1;
                continue;
            }
            if above.indent() > dash {
                continue;
            }
            let key = above.key.filter(|_| owns_block(above.value))?;
            reversed.push(PathSegment::Index(index));
            reversed.push(PathSegment::Key(key.to_string()));
            column = above.key_column;
            item_dash = above.dashes.last().copied();
            index = 0;
            sibling_level = false;
            continue;
        }
        if above.key_column == column {
            if sibling_level {
                siblings.extend(above.key.map(str::to_string));
            }
            if let Some(&dash) = above.dashes.last() {
                // The first key of the sequence item holding the cursor's mapping.
                item_dash = Some(dash);
                index = 0;
                sibling_level = false;
            }
            continue;
        }
        if above.key_column > column && above.indent() >= column {
            continue;
        }
        if above.key.is_none() && above.value.is_empty() {
            if let Some(&dash) = above.dashes.last() {
                // A bare `-` line: the cursor's mapping is that item.
                item_dash = Some(dash);
                index = 0;
                sibling_level = false;
                continue;
            }
        }
        let key = above.key.filter(|_| owns_block(above.value))?;
        reversed.push(PathSegment::Key(key.to_string()));
        column = above.key_column;
        item_dash = above.dashes.last().copied();
        index = 0;
        sibling_level = false;
    }
    if item_dash.is_some() {
        reversed.push(PathSegment::Index(index));
    }
    reversed.reverse();
    Some((reversed, siblings, item_above.found))
}

/// Finds the item above the cursor, reading the lines upwards from it.
struct ItemAboveReader<'a> {
    /// Still looking for the item's `- ` line.
    looking: bool,
    /// Found it; still counting the items before it and looking for a kubectl-style owner.
    counting: bool,
    /// Keys of the deeper lines between the cursor and the item's `- ` line, with their columns.
    deeper: Vec<(usize, &'a str)>,
    found: Option<ItemAbove>,
}

impl<'a> ItemAboveReader<'a> {
    fn new(applies: bool) -> Self {
        ItemAboveReader {
            looking: applies,
            counting: false,
            deeper: Vec::new(),
            found: None,
        }
    }

    fn read(&mut self, above: &Line<'a>, column: usize) {
        if self.looking {
            if above.dashes.last() == Some(&column) {
                let keys = self
                    .deeper
                    .iter()
                    .filter(|(key_column, _)| *key_column == above.key_column)
                    .map(|(_, key)| *key)
                    .chain(above.key)
                    .map(str::to_string)
                    .collect();
                self.found = Some(ItemAbove {
                    list_key: None,
                    index: 0,
                    key_column: above.key_column,
                    keys,
                });
                self.looking = false;
                self.counting = true;
            } else if above.indent() > column {
                self.deeper
                    .extend(above.key.map(|key| (above.key_column, key)));
            } else {
                self.looking = false;
            }
        } else if let (true, Some(found)) = (self.counting, self.found.as_mut()) {
            if above.dashes.last() == Some(&column) {
                found.index += 1;
            } else if above.indent() > column {
                // Inside an earlier item.
            } else {
                if above.dashes.is_empty() && above.key_column == column && above.opens_block() {
                    found.list_key = above.key.map(str::to_string);
                }
                self.counting = false;
            }
        }
    }
}
