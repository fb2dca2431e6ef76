//! What Go YAML (kubectl's reader, through sigs.k8s.io/yaml) accepts and yaml-rust2 rejects, read as Go
//! does with positions kept: the text is patched byte for byte (same length) before parsing again, and a
//! warning says that other YAML tools may refuse the file.

use super::tree::{SyntaxError, TextRange};
use crate::messages::syntax as msg;

/// A flow collection's closing `]` or `}` on its own line at (or left of) its key's column, which Go YAML
/// accepts: the line break before it is read as a space, so the bracket joins the line above. `at` is where
/// yaml-rust2 stopped; `None` when that is not such a bracket (or the line above ends in a comment).
pub(super) fn closing_bracket_line(source: &str, at: usize) -> Option<(String, SyntaxError)> {
    let line_start = source[..at.min(source.len())].rfind('\n')? + 1;
    let rest = &source[line_start..];
    let indent = rest.len() - rest.trim_start_matches(' ').len();
    let bracket = line_start + indent;
    if !matches!(source.as_bytes().get(bracket), Some(b']' | b'}')) || at > bracket + 1 {
        return None;
    }
    let break_start = if source[..line_start - 1].ends_with('\r') {
        line_start - 2
    } else {
        line_start - 1
    };
    let above_start = source[..break_start].rfind('\n').map_or(0, |i| i + 1);
    let above = &source[above_start..break_start];
    if super::lines::code(above) != above.trim_end() {
        return None;
    }
    let mut fixed = source.to_string();
    fixed.replace_range(
        break_start..line_start,
        &" ".repeat(line_start - break_start),
    );
    let warning = SyntaxError {
        range: TextRange::new(bracket, bracket + 1),
        repairs: Vec::new(),
        message: msg::bracket_at_key_column(),
    };
    Some((fixed, warning))
}
