//! Diagnostics of a file that is being edited, re-using the results of every `---` document the edit did not
//! re-parse (same `Document::id`): a document's diagnostics depend on its own text and the inputs only, so
//! after an edit in one Pod of a 10,000-line file only that Pod is analysed again; the others' diagnostics
//! move to their new offsets. New inputs (another table, version, rule settings or locale) start afresh.

use std::collections::HashMap;
use std::sync::Arc;

use super::diagnostic::Diagnostic;
use super::tiers::document_diagnostics;
use crate::analysis::inputs::Inputs;
use crate::analysis::pod_sites::serves_document;
use crate::syntax::{Document, SplitFile, TextRange, YamlFile};

#[derive(Default)]
pub struct DiagnosticsCache {
    /// The inputs the cached diagnostics were computed with.
    inputs: Option<Inputs>,
    /// A document's id → what was found in it.
    by_document: HashMap<u64, Found>,
}

/// One `---` document's results.
struct Found {
    /// Where the document started when they were computed.
    start: usize,
    diagnostics: Arc<Vec<Diagnostic>>,
    /// Whether podls serves the document (`analysis::serves`).
    serves: bool,
}

impl DiagnosticsCache {
    /// The same as `diagnostics(inputs, text, file)`, computing only what the previous call did not see.
    pub fn diagnostics(&mut self, inputs: &Inputs, text: &str, file: &YamlFile) -> Vec<Diagnostic> {
        let documents = file.documents.iter().map(|doc| (text, &**doc, 0));
        self.collect(inputs, documents)
    }

    /// The same for a file kept as its `---` documents, each analysed on its own text.
    pub fn split_file(&mut self, inputs: &Inputs, file: &SplitFile) -> Vec<Diagnostic> {
        self.collect(inputs, split_documents(file))
    }

    /// Whether podls serves the file (`analysis::serves`), from the same cache.
    pub fn serves(&mut self, inputs: &Inputs, file: &SplitFile) -> bool {
        self.start(inputs);
        split_documents(file).any(|(text, doc, base)| self.found(inputs, text, doc, base).serves)
    }

    /// Forgets what was computed with other inputs.
    fn start(&mut self, inputs: &Inputs) {
        if !self
            .inputs
            .as_ref()
            .is_some_and(|old| old.same_diagnostics(inputs))
        {
            self.by_document.clear();
            self.inputs = Some(inputs.clone());
        }
    }

    /// The documents' diagnostics in order, each `(text, doc, base)` a document whose offsets into `text`
    /// are `base` bytes before its place in the file.
    fn collect<'a>(
        &mut self,
        inputs: &Inputs,
        documents: impl Iterator<Item = (&'a str, &'a Document, usize)> + Clone,
    ) -> Vec<Diagnostic> {
        self.start(inputs);
        let mut out = Vec::new();
        for (text, doc, base) in documents.clone() {
            let start = base + doc.range.start;
            let found = self.found(inputs, text, doc, base);
            let delta = start as isize - found.start as isize;
            out.extend(found.diagnostics.iter().map(|d| {
                if delta == 0 {
                    d.clone()
                } else {
                    shifted(d, delta)
                }
            }));
        }
        // Documents that are gone (edited, deleted): forgotten once they outnumber the file's own, so the
        // cache stays the size of the file without rebuilding it on every keystroke.
        let count = documents.clone().count();
        if self.by_document.len() > 2 * count + 16 {
            let live: std::collections::HashSet<u64> =
                documents.map(|(_, doc, _)| doc.id).collect();
            self.by_document.retain(|id, _| live.contains(id));
        }
        out
    }

    fn found(&mut self, inputs: &Inputs, text: &str, doc: &Document, base: usize) -> &Found {
        self.by_document.entry(doc.id).or_insert_with(|| {
            let found = document_diagnostics(inputs, text, doc);
            Found {
                start: base + doc.range.start,
                diagnostics: Arc::new(found.iter().map(|d| shifted(d, base as isize)).collect()),
                serves: serves_document(&inputs.pod_templates, text, doc),
            }
        })
    }
}

/// A split file's documents, each with its own text, as `collect` takes them.
fn split_documents(file: &SplitFile) -> impl Iterator<Item = (&str, &Document, usize)> + Clone {
    file.parts()
        .iter()
        .map(|part| (&*part.text, &*part.document, part.start))
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

    /// Each `---` document analysed on its own text says what the whole file's analysis says of it: on every
    /// file of the real-world corpus, and after edits that move, split and join documents.
    #[test]
    fn documents_analysed_alone_equal_the_whole_file() {
        let corpus = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/corpus");
        let inputs = Inputs::default();
        let mut files = 0;
        for entry in std::fs::read_dir(&corpus).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_none_or(|e| e != "yaml" && e != "yml") {
                continue;
            }
            let mut text = std::fs::read_to_string(&path).unwrap();
            let mut split = SplitFile::parse(&text);
            let mut cache = DiagnosticsCache::default();
            for (middle, insert) in [
                (false, ""),
                (true, "\n"),
                (false, "# c\n---\n"),
                (true, "\n---\n"),
            ] {
                let half = if middle { text.len() / 2 } else { 0 };
                let at = (0..=half)
                    .rev()
                    .find(|&at| text.is_char_boundary(at))
                    .unwrap();
                text.insert_str(at, insert);
                split.edit(TextRange::empty(at), insert);
                assert_eq!(
                    cache.split_file(&inputs, &split),
                    super::super::tiers::diagnostics(&inputs, &text, &parse(&text)),
                    "{} after inserting {insert:?} at {at}",
                    path.display()
                );
                assert_eq!(
                    cache.serves(&inputs, &split),
                    crate::analysis::serves(&[], &text, &parse(&text))
                );
            }
            files += 1;
        }
        assert!(files > 100, "the corpus: {files} files");
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
