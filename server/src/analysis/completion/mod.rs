//! Completion: what may be typed at the cursor of a Pod document — the keys the field table allows in the
//! mapping there, the values a field accepts, and skeletons of whole objects. Pure functions over the text
//! and its parsed documents; byte ranges in, plain items out. The protocol layer decides how to send them.

mod keys;
mod kinds;
mod skeletons;
mod snippet;
mod values;

use crate::schema::{FieldType, Locale, Schema};
use crate::syntax::{
    CursorLine, CursorSlot, FieldPath, IndentStyle, Indentation, ItemAbove, PathSegment, TextRange,
    YamlFile, in_template_action, lines, locate,
};

use super::inputs::Inputs;
use super::pod_sites::{DocumentKind, PodRoot, document_kind, pod_root, schema_at};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CompletionOptions {
    /// The client understands `$0` / `${1:default}` placeholders.
    pub snippets: bool,
    /// The client inserts the lines of an item as they are (it declared `insertTextMode: asIs`). Otherwise
    /// it adds the cursor line's indentation to every line after the first, as VS Code (its default
    /// adjustIndentation) and Neovim's `vim.snippet` do, and items carry only the indentation on top of it.
    pub as_is: bool,
    /// The client's indentation width, used when the document shows none of its own.
    pub tab_size: usize,
    /// The character whose typing asked for completion, if one did.
    pub trigger: Option<char>,
    /// The whole file's indentation, when `text` is the cursor's document alone (`IndentStyle::of` the file).
    pub file_indentation: Option<IndentStyle>,
}

