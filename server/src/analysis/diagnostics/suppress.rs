//! Suppression comments, the same in the editor and `podls check`: `# podls-ignore: code[, code]` (or
//! `# podls-ignore` for every code) at the end of the offending line or alone on the line above it, and
//! `# podls-ignore-file: code` among the comments at the top of a `---` document for all of it. A
//! suppression that suppresses nothing is itself reported (`unused-suppression`, as ruff's unused-noqa) with
//! a fix that removes it; `yaml-syntax` cannot be suppressed. Reads the document's own text only.

use super::code::Code;
use super::diagnostic::{Diagnostic, Fix, touching};
use crate::analysis::fixes::Proposal;
use crate::messages::{Locale, suppressions as msg};
use crate::syntax::lines::{self, after_bom, comment_start};
use crate::syntax::{Document, LineIndex, NodeKind, TextRange, YamlFile};

const LINE: &str = "podls-ignore";
const FILE: &str = "podls-ignore-file";

/// One suppression comment.
struct Suppression {
    /// From `#` to the end of the comment.
    comment: TextRange,
    /// What removing the comment deletes: its whole line when it stands alone, else the blanks before it
    /// too.
    removal: TextRange,
    /// The line it applies to (an index into the document's lines), or `None` for the whole document.
    target: Option<usize>,
    /// The codes it names (with where each is written), or `None` for every code.
    codes: Option<Vec<(String, TextRange)>>,
    /// A `podls-ignore-file` below the document's first key: it applies nowhere.
    misplaced: bool,
}

/// The start of each line of the document, to find a diagnostic's line.
struct Lines {
    starts: Vec<usize>,
}

impl Lines {
    fn of(offset: usize, starts: &[usize]) -> usize {
        starts.partition_point(|&s| s <= offset).saturating_sub(1)
    }

    fn line(&self, offset: usize) -> usize {
        Lines::of(offset, &self.starts)
    }
}

/// Drops the diagnostics the document's suppression comments silence and reports the suppressions that
/// silence nothing. `out` holds the document's diagnostics after the project's levels.
pub(super) fn apply(locale: Locale, text: &str, doc: &Document, out: &mut Vec<Diagnostic>) {
    let body = &text[doc.range.as_range()];
    // Most documents have none: one scan for the marker and nothing else.
    if memchr::memmem::find(body.as_bytes(), LINE.as_bytes()).is_none() {
        return;
    }
    let (lines, suppressions) = find(text, doc);
    if suppressions.is_empty() {
        return;
    }
    let mut used: Vec<Vec<bool>> = suppressions
        .iter()
        .map(|s| vec![false; s.codes.as_ref().map_or(1, Vec::len)])
        .collect();
    out.retain(|d| {
        if d.code == Code::YamlSyntax {
            return true;
        }
        let line = lines.line(d.range.start);
        let mut silenced = false;
        for (s, used) in suppressions.iter().zip(&mut used) {
            if s.misplaced || s.target.is_some_and(|t| t != line) {
                continue;
            }
            match &s.codes {
                None => (silenced, used[0]) = (true, true),
                Some(codes) => {
                    for (i, (name, _)) in codes.iter().enumerate() {
                        if name == d.code.as_str() {
                            (silenced, used[i]) = (true, true);
                        }
                    }
                }
            }
        }
        !silenced
    });
    // Unused suppressions are reported unless the document's top says not to.
    let quiet = suppressions.iter().any(|s| {
        !s.misplaced
            && s.target.is_none()
            && s.codes.as_ref().is_none_or(|codes| {
                codes
                    .iter()
                    .any(|(name, _)| name == Code::UnusedSuppression.as_str())
            })
    });
    if quiet {
        return;
    }
    for (s, used) in suppressions.iter().zip(&used) {
        report_unused(locale, s, used, out);
    }
}

