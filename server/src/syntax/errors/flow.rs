//! Flow collections (`{ }`, `[ ]`): a bracket never closed or closing the wrong one, a missing or doubled
//! comma.

use super::Site;
use crate::messages::syntax as msg;
use crate::syntax::lines;
use crate::syntax::tree::{SyntaxError, TextRange};

impl Site<'_> {
    /// Brackets and commas of `{ }` and `[ ]`.
    pub(super) fn flow(&self) -> Option<SyntaxError> {
        let here = self.source[self.at..].chars().next();
        let closer = |open: usize| {
            if self.source[open..].starts_with('{') {
                '}'
            } else {
                ']'
            }
        };
        let innermost = self.open_flows.last().copied();
        let one = |c: char| TextRange::new(self.at, self.at + c.len_utf8());
        // The error's line is outside the flow when it is back at (or left of) the indentation of the line
        // that opened it, or empty (the end of the file).
        let outside = innermost.is_some_and(|open| {
            let open_line = self.lines.line_of(open);
            self.content(self.line).is_none()
                || (self.line > open_line && self.indent(self.line) <= self.indent(open_line))
        });
        match (here, innermost) {
            (Some(c @ ('}' | ']')), None) => self.error(
                one(c),
                msg::closes_nothing(c),
                [self.repair(msg::remove_char(c), vec![(one(c), String::new())])],
            ),
            (Some(c @ ('}' | ']')), Some(open)) if closer(open) != c => {
                let expected = closer(open);
                let outer_matches = self
                    .open_flows
                    .iter()
                    .rev()
                    .skip(1)
                    .any(|&o| closer(o) == c);
                let (message, title, edit) = if outer_matches {
                    (
                        msg::missing_closer_before(expected, c, opener(expected)),
                        msg::insert(expected),
                        (TextRange::empty(self.at), expected.to_string()),
                    )
                } else {
                    (
                        msg::wrong_closer(c, opener(expected), expected),
                        msg::change_char(c, expected),
                        (one(c), expected.to_string()),
                    )
                };
                self.error(one(c), message, [self.repair(title, vec![edit])])
            }
            (Some(':'), Some(_)) if !outside && self.missing_comma().is_some() => {
                self.missing_comma()
            }
            (Some(','), Some(_))
                if self.source[..self.at].trim_end().ends_with([',', '[', '{']) =>
            {
                self.error(
                    one(','),
                    msg::empty_entry(),
                    [self.repair(msg::remove_extra_comma(), vec![(one(','), String::new())])],
                )
            }
            (_, Some(open)) => {
                // Go YAML reads a closed flow's lines at any indentation (a lenient warning); one that is
                // never closed is what to fix, whatever the line after it says.
                if self.says(&["invalid indentation"]) && self.closed_later() {
                    let key = self
                        .key(self.lines.line_of(open))
                        .map(|k| k.name.to_string());
                    return self.error(
                        self.content(self.line).unwrap_or(one(here.unwrap_or(' '))),
                        msg::flow_continuation(
                            opener(closer(open)),
                            key.map_or(msg::its_key(), msg::the_char),
                        ),
                        [],
                    );
                }
                let closers: String = self.open_flows.iter().rev().map(|&o| closer(o)).collect();
                let open_line = self.lines.line_of(open);
                let range = TextRange::new(open, self.code_end(open_line).max(open + 1));
                // Close at the end of the flow's last line: just before the error when its line continues the
                // flow, else (or if that does not parse) at the end of the line before.
                let before_error = self.source[..self.at].trim_end().len();
                let line_before = self.previous_content(self.line).map(|l| self.code_end(l));
                let places = [(!outside).then_some(before_error), line_before];
                let repair = places
                    .into_iter()
                    .flatten()
                    .filter(|&at| at > open)
                    .find_map(|at| {
                        self.repair(
                            msg::insert(&closers),
                            vec![(TextRange::empty(at), closers.clone())],
                        )
                    });
                self.error(
                    range,
                    msg::never_closed(opener(closer(open)), &closers),
                    [repair],
                )
            }
            _ => None,
        }
    }

    /// Whether the innermost open `{`/`[` is closed somewhere after the error.
    fn closed_later(&self) -> bool {
        let mut depth = 0usize;
        for (_, bracket) in lines::flow_brackets(&self.source[self.at..]) {
            match bracket {
                b'{' | b'[' => depth += 1,
                _ if depth == 0 => return true,
                _ => depth -= 1,
            }
        }
        false
    }

    /// `{a: 1 b: 2}`: the scalar before the colon is `1 b`; the comma belongs before `b`. Only when adding
    /// it parses (else the colon has another cause).
    fn missing_comma(&self) -> Option<SyntaxError> {
        let before = &self.source[..self.at];
        let blank = before.trim_end().rfind(char::is_whitespace)?;
        let key_start = blank + before[blank..].chars().next()?.len_utf8();
        let value_end = before[..key_start].trim_end().len();
        let key = before[key_start..].trim_end();
        if key.is_empty() || before[..value_end].ends_with([',', '{', '[', ':']) {
            return None;
        }
        let repair = self.repair(
            msg::insert(','),
            vec![(TextRange::empty(value_end), ",".into())],
        )?;
        self.error(
            TextRange::new(key_start, key_start + key.len()),
            msg::missing_comma(key),
            [Some(repair)],
        )
    }
}

fn opener(closer: char) -> char {
    if closer == '}' { '{' } else { '[' }
}
