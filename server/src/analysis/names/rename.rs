//! Rename a name everywhere: `prepare_rename` says whether the name under the cursor can be renamed (and
//! which text), `rename` gives the edits of every declaration and use, in every file, or refuses a new name
//! the API server would reject (each kind's format, as `ValidateVolumes`, `validateContainers`,
//! `validateContainerPorts` (`IsValidPortName`), `validateResourceClaimNames` and `ValidateObjectMeta` with
//! `NameIsDNSSubdomain` check it) or one the scope already declares.

use super::index::{NameKind, Role};
use super::links::{SymbolRef, Workspace};
use crate::analysis::diagnostics::format_error;
use crate::analysis::fixes::scalar_text;
use crate::messages::{Locale, names as msg};
use crate::syntax::TextRange;

/// The edits of a rename in one file of the workspace.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileEdits {
    pub file: usize,
    pub edits: Vec<(TextRange, String)>,
}

/// The format the API server checks a kind's names against (a `format` of the field table).
fn format_of(kind: NameKind) -> Option<&'static str> {
    match kind {
        NameKind::Volume | NameKind::Container | NameKind::ResourceClaim => Some("dns1123-label"),
        NameKind::Port => Some("iana-port-name"),
        NameKind::ConfigMap
        | NameKind::Secret
        | NameKind::PersistentVolumeClaim
        | NameKind::ServiceAccount => Some("dns1123-subdomain"),
        // A label is one pair of many in selectors (the workload's own `matchLabels` too): not renamed here.
        NameKind::Label => None,
    }
}

/// The name at `offset` and its range, or why it cannot be renamed (in `locale`); `Ok(None)` when the cursor
/// is on no name.
pub fn prepare_rename(
    workspace: &Workspace,
    offset: usize,
    locale: Locale,
) -> Result<Option<(TextRange, String)>, String> {
    let Some(at) = workspace.symbol_at(offset) else {
        return Ok(None);
    };
    let symbol = workspace.symbol(at);
    if format_of(symbol.kind).is_none() {
        let label = label(symbol.label_key.as_deref(), &symbol.name);
        return Err(msg::rename_label(label).render(locale));
    }
    Ok(Some((workspace.location(at).range, symbol.name.clone())))
}

fn label(key: Option<&str>, value: &str) -> String {
    format!("{}={value}", key.unwrap_or_default())
}

/// The edits that rename the name at `offset` to `new_name` in every file, or why not. `Ok(empty)` when the
/// cursor is on no name.
pub fn rename(
    workspace: &Workspace,
    offset: usize,
    new_name: &str,
    locale: Locale,
) -> Result<Vec<FileEdits>, String> {
    if prepare_rename(workspace, offset, locale)?.is_none() {
        return Ok(Vec::new());
    }
    let at = workspace.symbol_at(offset).expect("prepared");
    let symbol = workspace.symbol(at);
    let (kind, old) = (symbol.kind, symbol.name.as_str());
    let format = format_of(kind).expect("prepared");
    if let Some(rule) = format_error(format, new_name) {
        let refusal = msg::rename_invalid(kind.noun(), old, new_name, rule);
        return Err(refusal.render(locale));
    }
    let group = workspace.group(at);
    if new_name != old && taken(workspace, &group, new_name) {
        return Err(msg::rename_taken(kind.noun(), old, new_name).render(locale));
    }
    let mut out: Vec<FileEdits> = Vec::new();
    for r in group {
        let symbol = workspace.symbol(r);
        let text = if symbol.quoted {
            new_name.to_string()
        } else {
            // A plain scalar stays a string (`"123"` quoted, not the number 123).
            scalar_text(new_name, false)
        };
        let range = workspace.location(r).range;
        match out.last_mut().filter(|f| f.file == r.file) {
            Some(file) => file.edits.push((range, text)),
            None => out.push(FileEdits {
                file: r.file,
                edits: vec![(range, text)],
            }),
        }
    }
    Ok(out)
}

/// Whether a declaration beside one of the group's already has the new name (two volumes of one pod, two
/// ports of one container, two ConfigMaps of one namespace).
fn taken(workspace: &Workspace, group: &[SymbolRef], new_name: &str) -> bool {
    group
        .iter()
        .filter(|r| workspace.symbol(**r).role == Role::Declaration)
        .any(|r| workspace.declares_beside(*r, new_name))
}
