//! `textDocument/completion`: field names, enum values and snippets where a key or value may go.

use tower_lsp_server::ls_types::{CompletionResponse, Position};

use super::documents::DocumentSnapshot;
use super::encoding::PositionEncoding;
use crate::schema::Locale;

pub fn completion(
    _document: &DocumentSnapshot,
    _position: Position,
    _encoding: PositionEncoding,
    _locale: Locale,
) -> Option<CompletionResponse> {
    // TODO(completion issue): call the analysis layer's completion (it does not exist yet), convert its
    // byte ranges with `encoding::range`, and advertise `completion_provider` in `server::capabilities`.
    None
}
