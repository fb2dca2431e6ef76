//! `--format text`: one `file:line:col: severity[code]: message` line per diagnostic (line and column
//! 1-based, the column in characters as rustc and gcc count, so terminals and editors jump to it), then a
//! summary line. Files that were not checked are already on stderr and only counted here.

use std::io::{self, Write};

use super::super::findings::{FailureCode, FileReport};
use super::severity_name;
use crate::analysis::Severity;
use crate::messages::{Locale, cli as msg};

pub fn write(out: &mut impl Write, reports: &[FileReport], locale: Locale) -> io::Result<()> {
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
    write!(
        out,
        "{}",
        msg::summary_line(errors, warnings, checked).render(locale)
    )?;
    let mut troubles = Vec::new();
    if unreadable > 0 {
        troubles.push(msg::unreadable_files(msg::file_count(unreadable)).render(locale));
    }
    if crashed > 0 {
        troubles.push(msg::crashed_files(msg::file_count(crashed)).render(locale));
    }
    if !troubles.is_empty() {
        let separator = msg::trouble_separator().render(locale);
        write!(
            out,
            "{}",
            msg::troubles(troubles.join(&separator)).render(locale)
        )?;
    }
    writeln!(out)
}
