//! What Go YAML (kubectl's reader, through sigs.k8s.io/yaml) accepts and yaml-rust2 rejects, read as Go
//! does with positions kept: the text is patched byte for byte (same length) before parsing again, and a
//! warning says that other YAML tools may refuse the file.
//!
//! Go YAML's scanner (`yaml_parser_scan_flow_scalar`, `yaml_parser_unroll_indent` in go-yaml v2
//! `scannerc.go`) checks no indentation inside a flow collection nor on a quoted string's continuation
//! lines; yaml-rust2 requires both to be indented past the enclosing block.

use super::lines;
use super::tree::{SyntaxError, TextRange};
use crate::messages::syntax as msg;

/// A patched source, the warning for what was patched, and the value a quoted string spanning the patch
/// has as Go reads it (its offset and value), which the patched text no longer gives.
pub(super) struct Patch {
    pub fixed: String,
    pub warning: SyntaxError,
    pub quoted: Option<(usize, String)>,
}

/// A line inside a flow collection (`[ ]`, `{ }`) indented at or left of the block it is in, which Go YAML
/// accepts: the line break before it is read as a space (and a comment ending the line above as blanks), so
/// the line joins the one above. `at` is where yaml-rust2 stopped; `None` when that is not the first thing
/// on its line inside an open flow collection.
pub(super) fn flow_line(source: &str, at: usize, in_flow: bool) -> Option<Patch> {
    let line_start = lines::line_start(source, at.min(source.len()));
    // yaml-rust2 may stop before it opened the collection (it scans ahead for a key): count brackets too;
    // and a collection never closed (half typed) is an error for Go too, better told as one.
    let in_flow =
        (in_flow || open_brackets(&source[..line_start]) > 0) && open_brackets(source) == 0;
    let rest = &source[line_start..];
    let content = line_start + (rest.len() - rest.trim_start_matches([' ', '\t']).len());
    let bracket = matches!(source.as_bytes().get(content), Some(b']' | b'}'));
    // A closing bracket may stop yaml-rust2 just after it; anything else stops it at its first character.
    if !(in_flow || bracket) || at < content || at > content + usize::from(bracket) {
        return None;
    }
    let mut fixed = source.to_string();
    join_line_above(&mut fixed, line_start)?;
    let (range, message) = if bracket {
        (
            TextRange::new(content, content + 1),
            msg::bracket_at_key_column(),
        )
    } else {
        let line = &source[content..lines::line_end(source, content)];
        let end = content + lines::code(line).len().max(1);
        (TextRange::new(content, end), msg::flow_line_at_key_column())
    };
    Some(Patch {
        fixed,
        warning: SyntaxError {
            range,
            repairs: Vec::new(),
            message,
        },
        quoted: None,
    })
}

/// A quoted string whose continuation lines are indented at or left of the block it is in (or by tabs),
/// which Go YAML accepts: its line breaks are patched to blanks so yaml-rust2 reads one line, and its value
/// is read on its own (where no indentation applies), folded as Go folds it. `at` is where yaml-rust2
/// stopped: the opening quote, or a tab on a continuation line.
pub(super) fn quoted_lines(source: &str, at: usize) -> Option<Patch> {
    let (open, close) = enclosing_quoted(source, at)?;
    let text = &source[open..=close];
    if !text.contains(lines::BREAKS) {
        return None;
    }
    // A multi-line key is refused by Go YAML too (a simple key is one line).
    let after = source[close + 1..].trim_start_matches([' ', '\t']);
    if after.starts_with(':') {
        return None;
    }
    let value = standalone_value(text)?;
    let mut fixed = source.to_string();
    // Same length: each line break (and a tab in a continuation line's indentation) becomes a space.
    let mut start_of_line = false;
    let patched: String = text
        .chars()
        .map(|c| match c {
            '\n' | '\r' => {
                start_of_line = true;
                ' '
            }
            '\t' if start_of_line => ' ',
            ' ' => ' ',
            c => {
                start_of_line = false;
                c
            }
        })
        .collect();
    fixed.replace_range(open..=close, &patched);
    let next_line = lines::next_line_start(source, open);
    let rest = &source[next_line..];
    let content = next_line + (rest.len() - rest.trim_start_matches([' ', '\t']).len());
    Some(Patch {
        fixed,
        warning: SyntaxError {
            range: TextRange::new(open, content.min(close + 1)),
            repairs: Vec::new(),
            message: msg::quoted_lines_at_key_column(),
        },
        quoted: Some((open, value)),
    })
}

