//! `duplicate-key`: a key written twice in one mapping. YAML forbids it; kubectl's strict decoding and the API
//! server's field validation reject it, while many parsers silently keep the last value. Applies to every
//! document, Pod or not.

use crate::messages::{Locale, documents as msg, fixes};

use super::code::Code;
use super::diagnostic::Diagnostic;
use super::first_seen::FirstSeen;
use crate::analysis::fixes::remove_entry_at;
use crate::syntax::{Document, NodeKind};

pub(super) fn check(locale: Locale, text: &str, doc: &Document, out: &mut Vec<Diagnostic>) {
    // One for every mapping in turn: a new one per mapping allocated (and grew) its list each time.
    let mut first = FirstSeen::default();
    for id in doc.node_ids() {
        let NodeKind::Mapping { entries, .. } = doc.node(id).kind else {
            continue;
        };
        let entries = doc.entries_of(*entries);
        first.clear();
        for (index, &(key, _)) in entries.iter().enumerate() {
            let Some(name) = doc.scalar(key) else {
                continue;
            };
            if doc.is_null(key) || name == "<<" {
                continue;
            }
            let Some(earlier) = first.earlier(name, key) else {
                continue;
            };
            // The branches of a template's `if … else` never render together.
            if doc.exclusive(doc.node(earlier).range.start, doc.node(key).range.start) {
                continue;
            }
            let range = doc.node(key).range;
            let mut diagnostic = Diagnostic::error(
                Code::DuplicateKey,
                range,
                msg::duplicate_key(name).render(locale),
            )
            .related(
                doc.node(earlier).range,
                msg::first_written_here(name).render(locale),
            );
            if let Some(mut remove) = remove_entry_at(locale, text, doc, id, index, false) {
                remove.title = fixes::remove_duplicate(name).render(locale);
                diagnostic = diagnostic.fix_with(remove);
            }
            out.push(diagnostic);
        }
    }
}

#[cfg(test)]
mod tests {
    use expect_test::expect;

    use crate::analysis::diagnostics::tests::check;

    #[test]
    fn syntax_and_duplicate_keys() {
        check(
            "apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\n  name: b\nspec:\n  containers:\n  - name: c\n    image: nginx:1\n",
            expect![[r#"
            5:3-5:7 error[duplicate-key] duplicate key `name`: this mapping already has it; YAML forbids repeated keys and Kubernetes rejects them
        "#]],
        );
        check(
            "kind: ConfigMap\ndata:\n  a: 1\n  a: 2\nb: [\n",
            expect![[r#"
                4:3-4:4 error[duplicate-key] duplicate key `a`: this mapping already has it; YAML forbids repeated keys and Kubernetes rejects them
                5:4-5:5 error[yaml-syntax] this `[` is never closed: add `]` after its last entry
            "#]],
        );
    }
}
