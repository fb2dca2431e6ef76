//! What `podls check` prints, file by file as they are checked: each report is rendered on the worker that
//! checked it (its text dropped there), and written as soon as every file before it is. Formats that need
//! the whole run before their first byte (SARIF's rule levels, JUnit's totals) keep the findings, never the
//! texts; the summary, `--statistics` and the fix counts keep numbers. So memory follows the largest file.

use std::io::{self, Write};
use std::process::ExitCode;

use super::findings::FileReport;
use super::fix::{FixTally, Mode};
use super::inputs::DisplayPath;
use super::render::summary::{Statistics, Tally, write_statistics, write_statistics_json};
use super::render::{self, OutputArgs, OutputFormat};
use super::{EXIT_CLEAN, EXIT_ERRORS, EXIT_TROUBLE};
use crate::analysis::Severity;
use crate::messages::Locale;

/// How the run prints, shared by the workers.
pub struct Output {
    pub format: OutputFormat,
    pub statistics: bool,
    pub quiet: bool,
    pub color: bool,
    pub locale: Locale,
    pub mode: Mode,
}

/// A checked file on its way to the output: its report without the text, and the bytes it prints.
pub struct Rendered {
    report: FileReport,
    printed: Vec<u8>,
}

impl Rendered {
    /// The name the file is printed under.
    pub fn file(&self) -> &DisplayPath {
        &self.report.file
    }
}

impl Output {
    pub fn new(args: &OutputArgs, mode: Mode, locale: Locale) -> Output {
        Output {
            format: args.format,
            statistics: args.statistics,
            quiet: args.quiet,
            color: args.color.resolve(),
            locale,
            mode,
        }
    }

    /// Renders `report` as this run prints it (on a worker: the code frames are the costly part).
    pub fn render(&self, mut report: FileReport) -> Rendered {
        let mut printed = Vec::new();
        let one = std::slice::from_ref(&report);
        // Writing into memory cannot fail.
        let _ = match (self.mode, self.format) {
            (Mode::Diff, _) => {
                printed = report.fixed.diff.take().unwrap_or_default().into_bytes();
                Ok(())
            }
            _ if self.statistics => Ok(()),
            (_, OutputFormat::Text) => {
                render::frames::write(&mut printed, one, self.color, self.locale)
            }
            (_, OutputFormat::Concise) => render::concise::write(&mut printed, one, self.color),
            (_, OutputFormat::Github) => render::github::write(&mut printed, one),
            (_, OutputFormat::Json) => {
                printed = render::json::elements(&report);
                Ok(())
            }
            (_, OutputFormat::Sarif | OutputFormat::Junit) => Ok(()),
        };
        report.text = String::new();
        Rendered { report, printed }
    }

    /// Whether the format is written at the end, from every report's findings.
    fn at_the_end(&self) -> bool {
        self.mode != Mode::Diff
            && !self.statistics
            && matches!(self.format, OutputFormat::Sarif | OutputFormat::Junit)
    }
}

/// The sequential end of the run: writes what each file prints, in order, and the run's totals.
pub struct Printer<'a> {
    output: &'a Output,
    /// Stdout, or stderr when stdin's fixed text takes stdout.
    out: Box<dyn Write + 'a>,
    /// The first error writing the output: nothing more is written, but checking (and fixing) goes on.
    failed: Option<io::Error>,
    tally: Tally,
    statistics: Statistics,
    fixes: FixTally,
    json: render::json::Array,
    /// SARIF and JUnit: every report, without its text.
    kept: Vec<FileReport>,
    errors: bool,
    troubled: bool,
    would_change: bool,
}

