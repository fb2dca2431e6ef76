//! A container's `restartPolicyRules` (`validateContainerRestartPolicyRules`, V:3683-3723) and
//! `resizePolicy` (V:3630; k8s-facts §3.3): rules need the container's `restartPolicy`, at most 20 of them,
//! at most 255 exit codes each, listed once, action `Restart` (`RestartAllContainers` is alpha); one resize
//! policy per resource, and only `NotRequired` when the pod's `restartPolicy` is `Never`.

use super::conflicts::{alpha_feature, conflict, entry, text};
use super::references::Unique;
use super::walk::Visit;
use super::{Context, Diagnostic};
use crate::syntax::{NodeId, PathSegment};

const MAX_RULES: usize = 20;
const MAX_EXIT_CODES: usize = 255;

pub(super) fn check(cx: &Context, visit: &Visit, out: &mut Vec<Diagnostic>) {
    if !matches!(visit.object(), Some("Container" | "EphemeralContainer")) || visit.is_null() {
        return;
    }
    restart_rules(cx, visit, out);
    resize_policy(cx, visit, out);
}

/// The path of `field` inside item `i` of `list` of this container.
fn item_path(visit: &Visit, list: &str, i: usize, field: &[&str]) -> Vec<PathSegment> {
    let mut path = visit.child(PathSegment::Key(list.into()));
    path.push(PathSegment::Index(i));
    path.extend(field.iter().map(|f| PathSegment::Key(f.to_string())));
    path
}

fn too_many(
    cx: &Context,
    key: NodeId,
    path: Vec<PathSegment>,
    what: &str,
    max: usize,
    found: usize,
) -> Diagnostic {
    Diagnostic::error(
        "out-of-range",
        cx.doc.node(key).range,
        format!("{what} may list at most {max} entries, found {found}"),
    )
    .at(&path)
}

fn restart_rules(cx: &Context, visit: &Visit, out: &mut Vec<Diagnostic>) {
    let doc = cx.doc;
    let Some((key, rules)) = entry(doc, visit.node, "restartPolicyRules") else {
        return;
    };
    let rules = doc.items(rules);
    if rules.is_empty() {
        return;
    }
    if entry(doc, visit.node, "restartPolicy").is_none() {
        out.push(conflict(cx, visit, key, "`restartPolicyRules` require the container's `restartPolicy` to be set (`Always`, `OnFailure` or `Never`)"));
    }
    if rules.len() > MAX_RULES {
        let path = visit.child(PathSegment::Key("restartPolicyRules".into()));
        out.push(too_many(
            cx,
            key,
            path,
            "`restartPolicyRules`",
            MAX_RULES,
            rules.len(),
        ));
    }
    for (i, rule) in rules.iter().enumerate() {
        if text(doc, *rule, "action") == Some("RestartAllContainers") {
            let (action, _) = entry(doc, *rule, "action").expect("read above");
            out.push(alpha_feature(
                cx,
                action,
                item_path(visit, "restartPolicyRules", i, &["action"]),
                "action `RestartAllContainers`",
                "RestartAllContainersOnContainerExits",
                Some("the action allowed without it is `Restart`"),
            ));
        }
        let Some((values_key, values)) =
            entry(doc, *rule, "exitCodes").and_then(|(_, codes)| entry(doc, codes, "values"))
        else {
            continue;
        };
        let values = doc.items(values);
        let path = |rest: &[&str]| {
            let mut fields = vec!["exitCodes", "values"];
            fields.extend_from_slice(rest);
            item_path(visit, "restartPolicyRules", i, &fields)
        };
        if values.len() > MAX_EXIT_CODES {
            out.push(too_many(
                cx,
                values_key,
                path(&[]),
                "`exitCodes.values`",
                MAX_EXIT_CODES,
                values.len(),
            ));
        }
        let mut seen = Unique::new("exit code", "each exit code may be listed once");
        for (j, value) in values.iter().enumerate() {
            let mut at = path(&[]);
            at.push(PathSegment::Index(j));
            seen.add(cx, *value, at, out);
        }
    }
}

fn resize_policy(cx: &Context, visit: &Visit, out: &mut Vec<Diagnostic>) {
    let doc = cx.doc;
    let Some((_, policies)) = entry(doc, visit.node, "resizePolicy") else {
        return;
    };
    let never = doc
        .get_path(&["spec"])
        .and_then(|spec| text(doc, spec, "restartPolicy"))
        == Some("Never");
    let mut seen = Unique::new(
        "resize policy resource",
        "each resource may have one resize policy per container",
    );
    for (i, policy) in doc.items(policies).iter().enumerate() {
        if let Some((_, name)) = entry(doc, *policy, "resourceName") {
            let at = item_path(visit, "resizePolicy", i, &["resourceName"]);
            seen.add(cx, name, at, out);
        }
        match entry(doc, *policy, "restartPolicy") {
            Some((_, value))
                if never && text(doc, *policy, "restartPolicy") != Some("NotRequired") =>
            {
                out.push(
                    Diagnostic::error(
                        "conflicting-fields",
                        doc.node(value).range,
                        "with the pod's `restartPolicy: Never` a resize policy's `restartPolicy` must be `NotRequired` (the container cannot be restarted)",
                    )
                    .at(&item_path(visit, "resizePolicy", i, &["restartPolicy"])),
                );
            }
            _ => {}
        }
    }
}
