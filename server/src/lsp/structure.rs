//! What the client takes in the structure features' answers (outline, folding), read once at
//! `initialize`: nested or flat symbols, whole-line folds only, the closed fold's own text.

use tower_lsp_server::ls_types::ClientCapabilities;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ClientSupport {
    /// `DocumentSymbol` trees; without it, the flat `SymbolInformation` list LSP 3.0 clients read.
    pub nested_symbols: bool,
    /// Folds take whole lines (a fold's characters are then left out).
    pub line_folding_only: bool,
    /// The client shows a fold's `collapsedText` when closed.
    pub collapsed_text: bool,
}

impl ClientSupport {
    pub fn from_capabilities(capabilities: &ClientCapabilities) -> ClientSupport {
        let text = capabilities.text_document.as_ref();
        let symbols = text.and_then(|t| t.document_symbol.as_ref());
        let folding = text.and_then(|t| t.folding_range.as_ref());
        ClientSupport {
            nested_symbols: symbols
                .and_then(|s| s.hierarchical_document_symbol_support)
                .unwrap_or(false),
            line_folding_only: folding.and_then(|f| f.line_folding_only).unwrap_or(false),
            collapsed_text: folding
                .and_then(|f| f.folding_range.as_ref())
                .and_then(|f| f.collapsed_text)
                .unwrap_or(false),
        }
    }
}
