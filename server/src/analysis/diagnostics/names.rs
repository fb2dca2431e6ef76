//! `invalid-name`: names in the formats apimachinery enforces (k8s-facts §3.1) — DNS-1123 subdomains for the
//! Pod name, DNS-1123 labels for container and volume names, IANA service names for ports, qualified names
//! for label and annotation keys, label values, env var names, ConfigMap keys, images without surrounding
//! whitespace — each message states the rule.

use super::value::Scalar;
use super::walk::Visit;
use super::{Context, Diagnostic, requote};
use crate::schema::FieldType;
use crate::syntax::{PathSegment, ScalarStyle};

pub(super) fn check(cx: &Context, visit: &Visit, out: &mut Vec<Diagnostic>) {
    let Some(field) = visit.field else {
        return;
    };
    if let FieldType::Map(_) = visit.ty {
        check_keys(cx, visit, out);
        return;
    }
    let Some(Scalar::Str(value)) = &visit.scalar else {
        return;
    };
    if value.is_empty() {
        return;
    }
    if field.name == "image" && value.trim() != *value {
        return untrimmed_image(cx, visit, value, out);
    }
    let format = match (field.declared_in.as_str(), field.name.as_str()) {
        // generateName gets a random suffix: it is checked with its trailing `-` masked (objectmeta.go).
        ("ObjectMeta", "generateName") => {
            let masked = value.strip_suffix('-').unwrap_or(value);
            if let Some(rule) = format_error("dns1123-subdomain", masked) {
                out.push(
                    Diagnostic::error(
                        "invalid-name",
                        visit.range(cx),
                        format!("invalid `generateName` `{value}`: {rule}"),
                    )
                    .at(&visit.path),
                );
            }
            return;
        }
        _ => match &field.format {
            Some(format) => format.as_str(),
            None => return,
        },
    };
    let Some(rule) = format_error(format, value) else {
        return;
    };
    let range = visit.range(cx);
    let what = match visit.path.last() {
        Some(PathSegment::Key(key)) if key != &field.name => format!("value of `{key}`"),
        _ => format!("`{}`", field.name),
    };
    let mut diagnostic = Diagnostic::error(
        "invalid-name",
        range,
        format!("invalid {what} `{value}`: {rule}"),
    )
    .at(&visit.path);
    // `port: "8080"`: a quoted number in an int-or-string port is a (bad) port name; the number was meant.
    if *visit.ty == FieldType::IntOrString && value.bytes().all(|b| b.is_ascii_digit()) {
        let quoted = matches!(
            cx.doc.node(visit.node).kind,
            crate::syntax::NodeKind::Scalar {
                style: ScalarStyle::SingleQuoted | ScalarStyle::DoubleQuoted,
                ..
            }
        );
        if quoted {
            diagnostic = diagnostic.fix(
                format!("Write `{value}` as a number"),
                vec![(range, value.to_string())],
                true,
            );
        }
    }
    out.push(diagnostic);
}

/// `validateContainerOnlyForPod` (V:4434): a Pod's image may not start or end with whitespace.
fn untrimmed_image(cx: &Context, visit: &Visit, value: &str, out: &mut Vec<Diagnostic>) {
    let range = visit.range(cx);
    let trimmed = value.trim();
    out.push(
        Diagnostic::error(
            "invalid-name",
            range,
            format!(
                "invalid `image` `{value}`: an image must not have leading or trailing whitespace"
            ),
        )
        .fix(
            format!("Write `{trimmed}`"),
            vec![(range, requote(cx.source(visit.written), trimmed))],
            true,
        )
        .at(&visit.path),
    );
}

fn check_keys(cx: &Context, visit: &Visit, out: &mut Vec<Diagnostic>) {
    let Some(field) = visit.field else {
        return;
    };
    let resources = matches!(
        (field.declared_in.as_str(), field.name.as_str()),
        (
            "ResourceRequirements" | "VolumeResourceRequirements",
            "limits" | "requests"
        ) | ("PodSpec", "overhead")
    );
    // `spec.resources.limits` (PodLevelResources): `validatePodResourceName`.
    let pod_level = matches!(
        visit.path.as_slice(),
        [PathSegment::Key(spec), PathSegment::Key(resources), _] if spec == "spec" && resources == "resources"
    );
    let Some(format) = field.key_format.as_deref() else {
        return;
    };
    for &(key, _) in cx.doc.entries(visit.node) {
        let Some(name) = cx.doc.scalar(key) else {
            continue;
        };
        // Annotation keys are lower-cased before the check (`ValidateAnnotations`).
        let checked = if field.name == "annotations" {
            name.to_ascii_lowercase()
        } else {
            name.to_string()
        };
        let rule = format_error(format, &checked).or_else(|| {
            if !resources {
                None
            } else if pod_level {
                (!is_pod_level_resource(name)).then(|| {
                    "pod-level `spec.resources` support only `cpu`, `memory` and `hugepages-<size>`; set other resources on the containers".to_string()
                })
            } else {
                (!is_resource_name(name)).then(|| {
                    "a resource must be `cpu`, `memory`, `ephemeral-storage`, `storage`, `hugepages-<size>`, or an extended resource with a domain prefix (`example.com/gpu`)".to_string()
                })
            }
        });
        if let Some(rule) = rule {
            out.push(
                Diagnostic::error(
                    "invalid-name",
                    cx.doc.node(key).range,
                    format!("invalid key `{name}` in `{}`: {rule}", field.name),
                )
                .at(&visit.child(PathSegment::Key(name.to_string()))),
            );
        }
    }
}

