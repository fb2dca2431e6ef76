//! The documentation of a field as people read it, in Markdown for hover and as plain text for
//! `podls explain`: one renderer, so the two never disagree.

use super::inputs::KubernetesVersion;
use super::versions::{Presence, field_presence, gate_off, history};
use crate::messages::{field_docs as msg_labels, versions as msg};
use crate::schema::{Field, Locale, Schema};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DocStyle {
    Markdown,
    Terminal,
}

/// Every word the renderers print around the docs, in one language (the docs themselves come from the
/// table; the words from the catalog's `messages/field_docs.rs`).
pub(crate) struct Labels {
    pub required: String,
    pub optional: String,
    pub default: String,
    pub allowed: String,
    pub versions: String,
    pub target: String,
    pub target_default: String,
    pub gate: String,
    pub deprecated: String,
    pub read_only: String,
    pub range: String,
    pub format: String,
    pub undocumented: String,
    pub kind: String,
    pub version: String,
}

pub(crate) fn labels(locale: Locale) -> Labels {
    Labels {
        required: msg_labels::required().render(locale),
        optional: msg_labels::optional().render(locale),
        default: msg_labels::default().render(locale),
        allowed: msg_labels::allowed().render(locale),
        versions: msg_labels::versions().render(locale),
        target: msg_labels::target().render(locale),
        target_default: msg_labels::target_default().render(locale),
        gate: msg_labels::gate().render(locale),
        deprecated: msg_labels::deprecated().render(locale),
        read_only: msg_labels::read_only().render(locale),
        range: msg_labels::range().render(locale),
        format: msg_labels::format().render(locale),
        undocumented: msg_labels::undocumented().render(locale),
        kind: msg_labels::kind().render(locale),
        version: msg_labels::version().render(locale),
    }
}

/// The docs of `field` at `path` (as written by the user, e.g. `spec.containers[0].image`), ending with the
/// Kubernetes version checked against and where the field stands there.
pub fn render_field(
    schema: &Schema,
    path: &str,
    field: &Field,
    locale: Locale,
    style: DocStyle,
    target: KubernetesVersion,
) -> String {
    let l = labels(locale);
    let code = |s: &str| match style {
        DocStyle::Markdown => format!("`{s}`"),
        DocStyle::Terminal => s.to_string(),
    };
    let bold = |s: &str| match style {
        DocStyle::Markdown => format!("**{s}**"),
        DocStyle::Terminal => s.to_string(),
    };
    let line_break = match style {
        DocStyle::Markdown => "  \n",
        DocStyle::Terminal => "\n",
    };
    let mut out = String::new();
    let need = if field.required {
        l.required
    } else {
        l.optional
    };
    out.push_str(&format!(
        "{} {} · {need}",
        bold(&field.name),
        code(&field.ty.display())
    ));
    if !path.is_empty() {
        out.push_str(line_break);
        out.push_str(&code(path));
    }
    out.push('\n');

    out.push('\n');
    let description = schema
        .field_doc(field)
        .map_or(l.undocumented.as_str(), |doc| doc.text(locale));
    out.push_str(description.trim());
    out.push_str("\n\n");

    let mut facts = Vec::new();
    if !field.enum_values.is_empty() {
        let values: Vec<String> = field
            .enum_values
            .iter()
            .map(|v| if v.is_empty() { code("\"\"") } else { code(v) })
            .collect();
        facts.push(format!("{}: {}", bold(&l.allowed), values.join(" · ")));
    }
    if let Some(default) = &field.default {
        let default = translated(schema, field, "default", locale).unwrap_or(default);
        facts.push(format!("{}: {}", bold(&l.default), default));
    }
    if field.minimum.is_some() || field.maximum.is_some() {
        let low = match (field.minimum, field.exclusive_minimum) {
            (Some(min), true) => format!("> {min}"),
            (Some(min), false) => format!("≥ {min}"),
            (None, _) => String::new(),
        };
        let high = field
            .maximum
            .map(|max| format!("≤ {max}"))
            .unwrap_or_default();
        let both = [low, high]
            .into_iter()
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join(", ");
        facts.push(format!("{}: {}", bold(&l.range), both));
    }
    if let Some(format) = field.format.as_deref().filter(|f| !f.starts_with("int")) {
        facts.push(format!("{}: {}", bold(&l.format), code(format)));
    }
    if let Some(history) = history(schema, field, locale) {
        facts.push(format!("{}: {}", bold(&l.versions), history));
    }
    if let Some(gate) = &field.feature_gate {
        facts.push(format!("{}: {}", bold(&l.gate), code(gate)));
    }
    if let Some(deprecated) = &field.deprecated {
        let deprecated = translated(schema, field, "deprecated", locale).unwrap_or(deprecated);
        facts.push(format!("{}: {}", bold(&l.deprecated), deprecated));
    }
    if field.read_only {
        facts.push(bold(&l.read_only));
    }
    facts.push(target_line(schema, field, target, locale, &bold));
    out.push_str(&facts.join(line_break));
    out.trim_end().to_string()
}

