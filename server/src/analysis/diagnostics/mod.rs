//! Diagnostics: what is wrong in a file, each with its range, severity, stable code and a message that says
//! what is allowed. Tiers as a person fixes them: syntax first, then structure, then the Pod rules.

use crate::syntax::{TextRange, YamlFile};

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
    /// Stable, kebab-case: `yaml-syntax`, `unknown-field`, ...
    pub code: &'static str,
    pub message: String,
    /// Other places that explain this one (the first occurrence of a duplicate, ...).
    pub related: Vec<(TextRange, String)>,
    /// The field path the diagnostic is about (`spec.containers[0].image`), when there is one.
    pub path: Option<String>,
}

pub fn diagnostics(_text: &str, file: &YamlFile) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for doc in &file.documents {
        for error in &doc.errors {
            out.push(Diagnostic {
                range: error.range,
                severity: Severity::Error,
                code: "yaml-syntax",
                message: error.message.clone(),
                related: Vec::new(),
                path: None,
            });
        }
    }
    out
}
