//! `invalid-path`: file paths the API server rejects (`validateLocalDescendingPath`, `validateSubPath`,
//! hostPath's `validatePathNoBacksteps`): paths inside a volume or a mount must be relative and must not climb
//! out with `..`; a hostPath may be absolute but must not contain a `..` element either. An absolute path
//! inside a volume is offered as the same path, relative.
//!
//! Which fields take which rule is the table's `pathRule`.
//!
//! | rule | code | upstream (Kubernetes v1.35 `pkg/apis/core/validation/validation.go`) |
//! |---|---|---|
//! | a path inside a volume is relative and does not climb | `invalid-path` | `validateLocalDescendingPath` (`ValidateVolumeMounts` subPath, `validateKeyToPath`, `validateDownwardAPIVolumeFile`, `validateProjectionSources`) |
//! | a hostPath has no `..` element | `invalid-path` | `validatePathNoBacksteps` (`validateHostPathVolumeSource`) |

use super::super::code::Code;
use super::super::context::{Context, Rule, Visit};
use super::super::diagnostic::Diagnostic;
use crate::analysis::fixes::requote;
use crate::messages::{fields as msg, fixes};
use crate::schema::PathRule;

pub(in super::super) const RULE: Rule = Rule { on: &[], check };

fn check(cx: &Context, visit: &Visit, out: &mut Vec<Diagnostic>) {
    let Some(field) = visit.field else { return };
    let Some(rule) = field.path_rule else {
        return;
    };
    let Some(path) = cx.doc.scalar(visit.node) else {
        return;
    };
    if path.is_empty() {
        return;
    }
    let climbs = path.split(['/', '\\']).any(|element| element == "..");
    let absolute = path.starts_with('/');
    let name = &field.name;
    let message = match rule {
        PathRule::LocalDescending if absolute => msg::absolute_path(name, path),
        _ if climbs => msg::climbing_path(name, path),
        _ => return,
    };
    let range = visit.range(cx);
    let mut diagnostic = Diagnostic::error(Code::InvalidPath, range, message.render(cx.locale))
        .at(visit.path.clone());
    let relative = path.trim_start_matches('/');
    if absolute && !climbs && !relative.is_empty() {
        diagnostic = diagnostic.fix(
            fixes::change_to(relative).render(cx.locale),
            vec![(range, requote(cx.source(visit.written), relative))],
            true,
        );
    }
    out.push(diagnostic);
}

#[cfg(test)]
mod tests {
    use expect_test::expect;

    use crate::analysis::diagnostics::tests::check;

    #[test]
    fn paths_inside_volumes_stay_inside() {
        check(
            "apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\nspec:\n  containers:\n  - name: c\n    image: nginx:1\n    volumeMounts:\n    - name: v\n      mountPath: /data\n      subPath: ../etc\n    - name: h\n      mountPath: /host\n      subPath: logs/app\n  volumes:\n  - name: v\n    configMap:\n      name: cm\n      items:\n      - key: k\n        path: /abs/file\n  - name: h\n    hostPath:\n      path: /var/../etc\n",
            expect![[r#"
            12:16-12:22 error[invalid-path] spec.containers[0].volumeMounts[0].subPath: `subPath` must not contain a `..` element, found `../etc`
            22:15-22:24 error[invalid-path] spec.volumes[0].configMap.items[0].path: `path` must be a relative path inside the volume, found the absolute path `/abs/file`
            25:13-25:24 error[invalid-path] spec.volumes[1].hostPath.path: `path` must not contain a `..` element, found `/var/../etc`
        "#]],
        );
    }
}
