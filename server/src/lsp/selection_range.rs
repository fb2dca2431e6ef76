//! `textDocument/selectionRange`: for each position, `analysis::selection_ranges` as the linked list LSP
//! wants (innermost first, each with its parent). A position outside any node answers the empty range where
//! it is in the document (past the end: at the end), as the spec asks one answer per position.

use tower_lsp_server::ls_types::{Position, Range, SelectionRange};

use super::documents::DocumentSnapshot;
use super::encoding::{self, PositionEncoding};
use crate::analysis;

pub fn selection_ranges(
    document: &DocumentSnapshot,
    positions: &[Position],
    encoding: PositionEncoding,
) -> Vec<SelectionRange> {
    positions
        .iter()
        .map(|&position| {
            let offset = encoding::offset(&document.rope, position, encoding);
            let ranges = analysis::selection_ranges(&document.text, &document.file, offset);
            ranges
                .iter()
                .rev()
                .fold(None, |parent: Option<SelectionRange>, &range| {
                    Some(SelectionRange {
                        range: encoding::range(&document.rope, range, encoding),
                        parent: parent.map(Box::new),
                    })
                })
                .unwrap_or_else(|| {
                    let at = encoding::position(&document.rope, offset, encoding);
                    SelectionRange {
                        range: Range::new(at, at),
                        parent: None,
                    }
                })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lsp::DocumentStore;

    /// Found by the protocol proptest: a position past the end was answered as it came, a range outside the
    /// document.
    #[test]
    fn a_position_past_the_end_answers_the_end() {
        let mut store = DocumentStore::default();
        let uri = "file:///pod.yaml".parse().unwrap();
        let document = store.open(uri, "a: 😀\n".to_owned(), 1);
        let past = [Position::new(3_545_688_654, 43_585), Position::new(0, 4)];
        let answers = selection_ranges(&document, &past, PositionEncoding::Utf16);
        let ranges: Vec<_> = answers
            .iter()
            .map(|s| (s.range.start, s.range.end))
            .collect();
        // The end of the text; inside the surrogate pair, its start.
        let (end, pair) = (Position::new(1, 0), Position::new(0, 3));
        assert_eq!(ranges[0], (end, end));
        assert_eq!(ranges[1].0, pair, "{ranges:?}");
    }
}
