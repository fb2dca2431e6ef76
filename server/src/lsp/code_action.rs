//! `textDocument/codeAction`: quick fixes for the diagnostics in the requested range.

use tower_lsp_server::ls_types::{CodeActionResponse, Range, Uri};

use super::documents::DocumentSnapshot;
use super::encoding::PositionEncoding;

pub fn code_actions(
    _uri: &Uri,
    _document: &DocumentSnapshot,
    _range: Range,
    _encoding: PositionEncoding,
) -> Option<CodeActionResponse> {
    // TODO(completion issue): call the analysis layer's fixes (they do not exist yet), turn each into a
    // `WorkspaceEdit` with `encoding::range`, and advertise `code_action_provider` in `server::capabilities`.
    None
}
