//! yaml-rust2's errors in the user's words, at the place of the mistake. The parser often notices a mistake
//! after it (`initialDelaySeconds:5` is noticed on the next line) and names it in its own terms ("simple key
//! expect ':'"); here the text around the error is read to say what to change and where, and when one edit
//! obviously repairs it — checked by parsing the repaired text again — that edit is offered. Knows nothing
//! about Kubernetes.

use crate::messages::{Arg, Message, syntax as msg};
use yaml_rust2::parser::{Event, Parser};

mod flow;
mod indentation;
mod keys;
mod values;

use super::line_index::LineIndex;
use super::lines;
use super::tree::{Repair, SyntaxError, TextRange};

/// Where and why yaml-rust2 stopped, in one document's text.
pub(super) struct ParseStop<'a> {
    pub source: &'a str,
    pub lines: &'a LineIndex,
    /// Byte offset of the parser's mark.
    pub at: usize,
    /// The parser's message.
    pub info: &'a str,
    /// The flow collections still open at the error, outermost first: the offset of each `{` or `[`.
    pub open_flows: Vec<usize>,
}

/// The error to show for `stop`: a user-worded message on the line to change, with its repairs.
pub(super) fn explain(stop: &ParseStop) -> SyntaxError {
    let site = Site::new(stop);
    site.tab()
        .or_else(|| site.glued_colon())
        .or_else(|| site.block_scalar_indentation())
        .or_else(|| site.missing_colon())
        .or_else(|| site.flow())
        .or_else(|| site.quoted())
        .or_else(|| site.indentation())
        .or_else(|| site.value_mistake())
        .or_else(|| site.stray_characters())
        .unwrap_or_else(|| site.fallback())
}

/// The first NUL character of `source`, which yaml-rust2 takes for the end of the input, so that what follows
/// it would go unread without an error. Go YAML rejects it ("control characters are not allowed",
/// `yaml_parser_update_buffer` in readerc.go). The repair removes every NUL of the document.
pub(super) fn nul_character(source: &str) -> Option<SyntaxError> {
    let at = source.find('\0')?;
    let edits = source
        .match_indices('\0')
        .map(|(i, _)| (TextRange::new(i, i + 1), String::new()))
        .collect();
    Some(SyntaxError {
        range: TextRange::new(at, at + 1),
        message: msg::nul_character(),
        repairs: vec![Repair {
            title: msg::remove_nul_characters(),
            edits,
        }],
    })
}

/// A key at the start of a line (after any `- ` markers): `name: value`, `name:`, `"name": value`.
struct Key<'a> {
    name: &'a str,
    /// Offset of the key's first character.
    start: usize,
    colon: usize,
    /// The value on the key's line (empty when the value is below or missing), comment excluded.
    value: TextRange,
}

struct Site<'a> {
    source: &'a str,
    lines: &'a LineIndex,
    at: usize,
    info: &'a str,
    open_flows: &'a [usize],
    /// The line of the parser's mark.
    line: usize,
}

impl<'a> Site<'a> {
    fn new(stop: &'a ParseStop<'a>) -> Self {
        let at = stop.at.min(stop.source.len());
        Site {
            source: stop.source,
            lines: stop.lines,
            at,
            info: stop.info,
            open_flows: &stop.open_flows,
            line: stop.lines.line_of(at),
        }
    }

    fn says(&self, words: &[&str]) -> bool {
        words.iter().any(|w| self.info.contains(w))
    }

    // --- Reading lines ---

