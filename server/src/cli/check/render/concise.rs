//! `--format concise`: one `file:line:col: severity[code]: message` line per diagnostic (line and column
//! 1-based, the column in characters as rustc and gcc count, so terminals and editors jump to it). Files
//! that were not checked are already on stderr and only counted in the summary.

use std::io::{self, Write};

use anstyle::{AnsiColor, Style};

use super::super::findings::FileReport;
use super::severity_name;
use crate::analysis::Severity;

/// The style of a severity's name, as rustc colours it (none without colour).
pub fn severity_style(severity: Severity, color: bool) -> Style {
    if !color {
        return Style::new();
    }
    let colour = match severity {
        Severity::Error => AnsiColor::BrightRed,
        Severity::Warning => AnsiColor::BrightYellow,
        Severity::Information | Severity::Hint => AnsiColor::BrightBlue,
    };
    colour.on_default().bold()
}

pub fn write(out: &mut impl Write, reports: &[FileReport], color: bool) -> io::Result<()> {
    let bold = if color {
        Style::new().bold()
    } else {
        Style::new()
    };
    for report in reports {
        for f in &report.findings {
            let level = severity_style(f.severity, color);
            writeln!(
                out,
                "{bold}{}:{}:{}:{bold:#} {level}{}[{}]{level:#}: {}",
                report.file,
                f.start.line + 1,
                f.start.chars + 1,
                severity_name(f.severity),
                f.code,
                f.message
            )?;
        }
    }
    Ok(())
}
