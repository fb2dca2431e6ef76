//! Diagnostics of a file that is being edited, re-using the results of every `---` document the edit did not
//! re-parse (same `Document::id`): a document's diagnostics depend on its own text and the inputs only, so
//! after an edit in one Pod of a 10,000-line file only that Pod is analysed again; the others' diagnostics
//! move to their new offsets. New inputs (another table, version, rule settings or locale) start afresh.

use std::sync::Arc;

use super::diagnostic::Diagnostic;
use super::tiers::document_diagnostics;
use crate::analysis::inputs::Inputs;
use crate::analysis::pod_sites::serves_document;
use crate::syntax::{Part, PartResults, SplitFile, TextRange};

#[derive(Default)]
pub struct DiagnosticsCache {
    /// The inputs the cached diagnostics were computed with.
    inputs: Option<Inputs>,
    /// What was found in each `---` document, in the file's order.
    parts: PartResults<Found>,
}

/// One `---` document's results.
#[derive(Clone)]
struct Found {
    /// Offsets from the document's start. A slice, so that a document without findings is told apart
    /// without reading anything but the pointer.
    diagnostics: Arc<[Diagnostic]>,
    /// Whether podls serves the document (`analysis::serves`).
    serves: bool,
}

/// Documents analysed away from the cache (`DiagnosticsCache::analyse`, on any thread), for `add`.
pub struct Analysed {
    inputs: Inputs,
    found: Vec<(u64, Found)>,
}

impl Found {
    fn of(inputs: &Inputs, part: &Part) -> Found {
        Found {
            diagnostics: document_diagnostics(inputs, &part.text, &part.document).into(),
            serves: serves_document(&inputs.pod_templates, &part.text, &part.document),
        }
    }
}

impl DiagnosticsCache {
    /// The documents of `file` without results under `inputs` yet (a pointer copy each), for `analyse`:
    /// the language server analyses them off its protocol thread.
    pub fn missing(&mut self, inputs: &Inputs, file: &SplitFile) -> Vec<Part> {
        self.start(inputs);
        self.parts
            .missing(file.parts())
            .into_iter()
            .cloned()
            .collect()
    }

    /// Analyses documents (what `missing` gave) under `inputs`.
    pub fn analyse(inputs: &Inputs, parts: &[Part]) -> Analysed {
        let found = (parts.iter())
            .map(|part| (part.id, Found::of(inputs, part)))
            .collect();
        Analysed {
            inputs: inputs.clone(),
            found,
        }
    }

    /// Keeps what `analyse` found for the next call; nothing when the inputs changed meanwhile.
    pub fn add(&mut self, analysed: Analysed) {
        let same = |inputs: &Inputs| inputs.same_diagnostics(&analysed.inputs);
        if self.inputs.as_ref().is_some_and(same) {
            for (id, found) in analysed.found {
                self.parts.add(id, found);
            }
        }
    }

    /// The same as `diagnostics(inputs, text, file)` of the file's text, computing only the documents the
    /// previous call did not see, each on its own text.
    pub fn split_file(&mut self, inputs: &Inputs, file: &SplitFile) -> Vec<Diagnostic> {
        self.update(inputs, file);
        let mut out = Vec::new();
        for (found, part) in self.parts.values().iter().zip(file.parts()) {
            let delta = part.start as isize;
            out.extend(found.diagnostics.iter().map(|d| shifted(d, delta)));
        }
        out
    }

    /// Each document's diagnostics in the file's order, with offsets from its own start: what `split_file`
    /// moves into the file, shared with the cache (the same slice while the document and inputs are).
    pub fn by_document(
        &mut self,
        inputs: &Inputs,
        file: &SplitFile,
    ) -> impl Iterator<Item = &Arc<[Diagnostic]>> {
        self.update(inputs, file);
        self.parts.values().iter().map(|found| &found.diagnostics)
    }

    /// Whether podls serves the file (`analysis::serves`), from the same cache.
    pub fn serves(&mut self, inputs: &Inputs, file: &SplitFile) -> bool {
        self.update(inputs, file);
        self.parts.values().iter().any(|found| found.serves)
    }

    /// Brings the results up to `file` under `inputs`: everything afresh when the inputs changed, else the
    /// documents the cache has not seen.
    fn update(&mut self, inputs: &Inputs, file: &SplitFile) {
        self.start(inputs);
        self.parts
            .update(file.parts(), |part: &Part| Found::of(inputs, part));
    }

