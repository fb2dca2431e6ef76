//! Quick fixes: the fixes of the diagnostics that touch a range. Each diagnostic computes its own fixes
//! (where the tree that explains it is at hand): replace an unknown key or enum value with the suggestion,
//! add a missing required field at the mapping's indentation, unquote a quoted number, remove a duplicate
//! key, quote a YAML 1.1 boolean. The caller passes the file's diagnostics (the language server its
//! cached ones), so asking for fixes never analyses the file again.

use super::diagnostics::{Diagnostic, Fix};
use crate::syntax::TextRange;

/// The fixes for every diagnostic whose range touches `range` (a cursor is an empty range).
pub fn fixes(diagnostics: &[Diagnostic], range: TextRange) -> Vec<Fix> {
    diagnostics
        .iter()
        .filter(|d| d.range.start <= range.end && range.start <= d.range.end)
        .flat_map(|d| d.fixes.iter().cloned())
        .collect()
}

#[cfg(test)]
mod tests;
