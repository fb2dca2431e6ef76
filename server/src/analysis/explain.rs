//! `podls explain`: the field docs for a dotted path (`pod.spec.containers.imagePullPolicy`,
//! `deployment.spec.template.spec.containers.image`), like `kubectl explain`, offline. The first segment names
//! a kind of the table's roots (case-insensitive, also as kubectl's plural or short name); arrays and maps are
//! stepped through implicitly, as in kubectl. It follows the target Kubernetes version: the field lists hold
//! only what that version has, and a field's docs end with where it stands there.

use crate::messages::field_docs as doc_words;
use crate::messages::{Arg, Message, cli as msg, one_of};
use crate::schema::{Field, Locale, Schema, TypeDef};

use super::field_docs::labels;
use super::inputs::KubernetesVersion;
use super::versions::has_field;
use super::{DocStyle, Inputs, closest, render_field};

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnknownPath {
    /// The part of the path that was found (`pod.spec`).
    pub known: String,
    /// The segment that was not (`contaners`).
    pub segment: String,
    /// The closest known paths, best first.
    pub suggestions: Vec<String>,
}

impl UnknownPath {
    /// What is wrong with the path, in the catalog's words.
    pub fn message(&self) -> Message {
        let what = if self.known.is_empty() {
            msg::unknown_kind(&self.segment)
        } else {
            msg::no_such_field(&self.known, &self.segment)
        };
        let more = match self.suggestions.as_slice() {
            [] => Arg::from(""),
            found => msg::did_you_mean_one_of(one_of(found)).into(),
        };
        msg::unknown_path(what, more)
    }
}

impl std::fmt::Display for UnknownPath {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message().render(Locale::En))
    }
}

/// The explanation of `path`, with the fields below it (all levels when `recursive`).
pub fn explain(inputs: &Inputs, path: &str, recursive: bool) -> Result<String, UnknownPath> {
    let (schema, locale) = (inputs.schema, inputs.locale);
    let mut segments = path.split('.').filter(|s| !s.is_empty());
    let root_word = segments.next().unwrap_or("");
    let Some(root) = kind_root(schema, root_word) else {
        let kinds: Vec<String> = schema
            .roots()
            .map(|root| root.name.to_ascii_lowercase())
            .collect();
        let suggestions = match closest(
            &root_word.to_ascii_lowercase(),
            kinds.iter().map(String::as_str),
        ) {
            Some(best) => vec![best.to_string()],
            None => kinds,
        };
        return Err(UnknownPath {
            known: String::new(),
            segment: root_word.to_string(),
            suggestions,
        });
    };
    let mut known = root.name.to_ascii_lowercase();
    let mut current: &TypeDef = root;
    let mut field: Option<&Field> = None;
    for segment in segments {
        let def = match field {
            None => current,
            Some(f) => match f.ty.object_name().and_then(|n| schema.type_def(n)) {
                Some(def) => def,
                None => {
                    return Err(UnknownPath {
                        known,
                        segment: segment.to_string(),
                        suggestions: Vec::new(),
                    });
                }
            },
        };
        let Some(next) = def.field(segment) else {
            let names = def.fields.iter().map(|f| f.name.as_str());
            let mut suggestions: Vec<String> = closest(segment, names.clone())
                .map(|best| format!("{known}.{best}"))
                .into_iter()
                .collect();
            if suggestions.is_empty() {
                suggestions = deeper_matches(schema, def, &known, segment);
            }
            return Err(UnknownPath {
                known,
                segment: segment.to_string(),
                suggestions,
            });
        };
        known = format!("{known}.{}", next.name);
        current = def;
        field = Some(next);
    }
    let mut out = String::new();
    match field {
        Some(field) => out.push_str(&render_field(
            schema,
            &known,
            field,
            locale,
            DocStyle::Terminal,
            inputs.kubernetes,
        )),
        None => {
            let l = labels(locale);
            let version = root
                .field("apiVersion")
                .and_then(|f| f.enum_values.first())
                .map_or("v1", String::as_str);
            out.push_str(&format!(
                "{}: {}\n{}: {version}\n\n",
                l.kind, root.name, l.version
            ));
            if let Some(doc) = schema.doc(&root.name) {
                out.push_str(doc.text(locale).trim());
                out.push_str("\n\n");
            }
            out.push_str(&format!("{} {}", l.target, inputs.kubernetes));
        }
    }
    let children = match field {
        Some(field) => field.ty.object_name().and_then(|n| schema.type_def(n)),
        None => Some(root),
    };
    if let Some(def) = children {
        out.push_str(&format!(
            "\n\n{} ({}):\n",
            doc_words::fields().render(locale),
            def.name
        ));
        list_fields(
            schema,
            def,
            (locale, inputs.kubernetes),
            recursive,
            1,
            &mut out,
        );
    }
    Ok(out)
}

