//! `--format junit`: JUnit XML for CI systems that show test reports (GitLab, Jenkins, Azure). One test suite
//! per file; each finding is a failing test case named `code at line:col`, a clean file one passing case, a
//! file that was not checked one case with an `<error>`.

use std::io::{self, Write};

use super::super::findings::FileReport;
use super::severity_name;

pub fn write(out: &mut impl Write, reports: &[FileReport]) -> io::Result<()> {
    let findings: usize = reports.iter().map(|r| r.findings.len()).sum();
    let failed = reports.iter().filter(|r| r.failure.is_some()).count();
    let cases = |r: &FileReport| r.findings.len().max(1);
    let tests: usize = reports.iter().map(cases).sum();
    writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
    writeln!(
        out,
        r#"<testsuites name="podls" tests="{tests}" failures="{findings}" errors="{failed}">"#
    )?;
    for report in reports {
        let file = escape(&report.file.0);
        writeln!(
            out,
            r#"  <testsuite name="{file}" tests="{}" failures="{}" errors="{}">"#,
            cases(report),
            report.findings.len(),
            usize::from(report.failure.is_some()),
        )?;
        if let Some(failure) = &report.failure {
            writeln!(
                out,
                r#"    <testcase name="{}" classname="{file}">"#,
                failure.code.as_str()
            )?;
            writeln!(
                out,
                r#"      <error type="{}" message="{}"/>"#,
                failure.code.as_str(),
                escape(&failure.message)
            )?;
            writeln!(out, "    </testcase>")?;
        } else if report.findings.is_empty() {
            writeln!(
                out,
                r#"    <testcase name="podls check" classname="{file}"/>"#
            )?;
        }
        for f in &report.findings {
            let (line, col) = (f.start.line + 1, f.start.chars + 1);
            writeln!(
                out,
                r#"    <testcase name="{} at {line}:{col}" classname="{file}">"#,
                f.code
            )?;
            writeln!(
                out,
                r#"      <failure type="{}" message="{}">{}:{line}:{col}: {}[{}]: {}</failure>"#,
                severity_name(f.severity),
                escape(&f.message),
                file,
                severity_name(f.severity),
                f.code,
                escape(&f.message),
            )?;
            writeln!(out, "    </testcase>")?;
        }
        writeln!(out, "  </testsuite>")?;
    }
    writeln!(out, "</testsuites>")
}

/// Text for an XML attribute or element: the five special characters as entities, line breaks kept as
/// character references, and characters XML 1.0 cannot hold at all (other control characters) dropped.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\n' => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            '\t' => out.push_str("&#9;"),
            c if (c as u32) < 0x20 || c == '\u{fffe}' || c == '\u{ffff}' => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::escape;

    #[test]
    fn xml_specials_are_entities_and_control_characters_are_dropped() {
        assert_eq!(
            escape("a<b & \"c\"\n\u{1}d"),
            "a&lt;b &amp; &quot;c&quot;&#10;d"
        );
    }
}
