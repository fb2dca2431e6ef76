//! Hover on a use of a name: what it points to — the volume's source, the port's number, the container's
//! image, the ConfigMap's keys — and in which file, when the declaration is in another one.

use super::index::{NameKind, Role};
use super::links::{FileNames, Workspace};
use crate::syntax::TextRange;

/// Whether `offset` of the file `names` is on a use of a name: only then does a hover read the other files.
pub fn on_use(names: &FileNames, offset: usize) -> bool {
    let workspace = Workspace { files: vec![names] };
    workspace
        .symbol_at(offset)
        .is_some_and(|at| workspace.symbol(at).role == Role::Reference)
}

/// The Markdown for the use at `offset` and the name's range; `None` off a use. `file_name` names a file
/// of the workspace (the first is the hovered one).
pub fn hover(
    workspace: &Workspace,
    offset: usize,
    file_name: impl Fn(usize) -> String,
) -> Option<(TextRange, String)> {
    let at = workspace.symbol_at(offset)?;
    let symbol = workspace.symbol(at);
    if symbol.role != Role::Reference {
        return None;
    }
    let what = symbol.kind.describe();
    let title = match (&symbol.label_key, symbol.kind) {
        (Some(key), _) => format!("selects pods labelled `{key}: {}`", symbol.name),
        (None, NameKind::Port) => format!("port `{}`", symbol.name),
        (None, _) => format!("{what} `{}`", symbol.name),
    };
    let lines: Vec<String> = workspace
        .declarations(at)
        .into_iter()
        .map(|r| {
            let declared = workspace.symbol(r);
            let detail = declared
                .detail
                .clone()
                .unwrap_or_else(|| format!("`{}`", declared.path));
            let place = if r.file == 0 {
                String::new()
            } else {
                format!(" (in `{}`)", file_name(r.file))
            };
            format!("- {detail}{place}")
        })
        .collect();
    let body = if lines.is_empty() {
        match symbol.kind {
            NameKind::ConfigMap
            | NameKind::Secret
            | NameKind::PersistentVolumeClaim
            | NameKind::ServiceAccount => format!(
                "No {what} `{}` in this file, the open documents or the workspace: it must exist in the cluster.",
                symbol.name
            ),
            NameKind::Label => "No pod or template of the workspace has this label.".to_string(),
            _ => format!("Nothing declares this {what}."),
        }
    } else {
        lines.join("\n")
    };
    Some((
        workspace.location(at).range,
        format!("**{title}**\n\n{body}"),
    ))
}
