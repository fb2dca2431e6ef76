//! `textDocument/codeLens`: the Pod facts of `analysis::code_lenses` (QoS class, the scheduler's requests
//! and limits) above each pod spec. They are read-only facts: each lens's command has a title and no
//! command to run, which editors show as plain text.

use tower_lsp_server::ls_types::{CodeLens, Command};

use super::documents::DocumentSnapshot;
use super::encoding::{self, PositionEncoding};
use crate::analysis::{self, Inputs};

pub fn code_lenses(
    document: &DocumentSnapshot,
    encoding: PositionEncoding,
    inputs: &Inputs,
) -> Option<Vec<CodeLens>> {
    let lenses = analysis::code_lenses(inputs, &document.text, &document.file);
    if lenses.is_empty() {
        return None;
    }
    let lenses = lenses
        .into_iter()
        .map(|lens| CodeLens {
            range: encoding::range(&document.rope, lens.range, encoding),
            command: Some(Command {
                title: lens.title,
                command: String::new(),
                arguments: None,
            }),
            data: None,
        })
        .collect();
    Some(lenses)
}
