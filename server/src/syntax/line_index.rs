//! Line starts of a text, and the conversion from yaml-rust2's (line, character column) to byte offsets.
//! Lines break at `\n`, `\r\n` and a lone `\r`, as in YAML and LSP.

#[derive(Clone, Debug)]
pub struct LineIndex {
    /// Absolute byte offsets of the line starts.
    starts: Vec<usize>,
    /// Absolute end of the indexed span.
    len: usize,
}

impl LineIndex {
    pub fn new(text: &str) -> Self {
        Self::for_span(text, super::TextRange::new(0, text.len()))
    }

    /// An index of the lines of one span of `text` (a document); offsets stay absolute, line numbers count
    /// from the span's first line.
    pub fn for_span(text: &str, span: super::TextRange) -> Self {
        let bytes = &text.as_bytes()[span.as_range()];
        // Manifest lines average 20-30 bytes: sized once for most files instead of grown five or six times.
        let mut starts = Vec::with_capacity(bytes.len() / 24 + 1);
        starts.push(span.start);
        // memchr's vector search: a byte-by-byte loop was 1-2% of `podls check` (once per file).
        for i in memchr::memchr2_iter(b'\n', b'\r', bytes) {
            if bytes[i] == b'\n' || bytes.get(i + 1) != Some(&b'\n') {
                starts.push(span.start + i + 1);
            }
        }
        LineIndex {
            starts,
            len: span.end,
        }
    }

    /// The offsets where the lines start, the first line's first.
    pub fn starts(&self) -> &[usize] {
        &self.starts
    }

    pub fn line_count(&self) -> usize {
        self.starts.len()
    }

    /// The 0-based line holding `offset`.
    pub fn line_of(&self, offset: usize) -> usize {
        self.starts.partition_point(|&start| start <= offset).max(1) - 1
    }

    pub fn line_start(&self, line: usize) -> usize {
        self.starts.get(line).copied().unwrap_or(self.len)
    }

    /// The end of a line's content, before its line break.
    pub fn line_end(&self, text: &str, line: usize) -> usize {
        let next = self.starts.get(line + 1).copied().unwrap_or(self.len);
        let content = &text.as_bytes()[self.line_start(line)..next];
        let trimmed = content
            .iter()
            .rposition(|&b| b != b'\n' && b != b'\r')
            .map_or(0, |p| p + 1);
        self.line_start(line) + trimmed
    }

    /// The 0-based column of `offset` on its line, counted in `unit`. An offset inside a line break (between
    /// `\r` and `\n`) is the line's end; one inside a character counts as that character's start.
    pub fn column(&self, text: &str, offset: usize, unit: ColumnUnit) -> usize {
        unit.width(self.line_prefix(text, offset))
    }

    /// The column in characters (Unicode scalar values), as rustc, gcc and most terminals' `file:line:col`
    /// links count: `column` in [`ColumnUnit::Utf32`].
    pub fn char_col(&self, text: &str, offset: usize) -> usize {
        self.column(text, offset, ColumnUnit::Utf32)
    }

    /// The text from the start of `offset`'s line up to `offset`, clamped to the line's content and snapped
    /// back to a char boundary.
    fn line_prefix<'t>(&self, text: &'t str, offset: usize) -> &'t str {
        &text[self.line_prefix_span(text, offset)]
    }

    fn line_prefix_span(&self, text: &str, offset: usize) -> std::ops::Range<usize> {
        let offset = offset.min(self.len);
        let line = self.line_of(offset);
        let start = self.line_start(line);
        let mut end = offset.min(self.line_end(text, line)).max(start);
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        start..end
    }

    /// The length in bytes of the longest line, line break included.
    fn longest_line(&self) -> usize {
        let ends = self.starts.iter().skip(1).chain(std::iter::once(&self.len));
        self.starts
            .iter()
            .zip(ends)
            .map(|(start, end)| end - start)
            .max()
            .unwrap_or(0)
    }

    /// Byte offset of a 0-based line and a column counted in characters, clamped to the line's end.
    pub fn offset(&self, text: &str, line: usize, char_col: usize) -> usize {
        if line >= self.starts.len() {
            return self.len;
        }
        let start = self.line_start(line);
        let end = self.line_end(text, line);
        start
            + ColumnUnit::Utf32
                .prefix_len(&text[start..end], char_col)
                .unwrap_or(end - start)
    }
}