/// `Checked against Kubernetes 1.30: not in this version (since 1.33)`: the footer every field's docs end
/// with, so the reader knows which cluster the facts are for.
fn target_line(
    schema: &Schema,
    field: &Field,
    target: KubernetesVersion,
    locale: Locale,
    bold: &dyn Fn(&str) -> String,
) -> String {
    let l = labels(locale);
    let mut line = format!("{} {target}", bold(&l.target));
    if target == KubernetesVersion::DEFAULT {
        line.push_str(&format!(" ({})", l.target_default));
    }
    let status = match field_presence(field, target) {
        Presence::NotYet { since } => Some(msg::not_in_target(since)),
        Presence::Removed { removed_in, .. } => Some(msg::removed_before_target(removed_in)),
        Presence::Present => field
            .feature_gate
            .as_deref()
            .and_then(|g| gate_off(schema, g, target))
            .map(|off| msg::gate_off_in_target(&off.gate.name)),
    };
    match status {
        Some(status) => msg::target_status(line, status).render(locale),
        None => line,
    }
}

/// A fact of the table written in words (a default such as "the pod IP", a deprecation notice) in `locale`:
/// the docs key `Type.field#fact` holds it in both languages, its English being the table's own text
/// (`schema/tests.rs` checks both). Plain values (`Always`, `30`) need none. Hover, `explain` and the
/// `deprecated-field` diagnostic read it here.
pub(crate) fn translated<'a>(
    schema: &'a Schema,
    field: &Field,
    fact: &str,
    locale: Locale,
) -> Option<&'a str> {
    let key = format!("{}.{}#{fact}", field.declared_in, field.name);
    schema.doc(&key).map(|doc| doc.text(locale))
}

/// The docs of one enum value of `field`, followed by a short reminder of the field.
pub fn render_value(
    schema: &Schema,
    field: &Field,
    value: &str,
    locale: Locale,
    style: DocStyle,
) -> Option<String> {
    let doc = schema.value_doc(field, value)?;
    let title = match style {
        DocStyle::Markdown => format!("**{}**: `{}`", field.name, value),
        DocStyle::Terminal => format!("{}: {}", field.name, value),
    };
    Some(format!("{title}\n\n{}", doc.text(locale).trim()))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The history and the target's footer in Chinese: a field the target lacks yet, one it no longer
    /// has, one whose gate is off there.
    #[test]
    fn versions_in_chinese() {
        let schema = Schema::embedded();
        let v = KubernetesVersion::release;
        let out: Vec<String> = [
            ("Lifecycle.stopSignal", 30),
            ("PodSpec.workloadRef", 37),
            ("Lifecycle.stopSignal", 33),
        ]
        .iter()
        .map(|(path, minor)| {
            let (ty, name) = path.split_once('.').unwrap();
            let field = schema.type_def(ty).unwrap().field(name).unwrap();
            let docs = render_field(
                schema,
                "",
                field,
                Locale::ZhCn,
                DocStyle::Terminal,
                v(*minor),
            );
            // The history and the footer, the two lines about versions.
            let l = labels(Locale::ZhCn);
            let facts: Vec<&str> = docs
                .lines()
                .filter(|line| line.starts_with(&l.versions) || line.starts_with(&l.target))
                .collect();
            format!("{path} @ 1.{minor}:\n{}", facts.join("\n"))
        })
        .collect();
        expect_test::expect![[r#"
            Lifecycle.stopSignal @ 1.30:
            Kubernetes 版本: 1.33 起提供（alpha，默认关闭）
            检查所依据的 Kubernetes 版本 1.30：此版本还没有该字段（1.33 起才有）
            PodSpec.workloadRef @ 1.37:
            Kubernetes 版本: 仅 1.35 有（alpha，默认关闭）；1.36 中移除（改用 `schedulingGroup` (`podGroupName`)）
            检查所依据的 Kubernetes 版本 1.37 (默认：podls 所知的最新版本)：此版本已没有该字段（1.36 移除）
            Lifecycle.stopSignal @ 1.33:
            Kubernetes 版本: 1.33 起提供（alpha，默认关闭）
            检查所依据的 Kubernetes 版本 1.33：特性门控 ContainerStopSignals 在此版本默认关闭，API 服务器会丢弃该字段"#]].assert_eq(&out.join("\n"));
    }
}