    fn text(&self, line: usize) -> &'a str {
        &self.source[self.lines.line_start(line)..self.lines.line_end(self.source, line)]
    }

    fn indent(&self, line: usize) -> usize {
        lines::indentation(self.text(line))
    }

    /// The end of a line's code: before its comment, trailing blanks trimmed (absolute offset).
    fn code_end(&self, line: usize) -> usize {
        self.lines.line_start(line) + lines::code(self.text(line)).len()
    }

    /// The range of a line's code, from its first non-blank character; none for blank and comment lines.
    fn content(&self, line: usize) -> Option<TextRange> {
        let start = self.lines.line_start(line);
        let text = self.text(line);
        let first = start + (text.len() - text.trim_start().len());
        let end = self.code_end(line);
        (end > first && !self.source[first..].starts_with('#')).then(|| TextRange::new(first, end))
    }

    fn previous_content(&self, line: usize) -> Option<usize> {
        (0..line).rev().find(|&l| self.content(l).is_some())
    }

    /// The line of the mark, or the last line with content before it when the mark is on an empty line
    /// (the end of the file, a blank line): where the document broke off.
    fn error_line(&self) -> usize {
        if self.content(self.line).is_some() {
            self.line
        } else {
            self.previous_content(self.line).unwrap_or(self.line)
        }
    }

    /// The character at `at` (empty at the end of the text).
    fn char_at(&self, at: usize) -> TextRange {
        let len = self.source[at..].chars().next().map_or(0, char::len_utf8);
        TextRange::new(at, at + len)
    }

    /// Where a line's entry starts: after its indentation and any `- ` markers.
    fn entry_start(&self, line: usize) -> usize {
        self.lines.line_start(line) + lines::read(self.text(line)).key_column
    }

    fn key(&self, line: usize) -> Option<Key<'a>> {
        let start = self.entry_start(line);
        let end = self.code_end(line).max(start);
        let code = &self.source[start..end];
        let colon = start + lines::key_colon(code).filter(|&c| c > 0)?;
        let after = &self.source[colon + 1..end];
        let value_start = colon + 1 + (after.len() - after.trim_start().len());
        Some(Key {
            name: self.source[start..colon]
                .trim_end()
                .trim_matches(['"', '\'']),
            start,
            colon,
            value: TextRange::new(value_start, end),
        })
    }

    /// A `key:value` written without the space: the colon and the whole glued word.
    fn glued(&self, line: usize) -> Option<(usize, TextRange)> {
        let start = self.entry_start(line);
        let (colon, end) = glued_key(&self.source[start..self.code_end(line).max(start)])?;
        Some((start + colon, TextRange::new(start, start + end)))
    }

    // --- Repairs, checked ---

    /// The repair, if the parser gets past the error line once it is applied.
    fn repair(&self, title: Message, edits: Vec<(TextRange, String)>) -> Option<Repair> {
        let limit = self.lines.line_end(self.source, self.line);
        let fixed = super::apply_edits(self.source, &edits);
        let shift: isize = (edits.iter())
            .filter(|(range, _)| range.start <= limit)
            .map(|(range, new_text)| new_text.len() as isize - range.len() as isize)
            .sum();
        // Past the error's line, and not merely moved to the end of the file (an unclosed bracket).
        let at_end = self.at >= self.source.trim_end().len();
        let passes = match first_error(&fixed) {
            None => true,
            Some(at) => {
                at as isize > limit as isize + shift && (at_end || at < fixed.trim_end().len())
            }
        };
        passes.then_some(Repair { title, edits })
    }

    /// Moves `line` and the lines below it that are indented as much or more (its siblings written at the
    /// same wrong column, and their children) by `delta` columns.
    fn reindent(&self, line: usize, delta: isize) -> Vec<(TextRange, String)> {
        let indent = self.indent(line);
        let mut edits = Vec::new();
        for l in line..self.lines.line_count() {
            let own = self.indent(l);
            if l > line && self.content(l).is_some() && own < indent {
                break;
            }
            if self.content(l).is_none() || own as isize + delta < 0 {
                continue;
            }
            let start = self.lines.line_start(l);
            let new = " ".repeat((own as isize + delta) as usize);
            edits.push((TextRange::new(start, start + own), new));
        }
        edits
    }

    fn error(
        &self,
        range: TextRange,
        message: Message,
        repairs: impl IntoIterator<Item = Option<Repair>>,
    ) -> Option<SyntaxError> {
        Some(SyntaxError {
            range,
            message,
            repairs: repairs.into_iter().flatten().collect(),
        })
    }

    /// The parser's words, pointed at its token (or at the last line with content, at the end of the file).
    fn fallback(&self) -> SyntaxError {
        let range = if self.at >= self.source.trim_end().len() {
            self.content(self.error_line())
        } else {
            None
        };
        let range = range.unwrap_or_else(|| {
            let end = self.source[self.at..]
                .find(char::is_whitespace)
                .map_or(self.source.len(), |i| self.at + i);
            let one = self.source[self.at..]
                .chars()
                .next()
                .map_or(0, char::len_utf8);
            TextRange::new(self.at, end.max(self.at + one))
        });
        let hint = if self.says(&["flow"]) {
            msg::check_flow_brackets().into()
        } else if self.says(&["did not find expected key"]) {
            msg::check_indentation().into()
        } else {
            Arg::from("")
        };
        SyntaxError {
            range,
            message: msg::parser_error(self.info, hint),
            repairs: Vec::new(),
        }
    }
}

/// `initialDelaySeconds:5` at the start of `code`: a key glued to its value without the space YAML needs
/// after the colon (URLs such as `http://x` and `::1` excluded). The colon's offset and the word's end.
pub fn glued_key(code: &str) -> Option<(usize, usize)> {
    let word = |c: char| c.is_ascii_alphanumeric() || "_.-/".contains(c);
    let name_end = match code.chars().next()? {
        q @ ('"' | '\'') => 1 + code[1..].find(q)? + 1,
        c if c.is_ascii_alphabetic() || c == '_' => code.find(|c| !word(c))?,
        _ => return None,
    };
    let after = code[name_end..].strip_prefix(':')?;
    let next = after.chars().next()?;
    if next.is_whitespace() || ":/".contains(next) {
        return None;
    }
    Some((
        name_end,
        code.find(char::is_whitespace).unwrap_or(code.len()),
    ))
}

/// The offset of the first error the parser finds in `source`, if any.
fn first_error(source: &str) -> Option<usize> {
    let mut parser = Parser::new_from_str(source);
    loop {
        match parser.next_token() {
            Ok((Event::StreamEnd | Event::DocumentEnd, _)) => return None,
            Ok(_) => {}
            Err(error) => {
                let mark = error.marker();
                let lines = LineIndex::new(source);
                return Some(lines.offset(source, mark.line().saturating_sub(1), mark.col()));
            }
        }
    }
}

#[cfg(test)]
mod tests;
