//! LSP positions ↔ byte offsets, in the position encoding negotiated at `initialize` (LSP 3.17). The rope
//! finds the line; the column within it is counted by `syntax::ColumnUnit`, the one column conversion that
//! `podls check` uses too. Everything below the LSP layer works in byte offsets into the document's text.

use ropey::{Rope, RopeSlice};
use tower_lsp_server::ls_types::{Position, PositionEncodingKind, Range};

use crate::syntax::{ColumnUnit, TextRange};

/// What the `character` of an LSP `Position` counts.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum PositionEncoding {
    /// Bytes: no conversion at all, since we work in byte offsets.
    Utf8,
    /// The protocol's mandatory default (what JavaScript strings count).
    #[default]
    Utf16,
    /// Unicode scalar values.
    Utf32,
}

impl PositionEncoding {
    /// Picks from the encodings the client offers in `general.positionEncodings`: UTF-8 first (our native
    /// unit), then UTF-32 (a char count the rope indexes directly), else UTF-16, which every client must
    /// support whether it says so or not.
    pub fn negotiate(offered: Option<&[PositionEncodingKind]>) -> Self {
        let offered = offered.unwrap_or_default();
        let offers = |kind: &PositionEncodingKind| offered.iter().any(|o| o == kind);
        if offers(&PositionEncodingKind::UTF8) {
            PositionEncoding::Utf8
        } else if offers(&PositionEncodingKind::UTF32) {
            PositionEncoding::Utf32
        } else {
            PositionEncoding::Utf16
        }
    }

    /// What a `character` counts, in the syntax layer's terms.
    pub fn unit(self) -> ColumnUnit {
        match self {
            PositionEncoding::Utf8 => ColumnUnit::Utf8,
            PositionEncoding::Utf16 => ColumnUnit::Utf16,
            PositionEncoding::Utf32 => ColumnUnit::Utf32,
        }
    }

    pub fn kind(self) -> PositionEncodingKind {
        match self {
            PositionEncoding::Utf8 => PositionEncodingKind::UTF8,
            PositionEncoding::Utf16 => PositionEncodingKind::UTF16,
            PositionEncoding::Utf32 => PositionEncodingKind::UTF32,
        }
    }
}

/// The byte offset of `position`. Never panics: a line past the end is the end of the document, a
/// character past the end of its line is the end of that line (LSP: "defaults back to the line length"),
/// and a character inside a UTF-8 sequence or a surrogate pair snaps back to the start of that char.
pub fn offset(rope: &Rope, position: Position, encoding: PositionEncoding) -> usize {
    let line = position.line as usize;
    if line >= rope.len_lines() {
        return rope.len_bytes();
    }
    let line_start = rope.line_to_byte(line);
    let content = line_content(rope.line(line));
    let unit = encoding.unit();
    // The line may span several chunks of the rope: count through them until the column is reached.
    let mut remaining = position.character as usize;
    let mut in_line = 0;
    for chunk in content.chunks() {
        match unit.prefix_len(chunk, remaining) {
            Ok(len) => return line_start + in_line + len,
            Err(width) => {
                remaining -= width;
                in_line += chunk.len();
            }
        }
    }
    line_start + in_line
}

/// The position of byte `offset` (clamped to the document, snapped back to a char boundary).
pub fn position(rope: &Rope, offset: usize, encoding: PositionEncoding) -> Position {
    let offset = rope.char_to_byte(rope.byte_to_char(offset.min(rope.len_bytes())));
    let line = rope.byte_to_line(offset);
    // An offset between the `\r` and `\n` of a CRLF is still on the line, at its end.
    let content = line_content(rope.line(line));
    let in_line = (offset - rope.line_to_byte(line)).min(content.len_bytes());
    let unit = encoding.unit();
    let character = content
        .byte_slice(..in_line)
        .chunks()
        .map(|chunk| unit.width(chunk))
        .sum::<usize>();
    Position::new(line as u32, character as u32)
}

