//! `missing-required`: what the API server requires, which is more than the JSON schema marks — a name (or
//! generateName), at least one container, a container's name and image, a port's containerPort, ... (the
//! table's `required`). An empty value (`image:` or `image: ""`) counts as missing, as the server sees it.
//! The diagnostic sits on the parent's key; its fix inserts the field with a placeholder.
//!
//! | rule | code | upstream (Kubernetes v1.35 `pkg/apis/core/validation/validation.go`) |
//! |---|---|---|
//! | a field the table marks `required` is absent or empty | `missing-required` | the validator of its type: `validateContainerCommon` (name, image), `validateContainerPorts` (containerPort), `ValidateVolumes` (name), ... |
//! | `metadata.name` or `generateName` of the object itself (not of a pod or claim template) | `missing-required` | `ValidateObjectMeta` in apimachinery `pkg/api/validation/objectmeta.go`; `ValidatePodTemplateSpec` does not ask for one |
//! | `spec.containers` lists at least one | `missing-required` | `validateContainers` |
//! | nothing is missing inside an optional object written `null`: the decoder leaves its pointer nil | none | sigs.k8s.io/json (the API server's decoder): `null` into a pointer sets it to nil |

use super::super::code::Code;
use super::super::context::{Context, Rule, Visit};
use super::super::diagnostic::Diagnostic;
use crate::analysis::fixes::{append_in_flow, append_lines, line_break};
use crate::analysis::scalar::{Scalar, scalar};
use crate::messages::{Message, fields as msg, fixes};
use crate::schema::{Field, FieldType, Schema};
use crate::syntax::lines::line_start;
use crate::syntax::{NodeKind, PathSegment, TextRange};

pub(in super::super) const RULE: Rule = Rule { on: &[], check };

fn check(cx: &Context, visit: &Visit, out: &mut Vec<Diagnostic>) {
    if !cx.complete {
        return;
    }
    let Some(type_name) = visit.object() else {
        return;
    };
    if unset_by_null(visit) {
        return;
    }
    let doc = cx.doc;
    for field in required_fields(cx.schema, type_name) {
        let present = if visit.is_null() {
            None
        } else {
            doc.entry(visit.node, &field.name)
        };
        match present {
            Some((key, value)) => {
                let empty = field.ty.is_scalar() || matches!(field.ty, FieldType::Array(_));
                let empty = empty
                    && match scalar(doc, value) {
                        Some(Scalar::Null) => true,
                        Some(Scalar::Str(s)) => s.is_empty(),
                        _ => false,
                    };
                if empty {
                    out.push(
                        Diagnostic::error(
                            Code::MissingRequired,
                            doc.node(key).range,
                            msg::required_not_empty(&field.name).render(cx.locale),
                        )
                        .at(visit.path.key(field.name.clone())),
                    );
                }
            }
            None if type_name == "ObjectMeta" && field.name == "name" => {
                let generated = !visit.is_null() && doc.get(visit.node, "generateName").is_some();
                if generated || !cx.is_own_metadata(visit.path) {
                    continue;
                }
                let message = msg::name_required(visit.path.key("name"));
                out.push(missing(cx, visit, field, message));
            }
            None => {
                let message = msg::missing_required(&field.name, type_name);
                out.push(missing(cx, visit, field, message));
            }
        }
    }
    if type_name == "PodSpec" && !visit.is_null() {
        if let Some(containers) = doc.get(visit.node, "containers") {
            let empty_list = matches!(&doc.node(doc.resolve(containers)).kind, NodeKind::Sequence { items, .. } if doc.items_of(*items).is_empty());
            if empty_list {
                let key = doc
                    .entries(visit.node)
                    .iter()
                    .find(|(_, v)| *v == containers)
                    .map(|(k, _)| *k);
                let range = key.map_or(doc.node(containers).range, |k| doc.node(k).range);
                out.push(
                    Diagnostic::error(
                        Code::MissingRequired,
                        range,
                        msg::no_containers(visit.path.key("containers")).render(cx.locale),
                    )
                    .at(visit.path.key("containers")),
                );
            }
        }
    }
}

/// Whether the decoder leaves this object unset: an optional object written `null` (or with nothing after its
/// key) is a nil pointer in the Go types (`affinity`, a probe, `requiredDuringScheduling…`), so nothing inside
/// it is missing. A required one (`spec: null`) or a `null` list item decodes to an empty object, whose
/// required fields are.
fn unset_by_null(visit: &Visit) -> bool {
    let item = matches!(visit.path.last(), Some(PathSegment::Index(_)));
    visit.is_null() && !item && !visit.field.is_some_and(|f| f.required)
}

