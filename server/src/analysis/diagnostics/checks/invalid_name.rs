//! `invalid-name`: names in the formats apimachinery enforces — DNS-1123 subdomains for the Pod name,
//! DNS-1123 labels for container and volume names, IANA service names for ports, qualified names for label
//! and annotation keys, label values, env var names, ConfigMap keys, resource names, images without
//! surrounding whitespace — each message states the rule. The table's `format` / `keyFormat` say which.
//! Where the name can be rewritten into its format (`My_Pod` → `my-pod`), that is the fix.
//!
//! | rule | code | upstream (apimachinery `pkg/util/validation/validation.go`; Kubernetes v1.35 `pkg/apis/core/validation/validation.go`) |
//! |---|---|---|
//! | `dns1123-label`, `dns1123-subdomain` | `invalid-name` | `IsDNS1123Label`, `IsDNS1123Subdomain` (`ValidateDNS1123Label`, `ValidatePodName`) |
//! | `generateName` with its `-` masked | `invalid-name` | `ValidateObjectMeta` in `pkg/api/validation/objectmeta.go` |
//! | `qualified-name`, `label-value` | `invalid-name` | `IsQualifiedName`, `IsValidLabelValue` (`ValidateLabels`, `ValidateAnnotations`) |
//! | `iana-port-name` | `invalid-name` | `IsValidPortName` |
//! | `env-var-name` | `invalid-name` | `IsRelaxedEnvVarName` (`ValidateEnv`) |
//! | `configmap-key`, `http-header-name`, `ip` | `invalid-name` | `IsConfigMapKey`, `IsHTTPHeaderName`, `IsValidIP` |
//! | resource names in `limits` / `requests` / `overhead` | `invalid-name` | `validateContainerResourceName`, `validatePodResourceName` (pod-level `spec.resources`) |
//! | an image with surrounding whitespace (a Pod's, not a template's) | `invalid-name` | `validateContainerOnlyForPod` |
//! | a pod template's `metadata.name`/`namespace` are not checked | — | `ValidatePodTemplateSpec` validates only labels, annotations and the spec |

use super::super::code::Code;
use super::super::context::{Context, Rule, Visit, stricter_note};
use super::super::diagnostic::Diagnostic;
use crate::analysis::fixes::format_name;
use crate::analysis::fixes::requote;
use crate::analysis::pod_sites::schema_at;
use crate::analysis::scalar::Scalar;
use crate::analysis::versions::format_at;
use crate::messages::versions as version_msg;
use crate::messages::{Message, all_of, fields as msg, fixes, one_of};
use crate::schema::{Field, FieldType, ResourceNames};
use crate::syntax::{FieldPath, NodeKind, PathSegment, ScalarStyle};

pub(in super::super) const RULE: Rule = Rule { on: &[], check };

fn check(cx: &Context, visit: &Visit, out: &mut Vec<Diagnostic>) {
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
    if field.name == "image" && value.trim() != *value && !cx.site.is_template() {
        return untrimmed_image(cx, visit, value, out);
    }
    let parent = &visit.path[..visit.path.len().saturating_sub(1)];
    if field.declared_in == "ObjectMeta"
        && matches!(field.name.as_str(), "name" | "generateName" | "namespace")
        && !cx.is_own_metadata(parent)
    {
        // `ValidatePodTemplateSpec` leaves a template's name and namespace alone: the controller sets them.
        return;
    }
    let format = match (field.declared_in.as_str(), field.name.as_str()) {
        // generateName gets a random suffix: it is checked with its trailing `-` masked (objectmeta.go).
        ("ObjectMeta", "generateName") => {
            let masked = value.strip_suffix('-').unwrap_or(value);
            if let Some(rule) = format_error("dns1123-subdomain", masked) {
                out.push(
                    Diagnostic::error(
                        Code::InvalidName,
                        visit.range(cx),
                        msg::invalid_format(msg::the_field("generateName"), value, rule)
                            .render(cx.locale),
                    )
                    .at(visit.path.clone()),
                );
            }
            return;
        }
        _ => match format_at(cx.schema, field, cx.kubernetes) {
            Some(format) => format,
            None => return,
        },
    };
    let Some(rule) = format_error(format, value) else {
        return;
    };
    let range = visit.range(cx);
    let what = match visit.path.last() {
        Some(PathSegment::Key(key)) if key != &field.name => msg::value_of(key),
        _ => msg::the_field(&field.name),
    };
    let mut message = msg::invalid_format(what, value, rule).render(cx.locale);
    if let Some(stricter) = stricter_note(cx, field) {
        message.push_str(&stricter);
    }
    let mut diagnostic = Diagnostic::error(Code::InvalidName, range, message)
        .at(visit.path.clone())
        .with_fixes(format_name(
            cx.locale,
            cx.source(visit.written),
            range,
            format,
            |name| format_error(format, name).is_none(),
        ));
    // `port: "8080"`: a quoted number in an int-or-string port is a (bad) port name; the number was meant.
    if *visit.ty == FieldType::IntOrString && value.bytes().all(|b| b.is_ascii_digit()) {
        let quoted = matches!(
            cx.doc.node(visit.node).kind,
            NodeKind::Scalar {
                style: ScalarStyle::SingleQuoted | ScalarStyle::DoubleQuoted,
                ..
            }
        );
        if quoted {
            diagnostic = diagnostic.fix(
                fixes::write_as_number(value).render(cx.locale),
                vec![(range, value.to_string())],
                true,
            );
        }
    }
    out.push(diagnostic);
}

