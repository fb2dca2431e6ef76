//! `--format text`, the default: each finding as rustc and ruff show one — `severity[code]: message`, the
//! `--> file:line:col`, the source lines with the range underlined (related places labelled beside it), and
//! the quick fixes as `help:` with the change they make — drawn by annotate-snippets, coloured on request.

use std::io::{self, Write};
use std::ops::Range;

use annotate_snippets::{AnnotationKind, Group, Level, Origin, Patch, Renderer, Snippet};

use super::super::findings::{FileReport, Finding, FixHint};
use crate::analysis::Severity;
use crate::messages::{Locale, cli as msg};

/// Fixes printed as `help:` per finding; the rest are counted (an enum has a fix per allowed value).
const MAX_HELPS: usize = 3;
/// A fix whose edits span more lines than this is named, not drawn (a whole volume added elsewhere).
const MAX_PATCH_LINES: usize = 6;
/// Beyond these sizes a finding is printed with its position but no source lines.
const MAX_EXCERPT_BYTES: usize = 16 * 1024;
const MAX_LINE_BYTES: usize = 1024;

pub fn write(
    out: &mut impl Write,
    reports: &[FileReport],
    color: bool,
    locale: Locale,
) -> io::Result<()> {
    let renderer = if color {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    for report in reports {
        let text = Breaks::new(&report.text);
        for finding in &report.findings {
            let groups = frame(&report.file.0, &text, finding, locale);
            writeln!(out, "{}\n", renderer.render(&groups))?;
        }
    }
    Ok(())
}

fn level(severity: Severity) -> Level<'static> {
    match severity {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
        Severity::Information => Level::INFO,
        Severity::Hint => Level::NOTE,
    }
}

/// The groups annotate-snippets draws for one finding: the finding itself, then one per fix shown.
fn frame<'a>(file: &'a str, text: &Breaks<'a>, f: &'a Finding, locale: Locale) -> Vec<Group<'a>> {
    let own = f.start.byte..f.end.byte;
    let mut spans = vec![own.clone()];
    spans.extend(f.related.iter().map(|(start, end, _)| start.byte..end.byte));
    let title = level(f.severity)
        .primary_title(f.message.as_str())
        .id(f.code);
    let group = match Excerpt::fitting(text, &spans) {
        Some(excerpt) => {
            let mut snippet = Snippet::source(excerpt.source.clone())
                .line_start(excerpt.first_line)
                .path(file)
                .annotation(AnnotationKind::Primary.span(excerpt.map(&own)));
            for (start, end, message) in &f.related {
                snippet = snippet.annotation(
                    AnnotationKind::Context
                        .span(excerpt.map(&(start.byte..end.byte)))
                        .label(message.as_str()),
                );
            }
            title.element(snippet)
        }
        // Lines too long to quote (a minified or generated file): where it is, and the related places.
        None => {
            let mut group = title.element(
                Origin::path(file)
                    .line(f.start.line + 1)
                    .char_column(f.start.chars + 1),
            );
            for (start, _, message) in &f.related {
                group = group.element(Level::NOTE.message(format!(
                    "{message} ({file}:{}:{})",
                    start.line + 1,
                    start.chars + 1
                )));
            }
            group
        }
    };
    let mut groups = vec![group];
    for (i, fix) in f.fixes.iter().take(MAX_HELPS).enumerate() {
        // The first (preferred) fix is drawn; the alternatives are named, which is all one needs to choose.
        groups.push(help(file, text, fix, i == 0));
    }
    if f.fixes.len() > MAX_HELPS {
        let more = msg::more_fix_count(f.fixes.len() - MAX_HELPS).render(locale);
        groups.push(Group::with_title(Level::NOTE.secondary_title(more)));
    }
    groups
}

/// `help: change `labls` to `labels``, with the edited lines drawn when asked and they are few.
fn help<'a>(file: &'a str, text: &Breaks<'a>, fix: &'a FixHint, draw: bool) -> Group<'a> {
    let title = Level::HELP.secondary_title(lowercase_first(&fix.title));
    let spans: Vec<Range<usize>> = fix.edits.iter().map(|(range, _)| range.clone()).collect();
    let excerpt = match Excerpt::fitting(text, &spans) {
        Some(excerpt) if draw && !fix.edits.is_empty() && excerpt.line_count <= MAX_PATCH_LINES => {
            excerpt
        }
        _ => return Group::with_title(title),
    };
    let snippet = Snippet::source(excerpt.source.clone())
        .line_start(excerpt.first_line)
        .path(file)
        .patches(fix.edits.iter().map(|(range, new_text)| {
            Patch::new(excerpt.map(range), new_text.replace("\r\n", "\n"))
        }));
    title.element(snippet)
}

/// rustc writes `help:` lines in lower case; fix titles are written for an editor's menu (`Change to …`).
fn lowercase_first(title: &str) -> String {
    let mut chars = title.chars();
    match chars.next() {
        Some(first) if first.is_ascii_uppercase() => {
            first.to_ascii_lowercase().to_string() + chars.as_str()
        }
        _ => title.to_owned(),
    }
}

