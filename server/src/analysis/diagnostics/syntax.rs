//! `yaml-syntax`: the parser's errors, already pointed by the syntax layer at the line the user must fix;
//! `yaml-lenient`: what only parses because podls reads it as Kubernetes' Go YAML does.

use super::code::Code;
use super::diagnostic::Diagnostic;
use crate::syntax::{Document, SyntaxError};

pub(super) fn check(doc: &Document, out: &mut Vec<Diagnostic>) {
    for error in &doc.errors {
        out.push(with_repairs(
            Diagnostic::error(Code::YamlSyntax, error.range, error.message.clone()),
            error,
        ));
    }
    for warning in &doc.warnings {
        out.push(with_repairs(
            Diagnostic::warning(Code::YamlLenient, warning.range, warning.message.clone()),
            warning,
        ));
    }
}

/// The syntax layer's repairs as fixes: one is the obvious one; several (two indentations that both parse)
/// are the user's choice.
fn with_repairs(diagnostic: Diagnostic, error: &SyntaxError) -> Diagnostic {
    let preferred = error.repairs.len() == 1;
    error.repairs.iter().fold(diagnostic, |d, repair| {
        d.fix(repair.title.clone(), repair.edits.clone(), preferred)
    })
}
