//! What text and concise output end with: the summary line (findings by severity, files checked, files
//! skipped and why), and `--statistics`, the count per code.

use std::collections::BTreeMap;
use std::io::{self, Write};

use serde_json::json;

use super::super::findings::{FailureCode, FileReport};
use super::severity_name;
use crate::analysis::{Code, RuleDoc, Severity};
use crate::messages::{Locale, Message, cli as msg};

/// The counts the summary line prints.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Tally {
    pub errors: usize,
    pub warnings: usize,
    /// Information and hints.
    pub notes: usize,
    pub checked: usize,
    /// Files not checked, per reason, in the order of [`FailureCode`].
    pub skipped: BTreeMap<SkipReason, usize>,
    /// Files a configuration's `exclude` skipped (named on the command line or found in a directory).
    pub excluded: usize,
}

/// Why a file was not checked, as the summary says it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum SkipReason {
    NotUtf8,
    Unreadable,
    InternalError,
}

impl SkipReason {
    fn of(code: FailureCode) -> SkipReason {
        match code {
            FailureCode::InvalidUtf8 => SkipReason::NotUtf8,
            FailureCode::IoError => SkipReason::Unreadable,
            FailureCode::InternalError => SkipReason::InternalError,
        }
    }

    fn words(self, n: usize) -> Message {
        match self {
            SkipReason::NotUtf8 => msg::skipped_not_utf8(n),
            SkipReason::Unreadable => msg::skipped_unreadable(n),
            SkipReason::InternalError => msg::skipped_internal_error(n),
        }
    }
}

impl Tally {
    /// Counts one more file: checked or skipped, and its findings.
    pub fn add(&mut self, report: &FileReport) {
        match &report.failure {
            Some(failure) => {
                *self
                    .skipped
                    .entry(SkipReason::of(failure.code))
                    .or_default() += 1
            }
            None => self.checked += 1,
        }
        for f in &report.findings {
            match f.severity {
                Severity::Error => self.errors += 1,
                Severity::Warning => self.warnings += 1,
                Severity::Information | Severity::Hint => self.notes += 1,
            }
        }
    }

    /// `2 errors, 1 warning; 3 files checked, 1 skipped (1 not UTF-8)`, in `locale`.
    pub fn line(&self, locale: Locale) -> String {
        let (errors, warnings) = (
            msg::error_count(self.errors),
            msg::warning_count(self.warnings),
        );
        let files = msg::file_count(self.checked);
        let head = if self.notes > 0 {
            msg::summary_with_notes(errors, warnings, msg::note_count(self.notes), files)
        } else {
            msg::summary(errors, warnings, files)
        };
        let mut line = head.render(locale);
        let skipped: usize = self.skipped.values().sum::<usize>() + self.excluded;
        if skipped > 0 {
            let mut why: Vec<String> = self
                .skipped
                .iter()
                .map(|(reason, n)| reason.words(*n).render(locale))
                .collect();
            if self.excluded > 0 {
                why.push(msg::skipped_excluded(self.excluded).render(locale));
            }
            let why = why.join(&msg::reason_separator().render(locale));
            line += &msg::skipped(skipped, why).render(locale);
        }
        line
    }
}

/// One row of `--statistics`: a code that fired, how often, at its most severe, and how many of its findings
/// have a quick fix.
#[derive(Debug, PartialEq, Eq)]
pub struct CodeCount {
    pub code: &'static str,
    pub count: usize,
    pub severity: Severity,
    pub fixable: usize,
}

/// `--statistics` as files are checked: a row per code that fired.
#[derive(Debug, Default)]
pub struct Statistics(BTreeMap<&'static str, CodeCount>);

impl Statistics {
    pub fn add(&mut self, report: &FileReport) {
        for f in &report.findings {
            let row = self.0.entry(f.code).or_insert(CodeCount {
                code: f.code,
                count: 0,
                severity: f.severity,
                fixable: 0,
            });
            row.count += 1;
            row.severity = row.severity.min(f.severity);
            row.fixable += usize::from(!f.fixes.is_empty());
        }
    }

    /// The codes that fired, the most frequent first (then by name, so the order is stable).
    pub fn rows(self) -> Vec<CodeCount> {
        let mut rows: Vec<CodeCount> = self.0.into_values().collect();
        rows.sort_by(|a, b| b.count.cmp(&a.count).then(a.code.cmp(b.code)));
        rows
    }
}

/// The statistics as a table: count, code, severity, `[*]` when some have a fix, the code's one line (in
/// `locale`, from its rule doc).
pub fn write_statistics(
    out: &mut impl Write,
    rows: &[CodeCount],
    locale: Locale,
) -> io::Result<()> {
    let count_width = rows
        .iter()
        .map(|r| r.count.to_string().len())
        .max()
        .unwrap_or(1);
    let code_width = rows.iter().map(|r| r.code.len()).max().unwrap_or(0);
    for row in rows {
        let fixable = if row.fixable > 0 { "[*]" } else { "   " };
        let summary =
            Code::from_name(row.code).map_or("", |code| RuleDoc::in_locale(code, locale).summary);
        writeln!(
            out,
            "{:>count_width$}  {:<code_width$}  {:<7}  {fixable}  {summary}",
            row.count,
            row.code,
            severity_name(row.severity),
        )?;
    }
    Ok(())
}

/// The statistics as JSON: an array of `{code, count, severity, fixable}`.
pub fn write_statistics_json(out: &mut impl Write, rows: &[CodeCount]) -> io::Result<()> {
    let items: Vec<_> = rows
        .iter()
        .map(|r| {
            json!({
                "code": r.code,
                "count": r.count,
                "severity": severity_name(r.severity),
                "fixable": r.fixable,
            })
        })
        .collect();
    serde_json::to_writer_pretty(&mut *out, &items)?;
    writeln!(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_line_says_what_was_found_checked_and_skipped() {
        let mut tally = Tally {
            errors: 1,
            checked: 3,
            ..Tally::default()
        };
        assert_eq!(
            tally.line(Locale::En),
            "1 error, 0 warnings; 3 files checked"
        );
        tally.warnings = 2;
        tally.notes = 1;
        tally.skipped.insert(SkipReason::Unreadable, 1);
        tally.skipped.insert(SkipReason::NotUtf8, 2);
        tally.excluded = 1;
        assert_eq!(
            tally.line(Locale::En),
            "1 error, 2 warnings, 1 note; 3 files checked, 4 skipped (2 not UTF-8, 1 could not be read, 1 excluded by configuration)"
        );
        assert_eq!(
            tally.line(Locale::ZhCn),
            "1 个错误，2 个警告，1 个提示；已检查 3 个文件，跳过 4 个（2 个不是 UTF-8 编码，1 个无法读取，1 个被配置排除）"
        );
    }
}
