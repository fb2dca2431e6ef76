//! `textDocument/hover`: the field docs from `analysis::hover`, as markdown, with the hovered key's range.

use tower_lsp_server::ls_types::{Hover, HoverContents, MarkupContent, MarkupKind, Position};

use super::documents::DocumentSnapshot;
use super::encoding::{self, PositionEncoding};
use crate::analysis::{self, Inputs};

pub fn hover(
    document: &DocumentSnapshot,
    position: Position,
    encoding: PositionEncoding,
    inputs: &Inputs,
) -> Option<Hover> {
    let offset = encoding::offset(&document.rope, position, encoding);
    let found = analysis::hover(inputs, &document.text, &document.file, offset)?;
    Some(Hover {
        contents: HoverContents::Markup(MarkupContent {
            kind: MarkupKind::Markdown,
            value: found.markdown,
        }),
        range: Some(encoding::range(&document.rope, found.range, encoding)),
    })
}
