//! `--format github`: one GitHub Actions workflow command per finding
//! (`::error file=…,line=…,col=…,endLine=…,endColumn=…,title=podls(code)::message`), which the runner turns
//! into annotations on the pull request without a SARIF upload. Lines and columns are 1-based, columns in
//! characters; `endColumn` is the column just past the range. A file that was not checked is an `::error`
//! at its start.

use std::io::{self, Write};

use super::super::findings::{FileReport, Position};
use crate::analysis::Severity;

fn command(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Information | Severity::Hint => "notice",
    }
}

pub fn write(out: &mut impl Write, reports: &[FileReport]) -> io::Result<()> {
    for report in reports {
        let file = &report.file.0;
        if let Some(failure) = &report.failure {
            annotation(
                out,
                "error",
                file,
                failure.at,
                failure.at,
                failure.code.as_str(),
                &failure.message,
            )?;
        }
        for f in &report.findings {
            annotation(
                out,
                command(f.severity),
                file,
                f.start,
                f.end,
                f.code,
                &f.message,
            )?;
        }
    }
    Ok(())
}

fn annotation(
    out: &mut impl Write,
    command: &str,
    file: &str,
    start: Position,
    end: Position,
    code: &str,
    message: &str,
) -> io::Result<()> {
    writeln!(
        out,
        "::{command} file={},line={},col={},endLine={},endColumn={},title={}::{}",
        property(file),
        start.line + 1,
        start.chars + 1,
        end.line + 1,
        end.chars + 1,
        property(&format!("podls({code})")),
        data(message),
    )
}

/// A command's message: `%`, CR and LF escaped as the runner reads them back (`toCommandValue` in
/// actions/toolkit).
fn data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// A property value also escapes `:` and `,`, which would end it.
fn property(text: &str) -> String {
    data(text).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_are_escaped_as_the_runner_reads_them() {
        assert_eq!(data("50% of a\nb"), "50%25 of a%0Ab");
        assert_eq!(property("dir,x/a:b.yaml"), "dir%2Cx/a%3Ab.yaml");
    }
}