/// The whole lines of `text` that hold some spans, with CRLF line breaks read as LF (a `\r` is no column),
/// and where each byte of `text` lands in them.
struct Excerpt {
    source: String,
    /// The 1-based number of the first line.
    first_line: usize,
    line_count: usize,
    /// Per line: its start in `text`, its start in `source`, its length without the line break.
    lines: Vec<(usize, usize, usize)>,
}

/// A file's text and where its `\n`s are, found once: an excerpt's lines and line number are looked up, not
/// searched for from the finding (a file with a finding every few bytes on one 3 MiB line, or on each of
/// thousands of lines, took minutes).
struct Breaks<'t> {
    text: &'t str,
    at: Vec<usize>,
}

impl<'t> Breaks<'t> {
    fn new(text: &'t str) -> Breaks<'t> {
        Breaks {
            text,
            at: memchr::memchr_iter(b'\n', text.as_bytes()).collect(),
        }
    }

    /// The start of the line holding `offset`, and its 1-based number.
    fn line_start(&self, offset: usize) -> (usize, usize) {
        let before = self.at.partition_point(|&b| b < offset);
        let start = before.checked_sub(1).map_or(0, |i| self.at[i] + 1);
        (start, before + 1)
    }

    /// The end of the line holding `offset`, before its `\n`.
    fn line_end(&self, offset: usize) -> usize {
        let at = self.at.partition_point(|&b| b < offset);
        self.at.get(at).copied().unwrap_or(self.text.len())
    }
}

impl Excerpt {
    /// The excerpt of `spans`, or of the first alone when all of them make too much to quote; `None` when
    /// even that is too much (lines of a minified file, a range over thousands of lines): drawing it would
    /// take long and help nobody.
    fn fitting(text: &Breaks, spans: &[Range<usize>]) -> Option<Excerpt> {
        Excerpt::new(text, spans).or_else(|| Excerpt::new(text, spans.get(..1)?))
    }

    /// The excerpt of `spans` if it is small enough to quote.
    fn new(breaks: &Breaks, spans: &[Range<usize>]) -> Option<Excerpt> {
        let text = breaks.text;
        let clamp = |offset: usize| offset.min(text.len());
        let first = spans.iter().map(|s| clamp(s.start)).min().unwrap_or(0);
        // A range that ends at the start of a line (after its line break) ends on the line before.
        let last = spans
            .iter()
            .map(|s| {
                let (start, end) = (clamp(s.start), clamp(s.end));
                if end > start && text[..end].ends_with('\n') {
                    end - 1
                } else {
                    end
                }
            })
            .max()
            .unwrap_or(0)
            .max(first);
        let (begin, first_line) = breaks.line_start(first);
        let finish = breaks.line_end(last);
        // Too much to quote before it is copied (a CRLF file's source is at least half its bytes).
        if finish - begin > 2 * MAX_EXCERPT_BYTES {
            return None;
        }
        let mut source = String::new();
        let mut lines = Vec::new();
        let mut at = begin;
        for line in text[begin..finish].split('\n') {
            let content = line.strip_suffix('\r').unwrap_or(line);
            if !lines.is_empty() {
                source.push('\n');
            }
            lines.push((at, source.len(), content.len()));
            source.push_str(content);
            at += line.len() + 1;
        }
        let fits = source.len() <= MAX_EXCERPT_BYTES
            && lines.iter().all(|(_, _, len)| *len <= MAX_LINE_BYTES);
        fits.then_some(Excerpt {
            source,
            first_line,
            line_count: lines.len(),
            lines,
        })
    }

    /// A range of `text` as a range of `source` (an offset on a dropped `\r` lands at its line's end).
    fn map(&self, range: &Range<usize>) -> Range<usize> {
        let one = |offset: usize| {
            let line = self
                .lines
                .iter()
                .rev()
                .find(|(start, _, _)| *start <= offset)
                .unwrap_or(&self.lines[0]);
            let (start, in_source, len) = *line;
            in_source + offset.saturating_sub(start).min(len)
        };
        let start = one(range.start);
        start..one(range.end).max(start)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_excerpt_is_whole_lines_without_carriage_returns() {
        let text = "a: 1\r\nbb: 2\r\ncc: 3\r\n";
        let bb = text.find("bb").unwrap();
        let three = text.find('3').unwrap();
        let excerpt =
            Excerpt::new(&Breaks::new(text), std::slice::from_ref(&(bb..three + 1))).unwrap();
        assert_eq!(excerpt.source, "bb: 2\ncc: 3");
        assert_eq!(excerpt.first_line, 2);
        assert_eq!(excerpt.map(&(bb..three + 1)), 0..11);
        // The `\r` of line 2 is no column: an offset on it is the end of the line.
        assert_eq!(excerpt.map(&(bb + 5..bb + 6)), 5..5);
    }

    #[test]
    fn a_range_ending_after_a_line_break_stays_on_its_line() {
        let text = "a: 1\nb: 2\n";
        let excerpt = Excerpt::new(&Breaks::new(text), std::slice::from_ref(&(0..5))).unwrap();
        assert_eq!(excerpt.source, "a: 1");
        assert_eq!(excerpt.line_count, 1);
    }

    #[test]
    fn help_lines_start_in_lower_case() {
        assert_eq!(lowercase_first("Change to `Always`"), "change to `Always`");
        assert_eq!(lowercase_first("改为 `Always`"), "改为 `Always`");
    }
}
