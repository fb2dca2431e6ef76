//! Fixing a whole file, as `podls check --fix` does: the preferred fix of every diagnostic that has one
//! (the very edits the editor's quick fixes make), applied together when they do not overlap, then the
//! file analysed again and fixed again until nothing more applies. Outside the edited ranges not a byte
//! moves. With `unsafe_fixes`, a diagnostic without a preferred fix gets its first (most likely) one. A fix
//! is applied only when its result shows it worked (its finding gone, the text parsing no worse): one that
//! does not would be applied again on every pass, and `--fix` would never settle.

use std::collections::HashMap;

use super::diagnostics::{Code, Diagnostic, Fix, diagnostics};
use super::inputs::Inputs;
use crate::syntax::{TextRange, apply_edits, lines, parse};

/// Passes before giving up on reaching a fixpoint, beyond one per line (see [`fix_all`]): fixes that undo
/// each other must not loop forever.
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
    let mut findings = analyse(inputs, &fixed.text);
    // The parser stops at a document's first mistake, so each pass repairs one per document, and a repair
    // lets it past its line (`syntax::errors`): a document with a mistake on every line needs a pass per
    // line (found by the fix_all fuzz target: twenty strings each closed one line too late).
    let passes = MAX_PASSES + lines::ranges(text).count();
    for _ in 0..passes {
        let chosen = choose(
            findings
                .iter()
                .filter_map(|d| pick(d, unsafe_fixes).map(|fix| (d, fix))),
        );
        if chosen.is_empty() {
            break;
        }
        let Some((text, after, kept)) = a_pass_that_holds(inputs, &fixed.text, &findings, chosen)
        else {
            break;
        };
        fixed.text = text;
        fixed
            .applied
            .extend(kept.into_iter().map(|fix| (fix.code, fix.title)));
        findings = after;
    }
    fixed
}

fn analyse(inputs: &Inputs, text: &str) -> Vec<Diagnostic> {
    diagnostics(inputs, text, &parse(text))
}

/// The chosen fixes applied together, when the result holds (see [`holds`]); else those that hold one by
/// one, together if that holds, else the first alone; none when no fix holds. Checking the whole pass
/// first costs nothing when it holds: its findings are the next pass's.
fn a_pass_that_holds(
    inputs: &Inputs,
    text: &str,
    before: &[Diagnostic],
    chosen: Vec<(&Diagnostic, Fix)>,
) -> Option<(String, Vec<Diagnostic>, Vec<Fix>)> {
    let attempt = |fixes: &[&(&Diagnostic, Fix)]| {
        let edits: Vec<&(TextRange, String)> = fixes.iter().flat_map(|(_, f)| &f.edits).collect();
        let fixed = apply_edits(text, edits.iter().copied());
        let after = analyse(inputs, &fixed);
        let fixed_ones: Vec<&Diagnostic> = fixes.iter().map(|(d, _)| *d).collect();
        holds(before, &fixed_ones, &edits, &after).then_some((fixed, after))
    };
    let all: Vec<&(&Diagnostic, Fix)> = chosen.iter().collect();
    if let Some((fixed, after)) = attempt(&all) {
        return Some((fixed, after, chosen.into_iter().map(|(_, f)| f).collect()));
    }
    let holding: Vec<&(&Diagnostic, Fix)> = all
        .into_iter()
        .filter(|fix| attempt(std::slice::from_ref(fix)).is_some())
        .collect();
    let first = holding.first()?;
    let (fixes, (fixed, after)) = match attempt(&holding) {
        Some(result) if holding.len() > 1 => (holding, result),
        _ => (vec![*first], attempt(std::slice::from_ref(first))?),
    };
    Some((
        fixed,
        after,
        fixes.into_iter().map(|(_, f)| f.clone()).collect(),
    ))
}

/// Whether fixing `fixed` (findings of `before`) by `edits` did what the fixes promise, as the findings
/// `after` show: the text parses no worse (a fix computed on a tree must not break the text it reads,
/// as a block line inserted where the parser read something else would), and each fixed finding is gone
/// (there are fewer of it: a repair inside what the parser does not read, or an insertion the parser
/// reads elsewhere, leaves it as it was, and `--fix` would apply it again on every pass).
fn holds(
    before: &[Diagnostic],
    fixed: &[&Diagnostic],
    edits: &[&(TextRange, String)],
    after: &[Diagnostic],
) -> bool {
    let syntax_errors = |findings: &[Diagnostic]| {
        findings
            .iter()
            .filter(|d| d.code == Code::YamlSyntax)
            .count()
    };
    if syntax_errors(after) > syntax_errors(before) {
        return false;
    }
    // Where an offset of the text before lands after the edits: moved by those before it.
    let moved = |at: usize| {
        edits
            .iter()
            .filter(|(range, _)| range.end <= at)
            .fold(at as isize, |at, (range, new_text)| {
                at + new_text.len() as isize - range.len() as isize
            })
    };
    let (was, is) = (counts(before), counts(after));
    fixed.iter().all(|d| {
        let then = was.get(&Finding::of(d, d.range.start as isize)).copied();
        let now = is.get(&Finding::of(d, moved(d.range.start))).copied();
        now.unwrap_or(0) < then.unwrap_or(1)
    })
}

fn counts(findings: &[Diagnostic]) -> HashMap<Finding<'_>, usize> {
    let mut counts: HashMap<Finding, usize> = HashMap::new();
    for d in findings {
        *counts
            .entry(Finding::of(d, d.range.start as isize))
            .or_default() += 1;
    }
    counts
}

/// What makes two findings the same one before and after an edit: code, message and field path, or where
/// it starts when it has no path (a syntax error).
#[derive(PartialEq, Eq, Hash)]
struct Finding<'a> {
    code: Code,
    message: &'a str,
    path: Option<String>,
    at: Option<isize>,
}

impl<'a> Finding<'a> {
    fn of(d: &'a Diagnostic, at: isize) -> Finding<'a> {
        let path = d.path.as_ref().map(ToString::to_string);
        Finding {
            code: d.code,
            message: &d.message,
            at: path.is_none().then_some(at),
            path,
        }
    }
}

/// The fix `--fix` applies for one diagnostic: its preferred one, else with `unsafe_fixes` its first.
fn pick(diagnostic: &Diagnostic, unsafe_fixes: bool) -> Option<Fix> {
    let fixes = &diagnostic.fixes;
    let preferred = fixes.iter().position(|f| f.preferred);
    let at = preferred.or(unsafe_fixes.then_some(0))?;
    fixes.get(at).filter(|fix| !fix.edits.is_empty()).cloned()
}

/// Fixes whose edits touch neither each other nor one already chosen (the others wait for the next pass,
/// on the text these leave). Two fixes with the same edits (two diagnostics, one repair) count once.
fn choose<'d>(
    candidates: impl Iterator<Item = (&'d Diagnostic, Fix)>,
) -> Vec<(&'d Diagnostic, Fix)> {
    let mut chosen: Vec<(&Diagnostic, Fix)> = Vec::new();
    for (diagnostic, fix) in candidates {
        if chosen.iter().any(|(_, c)| c.edits == fix.edits) {
            continue;
        }
        let clashes = fix.edits.iter().any(|(a, _)| {
            chosen
                .iter()
                .flat_map(|(_, c)| &c.edits)
                .any(|(b, _)| overlaps(*a, *b))
        }) || fix
            .edits
            .iter()
            .enumerate()
            .any(|(i, (a, _))| fix.edits[i + 1..].iter().any(|(b, _)| overlaps(*a, *b)));
        if !clashes {
            chosen.push((diagnostic, fix));
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
