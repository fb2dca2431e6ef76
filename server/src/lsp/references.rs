//! `textDocument/references`: every use of the name under the cursor, with its declarations when the
//! client asks for them, across the open documents and the workspace.

use tower_lsp_server::ls_types::{Location, Position};

use super::names::NameFiles;
use crate::analysis::names;

pub fn references(
    files: &NameFiles,
    position: Position,
    include_declaration: bool,
) -> Option<Vec<Location>> {
    let found = names::references(
        &files.workspace(),
        files.offset(position),
        include_declaration,
    );
    (!found.is_empty()).then(|| found.into_iter().map(|l| files.location(l)).collect())
}
