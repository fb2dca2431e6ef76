//! `--format json`: one array of diagnostics with LSP ranges (0-based, `character` in UTF-16 code units).
//! A file that was not checked is an `error` item with code `io-error`, `invalid-utf8` or
//! `internal-error` (and the exit code is 2).

use std::io::{self, Write};

use serde_json::{Value, json};

use super::super::findings::{FileReport, Position};
use super::severity_name;

fn lsp_range(start: Position, end: Position) -> Value {
    json!({
        "start": { "line": start.line, "character": start.utf16 },
        "end": { "line": end.line, "character": end.utf16 },
    })
}

/// One file's items, each pretty-printed as an element of the run's array (indented one level), joined by
/// `,\n`: the array is written file by file ([`Array`]), never held whole, and each item is printed as soon
/// as it is made (a file of 540,000 findings built them all first: 3 GB).
pub fn elements(report: &FileReport) -> Vec<u8> {
    let mut out = Vec::new();
    if let Some(failure) = &report.failure {
        write_element(
            &mut out,
            &json!({
                "file": report.file.0,
                "range": lsp_range(failure.at, failure.at),
                "severity": "error",
                "code": failure.code.as_str(),
                "message": failure.message,
                "path": null,
                "related": [],
            }),
        );
    }
    for f in &report.findings {
        let related: Vec<Value> = f
            .related
            .iter()
            .map(|(start, end, message)| {
                json!({ "range": lsp_range(*start, *end), "message": message })
            })
            .collect();
        write_element(
            &mut out,
            &json!({
                "file": report.file.0,
                "range": lsp_range(f.start, f.end),
                "severity": severity_name(f.severity),
                "code": f.code,
                "message": f.message,
                "path": f.path,
                "related": related,
            }),
        );
    }
    out
}

/// Appends one item, after a `,\n` when it is not the first.
fn write_element(out: &mut Vec<u8>, item: &Value) {
    if !out.is_empty() {
        out.extend_from_slice(b",\n");
    }
    let pretty = serde_json::to_string_pretty(item).expect("a JSON value always serialises");
    // A JSON string holds no raw line break: every line of `pretty` is one of its own.
    for (j, line) in pretty.split('\n').enumerate() {
        if j > 0 {
            out.push(b'\n');
        }
        out.extend_from_slice(b"  ");
        out.extend_from_slice(line.as_bytes());
    }
}

/// The run's array as files come: the bytes `serde_json::to_writer_pretty` prints for the whole array.
#[derive(Debug, Default)]
pub struct Array {
    elements: usize,
}

impl Array {
    /// Writes one file's [`elements`] (nothing for a file without any).
    pub fn push(&mut self, out: &mut impl Write, elements: &[u8]) -> io::Result<()> {
        if elements.is_empty() {
            return Ok(());
        }
        out.write_all(if self.elements == 0 { b"[\n" } else { b",\n" })?;
        self.elements += 1;
        out.write_all(elements)
    }

    pub fn end(self, out: &mut impl Write) -> io::Result<()> {
        if self.elements == 0 {
            writeln!(out, "[]")
        } else {
            writeln!(out, "\n]")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::super::findings::{Failure, FailureCode};
    use super::super::super::inputs::DisplayPath;
    use super::*;
    use crate::cli::check::check_text;

    fn report(file: &str, text: &str) -> FileReport {
        FileReport {
            file: DisplayPath(file.into()),
            text: String::new(),
            findings: check_text(&Default::default(), text),
            failure: None,
            fixed: Default::default(),
        }
    }

    #[test]
    fn the_array_written_file_by_file_is_the_whole_array_pretty_printed() {
        let mut failed = report("c.yaml", "");
        failed.failure = Some(Failure::at_start(FailureCode::IoError, "gone".into()));
        let reports = [
            report(
                "a.yaml",
                "kind: Pod\nspec:\n  containers: [{name: a, imagee: b}]\n",
            ),
            report("b.yaml", "apiVersion: v1\n"),
            failed,
        ];
        let mut streamed = Vec::new();
        let mut array = Array::default();
        let mut whole = Vec::new();
        for r in &reports {
            array.push(&mut streamed, &elements(r)).unwrap();
            let one: Value =
                serde_json::from_slice(&[b"[", &elements(r)[..], b"]"].concat()).unwrap();
            whole.extend(one.as_array().unwrap().iter().cloned());
        }
        array.end(&mut streamed).unwrap();
        assert!(whole.len() > 2, "{whole:?}");
        let expected = serde_json::to_string_pretty(&whole).unwrap() + "\n";
        assert_eq!(String::from_utf8(streamed).unwrap(), expected);
        let mut empty = Vec::new();
        Array::default().end(&mut empty).unwrap();
        assert_eq!(empty, b"[]\n");
    }
}
