//! Rules of resource requirements: a request within its limit, and resources that cannot be overcommitted
//! (hugepages, extended resources) with a limit equal to the request.
//!
//! | rule | code | upstream (Kubernetes v1.35 `pkg/apis/core/validation/validation.go`) |
//! |---|---|---|
//! | a request at most its limit | `conflicting-fields` | `ValidateResourceRequirements` |
//! | hugepages and extended resources: request equals limit, and a limit is set | `conflicting-fields` | `ValidateResourceRequirements` (`helper.IsOvercommitAllowed`) |
//! | a container's `resources.claims` name claims of `spec.resourceClaims`, each (with its request) once | `unresolved-reference`, `duplicate-name` | `validateResourceClaimNames` |
//! | a pod's resource claim names exactly one of `resourceClaimName` and `resourceClaimTemplateName` | `conflicting-fields` | `validatePodResourceClaim` |

use super::super::code::Code;
use super::super::context::{Context, Rule, Visit};
use super::super::diagnostic::Diagnostic;
use super::super::fields::{Unique, containers, entry, exactly_one, known, named, text};
use crate::analysis::quantity::parse_quantity;
use crate::analysis::scalar::{Scalar, scalar};
use crate::analysis::versions::has_field;
use crate::messages::rules as msg;
use crate::syntax::{Document, NodeId};

pub(super) const RULES: &[Rule] = &[
    Rule {
        on: &["ResourceRequirements"],
        check: requests_within_limits,
    },
    Rule {
        on: &["PodSpec"],
        check: claims_of_the_pod,
    },
    Rule {
        on: &["PodResourceClaim"],
        check: one_claim_source,
    },
];

fn one_claim_source(cx: &Context, visit: &Visit, out: &mut Vec<Diagnostic>) {
    if visit.is_null() {
        return;
    }
    // Before 1.31 both sat under `source`: the rule speaks where the target has them on the claim.
    let Some(def) = cx.schema.type_def("PodResourceClaim") else {
        return;
    };
    let sources: Vec<&str> = def
        .fields
        .iter()
        .filter(|f| f.name == "resourceClaimName" || f.name == "resourceClaimTemplateName")
        .filter(|f| has_field(f, cx.kubernetes))
        .map(|f| f.name.as_str())
        .collect();
    // A claim written the old way (`source:`) is told so by `unknown-field`, with the replacement.
    if sources.len() == 2 && cx.doc.get(visit.node, "source").is_none() {
        exactly_one(cx, visit, &sources, msg::a_pod_resource_claim(), out);
    }
}

/// Each container's `resources.claims` against the pod's `resourceClaims`.
fn claims_of_the_pod(cx: &Context, visit: &Visit, out: &mut Vec<Diagnostic>) {
    if visit.is_null() {
        return;
    }
    let doc = cx.doc;
    let declared: Vec<&str> = entry(doc, visit.node, "resourceClaims")
        .map(|(_, list)| doc.items(list))
        .unwrap_or_default()
        .iter()
        .filter_map(|&claim| named(doc, claim, "name").and_then(|n| doc.scalar(n)))
        .collect();
    for container in containers(doc, visit.node) {
        let Some(claims) = doc
            .get(container.node, "resources")
            .and_then(|r| doc.get(doc.resolve(r), "claims"))
        else {
            continue;
        };
        let mut seen = Unique::new(msg::resource_claim(), msg::claim_names_unique());
        for (i, &claim) in doc.items(claims).iter().enumerate() {
            let Some(name) = named(doc, claim, "name") else {
                continue;
            };
            let path = container
                .path(visit.path, &["resources", "claims"])
                .index(i);
            // `name/request` is the key: one claim may be listed once per request.
            if text(doc, claim, "request").is_none_or(str::is_empty) {
                seen.add(cx, name, || path.key("name"), out);
            }
            let value = doc.scalar(name).unwrap_or_default();
            if cx.complete && !declared.contains(&value) {
                out.push(
                    Diagnostic::error(
                        Code::UnresolvedReference,
                        doc.node(name).range,
                        msg::no_such_resource_claim(
                            value,
                            visit.path.key("resourceClaims"),
                            known(&declared),
                        )
                        .render(cx.locale),
                    )
                    .at(path.key("name")),
                );
            }
        }
    }
}

fn requests_within_limits(cx: &Context, visit: &Visit, out: &mut Vec<Diagnostic>) {
    if visit.is_null() {
        return;
    }
    let doc = cx.doc;
    let Some((_, requests)) = entry(doc, visit.node, "requests") else {
        return;
    };
    let limits = entry(doc, visit.node, "limits").map(|(_, l)| l);
    for &(key, request) in doc.entries(requests) {
        let name = doc.scalar(key).unwrap_or_default();
        let Some(request_value) = quantity(doc, request) else {
            continue;
        };
        let limit = limits.and_then(|l| doc.get(l, name));
        let limit_value = limit.and_then(|l| quantity(doc, l));
        let path = || visit.path.key("requests").key(name);
        let source = |id: NodeId| cx.source(id).trim().to_string();
        if let (Some(limit), Some(limit_value)) = (limit, limit_value) {
            let exact = name.starts_with("hugepages-") || name.contains('/');
            let problem = if request_value > limit_value * (1.0 + 1e-12) {
                Some(msg::request_above_limit(
                    name,
                    source(request),
                    source(limit),
                ))
            } else if exact && (request_value - limit_value).abs() > limit_value * 1e-12 {
                Some(msg::request_must_equal_limit(
                    name,
                    source(request),
                    source(limit),
                ))
            } else {
                None
            };
            if let Some(message) = problem.map(|m| m.render(cx.locale)) {
                // The request down to the limit, or (where the two may differ) the limit up to it.
                let (request_text, limit_text) = (source(request), source(limit));
                let mut diagnostic =
                    Diagnostic::error(Code::ConflictingFields, doc.node(request).range, message)
                        .related(
                            doc.node(limit).range,
                            msg::resource_limit(name).render(cx.locale),
                        )
                        .at(path())
                        .fix(
                            msg::change_request(&limit_text).render(cx.locale),
                            vec![(doc.node(request).range, limit_text.clone())],
                            exact,
                        );
                if !exact {
                    diagnostic = diagnostic.fix(
                        msg::change_limit(&request_text).render(cx.locale),
                        vec![(doc.node(limit).range, request_text)],
                        false,
                    );
                }
                out.push(diagnostic);
            }
        } else if cx.complete && (name.starts_with("hugepages-") || name.contains('/')) {
            out.push(
                Diagnostic::error(
                    Code::ConflictingFields,
                    doc.node(key).range,
                    msg::needs_equal_limit(name).render(cx.locale),
                )
                .at(path()),
            );
        }
    }
}

fn quantity(doc: &Document, node: NodeId) -> Option<f64> {
    match scalar(doc, node)? {
        Scalar::Int(i) => Some(i as f64),
        Scalar::Float(f) => Some(f),
        Scalar::Str(s) => parse_quantity(s).ok(),
        _ => None,
    }
}
