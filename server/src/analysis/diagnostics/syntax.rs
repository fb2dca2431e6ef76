//! `yaml-syntax`: the parser's errors, already pointed by the syntax layer at the line the user must fix.

use super::Diagnostic;
use crate::syntax::Document;

pub(super) fn check(doc: &Document, out: &mut Vec<Diagnostic>) {
    for error in &doc.errors {
        out.push(Diagnostic::error(
            "yaml-syntax",
            error.range,
            error.message.clone(),
        ));
    }
}
