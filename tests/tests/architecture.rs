//! The layering of ARCHITECTURE.md, checked on the source: `syntax` → `schema` → `analysis` → `lsp` / `cli`,
//! nothing imports upwards, and no protocol or runtime crate below the protocol layer. Reads the files of
//! `server/src`; a new layer or a new allowed edge is a change to ARCHITECTURE.md and to the table here.

use std::path::{Path, PathBuf};

/// Each layer, with the layers (`crate::<name>`) and external crates it may not name.
const RULES: &[(&str, &[&str], &[&str])] = &[
    // The message catalog sits below every layer (the syntax layer's errors are messages too).
    (
        "messages",
        &["syntax", "schema", "analysis", "lsp", "cli", "config"],
        &["tower_lsp_server", "tokio", "ropey"],
    ),
    (
        "syntax",
        &["schema", "analysis", "lsp", "cli"],
        &["tower_lsp_server", "tokio", "ropey"],
    ),
    (
        "schema",
        &["analysis", "lsp", "cli"],
        &["tower_lsp_server", "tokio", "ropey"],
    ),
    (
        "analysis",
        &["lsp", "cli"],
        &["tower_lsp_server", "tokio", "ropey"],
    ),
    ("lsp", &["cli"], &[]),
    // The CLI starts the server (`serve.rs` calls `lsp::serve_stdio`) but speaks no protocol itself.
    ("cli", &[], &["tower_lsp_server", "ropey"]),
];

fn sources(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The top-level modules a file names through `crate::`, including `use crate::{a, b::c}`.
fn crate_modules(source: &str) -> Vec<String> {
    let mut found = Vec::new();
    for (at, _) in source.match_indices("crate::") {
        let rest = &source[at + "crate::".len()..];
        if let Some(group) = rest.strip_prefix('{') {
            // The items at depth 0, up to the matching `}`: `lsp`, `analysis::{a, b}`, `syntax::X`.
            let mut depth = 0;
            let mut item_start = 0;
            for (i, c) in group.char_indices() {
                match c {
                    '{' => depth += 1,
                    '}' if depth > 0 => depth -= 1,
                    ',' | '}' if depth == 0 => {
                        found.push(leading_ident(&group[item_start..i]));
                        item_start = i + 1;
                        if c == '}' {
                            break;
                        }
                    }
                    _ => {}
                }
            }
        } else {
            found.push(leading_ident(rest));
        }
    }
    found.retain(|name| !name.is_empty());
    found
}

fn leading_ident(text: &str) -> String {
    text.trim_start()
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == '_')
        .collect()
}

#[test]
fn no_layer_imports_a_layer_above_it_or_a_protocol_crate_below_lsp() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("../server/src");
    let mut broken = Vec::new();
    for (layer, layers_above, crates) in RULES {
        let mut files = Vec::new();
        sources(&src.join(layer), &mut files);
        assert!(!files.is_empty(), "no sources for layer {layer}");
        for file in files {
            let text = std::fs::read_to_string(&file).unwrap();
            let name = file.strip_prefix(&src).unwrap().display().to_string();
            for module in crate_modules(&text) {
                if layers_above.contains(&module.as_str()) {
                    broken.push(format!("{name} uses crate::{module}"));
                }
            }
            for krate in *crates {
                if text.contains(&format!("{krate}::")) {
                    broken.push(format!("{name} uses {krate}"));
                }
            }
        }
    }
    assert!(broken.is_empty(), "layering broken:\n{}", broken.join("\n"));
}

#[test]
fn the_import_reader_sees_grouped_and_nested_uses() {
    assert_eq!(
        crate_modules("use crate::{lsp, analysis::{a, b}, syntax::X};\nlet x = crate::cli::run;"),
        ["lsp", "analysis", "syntax", "cli"]
    );
}
