//! Mistakes inside one value: quoted strings never closed or followed by more text, unknown escapes, a
//! second `: `, a `- ` list on its key's line, reserved characters, aliases without an anchor, glued comments.

use super::Site;
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
                format!("this string has no closing `{q}`: end it with `{q}`"),
                [self.repair(
                    format!("Close the string with `{q}`"),
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
                format!("`{extra}` comes after the closing `{q}` of the value: put it inside the quotes or remove it"),
                [self.repair(
                    format!("Put `{extra}` inside the quotes"),
                    vec![(TextRange::new(closing, closing + 1), String::new()), (TextRange::empty(end), q.to_string())],
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
                format!("`{escape}` is not an escape in a double-quoted string: write `\\{escape}` for a backslash, or use single quotes"),
                [self.repair("Double the backslash".into(), edits.collect())],
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
                format!(
                    "a second `: ` in the value of `{}`: YAML cannot start a mapping inside a value on one line; \
                     put the value in quotes",
                    key.name
                ),
                [plain.then(|| self.repair("Put the value in quotes".into(), vec![(key.value, quoted)])).flatten()],
            );
        }
        if self.says(&["block sequence entries are not allowed"]) {
            let dash = self.at;
            let before = self.source[..dash].trim_end_matches(' ').len();
            let indent = self.indent(line);
            return self.error(
                TextRange::new(dash, self.code_end(line).max(dash + 1)),
                "a `- ` list cannot start on the line of its key: put each `- ` item on its own line below, indented",
                [self.repair(
                    "Move the item to the next line".into(),
                    vec![(TextRange::new(before, dash), format!("\n{}", " ".repeat(indent + 2)))],
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
                format!("`{alias}` names no anchor: define `&{name}` on a value before this alias (in the same document)"),
                [],
            );
        }
        if self.says(&["comments must be separated"]) {
            let hash = self.source[self.at..].find('#').map(|i| self.at + i)?;
            return self.error(
                TextRange::new(hash, hash + 1),
                "a `#` comment needs a space before it",
                [self.repair(
                    "Insert a space before `#`".into(),
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
            "a backtick".to_string()
        } else {
            format!("`{c}`")
        };
        self.error(
            TextRange::new(self.at, end),
            format!(
                "{shown} cannot start a plain value (YAML reserves it): put the value in quotes"
            ),
            [(!value.contains(['"', '\\']))
                .then(|| {
                    self.repair(
                        "Put the value in quotes".into(),
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
