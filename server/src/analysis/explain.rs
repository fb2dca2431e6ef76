//! `podls explain`: the field docs for a dotted path (`pod.spec.containers.imagePullPolicy`), like
//! `kubectl explain`, offline. Arrays and maps are stepped through implicitly, as in kubectl.

use crate::schema::{Field, Locale, Schema, TypeDef};

use super::field_docs::labels;
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

impl std::fmt::Display for UnknownPath {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "`{}` has no field `{}`", self.known, self.segment)?;
        if !self.suggestions.is_empty() {
            write!(
                f,
                "; did you mean {}?",
                self.suggestions
                    .iter()
                    .map(|s| format!("`{s}`"))
                    .collect::<Vec<_>>()
                    .join(", ")
            )?;
        }
        Ok(())
    }
}

/// The explanation of `path`, with the fields below it (all levels when `recursive`).
pub fn explain(inputs: &Inputs, path: &str, recursive: bool) -> Result<String, UnknownPath> {
    let (schema, locale) = (inputs.schema, inputs.locale);
    let mut segments = path.split('.').filter(|s| !s.is_empty());
    let root_word = segments.next().unwrap_or("");
    let root = schema.root_type();
    if !root_word.eq_ignore_ascii_case(&root.name) && !root_word.eq_ignore_ascii_case("pods") {
        return Err(UnknownPath {
            known: String::new(),
            segment: root_word.to_string(),
            suggestions: vec![root.name.to_ascii_lowercase()],
        });
    }
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
        )),
        None => {
            let l = labels(locale);
            out.push_str(&format!("{}: {}\n{}: v1\n\n", l.kind, root.name, l.version));
            if let Some(doc) = schema.doc(&root.name) {
                out.push_str(doc.text(locale).trim());
            }
        }
    }
    let children = match field {
        Some(field) => field.ty.object_name().and_then(|n| schema.type_def(n)),
        None => Some(root),
    };
    if let Some(def) = children {
        out.push_str(&format!("\n\n{} ({}):\n", labels(locale).fields, def.name));
        list_fields(schema, def, locale, recursive, 1, &mut out);
    }
    Ok(out)
}

