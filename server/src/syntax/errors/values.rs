//! Mistakes inside one value: quoted strings never closed or followed by more text, unknown escapes, a
//! second `: `, a `- ` list on its key's line, reserved characters, aliases without an anchor, glued comments.

use super::Site;
use crate::messages::syntax as msg;
use crate::syntax::tree::{SyntaxError, TextRange};

impl Site<'_> {
    /// Quoted strings: never closed, text after the closing quote, unknown escapes.
    pub(super) fn quoted(&self) -> Option<SyntaxError> {
        let quote = self.source[self.at..]
            .chars()
            .next()
            .filter(|c| matches!(c, '"' | '\''));
        if self.says(&[
            "unexpected end of stream",
            "invalid indentation in quoted",
            "unexpected document indicator",
        ]) && self.says(&["quoted"])
        {
            let q = quote?;
            let line = self.lines.line_of(self.at);
            let end = self.lines.line_start(line) + self.text(line).trim_end().len();
            let range = TextRange::new(self.at, end.max(self.at + 1));
            return self.error(
                range,
                msg::unclosed_string(q),
                [self.repair(
                    msg::close_string(q),
                    vec![(TextRange::empty(end), q.to_string())],
                )],
            );
        }
        if self.says(&["invalid trailing content after"]) {
            let line = self.lines.line_of(self.at);
            let end = self.code_end(line).max(self.at);
            let closing = self.source[..self.at].trim_end().len().checked_sub(1)?;
            let q = self.source[closing..]
                .chars()
                .next()
                .filter(|c| matches!(c, '"' | '\''))?;
            let extra = &self.source[self.at..end];
            return self.error(
                TextRange::new(self.at, end),
                msg::after_closing_quote(extra, q),
                [self.repair(
                    msg::put_inside_quotes(extra),
                    vec![
                        (TextRange::new(closing, closing + 1), String::new()),
                        (TextRange::empty(end), q.to_string()),
                    ],
                )],
            );
        }
        if self.says(&["unknown escape character"]) && quote == Some('"') {
            let bad = bad_escapes(&self.source[self.at..]);
            let &first = bad.first()?;
            let first = self.at + first;
            let escape = &self.source
                [first..first + 1 + self.source[first + 1..].chars().next()?.len_utf8()];
            let edits = bad
                .iter()
                .map(|&b| (TextRange::empty(self.at + b), "\\".to_string()));
            return self.error(
                TextRange::new(first, first + escape.len()),
                msg::bad_escape(escape),
                [self.repair(msg::double_backslash(), edits.collect())],
            );
        }
        None
    }

    /// Mistakes inside a value on one line: a second `: `, a `- ` list on its key's line, a reserved
    /// character at its start, an alias without an anchor, a comment glued to the value.
    pub(super) fn value_mistake(&self) -> Option<SyntaxError> {
        let line = self.lines.line_of(self.at);
        if self.says(&["mapping values are not allowed"]) {
            let key = self.key(line).filter(|k| k.colon < self.at)?;
            let value = &self.source[key.value.as_range()];
            let plain = !value.starts_with(['"', '\'', '{', '[', '&', '*', '!', '|', '>']);
            let quoted = if !value.contains(['"', '\\']) {
                format!("\"{value}\"")
            } else {
                format!("'{}'", value.replace('\'', "''"))
            };
            return self.error(
                self.char_at(self.at),
                msg::second_colon(key.name),
                [plain
                    .then(|| self.repair(msg::quote_value(), vec![(key.value, quoted)]))
                    .flatten()],
            );
        }
        if self.says(&["block sequence entries are not allowed"]) {
            let dash = self.at;
            let before = self.source[..dash].trim_end_matches(' ').len();
            let indent = self.indent(line);
            return self.error(
                TextRange::new(dash, self.code_end(line).max(dash + 1)),
                msg::list_on_key_line(),
                [self.repair(
                    msg::move_item_down(),
                    vec![(
                        TextRange::new(before, dash),
                        format!("\n{}", " ".repeat(indent + 2)),
                    )],
                )],
            );
        }
        if self.says(&["found unknown anchor"]) {
            let end = self.source[self.at..]
                .find(|c: char| c.is_whitespace() || ",[]{}".contains(c))
                .map_or(self.source.len(), |i| self.at + i);
            let alias = &self.source[self.at..end];
            let name = alias.trim_start_matches('*');
            return self.error(
                TextRange::new(self.at, end),
                msg::unknown_anchor(alias, name),
                [],
            );
        }
        if self.says(&["comments must be separated"]) {
            let hash = self.source[self.at..].find('#').map(|i| self.at + i)?;
            return self.error(
                TextRange::new(hash, hash + 1),
                msg::comment_needs_space(),
                [self.repair(
                    msg::insert_space_before_hash(),
                    vec![(TextRange::empty(hash), " ".into())],
                )],
            );
        }
        None
    }

    /// Characters YAML reserves at the start of a plain value: `@`, `` ` ``, `%`.
    pub(super) fn stray_characters(&self) -> Option<SyntaxError> {
        if !self.says(&["unexpected character"]) {
            return None;
        }
        let c = self.source[self.at..].chars().next()?;
        let end = self
            .code_end(self.lines.line_of(self.at))
            .max(self.at + c.len_utf8());
        let value = &self.source[self.at..end];
        let shown = if c == '`' {
            msg::a_backtick()
        } else {
            msg::the_char(c)
        };
        self.error(
            TextRange::new(self.at, end),
            msg::reserved_start(shown),
            [(!value.contains(['"', '\\']))
                .then(|| {
                    self.repair(
                        msg::quote_value(),
                        vec![(TextRange::new(self.at, end), format!("\"{value}\""))],
                    )
                })
                .flatten()],
        )
    }
}

/// Offsets (in the double-quoted string starting at 0) of the backslashes that start no YAML escape.
fn bad_escapes(string: &str) -> Vec<usize> {
    const ESCAPES: &str = "0abt\tnvfre \"/\\N_LPxuU\n\r";
    let mut bad = Vec::new();
    let mut chars = string.char_indices().skip(1);
    while let Some((i, c)) = chars.next() {
        match c {
            '"' => break,
            '\\' => match chars.next() {
                Some((_, e)) if ESCAPES.contains(e) => {}
                Some(_) => bad.push(i),
                None => break,
            },
            _ => {}
        }
    }
    bad
}