/// The columns of many offsets of one text, each counted in time independent of its line's length. On a
/// text with a line longer than [`Columns::STRIDE`] bytes, the widths from the text's start to every
/// `STRIDE`-th byte are counted once: a column is then the width up to the offset less the width up to its
/// line's start, each a few bytes from a mark. (`podls check` on a minified manifest — one line of
/// megabytes, a finding every few bytes — counted each column from the line's start: hours.)
#[derive(Clone, Debug)]
pub struct Columns<'t> {
    text: &'t str,
    index: LineIndex,
    /// Ascending (byte offset on a char boundary, UTF-16 units before it, chars before it); empty when no
    /// line is long.
    marks: Vec<(usize, usize, usize)>,
}

impl<'t> Columns<'t> {
    pub const STRIDE: usize = 4096;

    pub fn new(text: &'t str) -> Self {
        let index = LineIndex::new(text);
        let mut marks = Vec::new();
        if index.longest_line() > Self::STRIDE {
            let (mut at, mut utf16, mut chars) = (0, 0, 0);
            while at < text.len() {
                marks.push((at, utf16, chars));
                let mut next = (at + Self::STRIDE).min(text.len());
                while !text.is_char_boundary(next) {
                    next += 1;
                }
                let piece = &text[at..next];
                chars += piece.chars().count();
                utf16 += ColumnUnit::Utf16.width(piece);
                at = next;
            }
        }
        Columns { text, index, marks }
    }

    pub fn index(&self) -> &LineIndex {
        &self.index
    }

    /// What [`LineIndex::column`] says, without counting from the line's start.
    pub fn column(&self, offset: usize, unit: ColumnUnit) -> usize {
        let span = self.index.line_prefix_span(self.text, offset);
        if self.marks.is_empty() || unit == ColumnUnit::Utf8 {
            return unit.width(&self.text[span]);
        }
        self.width_to(span.end, unit) - self.width_to(span.start, unit)
    }

    /// The width of the text before `at` (a char boundary), from the nearest mark before it.
    fn width_to(&self, at: usize, unit: ColumnUnit) -> usize {
        let mark = self
            .marks
            .partition_point(|&(byte, _, _)| byte <= at)
            .max(1)
            - 1;
        let (byte, utf16, chars) = self.marks[mark];
        let before = if unit == ColumnUnit::Utf16 {
            utf16
        } else {
            chars
        };
        before + unit.width(&self.text[byte..at])
    }
}

/// What a column counts. The one definition of columns for every layer: the LSP's negotiated position
/// encodings (UTF-8 bytes, UTF-16 code units — the protocol's default —, UTF-32 = characters) and the columns
/// `podls check` prints (characters in text, UTF-16 in JSON and SARIF). Works on pieces of a line (`&str`
/// chunks of a rope as well as slices of a `String`), so the LSP can keep its rope.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ColumnUnit {
    Utf8,
    #[default]
    Utf16,
    Utf32,
}

impl ColumnUnit {
    /// How many units `text` spans.
    pub fn width(self, text: &str) -> usize {
        match self {
            ColumnUnit::Utf8 => text.len(),
            ColumnUnit::Utf16 => text.chars().map(char::len_utf16).sum(),
            ColumnUnit::Utf32 => text.chars().count(),
        }
    }

    /// The byte length of the prefix of `text` that is `column` units wide: `Ok` when `text` reaches that
    /// column (a column inside a character — a byte of a UTF-8 sequence, half a surrogate pair — is that
    /// character's start), else `Err` with `text`'s whole width, so a caller can go on in the next piece.
    pub fn prefix_len(self, text: &str, column: usize) -> Result<usize, usize> {
        if self == ColumnUnit::Utf8 {
            return if column <= text.len() {
                let mut end = column;
                while !text.is_char_boundary(end) {
                    end -= 1;
                }
                Ok(end)
            } else {
                Err(text.len())
            };
        }
        let mut width = 0;
        for (at, c) in text.char_indices() {
            let next = width + self.char_width(c);
            if next > column {
                return Ok(at);
            }
            width = next;
        }
        if width == column {
            Ok(text.len())
        } else {
            Err(width)
        }
    }

