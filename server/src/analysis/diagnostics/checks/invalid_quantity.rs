//! `invalid-quantity`: resource values outside the Kubernetes quantity grammar: `1gb`, `1GB`, `100MB`, `1K`
//! are rejected (`Ki`, `k`, `M`, `Mi` are the suffixes). Numbers are fine (`cpu: 0.5`). Quantities must not
//! be negative; extended resources must be whole numbers. A `memory` in `m` (milli-bytes) is accepted but
//! almost always meant `Mi`: a warning. Both offer the value in the unit the user meant (`128Mi`, `128M`).
//!
//! | rule | code | upstream |
//! |---|---|---|
//! | the quantity grammar | `invalid-quantity` | `ParseQuantity` in apimachinery `pkg/api/resource/quantity.go` |
//! | not negative | `invalid-quantity` | `ValidateNonnegativeQuantity` (Kubernetes v1.35 `pkg/apis/core/validation/validation.go`) |
//! | extended resources are whole numbers | `invalid-quantity` | `validateResourceQuantityValue` (same file) |
//! | `memory` in milli-bytes | `suspicious-quantity` | none: the API server accepts it; podls warns |

use super::super::code::Code;
use super::super::context::{Context, Rule, Visit};
use super::super::diagnostic::Diagnostic;
use crate::analysis::fixes::quantity_corrections;
use crate::analysis::quantity::parse_quantity;
use crate::analysis::scalar::Scalar;
use crate::messages::fields as msg;
use crate::schema::FieldType;
use crate::syntax::PathSegment;

pub(in super::super) const RULE: Rule = Rule { on: &[], check };

fn check(cx: &Context, visit: &Visit, out: &mut Vec<Diagnostic>) {
    if *visit.ty != FieldType::Quantity {
        return;
    }
    let range = visit.range(cx);
    let resource = match visit.path.last() {
        Some(PathSegment::Key(key)) => key.as_str(),
        _ => "",
    };
    let written = cx.source(visit.written);
    let (text, value) = match &visit.scalar {
        Some(Scalar::Int(i)) => (i.to_string(), *i as f64),
        Some(Scalar::Float(f)) => (written.trim().to_string(), *f),
        Some(Scalar::Str(s)) => match parse_quantity(s) {
            Ok(value) => (s.trim().to_string(), value),
            Err(why) => {
                out.push(
                    Diagnostic::error(
                        Code::InvalidQuantity,
                        range,
                        msg::invalid_quantity(s, why).render(cx.locale),
                    )
                    .at(visit.path.clone())
                    .with_fixes(quantity_corrections(cx.locale, written, range, resource)),
                );
                return;
            }
        },
        _ => return,
    };
    if value < 0.0 {
        out.push(
            Diagnostic::error(
                Code::InvalidQuantity,
                range,
                msg::negative_quantity(&text).render(cx.locale),
            )
            .at(visit.path.clone()),
        );
        return;
    }
    if resource.contains('/') && value.fract() != 0.0 {
        out.push(
            Diagnostic::error(
                Code::InvalidQuantity,
                range,
                msg::fractional_extended_resource(&text, resource).render(cx.locale),
            )
            .at(visit.path.clone()),
        );
    }
    if resource == "memory" {
        if let Some(number) = text.strip_suffix('m') {
            out.push(
                Diagnostic::warning(
                    Code::SuspiciousQuantity,
                    range,
                    msg::milli_bytes(&text, number).render(cx.locale),
                )
                .at(visit.path.clone())
                .with_fixes(
                    quantity_corrections(cx.locale, written, range, resource)
                        .into_iter()
                        .map(|mut fix| {
                            // The value is valid: which unit was meant is the user's call.
                            fix.preferred = false;
                            fix
                        }),
                ),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use expect_test::expect;

    use crate::analysis::diagnostics::tests::check;

    #[test]
    fn quantities() {
        check(
            "apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\nspec:\n  containers:\n  - name: c\n    image: nginx:1\n    resources:\n      requests:\n        cpu: 100MB\n        memory: 128m\n      limits:\n        cpu: -1\n        memory: 1gb\n        example.com/foo: 0.5\n",
            expect![[r#"
            11:14-11:19 error[invalid-quantity] spec.containers[0].resources.requests.cpu: `100MB` is not a valid quantity: `MB` is not a quantity suffix (suffixes are case-sensitive: `Ki`, `Mi`, `Gi`, `k`, `M`, `G`, `m`, ...); write a number with an optional suffix such as `500m`, `2`, `128Mi`, `1Gi` or `1G`
            12:17-12:21 warning[suspicious-quantity] spec.containers[0].resources.requests.memory: `128m` is 128 milli-bytes (thousandths of a byte); for mebibytes write `128Mi`
            14:14-14:16 error[invalid-quantity] spec.containers[0].resources.limits.cpu: `-1`: quantities must not be negative
            15:17-15:20 error[invalid-quantity] spec.containers[0].resources.limits.memory: `1gb` is not a valid quantity: `gb` is not a quantity suffix (suffixes are case-sensitive: `Ki`, `Mi`, `Gi`, `k`, `M`, `G`, `m`, ...); write a number with an optional suffix such as `500m`, `2`, `128Mi`, `1Gi` or `1G`
            16:26-16:29 error[invalid-quantity] spec.containers[0].resources.limits.example.com/foo: `0.5`: the extended resource `example.com/foo` must be a whole number
        "#]],
        );
    }
}
