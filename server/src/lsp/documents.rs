//! The open documents: for each, a rope (for position conversion), the same text as a `String` (analysis
//! works on `&str` with byte offsets), the client's version and the parsed YAML. Edits are applied one
//! content change at a time, each re-parsing only the `---` documents it touches.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use ropey::Rope;
use tower_lsp_server::ls_types::{TextDocumentContentChangeEvent, Uri};

use super::encoding::{self, PositionEncoding};
use super::guard::catch_panic;
use crate::analysis::names::NamesCache;
use crate::analysis::{DiagnosticsCache, FileRole};
use crate::syntax::{self, YamlFile};

/// One open document, as of the client's `version`.
#[derive(Clone)]
struct OpenDocument {
    rope: Rope,
    text: Arc<String>,
    file: Arc<YamlFile>,
    version: i32,
    diagnostics: Arc<Mutex<DiagnosticsCache>>,
    names: Arc<Mutex<NamesCache>>,
    role: FileRole,
}

/// What a request needs of a document, taken under the store's lock and used after releasing it. Cheap to
/// take: the rope shares its nodes, the text and tree are reference-counted (an edit arriving meanwhile
/// copies the text rather than changing it under the request).
#[derive(Clone)]
pub struct DocumentSnapshot {
    pub rope: Rope,
    pub text: Arc<String>,
    pub file: Arc<YamlFile>,
    pub version: i32,
    /// The document's diagnostics of its previous versions, so that only changed `---` documents are
    /// analysed again.
    pub diagnostics: Arc<Mutex<DiagnosticsCache>>,
    /// The name index of its `---` documents, kept for those an edit did not touch.
    pub names: Arc<Mutex<NamesCache>>,
    /// What the file is to its project, found when it was opened.
    pub role: FileRole,
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
        let file = parse_guarded(&text);
        let document = OpenDocument {
            rope: Rope::from_str(&text),
            text: Arc::new(text),
            file: Arc::new(file),
            version,
            diagnostics: Arc::default(),
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
            text: Arc::clone(&self.text),
            file: Arc::clone(&self.file),
            version: self.version,
            diagnostics: Arc::clone(&self.diagnostics),
            names: Arc::clone(&self.names),
            role: self.role,
        }
    }

    fn apply(&mut self, change: TextDocumentContentChangeEvent, encoding: PositionEncoding) {
        let Some(range) = change.range else {
            // A full-text change (also what clients send when they do not do incremental sync).
            self.rope = Rope::from_str(&change.text);
            self.file = Arc::new(parse_guarded(&change.text));
            self.text = Arc::new(change.text);
            return;
        };
        // Offsets come back on char boundaries, so the char conversions below are exact.
        let old = encoding::text_range(&self.rope, range, encoding);
        let start_char = self.rope.byte_to_char(old.start);
        let end_char = self.rope.byte_to_char(old.end);
        self.rope.remove(start_char..end_char);
        self.rope.insert(start_char, &change.text);

        let text = Arc::make_mut(&mut self.text);
        text.replace_range(old.as_range(), &change.text);
        debug_assert_eq!(self.rope.len_bytes(), text.len());

        let reparsed = catch_panic("incremental parse", || {
            syntax::reparse(&self.file, text, old, change.text.len())
        })
        .unwrap_or_else(|_| parse_guarded(text));
        self.file = Arc::new(reparsed);
    }
}

/// Parses `text`; if the parser panics, the document is served as if it had no YAML (no hover, no
/// diagnostics) rather than losing the server.
fn parse_guarded(text: &str) -> YamlFile {
    catch_panic("parse", || syntax::parse(text)).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use tower_lsp_server::ls_types::{Position, Range};

    use super::*;

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