fn is_resource_name(name: &str) -> bool {
    is_pod_level_resource(name)
        || matches!(name, "ephemeral-storage" | "storage")
        || name.contains('/')
}

fn is_pod_level_resource(name: &str) -> bool {
    matches!(name, "cpu" | "memory")
        || name
            .strip_prefix("hugepages-")
            .is_some_and(|size| !size.is_empty())
}

/// Why `value` breaks `format`, or `None` when it is fine.
pub(super) fn format_error(format: &str, value: &str) -> Option<String> {
    let ok = match format {
        "dns1123-label" => is_dns_label(value),
        "dns1123-subdomain" => is_dns_subdomain(value),
        "qualified-name" => is_qualified_name(value),
        "label-value" => value.is_empty() || (value.len() <= 63 && is_qualified_part(value)),
        "iana-port-name" => is_port_name(value),
        "env-var-name" => {
            !value.is_empty() && value.bytes().all(|b| (32..=126).contains(&b) && b != b'=')
        }
        "configmap-key" => {
            value.len() <= 253
                && !value.is_empty()
                && value
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b"-._".contains(&b))
                && value != "."
                && !value.starts_with("..")
        }
        "http-header-name" => {
            !value.is_empty()
                && value
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-')
        }
        "ip" => value.parse::<std::net::IpAddr>().is_ok(),
        _ => true,
    };
    (!ok).then(|| rule(format).to_string())
}

fn rule(format: &str) -> &'static str {
    match format {
        "dns1123-label" => {
            "must be a DNS-1123 label: at most 63 characters, lowercase letters, digits and `-`, starting and ending with a letter or digit"
        }
        "dns1123-subdomain" => {
            "must be a DNS-1123 subdomain: at most 253 characters, lowercase letters, digits, `-` and `.`, each dot-separated part starting and ending with a letter or digit"
        }
        "qualified-name" => {
            "must be a qualified name: an optional DNS subdomain prefix and `/`, then at most 63 letters, digits, `-`, `_` or `.`, starting and ending with a letter or digit"
        }
        "label-value" => {
            "must be empty or at most 63 letters, digits, `-`, `_` or `.`, starting and ending with a letter or digit"
        }
        "iana-port-name" => {
            "a port name must be at most 15 characters of lowercase letters, digits and `-`, with at least one letter, no `--`, and no `-` at either end"
        }
        "env-var-name" => {
            "an environment variable name must be non-empty printable ASCII without `=`"
        }
        "configmap-key" => {
            "a key must be at most 253 letters, digits, `-`, `_` or `.`, and not `.` or start with `..`"
        }
        "http-header-name" => "a header name must be letters, digits and `-`",
        "ip" => "must be an IPv4 or IPv6 address",
        _ => "has an invalid format",
    }
}

fn is_dns_label(value: &str) -> bool {
    value.len() <= 63 && is_label_chars(value)
}

fn is_dns_subdomain(value: &str) -> bool {
    value.len() <= 253 && value.split('.').all(is_label_chars)
}

/// `[a-z0-9]([-a-z0-9]*[a-z0-9])?`
fn is_label_chars(value: &str) -> bool {
    let bytes = value.as_bytes();
    !bytes.is_empty()
        && bytes
            .iter()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || *b == b'-')
        && bytes[0] != b'-'
        && bytes[bytes.len() - 1] != b'-'
}

/// `([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]`
fn is_qualified_part(value: &str) -> bool {
    let bytes = value.as_bytes();
    !bytes.is_empty()
        && bytes
            .iter()
            .all(|b| b.is_ascii_alphanumeric() || b"-_.".contains(b))
        && bytes[0].is_ascii_alphanumeric()
        && bytes[bytes.len() - 1].is_ascii_alphanumeric()
}

fn is_qualified_name(value: &str) -> bool {
    match value.split_once('/') {
        Some((prefix, name)) => {
            !prefix.is_empty()
                && is_dns_subdomain(prefix)
                && name.len() <= 63
                && is_qualified_part(name)
        }
        None => value.len() <= 63 && is_qualified_part(value),
    }
}

fn is_port_name(value: &str) -> bool {
    value.len() <= 15
        && value
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && value.bytes().any(|b| b.is_ascii_lowercase())
        && !value.contains("--")
        && !value.starts_with('-')
        && !value.ends_with('-')
}
