//! `yaml-syntax`: the parser's errors, already pointed by the syntax layer at the line the user must fix;
//! `yaml-lenient`: what only parses because podls reads it as Kubernetes' Go YAML does.

use super::code::Code;
use super::diagnostic::Diagnostic;
use crate::messages::Locale;
use crate::syntax::{Document, SyntaxError};

pub(super) fn check(locale: Locale, doc: &Document, out: &mut Vec<Diagnostic>) {
    for error in &doc.errors {
        let message = error.message.render(locale);
        out.push(with_repairs(
            locale,
            Diagnostic::error(Code::YamlSyntax, error.range, message),
            error,
        ));
    }
    for warning in &doc.warnings {
        let message = warning.message.render(locale);
        out.push(with_repairs(
            locale,
            Diagnostic::warning(Code::YamlLenient, warning.range, message),
            warning,
        ));
    }
}

/// The syntax layer's repairs as fixes: one is the obvious one; several (two indentations that both parse)
/// are the user's choice.
fn with_repairs(locale: Locale, diagnostic: Diagnostic, error: &SyntaxError) -> Diagnostic {
    let preferred = error.repairs.len() == 1;
    error.repairs.iter().fold(diagnostic, |d, repair| {
        d.fix(repair.title.render(locale), repair.edits.clone(), preferred)
    })
}