impl<'a> Printer<'a> {
    /// `stdin_fixed`: `--fix` on stdin, whose fixed text is stdout; the findings then go to stderr.
    pub fn new(output: &'a Output, stdin_fixed: bool) -> Printer<'a> {
        let out: Box<dyn Write> = if stdin_fixed {
            Box::new(io::stderr().lock())
        } else {
            Box::new(io::BufWriter::new(io::stdout().lock()))
        };
        Printer {
            output,
            out,
            failed: None,
            tally: Tally::default(),
            statistics: Statistics::default(),
            fixes: FixTally::default(),
            json: render::json::Array::default(),
            kept: Vec::new(),
            errors: false,
            troubled: false,
            would_change: false,
        }
    }

    /// Prints one file (the next in order).
    pub fn print(&mut self, rendered: Rendered) {
        let Rendered {
            mut report,
            printed,
        } = rendered;
        if let Some(failure) = &report.failure {
            eprintln!("error: {}: {}", report.file, failure.message);
            self.troubled = true;
        }
        self.tally.add(&report);
        self.statistics.add(&report);
        self.fixes.add(&report.fixed);
        self.errors |= report
            .findings
            .iter()
            .any(|f| f.severity == Severity::Error);
        self.would_change |= self.output.mode == Mode::Diff && !printed.is_empty();
        if let Some(fixed) = report.fixed.stdout.take() {
            let mut stdout = io::stdout().lock();
            let written = stdout.write_all(&fixed).and_then(|()| stdout.flush());
            self.attempt(|_| written);
        }
        if self.output.format == OutputFormat::Json
            && self.output.mode != Mode::Diff
            && !self.output.statistics
        {
            let mut json = std::mem::take(&mut self.json);
            self.attempt(|mut out| json.push(&mut out, &printed));
            self.json = json;
        } else if !printed.is_empty() {
            self.attempt(|out| out.write_all(&printed));
        }
        if self.output.at_the_end() {
            self.kept.push(report);
        }
    }

    /// Writes what comes after the files (the summary, the statistics, a whole SARIF or JUnit document),
    /// and says how the run ends. `excluded`: files a configuration's `exclude` skipped.
    pub fn finish(
        mut self,
        excluded: usize,
        sarif_rules: impl Fn(&[FileReport]) -> Vec<render::sarif::Rule>,
    ) -> ExitCode {
        self.tally.excluded = excluded;
        let output = self.output;
        let human = matches!(output.format, OutputFormat::Text | OutputFormat::Concise);
        if output.mode != Mode::Diff {
            let kept = std::mem::take(&mut self.kept);
            let rows = std::mem::take(&mut self.statistics).rows();
            let json = std::mem::take(&mut self.json);
            self.attempt(|mut out| match output.format {
                _ if output.statistics && human => write_statistics(&mut out, &rows, output.locale),
                _ if output.statistics => write_statistics_json(&mut out, &rows),
                OutputFormat::Json => json.end(&mut out),
                OutputFormat::Sarif => render::sarif::write(&mut out, &kept, &sarif_rules(&kept)),
                OutputFormat::Junit => render::junit::write(&mut out, &kept),
                OutputFormat::Text | OutputFormat::Concise | OutputFormat::Github => Ok(()),
            });
            if human && !output.quiet {
                let line = self.tally.line(output.locale);
                self.attempt(|out| writeln!(out, "{line}"));
            }
        }
        self.attempt(|out| out.flush());
        if let Some(line) = self.fixes.line(output.mode, output.locale) {
            eprintln!("{line}");
        }
        // A closed pipe (`| head`) is the reader's choice, not an error worth reporting.
        if let Some(err) = &self.failed
            && err.kind() != io::ErrorKind::BrokenPipe
        {
            eprintln!("error: writing the output: {err}");
            return ExitCode::from(EXIT_TROUBLE);
        }
        let found = match output.mode {
            Mode::Diff => self.would_change,
            Mode::Check | Mode::Fix => self.errors,
        };
        ExitCode::from(if self.troubled {
            EXIT_TROUBLE
        } else if found {
            EXIT_ERRORS
        } else {
            EXIT_CLEAN
        })
    }

    /// Runs one write unless an earlier one failed, keeping the first error.
    fn attempt(&mut self, write: impl FnOnce(&mut dyn Write) -> io::Result<()>) {
        if self.failed.is_none()
            && let Err(err) = write(&mut self.out)
        {
            self.failed = Some(err);
        }
    }
}
