//! The docs of resource names (`cpu`, `memory`, `hugepages-2Mi`…) and of quantity values (`100m`, `128Mi`),
//! for hover and completion: written in `schema/docs/resources.json`, the value's worth in base units
//! computed here.

use crate::schema::{Locale, Schema};

use super::quantity::parse_quantity;

/// The docs key of a resource name: huge pages of any size share one text, as do extended resources.
fn resource_key(name: &str) -> String {
    if name.starts_with("hugepages-") {
        "resource.hugepages".into()
    } else if name.contains('/') {
        "resource.extended".into()
    } else {
        format!("resource.{name}")
    }
}

fn text(schema: &Schema, key: &str, locale: Locale) -> Option<String> {
    schema.doc(key).map(|doc| doc.text(locale).to_string())
}

/// What a resource name means, as Markdown.
pub fn resource_doc(schema: &Schema, name: &str, locale: Locale) -> Option<String> {
    let body = text(schema, &resource_key(name), locale)?;
    Some(format!("**{name}**\n\n{body}"))
}

/// What a quantity written for the resource `name` means: its worth in base units, its suffix explained,
/// then the resource.
pub fn quantity_doc(schema: &Schema, name: &str, value: &str, locale: Locale) -> Option<String> {
    let worth = parse_quantity(value).ok()?;
    let suffix = value
        .trim()
        .trim_start_matches(['+', '-'])
        .trim_start_matches(|c: char| c.is_ascii_digit() || c == '.');
    let suffix_key = match suffix {
        "" => "quantity.plain",
        "m" => "quantity.m",
        "k" | "M" | "G" | "T" | "P" | "E" => "quantity.decimal",
        "Ki" | "Mi" | "Gi" | "Ti" | "Pi" | "Ei" => "quantity.binary",
        _ => "quantity.exponent",
    };
    let unit = match name {
        "cpu" => "quantity.cores",
        _ if name.contains('/') => "quantity.units",
        _ => "quantity.bytes",
    };
    let mut out = format!(
        "**{name}: {value}** = {} {}\n\n{}",
        plain_number(worth),
        text(schema, unit, locale)?,
        text(schema, suffix_key, locale)?
    );
    if let Some(resource) = text(schema, &resource_key(name), locale) {
        out.push_str(&format!("\n\n{resource}"));
    }
    Some(out)
}

/// `0.1`, `134217728`: no exponent, no trailing zeros.
fn plain_number(value: f64) -> String {
    if value.fract() == 0.0 && value.abs() < 1e18 {
        format!("{}", value as i128)
    } else {
        let text = format!("{value:.6}");
        text.trim_end_matches('0').trim_end_matches('.').to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quantities_in_base_units() {
        let schema = Schema::embedded();
        let cpu = quantity_doc(schema, "cpu", "100m", Locale::En).unwrap();
        assert!(
            cpu.starts_with("**cpu: 100m** = 0.1 cores\n\n`m` is milli"),
            "{cpu}"
        );
        let memory = quantity_doc(schema, "memory", "128Mi", Locale::ZhCn).unwrap();
        assert!(
            memory.starts_with("**memory: 128Mi** = 134217728 字节\n\n二进制后缀"),
            "{memory}"
        );
        assert!(quantity_doc(schema, "memory", "lots", Locale::En).is_none());
        assert!(
            resource_doc(schema, "hugepages-1Gi", Locale::En)
                .unwrap()
                .contains("huge pages")
        );
        assert!(
            resource_doc(schema, "example.com/gpu", Locale::En)
                .unwrap()
                .contains("device plugin")
        );
        assert!(resource_doc(schema, "bogus", Locale::En).is_none());
    }
}
