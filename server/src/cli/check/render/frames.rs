//! `--format text`, the default: each finding as rustc and ruff show one — `severity[code]: message`, the
//! `--> file:line:col`, the source lines with the range underlined (related places labelled beside it), and
//! the quick fixes as `help:` with the change they make — drawn by annotate-snippets, coloured on request.

use std::io::{self, Write};
use std::ops::Range;

use annotate_snippets::{AnnotationKind, Group, Level, Origin, Patch, Renderer, Snippet};

use super::super::findings::{FileReport, Finding, FixHint};
use crate::analysis::Severity;
use crate::messages::{Locale, cli as msg};
use crate::syntax::lines;

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
    // Most files have nothing to report: their lines are not looked for.
    for report in reports.iter().filter(|report| !report.findings.is_empty()) {
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
            Patch::new(
                excerpt.map(range),
                new_text.replace("\r\n", "\n").replace('\r', "\n"),
            )
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

/// The whole lines of `text` that hold some spans, every line break written as LF (a `\r` is no column),
/// and where each byte of `text` lands in them.
struct Excerpt {
    source: String,
    /// The 1-based number of the first line.
    first_line: usize,
    line_count: usize,
    /// Per line: its start in `text`, its start in `source`, its length without the line break.
    lines: Vec<(usize, usize, usize)>,
}

/// A file's text and where its lines start, found once: an excerpt's lines and line number are looked up,
/// not searched for from the finding (a file with a finding every few bytes on one 3 MiB line, or on each of
/// thousands of lines, took minutes). Lines break where YAML breaks them (`\n`, `\r\n`, a lone `\r`), so
/// the line numbers are those of every other format.
struct Breaks<'t> {
    text: &'t str,
    /// The start of each line after the first.
    starts: Vec<usize>,
}

impl<'t> Breaks<'t> {
    fn new(text: &'t str) -> Breaks<'t> {
        Breaks {
            text,
            starts: lines::ranges(text).skip(1).map(|line| line.start).collect(),
        }
    }

    /// The 0-based line holding `offset`.
    fn line_of(&self, offset: usize) -> usize {
        self.starts.partition_point(|&start| start <= offset)
    }

    fn start_of(&self, line: usize) -> usize {
        line.checked_sub(1).map_or(0, |i| self.starts[i])
    }

    /// The end of a line, before its line break (found from the next line's start, not searched for).
    fn end_of(&self, line: usize) -> usize {
        match self.starts.get(line) {
            Some(&next) if self.text[..next].ends_with("\r\n") => next - 2,
            Some(&next) => next - 1,
            None => self.text.len(),
        }
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
                if end > start && lines::starts_line(text, end) {
                    end - 1
                } else {
                    end
                }
            })
            .max()
            .unwrap_or(0)
            .max(first);
        let (first_line, last_line) = (breaks.line_of(first), breaks.line_of(last));
        let (begin, finish) = (breaks.start_of(first_line), breaks.end_of(last_line));
        // Too much to quote before it is copied (a CRLF file's source is at least half its bytes).
        if finish - begin > 2 * MAX_EXCERPT_BYTES {
            return None;
        }
        let mut source = String::new();
        let mut lines = Vec::new();
        for line in first_line..=last_line {
            let (start, end) = (breaks.start_of(line), breaks.end_of(line));
            if !lines.is_empty() {
                source.push('\n');
            }
            lines.push((start, source.len(), end - start));
            source.push_str(&text[start..end]);
        }
        let fits = source.len() <= MAX_EXCERPT_BYTES
            && lines.iter().all(|(_, _, len)| *len <= MAX_LINE_BYTES);
        fits.then_some(Excerpt {
            source,
            first_line: first_line + 1,
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
