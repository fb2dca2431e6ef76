//! Go to definition, find references and document highlights of the name under the cursor: from a use to
//! what declares it (in this file or another), from a declaration to every use, as `links` groups them.

use super::index::Role;
use super::links::{Location, Workspace};
use crate::syntax::TextRange;

/// Where the name at `offset` is declared (the declaration itself when the cursor is on one). Empty when the
/// cursor is on no name or nothing declares it.
pub fn definition(workspace: &Workspace, offset: usize) -> Vec<Location> {
    let Some(at) = workspace.symbol_at(offset) else {
        return Vec::new();
    };
    workspace
        .declarations(at)
        .into_iter()
        .map(|r| workspace.location(r))
        .collect()
}

/// Every use of the name at `offset`, and its declarations when `include_declaration`.
pub fn references(
    workspace: &Workspace,
    offset: usize,
    include_declaration: bool,
) -> Vec<Location> {
    let Some(at) = workspace.symbol_at(offset) else {
        return Vec::new();
    };
    workspace
        .group(at)
        .into_iter()
        .filter(|r| include_declaration || workspace.symbol(*r).role == Role::Reference)
        .map(|r| workspace.location(r))
        .collect()
}

/// The declarations and uses of the name at `offset` in the first file, each with its role.
pub fn highlights(workspace: &Workspace, offset: usize) -> Vec<(TextRange, Role)> {
    let Some(at) = workspace.symbol_at(offset) else {
        return Vec::new();
    };
    workspace
        .group(at)
        .into_iter()
        .filter(|r| r.file == 0)
        .map(|r| (workspace.location(r).range, workspace.symbol(r).role))
        .collect()
}