/// How many `[` and `{` are open at the end of `text`.
fn open_brackets(text: &str) -> usize {
    lines::flow_brackets(text).fold(0usize, |depth, (_, bracket)| match bracket {
        b'[' | b'{' => depth + 1,
        _ => depth.saturating_sub(1),
    })
}

/// Replaces the line break before `line_start` by blanks, and the comment that ends the line above (which
/// would otherwise swallow the joined line) too.
fn join_line_above(fixed: &mut String, line_start: usize) -> Option<()> {
    if line_start == 0 {
        return None;
    }
    let break_start = if fixed[..line_start].ends_with("\r\n") {
        line_start - 2
    } else {
        line_start - 1
    };
    let above_start = lines::line_start(fixed, break_start);
    let above = &fixed[above_start..break_start];
    let comment = lines::comment_start(above).map_or(break_start, |c| above_start + c);
    let blanks = " ".repeat(line_start - comment);
    fixed.replace_range(comment..line_start, &blanks);
    Some(())
}

/// The quoted string (its opening and closing quote) that contains `at`, searched back from `at` over a
/// bounded stretch of lines: the opening quote must stand where a value starts.
fn enclosing_quoted(source: &str, at: usize) -> Option<(usize, usize)> {
    const LOOK_BACK: usize = 64 * 1024;
    let floor = at.saturating_sub(LOOK_BACK);
    let bytes = source.as_bytes();
    let mut i = at.min(bytes.len().saturating_sub(1)) + 1;
    while i > floor {
        i -= 1;
        let quote = bytes[i];
        if quote != b'"' && quote != b'\'' {
            continue;
        }
        let before = if i == 0 { b' ' } else { bytes[i - 1] };
        if !b" \t\r\n:[{,-".contains(&before) {
            continue;
        }
        if let Some(close) = closing_quote(bytes, i) {
            if close >= at {
                return Some((i, close));
            }
        }
    }
    None
}

/// The closing quote of the string opened at `open` (Go YAML's rules: `''` in single quotes and `\` escapes
/// in double quotes do not close it).
fn closing_quote(bytes: &[u8], open: usize) -> Option<usize> {
    let quote = bytes[open];
    let mut i = open + 1;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' if quote == b'"' => i += 2,
            b'\'' if quote == b'\'' && bytes.get(i + 1) == Some(&b'\'') => i += 2,
            b if b == quote => return Some(i),
            _ => i += 1,
        }
    }
    None
}

/// The value of a quoted string read on its own, with `\'` read as Go reads it (as `\"` here: the caller's
/// `\'` handling puts the `'` back).
fn standalone_value(text: &str) -> Option<String> {
    let mut patched = text.to_string();
    if text.starts_with('"') {
        let bytes = text.as_bytes();
        let mut i = 1;
        while i + 1 < bytes.len() {
            if bytes[i] == b'\\' {
                if bytes[i + 1] == b'\'' {
                    patched.replace_range(i + 1..i + 2, "\"");
                }
                i += 2;
            } else {
                i += 1;
            }
        }
    }
    let docs = yaml_rust2::YamlLoader::load_from_str(&patched).ok()?;
    match docs.into_iter().next()? {
        yaml_rust2::Yaml::String(value) => Some(value),
        _ => None,
    }
}

#[cfg(test)]
mod tests;
