//! The printers of `podls check`, one file per output format. Each takes the sorted reports and writes
//! them whole; none reads a file or runs an analysis, so the same reports always print the same bytes.

pub mod json;
pub mod sarif;
pub mod text;

use crate::analysis::Severity;

/// The severity as text and JSON print it (LSP's names, lower case).
fn severity_name(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Information => "information",
        Severity::Hint => "hint",
    }
}