/// `validateContainerOnlyForPod`: a Pod's image may not start or end with whitespace.
fn untrimmed_image(cx: &Context, visit: &Visit, value: &str, out: &mut Vec<Diagnostic>) {
    let range = visit.range(cx);
    let trimmed = value.trim();
    out.push(
        Diagnostic::error(
            Code::InvalidName,
            range,
            msg::image_whitespace(value).render(cx.locale),
        )
        .fix(
            fixes::write(trimmed).render(cx.locale),
            vec![(range, requote(cx.source(visit.written), trimmed))],
            true,
        )
        .at(visit.path.clone()),
    );
}

fn check_keys(cx: &Context, visit: &Visit, out: &mut Vec<Diagnostic>) {
    let Some(field) = visit.field else {
        return;
    };
    let Some(format) = field.key_format.as_deref() else {
        return;
    };
    let resources = resource_names(cx, visit, field);
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
            let (names, holder) = resources.as_ref()?;
            (!names.accepts(name)).then(|| resource_rule(names, holder.as_ref()))
        });
        if let Some(rule) = rule {
            out.push(
                Diagnostic::error(
                    Code::InvalidName,
                    cx.doc.node(key).range,
                    msg::invalid_key(name, &field.name, rule).render(cx.locale),
                )
                .at(visit.path.key(name)),
            );
        }
    }
}

/// The resource names a map of quantities takes (the table's `resourceNames`): its own, or those of the
/// field holding it when that field sets them (pod-level `spec.resources`), with that field's path.
fn resource_names<'a>(
    cx: &Context<'a>,
    visit: &Visit,
    field: &'a Field,
) -> Option<(&'a ResourceNames, Option<FieldPath>)> {
    let own = field.resource_names.as_ref()?;
    let parent = &visit.path[..visit.path.len().saturating_sub(1)];
    let holder = schema_at(cx.schema, &cx.site.root, parent)
        .and_then(|resolved| resolved.field)
        .and_then(|(_, holder)| holder.resource_names.as_ref());
    Some(match holder {
        Some(names) => (names, Some(FieldPath::from(parent))),
        None => (own, None),
    })
}

fn resource_rule(names: &ResourceNames, holder: Option<&FieldPath>) -> Message {
    let mut allowed = names.names.clone();
    allowed.extend(names.prefixes.iter().map(|p| format!("{p}<size>")));
    match holder {
        Some(path) => msg::pod_level_resources(path, all_of(allowed)),
        None if names.extended => msg::resource_or_extended(one_of(allowed)),
        None => msg::resource_one_of(one_of(allowed)),
    }
}

