//! Hover: the docs of the field under the cursor, or of the enum value under it, in the user's language.

use crate::schema::FieldType;
use crate::syntax::{CursorSlot, PathSegment, YamlFile, dotted, in_template_action, locate};

use super::field_docs::{DocStyle, render_field, render_value};
use super::inputs::Inputs;
use super::pod_sites::{pod_root, schema_at};
use super::resource_docs::{quantity_doc, resource_doc};

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hover {
    pub markdown: String,
    pub range: crate::syntax::TextRange,
}

pub fn hover(inputs: &Inputs, text: &str, file: &YamlFile, offset: usize) -> Option<Hover> {
    let (schema, locale) = (inputs.schema, inputs.locale);
    let doc = file.document_at(offset)?;
    if in_template_action(text, doc, offset) {
        return None;
    }
    let context = locate(text, doc, offset);
    let root = pod_root(&inputs.pod_templates, text, doc, &context.path)?;
    if context.slot == CursorSlot::Nothing || context.range.is_empty() {
        return None;
    }
    let (PathSegment::Key(_), parent) = context.path.split_last()? else {
        // A sequence item's value: explain the field that holds the list.
        let resolved = schema_at(schema, &root, &context.path)?;
        let (_, field) = resolved.field?;
        let markdown = render_field(
            schema,
            &dotted(&context.path),
            field,
            locale,
            DocStyle::Markdown,
            inputs.kubernetes,
        );
        return Some(Hover {
            markdown,
            range: context.range,
        });
    };
    // Only keys the table declares get docs; a label key or a misspelled field gets nothing. Resource
    // names (the keys of `requests`, `limits`, `overhead`) and their quantities have docs of their own.
    let parent_type = schema_at(schema, &root, parent)?.ty;
    if let FieldType::Map(value) = parent_type {
        let PathSegment::Key(name) = context.path.last()? else {
            return None;
        };
        if !matches!(value.as_ref(), FieldType::Quantity) {
            return None;
        }
        let markdown = match context.slot {
            CursorSlot::Value => quantity_doc(schema, name, context.text(text), locale),
            _ => resource_doc(schema, name, locale),
        }?;
        return Some(Hover {
            markdown,
            range: context.range,
        });
    }
    if !matches!(parent_type, FieldType::Object(_)) {
        return None;
    }
    let resolved = schema_at(schema, &root, &context.path)?;
    let (_, field) = resolved.field?;
    let path = dotted(&context.path);
    let field_doc = || {
        render_field(
            schema,
            &path,
            field,
            locale,
            DocStyle::Markdown,
            inputs.kubernetes,
        )
    };
    let markdown = match context.slot {
        CursorSlot::Value => {
            let value = context.text(text).trim_matches(|c| c == '"' || c == '\'');
            match &field.ty {
                // `sizeLimit: 1Gi`: what the amount is, then the field.
                FieldType::Quantity => match quantity_doc(schema, &field.name, value, locale) {
                    Some(amount) => format!("{amount}\n\n{}", field_doc()),
                    None => field_doc(),
                },
                _ => render_value(schema, field, value, locale, DocStyle::Markdown)
                    .unwrap_or_else(field_doc),
            }
        }
        _ => field_doc(),
    };
    Some(Hover {
        markdown,
        range: context.range,
    })
}

#[cfg(test)]
mod tests {
    use expect_test::{Expect, expect};

    use super::*;
    use crate::schema::Locale;
    use crate::syntax::parse;

    /// The hovered text and the first lines of the hover, at the `$0` cursor.
    fn check(fixture: &str, locale: Locale, expect: Expect) {
        let offset = fixture.find("$0").expect("fixture needs a $0 cursor");
        let text = fixture.replacen("$0", "", 1);
        let file = parse(&text);
        let actual = match hover(&Inputs::new(locale), &text, &file, offset) {
            None => "no hover".to_string(),
            Some(hover) => {
                let head: Vec<&str> = hover.markdown.lines().take(3).collect();
                format!(
                    "on {:?}\n{}",
                    &text[hover.range.as_range()],
                    head.join("\n")
                )
            }
        };
        expect.assert_eq(&actual);
    }

