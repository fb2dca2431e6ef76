//! One YAML line read as a person reads it: its indentation, its `- ` item markers, its key and colon, its
//! value, and where a comment starts. Every place that looks at raw lines (the cursor's context, the
//! parser's error ranges, indentation detection, document splitting) reads them through here.

use super::TextRange;

/// A line's parts. Columns are bytes from the line start.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Line<'a> {
    /// Columns of the `- ` item markers, outermost first.
    pub dashes: Vec<usize>,
    /// Where the key (or a scalar item, or a value) starts, after the markers.
    pub key_column: usize,
    /// The key, when the line is `key:` or `key: value`.
    pub key: Option<&'a str>,
    /// The text after `key:` (or the whole text when there is no key), trimmed, without its comment.
    pub value: &'a str,
    /// The line is blank or only a comment.
    pub trivia: bool,
}

impl Line<'_> {
    /// The column of the line's first mark: its outermost `- `, else its key.
    pub fn indent(&self) -> usize {
        self.dashes.first().copied().unwrap_or(self.key_column)
    }

    /// A `key:` with nothing after it but an anchor or a tag: its value is the block below it.
    pub fn opens_block(&self) -> bool {
        self.key.is_some() && owns_block(self.value)
    }
}

/// The byte-order mark a file may open with: no content, so no line reader sees it (a line starting with
/// it is read from after it; its columns still count its bytes, as offsets do).
pub const BOM: char = '\u{feff}';

/// `line_start`, or just after the byte-order mark when the line is the first of a text that opens with one.
pub fn after_bom(text: &str, line_start: usize) -> usize {
    if line_start == 0 && text.starts_with(BOM) {
        BOM.len_utf8()
    } else {
        line_start
    }
}

/// The characters that end a line: `\n`, and `\r` alone or before `\n`, as YAML reads them (yaml-rust2, and
/// Go YAML on the API server's side). Whatever computes lines for an edit or a range must break where the
/// parser does, or an edit meant for the end of one line lands at the end of the next.
pub const BREAKS: [char; 2] = ['\n', '\r'];

/// The blanks that separate tokens on a line: space and tab, nothing else. Other whitespace (a form feed,
/// a no-break space) is content to YAML: `key\x0c:` is the key `key\x0c`, and a range trimmed of it would
/// not cover what the parser read.
pub const BLANKS: [char; 2] = [' ', '\t'];

/// Whether a byte is a blank or a line break: what must follow a `:` that ends a key.
pub fn blank_or_break(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r')
}

/// The start of the line holding `at`.
pub fn line_start(text: &str, at: usize) -> usize {
    text[..at].rfind(BREAKS).map_or(0, |i| i + 1)
}

/// The end of the line holding `at`, before its line break.
pub fn line_end(text: &str, at: usize) -> usize {
    text[at..].find(BREAKS).map_or(text.len(), |i| at + i)
}

/// Whether `at` is where a line starts (the text's start, or just after a line break).
pub fn starts_line(text: &str, at: usize) -> bool {
    at == 0 || text[..at].ends_with(BREAKS)
}

/// The start of the line after the one holding `at` (past its `\n`, `\r\n` or lone `\r`); the text's end
/// on its last line.
pub fn next_line_start(text: &str, at: usize) -> usize {
    let end = line_end(text, at);
    let width = if text[end..].starts_with("\r\n") {
        2
    } else {
        1
    };
    (end + width).min(text.len())
}

/// Each line of `text` as a range without its line break, breaking where YAML does (`\n`, `\r\n`, a lone
/// `\r`); a text ending with a break has an empty last line, as an empty text has one empty line.
pub fn ranges(text: &str) -> impl Iterator<Item = TextRange> + '_ {
    let bytes = text.as_bytes();
    let mut breaks = memchr::memchr2_iter(b'\n', b'\r', bytes);
    let mut start = Some(0);
    std::iter::from_fn(move || {
        let from = start?;
        // The `\n` of a `\r\n` was consumed with its `\r`.
        let Some(at) = breaks.by_ref().find(|&at| at >= from) else {
            start = None;
            return Some(TextRange::new(from, text.len()));
        };
        let crlf = bytes[at] == b'\r' && bytes.get(at + 1) == Some(&b'\n');
        start = Some(at + 1 + usize::from(crlf));
        Some(TextRange::new(from, at))
    })
}

/// The lines of `text` without their line breaks, as [`ranges`] finds them.
pub fn split(text: &str) -> impl Iterator<Item = &str> + '_ {
    ranges(text).map(|range| &text[range.as_range()])
}

