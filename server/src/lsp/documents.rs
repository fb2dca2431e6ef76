//! The open documents: for each, a rope (for position conversion), the text as its `---` documents
//! (`SplitFile`: each document's own text and tree), the client's version and the caches of per-document
//! results. An edit replaces the documents it touches and shares the others' text and trees with the
//! previous version, so a keystroke costs what its document costs, not what the file does; the whole text
//! and tree are joined only when a whole-file request asks for them, once per version.

use std::collections::HashMap;
use std::ops::Deref;
use std::sync::{Arc, Mutex, OnceLock};

use ropey::Rope;
use tower_lsp_server::ls_types::{TextDocumentContentChangeEvent, Uri};

use super::diagnostics::ConvertedDiagnostics;
use super::encoding::{self, PositionEncoding};
use super::guard::catch_panic;
use crate::analysis::names::NamesCache;
use crate::analysis::{DiagnosticsCache, FileRole};
use crate::syntax::{Part, SplitFile, TextRange, YamlFile};

/// One open document, as of the client's `version`.
struct OpenDocument {
    rope: Rope,
    split: Arc<SplitFile>,
    /// The whole text and tree of this version, once a whole-file request joined them.
    text: Arc<OnceLock<String>>,
    file: Arc<OnceLock<YamlFile>>,
    version: i32,
    diagnostics: Arc<Mutex<DiagnosticsCache>>,
    converted: Arc<Mutex<ConvertedDiagnostics>>,
    names: Arc<Mutex<NamesCache>>,
    role: FileRole,
}

/// What a request needs of a document, taken under the store's lock and used after releasing it. Cheap to
/// take (reference counts): an edit arriving meanwhile makes a new version and leaves this one as it was.
#[derive(Clone)]
pub struct DocumentSnapshot {
    pub rope: Rope,
    /// The text as its `---` documents: what requests about one place read (`document_at`).
    pub split: Arc<SplitFile>,
    /// The whole text, joined on first use (whole-file requests: outline, folds, hints, lenses).
    pub text: Joined<String>,
    /// The whole file's trees, offsets into `text`, made on first use.
    pub file: Joined<YamlFile>,
    pub version: i32,
    /// The document's diagnostics of its previous versions, so that only changed `---` documents are
    /// analysed again.
    pub diagnostics: Arc<Mutex<DiagnosticsCache>>,
    /// Those diagnostics in LSP terms, per `---` document, so a publication converts only what changed.
    pub converted: Arc<Mutex<ConvertedDiagnostics>>,
    /// The name index of its `---` documents, kept for those an edit did not touch.
    pub names: Arc<Mutex<NamesCache>>,
    /// What the file is to its project, found when it was opened.
    pub role: FileRole,
}

/// A view of the whole file made from its `---` documents the first time it is read, then kept with the
/// version it was made for.
#[derive(Clone)]
pub struct Joined<T> {
    cell: Arc<OnceLock<T>>,
    split: Arc<SplitFile>,
    join: fn(&SplitFile) -> T,
}

impl<T> Deref for Joined<T> {
    type Target = T;

    fn deref(&self) -> &T {
        self.cell.get_or_init(|| (self.join)(&self.split))
    }
}

/// The `---` document at an offset, for a request about that place: its own text and a one-document file of
/// it, offsets from `start` (add `start` to what the analyses return to get file offsets).
pub struct DocumentAt {
    pub start: usize,
    pub text: Arc<str>,
    pub file: YamlFile,
}

impl DocumentAt {
    /// `offset` (in the file) as an offset into this document's text.
    pub fn local(&self, offset: usize) -> usize {
        offset.saturating_sub(self.start).min(self.text.len())
    }

    /// A range the analyses found in this document, as a range of the file.
    pub fn in_file(&self, range: TextRange) -> TextRange {
        range.shifted(self.start as isize)
    }
}

impl DocumentSnapshot {
    /// The `---` document at `offset` (a file offset); the last one at the end of the file.
    pub fn document_at(&self, offset: usize) -> Option<DocumentAt> {
        self.split.part_at(offset).map(|part: &Part| DocumentAt {
            start: part.start,
            text: Arc::clone(&part.text),
            file: part.as_file(),
        })
    }
}

#[derive(Default)]
pub struct DocumentStore {
    documents: HashMap<Uri, OpenDocument>,
}

impl DocumentStore {
    /// Opens a manifest (a document whose place in a project is not known).
    pub fn open(&mut self, uri: Uri, text: String, version: i32) -> DocumentSnapshot {
        self.open_as(uri, text, version, FileRole::Manifest)
    }

    /// Opens a document that is `role` to its project (a chart's template, a kustomize patch).
    pub fn open_as(
        &mut self,
        uri: Uri,
        text: String,
        version: i32,
        role: FileRole,
    ) -> DocumentSnapshot {
        let document = OpenDocument {
            rope: Rope::from_str(&text),
            split: Arc::new(parse_guarded(&text)),
            text: Arc::default(),
            file: Arc::default(),
            version,
            diagnostics: Arc::default(),
            converted: Arc::default(),
            names: Arc::default(),
            role,
        };
        let snapshot = document.snapshot();
        self.documents.insert(uri, document);
        snapshot
    }

