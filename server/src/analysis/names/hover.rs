//! Hover on a use of a name: what it points to — the volume's source, the port's number, the container's
//! image, the ConfigMap's keys — and in which file, when the declaration is in another one; in the
//! user's locale (`messages/names.rs`: the index keeps each detail as an unrendered `Message`).

use super::index::{NameKind, Role};
use super::links::{FileNames, Workspace};
use crate::messages::{Locale, names as msg};
use crate::syntax::TextRange;

/// Whether `offset` of the file `names` is on a use of a name: only then does a hover read the other files.
pub fn on_use(names: &FileNames, offset: usize) -> bool {
    let workspace = Workspace { files: vec![names] };
    workspace
        .symbol_at(offset)
        .is_some_and(|at| workspace.symbol(at).role == Role::Reference)
}

/// The Markdown for the use at `offset` and the name's range, in `locale`; `None` off a use. `file_name`
/// names a file of the workspace (the first is the hovered one).
pub fn hover(
    workspace: &Workspace,
    offset: usize,
    locale: Locale,
    file_name: impl Fn(usize) -> String,
) -> Option<(TextRange, String)> {
    let at = workspace.symbol_at(offset)?;
    let symbol = workspace.symbol(at);
    if symbol.role != Role::Reference {
        return None;
    }
    let what = symbol.kind.noun();
    let title = match &symbol.label_key {
        Some(key) => msg::hover_selects(key, &symbol.name),
        None => msg::hover_named(what.clone(), &symbol.name),
    };
    let lines: Vec<String> = workspace
        .declarations(at)
        .into_iter()
        .map(|r| {
            let declared = workspace.symbol(r);
            let detail = match &declared.detail {
                Some(detail) => detail.render(locale),
                None => format!("`{}`", declared.path),
            };
            let line = if r.file == 0 {
                detail
            } else {
                msg::declared_in_file(detail, file_name(r.file)).render(locale)
            };
            format!("- {line}")
        })
        .collect();
    let body = if lines.is_empty() {
        match symbol.kind {
            NameKind::ConfigMap
            | NameKind::Secret
            | NameKind::PersistentVolumeClaim
            | NameKind::ServiceAccount => msg::must_exist_in_cluster(what, &symbol.name),
            NameKind::Label => msg::no_pod_has_label(),
            _ => msg::nothing_declares(what),
        }
        .render(locale)
    } else {
        lines.join("\n")
    };
    Some((
        workspace.location(at).range,
        format!("**{}**\n\n{body}", title.render(locale)),
    ))
}