pub fn read(line: &str) -> Line<'_> {
    let line = line.strip_suffix('\r').unwrap_or(line);
    let mut dashes = Vec::new();
    let mut column = indentation(line);
    loop {
        let rest = &line[column..];
        if rest == "-" || rest.starts_with("- ") || rest.starts_with("-\t") {
            dashes.push(column);
            column += 1;
            column += line[column..].len() - line[column..].trim_start_matches([' ', '\t']).len();
        } else {
            break;
        }
    }
    let code = code(&line[column..]);
    let trivia = dashes.is_empty() && code.is_empty();
    let (key, value) = match key_colon(code) {
        Some(colon) => (Some(code[..colon].trim_end()), code[colon + 1..].trim()),
        None => (None, code.trim()),
    };
    Line {
        dashes,
        key_column: column,
        key,
        value,
        trivia,
    }
}

/// The spaces at the start of a line (what an editor copies onto each new line it inserts).
pub fn indentation(line: &str) -> usize {
    let bom = after_bom(line, 0);
    bom + line[bom..].len() - line[bom..].trim_start_matches(' ').len()
}

/// Where a comment starts: a `#` at the line start or after a blank, outside quotes. Byte by byte (every
/// character that matters is ASCII), as it runs on each request's line.
pub fn comment_start(line: &str) -> Option<usize> {
    let bytes = line.as_bytes();
    let mut quote = None;
    let mut previous = b' ';
    let mut escaped = false;
    let bom = after_bom(line, 0);
    for (i, &b) in bytes.iter().enumerate().skip(bom) {
        match (quote, b) {
            (None, b'#') if previous == b' ' || previous == b'\t' => return Some(i),
            (None, b'"' | b'\'') if b" \t:[{,-".contains(&previous) => quote = Some(b),
            (Some(b'"'), b'\\') if !escaped => {
                escaped = true;
                previous = b;
                continue;
            }
            (Some(q), b) if b == q && !escaped => quote = None,
            _ => {}
        }
        escaped = false;
        previous = b;
    }
    None
}

/// The brackets of flow collections in `text` (`[`, `]`, `{`, `}`) with their offsets, line by line
/// outside quotes and comments. A quote opens only where a scalar can start (`don't` holds none), as in
/// [`comment_start`].
pub fn flow_brackets(text: &str) -> impl Iterator<Item = (usize, u8)> + '_ {
    ranges(text).flat_map(move |line| {
        let code = code(&text[line.as_range()]);
        let mut quote = None;
        let mut previous = b' ';
        code.bytes().enumerate().filter_map(move |(i, b)| {
            let escaped = quote == Some(b'"') && previous == b'\\';
            let found = match (quote, b) {
                (None, b'"' | b'\'') if b" \t:[{,-".contains(&previous) => {
                    quote = Some(b);
                    None
                }
                (Some(q), b) if b == q && !escaped => {
                    quote = None;
                    None
                }
                (None, b'[' | b']' | b'{' | b'}') => Some((line.start + i, b)),
                _ => None,
            };
            // An escaped backslash escapes nothing after it.
            previous = if escaped { b' ' } else { b };
            found
        })
    })
}

/// The line without its comment and trailing blanks.
pub fn code(line: &str) -> &str {
    let end = comment_start(line).unwrap_or(line.len());
    line[..end].trim_end()
}

/// The colon that ends a key in `code` (text starting at the key): the first `:` followed by a blank or the
/// end, outside quotes; none for a flow collection.
pub fn key_colon(code: &str) -> Option<usize> {
    let bytes = code.as_bytes();
    let mut quote = None;
    for (i, &b) in bytes.iter().enumerate() {
        match (quote, b) {
            (None, b'"' | b'\'') if i == 0 => quote = Some(b),
            (Some(q), b) if b == q => quote = None,
            (None, b':') if bytes.get(i + 1).is_none_or(|n| *n == b' ' || *n == b'\t') => {
                return Some(i);
            }
            (None, b'{' | b'[') if i == 0 => return None,
            _ => {}
        }
    }
    None
}

/// Whether a `key:` line with this value text opens a block below it (nothing, or only an anchor or tag).
pub fn owns_block(value: &str) -> bool {
    value.is_empty()
        || value.starts_with('&') && !value.contains(' ')
        || value.starts_with('!') && !value.contains(' ')
}

