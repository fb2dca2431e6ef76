//! Splits a file into its YAML documents at `---` and `...` lines, before any parsing, so that a syntax error
//! in one document never hides the others. A marker only counts at column 0, which is also where YAML itself
//! ends a block scalar, so this agrees with the parser.

use super::TextRange;

/// The span of each document. A `---` line belongs to the document it opens; comments and blank lines
/// before the first marker belong to the first document.
pub fn document_spans(text: &str) -> Vec<TextRange> {
    region_spans(text, true).0
}

/// The spans of the documents of `text`, a run of whole documents of a file (what an edit re-splits), from
/// the file's start when `at_file_start` (where a byte-order mark may precede the first marker). A region
/// elsewhere may be empty (its documents were deleted): it then holds no document. Also whether the last
/// span is still open at the end of `text` (no `...` closed it): a `---` after it may still close it.
pub(super) fn region_spans(text: &str, at_file_start: bool) -> (Vec<TextRange>, bool) {
    let mut spans = Vec::new();
    let mut start = 0;
    // Whether the current span opened with a `---` line: then the next `---` closes it.
    let mut opened_by_marker = false;
    // Runs on every edit: only lines that start with `-` or `.` can be markers; find them with memchr.
    // Lines break where YAML breaks them: `\n`, `\r\n` and a lone `\r` (the `\n` of a `\r\n` starts none).
    let bytes = text.as_bytes();
    let line_starts = std::iter::once(0).chain(
        memchr::memchr2_iter(b'\n', b'\r', bytes)
            .filter(|&i| !(bytes[i] == b'\r' && bytes.get(i + 1) == Some(&b'\n')))
            .map(|i| i + 1),
    );
    for line_start in line_starts {
        if line_start >= text.len() {
            break;
        }
        // A byte-order mark before the file's first line is not part of it (`\u{feff}---` opens a document).
        let content_start =
            if at_file_start && line_start == 0 && text.starts_with(super::lines::BOM) {
                super::lines::BOM.len_utf8()
            } else {
                line_start
            };
        if matches!(bytes.get(content_start), Some(b'-' | b'.')) {
            let line_end = super::lines::next_line_start(text, line_start);
            let line = &text[content_start..line_end];
            if is_marker(line, "---") {
                if opened_by_marker || !only_trivia(&text[start..line_start]) {
                    spans.push(TextRange::new(start, line_start));
                    start = line_start;
                }
                opened_by_marker = true;
            } else if is_marker(line, "...") {
                spans.push(TextRange::new(start, line_end));
                start = line_end;
                opened_by_marker = false;
            }
        }
    }
    let open = start < text.len();
    if open || (spans.is_empty() && at_file_start) {
        spans.push(TextRange::new(start, text.len()));
    }
    (spans, open)
}

/// Whether a document's text opens with a `---` line (then whatever precedes it ends before it).
pub(super) fn opens_with_marker(text: &str) -> bool {
    let first = &text[..super::lines::next_line_start(text, 0)];
    is_marker(first, "---")
}

/// Whether a `---` line right after this document's text ends it: anything but comments does (its own
/// `---` line too); comments alone belong to the document the marker opens.
pub(super) fn ends_before_marker(text: &str) -> bool {
    !only_trivia(text)
}

fn is_marker(line: &str, marker: &str) -> bool {
    line.strip_prefix(marker)
        .is_some_and(|rest| rest.is_empty() || rest.starts_with([' ', '\t', '\r', '\n']))
}

/// Blank lines, comments and `%` directives only.
fn only_trivia(text: &str) -> bool {
    super::lines::split(text)
        .all(|line| super::lines::code(line).is_empty() || line.trim_start().starts_with('%'))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spans(text: &str) -> Vec<&str> {
        document_spans(text)
            .into_iter()
            .map(|r| &text[r.as_range()])
            .collect()
    }

    #[test]
    fn splits_at_markers() {
        assert_eq!(spans("a: 1\n---\nb: 2\n"), ["a: 1\n", "---\nb: 2\n"]);
        assert_eq!(
            spans("# c\n---\nb: 2\n---\n"),
            ["# c\n---\nb: 2\n", "---\n"]
        );
        assert_eq!(spans(""), [""]);
        assert_eq!(spans("a: |\n  ---x\n---\n"), ["a: |\n  ---x\n", "---\n"]);
        assert_eq!(spans("a: 1\n...\nb: 2\n"), ["a: 1\n...\n", "b: 2\n"]);
        assert_eq!(spans("---\na: 1\n"), ["---\na: 1\n"]);
        assert_eq!(
            spans("\u{feff}---\na: 1\n---\nb: 2\n"),
            ["\u{feff}---\na: 1\n", "---\nb: 2\n"]
        );
    }

    /// A marker line ends at any of YAML's line breaks, and the documents keep theirs.
    #[test]
    fn splits_at_markers_after_every_line_break() {
        for eol in ["\r\n", "\r"] {
            let text = "# c\n---\na: 1\n...\nb: 2\n---\n".replace('\n', eol);
            let expected =
                ["# c\n---\na: 1\n...\n", "b: 2\n", "---\n"].map(|s| s.replace('\n', eol));
            assert_eq!(spans(&text), expected, "{eol:?}");
            assert!(opens_with_marker(&format!("---{eol}a: 1{eol}")), "{eol:?}");
            assert!(
                !opens_with_marker(&format!("---x{eol}a: 1{eol}")),
                "{eol:?}"
            );
            assert!(
                !ends_before_marker(&format!("# c{eol}{eol}%YAML 1.2{eol}")),
                "{eol:?}"
            );
        }
    }
}
