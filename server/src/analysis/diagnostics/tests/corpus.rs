//! The real-world corpus (tests/corpus, EXPECT.tsv): files marked `no-error` get no error, files marked
//! `error` get at least one.

use super::render;
use crate::analysis::Inputs;
use crate::analysis::diagnostics::{Severity, diagnostics};
use crate::syntax::parse;

#[test]
fn corpus_expectations_hold() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/corpus");
    let expect =
        std::fs::read_to_string(format!("{dir}/EXPECT.tsv")).expect("tests/corpus/EXPECT.tsv");
    let mut failures = Vec::new();
    for line in expect.lines().skip(1) {
        let mut columns = line.split('\t');
        let (Some(file), Some(expected)) = (columns.next(), columns.next()) else {
            continue;
        };
        let text = std::fs::read_to_string(format!("{dir}/{file}")).expect("corpus file");
        let found = diagnostics(&Inputs::default(), &text, &parse(&text));
        let errors: Vec<_> = found
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .cloned()
            .collect();
        let ok = match expected {
            "no-error" => errors.is_empty(),
            "error" => !errors.is_empty(),
            _ => true,
        };
        if !ok || std::env::var_os("PODLS_CORPUS_VERBOSE").is_some() {
            failures.push(format!("{file} ({expected}):\n{}", render(&text, &found)));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
