//! What a diagnostic is: a range, a severity, a code of the closed list in `code.rs`, a message that says
//! what is allowed, the field path it is about, related places and its quick fixes.

use super::code::Code;
use crate::analysis::fixes::Proposal;
use crate::syntax::{FieldPath, TextRange};

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    Error,
    Warning,
    Information,
    Hint,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    pub range: TextRange,
    pub severity: Severity,
    pub code: Code,
    pub message: String,
    /// Other places that explain this one (the first occurrence of a duplicate, ...).
    pub related: Vec<(TextRange, String)>,
    /// The field path the diagnostic is about (`spec.containers[0].image`), when there is one.
    pub path: Option<FieldPath>,
    /// Quick fixes for this diagnostic, computed with it (the tree that explains it is at hand here).
    pub fixes: Vec<Fix>,
}

/// A quick fix: text edits (byte ranges of the original text) that resolve one diagnostic.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fix {
    pub title: String,
    /// Non-overlapping edits, applied together.
    pub edits: Vec<(TextRange, String)>,
    /// The one obvious fix (an editor may apply it with a single keystroke).
    pub preferred: bool,
    /// The code, range and message of the diagnostic this fixes.
    pub code: Code,
    pub diagnostic: TextRange,
    pub message: String,
}

impl Diagnostic {
    pub(crate) fn new(
        severity: Severity,
        code: Code,
        range: TextRange,
        message: impl Into<String>,
    ) -> Self {
        Diagnostic {
            range,
            severity,
            code,
            message: message.into(),
            related: Vec::new(),
            path: None,
            fixes: Vec::new(),
        }
    }

    pub(crate) fn error(code: Code, range: TextRange, message: impl Into<String>) -> Self {
        Diagnostic::new(Severity::Error, code, range, message)
    }

    pub(crate) fn warning(code: Code, range: TextRange, message: impl Into<String>) -> Self {
        Diagnostic::new(Severity::Warning, code, range, message)
    }

    pub(crate) fn at(mut self, path: FieldPath) -> Self {
        self.path = Some(path);
        self
    }

    pub(crate) fn related(mut self, range: TextRange, message: impl Into<String>) -> Self {
        self.related.push((range, message.into()));
        self
    }

    /// Attaches the fixes a builder of `analysis::fixes` proposed.
    pub(crate) fn with_fixes(self, proposals: impl IntoIterator<Item = Proposal>) -> Self {
        proposals.into_iter().fold(self, Diagnostic::fix_with)
    }

    pub(crate) fn fix_with(self, proposal: Proposal) -> Self {
        self.fix(proposal.title, proposal.edits, proposal.preferred)
    }

    pub(crate) fn fix(
        mut self,
        title: impl Into<String>,
        edits: Vec<(TextRange, String)>,
        preferred: bool,
    ) -> Self {
        self.fixes.push(Fix {
            title: title.into(),
            edits,
            preferred,
            code: self.code,
            diagnostic: self.range,
            message: self.message.clone(),
        });
        self
    }
}

/// The fixes for every diagnostic whose range touches `range` (a cursor is an empty range). The caller
/// passes the file's diagnostics (the language server its cached ones): nothing is analysed again.
pub fn fixes(diagnostics: &[Diagnostic], range: TextRange) -> Vec<Fix> {
    touching(diagnostics, range)
        .flat_map(|d| d.fixes.iter().cloned())
        .collect()
}

/// The diagnostics whose range touches `range`.
pub(super) fn touching(
    diagnostics: &[Diagnostic],
    range: TextRange,
) -> impl Iterator<Item = &Diagnostic> {
    diagnostics
        .iter()
        .filter(move |d| d.range.start <= range.end && range.start <= d.range.end)
}