/// The fields the server requires in a type: the table's `required`, plus `ObjectMeta.name` (which may be
/// replaced by `generateName`, so the table cannot mark it), in the table's writing order (`name` first).
fn required_fields<'a>(schema: &'a Schema, type_name: &str) -> impl Iterator<Item = &'a Field> {
    let def = schema.type_def(type_name);
    let meta_name = def
        .filter(|_| type_name == "ObjectMeta")
        .and_then(|def| def.field("name"))
        .filter(|name| !name.required);
    meta_name
        .into_iter()
        .chain(def.into_iter().flat_map(|def| def.required()))
}

fn missing(cx: &Context, visit: &Visit, field: &Field, message: Message) -> Diagnostic {
    let range = visit.anchor(cx);
    let mut diagnostic = Diagnostic::error(Code::MissingRequired, range, message.render(cx.locale))
        .at(visit.path.key(field.name.clone()));
    if let Some(edit) = insertion(cx, visit, field) {
        let title = fixes::add(&field.name).render(cx.locale);
        diagnostic = diagnostic.fix(title, vec![edit], true);
    }
    diagnostic
}

/// Where and what to insert so that `field` joins the mapping of `visit`, at its indentation.
fn insertion(cx: &Context, visit: &Visit, field: &Field) -> Option<(TextRange, String)> {
    let text = cx.text;
    let doc = cx.doc;
    let node = doc.node(visit.node);
    let eol = line_break(text);
    // The new lines as `append_lines` takes them, each in the file's line break.
    let lines = |indent: usize, value: String| -> Vec<String> {
        let field = format!("{}{}:{value}", " ".repeat(indent), field.name);
        field.split('\n').map(str::to_owned).collect()
    };
    if visit.is_null() {
        // `metadata:` with nothing after it: the fields go on the next lines, two spaces deeper.
        let key_node = doc.node(visit.key?);
        // Inside `{ }` or `[ ]` block lines would land inside the brackets (a loop of `--fix`, found by the
        // fix_all fuzz target in `{kind: Pod, metadata}`): no fix there.
        let in_flow = key_node
            .parent
            .is_some_and(|parent| matches!(doc.kind(parent), NodeKind::Mapping { flow: true, .. }));
        if in_flow {
            return None;
        }
        let key = key_node.range;
        let indent = key.start - line_start(text, key.start) + 2;
        let value = block_value(cx.schema, &field.ty, Some(field), indent + 2, 0);
        return Some(append_lines(text, key.end, &lines(indent, value)));
    }
    let NodeKind::Mapping { entries, flow } = &node.kind else {
        return None;
    };
    let entries = doc.entries_of(*entries);
    if *flow {
        let json = entries
            .first()
            .is_some_and(|(k, _)| cx.source(*k).starts_with('"'));
        let name = if json {
            format!("\"{}\"", field.name)
        } else {
            field.name.clone()
        };
        let value = flow_value(&field.ty, field, json);
        return append_in_flow(text, doc, visit.node, &format!("{name}: {value}"));
    }
    let (first_key, _) = entries.first()?;
    let first = doc.node(*first_key).range.start;
    let indent = first - line_start(text, first);
    let value = block_value(cx.schema, &field.ty, Some(field), indent + 2, 0);
    if visit.path.is_empty() && indent == 0 {
        // The document's own fields (`apiVersion`) go on top, where people look for them.
        let top = lines(0, value).join(eol);
        return Some((TextRange::empty(first), format!("{top}{eol}")));
    }
    Some(append_lines(text, node.range.end, &lines(indent, value)))
}

/// The text after `key:` for a new field in block style: ` value`, or nested lines at `indent` holding its
/// own required fields (a new container gets its `name` and `image`).
fn block_value(
    schema: &Schema,
    ty: &FieldType,
    field: Option<&Field>,
    indent: usize,
    depth: usize,
) -> String {
    let pad = " ".repeat(indent);
    match ty {
        FieldType::Object(name) => {
            let fields: Vec<&Field> = required_fields(schema, name).collect();
            if fields.is_empty() || depth > 3 {
                return " {}".into();
            }
            fields
                .iter()
                .map(|f| {
                    let value = block_value(schema, &f.ty, Some(f), indent + 2, depth + 1);
                    format!("\n{pad}{}:{value}", f.name)
                })
                .collect()
        }
        FieldType::Array(item) => match item.as_ref() {
            FieldType::Object(name)
                if depth <= 3 && required_fields(schema, name).next().is_some() =>
            {
                let mut out = format!("\n{pad}- ");
                for (i, f) in required_fields(schema, name).enumerate() {
                    if i > 0 {
                        out.push_str(&format!("\n{pad}  "));
                    }
                    let value = block_value(schema, &f.ty, Some(f), indent + 4, depth + 1);
                    out.push_str(&format!("{}:{value}", f.name));
                }
                out
            }
            _ => " []".into(),
        },
        FieldType::Map(_) => " {}".into(),
        _ => format!(" {}", scalar_placeholder(ty, field, false)),
    }
}

