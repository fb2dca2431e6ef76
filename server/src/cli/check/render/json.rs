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

pub fn write(out: &mut impl Write, reports: &[FileReport]) -> io::Result<()> {
    let mut items = Vec::new();
    for report in reports {
        if let Some(failure) = &report.failure {
            items.push(json!({
                "file": report.file.0,
                "range": lsp_range(failure.at, failure.at),
                "severity": "error",
                "code": failure.code.as_str(),
                "message": failure.message,
                "path": null,
                "related": [],
            }));
        }
        for f in &report.findings {
            let related: Vec<Value> = f
                .related
                .iter()
                .map(|(start, end, message)| {
                    json!({ "range": lsp_range(*start, *end), "message": message })
                })
                .collect();
            items.push(json!({
                "file": report.file.0,
                "range": lsp_range(f.start, f.end),
                "severity": severity_name(f.severity),
                "code": f.code,
                "message": f.message,
                "path": f.path,
                "related": related,
            }));
        }
    }
    serde_json::to_writer_pretty(&mut *out, &items)?;
    writeln!(out)
}