fn report_unused(locale: Locale, s: &Suppression, used: &[bool], out: &mut Vec<Diagnostic>) {
    let warn = |range, message: crate::messages::Message, fix: Proposal| {
        Diagnostic::warning(Code::UnusedSuppression, range, message.render(locale)).fix_with(fix)
    };
    let remove = || Proposal {
        title: msg::remove_comment().render(locale),
        edits: vec![(s.removal, String::new())],
        preferred: true,
    };
    if s.misplaced {
        out.push(warn(s.comment, msg::misplaced_file(), remove()));
        return;
    }
    let Some(codes) = &s.codes else {
        if !used[0] {
            let message = match s.target {
                Some(_) => msg::unused_line(),
                None => msg::unused_file(),
            };
            out.push(warn(s.comment, message, remove()));
        }
        return;
    };
    // Each code that silences nothing, with why; a fix writes the list without it.
    let keep = |dropped: usize| -> Vec<&str> {
        codes
            .iter()
            .enumerate()
            .filter(|(i, _)| *i != dropped)
            .map(|(_, (name, _))| name.as_str())
            .collect()
    };
    let list = TextRange::new(codes[0].1.start, codes[codes.len() - 1].1.end);
    let only_unused = used.iter().all(|u| !u);
    for (i, (name, range)) in codes.iter().enumerate() {
        if used[i] {
            continue;
        }
        let message = match Code::from_name(name) {
            None => msg::unknown_code(name, Code::hint_for(name)),
            Some(Code::YamlSyntax) => msg::syntax_not_suppressible(name),
            Some(_) if s.target.is_some() => msg::unused_line_code(name),
            Some(_) => msg::unused_file_code(name),
        };
        // A comment left with no code at all goes; else only this code does.
        let fix = if only_unused && codes.len() == 1 {
            remove()
        } else {
            Proposal {
                title: msg::remove_code(name).render(locale),
                edits: vec![(list, keep(i).join(", "))],
                preferred: true,
            }
        };
        out.push(warn(*range, message, fix));
    }
}

/// The document's lines and its suppression comments.
fn find(text: &str, doc: &Document) -> (Lines, Vec<Suppression>) {
    let starts = LineIndex::for_span(text, doc.range).starts().to_vec();
    let lines = Lines { starts };
    let line_text = |i: usize| -> (usize, &str) {
        let start = after_bom(text, lines.starts[i]);
        let end = lines.starts.get(i + 1).map_or(doc.range.end, |&next| next);
        let line = &text[start..end.max(start)];
        (start, line.trim_end_matches(['\n', '\r']))
    };
    let scalars = multi_line_scalars(text, doc);
    let inside_scalar = |offset: usize| scalars.iter().any(|r| r.start < offset && offset < r.end);
    // Lines that hold YAML (not blank, not only a comment, not a `---` or directive).
    let has_content = |line: &str| {
        let trimmed = line.trim_start();
        !(trimmed.is_empty()
            || trimmed.starts_with('#')
            || trimmed.starts_with("---")
            || trimmed.starts_with('%'))
    };
    let first_content = (0..lines.starts.len())
        .find(|&i| has_content(line_text(i).1))
        .unwrap_or(usize::MAX);
    let mut found = Vec::new();
    for i in 0..lines.starts.len() {
        let (start, line) = line_text(i);
        let Some(hash) = comment_start(line) else {
            continue;
        };
        if inside_scalar(start + hash) {
            continue;
        }
        let Some((file, codes)) = parse_comment(&line[hash + 1..], start + hash + 1) else {
            continue;
        };
        let comment = TextRange::new(start + hash, start + line.trim_end().len());
        let standalone = line[..hash].trim().is_empty();
        let removal = if standalone {
            let end = lines.starts.get(i + 1).copied().unwrap_or(doc.range.end);
            TextRange::new(start, end)
        } else {
            TextRange::new(start + line[..hash].trim_end().len(), comment.end)
        };
        let target = if file {
            None
        } else if standalone {
            // The next line with YAML on it (a stack of comments above one line all apply to it).
            (i + 1..lines.starts.len())
                .find(|&j| has_content(line_text(j).1))
                .or(Some(usize::MAX))
        } else {
            Some(i)
        };
        found.push(Suppression {
            comment,
            removal,
            target,
            codes,
            misplaced: file && i > first_content,
        });
    }
    (lines, found)
}

