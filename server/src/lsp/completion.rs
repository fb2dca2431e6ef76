//! `textDocument/completion`: the items of `analysis::completions`, with their byte ranges converted to the
//! negotiated encoding, as snippets only for clients that say they take them.

use tower_lsp_server::ls_types::{
    ClientCapabilities, CompletionItem, CompletionItemKind, CompletionList, CompletionOptions,
    CompletionParams, CompletionResponse, CompletionTextEdit, CompletionTriggerKind, Documentation,
    InsertTextFormat, MarkupContent, MarkupKind, TextEdit,
};

use super::documents::DocumentSnapshot;
use super::encoding::{self, PositionEncoding};
use crate::analysis::{self, CompletionKind};
use crate::schema::Locale;

/// The indentation width when neither the document nor the client tells (Kubernetes' own examples use 2).
const DEFAULT_TAB_SIZE: usize = 2;

/// What the client said at `initialize` about completion items.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ClientSupport {
    pub snippets: bool,
}

impl ClientSupport {
    pub fn from_capabilities(capabilities: &ClientCapabilities) -> ClientSupport {
        let snippets = capabilities
            .text_document
            .as_ref()
            .and_then(|text| text.completion.as_ref())
            .and_then(|completion| completion.completion_item.as_ref())
            .and_then(|item| item.snippet_support)
            .unwrap_or(false);
        ClientSupport { snippets }
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
    locale: Locale,
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
        tab_size: DEFAULT_TAB_SIZE,
        locale,
        trigger,
    };
    let list = analysis::completions(&document.text, &document.file, offset, options)?;
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
            insert_text_format: Some(if item.is_snippet {
                InsertTextFormat::SNIPPET
            } else {
                InsertTextFormat::PLAIN_TEXT
            }),
            text_edit: Some(CompletionTextEdit::Edit(TextEdit {
                range: encoding::range(&document.rope, item.edit.range, encoding),
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
