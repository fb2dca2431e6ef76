//! Keys and their colons: `initialDelaySeconds:5` (no space after the colon) and `labels` above its
//! children (no colon at all).

use super::Site;
use crate::messages::{Arg, syntax as msg};
use crate::syntax::tree::{SyntaxError, TextRange};

impl Site<'_> {
    /// `initialDelaySeconds:5`: YAML reads one word, and the next line's key then breaks the mapping.
    pub(super) fn glued_colon(&self) -> Option<SyntaxError> {
        if !self.says(&[
            "expect ':'",
            "expected ':'",
            "mapping values are not allowed",
            "did not find expected key",
            "did not find expected '-'",
            "illegal placement of ':'",
        ]) {
            return None;
        }
        let error_line = self.error_line();
        let mut glued = Vec::new();
        for line in (error_line.saturating_sub(20)..=error_line).rev() {
            if self.content(line).is_none() {
                continue;
            }
            match self.glued(line) {
                Some(found) => glued.push(found),
                None if line < error_line => break,
                None => {}
            }
        }
        let &(_, word) = glued.last()?;
        let edits = glued
            .iter()
            .map(|&(colon, _)| (TextRange::empty(colon + 1), " ".into()));
        let repair = self.repair(msg::insert_space_after_colon(), edits.collect())?;
        let more = match glued.len() {
            1 => Arg::from(""),
            2 => msg::and_the_line_below().into(),
            n => msg::and_lines_below(n - 1).into(),
        };
        self.error(
            word,
            msg::glued_colon(&self.source[word.as_range()], more),
            [Some(repair)],
        )
    }

    /// A key without its colon, noticed on the next line: `labels` above a more-indented `app: y`.
    pub(super) fn missing_colon(&self) -> Option<SyntaxError> {
        let bare = |range: TextRange| {
            let code = &self.source[range.as_range()];
            !code.contains(':') && !code.starts_with(['-', '{', '[', '"', '\'', '#'])
        };
        let range = if self.says(&["expect ':'", "expected ':'"]) {
            (0..=self.error_line())
                .rev()
                .find_map(|line| self.content(line).filter(|&r| bare(r)))?
        } else if self.says(&[
            "did not find expected key",
            "mapping values are not allowed",
        ]) {
            let line = self.error_line();
            let above = self.previous_content(line)?;
            (self.indent(above) < self.indent(line))
                .then(|| self.content(above))
                .flatten()
                .filter(|&r| bare(r))?
        } else {
            return None;
        };
        let key = &self.source[range.as_range()];
        let repair = self.repair(
            msg::write_key(key),
            vec![(TextRange::empty(range.end), ":".into())],
        );
        if repair.is_none() && !self.says(&["expect ':'", "expected ':'"]) {
            return None;
        }
        self.error(range, msg::missing_colon(key), [repair])
    }
}
