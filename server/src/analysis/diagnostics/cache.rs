//! Diagnostics of a file that is being edited, re-using the results of every `---` document the edit did not
//! re-parse (same `Document::id`): a document's diagnostics depend on its own text and the inputs only, so
//! after an edit in one Pod of a 10,000-line file only that Pod is analysed again; the others' diagnostics
//! move to their new offsets. New inputs (another table, version, rule settings or locale) start afresh.

use std::collections::HashMap;
use std::sync::Arc;

use super::diagnostic::Diagnostic;
use super::tiers::document_diagnostics;
use crate::analysis::inputs::Inputs;
use crate::syntax::{TextRange, YamlFile};

#[derive(Default)]
pub struct DiagnosticsCache {
    /// The inputs the cached diagnostics were computed with.
    inputs: Option<Inputs>,
    /// A document's id → where it started when its diagnostics were computed, and those diagnostics.
    by_document: HashMap<u64, (usize, Arc<Vec<Diagnostic>>)>,
}

impl DiagnosticsCache {
    /// The same as `diagnostics(inputs, text, file)`, computing only what the previous call did not see.
    pub fn diagnostics(&mut self, inputs: &Inputs, text: &str, file: &YamlFile) -> Vec<Diagnostic> {
        if !self
            .inputs
            .as_ref()
            .is_some_and(|old| old.same_diagnostics(inputs))
        {
            self.by_document.clear();
            self.inputs = Some(inputs.clone());
        }
        let mut previous = std::mem::take(&mut self.by_document);
        let mut out = Vec::new();
        for doc in &file.documents {
            let (start, found) = previous.remove(&doc.id).unwrap_or_else(|| {
                (
                    doc.range.start,
                    Arc::new(document_diagnostics(inputs, text, doc)),
                )
            });
            // Kept with the offset its diagnostics were computed at.
            self.by_document.insert(doc.id, (start, Arc::clone(&found)));
            let delta = doc.range.start as isize - start as isize;
            out.extend(found.iter().map(|d| {
                if delta == 0 {
                    d.clone()
                } else {
                    shifted(d, delta)
                }
            }));
        }
        out
    }
}

fn shifted(diagnostic: &Diagnostic, delta: isize) -> Diagnostic {
    let shift = |range: TextRange| range.shifted(delta);
    let mut moved = diagnostic.clone();
    moved.range = shift(moved.range);
    for (range, _) in &mut moved.related {
        *range = shift(*range);
    }
    for fix in &mut moved.fixes {
        fix.diagnostic = shift(fix.diagnostic);
        for (range, _) in &mut fix.edits {
            *range = shift(*range);
        }
    }
    moved
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::syntax::{parse, reparse};

    #[test]
    fn reused_diagnostics_equal_fresh_ones_after_edits() {
        let pod = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: Web_1\nspec:\n  restartPolicy: Nevr\n  containers:\n  - name: a\n    image: nginx\n";
        let mut text = format!("{pod}---\n{pod}---\n{pod}");
        let mut cache = DiagnosticsCache::default();
        let mut file = parse(&text);
        let inputs = Inputs::default();
        assert_eq!(
            cache.diagnostics(&inputs, &text, &file),
            super::super::tiers::diagnostics(&inputs, &text, &file)
        );
        // Edits in the first document move the other two; an edit in the middle one changes it alone.
        for (at, insert) in [
            (text.find("Web_1").unwrap(), "x"),
            (text.rfind("Nevr").unwrap(), "e"),
            (0, "# c\n"),
        ] {
            let range = TextRange::empty(at);
            text.insert_str(at, insert);
            file = reparse(&file, &text, range, insert.len());
            assert_eq!(
                cache.diagnostics(&inputs, &text, &file),
                super::super::tiers::diagnostics(&inputs, &text, &file)
            );
        }
    }

    #[test]
    fn other_inputs_start_afresh() {
        let text = "apiVersion: v1\nkind: Pod\nspec:\n  restartPolicy: Nevr\n";
        let file = parse(text);
        let mut cache = DiagnosticsCache::default();
        let first = Inputs::default();
        cache.diagnostics(&first, text, &file);
        assert_eq!(cache.by_document.len(), 1);
        // Another Kubernetes version: nothing cached for the old one is reused.
        let mut other = Inputs::default();
        other.kubernetes.minor += 1;
        let found = cache.diagnostics(&other, text, &file);
        assert_eq!(found, super::super::tiers::diagnostics(&other, text, &file));
        assert_eq!(
            cache.inputs.as_ref().map(|i| i.kubernetes),
            Some(other.kubernetes)
        );
        // Messages are rendered in the locale: another language computes them afresh, in that language.
        let mut chinese = other.clone();
        chinese.locale = crate::schema::Locale::ZhCn;
        let found = cache.diagnostics(&chinese, text, &file);
        assert_eq!(
            found,
            super::super::tiers::diagnostics(&chinese, text, &file)
        );
        assert!(
            found
                .iter()
                .any(|d| d.message.contains("不是 `restartPolicy` 的有效取值")),
            "{found:?}"
        );
        assert_ne!(
            found,
            super::super::tiers::diagnostics(&other, text, &file),
            "the English diagnostics were kept"
        );
    }
}