    const POD: &str = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  labels:\n    app: web\nspec:\n  containers:\n  - name: app\n    image: nginx:1.27\n    imagePullPolicy: IfNotPresent\n    ports:\n    - containerPort: 80\n      protocol: TCP\n";

    fn at(marker: &str) -> String {
        POD.replacen(marker, &format!("{}$0{}", &marker[..2], &marker[2..]), 1)
    }

    #[test]
    fn hover_on_keys_in_english_and_chinese() {
        check(
            &at("imagePullPolicy:"),
            Locale::En,
            expect![[r#"
                on "imagePullPolicy"
                **imagePullPolicy** `string` · optional  
                `spec.containers[0].imagePullPolicy`
            "#]],
        );
        check(
            &at("imagePullPolicy:"),
            Locale::ZhCn,
            expect![[r#"
                on "imagePullPolicy"
                **imagePullPolicy** `string` · 可选  
                `spec.containers[0].imagePullPolicy`
            "#]],
        );
        check(
            &at("protocol:"),
            Locale::En,
            expect![[r#"
                on "protocol"
                **protocol** `string` · optional  
                `spec.containers[0].ports[0].protocol`
            "#]],
        );
        check(
            &at("apiVersion"),
            Locale::En,
            expect![[r#"
                on "apiVersion"
                **apiVersion** `string` · required  
                `apiVersion`
            "#]],
        );
    }

    #[test]
    fn hover_on_enum_values_explains_the_value() {
        check(
            &at("IfNotPresent"),
            Locale::En,
            expect![[r#"
            on "IfNotPresent"
            **imagePullPolicy**: `IfNotPresent`

            Pull only if the image isn't already on the node. Fast and tolerant of registry outages, but a node keeps using whatever it cached under that tag — use immutable tags or digests with it."#]],
        );
        check(
            &at("TCP"),
            Locale::ZhCn,
            expect![[r#"
            on "TCP"
            **protocol**: `TCP`

            面向连接的 TCP——HTTP、gRPC、数据库以及大多数服务都使用它。"#]],
        );
    }

    #[test]
    fn hover_on_resource_names_and_quantities() {
        let pod = "kind: Pod\nspec:\n  containers:\n  - name: a\n    resources:\n      requests:\n        cpu: 100m\n        memory: 128Mi\n        nvidia.com/gpu: 1\n";
        let at =
            |marker: &str| pod.replacen(marker, &format!("{}$0{}", &marker[..1], &marker[1..]), 1);
        check(
            &at("cpu:"),
            Locale::En,
            expect![[r#"
                on "cpu"
                **cpu**

                Processor time, in cores: `1` is one full core (or vCPU), `500m` half of one. Requests decide where the Pod is scheduled; a limit throttles the container, it is never killed for using CPU."#]],
        );
        check(
            &at("100m"),
            Locale::En,
            expect![[r#"
                on "100m"
                **cpu: 100m** = 0.1 cores

                `m` is milli, a thousandth: `100m` of CPU is a tenth of a core. On memory it means thousandths of a byte — almost always a typo for `M` or `Mi`."#]],
        );
        check(
            &at("128Mi"),
            Locale::ZhCn,
            expect![[r#"
                on "128Mi"
                **memory: 128Mi** = 134217728 字节

                二进制后缀：`Ki` = 2^10（1024），`Mi` = 2^20，`Gi` = 2^30，`Ti` = 2^40，`Pi` = 2^50，`Ei` = 2^60。内存通常这样书写。"#]],
        );
        check(
            &at("nvidia"),
            Locale::En,
            expect![[r#"
                on "nvidia.com/gpu"
                **nvidia.com/gpu**

                An extended resource advertised by a device plugin or the cluster admin (`nvidia.com/gpu`): whole numbers only, and requests must equal limits."#]],
        );
    }

    #[test]
    fn hover_on_a_quantity_field_says_what_the_amount_is() {
        check(
            "kind: Pod\nspec:\n  volumes:\n  - name: v\n    emptyDir:\n      sizeLimit: 1G$0i\n",
            Locale::En,
            expect![[r#"
                on "1Gi"
                **sizeLimit: 1Gi** = 1073741824 bytes

                A binary suffix: `Ki` = 2^10 (1024), `Mi` = 2^20, `Gi` = 2^30, `Ti` = 2^40, `Pi` = 2^50, `Ei` = 2^60. This is how memory is usually written."#]],
        );
    }

    /// The workloads' own fields explain the rules users hit, as the Pod's do.
    #[test]
    fn hover_on_workload_fields_explains_their_rules() {
        let cases = [
            (
                "apiVersion: apps/v1\nkind: Deployment\nspec:\n  strategy:\n    rollingUpdate:\n      max$0Surge: 1\n",
                Locale::En,
                &[
                    "**maxSurge** `int-or-string`",
                    "`\"25%\"`",
                    "`maxUnavailable`",
                ][..],
            ),
            (
                "apiVersion: batch/v1\nkind: CronJob\nspec:\n  sched$0ule: \"*/5 * * * *\"\n",
                Locale::ZhCn,
                &[
                    "**schedule** `string` · 必填",
                    "`@hourly`",
                    "`TZ=`",
                    "`timeZone`",
                ][..],
            ),
            (
                "apiVersion: batch/v1\nkind: Job\nspec:\n  template:\n    spec:\n      restart$0Policy: Never\n",
                Locale::En,
                &[
                    "`spec.template.spec.restartPolicy`",
                    "Jobs only `OnFailure` or `Never`",
                ][..],
            ),
        ];
        for (fixture, locale, needles) in cases {
            let offset = fixture.find("$0").unwrap();
            let text = fixture.replacen("$0", "", 1);
            let markdown = hover(&Inputs::new(locale), &text, &parse(&text), offset)
                .unwrap_or_else(|| panic!("no hover in {text}"))
                .markdown;
            for needle in needles {
                assert!(markdown.contains(needle), "{needle:?} in {markdown}");
            }
        }
    }

    #[test]
    fn hover_inside_workloads_starts_at_the_object() {
        check(
            "apiVersion: apps/v1\nkind: Deployment\nspec:\n  template:\n    spec:\n      containers:\n      - name: web\n        ima$0ge: nginx:1\n",
            Locale::En,
            expect![[r#"
                on "image"
                **image** `string` · required  
                `spec.template.spec.containers[0].image`
            "#]],
        );
        check(
            "apiVersion: batch/v1\nkind: CronJob\nspec:\n  concurrency$0Policy: Forbid\n",
            Locale::En,
            expect![[r#"
                on "concurrencyPolicy"
                **concurrencyPolicy** `string` · optional  
                `spec.concurrencyPolicy`
            "#]],
        );
    }

    #[test]
    fn no_hover_where_the_table_has_nothing() {
        check(&at("app: web"), Locale::En, expect!["no hover"]);
        check(
            "apiVersion: v1\nkind: Service\nspec:\n  por$0ts: []\n",
            Locale::En,
            expect!["no hover"],
        );
        check(
            "apiVersion: v1\nkind: Pod\nspec:\n  nodeSeletor$0: {}\n",
            Locale::En,
            expect!["no hover"],
        );
    }

    #[test]
    fn hover_in_flow_style_and_later_documents() {
        check(
            "{ apiVersion: \"v1\", kind: \"Pod\", metadata: { name: x }, spec: { restartPol$0icy: Never } }",
            Locale::En,
            expect![[r#"
                on "restartPolicy"
                **restartPolicy** `string` · optional  
                `spec.restartPolicy`
            "#]],
        );
        check(
            "kind: ConfigMap\n---\napiVersion: v1\nkind: Pod\nspec:\n  hostNet$0work: true\n",
            Locale::En,
            expect![[r#"
                on "hostNetwork"
                **hostNetwork** `boolean` · optional  
                `spec.hostNetwork`
            "#]],
        );
    }
}
