//! Indentation: tabs where YAML needs spaces, lines at a column no mapping above uses, a key indented under
//! a key that already has its value, and the text of `|` and `>` blocks.

use super::Site;
use crate::messages::{Arg, one_of_messages, syntax as msg};
use crate::syntax::tree::{SyntaxError, TextRange};

impl Site<'_> {
    /// Tabs where YAML needs spaces: as indentation, or after a `:` or `-`.
    pub(super) fn tab(&self) -> Option<SyntaxError> {
        if !self.says(&["tab", "must be followed by a valid YAML whitespace"]) {
            return None;
        }
        let last = (self.line + 2).min(self.lines.line_count().saturating_sub(1));
        for line in self.line..=last {
            let start = self.lines.line_start(line);
            let text = self.text(line);
            let leading = text.len() - text.trim_start_matches([' ', '\t']).len();
            if text[..leading].contains('\t') && leading < text.len() {
                return self.error(
                    TextRange::new(start, start + leading),
                    msg::tab_indents(),
                    [],
                );
            }
        }
        let line_start = self.lines.line_start(self.line);
        let end = self.lines.line_end(self.source, self.line);
        let tab = self.source[line_start..end].find('\t')? + line_start;
        let run = tab + self.source[tab..end].len()
            - self.source[tab..end].trim_start_matches('\t').len();
        let after = self.source[..tab].trim_end_matches(' ');
        let what = match after.chars().last() {
            Some(c @ (':' | '-')) => msg::after_char(c).into(),
            _ => Arg::from(""),
        };
        let range = TextRange::new(tab, run);
        self.error(
            range,
            msg::tab_where_space(what),
            [self.repair(msg::replace_tab(), vec![(range, " ".into())])],
        )
    }

    /// The text of a `|` or `>` block ends at the first line not indented more than its key.
    pub(super) fn block_scalar_indentation(&self) -> Option<SyntaxError> {
        if !self.says(&["expect ':'", "did not find expected key"]) {
            return None;
        }
        let line = self.error_line();
        let indent = self.indent(line);
        let mut text_indent = None;
        let header = (0..line).rev().find(|&l| {
            let inside = self.content(l).is_none() || self.indent(l) > indent;
            if inside && self.content(l).is_some() {
                text_indent = Some(self.indent(l));
            }
            !inside
        })?;
        let code = &self.source[self.lines.line_start(header)..self.code_end(header)];
        let indicator =
            code.trim_end_matches(['-', '+', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
        let mark = indicator
            .chars()
            .last()
            .filter(|c| matches!(c, '|' | '>'))?;
        if !indicator[..indicator.len() - 1].ends_with([' ', ':', '-']) {
            return None;
        }
        let owner = self
            .key(header)
            .map_or_else(msg::the_item, |k| msg::the_char(k.name));
        let range = self.content(line)?;
        match text_indent {
            Some(text) => self.error(
                range,
                msg::block_text_less_indented(mark, owner, text),
                [self.repair(
                    msg::indent_by(text),
                    vec![(
                        TextRange::new(self.lines.line_start(line), range.start),
                        " ".repeat(text),
                    )],
                )],
            ),
            None => self.error(range, msg::block_text_under_key(mark, owner), []),
        }
    }

    /// A line indented to a column that no mapping or list above uses, or more than a key that already has
    /// its value.
    pub(super) fn indentation(&self) -> Option<SyntaxError> {
        let line = self.error_line();
        let range = self.content(line)?;
        let indent = self.indent(line);
        let previous = self.previous_content(line);
        if self.says(&["mapping values are not allowed"]) {
            // `name: a` then a more-indented `labels: x`: YAML reads `a labels` as one value.
            let key = self
                .key(line)
                .filter(|k| k.colon == self.at && k.start == range.start)?;
            let above = self.key(previous?)?;
            let column = above.start - self.lines.line_start(previous?);
            let value = &self.source[above.value.as_range()];
            if column >= indent || value.is_empty() || value.starts_with(['|', '>', '{', '[']) {
                return None;
            }
            return self.error(
                range,
                msg::more_indented_than_above(key.name, above.name),
                [self.repair(
                    msg::indent_like(key.name, above.name),
                    self.reindent(line, column as isize - indent as isize),
                )],
            );
        }
        if !self.says(&[
            "did not find expected key",
            "did not find expected '-'",
            "invalid indentation",
        ]) {
            return None;
        }
        if self.source[range.as_range()].starts_with("- ") && self.says(&["expected key"]) {
            return self.error(range, msg::list_item_in_mapping(), []);
        }
        // The columns where this line could belong: the keys of the lines above that are less indented than
        // everything after them (the mappings this line is inside), and the key just above.
        let mut levels: Vec<(usize, &str)> = Vec::new();
        let mut min = usize::MAX;
        for l in (0..line).rev() {
            if self.content(l).is_none() {
                continue;
            }
            let own = self.indent(l);
            let nearest = Some(l) == previous;
            let key = (own < min || nearest).then(|| self.key(l)).flatten();
            if let Some(key) = key {
                let column = key.start - self.lines.line_start(l);
                if !levels.iter().any(|&(c, _)| c == column) {
                    levels.push((column, key.name));
                }
            }
            min = min.min(own);
            if min == 0 || levels.len() >= 4 {
                break;
            }
        }
        if levels.is_empty() || levels.iter().any(|&(c, _)| c == indent) {
            return None;
        }
        let name = self
            .key(line)
            .map_or_else(msg::this_line, |k| msg::the_char(k.name));
        let spaces = |n: usize| {
            if n == 1 {
                msg::spaces_one(n)
            } else {
                msg::spaces_many(n)
            }
        };
        let listed = one_of_messages(levels.iter().map(|&(c, k)| msg::level(c, k)));
        let deeper = levels
            .iter()
            .filter(|&&(c, _)| c > indent)
            .min_by_key(|&&(c, _)| c);
        let shallower = levels
            .iter()
            .filter(|&&(c, _)| c < indent)
            .max_by_key(|&&(c, _)| c);
        let repairs: Vec<_> = [deeper, shallower]
            .into_iter()
            .flatten()
            .map(|&(column, key)| {
                self.repair(
                    msg::indent_name_like(name.clone(), key, spaces(column)),
                    self.reindent(line, column as isize - indent as isize),
                )
            })
            .collect();
        self.error(
            range,
            msg::misaligned(name, spaces(indent), listed),
            repairs,
        )
    }
}
