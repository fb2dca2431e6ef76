//! `podls check --fix` on arbitrary text (`analysis::fix_all`), as a manifest, a Helm template or a
//! kustomize patch, with and without unsafe fixes: every fix's edits lie inside the text on char boundaries
//! and do not overlap; the fixed text parses when the input did; and fixing reaches its fixpoint within
//! its pass bound, so fixing the result again changes nothing. The first byte chooses the role and
//! `--unsafe-fixes`, the rest is the text (`seeds/fix_all/`).
#![no_main]

use libfuzzer_sys::fuzz_target;
use podls::analysis;
use podls::syntax::{self, YamlFile};

#[path = "../../server/tests/invariants/mod.rs"]
mod common;

fn syntax_errors(file: &YamlFile) -> usize {
    file.documents.iter().map(|doc| doc.errors.len()).sum()
}

fuzz_target!(|data: (u8, &str)| {
    let (options, text) = data;
    let inputs = common::inputs_in_role(options);
    let unsafe_fixes = options & 4 != 0;

    let file = syntax::parse(text);
    for diagnostic in analysis::diagnostics(&inputs, text, &file) {
        for fix in &diagnostic.fixes {
            for (i, (range, _)) in fix.edits.iter().enumerate() {
                common::check_range(text, *range, &fix.title);
                for (other, _) in &fix.edits[i + 1..] {
                    let apart = range.end <= other.start || other.end <= range.start;
                    assert!(apart && range.start != other.start, "{}: {range:?} and {other:?} overlap", fix.title);
                }
            }
        }
    }

    let fixed = analysis::fix_all(&inputs, text, unsafe_fixes);
    let refixed = syntax::parse(&fixed.text);
    if syntax_errors(&file) == 0 {
        assert_eq!(
            syntax_errors(&refixed),
            0,
            "fixing {text:?} gave {:?}, which does not parse ({:?})",
            fixed.text,
            fixed.applied
        );
    }
    let again = analysis::fix_all(&inputs, &fixed.text, unsafe_fixes);
    assert!(
        again.applied.is_empty(),
        "fixing {text:?} did not converge: {:?} then {:?}",
        fixed.applied,
        again.applied
    );
    common::diagnose_with(&inputs, &fixed.text, &refixed);
});
