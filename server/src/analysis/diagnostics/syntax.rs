//! `yaml-syntax`: the parser's errors, already pointed by the syntax layer at the line the user must fix;
//! `yaml-lenient`: what only parses because podls reads it as Kubernetes' Go YAML does.

use super::code::Code;
use super::diagnostic::Diagnostic;
use crate::syntax::Document;

pub(super) fn check(doc: &Document, out: &mut Vec<Diagnostic>) {
    for error in &doc.errors {
        let mut diagnostic =
            Diagnostic::error(Code::YamlSyntax, error.range, error.message.clone());
        // One repair is the obvious one; several (two indentations that both parse) are the user's choice.
        let preferred = error.repairs.len() == 1;
        for repair in &error.repairs {
            diagnostic = diagnostic.fix(repair.title.clone(), repair.edits.clone(), preferred);
        }
        out.push(diagnostic);
    }
    for warning in &doc.warnings {
        out.push(Diagnostic::warning(
            Code::YamlLenient,
            warning.range,
            warning.message.clone(),
        ));
    }
}