fn list_fields(
    schema: &Schema,
    def: &TypeDef,
    locale: Locale,
    recursive: bool,
    depth: usize,
    out: &mut String,
) {
    let indent = "  ".repeat(depth);
    let mut fields: Vec<&Field> = def.fields.iter().collect();
    fields.sort_by_key(|f| (!f.required, f.name.clone()));
    for field in fields {
        let required = if field.required {
            format!(" -{}-", labels(locale).required)
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
                    list_fields(schema, child, locale, recursive, depth + 1, out);
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
mod tests {
    use super::*;

    #[test]
    fn explains_a_field_with_its_values_and_default() {
        let text = explain(
            &Inputs::new(Locale::En),
            "pod.spec.containers.imagePullPolicy",
            false,
        )
        .unwrap();
        assert!(
            text.starts_with(
                "imagePullPolicy string · optional\npod.spec.containers.imagePullPolicy"
            ),
            "{text}"
        );
        assert!(
            text.contains("Allowed values: Always · IfNotPresent · Never"),
            "{text}"
        );
        assert!(
            text.contains("Default: Always if the image tag is :latest"),
            "{text}"
        );
        let zh = explain(
            &Inputs::new(Locale::ZhCn),
            "pod.spec.containers.imagePullPolicy",
            false,
        )
        .unwrap();
        assert!(
            zh.contains("允许的值: Always · IfNotPresent · Never"),
            "{zh}"
        );
        assert!(
            zh.contains("默认值: 镜像标签为 :latest，或既没有标签也没有摘要时为 Always"),
            "{zh}"
        );
        let deprecated = explain(
            &Inputs::new(Locale::ZhCn),
            "pod.spec.volumes.gitRepo",
            false,
        )
        .unwrap();
        assert!(
            deprecated.contains("已弃用: 树内 gitRepo 插件已弃用"),
            "{deprecated}"
        );
        // Plain values need no translation.
        let plain = explain(&Inputs::new(Locale::ZhCn), "pod.spec.restartPolicy", false).unwrap();
        assert!(plain.contains("默认值: Always"), "{plain}");
    }

    #[test]
    fn lists_the_fields_of_an_object_required_first() {
        let text = explain(&Inputs::new(Locale::En), "pod.spec.containers", false).unwrap();
        let fields = text.split("FIELDS (Container):\n").nth(1).unwrap();
        assert!(
            fields.starts_with("  image <string> -required-\n"),
            "{fields}"
        );
        assert!(fields.contains("  name <string> -required-\n"), "{fields}");
        let recursive = explain(&Inputs::new(Locale::En), "pod.spec", true).unwrap();
        assert!(
            recursive.contains("\n      containerPort <integer> -required-\n"),
            "{recursive}"
        );
    }

    #[test]
    fn summaries_end_at_the_first_sentence_not_at_an_abbreviation() {
        let cases = [
            (
                "Hard caps, e.g. `cpu: 500m`. Requests are less.",
                "Hard caps, e.g. `cpu: 500m`.",
            ),
            ("A selector, i.e. labels. More.", "A selector, i.e. labels."),
            ("Pick one (e.g. `ext4`). More.", "Pick one (e.g. `ext4`)."),
            (
                "Ports, names, etc. and more. Next.",
                "Ports, names, etc. and more.",
            ),
            ("Ports, names, etc. Next.", "Ports, names, etc."),
            (
                "Removed in Kubernetes 1.27. Use CSI.",
                "Removed in Kubernetes 1.27.",
            ),
            (
                "Scales by 0.5 from v1.27.3 on. Next.",
                "Scales by 0.5 from v1.27.3 on.",
            ),
            ("Runs it (once.) Next.", "Runs it (once.)"),
            ("Really? Yes.", "Really?"),
            (
                "硬性上限，例如 `cpu: 500m`。其余。",
                "硬性上限，例如 `cpu: 500m`。",
            ),
            ("No full stop at all", "No full stop at all"),
            ("  Ends at the end.  ", "Ends at the end."),
        ];
        for (text, summary) in cases {
            assert_eq!(first_sentence(text), summary, "{text:?}");
        }
    }

    #[test]
    fn no_summary_stops_at_an_abbreviation() {
        let schema = Schema::embedded();
        for key in schema.doc_keys() {
            let doc = schema.doc(key).unwrap();
            for locale in [Locale::En, Locale::ZhCn] {
                let summary = first_sentence(doc.text(locale));
                assert!(!introduces_more(summary), "{key}: {summary:?}");
            }
        }
    }

    #[test]
    fn every_label_follows_the_locale() {
        let root = explain(&Inputs::new(Locale::ZhCn), "pod", false).unwrap();
        assert!(root.starts_with("资源类型: Pod\n版本: v1\n"), "{root}");
        assert!(root.contains("\n\n字段 (Pod):\n"), "{root}");
        let containers = explain(&Inputs::new(Locale::ZhCn), "pod.spec.containers", false).unwrap();
        assert!(
            containers.contains("  image <string> -必填-\n"),
            "{containers}"
        );
        let recursive = explain(&Inputs::new(Locale::ZhCn), "pod.spec", true).unwrap();
        // Nothing of the English labels is left (field names and type names stay as in the API).
        let english = [
            "KIND:",
            "VERSION:",
            "FIELDS (",
            "-required-",
            "Default:",
            "· optional",
            "· required",
        ];
        for english in english {
            for text in [&root, &containers, &recursive] {
                assert!(!text.contains(english), "{english} in {text}");
            }
        }
    }

    #[test]
    fn unknown_paths_suggest_the_closest_known_ones() {
        let error = explain(&Inputs::new(Locale::En), "pod.spec.contaners", false).unwrap_err();
        assert_eq!(
            error.to_string(),
            "`pod.spec` has no field `contaners`; did you mean `pod.spec.containers`?"
        );
        let skipped =
            explain(&Inputs::new(Locale::En), "pod.spec.imagePullPolicy", false).unwrap_err();
        assert!(
            skipped
                .suggestions
                .contains(&"pod.spec.containers.imagePullPolicy".to_string()),
            "{skipped}"
        );
        assert!(explain(&Inputs::new(Locale::En), "deployment.spec", false).is_err());
    }
}
