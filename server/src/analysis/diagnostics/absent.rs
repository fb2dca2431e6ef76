//! Fields the target Kubernetes version does not have (newer than it, or removed before it): the walk does
//! not enter them and `checks/version` reports each once. A rule that reads such a field straight from the
//! text (a `PodSpec` rule on `lifecycle.stopSignal`, a container rule on `restartPolicyRules`) would report
//! it a second time about a field the target's API server never gets to validate, so its findings inside
//! the field, or about a path under it, are dropped here.

use super::code::Code;
use super::diagnostic::Diagnostic;
use crate::syntax::{FieldPath, TextRange};

/// One key the target lacks, as the walk met it.
pub(super) struct AbsentField {
    /// The key itself: where `checks/version` reports it.
    pub key: TextRange,
    /// From the key to the end of its value.
    pub span: TextRange,
    pub path: FieldPath,
}

impl AbsentField {
    /// Whether `finding` is about this field, and not the version finding itself.
    fn covers(&self, finding: &Diagnostic) -> bool {
        let own = finding.code == Code::UnknownField
            && finding.range == self.key
            && finding.path.as_ref() == Some(&self.path);
        if own {
            return false;
        }
        let inside = self.span.start <= finding.range.start && finding.range.end <= self.span.end;
        let under = finding
            .path
            .as_ref()
            .is_some_and(|path| path.starts_with(&self.path));
        inside || under
    }
}

/// Drops the findings from `from` on that are about a field the target lacks.
pub(super) fn drop_findings_about(absent: &[AbsentField], out: &mut Vec<Diagnostic>, from: usize) {
    if absent.is_empty() {
        return;
    }
    let mut index = 0;
    out.retain(|finding| {
        index += 1;
        index <= from || !absent.iter().any(|field| field.covers(finding))
    });
}