impl Default for CompletionOptions {
    fn default() -> Self {
        CompletionOptions {
            snippets: true,
            as_is: false,
            tab_size: 2,
            trigger: None,
            file_indentation: None,
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
    /// `edit.new_text` is snippet syntax (placeholders, escapes); false once turned into plain text for a
    /// client without snippets.
    pub is_snippet: bool,
    /// The value a client should select first (a field's default).
    pub preselect: bool,
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
    /// The language of the items' docs.
    pub locale: Locale,
    /// The Kubernetes version checked against: only what it has is offered.
    pub kubernetes: crate::analysis::KubernetesVersion,
    pub root: PodRoot,
    pub doc: &'a crate::syntax::Document,
    pub path: FieldPath,
    pub range: TextRange,
    pub siblings: Vec<String>,
    pub flow: bool,
    /// What the cursor's line shows around `range`.
    pub line: CursorLine,
    /// The `- ` item right above a key typed at its dash's column.
    pub item_above: Option<ItemAbove>,
    pub indentation: Indentation,
    pub options: CompletionOptions,
    /// What is typed before the cursor, which the items must match (`keep_matching`).
    pub typed: &'a str,
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
    inputs: &Inputs,
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
    let schema = inputs.schema;
    let doc = file.document_at(offset)?;
    // Inside `{{ … }}` is Go template code, not YAML: nothing here would make sense.
    if in_template_action(text, doc, offset) {
        return None;
    }
    let mut context = locate(text, doc, offset);
    // Any object's `kind` and `apiVersion` can be completed, also in a document podls does not serve yet
    // (`kind: Dep` being typed).
    let identity =
        context.slot == CursorSlot::Value && kinds::identity_field(&context.path).is_some();
    let root = match pod_root(&inputs.pod_templates, text, doc, &context.path) {
        Some(root) => root,
        None if identity => PodRoot {
            prefix: FieldPath::new(),
            type_name: "Pod",
        },
        None => return None,
    };
    let indentation =
        Indentation::detect_with(text, doc.range, options.tab_size, options.file_indentation);
    let mut site = Site {
        text,
        schema,
        locale: inputs.locale,
        kubernetes: inputs.kubernetes,
        root,
        doc,
        path: std::mem::take(&mut context.path),
        range: context.range,
        siblings: std::mem::take(&mut context.siblings),
        flow: context.flow,
        line: std::mem::take(&mut context.line),
        item_above: context.item_above.take(),
        indentation,
        options,
        typed: text
            .get(context.range.start..offset.max(context.range.start))
            .unwrap_or("")
            .trim_start(),
    };
    if context.slot == CursorSlot::Value && key_being_typed(&site, context.value_below_key) {
        // A lone word where an object belongs (`- ima`, `ap` in an empty document, `req` on the line below
        // `resources:`) is a key being typed.
        let typed = text[site.range.as_range()].to_string();
        site.path.push(PathSegment::Key(typed));
        context.slot = CursorSlot::Key;
    }
    let mut items = match context.slot {
        CursorSlot::Nothing => return None,
        CursorSlot::Key => {
            let untyped = document_kind(&inputs.pod_templates, text, doc) == DocumentKind::Untyped;
            let mut items = keys::key_items(&site);
            if untyped {
                kinds::choose_in_keys(&site, &mut items);
            }
            items.extend(skeletons::snippet_items(&site, untyped));
            items.extend(kinds::skeleton_items(&site, untyped));
            items
        }
        CursorSlot::Value => match kinds::identity_field(&site.path) {
            Some(field) => kinds::value_items(&site, field),
            None => values::value_items(&site),
        },
    };
    keep_matching(&mut items, site.typed);
    for item in &mut items {
        deliver(item, &site);
    }
    items.sort_by(|a, b| a.sort_text.cmp(&b.sort_text));
    (!items.is_empty()).then_some(CompletionList {
        items,
        is_incomplete: false,
    })
}

/// Whether the value under the cursor is a single plain word (or nothing) that is really a key being
/// typed: where the table wants an object at the document root or an item of a list of objects, or alone
/// on the line below a `key:` whose value is an object, a map or a list of objects.
fn key_being_typed(site: &Site<'_>, below_its_key: bool) -> bool {
    let at_item = matches!(site.path.last(), None | Some(PathSegment::Index(_)));
    let word = &site.text[site.range.as_range()];
    let plain_word =
        !site.flow && !word.contains(|c: char| c.is_whitespace() || "\"'{[:#".contains(c));
    plain_word
        && match site.type_at(&site.path) {
            Some(FieldType::Object(_)) => at_item || below_its_key,
            // `requests:` then `mem`: a resource name.
            Some(FieldType::Map(_)) => below_its_key,
            Some(FieldType::Array(item)) => {
                below_its_key && matches!(item.as_ref(), FieldType::Object(_))
            }
            _ => false,
        }
}

/// Keeps the items that match what is typed before the cursor (its letters in order, in any case, against
/// the filter text or else the label), those that start with it first: clients that trust the server's
/// list (Neovim, for items with a text edit) then show only what fits.
fn keep_matching(items: &mut Vec<CompletionItem>, typed: &str) {
    if typed.is_empty() {
        return;
    }
    if typed.len() > MAX_MATCHED {
        // Longer than any key or value the table has: nothing matches (and a huge scalar is not copied).
        items.clear();
        return;
    }
    let typed = typed.to_lowercase();
    items.retain_mut(|item| {
        let target = item.filter_text.as_deref().unwrap_or(&item.label);
        let Some(rank) = rank(&typed, target) else {
            return false;
        };
        item.sort_text.insert(0, rank);
        true
    });
}

/// Whether an item matched against `target` can survive `keep_matching(typed)`: to leave out, before its
/// documentation is written, a field that would be dropped (most of them, once a letter is typed).
pub(super) fn may_match(typed: &str, target: &str) -> bool {
    typed.is_empty()
        || (typed.len() <= MAX_MATCHED && rank(&typed.to_lowercase(), target).is_some())
}

/// How `target` matches `typed` (lower case): '0' when it starts with it, '1' when it has its letters in
/// order, `None` when it does not match.
fn rank(typed: &str, target: &str) -> Option<char> {
    let target = target.to_lowercase();
    if target.starts_with(typed) {
        Some('0')
    } else if in_order(typed, &target) {
        Some('1')
    } else {
        None
    }
}

/// Longer than any field name, enum value, resource name or declared name (those are at most 253 bytes).
const MAX_MATCHED: usize = 512;

/// Whether the characters of `typed` appear in `target` in the same order.
fn in_order(typed: &str, target: &str) -> bool {
    let mut rest = target.chars();
    typed.chars().all(|c| rest.any(|t| t == c))
}

/// The item as this client takes it: indentation relative to the cursor's line unless the client inserts
/// lines as they are, and plain text for a client without snippets.
fn deliver(item: &mut CompletionItem, site: &Site<'_>) {
    let text = &mut item.edit.new_text;
    if !site.options.as_is {
        *text = snippet::relative_to_line(text, site.line.indentation);
    }
    if item.is_snippet && !site.options.snippets {
        *text = snippet::to_plain(text);
        item.is_snippet = false;
    }
}

#[cfg(test)]
mod tests;