    /// Applies `changes` in order (each range is in the text left by the previous one). `None` when the
    /// document is not open: the client sent a change for a document it never opened.
    pub fn change(
        &mut self,
        uri: &Uri,
        version: i32,
        changes: Vec<TextDocumentContentChangeEvent>,
        encoding: PositionEncoding,
    ) -> Option<DocumentSnapshot> {
        let document = self.documents.get_mut(uri)?;
        for change in changes {
            document.apply(change, encoding);
        }
        // A new version: its whole text and tree are joined again if a whole-file request wants them.
        document.text = Arc::default();
        document.file = Arc::default();
        document.version = version;
        Some(document.snapshot())
    }

    pub fn close(&mut self, uri: &Uri) {
        self.documents.remove(uri);
    }

    pub fn snapshot(&self, uri: &Uri) -> Option<DocumentSnapshot> {
        self.documents.get(uri).map(OpenDocument::snapshot)
    }

    /// Every open document, to publish their diagnostics again when the settings change them.
    pub fn snapshots(&self) -> Vec<(Uri, DocumentSnapshot)> {
        self.documents
            .iter()
            .map(|(uri, document)| (uri.clone(), document.snapshot()))
            .collect()
    }

    /// Every open document's version, to publish their diagnostics again.
    pub fn versions(&self) -> Vec<(Uri, i32)> {
        self.documents
            .iter()
            .map(|(uri, document)| (uri.clone(), document.version))
            .collect()
    }

    /// What the document is to its project, as found when it was opened.
    pub fn role(&self, uri: &Uri) -> Option<FileRole> {
        self.documents.get(uri).map(|document| document.role)
    }

    /// The version the document is at now, to drop diagnostics computed for an older one.
    pub fn version(&self, uri: &Uri) -> Option<i32> {
        self.documents.get(uri).map(|document| document.version)
    }
}

impl OpenDocument {
    fn snapshot(&self) -> DocumentSnapshot {
        DocumentSnapshot {
            rope: self.rope.clone(),
            split: Arc::clone(&self.split),
            text: Joined {
                cell: Arc::clone(&self.text),
                split: Arc::clone(&self.split),
                join: SplitFile::text,
            },
            file: Joined {
                cell: Arc::clone(&self.file),
                split: Arc::clone(&self.split),
                join: SplitFile::file,
            },
            version: self.version,
            diagnostics: Arc::clone(&self.diagnostics),
            converted: Arc::clone(&self.converted),
            names: Arc::clone(&self.names),
            role: self.role,
        }
    }

    fn apply(&mut self, change: TextDocumentContentChangeEvent, encoding: PositionEncoding) {
        let Some(range) = change.range else {
            // A full-text change (also what clients send when they do not do incremental sync).
            self.rope = Rope::from_str(&change.text);
            self.split = Arc::new(parse_guarded(&change.text));
            return;
        };
        // Offsets come back on char boundaries, so the char conversions below are exact.
        let old = encoding::text_range(&self.rope, range, encoding);
        let start_char = self.rope.byte_to_char(old.start);
        let end_char = self.rope.byte_to_char(old.end);
        self.rope.remove(start_char..end_char);
        self.rope.insert(start_char, &change.text);

        // A snapshot still reading the previous version keeps it: the documents are then copied as
        // pointers, their text and trees shared.
        let split = Arc::make_mut(&mut self.split);
        // A panic may leave the documents half edited: they are parsed again from the rope.
        if catch_panic("incremental parse", || split.edit(old, &change.text)).is_err() {
            *split = parse_guarded(&self.rope.to_string());
        }
        debug_assert_eq!(self.rope.len_bytes(), split.len());
    }
}

/// Parses `text`; if the parser panics, the document is served as if it had no YAML (no hover, no
/// diagnostics) rather than losing the server.
fn parse_guarded(text: &str) -> SplitFile {
    catch_panic("parse", || SplitFile::parse(text)).unwrap_or_else(|_| SplitFile::unparsed(text))
}

#[cfg(test)]
mod tests {
    use tower_lsp_server::ls_types::{Position, Range};

    use super::*;
    use crate::syntax;

    fn uri() -> Uri {
        "file:///pod.yaml".parse().unwrap()
    }

    fn edit(start: (u32, u32), end: (u32, u32), text: &str) -> TextDocumentContentChangeEvent {
        TextDocumentContentChangeEvent {
            range: Some(Range::new(
                Position::new(start.0, start.1),
                Position::new(end.0, end.1),
            )),
            range_length: None,
            text: text.to_owned(),
        }
    }

    fn full(text: &str) -> TextDocumentContentChangeEvent {
        TextDocumentContentChangeEvent {
            range: None,
            range_length: None,
            text: text.to_owned(),
        }
    }

