//! `textDocument/completion`: the items of `analysis::completions`, with their byte ranges converted to the
//! negotiated encoding, as snippets only for clients that say they take them, with absolute indentation and
//! `insertTextMode: asIs` for clients that honour it (relative to the cursor's line for the others).

use tower_lsp_server::ls_types::{
    ClientCapabilities, CompletionItem, CompletionItemKind, CompletionList, CompletionOptions,
    CompletionParams, CompletionResponse, CompletionTextEdit, CompletionTriggerKind, Documentation,
    InsertTextFormat, InsertTextMode, MarkupContent, MarkupKind, TextEdit,
};

use super::documents::DocumentSnapshot;
use super::encoding::{self, PositionEncoding};
use crate::analysis::{self, CompletionKind, Inputs};

/// The indentation width when neither the document nor the client tells (Kubernetes' own examples use 2).
const DEFAULT_TAB_SIZE: usize = 2;

/// What the client said at `initialize` about completion items.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ClientSupport {
    pub snippets: bool,
    /// Items carry absolute indentation: the client honours `insertTextMode: asIs` on items (VS Code), or
    /// inserts as is by default, or (taking neither snippets nor any insert mode) applies edits verbatim.
    pub as_is: bool,
    /// Items say `insertTextMode: asIs` (the client declared it honours that).
    pub mark_as_is: bool,
}

impl ClientSupport {
    pub fn from_capabilities(capabilities: &ClientCapabilities) -> ClientSupport {
        let completion = capabilities
            .text_document
            .as_ref()
            .and_then(|text| text.completion.as_ref());
        let item = completion.and_then(|completion| completion.completion_item.as_ref());
        let snippets = item.and_then(|item| item.snippet_support).unwrap_or(false);
        let modes = item.and_then(|item| item.insert_text_mode_support.as_ref());
        let default_mode = completion.and_then(|completion| completion.insert_text_mode);
        let mark_as_is =
            modes.is_some_and(|modes| modes.value_set.contains(&InsertTextMode::AS_IS));
        let verbatim = !snippets && modes.is_none() && default_mode.is_none();
        ClientSupport {
            snippets,
            as_is: mark_as_is || default_mode == Some(InsertTextMode::AS_IS) || verbatim,
            mark_as_is,
        }
    }
}

/// The capability: a blank after `key:` asks for values, a `-` starts an item.
pub fn capability() -> CompletionOptions {
    CompletionOptions {
        trigger_characters: Some(vec![" ".to_owned(), "-".to_owned(), ":".to_owned()]),
        ..CompletionOptions::default()
    }
}

pub fn completion(
    document: &DocumentSnapshot,
    params: &CompletionParams,
    encoding: PositionEncoding,
    inputs: &Inputs,
    client: ClientSupport,
) -> Option<CompletionResponse> {
    let position = params.text_document_position.position;
    let offset = encoding::offset(&document.rope, position, encoding);
    let trigger = params
        .context
        .as_ref()
        .filter(|context| context.trigger_kind == CompletionTriggerKind::TRIGGER_CHARACTER)
        .and_then(|context| context.trigger_character.as_deref())
        .and_then(|c| c.chars().next());
    let options = analysis::CompletionOptions {
        snippets: client.snippets,
        as_is: client.as_is,
        tab_size: DEFAULT_TAB_SIZE,
        trigger,
        file_indentation: Some(document.split.indent_style()),
    };
    // The document at the cursor alone, on its own text: the rest of the file is neither read nor joined.
    let at = document.document_at(offset)?;
    let list = analysis::completions(inputs, &at.text, &at.file, at.local(offset), options)?;
    let items = list
        .items
        .into_iter()
        .map(|item| CompletionItem {
            label: item.label,
            kind: Some(match item.kind {
                CompletionKind::Field => CompletionItemKind::FIELD,
                CompletionKind::Value => CompletionItemKind::ENUM_MEMBER,
                CompletionKind::Snippet => CompletionItemKind::SNIPPET,
            }),
            detail: item.detail,
            documentation: item.documentation.map(|value| {
                Documentation::MarkupContent(MarkupContent {
                    kind: MarkupKind::Markdown,
                    value,
                })
            }),
            sort_text: Some(item.sort_text),
            filter_text: item.filter_text,
            preselect: item.preselect.then_some(true),
            // Absolute columns, inserted as they are; otherwise the client's default (adjust to the line).
            insert_text_mode: client.mark_as_is.then_some(InsertTextMode::AS_IS),
            insert_text_format: Some(if item.is_snippet {
                InsertTextFormat::SNIPPET
            } else {
                InsertTextFormat::PLAIN_TEXT
            }),
            text_edit: Some(CompletionTextEdit::Edit(TextEdit {
                range: encoding::range(&document.rope, at.in_file(item.edit.range), encoding),
                new_text: item.edit.new_text,
            })),
            ..CompletionItem::default()
        })
        .collect();
    Some(CompletionResponse::List(CompletionList {
        is_incomplete: list.is_incomplete,
        items,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn support(capabilities: serde_json::Value) -> ClientSupport {
        ClientSupport::from_capabilities(&serde_json::from_value(capabilities).unwrap())
    }

    #[test]
    fn absolute_indentation_only_for_clients_that_insert_as_is() {
        // VS Code: snippets, and it honours asIs on items.
        let vs_code = support(serde_json::json!({"textDocument": {"completion": {
            "completionItem": {"snippetSupport": true, "insertTextModeSupport": {"valueSet": [1, 2]}},
            "insertTextMode": 2
        }}}));
        assert_eq!(
            vs_code,
            ClientSupport {
                snippets: true,
                as_is: true,
                mark_as_is: true
            }
        );
        // Neovim 0.11: snippets, no insert modes; `vim.snippet` adds the line's indentation.
        let neovim = support(serde_json::json!({"textDocument": {"completion": {
            "completionItem": {"snippetSupport": true}
        }}}));
        assert_eq!(
            neovim,
            ClientSupport {
                snippets: true,
                as_is: false,
                mark_as_is: false
            }
        );
        // A client that adjusts by default but says nothing of asIs on items.
        let adjusting =
            support(serde_json::json!({"textDocument": {"completion": {"insertTextMode": 2}}}));
        assert!(!adjusting.as_is);
        // One that inserts as is by default, or says nothing at all (edits applied verbatim).
        let verbatim =
            support(serde_json::json!({"textDocument": {"completion": {"insertTextMode": 1}}}));
        assert!(verbatim.as_is && !verbatim.mark_as_is);
        assert!(support(serde_json::json!({})).as_is);
    }
}
