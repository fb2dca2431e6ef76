//! What the fuzz targets (fuzz/) and the property tests (fuzz_invariants.rs) check, written once: each
//! analysis runs without panicking and returns ranges inside the text, on char boundaries.
// Each fuzz target and property test uses a part of these.
#![allow(dead_code)]

pub mod targets;

use podls::analysis::{self, CompletionOptions, FileRole, Inputs};
use podls::syntax::{self, TextRange, YamlFile};

pub fn check_range(text: &str, range: TextRange, what: &str) {
    assert!(range.start <= range.end, "{what}: reversed {range:?}");
    assert!(
        range.end <= text.len(),
        "{what}: {range:?} past the end {}",
        text.len()
    );
    assert!(
        text.is_char_boundary(range.start) && text.is_char_boundary(range.end),
        "{what}: {range:?} splits a char"
    );
}

/// `offset` clamped to the text and moved back to a char boundary: what the LSP layer's position
/// conversion hands to the analyses (their contract).
pub fn snap(text: &str, offset: usize) -> usize {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

/// The inputs of a file in the role `byte` picks: a manifest, a Helm template, a kustomize patch or a
/// chart partial.
pub fn inputs_in_role(byte: u8) -> Inputs {
    let roles = [
        FileRole::Manifest,
        FileRole::Template,
        FileRole::Patch,
        FileRole::NotManifest,
    ];
    Inputs {
        role: roles[byte as usize % roles.len()],
        ..Inputs::default()
    }
}

/// Runs every analysis at `offset` (snapped to a char boundary) and checks what they return.
pub fn analyse_at(text: &str, file: &YamlFile, offset: usize) {
    analyse_with(&Inputs::default(), text, file, offset);
}

/// As [`analyse_at`], under `inputs` (a file role, a project configuration).
pub fn analyse_with(inputs: &Inputs, text: &str, file: &YamlFile, offset: usize) {
    let offset = snap(text, offset);
    if let Some(doc) = file.document_at(offset) {
        let _ = syntax::locate(text, doc, offset);
    }
    if let Some(hover) = analysis::hover(inputs, text, file, offset) {
        check_range(text, hover.range, "hover");
    }
    for trigger in [None, Some(' '), Some(':'), Some('-')] {
        let options = CompletionOptions {
            trigger,
            ..CompletionOptions::default()
        };
        if let Some(list) = analysis::completions(inputs, text, file, offset, options) {
            for item in &list.items {
                check_range(text, item.edit.range, "completion edit");
            }
        }
    }
    for range in analysis::selection_ranges(text, file, offset) {
        check_range(text, range, "selection range");
    }
    let found = analysis::diagnostics(inputs, text, file);
    for fix in analysis::fixes(&found, TextRange::new(offset, offset)) {
        check_range(text, fix.diagnostic, "fixed diagnostic");
        for (range, _) in &fix.edits {
            check_range(text, *range, "fix edit");
        }
    }
}

/// Diagnostics and every whole-file analysis (outline, folds, lenses, inlay hints), with their ranges
/// checked.
pub fn diagnose(text: &str, file: &YamlFile) {
    diagnose_with(&Inputs::default(), text, file);
}

/// As [`diagnose`], under `inputs`.
pub fn diagnose_with(inputs: &Inputs, text: &str, file: &YamlFile) {
    for diagnostic in analysis::diagnostics(inputs, text, file) {
        check_range(text, diagnostic.range, "diagnostic");
        for (range, _) in &diagnostic.related {
            check_range(text, *range, "related information");
        }
    }
    fn symbols(text: &str, found: &[analysis::Symbol]) {
        for symbol in found {
            check_range(text, symbol.range, "symbol");
            check_range(text, symbol.selection, "symbol selection");
            symbols(text, &symbol.children);
        }
    }
    symbols(text, &analysis::outline(inputs, text, file));
    for fold in analysis::folding_ranges(inputs, text, file) {
        check_range(text, fold.range, "fold");
    }
    for lens in analysis::code_lenses(inputs, text, file) {
        check_range(text, lens.range, "code lens");
    }
    let whole = TextRange::new(0, text.len());
    for hint in analysis::inlay_hints(inputs, text, file, whole, Default::default()) {
        check_range(text, TextRange::empty(hint.at), "inlay hint");
    }
}
