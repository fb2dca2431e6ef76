//! What is under the cursor: the field path from the document root, and whether the cursor is on a key, on a
//! value, or where nothing belongs. A parsed tree answers when the cursor is on one of its nodes; otherwise
//! (the user is mid-typing and the document does not parse) the lines' indentation decides, as a person
//! reads it.

mod by_indentation;
mod tree;

use super::lines::{comment_start, read as read_line};
use super::{Document, FieldPath, LineIndex, TextRange};
use by_indentation::locate_by_indentation;
use tree::locate_in_tree;

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
    // Only the text before the cursor can open a comment around it.
    let before = line_text.get(..column).unwrap_or(line_text);
    if comment_start(before).is_some() {
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
