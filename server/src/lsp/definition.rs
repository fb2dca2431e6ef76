//! `textDocument/definition`: from a use of a name to what declares it, in this file or another.

use tower_lsp_server::ls_types::{GotoDefinitionResponse, Position};

use super::names::NameFiles;
use crate::analysis::names;

pub fn definition(files: &NameFiles, position: Position) -> Option<GotoDefinitionResponse> {
    let found = names::definition(&files.workspace(), files.offset(position));
    if found.is_empty() {
        return None;
    }
    Some(GotoDefinitionResponse::Array(
        found.into_iter().map(|l| files.location(l)).collect(),
    ))
}
