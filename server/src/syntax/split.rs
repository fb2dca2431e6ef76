//! Splits a file into its YAML documents at `---` and `...` lines, before any parsing, so that a syntax error
//! in one document never hides the others. A marker only counts at column 0, which is also where YAML itself
//! ends a block scalar, so this agrees with the parser.

use super::TextRange;

/// The span of each document. A `---` line belongs to the document it opens; comments and blank lines
/// before the first marker belong to the first document.
pub fn document_spans(text: &str) -> Vec<TextRange> {
    let mut spans = Vec::new();
    let mut start = 0;
    let mut has_content = false;
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let line_start = offset;
        offset += line.len();
        if is_marker(line, "---") {
            if has_content || spans.is_empty() && !only_trivia(&text[start..line_start]) {
                spans.push(TextRange::new(start, line_start));
                start = line_start;
            }
            has_content = true;
        } else if is_marker(line, "...") {
            spans.push(TextRange::new(start, offset));
            start = offset;
            has_content = false;
        } else if !only_trivia(line) {
            has_content = true;
        }
    }
    if start < text.len() || spans.is_empty() {
        spans.push(TextRange::new(start, text.len()));
    }
    spans
}

fn is_marker(line: &str, marker: &str) -> bool {
    line.strip_prefix(marker)
        .is_some_and(|rest| rest.is_empty() || rest.starts_with([' ', '\t', '\r', '\n']))
}

fn only_trivia(text: &str) -> bool {
    text.lines().all(|line| {
        matches!(
            line.trim_start().chars().next(),
            None | Some('#') | Some('%')
        )
    })
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
    }
}