    fn char_width(self, c: char) -> usize {
        match self {
            ColumnUnit::Utf8 => c.len_utf8(),
            ColumnUnit::Utf16 => c.len_utf16(),
            ColumnUnit::Utf32 => 1,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_with_marks_count_as_from_the_line_start() {
        // Long lines of mixed widths (marks fall inside multi-byte chars), CRLF and lone CR breaks.
        let long = "é😀中x, ".repeat(2000);
        let text = format!("a: 1\r\n{long}\rb: {long}\nc\r\n");
        let columns = Columns::new(&text);
        assert!(!columns.marks.is_empty());
        let index = LineIndex::new(&text);
        for offset in (0..text.len() + 3)
            .step_by(7)
            .chain([text.len(), text.len() + 9])
        {
            for unit in [ColumnUnit::Utf8, ColumnUnit::Utf16, ColumnUnit::Utf32] {
                assert_eq!(
                    columns.column(offset, unit),
                    index.column(&text, offset, unit),
                    "offset {offset}, {unit:?}"
                );
            }
        }
        assert!(Columns::new("a: 1\nb: 2\n").marks.is_empty());
    }

    #[test]
    fn columns_count_characters_and_all_line_breaks() {
        let text = "a: é😀x\r\nb\rc\n";
        let index = LineIndex::new(text);
        assert_eq!(index.line_count(), 4);
        assert_eq!(index.offset(text, 0, 4), text.find('😀').unwrap());
        assert_eq!(index.offset(text, 0, 5), text.find('x').unwrap());
        assert_eq!(index.offset(text, 0, 99), text.find('\r').unwrap());
        assert_eq!(index.offset(text, 1, 0), text.find('b').unwrap());
        assert_eq!(index.offset(text, 2, 0), text.find('c').unwrap());
        assert_eq!(index.line_of(text.find('c').unwrap()), 2);
        assert_eq!(index.offset(text, 3, 0), text.len());
    }

    #[test]
    fn columns_in_chars_and_utf16_units() {
        // "é" is 2 bytes, 1 UTF-16 unit; "😀" is 4 bytes, a surrogate pair; "中" 3 bytes, 1 unit.
        let text = "a: é😀中x\r\nb\rc";
        let index = LineIndex::new(text);
        let x = text.find('x').unwrap();
        assert_eq!(index.char_col(text, x), 6);
        assert_eq!(index.column(text, x, ColumnUnit::Utf16), 7);
        assert_eq!(index.column(text, x, ColumnUnit::Utf8), 12);
        // Inside the emoji: its start.
        let emoji = text.find('😀').unwrap();
        assert_eq!(index.column(text, emoji + 2, ColumnUnit::Utf16), 4);
        assert_eq!(index.char_col(text, emoji + 2), 4);
        assert_eq!(index.column(text, emoji + 2, ColumnUnit::Utf8), 5);
        // Between `\r` and `\n`: the end of line 0.
        let cr = text.find('\r').unwrap();
        assert_eq!(index.column(text, cr + 1, ColumnUnit::Utf16), 8);
        assert_eq!(index.line_of(cr + 1), 0);
        assert_eq!(index.char_col(text, text.find('c').unwrap()), 0);
        assert_eq!(index.char_col(text, text.len()), 1);
        assert_eq!(index.char_col(text, text.len() + 10), 1);
    }

    #[test]
    fn prefixes_end_at_a_column_or_report_the_width_reached() {
        use ColumnUnit::{Utf8, Utf16, Utf32};
        let text = "é😀x";
        // Columns before, inside and after the emoji (2 UTF-16 units, 4 bytes, 1 char).
        assert_eq!(Utf16.prefix_len(text, 1), Ok(2));
        assert_eq!(
            Utf16.prefix_len(text, 2),
            Ok(2),
            "inside the surrogate pair"
        );
        assert_eq!(Utf16.prefix_len(text, 3), Ok(6));
        assert_eq!(Utf16.prefix_len(text, 4), Ok(7));
        assert_eq!(Utf16.prefix_len(text, 9), Err(4));
        assert_eq!(Utf32.prefix_len(text, 2), Ok(6));
        assert_eq!(Utf32.prefix_len(text, 3), Ok(7));
        assert_eq!(Utf32.prefix_len(text, 4), Err(3));
        assert_eq!(Utf8.prefix_len(text, 4), Ok(2), "inside the emoji's bytes");
        assert_eq!(Utf8.prefix_len(text, 7), Ok(7));
        assert_eq!(Utf8.prefix_len(text, 8), Err(7));
        assert_eq!(Utf16.prefix_len("", 0), Ok(0));
        for unit in [Utf8, Utf16, Utf32] {
            assert_eq!(unit.prefix_len(text, unit.width(text)), Ok(text.len()));
        }
    }
}
