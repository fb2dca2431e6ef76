//! `textDocument/hover`: the field docs from `analysis::hover`, as markdown, with the hovered key's range;
//! on a use of a name (a mount's volume, a probe's port, a ConfigMap), first what it points to.

use tower_lsp_server::ls_types::{Hover, HoverContents, MarkupContent, MarkupKind, Position};

use super::documents::DocumentSnapshot;
use super::encoding;
use super::names::NameFiles;
use crate::analysis::{self, Inputs, names};

pub fn hover(
    document: &DocumentSnapshot,
    files: &NameFiles,
    position: Position,
    inputs: &Inputs,
) -> Option<Hover> {
    let offset = encoding::offset(&document.rope, position, files.encoding);
    // The document at the cursor alone, on its own text.
    let field = document.document_at(offset).and_then(|at| {
        let mut field = analysis::hover(inputs, &at.text, &at.file, at.local(offset))?;
        field.range = at.in_file(field.range);
        Some(field)
    });
    let name = names::name_hover(&files.workspace(), offset, inputs.locale, |file| {
        files.file_name(file)
    });
    let (range, markdown) = match (name, field) {
        (Some((range, target)), Some(field)) => {
            (range, format!("{target}\n\n---\n\n{}", field.markdown))
        }
        (Some((range, target)), None) => (range, target),
        (None, Some(field)) => (field.range, field.markdown),
        (None, None) => return None,
    };
    Some(Hover {
        contents: HoverContents::Markup(MarkupContent {
            kind: MarkupKind::Markdown,
            value: markdown,
        }),
        range: Some(encoding::range(&document.rope, range, files.encoding)),
    })
}
