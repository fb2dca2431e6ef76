//! Rules of a Deployment's spec the field table cannot say: its progress deadline must leave room for the
//! pods to become available (`minReadySeconds`), counting the default deadline of 600 seconds.
//! (The rollout's strategy is `rolling_update.rs`, the selector `workload_selector.rs`.)
//!
//! | rule | code | upstream (Kubernetes v1.35) |
//! |---|---|---|
//! | `progressDeadlineSeconds` (default 600) greater than `minReadySeconds` | `out-of-range` | `ValidateDeploymentSpec` (`pkg/apis/apps/validation/validation.go`); `SetDefaults_Deployment` (`pkg/apis/apps/v1/defaults.go`) |

use super::super::code::Code;
use super::super::context::{Context, Rule, Visit};
use super::super::diagnostic::Diagnostic;
use super::super::fields::{entry, integer};
use crate::messages::rules as msg;

pub(super) const RULES: &[Rule] = &[Rule {
    on: &["DeploymentSpec"],
    check: progress_deadline,
}];

/// What `progressDeadlineSeconds` defaults to in apps/v1.
const DEFAULT_PROGRESS_DEADLINE: i128 = 600;

fn progress_deadline(cx: &Context, visit: &Visit, out: &mut Vec<Diagnostic>) {
    if visit.is_null() {
        return;
    }
    let doc = cx.doc;
    let Some(min_ready) = integer(doc, visit.node, "minReadySeconds").filter(|m| *m >= 0) else {
        return;
    };
    let written = entry(doc, visit.node, "progressDeadlineSeconds");
    let deadline = integer(doc, visit.node, "progressDeadlineSeconds");
    let (range, path, message) = match (written, deadline) {
        (Some((_, value)), Some(deadline)) if (0..=min_ready).contains(&deadline) => (
            doc.node(value).range,
            visit.path.key("progressDeadlineSeconds"),
            msg::progress_deadline_too_short(deadline, min_ready),
        ),
        (None, _) if min_ready >= DEFAULT_PROGRESS_DEADLINE => {
            let (_, value) = entry(doc, visit.node, "minReadySeconds").expect("read above");
            (
                doc.node(value).range,
                visit.path.key("minReadySeconds"),
                msg::min_ready_beyond_default_deadline(min_ready, DEFAULT_PROGRESS_DEADLINE),
            )
        }
        _ => return,
    };
    let message = message.render(cx.locale);
    out.push(Diagnostic::error(Code::OutOfRange, range, message).at(path));
}

#[cfg(test)]
mod tests {
    use expect_test::expect;

    use crate::analysis::diagnostics::tests::check;

    fn deployment(spec: &str) -> String {
        format!(
            "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: d\nspec:\n{spec}  selector: {{matchLabels: {{app: d}}}}\n  template:\n    metadata: {{labels: {{app: d}}}}\n    spec:\n      containers: [{{name: c, image: 'nginx:1'}}]\n"
        )
    }

    #[test]
    fn the_progress_deadline_leaves_room_for_min_ready_seconds() {
        check(&deployment("  minReadySeconds: 30\n"), expect![[""]]);
        check(
            &deployment("  minReadySeconds: 30\n  progressDeadlineSeconds: 60\n"),
            expect![[""]],
        );
        check(
            &deployment("  minReadySeconds: 30\n  progressDeadlineSeconds: 30\n"),
            expect![[r#"
                7:28-7:30 error[out-of-range] spec.progressDeadlineSeconds: `progressDeadlineSeconds` (30) must be greater than `minReadySeconds` (30): a rollout could never be seen progressing
            "#]],
        );
        check(
            &deployment("  minReadySeconds: 900\n  replicas: -2\n"),
            expect![[r#"
                6:20-6:23 error[out-of-range] spec.minReadySeconds: `minReadySeconds` (900) must be less than `progressDeadlineSeconds`, which defaults to 600: set `progressDeadlineSeconds` above it
                7:13-7:15 error[out-of-range] spec.replicas: `replicas` must be at least 0, found -2
            "#]],
        );
    }
}
