//! `invalid-path`: file paths the API server rejects (`validateLocalDescendingPath`, `validateSubPath`,
//! hostPath's `validatePathNoBacksteps`): paths inside a volume or a mount must be relative and must not climb
//! out with `..`; a hostPath may be absolute but must not contain a `..` element either.

use super::walk::Visit;
use super::{Context, Diagnostic};

/// How a path field is constrained.
enum PathRule {
    /// Relative, no `..` element (a path inside a volume, or a mount's sub-path).
    LocalDescending,
    /// Any path without a `..` element.
    NoBacksteps,
}

fn rule(owner: &str, field: &str) -> Option<PathRule> {
    match (owner, field) {
        ("VolumeMount", "subPath")
        | ("KeyToPath", "path")
        | ("DownwardAPIVolumeFile", "path")
        | ("ServiceAccountTokenProjection", "path")
        | ("ClusterTrustBundleProjection", "path") => Some(PathRule::LocalDescending),
        ("HostPathVolumeSource", "path") => Some(PathRule::NoBacksteps),
        _ => None,
    }
}

pub(super) fn check(cx: &Context, visit: &Visit, out: &mut Vec<Diagnostic>) {
    let Some(field) = visit.field else { return };
    let Some(rule) = rule(&field.declared_in, &field.name) else {
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
        PathRule::LocalDescending if absolute => {
            format!(
                "`{name}` must be a relative path inside the volume, found the absolute path `{path}`"
            )
        }
        _ if climbs => format!("`{name}` must not contain a `..` element, found `{path}`"),
        _ => return,
    };
    out.push(Diagnostic::error("invalid-path", visit.range(cx), message).at(&visit.path));
}
