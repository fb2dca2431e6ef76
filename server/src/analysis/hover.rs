//! Hover: the docs of the field under the cursor, or of the enum value under it, in the user's language.

use crate::schema::{FieldType, Locale, Schema};
use crate::syntax::{CursorSlot, PathSegment, YamlFile, dotted, locate};

use super::{DocStyle, pod_root, render_field, render_value, schema_at};

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hover {
    pub markdown: String,
    pub range: crate::syntax::TextRange,
}

pub fn hover(text: &str, file: &YamlFile, offset: usize, locale: Locale) -> Option<Hover> {
    let schema = Schema::embedded();
    let doc = file.document_at(offset)?;
    let root = pod_root(text, doc)?;
    let context = locate(text, doc, offset);
    if context.slot == CursorSlot::Nothing || context.range.is_empty() {
        return None;
    }
    let (PathSegment::Key(_), parent) = context.path.split_last()? else {
        // A sequence item's value: explain the field that holds the list.
        let resolved = schema_at(schema, &root, &context.path)?;
        let (_, field) = resolved.field?;
        let markdown = render_field(
            schema,
            &dotted(&context.path),
            field,
            locale,
            DocStyle::Markdown,
        );
        return Some(Hover {
            markdown,
            range: context.range,
        });
    };
    // Only keys the table declares get docs; a label key or a misspelled field gets nothing.
    let parent_type = schema_at(schema, &root, parent)?.ty;
    if !matches!(parent_type, FieldType::Object(_)) {
        return None;
    }
    let resolved = schema_at(schema, &root, &context.path)?;
    let (_, field) = resolved.field?;
    let path = dotted(&context.path);
    let markdown = match context.slot {
        CursorSlot::Value => {
            let value = context.text(text).trim_matches(|c| c == '"' || c == '\'');
            render_value(schema, field, value, locale, DocStyle::Markdown)
                .unwrap_or_else(|| render_field(schema, &path, field, locale, DocStyle::Markdown))
        }
        _ => render_field(schema, &path, field, locale, DocStyle::Markdown),
    };
    Some(Hover {
        markdown,
        range: context.range,
    })
}