    /// Replays `changes` and checks the text, and that the incremental tree equals a fresh parse.
    fn check(
        initial: &str,
        encoding: PositionEncoding,
        changes: Vec<TextDocumentContentChangeEvent>,
        expected: &str,
    ) {
        let mut store = DocumentStore::default();
        store.open(uri(), initial.to_owned(), 1);
        let snapshot = store.change(&uri(), 2, changes, encoding).unwrap();
        assert_eq!(snapshot.text.as_str(), expected);
        assert_eq!(snapshot.rope.to_string(), expected);
        assert_eq!(snapshot.version, 2);
        assert_eq!(*snapshot.file, syntax::parse(expected));
    }

    #[test]
    fn incremental_edits_in_utf16_across_emoji_and_cjk() {
        check(
            "# 😀 中文\nkind: Pod\n",
            PositionEncoding::Utf16,
            vec![
                // After "# 😀" (the emoji is two UTF-16 units).
                edit((0, 4), (0, 4), " ok"),
                // Replace "中文" with "注释".
                edit((0, 8), (0, 10), "注释"),
                // Retype the kind.
                edit((1, 6), (1, 9), "Pod\napiVersion: v1"),
            ],
            "# 😀 ok 注释\nkind: Pod\napiVersion: v1\n",
        );
    }

    #[test]
    fn incremental_edits_in_utf8() {
        check(
            "# 😀 中文\nkind: Pod\n",
            PositionEncoding::Utf8,
            vec![edit((0, 6), (0, 6), "!"), edit((0, 8), (0, 14), "x")],
            "# 😀! x\nkind: Pod\n",
        );
    }

    #[test]
    fn edits_in_crlf_documents() {
        check(
            "a: 1\r\nb: 2\r\n",
            PositionEncoding::Utf16,
            vec![
                edit((0, 3), (0, 99), "10"),
                edit((1, 0), (1, 0), "c: 3\r\n"),
            ],
            "a: 10\r\nc: 3\r\nb: 2\r\n",
        );
    }

    #[test]
    fn full_changes_and_out_of_range_edits() {
        check(
            "old",
            PositionEncoding::Utf16,
            vec![
                full("kind: Pod\n"),
                edit((40, 0), (41, 0), "---\nkind: Pod\n"),
                edit((0, 0), (0, 0), ""),
            ],
            "kind: Pod\n---\nkind: Pod\n",
        );
    }

    #[test]
    fn edits_split_inside_a_surrogate_pair_snap_to_the_char() {
        // Deleting "half" an emoji (character 1 is between its surrogates) deletes nothing partial.
        check(
            "😀b",
            PositionEncoding::Utf16,
            vec![edit((0, 1), (0, 2), "")],
            "b",
        );
    }

    /// A didChange copies nothing of the text it did not touch: after a line typed in one `---` document
    /// (every later one moves), all the others' text and trees are the previous version's, shared with the
    /// snapshot that still reads it, and the whole text is not joined.
    #[test]
    fn an_edit_shares_every_untouched_document() {
        let pod = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n";
        let text = vec![pod; 50].join("---\n");
        let mut store = DocumentStore::default();
        let before = store.open(uri(), text.clone(), 1);
        // Line 3 of the 20th document (5 lines each, its `---` first): `  name: web`.
        let line = 19 * 5 + 3;
        let typed = "\n  namespace: shop";
        let after = store
            .change(
                &uri(),
                2,
                vec![edit((line, 11), (line, 11), typed)],
                PositionEncoding::Utf16,
            )
            .unwrap();
        let (old, new) = (before.split.parts(), after.split.parts());
        assert_eq!(old.len(), 50);
        assert_eq!(new.len(), 50);
        for (i, (old, new)) in old.iter().zip(new).enumerate() {
            let shared =
                Arc::ptr_eq(&old.text, &new.text) && Arc::ptr_eq(&old.document, &new.document);
            assert_eq!(shared, i != 19, "document {i}: shared {shared}");
        }
        assert_eq!(new[20].start, old[20].start + typed.len());
        assert!(
            before.text.cell.get().is_none() && after.text.cell.get().is_none(),
            "the whole text was joined"
        );
        // Both versions still read as they were.
        let at = text.match_indices("name: web").nth(19).unwrap().0 + "name: web".len();
        let mut expected = text.clone();
        expected.insert_str(at, typed);
        assert_eq!(before.text.as_str(), text);
        assert_eq!(after.text.as_str(), expected);
        assert_eq!(*after.file, syntax::parse(&expected));
    }

    #[test]
    fn changes_to_unopened_documents_are_ignored() {
        let mut store = DocumentStore::default();
        assert!(
            store
                .change(&uri(), 2, vec![full("x")], PositionEncoding::Utf16)
                .is_none()
        );
        store.open(uri(), "x".into(), 1);
        store.close(&uri());
        assert!(store.snapshot(&uri()).is_none());
    }
}
