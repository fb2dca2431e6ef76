//! `type-mismatch`: a value of the wrong shape — `containerPort: "eighty"`, `command: sleep 10` where a
//! list belongs, `hostNetwork: "true"`, `resources` written as a list. The API server decodes JSON into Go
//! types, so a quoted number in an integer field and a bare number in a string field (an env `value`, a
//! label) are both rejected; quantities and int-or-string accept both forms, as Kubernetes does. The fixes
//! write the value in the shape wanted: unquoted, quoted, as a list (`["sleep", "10"]`), as a list's item,
//! or as the `key: value` that `initialDelaySeconds:5` (no space after the colon) was meant to be.
//!
//! | rule | code | upstream |
//! |---|---|---|
//! | a value must have its field's JSON type | `type-mismatch` | the API server's JSON decoding into the `pkg/apis/core` Go types (`runtime.Decode`; `resource.Quantity` and `intstr.IntOrString` unmarshal both forms) |
//!
//! Not in the registry: the walk calls it first on every node, and descends only where it passes.

use super::super::code::Code;
use super::super::context::{Context, Visit};
use super::super::diagnostic::Diagnostic;
use crate::analysis::fixes::{glued_key_value, object_to_list, string_to_list};
use crate::analysis::scalar::{Scalar, plain, yaml11_boolean};
use crate::messages::{Arg, Message, fields as msg, fixes};
use crate::schema::FieldType;
use crate::syntax::{NodeKind, ScalarStyle};

/// Reports a mismatch; returns whether the node has the expected shape (so the walk may go deeper).
pub(in super::super) fn check(cx: &Context, visit: &Visit, out: &mut Vec<Diagnostic>) -> bool {
    let kind = &cx.doc.node(visit.node).kind;
    if let NodeKind::Alias { target: None } = kind {
        return false;
    }
    let ok = match (&visit.scalar, visit.ty) {
        (Some(Scalar::Null), _) | (_, FieldType::Any) => true,
        (None, FieldType::Object(_) | FieldType::Map(_)) => {
            matches!(kind, NodeKind::Mapping { .. })
        }
        (None, FieldType::Array(_)) => matches!(kind, NodeKind::Sequence { .. }),
        (None, _) => false,
        (Some(value), ty) => scalar_fits(value, ty),
    };
    if !ok {
        out.push(mismatch(cx, visit));
    }
    ok
}

fn scalar_fits(value: &Scalar, ty: &FieldType) -> bool {
    match (value, ty) {
        (Scalar::Str(_), FieldType::String) => true,
        (Scalar::Int(_), FieldType::Integer) => true,
        (Scalar::Int(_) | Scalar::Float(_), FieldType::Number) => true,
        (Scalar::Bool(_), FieldType::Boolean) => true,
        // `yes`/`on`: kubectl (YAML 1.1) reads a boolean; `warnings` says so.
        (Scalar::Str(s), FieldType::Boolean) => yaml11_boolean(s).is_some(),
        (Scalar::Int(_) | Scalar::Float(_) | Scalar::Str(_), FieldType::Quantity) => true,
        (Scalar::Int(_) | Scalar::Str(_), FieldType::IntOrString) => true,
        _ => false,
    }
}

fn mismatch(cx: &Context, visit: &Visit) -> Diagnostic {
    let doc = cx.doc;
    let source = cx.source(visit.written);
    let (found, range) = match (&visit.scalar, &doc.node(visit.node).kind) {
        (Some(value), _) => (
            msg::found_value(value.describe(), source.trim()),
            visit.range(cx),
        ),
        (None, NodeKind::Sequence { .. }) => (msg::a_list(), visit.anchor(cx)),
        (None, _) => (msg::a_mapping(), visit.anchor(cx)),
    };
    let quoted = matches!(
        doc.node(visit.node).kind,
        NodeKind::Scalar {
            style: ScalarStyle::SingleQuoted | ScalarStyle::DoubleQuoted,
            ..
        }
    );
    // `initialDelaySeconds:5` alone on its line parses as a string where an object belongs.
    let glued = !quoted
        && matches!(
            (&visit.scalar, visit.ty),
            (
                Some(Scalar::Str(_)),
                FieldType::Object(_) | FieldType::Map(_) | FieldType::Array(_)
            )
        )
        && glued_key_value(cx.locale, cx.text, range).is_some();
    let hint = match glued {
        true => msg::missing_space_after_colon().into(),
        false => Arg::from(""),
    };
    let message = msg::type_mismatch(field_name(visit), expected(visit.ty), found, hint);
    let mut diagnostic = Diagnostic::error(Code::TypeMismatch, range, message.render(cx.locale))
        .at(visit.path.clone());
    match (&visit.scalar, visit.ty) {
        (Some(Scalar::Str(s)), FieldType::Integer | FieldType::Number | FieldType::Boolean)
            if quoted && !matches!(plain(s), Scalar::Str(_) | Scalar::Null) =>
        {
            let plain = plain(s);
            if scalar_fits(&plain, visit.ty) {
                diagnostic = diagnostic.fix(
                    fixes::write_unquoted(s).render(cx.locale),
                    vec![(range, s.to_string())],
                    true,
                );
            }
        }
        (Some(Scalar::Int(_) | Scalar::Float(_) | Scalar::Bool(_)), FieldType::String) => {
            let text = source.trim();
            diagnostic = diagnostic.fix(
                fixes::quote_as_string(text).render(cx.locale),
                vec![(range, format!("\"{text}\""))],
                true,
            );
        }
        _ if glued => {
            diagnostic = diagnostic.with_fixes(glued_key_value(cx.locale, cx.text, range));
        }
        (Some(Scalar::Str(s)), FieldType::Array(item)) if **item == FieldType::String => {
            let name = visit.field.map_or("", |f| f.name.as_str());
            diagnostic = diagnostic.with_fixes(string_to_list(cx.locale, s, range, name));
        }
        (None, FieldType::Array(item))
            if matches!(**item, FieldType::Object(_))
                && matches!(doc.node(visit.node).kind, NodeKind::Mapping { .. }) =>
        {
            diagnostic = diagnostic.with_fixes(object_to_list(cx.locale, cx.text, doc, visit.node));
        }
        _ => {}
    }
    diagnostic
}

