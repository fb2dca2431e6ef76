//! `textDocument/prepareRename` and `textDocument/rename`: the name under the cursor and a WorkspaceEdit
//! that changes its declaration and every use in every file, or an error whose message says why not (the
//! new name breaks the kind's format, or the name cannot be renamed), which clients show as it is.

use std::collections::HashMap;

use tower_lsp_server::jsonrpc;
use tower_lsp_server::ls_types::{Position, PrepareRenameResponse, TextEdit, WorkspaceEdit};

use super::names::NameFiles;
use crate::analysis::names;
use crate::messages::Locale;

/// LSP's `RequestFailed`: the request was understood, and the answer is no.
const REQUEST_FAILED: i64 = -32803;

fn refused(message: String) -> jsonrpc::Error {
    jsonrpc::Error {
        code: jsonrpc::ErrorCode::ServerError(REQUEST_FAILED),
        message: message.into(),
        data: None,
    }
}

pub fn prepare_rename(
    files: &NameFiles,
    position: Position,
    locale: Locale,
) -> jsonrpc::Result<Option<PrepareRenameResponse>> {
    match names::prepare_rename(&files.workspace(), files.offset(position), locale) {
        Ok(None) => Ok(None),
        Ok(Some((range, placeholder))) => Ok(Some(PrepareRenameResponse::RangeWithPlaceholder {
            range: files.range(0, range),
            placeholder,
        })),
        Err(message) => Err(refused(message)),
    }
}

pub fn rename(
    files: &NameFiles,
    position: Position,
    new_name: &str,
    locale: Locale,
) -> jsonrpc::Result<Option<WorkspaceEdit>> {
    let offset = files.offset(position);
    let edits =
        names::rename(&files.workspace(), offset, new_name.trim(), locale).map_err(refused)?;
    if edits.is_empty() {
        return Ok(None);
    }
    let mut changes = HashMap::new();
    for file in edits {
        let text_edits: Vec<TextEdit> = file
            .edits
            .into_iter()
            .map(|(range, new_text)| TextEdit {
                range: files.range(file.file, range),
                new_text,
            })
            .collect();
        changes.insert(files.files[file.file].uri.clone(), text_edits);
    }
    Ok(Some(WorkspaceEdit {
        changes: Some(changes),
        ..WorkspaceEdit::default()
    }))
}