/// Reads a comment's text after `#`: whether it is `podls-ignore-file`, and its codes (`None`: every
/// code); `None` when it is not a suppression. Codes are separated by commas or blanks and end at the
/// first word that is not one (`# podls-ignore: image-latest  pinned by digest`).
#[allow(clippy::type_complexity)]
fn parse_comment(after_hash: &str, at: usize) -> Option<(bool, Option<Vec<(String, TextRange)>>)> {
    let lead = after_hash.len() - after_hash.trim_start().len();
    let rest = &after_hash[lead..];
    let (file, marker) = if rest.starts_with(FILE) {
        (true, FILE)
    } else if rest.starts_with(LINE) {
        (false, LINE)
    } else {
        return None;
    };
    let after = &rest[marker.len()..];
    let Some(list) = after.strip_prefix(':') else {
        // `# podls-ignore` alone or followed by a reason; `# podls-ignored` is not one.
        return (after.is_empty() || after.starts_with(char::is_whitespace))
            .then_some((file, None));
    };
    let mut offset = at + lead + marker.len() + 1;
    let mut codes = Vec::new();
    for word in list.split_inclusive([',', ' ', '\t']) {
        let name = word.trim_end_matches([',', ' ', '\t']);
        let looks_like_code = name.starts_with(|c: char| c.is_ascii_lowercase())
            && name
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
        if !name.is_empty() && !looks_like_code {
            break;
        }
        if !name.is_empty() {
            codes.push((name.to_owned(), TextRange::new(offset, offset + name.len())));
        }
        offset += word.len();
    }
    // `# podls-ignore:` with nothing after the colon silences everything, as the bare form does.
    Some((file, (!codes.is_empty()).then_some(codes)))
}

/// The ranges of scalars that span lines (block scalars, multi-line quoted strings): a `#` inside one is
/// text, not a comment.
fn multi_line_scalars(text: &str, doc: &Document) -> Vec<TextRange> {
    doc.node_ids()
        .map(|id| doc.node(id))
        .filter(|node| matches!(node.kind, NodeKind::Scalar { .. }))
        .map(|node| node.range)
        .filter(|range| text[range.as_range()].contains('\n'))
        .collect()
}

/// The "ignore on this line" action of each diagnostic that touches `range` (one per code and line).
pub fn ignore_fixes(
    locale: Locale,
    text: &str,
    file: &YamlFile,
    diagnostics: &[Diagnostic],
    range: TextRange,
) -> Vec<Fix> {
    let mut out: Vec<Fix> = Vec::new();
    for d in touching(diagnostics, range) {
        let Some(doc) = file.document_at(d.range.start) else {
            continue;
        };
        if let Some(fix) = ignore_on_line(locale, text, doc, d)
            && !out.iter().any(|f| f.edits == fix.edits)
        {
            out.push(fix);
        }
    }
    out
}

/// "Ignore `code` on this line": a `# podls-ignore: code` at the end of the diagnostic's line, or the code
/// added to the suppression already there. `None` for what cannot be suppressed.
pub(crate) fn ignore_on_line(
    locale: Locale,
    text: &str,
    doc: &Document,
    diagnostic: &Diagnostic,
) -> Option<Fix> {
    if matches!(diagnostic.code, Code::YamlSyntax | Code::UnusedSuppression) {
        return None;
    }
    let start = diagnostic.range.start.min(text.len());
    let line_start = after_bom(text, lines::line_start(text, start));
    // A line of a block scalar is text: a comment written there would become part of the value.
    if multi_line_scalars(text, doc)
        .iter()
        .any(|r| r.start < line_start && line_start < r.end)
    {
        return None;
    }
    let line_end = lines::line_end(text, start);
    let line = &text[line_start..line_end];
    let code = diagnostic.code.as_str();
    let edit = match comment_start(line) {
        None => {
            let end = line_start + line.trim_end().len();
            (TextRange::empty(end), format!("  # {LINE}: {code}"))
        }
        Some(hash) => match parse_comment(&line[hash + 1..], line_start + hash + 1) {
            Some((false, Some(codes))) => {
                let last = codes[codes.len() - 1].1.end;
                (TextRange::empty(last), format!(", {code}"))
            }
            // Already silences every code, or is a file-level one: nothing to add on this line.
            Some(_) => return None,
            // Another comment ends the line: the suppression goes alone on the line above.
            None => {
                let indent = &line[..line.len() - line.trim_start().len()];
                let crlf = text[line_end..].starts_with("\r\n");
                let newline = if crlf { "\r\n" } else { "\n" };
                (
                    TextRange::empty(line_start),
                    format!("{indent}# {LINE}: {code}{newline}"),
                )
            }
        },
    };
    Some(Fix {
        title: msg::ignore_on_line(code).render(locale),
        edits: vec![edit],
        preferred: false,
        code: diagnostic.code,
        diagnostic: diagnostic.range,
        message: diagnostic.message.clone(),
    })
}

#[cfg(test)]
mod tests;
