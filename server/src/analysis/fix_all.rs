//! Fixing a whole file, as `podls check --fix` does: the preferred fix of every diagnostic that has one
//! (the very edits the editor's quick fixes make), applied together when they do not overlap, then the
//! file analysed again and fixed again until nothing more applies. Outside the edited ranges not a byte
//! moves. With `unsafe_fixes`, a diagnostic without a preferred fix gets its first (most likely) one.

use super::diagnostics::{Code, Fix, diagnostics};
use super::inputs::Inputs;
use crate::syntax::{TextRange, parse};

/// Passes before giving up on reaching a fixpoint: fixes that undo each other must not loop forever.
const MAX_PASSES: usize = 16;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fixed {
    /// The fixed text (the input when nothing applied).
    pub text: String,
    /// The fixes applied, with the code of the diagnostic each fixed, in the order applied.
    pub applied: Vec<(Code, String)>,
}

pub fn fix_all(inputs: &Inputs, text: &str, unsafe_fixes: bool) -> Fixed {
    let mut fixed = Fixed {
        text: text.to_owned(),
        applied: Vec::new(),
    };
    for _ in 0..MAX_PASSES {
        let file = parse(&fixed.text);
        let chosen = choose(
            diagnostics(inputs, &fixed.text, &file)
                .into_iter()
                .filter_map(|d| pick(d.fixes, unsafe_fixes)),
        );
        if chosen.is_empty() {
            break;
        }
        let mut edits: Vec<&(TextRange, String)> =
            chosen.iter().flat_map(|fix| &fix.edits).collect();
        // From the end, so each edit's offsets still hold when it is applied.
        edits.sort_by_key(|(range, _)| std::cmp::Reverse((range.start, range.end)));
        for (range, new_text) in edits {
            fixed.text.replace_range(range.as_range(), new_text);
        }
        fixed
            .applied
            .extend(chosen.into_iter().map(|fix| (fix.code, fix.title)));
    }
    fixed
}

/// The fix `--fix` applies for one diagnostic: its preferred one, else with `unsafe_fixes` its first.
fn pick(fixes: Vec<Fix>, unsafe_fixes: bool) -> Option<Fix> {
    let preferred = fixes.iter().position(|f| f.preferred);
    let at = preferred.or(unsafe_fixes.then_some(0))?;
    fixes
        .into_iter()
        .nth(at)
        .filter(|fix| !fix.edits.is_empty())
}

/// Fixes whose edits touch neither each other nor one already chosen (the others wait for the next pass,
/// on the text these leave). Two fixes with the same edits (two diagnostics, one repair) count once.
fn choose(candidates: impl Iterator<Item = Fix>) -> Vec<Fix> {
    let mut chosen: Vec<Fix> = Vec::new();
    for fix in candidates {
        if chosen.iter().any(|c| c.edits == fix.edits) {
            continue;
        }
        let clashes = fix.edits.iter().any(|(a, _)| {
            chosen
                .iter()
                .flat_map(|c| &c.edits)
                .any(|(b, _)| overlaps(*a, *b))
        }) || fix
            .edits
            .iter()
            .enumerate()
            .any(|(i, (a, _))| fix.edits[i + 1..].iter().any(|(b, _)| overlaps(*a, *b)));
        if !clashes {
            chosen.push(fix);
        }
    }
    chosen
}

/// Whether two edits cannot be applied together: their ranges share a byte, or both insert at one place
/// (their order would be a guess).
fn overlaps(a: TextRange, b: TextRange) -> bool {
    (a.start < b.end && b.start < a.end) || a.start == b.start
}

#[cfg(test)]
mod tests;
