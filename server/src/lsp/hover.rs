//! `textDocument/hover`: the field docs from `analysis::hover`, as markdown, with the hovered key's range.

use tower_lsp_server::ls_types::{Hover, HoverContents, MarkupContent, MarkupKind, Position};

use super::documents::DocumentSnapshot;
use super::encoding::{self, PositionEncoding};
use crate::analysis;
use crate::schema::Locale;

pub fn hover(
    document: &DocumentSnapshot,
    position: Position,
    encoding: PositionEncoding,
    locale: Locale,
) -> Option<Hover> {
    let offset = encoding::offset(&document.rope, position, encoding);
    let found = analysis::hover(&document.text, &document.file, offset, locale)?;
    Some(Hover {
        contents: HoverContents::Markup(MarkupContent {
            kind: MarkupKind::Markdown,
            value: found.markdown,
        }),
        range: Some(encoding::range(&document.rope, found.range, encoding)),
    })
}
