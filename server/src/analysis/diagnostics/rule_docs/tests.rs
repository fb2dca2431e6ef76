use std::collections::BTreeSet;

use super::*;
use crate::analysis::{Diagnostic, Inputs, diagnostics};
use crate::messages::Locale;
use crate::syntax::parse as parse_yaml;

fn found(text: &str) -> Vec<Diagnostic> {
    diagnostics(&Inputs::default(), text, &parse_yaml(text))
}

#[test]
fn every_example_triggers_its_code_as_documented_and_its_fixed_version_is_clean() {
    let mut wrong = Vec::new();
    for &code in Code::ALL {
        let doc = RuleDoc::of(code);
        for (what, text) in [
            ("checks", doc.checks),
            ("why", doc.why),
            ("upstream", doc.upstream),
        ] {
            if text.trim().is_empty() {
                wrong.push(format!("{code}: no {what}"));
            }
        }
        let hits: Vec<Diagnostic> = found(doc.example)
            .into_iter()
            .filter(|d| d.code == code)
            .collect();
        let Some(first) = hits.first() else {
            wrong.push(format!("{code}: the example does not trigger it"));
            continue;
        };
        if first.severity != doc.severity {
            wrong.push(format!(
                "{code}: reported as {:?}, documented as {:?}",
                first.severity, doc.severity
            ));
        }
        let fixable = hits.iter().any(|d| !d.fixes.is_empty());
        if fixable != doc.has_fix() {
            wrong.push(format!(
                "{code}: the example's diagnostic {} a fix, the doc says `fix: {}`",
                if fixable { "has" } else { "has no" },
                doc.fix
            ));
        }
        let left: Vec<String> = found(doc.fixed)
            .into_iter()
            .filter(|d| d.code == code || d.severity == Severity::Error)
            .map(|d| format!("{}: {}", d.code, d.message))
            .collect();
        if !left.is_empty() {
            wrong.push(format!("{code}: the fixed version still reports {left:?}"));
        }
    }
    assert!(wrong.is_empty(), "{wrong:#?}");
}

#[test]
fn every_doc_file_is_a_code() {
    let dir =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/analysis/diagnostics/rule_docs");
    let codes: BTreeSet<String> = Code::ALL.iter().map(|c| c.as_str().to_owned()).collect();
    for dir in [dir.clone(), dir.join("zh-cn")] {
        let files: BTreeSet<String> = std::fs::read_dir(&dir)
            .unwrap()
            .filter_map(|e| {
                let name = e.unwrap().file_name().to_string_lossy().into_owned();
                name.strip_suffix(".md").map(str::to_owned)
            })
            .collect();
        assert_eq!(files, codes, "{}", dir.display());
    }
}

/// Any CJK ideograph: what a Chinese text has and an untranslated English one has not.
fn has_chinese(text: &str) -> bool {
    text.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
}

#[test]
fn every_doc_reads_in_chinese_with_the_same_facts() {
    for &code in Code::ALL {
        let (en, zh) = (RuleDoc::of(code), RuleDoc::in_locale(code, Locale::ZhCn));
        for (what, text) in [
            ("summary", zh.summary),
            ("fix", zh.fix),
            ("upstream", zh.upstream),
            ("checks", zh.checks),
            ("why", zh.why),
        ] {
            assert!(
                has_chinese(text),
                "{code}: the Chinese {what} is not Chinese: {text}"
            );
        }
        assert_eq!(
            en.has_fix(),
            zh.has_fix(),
            "{code}: `fix:` {} / {}",
            en.fix,
            zh.fix
        );
        assert_eq!(
            (en.severity, en.example, en.fixed),
            (zh.severity, zh.example, zh.fixed)
        );
        // Function names and paths are facts: the same ones in both languages.
        let quoted = |text: &str| -> BTreeSet<String> {
            text.split('`')
                .skip(1)
                .step_by(2)
                .map(str::to_owned)
                .collect()
        };
        assert_eq!(quoted(en.upstream), quoted(zh.upstream), "{code}: upstream");
    }
}

#[test]
fn a_malformed_doc_says_what_is_wrong() {
    let error = parse(Code::UnknownField, "severity: error\n\n## Why it matters\n").unwrap_err();
    assert!(error.contains("fix"), "{error}");
    let error = parse(
        Code::UnknownField,
        "severity: loud\nfix: none\nupstream: x\n\n## What it checks\n",
    )
    .unwrap_err();
    assert!(error.contains("loud"), "{error}");
}
