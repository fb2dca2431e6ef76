//! Re-parsing after an edit at the cost of the documents it touches, whatever the file's size: only the
//! `---` documents around the edit are split and parsed again, the others are kept (moved, when the edit
//! changed the length of the text before them). `SplitFile` also keeps each document's own text, so that an
//! editor's file is edited without copying (or moving) the text of the documents the edit did not touch.

use std::borrow::Cow;
use std::sync::Arc;

use super::build::{parse_document, unparsed_document};
use super::split::{ends_before_marker, opens_with_marker, region_spans};
use super::{Document, IndentStyle, TextRange, YamlFile};

/// The documents an edit splits again: `first..=last` of the old ones, their new text, and the spans (in
/// that text) of the documents that replace them.
struct Resplit<'a> {
    first: usize,
    last: usize,
    text: Cow<'a, str>,
    spans: Vec<TextRange>,
}

/// Which old documents (`old`, their spans in the old text) an edit of `edit` (old offsets) to `new_len`
/// re-splits, and into what. `region(first, last)` is the new text of old documents `first..=last`
/// (the edit applied), `untouched(i)` the text of an old document the edit left alone. The region grows
/// until the documents on either side of it would be split where they were: a `---` line still opens the
/// region and, when its last document is still open, the next one.
fn resplit<'a>(
    old: &[TextRange],
    edit: TextRange,
    region: impl Fn(usize, usize) -> Cow<'a, str>,
    untouched: impl Fn(usize) -> &'a str,
) -> Resplit<'a> {
    // The last document starting at or before each end of the edit; an edit at a document's first byte also
    // touches the one before (typing before `---` may join them).
    let containing = |offset: usize| old.partition_point(|span| span.start <= offset).max(1) - 1;
    let mut first = containing(edit.start);
    if first > 0 && old[first].start == edit.start {
        first -= 1;
    }
    let mut last = containing(edit.end).max(first);
    loop {
        let text = region(first, last);
        if text.is_empty() && (first > 0 || last + 1 < old.len()) {
            // Whole documents deleted: what is left on either side decides.
            if last + 1 < old.len() {
                last += 1;
            } else {
                first -= 1;
            }
            continue;
        }
        if first > 0 && !opens_with_marker(&text) {
            first -= 1;
            continue;
        }
        let (spans, open) = region_spans(&text, first == 0);
        let next_splits = last + 1 == old.len()
            || !open
            || (text.ends_with(super::lines::BREAKS)
                && opens_with_marker(untouched(last + 1))
                && spans
                    .last()
                    .is_some_and(|span| ends_before_marker(&text[span.as_range()])));
        if !next_splits {
            last += 1;
            continue;
        }
        return Resplit {
            first,
            last,
            text,
            spans,
        };
    }
}

/// Re-parses after an edit that replaced `old_range` (offsets in the old text) with `new_len` bytes, reusing
/// every document the edit did not touch (moved by the change in length) — the multi-document files of a
/// CI repo are edited one document at a time.
pub fn reparse(old: &YamlFile, text: &str, old_range: TextRange, new_len: usize) -> YamlFile {
    let delta = new_len as isize - old_range.len() as isize;
    let spans: Vec<TextRange> = old.documents.iter().map(|doc| doc.range).collect();
    if spans.is_empty() {
        return super::parse(text);
    }
    let Resplit {
        first,
        last,
        spans: edited,
        ..
    } = resplit(
        &spans,
        old_range,
        |first, last| {
            let end = spans[last].end.checked_add_signed(delta).unwrap_or(0);
            Cow::Borrowed(&text[spans[first].start..end])
        },
        |i| &text[spans[i].shifted(delta).as_range()],
    );
    let before = old.documents[..first].iter().cloned();
    let region_start = spans[first].start as isize;
    let edited = edited
        .into_iter()
        .map(|span| Arc::new(parse_document(text, span.shifted(region_start))));
    let after = old.documents[last + 1..].iter().map(|doc| match delta {
        0 => Arc::clone(doc),
        _ => Arc::new(doc.shifted(delta)),
    });
    YamlFile {
        documents: before.chain(edited).chain(after).collect(),
    }
}

/// A file as its `---` documents, each with its own text and a tree of offsets from its own start: an edit
/// replaces the documents it touches and leaves the others' text and trees shared with the previous version
/// (nothing of them is copied or moved; only their start offsets change).
#[derive(Clone, Debug, Default)]
pub struct SplitFile {
    parts: Vec<Part>,
    len: usize,
}

