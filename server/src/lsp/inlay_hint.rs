//! `textDocument/inlayHint`: `analysis::inlay_hints` in the requested range, as the user's
//! `podls.inlayHints` setting allows; a default is a parameter-like hint, a quantity's units a type-like
//! one, each padded from the text it follows.

use tower_lsp_server::ls_types::{
    InlayHint, InlayHintKind, InlayHintLabel, InlayHintTooltip, Range,
};

use super::documents::DocumentSnapshot;
use super::encoding::{self, PositionEncoding};
use crate::analysis::{self, HintKind, HintOptions, Inputs};

pub fn inlay_hints(
    document: &DocumentSnapshot,
    range: Range,
    encoding: PositionEncoding,
    options: HintOptions,
    inputs: &Inputs,
) -> Option<Vec<InlayHint>> {
    let range = encoding::text_range(&document.rope, range, encoding);
    let hints = analysis::inlay_hints(inputs, &document.text, &document.file, range, options);
    let hints = hints
        .into_iter()
        .map(|hint| InlayHint {
            position: encoding::position(&document.rope, hint.at, encoding),
            label: InlayHintLabel::String(hint.label),
            kind: Some(match hint.kind {
                HintKind::Default => InlayHintKind::PARAMETER,
                HintKind::Quantity => InlayHintKind::TYPE,
            }),
            text_edits: None,
            tooltip: Some(InlayHintTooltip::String(hint.tooltip)),
            padding_left: Some(true),
            padding_right: None,
            data: None,
        })
        .collect();
    Some(hints)
}