/// Why `value` breaks `format`, or `None` when it is fine: what a rename to a new name checks too.
pub(crate) fn format_error(format: &str, value: &str) -> Option<Message> {
    let ok = match format {
        "dns1123-label" => is_dns_label(value),
        "dns1123-subdomain" => is_dns_subdomain(value),
        "qualified-name" => is_qualified_name(value),
        "label-value" => value.is_empty() || (value.len() <= 63 && is_qualified_part(value)),
        "iana-port-name" => is_port_name(value),
        "env-var-name" => {
            !value.is_empty() && value.bytes().all(|b| (32..=126).contains(&b) && b != b'=')
        }
        // IsEnvVarName of apimachinery, before RelaxedEnvironmentVariableValidation.
        "env-var-name-strict" => {
            value
                .bytes()
                .next()
                .is_some_and(|b| b.is_ascii_alphabetic() || b"-._".contains(&b))
                && value
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b"-._".contains(&b))
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
    (!ok).then(|| rule(format))
}

fn rule(format: &str) -> Message {
    match format {
        "dns1123-label" => msg::dns1123_label(),
        "dns1123-subdomain" => msg::dns1123_subdomain(),
        "qualified-name" => msg::qualified_name(),
        "label-value" => msg::label_value(),
        "iana-port-name" => msg::port_name(),
        "env-var-name" => msg::env_var_name(),
        "env-var-name-strict" => version_msg::env_var_name_strict(),
        "configmap-key" => msg::configmap_key(),
        "http-header-name" => msg::header_name(),
        "ip" => msg::ip_address(),
        _ => msg::bad_format(),
    }
}

pub(in super::super) fn is_dns_label(value: &str) -> bool {
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

#[cfg(test)]
mod tests {
    use expect_test::expect;

    use crate::analysis::diagnostics::tests::check;

    #[test]
    fn names() {
        check(
            r#"apiVersion: v1
kind: Pod
metadata:
  name: My_Pod
  labels:
    app.kubernetes.io/name: web
    bad key: x
    tier: "-front"
  annotations:
    Example.com/Note: fine
spec:
  containers:
  - name: Web
    image: nginx:1
    ports:
    - name: http--alt
      containerPort: 80
    - name: averyveryverylongname
      containerPort: 81
    env:
    - name: my.dotted.name
      value: x
    - name: A=B
      value: x
    livenessProbe:
      httpGet:
        port: "8080"
    resources:
      limits:
        gpu: 1
        example.com/dongle: 1
        hugepages-2Mi: 100Mi
      requests:
        hugepages-2Mi: 100Mi
  volumes:
  - name: data.v
    emptyDir: {}
"#,
            expect![[r#"
                4:9-4:15 error[invalid-name] metadata.name: invalid `name` `My_Pod`: must be a DNS-1123 subdomain: at most 253 characters, lowercase letters, digits, `-` and `.`, each dot-separated part starting and ending with a letter or digit
                7:5-7:12 error[invalid-name] metadata.labels.bad key: invalid key `bad key` in `labels`: must be a qualified name: an optional DNS subdomain prefix and `/`, then at most 63 letters, digits, `-`, `_` or `.`, starting and ending with a letter or digit
                8:11-8:19 error[invalid-name] metadata.labels.tier: invalid value of `tier` `-front`: must be empty or at most 63 letters, digits, `-`, `_` or `.`, starting and ending with a letter or digit
                13:11-13:14 error[invalid-name] spec.containers[0].name: invalid `name` `Web`: must be a DNS-1123 label: at most 63 characters, lowercase letters, digits and `-`, starting and ending with a letter or digit
                16:13-16:22 error[invalid-name] spec.containers[0].ports[0].name: invalid `name` `http--alt`: a port name must be at most 15 characters of lowercase letters, digits and `-`, with at least one letter, no `--`, and no `-` at either end
                18:13-18:34 error[invalid-name] spec.containers[0].ports[1].name: invalid `name` `averyveryverylongname`: a port name must be at most 15 characters of lowercase letters, digits and `-`, with at least one letter, no `--`, and no `-` at either end
                23:13-23:16 error[invalid-name] spec.containers[0].env[1].name: invalid `name` `A=B`: an environment variable name must be non-empty printable ASCII without `=`
                27:15-27:21 error[invalid-name] spec.containers[0].livenessProbe.httpGet.port: invalid `port` `8080`: a port name must be at most 15 characters of lowercase letters, digits and `-`, with at least one letter, no `--`, and no `-` at either end
                30:9-30:12 error[invalid-name] spec.containers[0].resources.limits.gpu: invalid key `gpu` in `limits`: a resource must be `cpu`, `memory`, `ephemeral-storage`, `storage` or `hugepages-<size>`, or an extended resource with a domain prefix (`example.com/gpu`)
                36:11-36:17 error[invalid-name] spec.volumes[0].name: invalid `name` `data.v`: must be a DNS-1123 label: at most 63 characters, lowercase letters, digits and `-`, starting and ending with a letter or digit
            "#]],
        );
    }

    #[test]
    fn images_without_surrounding_whitespace() {
        check(
            "apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\nspec:\n  containers:\n  - name: c\n    image: \"nginx:1\"\n  - name: d\n    image: \"nginx:1 \"\n  initContainers:\n  - name: e\n    image: ' busybox:1'\n",
            expect![[r#"
            10:12-10:22 error[invalid-name] spec.containers[1].image: invalid `image` `nginx:1 `: an image must not have leading or trailing whitespace
            13:12-13:24 error[invalid-name] spec.initContainers[0].image: invalid `image` ` busybox:1`: an image must not have leading or trailing whitespace
        "#]],
        );
    }

    #[test]
    fn pod_level_resources() {
        check(
            "apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\nspec:\n  resources:\n    limits:\n      cpu: \"2\"\n      memory: 1Gi\n      hugepages-2Mi: 100Mi\n    requests:\n      cpu: \"1\"\n      memory: 1Gi\n      hugepages-2Mi: 100Mi\n  containers:\n  - name: c\n    image: nginx:1\n    resources:\n      limits:\n        ephemeral-storage: 1Gi\n        example.com/gpu: 1\n      requests:\n        example.com/gpu: 1\n",
            expect![[""]],
        );
        check(
            "apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\nspec:\n  resources:\n    limits:\n      ephemeral-storage: 1Gi\n      example.com/gpu: 1\n  containers:\n  - name: c\n    image: nginx:1\n",
            expect![[r#"
            8:7-8:24 error[invalid-name] spec.resources.limits.ephemeral-storage: invalid key `ephemeral-storage` in `limits`: pod-level `spec.resources` support only `cpu`, `memory` and `hugepages-<size>`; set other resources on the containers
            9:7-9:22 error[invalid-name] spec.resources.limits.example.com/gpu: invalid key `example.com/gpu` in `limits`: pod-level `spec.resources` support only `cpu`, `memory` and `hugepages-<size>`; set other resources on the containers
        "#]],
        );
    }
}
