//! Completion: what may be typed at the cursor of a Pod document — the keys the field table allows in the
//! mapping there, the values a field accepts, and skeletons of whole objects. Pure functions over the text
//! and its parsed documents; byte ranges in, plain items out. The protocol layer decides how to send them.

mod indent;
mod keys;
mod snippets;
mod values;

use crate::schema::{FieldType, Locale, Schema};
use crate::syntax::{CursorLine, CursorSlot, PathSegment, TextRange, YamlFile, lines, locate};

use super::{DocumentKind, PodRoot, document_kind, pod_root, schema_at};
pub use indent::Indentation;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CompletionOptions {
    /// The client understands `$0` / `${1:default}` placeholders.
    pub snippets: bool,
    /// The client's indentation width, used when the document shows none of its own.
    pub tab_size: usize,
    pub locale: Locale,
    /// The character whose typing asked for completion, if one did.
    pub trigger: Option<char>,
}

impl Default for CompletionOptions {
    fn default() -> Self {
        CompletionOptions {
            snippets: true,
            tab_size: 2,
            locale: Locale::En,
            trigger: None,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CompletionKind {
    Field,
    Value,
    Snippet,
}

/// Replace `range` (byte offsets into the file) with `new_text`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TextEdit {
    pub range: TextRange,
    pub new_text: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CompletionItem {
    pub label: String,
    pub kind: CompletionKind,
    pub detail: Option<String>,
    /// Markdown, in the user's language (the same text hover shows).
    pub documentation: Option<String>,
    pub sort_text: String,
    /// What the client matches the typed text against, when it is not the label (a quoted value).
    pub filter_text: Option<String>,
    pub edit: TextEdit,
    /// `edit.new_text` holds snippet placeholders.
    pub is_snippet: bool,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CompletionList {
    pub items: Vec<CompletionItem>,
    /// Always false today: every list is complete for its position, and the client filters it as the user
    /// types on.
    pub is_incomplete: bool,
}

/// Everything the feature files need to know about where the cursor is.
pub(crate) struct Site<'a> {
    pub text: &'a str,
    pub schema: &'static Schema,
    pub root: PodRoot,
    pub doc: &'a crate::syntax::Document,
    pub path: Vec<PathSegment>,
    pub range: TextRange,
    pub siblings: Vec<String>,
    pub flow: bool,
    /// What the cursor's line shows around `range`.
    pub line: CursorLine,
    pub indentation: Indentation,
    pub options: CompletionOptions,
}

impl Site<'_> {
    /// The column (in bytes) where the text being replaced starts: the key's column for a new key.
    pub fn column(&self) -> usize {
        self.line.column
    }

    /// The type of the value at `path`, when the table knows it.
    pub fn type_at(&self, path: &[PathSegment]) -> Option<&'static FieldType> {
        schema_at(self.schema, &self.root, path).map(|resolved| resolved.ty)
    }
}

/// The completions at byte `offset` of `text`, or `None` where nothing can be typed (a comment, a block
/// scalar, a free-form value, a level the table does not know, a document that is not a Pod).
pub fn completions(
    text: &str,
    file: &YamlFile,
    offset: usize,
    options: CompletionOptions,
) -> Option<CompletionList> {
    let offset = offset.min(text.len());
    if !options
        .trigger
        .is_none_or(|c| lines::trigger_fits(text, offset, c))
    {
        return None;
    }
    let schema = Schema::embedded();
    let doc = file.document_at(offset)?;
    let root = pod_root(text, doc)?;
    let mut context = locate(text, doc, offset);
    let indentation = Indentation::detect(text, doc.range, options.tab_size);
    let mut site = Site {
        text,
        schema,
        root,
        doc,
        path: std::mem::take(&mut context.path),
        range: context.range,
        siblings: std::mem::take(&mut context.siblings),
        flow: context.flow,
        line: std::mem::take(&mut context.line),
        indentation,
        options,
    };
    if context.slot == CursorSlot::Value && starts_a_mapping(&site) {
        // A lone word where an object belongs (`- ima`, `ap` in an empty document) is a key being typed.
        let typed = text[site.range.as_range()].to_string();
        site.path.push(PathSegment::Key(typed));
        context.slot = CursorSlot::Key;
    }
    let mut items = match context.slot {
        CursorSlot::Nothing => return None,
        CursorSlot::Key => {
            let mut items = keys::key_items(&site);
            items.extend(snippets::snippet_items(
                &site,
                document_kind(text, doc) == DocumentKind::Untyped,
            ));
            items
        }
        CursorSlot::Value => values::value_items(&site),
    };
    items.sort_by(|a, b| a.sort_text.cmp(&b.sort_text));
    (!items.is_empty()).then_some(CompletionList {
        items,
        is_incomplete: false,
    })
}

/// Whether the value under the cursor is a single plain word (or nothing) where the table wants an object:
/// the document root, or an item of a list of objects.
fn starts_a_mapping(site: &Site<'_>) -> bool {
    let at_item = matches!(site.path.last(), None | Some(PathSegment::Index(_)));
    let word = &site.text[site.range.as_range()];
    at_item
        && !site.flow
        && !word.contains(|c: char| c.is_whitespace() || "\"'{[:#".contains(c))
        && matches!(site.type_at(&site.path), Some(FieldType::Object(_)))
}

#[cfg(test)]
mod tests;
