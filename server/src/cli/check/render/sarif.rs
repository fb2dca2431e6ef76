//! `--format sarif`: SARIF 2.1.0 as GitHub code scanning reads it. One run; `tool.driver.rules` is the
//! rule list it is given (ids are podls' diagnostic codes), each result points at its rule by index, and
//! files that were not checked are tool execution notifications. Regions are 1-based in UTF-16 units.

use std::collections::BTreeMap;
use std::io::{self, Write};
use std::path::Path;

use serde_json::{Value, json};

use super::super::findings::{FileReport, Position};
use super::super::inputs::DisplayPath;
use crate::analysis::Severity;

/// One entry of `tool.driver.rules`: a diagnostic code, what it means, and the level it is reported at
/// (`None`: not known, SARIF's default applies).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rule {
    pub code: &'static str,
    pub description: &'static str,
    pub level: Option<Severity>,
    /// What the rule checks, in full, and where its documentation is (`docs/rules.md#code`).
    pub full_description: &'static str,
    pub help_uri: String,
    /// The whole doc, shown on a code scanning alert.
    pub help_text: String,
    pub help_markdown: String,
}

fn sarif_level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Information | Severity::Hint => "note",
    }
}

/// SARIF regions are 1-based; `endColumn` is the column just past the range.
fn sarif_region(start: Position, end: Position) -> Value {
    json!({
        "startLine": start.line + 1,
        "startColumn": start.utf16 + 1,
        "endLine": end.line + 1,
        "endColumn": end.utf16 + 1,
    })
}

/// A relative path stays relative to `%SRCROOT%` (the checkout, for code scanning); an absolute one
/// becomes a `file://` URI.
fn sarif_artifact(file: &DisplayPath) -> Value {
    let slashed = file.0.replace('\\', "/");
    if Path::new(&file.0).is_absolute() {
        let rooted = if slashed.starts_with('/') {
            slashed
        } else {
            format!("/{slashed}")
        };
        json!({ "uri": format!("file://{}", percent_encode(&rooted)) })
    } else {
        json!({ "uri": percent_encode(&slashed), "uriBaseId": "%SRCROOT%" })
    }
}

/// Percent-encodes what may not appear in a URI path (RFC 3986 `pchar` plus `/`).
fn percent_encode(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for byte in path.bytes() {
        let keep = byte.is_ascii_alphanumeric() || b"-._~/!$&'()*+,;=:@".contains(&byte);
        if keep {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// Writes the SARIF log. `rules` must hold every code the findings use (a result's `ruleIndex` points into
/// it); it is printed in the order given.
pub fn write(out: &mut impl Write, reports: &[FileReport], rules: &[Rule]) -> io::Result<()> {
    let rule_index: BTreeMap<&str, usize> =
        rules.iter().enumerate().map(|(i, r)| (r.code, i)).collect();
    let rule_descriptors: Vec<Value> = rules
        .iter()
        .map(|rule| {
            let mut descriptor = json!({
                "id": rule.code,
                "name": pascal_case(rule.code),
                "shortDescription": { "text": rule.description },
                "fullDescription": { "text": rule.full_description },
                "helpUri": rule.help_uri,
                "help": { "text": rule.help_text, "markdown": rule.help_markdown },
            });
            if let Some(level) = rule.level {
                descriptor["defaultConfiguration"] = json!({ "level": sarif_level(level) });
            }
            descriptor
        })
        .collect();
    let mut results = Vec::new();
    let mut notifications = Vec::new();
    for report in reports {
        let artifact = sarif_artifact(&report.file);
        if let Some(failure) = &report.failure {
            notifications.push(json!({
                "level": "error",
                "message": { "text": format!("{}: {}", report.file, failure.message) },
                "descriptor": { "id": failure.code.as_str() },
                "locations": [{ "physicalLocation": {
                    "artifactLocation": artifact,
                    "region": sarif_region(failure.at, failure.at),
                }}],
            }));
        }
        for f in &report.findings {
            let mut result = json!({
                "ruleId": f.code,
                "ruleIndex": rule_index.get(f.code),
                "level": sarif_level(f.severity),
                "message": { "text": f.message },
                "locations": [{
                    "physicalLocation": {
                        "artifactLocation": artifact,
                        "region": sarif_region(f.start, f.end),
                    },
                }],
            });
            if let Some(path) = &f.path {
                result["locations"][0]["logicalLocations"] =
                    json!([{ "fullyQualifiedName": path, "kind": "member" }]);
            }
            if !f.related.is_empty() {
                result["relatedLocations"] = f
                    .related
                    .iter()
                    .enumerate()
                    .map(|(id, (start, end, message))| {
                        json!({
                            "id": id + 1,
                            "message": { "text": message },
                            "physicalLocation": {
                                "artifactLocation": artifact,
                                "region": sarif_region(*start, *end),
                            },
                        })
                    })
                    .collect();
            }
            results.push(result);
        }
    }
    let sarif = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": { "driver": {
                "name": "podls",
                "version": env!("CARGO_PKG_VERSION"),
                "informationUri": env!("CARGO_PKG_REPOSITORY"),
                "rules": rule_descriptors,
            }},
            "columnKind": "utf16CodeUnits",
            "invocations": [{
                "executionSuccessful": notifications.is_empty(),
                "toolExecutionNotifications": notifications,
            }],
            "results": results,
        }],
    });
    serde_json::to_writer_pretty(&mut *out, &sarif)?;
    writeln!(out)
}

/// `unknown-field` → `UnknownField`: SARIF's rule `name` is meant to read as an identifier.
fn pascal_case(code: &str) -> String {
    code.split('-')
        .map(|word| {
            let mut chars = word.chars();
            chars
                .next()
                .map(|first| first.to_ascii_uppercase().to_string() + chars.as_str())
                .unwrap_or_default()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sarif_uris_are_percent_encoded_and_rooted() {
        let relative = sarif_artifact(&DisplayPath("my dir/pod#1.yaml".into()));
        assert_eq!(relative["uri"], "my%20dir/pod%231.yaml");
        assert_eq!(relative["uriBaseId"], "%SRCROOT%");
        let absolute = sarif_artifact(&DisplayPath("/tmp/pod.yaml".into()));
        assert_eq!(absolute["uri"], "file:///tmp/pod.yaml");
    }

    #[test]
    fn rule_names_are_pascal_case() {
        assert_eq!(pascal_case("unknown-field"), "UnknownField");
        assert_eq!(pascal_case("yaml-syntax"), "YamlSyntax");
    }
}
