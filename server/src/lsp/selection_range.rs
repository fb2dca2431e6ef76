//! `textDocument/selectionRange`: for each position, `analysis::selection_ranges` as the linked list LSP
//! wants (innermost first, each with its parent). A position outside any node answers its empty range, as
//! the spec asks one answer per position.

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
                .unwrap_or(SelectionRange {
                    range: Range::new(position, position),
                    parent: None,
                })
        })
        .collect()
}