fn flow_value(ty: &FieldType, field: &Field, json: bool) -> String {
    match ty {
        FieldType::Object(_) | FieldType::Map(_) => "{}".into(),
        FieldType::Array(_) => "[]".into(),
        _ => scalar_placeholder(ty, Some(field), json),
    }
}

/// A value the user replaces, valid for the field's type, enum and range so the fix leaves no new error.
fn scalar_placeholder(ty: &FieldType, field: Option<&Field>, json: bool) -> String {
    let quote = |s: &str| {
        if json {
            format!("\"{s}\"")
        } else {
            s.to_string()
        }
    };
    match ty {
        FieldType::Integer | FieldType::Number | FieldType::IntOrString | FieldType::Quantity => {
            let min = field.and_then(|f| f.minimum.map(|m| m + i64::from(f.exclusive_minimum)));
            min.unwrap_or(0).to_string()
        }
        FieldType::Boolean => "false".into(),
        _ => match field.and_then(|f| f.enum_values.iter().find(|v| !v.is_empty())) {
            Some(value) => quote(value),
            None => quote("change-me"),
        },
    }
}

#[cfg(test)]
mod tests {
    use expect_test::expect;

    use crate::analysis::diagnostics::tests::check;

    #[test]
    fn missing_required() {
        check(
            "apiVersion: v1\nkind: Pod\nmetadata:\n  labels: {}\nspec:\n  containers:\n  - name: c\n    ports:\n    - name: http\n    env:\n    - value: x\n  volumes:\n  - emptyDir: {}\n  topologySpreadConstraints:\n  - maxSkew: 1\n    whenUnsatisfiable: DoNotSchedule\n",
            expect![[r#"
            3:1-3:9 error[missing-required] metadata.name: `metadata.name` (or `generateName`) is required
            7:5-7:9 error[missing-required] spec.containers[0].image: missing required field `image` (Container)
            9:7-9:11 error[missing-required] spec.containers[0].ports[0].containerPort: missing required field `containerPort` (ContainerPort)
            11:7-11:12 error[missing-required] spec.containers[0].env[0].name: missing required field `name` (EnvVar)
            13:5-13:13 error[missing-required] spec.volumes[0].name: missing required field `name` (Volume)
            15:5-15:12 error[missing-required] spec.topologySpreadConstraints[0].topologyKey: missing required field `topologyKey` (TopologySpreadConstraint)
        "#]],
        );
        check(
            "kind: Pod\nmetadata:\n  generateName: web-\nspec:\n  containers: []\n",
            expect![[r#"
            1:1-1:5 error[missing-required] apiVersion: missing required field `apiVersion` (Pod)
            5:3-5:13 error[missing-required] spec.containers: `spec.containers` must list at least one container
        "#]],
        );
        check(
            "apiVersion: v1\nkind: Pod\nmetadata:\nspec:\n  containers:\n  - name: c\n    image: \"\"\n",
            expect![[r#"
            3:1-3:9 error[missing-required] metadata.name: `metadata.name` (or `generateName`) is required
            7:5-7:10 error[missing-required] spec.containers[0].image: `image` is required and must not be empty
        "#]],
        );
    }

    #[test]
    fn null_is_absent_for_the_decoder() {
        // Optional objects, lists and scalars written `null` are unset: nothing inside them is missing. A
        // required object written `null` and a `null` list item decode to empty objects, whose fields are.
        check(
            "apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\n  labels: null\nspec:\n  affinity:\n    nodeAffinity:\n      requiredDuringSchedulingIgnoredDuringExecution: null\n  securityContext: ~\n  volumes: null\n  containers:\n  - name: c\n    image: nginx:1\n    resources: null\n    env: null\n    livenessProbe: null\n    workingDir: null\n  initContainers:\n  - null\n",
            expect![[r#"
                20:5-20:9 error[missing-required] spec.initContainers[0].name: missing required field `name` (Container)
                20:5-20:9 error[missing-required] spec.initContainers[0].image: missing required field `image` (Container)
            "#]],
        );
        check(
            "apiVersion: v1\nkind: Pod\nmetadata: null\nspec: null\n",
            expect![[r#"
                3:1-3:9 error[missing-required] metadata.name: `metadata.name` (or `generateName`) is required
                4:1-4:5 error[missing-required] spec.containers: missing required field `containers` (PodSpec)
            "#]],
        );
    }
}