/// One `---` document of a `SplitFile`.
#[derive(Clone, Debug)]
pub struct Part {
    /// Its document's id (`Document::id`), beside the other parts' so that caches compare parts in order
    /// without reading each tree.
    pub id: u64,
    /// Where the document starts in the file.
    pub start: usize,
    /// Its text (what `text()[start..start + text.len()]` is).
    pub text: Arc<str>,
    /// Its tree, with offsets into `text` (it spans `0..text.len()`).
    pub document: Arc<Document>,
    /// What its lines show of its indentation (the file's is its documents', the first that shows).
    pub style: IndentStyle,
}

impl SplitFile {
    pub fn parse(text: &str) -> SplitFile {
        let file = super::parse(text);
        let parts = file
            .documents
            .iter()
            .map(|doc| {
                Part::new(
                    doc.range.start,
                    Arc::from(&text[doc.range.as_range()]),
                    (**doc).clone(),
                )
            })
            .collect();
        SplitFile {
            parts,
            len: text.len(),
        }
    }

    /// The text as one document without YAML (what a document is served as when its parser panics).
    pub fn unparsed(text: &str) -> SplitFile {
        let document = unparsed_document(TextRange::new(0, text.len()));
        SplitFile {
            parts: vec![Part::new(0, Arc::from(text), document)],
            len: text.len(),
        }
    }

    /// Replaces `range` (offsets into the current text, on char boundaries) with `new_text`.
    pub fn edit(&mut self, range: TextRange, new_text: &str) {
        if self.parts.is_empty() {
            *self = SplitFile::parse(new_text);
            return;
        }
        let delta = new_text.len() as isize - range.len() as isize;
        let spans: Vec<TextRange> = self.parts.iter().map(Part::span).collect();
        let parts = &self.parts;
        let Resplit {
            first,
            last,
            text: region,
            spans,
        } = resplit(
            &spans,
            range,
            |first, last| {
                let start = parts[first].start;
                let mut region = String::new();
                for part in &parts[first..=last] {
                    region.push_str(&part.text);
                }
                region.replace_range(range.start - start..range.end - start, new_text);
                Cow::Owned(region)
            },
            |i| &parts[i].text,
        );
        let region = region.into_owned();
        let region_start = self.parts[first].start;
        let edited: Vec<Part> = spans
            .into_iter()
            .map(|span| {
                let text: Arc<str> = Arc::from(&region[span.as_range()]);
                let document = parse_document(&text, TextRange::new(0, text.len()));
                Part::new(region_start + span.start, text, document)
            })
            .collect();
        self.parts.splice(first..=last, edited.clone());
        let moved = first + edited.len();
        for part in &mut self.parts[moved..] {
            part.start = part.start.checked_add_signed(delta).unwrap_or(0);
        }
        self.len = self.len.checked_add_signed(delta).unwrap_or(0);
    }

    pub fn parts(&self) -> &[Part] {
        &self.parts
    }

    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The document whose span holds `offset` (the last one at the end of the file).
    pub fn part_at(&self, offset: usize) -> Option<&Part> {
        self.index_at(offset).map(|index| &self.parts[index])
    }

    /// The index in `parts()` of `part_at(offset)`.
    pub fn index_at(&self, offset: usize) -> Option<usize> {
        let index = self.parts.partition_point(|part| part.start <= offset);
        (!self.parts.is_empty()).then(|| index.max(1) - 1)
    }

    /// The whole text, joined (what whole-file requests read).
    pub fn text(&self) -> String {
        let mut text = String::with_capacity(self.len);
        for part in &self.parts {
            text.push_str(&part.text);
        }
        text
    }

    /// What the file shows of its indentation (`IndentStyle::of(text())`), for a document that shows none.
    pub fn indent_style(&self) -> IndentStyle {
        let mut style = IndentStyle::default();
        for part in &self.parts {
            if style.is_complete() {
                break;
            }
            style = style.or(part.style);
        }
        style
    }

    /// The whole file's trees, with offsets into `text()`.
    pub fn file(&self) -> YamlFile {
        let documents = self
            .parts
            .iter()
            .map(|part| Arc::new(part.document.shifted(part.start as isize)))
            .collect();
        YamlFile { documents }
    }
}

impl Part {
    /// The document `doc` (offsets into the file, or into `text` when it starts at 0), at `start`.
    fn new(start: usize, text: Arc<str>, doc: Document) -> Part {
        let document = match doc.range.start {
            0 => doc,
            at => doc.shifted(-(at as isize)),
        };
        Part {
            id: document.id,
            start,
            style: IndentStyle::of(&text),
            text,
            document: Arc::new(document),
        }
    }

