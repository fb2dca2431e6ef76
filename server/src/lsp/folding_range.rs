//! `textDocument/foldingRange`: `analysis::folding_ranges` in lines (and characters, for clients that fold
//! inside a line), with the closed fold's text for clients that show it.

use tower_lsp_server::ls_types::{FoldingRange, FoldingRangeKind};

use super::documents::DocumentSnapshot;
use super::encoding::{self, PositionEncoding};
use super::structure::ClientSupport;
use crate::analysis::{self, FoldKind, Inputs};

pub fn folding_ranges(
    document: &DocumentSnapshot,
    encoding: PositionEncoding,
    support: ClientSupport,
    inputs: &Inputs,
) -> Option<Vec<FoldingRange>> {
    let folds = analysis::folding_ranges(inputs, &document.text, &document.file);
    if folds.is_empty() {
        return None;
    }
    let characters = !support.line_folding_only;
    let ranges = folds
        .into_iter()
        .map(|fold| {
            let range = encoding::range(&document.rope, fold.range, encoding);
            FoldingRange {
                start_line: range.start.line,
                start_character: characters.then_some(range.start.character),
                end_line: range.end.line,
                end_character: characters.then_some(range.end.character),
                kind: Some(match fold.kind {
                    FoldKind::Region => FoldingRangeKind::Region,
                    FoldKind::Comment => FoldingRangeKind::Comment,
                }),
                collapsed_text: support.collapsed_text.then_some(fold.collapsed),
            }
        })
        .collect();
    Some(ranges)
}