/// kubectl's short names of the kinds (`kubectl api-resources`); plurals are the kind plus `s`.
const SHORT_NAMES: &[(&str, &str)] = &[
    ("po", "Pod"),
    ("rc", "ReplicationController"),
    ("deploy", "Deployment"),
    ("rs", "ReplicaSet"),
    ("sts", "StatefulSet"),
    ("ds", "DaemonSet"),
    ("cj", "CronJob"),
];

/// The root type a path's first word names: a kind (`Deployment`, `cronjob`), its plural or its short name.
fn kind_root<'a>(schema: &'a Schema, word: &str) -> Option<&'a TypeDef> {
    let word = word.to_ascii_lowercase();
    let singular = word.strip_suffix('s').unwrap_or(&word);
    let short = SHORT_NAMES
        .iter()
        .find(|(short, _)| *short == word)
        .map(|(_, kind)| *kind);
    schema
        .kind_root(short.unwrap_or(&word))
        .or_else(|| schema.kind_root(singular))
}

/// The fields of `def` the target version has, one per line (with their children when `recursive`).
fn list_fields(
    schema: &Schema,
    def: &TypeDef,
    (locale, target): (Locale, KubernetesVersion),
    recursive: bool,
    depth: usize,
    out: &mut String,
) {
    let indent = "  ".repeat(depth);
    let mut fields: Vec<&Field> = def.fields.iter().filter(|f| has_field(f, target)).collect();
    fields.sort_by_key(|f| (!f.required, f.name.clone()));
    for field in fields {
        let required = if field.required {
            format!(" -{}-", doc_words::required().render(locale))
        } else {
            String::new()
        };
        out.push_str(&format!(
            "{indent}{} <{}>{required}\n",
            field.name,
            field.ty.display()
        ));
        if recursive {
            if let Some(child) = field.ty.object_name().and_then(|n| schema.type_def(n)) {
                if depth < 12 {
                    list_fields(schema, child, (locale, target), recursive, depth + 1, out);
                }
            }
        } else if let Some(doc) = schema.field_doc(field) {
            out.push_str(&format!("{indent}  {}\n", first_sentence(doc.text(locale))));
        }
    }
}

/// The first sentence of a description, for the one-line summaries of `FIELDS`: up to a `。`, `！` or `？`,
/// or a `.`, `!` or `?` that is followed by whitespace (or the end, after any closing bracket or quote) and
/// ends a sentence rather than an abbreviation. A dot is not an end before a lower-case word (`etc. and`), nor
/// after an abbreviation that introduces more (`e.g.`, `i.e.`); the dots of decimals and versions (`0.5`,
/// `v1.27.3`) have no whitespace after them.
fn first_sentence(text: &str) -> &str {
    let text = text.trim();
    for (i, c) in text.char_indices() {
        let end = i + c.len_utf8();
        if matches!(c, '。' | '！' | '？') {
            return &text[..end];
        }
        if !matches!(c, '.' | '!' | '?') {
            continue;
        }
        let rest = &text[end..];
        let closed = rest.len()
            - rest
                .trim_start_matches([')', ']', '"', '\'', '”', '’'])
                .len();
        let after = &rest[closed..];
        if !after.is_empty() && !after.starts_with(char::is_whitespace) {
            continue;
        }
        let next_word_is_lower = after
            .trim_start()
            .chars()
            .next()
            .is_some_and(char::is_lowercase);
        if c == '.' && (next_word_is_lower || introduces_more(&text[..end])) {
            continue;
        }
        return &text[..end + closed];
    }
    text
}

/// Whether `text` ends with an abbreviation that is always followed by more of its sentence.
fn introduces_more(text: &str) -> bool {
    let word = text
        .rsplit(|c: char| c.is_whitespace() || matches!(c, '(' | '[' | '"' | '“'))
        .next()
        .unwrap_or_default()
        .to_ascii_lowercase();
    ["e.g.", "i.e.", "cf.", "vs.", "approx.", "incl.", "viz."].contains(&word.as_str())
}

/// Fields named like `segment` one level further down, for a path that skipped a level
/// (`pod.spec.image` → `pod.spec.containers.image`).
fn deeper_matches(schema: &Schema, def: &TypeDef, known: &str, segment: &str) -> Vec<String> {
    let mut found = Vec::new();
    for field in &def.fields {
        let Some(child) = field.ty.object_name().and_then(|n| schema.type_def(n)) else {
            continue;
        };
        let names = child.fields.iter().map(|f| f.name.as_str());
        if let Some(best) = child
            .field(segment)
            .map(|f| f.name.as_str())
            .or_else(|| closest(segment, names))
        {
            found.push(format!("{known}.{}.{best}", field.name));
        }
    }
    found.truncate(5);
    found
}

#[cfg(test)]
mod tests;