    /// Its span in the file.
    pub fn span(&self) -> TextRange {
        TextRange::new(self.start, self.start + self.text.len())
    }

    /// The document as a one-document file of its own text, for the analyses of one document.
    pub fn as_file(&self) -> YamlFile {
        YamlFile {
            documents: vec![Arc::clone(&self.document)],
        }
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::syntax::parse;

    /// Applies each `(start, end, insert)` (clamped to char boundaries) to the text, a `SplitFile` and
    /// `reparse`, and checks both against a fresh parse after each.
    fn check_edits(initial: &str, edits: &[(usize, usize, &str)]) -> Result<(), TestCaseError> {
        let mut text = initial.to_owned();
        let mut split = SplitFile::parse(&text);
        let mut file = parse(&text);
        for &(a, b, insert) in edits {
            let snap = |at: usize| {
                let mut at = at.min(text.len());
                while !text.is_char_boundary(at) {
                    at -= 1;
                }
                at
            };
            let range = TextRange::new(snap(a.min(b)), snap(a.max(b)));
            text.replace_range(range.as_range(), insert);
            split.edit(range, insert);
            file = reparse(&file, &text, range, insert.len());
            let fresh = parse(&text);
            prop_assert_eq!(&split.text(), &text);
            prop_assert_eq!(split.len(), text.len());
            prop_assert_eq!(
                &split.file(),
                &fresh,
                "split file after {:?} in {:?}",
                range,
                text
            );
            prop_assert_eq!(&file, &fresh, "reparse after {:?} in {:?}", range, text);
            for part in split.parts() {
                prop_assert_eq!(part.document.range, TextRange::new(0, part.text.len()));
            }
            prop_assert_eq!(split.indent_style(), IndentStyle::of(&text));
        }
        Ok(())
    }

    #[test]
    fn markers_typed_deleted_and_moved() {
        let pod = "apiVersion: v1\nkind: Pod\n";
        let text = format!("# head\n---\n{pod}---\n{pod}...\n{pod}---\n{pod}");
        let at = |needle: &str, nth: usize| text.match_indices(needle).nth(nth).unwrap().0;
        for edits in [
            // A `---` typed in the middle of a document splits it; deleting it joins them again.
            vec![(at("kind", 1), at("kind", 1), "---\n")],
            vec![(at("---", 1), at("---", 1) + 4, "")],
            // Typing before a marker makes it text: the documents join.
            vec![(at("---", 1), at("---", 1), "x")],
            // The comment alone before the first marker belongs to the first document; text there splits.
            vec![(0, 6, "a: 1")],
            vec![(0, 7, "")],
            // `...` ends a document; deleting it joins the next one.
            vec![(at("...", 0), at("...", 0) + 4, "")],
            vec![(at("...", 0) + 3, at("...", 0) + 3, "x")],
            // Whole documents deleted, at the end, in the middle and all of them.
            vec![(at("---", 2), text.len(), "")],
            vec![(at("---", 1), at("---", 2), "")],
            vec![(0, text.len(), "")],
            vec![(0, text.len(), ""), (0, 0, "---\na: 1\n")],
            // The last newline deleted and a marker glued to the line before it.
            vec![(at("---", 2) - 1, at("---", 2), "")],
            vec![
                (text.len() - 1, text.len(), ""),
                (text.len() - 1, text.len() - 1, "\n---\n"),
            ],
            // A byte-order mark before the first marker.
            vec![(0, 7, "\u{feff}")],
        ] {
            check_edits(&text, &edits).unwrap();
        }
    }

    fn multi_document() -> impl Strategy<Value = String> {
        let piece = prop_oneof![
            Just("---\n"),
            Just("...\n"),
            Just("--- # c\n"),
            Just("# comment\n"),
            Just("\n"),
            Just("kind: Pod\n"),
            Just("a: |\n  ---\n"),
            Just("- x\n"),
            Just("-"),
            Just("."),
            Just("%YAML 1.2\n"),
            Just("\u{feff}"),
            Just("😀"),
        ];
        prop::collection::vec(piece, 0..16).prop_map(|pieces| pieces.concat())
    }

    proptest! {
        #[test]
        fn edits_equal_a_fresh_parse(
            text in multi_document(),
            edits in prop::collection::vec((0usize..200, 0usize..200, multi_document()), 1..6),
        ) {
            let edits: Vec<(usize, usize, &str)> =
                edits.iter().map(|(a, b, insert)| (*a, *b, insert.as_str())).collect();
            check_edits(&text, &edits)?;
        }
    }
}
