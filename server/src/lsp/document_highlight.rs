//! `textDocument/documentHighlight`: the declaration (written) and uses (read) of the name under the cursor
//! in this document.

use tower_lsp_server::ls_types::{DocumentHighlight, DocumentHighlightKind, Position};

use super::names::NameFiles;
use crate::analysis::names::{self, Role};

pub fn highlights(files: &NameFiles, position: Position) -> Option<Vec<DocumentHighlight>> {
    let found = names::highlights(&files.workspace(), files.offset(position));
    (!found.is_empty()).then(|| {
        found
            .into_iter()
            .map(|(range, role)| DocumentHighlight {
                range: files.range(0, range),
                kind: Some(match role {
                    Role::Declaration => DocumentHighlightKind::WRITE,
                    Role::Reference => DocumentHighlightKind::READ,
                }),
            })
            .collect()
    })
}
