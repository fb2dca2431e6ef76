//! `textDocument/documentSymbol`: `analysis::outline` as `DocumentSymbol` trees, or flattened into
//! `SymbolInformation` (each with its container's name) for clients without nested symbols.

use tower_lsp_server::ls_types::{
    DocumentSymbol, DocumentSymbolResponse, Location, SymbolInformation, SymbolKind, Uri,
};

use super::documents::DocumentSnapshot;
use super::encoding::{self, PositionEncoding};
use super::structure::ClientSupport;
use crate::analysis::{self, Inputs, Symbol};

pub fn document_symbols(
    uri: &Uri,
    document: &DocumentSnapshot,
    encoding: PositionEncoding,
    support: ClientSupport,
    inputs: &Inputs,
) -> Option<DocumentSymbolResponse> {
    let symbols = analysis::outline(inputs, &document.text, &document.file);
    if symbols.is_empty() {
        return None;
    }
    if support.nested_symbols {
        let nested = symbols
            .iter()
            .map(|s| nested(document, encoding, s))
            .collect();
        return Some(DocumentSymbolResponse::Nested(nested));
    }
    let mut flat = Vec::new();
    for symbol in &symbols {
        flatten(uri, document, encoding, symbol, None, &mut flat);
    }
    Some(DocumentSymbolResponse::Flat(flat))
}

fn nested(
    document: &DocumentSnapshot,
    encoding: PositionEncoding,
    symbol: &Symbol,
) -> DocumentSymbol {
    let range = |r| encoding::range(&document.rope, r, encoding);
    #[allow(deprecated)] // `deprecated` has no default: it must be spelt out
    DocumentSymbol {
        name: symbol.name.clone(),
        detail: symbol.detail.clone(),
        kind: kind(symbol.kind),
        tags: None,
        deprecated: None,
        range: range(symbol.range),
        selection_range: range(symbol.selection),
        children: (!symbol.children.is_empty()).then(|| {
            symbol
                .children
                .iter()
                .map(|child| nested(document, encoding, child))
                .collect()
        }),
    }
}

fn flatten(
    uri: &Uri,
    document: &DocumentSnapshot,
    encoding: PositionEncoding,
    symbol: &Symbol,
    container: Option<&str>,
    out: &mut Vec<SymbolInformation>,
) {
    #[allow(deprecated)] // `deprecated` has no default: it must be spelt out
    out.push(SymbolInformation {
        name: symbol.name.clone(),
        kind: kind(symbol.kind),
        tags: None,
        deprecated: None,
        location: Location {
            uri: uri.clone(),
            range: encoding::range(&document.rope, symbol.range, encoding),
        },
        container_name: container.map(str::to_owned),
    });
    for child in &symbol.children {
        flatten(uri, document, encoding, child, Some(&symbol.name), out);
    }
}

/// The icons editors show: an object is a module of the manifest, a container a class of it (its init and
/// ephemeral kin a constructor and an event), storage a file, a port an interface.
fn kind(kind: analysis::SymbolKind) -> SymbolKind {
    match kind {
        analysis::SymbolKind::Object => SymbolKind::MODULE,
        analysis::SymbolKind::Container => SymbolKind::CLASS,
        analysis::SymbolKind::InitContainer => SymbolKind::CONSTRUCTOR,
        analysis::SymbolKind::EphemeralContainer => SymbolKind::EVENT,
        analysis::SymbolKind::Volume | analysis::SymbolKind::ClaimTemplate => SymbolKind::FILE,
        analysis::SymbolKind::Port => SymbolKind::INTERFACE,
        analysis::SymbolKind::Mount => SymbolKind::PROPERTY,
    }
}