/// Whether a trigger character typed right before `offset` was typed where completion helps: a blank right
/// after `key:` or after an item's `- `, a `:` ending a key, a `-` starting an item. Elsewhere (a blank
/// between words of a value, a dash inside `my-pod`, a comment) the list would only get in the way.
pub fn trigger_fits(text: &str, offset: usize, trigger: char) -> bool {
    let before = &text[..offset];
    let before = &before[before.rfind(['\n', '\r']).map_or(0, |i| i + 1)..];
    if comment_start(before).is_some() {
        return false;
    }
    let content = before.trim_start();
    match trigger {
        ' ' => before.ends_with(": ") || content.ends_with("- ") && only_dashes(content),
        '-' => content == "-",
        _ => true,
    }
}

/// `- `, `- - `: nothing but item markers.
fn only_dashes(text: &str) -> bool {
    text.split_whitespace().all(|word| word == "-")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comments_start_after_blanks_outside_quotes() {
        assert_eq!(comment_start("# all"), Some(0));
        assert_eq!(comment_start("a: b # c"), Some(5));
        assert_eq!(comment_start("a: b\t# c"), Some(5));
        assert_eq!(comment_start("a: b#c"), None);
        assert_eq!(comment_start("a: \"b # c\" # d"), Some(11));
        assert_eq!(comment_start("a: 'b # c'"), None);
        assert_eq!(comment_start("a: \"x \\\" # y\""), None);
        assert_eq!(comment_start("- \"# no\""), None);
        assert_eq!(code("  key: value   # note"), "  key: value");
    }

    #[test]
    fn lines_show_markers_key_and_value() {
        let line = read("  - - name: web # c");
        assert_eq!(line.dashes, [2, 4]);
        assert_eq!(line.key_column, 6);
        assert_eq!(line.key, Some("name"));
        assert_eq!(line.value, "web");
        assert!(!line.trivia);
        assert_eq!(line.indent(), 2);
        assert!(read("   # only a comment").trivia);
        assert!(read("spec: &s").opens_block());
        assert!(!read("image: nginx").opens_block());
        assert_eq!(read("\"a: b\": c").key, Some("\"a: b\""));
        assert_eq!(read("url: http://x").key, Some("url"));
        assert_eq!(read("{a: b}").key, None);
        assert_eq!(read("-").dashes, [0]);
        assert_eq!(read("key:\r").key, Some("key"));
    }

    #[test]
    fn a_lone_carriage_return_ends_a_line() {
        let text = "a:\r b: c\r\nd";
        assert_eq!(line_end(text, 0), 2);
        assert_eq!(line_start(text, 5), 3);
        assert_eq!(line_end(text, 3), 8);
        assert_eq!(line_start(text, 11), 10);
        assert!(starts_line(text, 3) && starts_line(text, 10) && starts_line(text, 0));
        assert!(!starts_line(text, 4));
    }

    #[test]
    fn lines_break_at_every_yaml_line_break() {
        let lines = |text| split(text).collect::<Vec<_>>();
        assert_eq!(lines("a\nb\r\nc\rd"), ["a", "b", "c", "d"]);
        assert_eq!(lines("a\r\r\nb\n"), ["a", "", "b", ""]);
        assert_eq!(lines(""), [""]);
        assert_eq!(lines("\r"), ["", ""]);
        let text = "a:\r b\r\nc";
        assert_eq!(next_line_start(text, 0), 3);
        assert_eq!(next_line_start(text, 4), 7);
        assert_eq!(next_line_start(text, 7), text.len());
    }

    #[test]
    fn triggers_fit_after_a_key_or_a_dash() {
        let fits = |before: &str, c| trigger_fits(&format!("a: b\n{before}"), before.len() + 5, c);
        assert!(fits("  restartPolicy: ", ' '));
        assert!(fits("  - ", ' '));
        assert!(fits("  - - ", ' '));
        assert!(!fits("  name: my pod ", ' '));
        assert!(fits("  -", '-'));
        assert!(!fits("  name: my-", '-'));
        assert!(fits("  image:", ':'));
        assert!(!fits("  # note:", ':'));
    }

    #[test]
    fn flow_brackets_outside_quotes_and_comments() {
        let text = "a: {b: \"}\\\"]\", c: don't, d: '[x'} # ]\r[e, \"\\\\\"]\n";
        let found: Vec<_> = flow_brackets(text).map(|(at, b)| (at, b as char)).collect();
        assert_eq!(
            found,
            [(3, '{'), (32, '}'), (38, '['), (46, ']')],
            "{text:?}"
        );
    }
}
