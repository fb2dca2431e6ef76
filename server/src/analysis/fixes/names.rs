//! Names in the format Kubernetes wants: "Change to `my-pod`" for `My_Pod` (a DNS label or subdomain, a
//! port name, a label value), and "Rename to `app-2`" for the second container called `app`.

use super::Proposal;
use super::edit::requote;
use crate::messages::{Locale, fixes};
use crate::syntax::TextRange;

/// `value` rewritten into `format` (lowercase, other characters as `-`, no `-` at the ends, cut to the
/// length limit), if the result is `valid`.
pub(crate) fn format_name(
    locale: Locale,
    written: &str,
    range: TextRange,
    format: &str,
    valid: impl Fn(&str) -> bool,
) -> Option<Proposal> {
    let value = written.trim_matches(['"', '\'']);
    let (lowercase, keep, limit): (bool, &str, usize) = match format {
        "dns1123-label" => (true, "-", 63),
        "dns1123-subdomain" => (true, "-.", 253),
        "iana-port-name" => (true, "-", 15),
        "label-value" => (false, "-_.", 63),
        "configmap-key" => (false, "-_.", 253),
        _ => return None,
    };
    let mut name = String::new();
    for c in value.trim().chars() {
        let c = if lowercase { c.to_ascii_lowercase() } else { c };
        if c.is_ascii_alphanumeric() || keep.contains(c) {
            name.push(c);
        } else if !name.ends_with('-') {
            name.push('-');
        }
    }
    if format == "iana-port-name" {
        while name.contains("--") {
            name = name.replace("--", "-");
        }
    }
    let trim = |s: &str| {
        s.trim_matches(|c: char| !c.is_ascii_alphanumeric())
            .to_string()
    };
    let mut name = trim(&name);
    if format == "dns1123-subdomain" {
        // Each dot-separated part starts and ends with a letter or digit.
        name = name
            .split('.')
            .map(trim)
            .filter(|p| !p.is_empty())
            .collect::<Vec<_>>()
            .join(".");
    }
    name.truncate(limit);
    let name = trim(&name);
    (name != value && valid(&name)).then(|| {
        Proposal::replace(
            fixes::change_to(&name).render(locale),
            range,
            requote(written, &name),
            true,
        )
    })
}

/// A name like `value` that none of `taken` has: `app-2`, `app-3`, ... (cut to keep within `limit`).
pub(crate) fn rename_duplicate(
    locale: Locale,
    written: &str,
    range: TextRange,
    taken: &[&str],
    limit: usize,
) -> Proposal {
    let value = written.trim_matches(['"', '\'']);
    let name = (2..)
        .map(|n| {
            let suffix = format!("-{n}");
            let mut base = value.to_string();
            base.truncate(limit.saturating_sub(suffix.len()));
            format!("{}{suffix}", base.trim_end_matches('-'))
        })
        .find(|candidate| !taken.contains(&candidate.as_str()))
        .unwrap_or_default();
    Proposal::replace(
        fixes::rename_to(&name).render(locale),
        range,
        requote(written, &name),
        false,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn formatted(value: &str, format: &str) -> Option<String> {
        let label = |s: &str| {
            !s.is_empty()
                && s.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'.')
        };
        format_name(
            crate::messages::Locale::En,
            value,
            TextRange::new(0, value.len()),
            format,
            label,
        )
        .map(|p| p.edits[0].1.clone())
    }

    #[test]
    fn names_in_the_format_wanted() {
        assert_eq!(
            formatted("My_Pod", "dns1123-label").as_deref(),
            Some("my-pod")
        );
        assert_eq!(
            formatted("\"Web App\"", "dns1123-label").as_deref(),
            Some("\"web-app\"")
        );
        assert_eq!(
            formatted("-Data.V-", "dns1123-subdomain").as_deref(),
            Some("data.v")
        );
        assert_eq!(
            formatted("Metrics__HTTP", "iana-port-name").as_deref(),
            Some("metrics-http")
        );
        assert_eq!(
            formatted("a-very-long-port-name", "iana-port-name").as_deref(),
            Some("a-very-long-por")
        );
        assert_eq!(formatted("___", "dns1123-label"), None);
        assert_eq!(formatted("ok", "dns1123-label"), None);
    }

    #[test]
    fn duplicates_get_the_next_free_number() {
        let fix = rename_duplicate(
            crate::messages::Locale::En,
            "app",
            TextRange::new(0, 3),
            &["app", "app-2"],
            63,
        );
        assert_eq!(fix.title, "Rename to `app-3`");
        let long = "x".repeat(63);
        let fix = rename_duplicate(
            crate::messages::Locale::En,
            &long,
            TextRange::new(0, 63),
            &[&long],
            63,
        );
        assert_eq!(fix.edits[0].1.len(), 63);
    }
}
