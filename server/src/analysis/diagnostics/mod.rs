//! Diagnostics: what is wrong in a file, each with its range, severity, stable code and a message that says
//! what is allowed. Tiers as a person fixes them: syntax first, then structure (duplicate keys), then the Pod
//! rules, which `walk` applies field by field against the field table. No LSP types here.

mod cache;
mod conflicts;
mod devices;
mod duplicate_keys;
mod enums;
mod names;
mod os;
mod paths;
mod policies;
mod projected;
mod quantity;
mod ranges;
mod references;
mod required;
mod syntax;
mod sysctls;
mod types;
mod unknown_fields;
mod value;
mod walk;
mod warnings;

#[cfg(test)]
mod tests;

use crate::schema::Schema;
use crate::syntax::{Document, NodeId, PathSegment, TextRange, YamlFile, dotted};

use super::document_kind::{DocumentKind, document_kind};

pub use cache::DiagnosticsCache;
pub(crate) use quantity::parse_quantity;

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
    pub code: &'static str,
    pub diagnostic: TextRange,
    pub message: String,
}

impl Diagnostic {
    pub(crate) fn new(
        severity: Severity,
        code: &'static str,
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

    pub(crate) fn error(code: &'static str, range: TextRange, message: impl Into<String>) -> Self {
        Diagnostic::new(Severity::Error, code, range, message)
    }

    pub(crate) fn warning(
        code: &'static str,
        range: TextRange,
        message: impl Into<String>,
    ) -> Self {
        Diagnostic::new(Severity::Warning, code, range, message)
    }

    pub(crate) fn at(mut self, path: &[PathSegment]) -> Self {
        self.path = Some(dotted(path));
        self
    }

    pub(crate) fn related(mut self, range: TextRange, message: impl Into<String>) -> Self {
        self.related.push((range, message.into()));
        self
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

/// What every rule sees: the text, the document and the field table.
pub(crate) struct Context<'a> {
    pub text: &'a str,
    pub doc: &'a Document,
    pub schema: &'static Schema,
    /// Whether the whole document parsed. Rules about what is *absent* (required fields, references) stay
    /// quiet in a broken document: its tree stops at the error.
    pub complete: bool,
}

impl Context<'_> {
    /// The source text of a node.
    pub fn source(&self, id: NodeId) -> &str {
        &self.text[self.doc.node(id).range.as_range()]
    }
}

pub fn diagnostics(text: &str, file: &YamlFile) -> Vec<Diagnostic> {
    file.documents
        .iter()
        .flat_map(|doc| document_diagnostics(text, doc))
        .collect()
}

/// The diagnostics of one `---` document, sorted by position. They depend on the document's own text only
/// (which `DiagnosticsCache` relies on).
pub fn document_diagnostics(text: &str, doc: &Document) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    syntax::check(doc, &mut out);
    duplicate_keys::check(text, doc, &mut out);
    if document_kind(text, doc) == DocumentKind::Pod && doc.root.is_some() {
        let cx = Context {
            text,
            doc,
            schema: Schema::embedded(),
            complete: doc.errors.is_empty(),
        };
        walk::check_pod(&cx, &mut out);
    }
    out.sort_by_key(|d| (d.range.start, d.range.end, d.severity));
    out
}

/// `a`, `a` or `b`, `a`, `b` or `c`: a list of allowed values as a sentence.
pub(crate) fn one_of(values: &[impl AsRef<str>]) -> String {
    let quoted: Vec<String> = values
        .iter()
        .map(|v| match v.as_ref() {
            "" => "\"\"".to_string(),
            v => format!("`{v}`"),
        })
        .collect();
    match quoted.as_slice() {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} or {last}", init.join(", ")),
    }
}

/// `new` written in the same quoting as `old` (a key in a JSON file stays quoted).
pub(crate) fn requote(old: &str, new: &str) -> String {
    match old.chars().next() {
        Some(q @ ('"' | '\'')) => format!("{q}{new}{q}"),
        _ => new.to_string(),
    }
}
