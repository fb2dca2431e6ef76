//! `textDocument/codeAction`: the analysis layer's quick fixes for the requested range, as LSP code actions
//! with a workspace edit in the negotiated encoding. Titles and the fixed diagnostic's message are plain
//! text, rendered as the published diagnostics are (a client matches the two by message). The fixes come
//! with the document's diagnostics, taken from its cache (computed when the edit was published), so a code
//! action analyses nothing again.

use std::collections::HashMap;

use tower_lsp_server::ls_types::{
    CodeAction, CodeActionKind, CodeActionOrCommand, CodeActionResponse, Diagnostic,
    NumberOrString, Range, TextEdit, Uri, WorkspaceEdit,
};

use super::diagnostics::{cached_diagnostics, plain_text};
use super::documents::DocumentSnapshot;
use super::encoding::{self, PositionEncoding};
use crate::analysis::{self, Inputs};

pub fn code_actions(
    uri: &Uri,
    document: &DocumentSnapshot,
    range: Range,
    encoding: PositionEncoding,
    inputs: &Inputs,
) -> Option<CodeActionResponse> {
    let to_lsp = |r| encoding::range(&document.rope, r, encoding);
    let wanted = encoding::text_range(&document.rope, range, encoding);
    let found = cached_diagnostics(document, inputs);
    // The quick fixes first, then "ignore this diagnostic on this line" for each.
    let ignores = analysis::ignore_fixes(
        inputs.locale,
        &document.text,
        &document.file,
        &found,
        wanted,
    );
    let actions: CodeActionResponse = analysis::fixes(&found, wanted)
        .into_iter()
        .chain(ignores)
        .map(|fix| {
            let edits = fix
                .edits
                .iter()
                .map(|(at, new_text)| TextEdit {
                    range: to_lsp(*at),
                    new_text: new_text.clone(),
                })
                .collect();
            CodeActionOrCommand::CodeAction(CodeAction {
                title: plain_text(&fix.title),
                kind: Some(CodeActionKind::QUICKFIX),
                diagnostics: Some(vec![Diagnostic {
                    range: to_lsp(fix.diagnostic),
                    code: Some(NumberOrString::String(fix.code.as_str().to_owned())),
                    source: Some("podls".to_owned()),
                    message: plain_text(&fix.message),
                    ..Diagnostic::default()
                }]),
                edit: Some(WorkspaceEdit {
                    changes: Some(HashMap::from([(uri.clone(), edits)])),
                    ..WorkspaceEdit::default()
                }),
                is_preferred: fix.preferred.then_some(true),
                ..CodeAction::default()
            })
        })
        .collect();
    (!actions.is_empty()).then_some(actions)
}