/// `containerPort`, or `ports[0]` for an item.
fn field_name(visit: &Visit) -> Message {
    match visit.path.last() {
        Some(crate::syntax::PathSegment::Key(key)) => msg::subject_field(key),
        Some(crate::syntax::PathSegment::Index(_)) => match visit.field {
            Some(field) => msg::each_item_of(&field.name),
            None => msg::each_item_of_the_list(),
        },
        None => msg::the_document(),
    }
}

fn expected(ty: &FieldType) -> Message {
    match ty {
        FieldType::String => msg::a_string(),
        FieldType::Integer => msg::an_integer(),
        FieldType::Number => msg::a_number(),
        FieldType::Boolean => msg::a_boolean_true_false(),
        FieldType::Quantity => msg::a_quantity(),
        FieldType::IntOrString => msg::an_int_or_string(),
        FieldType::Any => msg::any_value(),
        FieldType::Object(name) => msg::an_object(name),
        FieldType::Array(item) => msg::a_list_of(plural(item)),
        FieldType::Map(value) => msg::a_map_of(plural(value)),
    }
}

fn plural(ty: &FieldType) -> Message {
    match ty {
        FieldType::Object(name) => msg::objects_of(name),
        FieldType::String => msg::strings(),
        FieldType::Integer => msg::integers(),
        FieldType::Number => msg::numbers(),
        FieldType::Boolean => msg::booleans(),
        FieldType::Quantity => msg::quantities(),
        FieldType::IntOrString => msg::ints_or_strings(),
        FieldType::Any => msg::values(),
        FieldType::Array(_) | FieldType::Map(_) => msg::collections(),
    }
}

#[cfg(test)]
mod tests {
    use expect_test::expect;

    use crate::analysis::diagnostics::tests::check;

    #[test]
    fn type_mismatches() {
        check(
            r#"apiVersion: v1
kind: Pod
metadata:
  name: a
  labels:
    version: 1.0
spec:
  hostNetwork: "true"
  containers:
  - name: c
    image: nginx:1
    command: sleep 10
    ports:
    - containerPort: "eighty"
    - containerPort: "8080"
    env:
    - name: PORT
      value: 8080
    resources:
    - limits: {}
"#,
            expect![[r#"
            6:14-6:17 error[type-mismatch] metadata.labels.version: `version` must be a string, found a number (`1.0`)
            8:16-8:22 error[type-mismatch] spec.hostNetwork: `hostNetwork` must be a boolean (`true` or `false`), found a string (`"true"`)
            12:14-12:22 error[type-mismatch] spec.containers[0].command: `command` must be a list of strings, found a string (`sleep 10`)
            14:22-14:30 error[type-mismatch] spec.containers[0].ports[0].containerPort: `containerPort` must be an integer, found a string (`"eighty"`)
            15:22-15:28 error[type-mismatch] spec.containers[0].ports[1].containerPort: `containerPort` must be an integer, found a string (`"8080"`)
            18:14-18:18 error[type-mismatch] spec.containers[0].env[0].value: `value` must be a string, found an integer (`8080`)
            19:5-19:14 error[type-mismatch] spec.containers[0].resources: `resources` must be an object (ResourceRequirements), found a list
        "#]],
        );
        // Quantities and int-or-string take both forms; YAML 1.1 octal modes are integers.
        check(
            r#"apiVersion: v1
kind: Pod
metadata:
  name: a
spec:
  containers:
  - name: c
    image: nginx:1
    resources:
      requests:
        cpu: 0.5
        memory: "1Gi"
      limits:
        cpu: 1
        memory: 2e9
    livenessProbe:
      httpGet:
        port: http
    readinessProbe:
      tcpSocket:
        port: 8080
    ports:
    - name: http
      containerPort: 8080
  volumes:
  - name: v
    configMap:
      name: cm
      defaultMode: 0644
"#,
            expect![""],
        );
    }
}
