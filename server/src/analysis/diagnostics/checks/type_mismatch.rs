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
            format!("{} (`{}`)", value.describe(), source.trim()),
            visit.range(cx),
        ),
        (None, NodeKind::Sequence { .. }) => ("a list".to_string(), visit.anchor(cx)),
        (None, _) => ("a mapping".to_string(), visit.anchor(cx)),
    };
    let name = field_name(visit);
    let mut diagnostic = Diagnostic::error(
        Code::TypeMismatch,
        range,
        format!("{name} must be {}, found {found}", expected(visit.ty)),
    )
    .at(visit.path.clone());
    let quoted = matches!(
        doc.node(visit.node).kind,
        NodeKind::Scalar {
            style: ScalarStyle::SingleQuoted | ScalarStyle::DoubleQuoted,
            ..
        }
    );
    match (&visit.scalar, visit.ty) {
        (Some(Scalar::Str(s)), FieldType::Integer | FieldType::Number | FieldType::Boolean)
            if quoted && !matches!(plain(s), Scalar::Str(_) | Scalar::Null) =>
        {
            let plain = plain(s);
            if scalar_fits(&plain, visit.ty) {
                diagnostic = diagnostic.fix(
                    format!("Write `{s}` without quotes"),
                    vec![(range, s.to_string())],
                    true,
                );
            }
        }
        (Some(Scalar::Int(_) | Scalar::Float(_) | Scalar::Bool(_)), FieldType::String) => {
            let text = source.trim();
            diagnostic = diagnostic.fix(
                format!("Quote `{text}` as a string"),
                vec![(range, format!("\"{text}\""))],
                true,
            );
        }
        // `initialDelaySeconds:5` alone on its line parses as a string where an object belongs.
        (Some(Scalar::Str(_)), FieldType::Object(_) | FieldType::Map(_) | FieldType::Array(_))
            if !quoted && glued_key_value(cx.text, range).is_some() =>
        {
            diagnostic
                .message
                .push_str("; is a space missing after `:`?");
            diagnostic = diagnostic.with_fixes(glued_key_value(cx.text, range));
        }
        (Some(Scalar::Str(s)), FieldType::Array(item)) if **item == FieldType::String => {
            let name = visit.field.map_or("", |f| f.name.as_str());
            diagnostic = diagnostic.with_fixes(string_to_list(s, range, name));
        }
        (None, FieldType::Array(item))
            if matches!(**item, FieldType::Object(_))
                && matches!(doc.node(visit.node).kind, NodeKind::Mapping { .. }) =>
        {
            diagnostic = diagnostic.with_fixes(object_to_list(cx.text, doc, visit.node));
        }
        _ => {}
    }
    diagnostic
}

/// `containerPort`, or `ports[0]` for an item.
fn field_name(visit: &Visit) -> String {
    match visit.path.last() {
        Some(crate::syntax::PathSegment::Key(key)) => format!("`{key}`"),
        Some(crate::syntax::PathSegment::Index(_)) => {
            let name = visit.field.map_or("the list", |f| f.name.as_str());
            format!("each item of `{name}`")
        }
        None => "the document".to_string(),
    }
}

fn expected(ty: &FieldType) -> String {
    match ty {
        FieldType::String => "a string".into(),
        FieldType::Integer => "an integer".into(),
        FieldType::Number => "a number".into(),
        FieldType::Boolean => "a boolean (`true` or `false`)".into(),
        FieldType::Quantity => "a quantity (a number, or a string such as `500m` or `1Gi`)".into(),
        FieldType::IntOrString => "an integer or a string".into(),
        FieldType::Any => "any value".into(),
        FieldType::Object(name) => format!("an object ({name})"),
        FieldType::Array(item) => format!("a list of {}", plural(item)),
        FieldType::Map(value) => format!("a mapping of names to {}", plural(value)),
    }
}

fn plural(ty: &FieldType) -> String {
    match ty {
        FieldType::Object(name) => format!("{name} objects"),
        FieldType::IntOrString => "integers or strings".into(),
        FieldType::Any => "values".into(),
        FieldType::Array(_) | FieldType::Map(_) => "collections".into(),
        other => format!("{}s", other.display()),
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
