//! Locating the cursor by the lines' indentation, as a person reads them, where the document does not
//! parse around it (mid-typing): the keys above, the item markers, and the `- ` item right above a cursor at
//! its dash's column.

use super::super::lines::{Line, code, key_colon, owns_block, read as read_line};
use super::super::{Document, LineIndex, PathSegment, TextRange};
use super::{CursorContext, CursorLine, CursorSlot, ItemAbove};

/// Indentation reading for block style, used while the document does not parse around the cursor.
pub(super) fn locate_by_indentation(
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
