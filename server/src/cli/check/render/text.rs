//! `--format text`: one `file:line:col: severity[code]: message` line per diagnostic (line and column
//! 1-based, the column in characters as rustc and gcc count, so terminals and editors jump to it), then a
//! summary line. Files that were not checked are already on stderr and only counted here.

use std::io::{self, Write};

use super::super::findings::{FailureCode, FileReport};
use super::severity_name;
use crate::analysis::Severity;

pub fn write(out: &mut impl Write, reports: &[FileReport]) -> io::Result<()> {
    let (mut errors, mut warnings, mut checked) = (0, 0, 0);
    let (mut unreadable, mut crashed) = (0, 0);
    for report in reports {
        match &report.failure {
            Some(failure) if failure.code == FailureCode::InternalError => crashed += 1,
            Some(_) => unreadable += 1,
            None => checked += 1,
        }
        for f in &report.findings {
            match f.severity {
                Severity::Error => errors += 1,
                Severity::Warning => warnings += 1,
                Severity::Information | Severity::Hint => {}
            }
            writeln!(
                out,
                "{}:{}:{}: {}[{}]: {}",
                report.file,
                f.start.line + 1,
                f.start.chars + 1,
                severity_name(f.severity),
                f.code,
                f.message
            )?;
        }
    }
    let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    write!(
        out,
        "{}, {} in {}",
        plural(errors, "error"),
        plural(warnings, "warning"),
        plural(checked, "file")
    )?;
    let mut troubles = Vec::new();
    if unreadable > 0 {
        troubles.push(format!("{} could not be read", plural(unreadable, "file")));
    }
    if crashed > 0 {
        troubles.push(format!(
            "{} could not be checked: internal error",
            plural(crashed, "file")
        ));
    }
    if !troubles.is_empty() {
        write!(out, " ({})", troubles.join("; "))?;
    }
    writeln!(out)
}
