//! Arbitrary `podls.toml` text through the configuration parser (`podls::config::parse`): an error or a
//! configuration, never a panic; an error's range lies inside the text on char boundaries, and its line and
//! column name the same place; a configuration that reads applies, and the analyses run under it.
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;
use podls::analysis::Inputs;
use podls::messages::Locale;
use podls::syntax;

#[path = "../../server/tests/invariants/mod.rs"]
mod common;

/// What every configuration is tried on: a Pod and a workload with something to report.
const MANIFEST: &str = "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  selector: {matchLabels: {app: web}}\n  template:\n    metadata: {labels: {app: web}}\n    spec:\n      containers:\n        - name: app\n          image: nginx:latest\n          resources: {limits: {cpu: 2x}}\n---\napiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec: {containers: [{name: a, image: busybox, ports: [{containerPort: 99999}]}]}\n";

/// The 1-based line and character column of `offset`, lines breaking at `\n`, `\r\n` and a lone `\r`.
fn line_and_column(text: &str, offset: usize) -> (usize, usize) {
    // An offset between `\r` and `\n` is on the line that break ends.
    let before = &text[..offset];
    let before = match before.strip_suffix('\r') {
        Some(cut) if text[offset..].starts_with('\n') => cut,
        _ => before,
    };
    let breaks = before.replace("\r\n", "\n").replace('\r', "\n");
    let line = breaks.matches('\n').count() + 1;
    let last = breaks.rsplit('\n').next().unwrap_or("");
    (line, last.chars().count() + 1)
}

fuzz_target!(|text: &str| {
    let file = Path::new("/fuzz/project/podls.toml");
    match podls::config::parse(file, text) {
        Err(error) => {
            common::check_range(text, error.range, "configuration error");
            let place = line_and_column(text, error.range.start);
            assert_eq!((error.line, error.column), place, "{error:?} in {text:?}");
            for locale in [Locale::En, Locale::ZhCn] {
                assert!(!error.render(locale).is_empty());
            }
        }
        Ok(config) => {
            let mut inputs = Inputs::default();
            config.apply(&mut inputs);
            let parsed = syntax::parse(MANIFEST);
            common::diagnose_with(&inputs, MANIFEST, &parsed);
            common::analyse_with(&inputs, MANIFEST, &parsed, MANIFEST.find("2x").unwrap());
            let _ = config.excludes(Path::new("/fuzz/project/a/b.yaml"), false);
        }
    }
});