    /// Forgets what was computed with other inputs.
    fn start(&mut self, inputs: &Inputs) {
        if !self
            .inputs
            .as_ref()
            .is_some_and(|old| old.same_diagnostics(inputs))
        {
            self.parts.clear();
            self.inputs = Some(inputs.clone());
        }
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
    use crate::syntax::parse;

    /// What the whole file's analysis says of `text`.
    fn fresh(inputs: &Inputs, text: &str) -> Vec<Diagnostic> {
        super::super::tiers::diagnostics(inputs, text, &parse(text))
    }

    /// An edit in one document changes its diagnostics alone; the others keep theirs, moved with it.
    #[test]
    fn reused_diagnostics_equal_fresh_ones_after_edits() {
        let pod = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: Web_1\nspec:\n  restartPolicy: Nevr\n  containers:\n  - name: a\n    image: nginx\n";
        let mut text = format!("{pod}---\n{pod}---\n{pod}");
        let mut cache = DiagnosticsCache::default();
        let mut file = SplitFile::parse(&text);
        let inputs = Inputs::default();
        assert_eq!(cache.split_file(&inputs, &file), fresh(&inputs, &text));
        // Edits in the first document move the other two; an edit in the last one changes it alone; the
        // middle one's `Nevr` typed right leaves it without that finding. Each `(needle, nth, insert)`
        // inserts before the nth needle of the text as it is then.
        for (needle, nth, insert) in [
            ("Web_1", 0, "x"),
            ("Nevr", 2, "e"),
            ("apiVersion", 0, "# c\n"),
            ("r\n  containers", 1, "e"),
        ] {
            let at = text.match_indices(needle).nth(nth).unwrap().0;
            text.insert_str(at, insert);
            file.edit(TextRange::empty(at), insert);
            assert_eq!(cache.split_file(&inputs, &file), fresh(&inputs, &text));
        }
        assert_eq!(text.matches("Never").count(), 1, "{text}");
        let codes =
            |found: Vec<Diagnostic>| found.iter().filter(|d| d.message.contains("Nevr")).count();
        assert_eq!(codes(cache.split_file(&inputs, &file)), 2);
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

    /// Documents analysed elsewhere (the language server's blocking thread) are what the cache would have
    /// computed; what was analysed under other inputs is not taken.
    #[test]
    fn documents_analysed_elsewhere_are_taken() {
        let pod = "apiVersion: v1\nkind: Pod\nspec:\n  restartPolicy: Nevr\n";
        let mut text = format!("{pod}---\n{pod}");
        let mut file = SplitFile::parse(&text);
        let mut cache = DiagnosticsCache::default();
        let inputs = Inputs::default();
        let missing = cache.missing(&inputs, &file);
        assert_eq!(missing.len(), 2);
        cache.add(DiagnosticsCache::analyse(&inputs, &missing));
        assert!(cache.missing(&inputs, &file).is_empty());
        assert_eq!(cache.split_file(&inputs, &file), fresh(&inputs, &text));
        // The second document's value typed right: it alone is missing.
        let at = text.rfind("Nevr").unwrap() + 3;
        text.insert(at, 'e');
        file.edit(TextRange::empty(at), "e");
        let missing = cache.missing(&inputs, &file);
        assert_eq!(missing.len(), 1);
        let mut chinese = inputs.clone();
        chinese.locale = crate::schema::Locale::ZhCn;
        cache.add(DiagnosticsCache::analyse(&chinese, &missing));
        assert_eq!(cache.missing(&inputs, &file).len(), 1);
        let found = cache.split_file(&inputs, &file);
        assert_eq!(found, fresh(&inputs, &text));
        let nevr = found.iter().filter(|d| d.message.contains("`Nevr`"));
        assert_eq!(nevr.count(), 1, "{found:?}");
    }

    #[test]
    fn other_inputs_start_afresh() {
        let text = "apiVersion: v1\nkind: Pod\nspec:\n  restartPolicy: Nevr\n";
        let file = SplitFile::parse(text);
        let mut cache = DiagnosticsCache::default();
        let first = Inputs::default();
        cache.split_file(&first, &file);
        assert_eq!(cache.parts.values().len(), 1);
        // Another Kubernetes version: nothing cached for the old one is reused.
        let mut other = Inputs::default();
        other.kubernetes.minor += 1;
        let found = cache.split_file(&other, &file);
        assert_eq!(found, fresh(&other, text));
        assert_eq!(
            cache.inputs.as_ref().map(|i| i.kubernetes),
            Some(other.kubernetes)
        );
        // Messages are rendered in the locale: another language computes them afresh, in that language.
        let mut chinese = other.clone();
        chinese.locale = crate::schema::Locale::ZhCn;
        let found = cache.split_file(&chinese, &file);
        assert_eq!(found, fresh(&chinese, text));
        assert!(
            found
                .iter()
                .any(|d| d.message.contains("不是 `restartPolicy` 的有效取值")),
            "{found:?}"
        );
        assert_ne!(
            found,
            fresh(&other, text),
            "the English diagnostics were kept"
        );
    }
}