pub fn range(rope: &Rope, range: TextRange, encoding: PositionEncoding) -> Range {
    Range::new(
        position(rope, range.start, encoding),
        position(rope, range.end, encoding),
    )
}

/// The byte range of an LSP range; a reversed range (end before start) is read as empty at its start.
pub fn text_range(rope: &Rope, range: Range, encoding: PositionEncoding) -> TextRange {
    let start = offset(rope, range.start, encoding);
    let end = offset(rope, range.end, encoding).max(start);
    TextRange::new(start, end)
}

/// A line without its terminator (`\n`, `\r\n` or `\r`: the breaks LSP and ropey's `cr_lines` agree on).
fn line_content(line: RopeSlice<'_>) -> RopeSlice<'_> {
    let len = line.len_chars();
    let terminator = match (
        len.checked_sub(2).map(|i| line.char(i)),
        len.checked_sub(1).map(|i| line.char(i)),
    ) {
        (Some('\r'), Some('\n')) => 2,
        (_, Some('\n' | '\r')) => 1,
        _ => 0,
    };
    line.slice(..len - terminator)
}

#[cfg(test)]
mod tests {
    use super::*;
    use PositionEncoding::{Utf8, Utf16, Utf32};

    fn pos(line: u32, character: u32) -> Position {
        Position::new(line, character)
    }

    /// Every char boundary of `text` goes to a position and back to the same offset, in every encoding.
    fn assert_round_trips(text: &str) {
        let rope = Rope::from_str(text);
        for encoding in [Utf8, Utf16, Utf32] {
            for (offset_, _) in text.char_indices().chain([(text.len(), ' ')]) {
                let p = position(&rope, offset_, encoding);
                let back = offset(&rope, p, encoding);
                // The `\n` of a CRLF shares its position with the `\r` (both are the line's end).
                let expected = if offset_ > 0
                    && text[..offset_].ends_with('\r')
                    && text[offset_..].starts_with('\n')
                {
                    offset_ - 1
                } else {
                    offset_
                };
                assert_eq!(
                    back, expected,
                    "{encoding:?} offset {offset_} via {p:?} in {text:?}"
                );
            }
        }
    }

    #[test]
    fn negotiation_prefers_utf8_then_utf32_and_defaults_to_utf16() {
        use PositionEncodingKind as K;
        assert_eq!(PositionEncoding::negotiate(None), Utf16);
        assert_eq!(PositionEncoding::negotiate(Some(&[])), Utf16);
        assert_eq!(PositionEncoding::negotiate(Some(&[K::UTF16])), Utf16);
        assert_eq!(
            PositionEncoding::negotiate(Some(&[K::UTF16, K::UTF8])),
            Utf8
        );
        assert_eq!(
            PositionEncoding::negotiate(Some(&[K::UTF32, K::UTF16])),
            Utf32
        );
        assert_eq!(
            PositionEncoding::negotiate(Some(&[K::UTF32, K::UTF8])),
            Utf8
        );
        assert_eq!(
            PositionEncoding::negotiate(Some(&["utf-7".to_string().into()])),
            Utf16
        );
    }

    #[test]
    fn emoji_counts_two_utf16_units_four_bytes_one_char() {
        // "😀" is U+1F600: 4 bytes, a surrogate pair in UTF-16, one scalar value.
        let text = "a: 😀x\n";
        let rope = Rope::from_str(text);
        let x = text.find('x').unwrap();
        assert_eq!(position(&rope, x, Utf8), pos(0, 7));
        assert_eq!(position(&rope, x, Utf16), pos(0, 5));
        assert_eq!(position(&rope, x, Utf32), pos(0, 4));
        assert_eq!(offset(&rope, pos(0, 7), Utf8), x);
        assert_eq!(offset(&rope, pos(0, 5), Utf16), x);
        assert_eq!(offset(&rope, pos(0, 4), Utf32), x);
    }

    #[test]
    fn positions_inside_a_char_snap_back_to_its_start() {
        let text = "k: 😀中\n";
        let rope = Rope::from_str(text);
        let emoji = text.find('😀').unwrap();
        let cjk = text.find('中').unwrap();
        // Between the two halves of the surrogate pair.
        assert_eq!(offset(&rope, pos(0, 4), Utf16), emoji);
        // Inside the UTF-8 sequences.
        for inside in 1..4 {
            assert_eq!(offset(&rope, pos(0, (emoji + inside) as u32), Utf8), emoji);
        }
        assert_eq!(offset(&rope, pos(0, (cjk + 1) as u32), Utf8), cjk);
        // A byte offset inside a char maps to that char's position.
        assert_eq!(position(&rope, emoji + 2, Utf16), pos(0, 3));
    }

    #[test]
    fn cjk_is_three_bytes_one_utf16_unit() {
        let text = "# 中文注释\nkey: 值\n";
        let rope = Rope::from_str(text);
        let value = text.find('值').unwrap();
        assert_eq!(position(&rope, value, Utf16), pos(1, 5));
        assert_eq!(position(&rope, value, Utf8), pos(1, 5));
        let end = text.find("释").unwrap() + '释'.len_utf8();
        assert_eq!(position(&rope, end, Utf16), pos(0, 6));
        assert_eq!(position(&rope, end, Utf8), pos(0, 14));
        assert_eq!(offset(&rope, pos(0, 6), Utf16), end);
    }

    #[test]
    fn crlf_lines_end_before_the_cr() {
        let text = "a: 1\r\nbb: 2\r\n";
        let rope = Rope::from_str(text);
        assert_eq!(position(&rope, text.find("bb").unwrap(), Utf16), pos(1, 0));
        // Past the line end clamps to the line end, not into the terminator or the next line.
        assert_eq!(offset(&rope, pos(0, 99), Utf16), 4);
        assert_eq!(offset(&rope, pos(1, 99), Utf8), text.len() - 2);
        // The `\n` of the CRLF is at the end of its line.
        assert_eq!(position(&rope, 5, Utf16), pos(0, 4));
        // The empty last line after the final CRLF, then beyond: the document end.
        assert_eq!(offset(&rope, pos(2, 0), Utf16), text.len());
        assert_eq!(offset(&rope, pos(7, 3), Utf16), text.len());
        assert_eq!(position(&rope, text.len() + 10, Utf16), pos(2, 0));
    }

    #[test]
    fn lone_cr_breaks_a_line_as_in_lsp() {
        let text = "a\rb\n";
        let rope = Rope::from_str(text);
        assert_eq!(position(&rope, 2, Utf16), pos(1, 0));
        assert_eq!(offset(&rope, pos(1, 1), Utf16), 3);
    }

    #[test]
    fn tabs_are_one_unit() {
        let text = "\tkey:\tv";
        let rope = Rope::from_str(text);
        assert_eq!(position(&rope, text.find('v').unwrap(), Utf16), pos(0, 6));
    }

    #[test]
    fn empty_document() {
        let rope = Rope::from_str("");
        for encoding in [Utf8, Utf16, Utf32] {
            assert_eq!(offset(&rope, pos(0, 0), encoding), 0);
            assert_eq!(offset(&rope, pos(3, 9), encoding), 0);
            assert_eq!(position(&rope, 5, encoding), pos(0, 0));
        }
    }

    #[test]
    fn reversed_range_is_empty_at_its_start() {
        let rope = Rope::from_str("abc\ndef\n");
        let r = text_range(&rope, Range::new(pos(1, 2), pos(0, 1)), Utf16);
        assert_eq!(r, TextRange::new(6, 6));
    }

    #[test]
    fn round_trips_over_mixed_text() {
        assert_round_trips("apiVersion: v1\r\nkind: Pod # 😀 中文\r\n\tx: \"👩‍👩‍👧\"\rlast");
        assert_round_trips("");
        assert_round_trips("\n\n😀\n");
        assert_round_trips("é\u{301}ü\r\n");
    }
}
