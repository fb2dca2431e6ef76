//! Our positioned YAML tree: an arena of nodes per document, each with its exact byte range.
//! Aliases point at their anchor's node (never a copy), so an alias bomb costs one node per alias.

use crate::messages::Message;
use std::ops::Range;
use std::sync::Arc;

use super::reads;
use super::template::Template;

/// A half-open byte range `[start, end)` into the file's text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub struct TextRange {
    pub start: usize,
    pub end: usize,
}

impl TextRange {
    pub fn new(start: usize, end: usize) -> Self {
        debug_assert!(start <= end, "range {start}..{end}");
        TextRange { start, end }
    }

    pub fn empty(at: usize) -> Self {
        TextRange { start: at, end: at }
    }

    pub fn len(self) -> usize {
        self.end - self.start
    }

    pub fn is_empty(self) -> bool {
        self.start == self.end
    }

    /// Whether `offset` touches this range, its end included: a cursor right after a word is "on" it.
    pub fn touches(self, offset: usize) -> bool {
        self.start <= offset && offset <= self.end
    }

    pub fn shifted(self, delta: isize) -> TextRange {
        let shift = |x: usize| x.checked_add_signed(delta).unwrap_or(0);
        TextRange::new(shift(self.start), shift(self.end))
    }

    pub fn as_range(self) -> Range<usize> {
        self.start..self.end
    }
}

/// `text` with `edits` (ranges of `text` that do not overlap) applied. From the end, so each edit's offsets
/// still hold when it is applied; of two at the same place, an insertion goes before what a replacement
/// there replaces.
pub fn apply_edits<'a>(
    text: &str,
    edits: impl IntoIterator<Item = &'a (TextRange, String)>,
) -> String {
    let mut edits: Vec<&(TextRange, String)> = edits.into_iter().collect();
    edits.sort_by_key(|(range, _)| std::cmp::Reverse((range.start, range.end)));
    let mut out = text.to_owned();
    for (range, new_text) in edits {
        out.replace_range(range.as_range(), new_text);
    }
    out
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct NodeId(pub u32);

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ScalarStyle {
    Plain,
    SingleQuoted,
    DoubleQuoted,
    Literal,
    Folded,
}

#[derive(Clone, Debug, PartialEq)]
pub enum NodeKind {
    /// `entries` are (key, value) pairs in source order; a key without a value has an empty scalar value.
    Mapping {
        /// Where they are in the document's tree (`Document::entries_of`).
        entries: Children,
        /// Written inside `[ ]` or `{ }`: in braces, or a single `key: value` pair in a flow sequence.
        flow: bool,
    },
    Sequence {
        /// Where they are in the document's tree (`Document::items_of`).
        items: Children,
        flow: bool,
    },
    /// `null` is true for the empty value of `key:` (nothing written), not for the word `null`.
    Scalar {
        /// Where its text is among the document's strings (`Document::text`).
        value: ScalarText,
        style: ScalarStyle,
        tag: Option<String>,
        null: bool,
    },
    /// `*name`: the anchored node, when the anchor was seen before in this document.
    Alias { target: Option<NodeId> },
    /// What a template action yields (Helm's `{{ .Values.x }}`, a `{{- toYaml … | nindent 8 }}` line): a
    /// value or key whose content is only known once the template is rendered. It satisfies any type, and
    /// a mapping with an unknown key (a list with an unknown item) may hold anything more: `is_open`.
    Unknown,
}

/// Where a scalar's text (after escapes and folding) is in its document's `Tree::strings`: every scalar of a
/// document in one string rather than one allocation each. Kept until the tree dropped, those allocations
/// were a third of `podls check`'s, and their frees a sixth of its allocator's time.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct ScalarText {
    start: usize,
    end: usize,
}

/// Where a collection's children are in its document's tree: a run of `Tree::pairs` (a mapping's entries)
/// or of `Tree::items` (a sequence's items), not an allocation of each collection.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct Children {
    start: usize,
    end: usize,
}

/// A document's nodes, the children of its collections and the text of its scalars, in four vectors shared
/// as a whole: moving a document after an edit before it copies nothing, and dropping it frees four blocks.
#[derive(Clone, Debug, PartialEq, Default)]
pub(crate) struct Tree {
    pub(crate) nodes: Vec<NodeData>,
    pairs: Vec<(NodeId, NodeId)>,
    items: Vec<NodeId>,
    strings: String,
}

impl Tree {
    /// An empty tree with room for the scalars of `source`: their text is most of it, and more only when
    /// escapes or a merge of quoted lines are read (then the string grows).
    pub(crate) fn for_source(source: &str, nodes: usize) -> Tree {
        Tree {
            nodes: Vec::with_capacity(nodes),
            // About one entry for every two nodes (a key and its value), an item for every few.
            pairs: Vec::with_capacity(nodes / 2),
            items: Vec::with_capacity(nodes / 8),
            strings: String::with_capacity(source.len()),
        }
    }

    /// Stores a mapping's entries and says where they are.
    pub(crate) fn add_entries(
        &mut self,
        entries: impl IntoIterator<Item = (NodeId, NodeId)>,
    ) -> Children {
        append(&mut self.pairs, entries)
    }

    /// Stores a sequence's items and says where they are.
    pub(crate) fn add_items(&mut self, items: impl IntoIterator<Item = NodeId>) -> Children {
        append(&mut self.items, items)
    }

    /// A mapping's entries (none for a handle of another tree that does not fit this one).
    #[inline]
    pub(crate) fn entries_of(&self, entries: Children) -> &[(NodeId, NodeId)] {
        self.pairs.get(entries.start..entries.end).unwrap_or(&[])
    }

    /// A sequence's items (none for a handle of another tree that does not fit this one).
    #[inline]
    pub(crate) fn items_of(&self, items: Children) -> &[NodeId] {
        self.items.get(items.start..items.end).unwrap_or(&[])
    }

    /// Stores `text` and says where it is.
    pub(crate) fn add_text(&mut self, text: &str) -> ScalarText {
        let start = self.strings.len();
        self.strings.push_str(text);
        ScalarText {
            start,
            end: self.strings.len(),
        }
    }

    /// The text of a scalar of this tree ("" for a handle of another tree that does not fit this one).
    #[inline]
    pub(crate) fn text(&self, text: ScalarText) -> &str {
        self.strings.get(text.start..text.end).unwrap_or("")
    }

    /// The text of the scalar `id`, if it is one (aliases not followed).
    pub(crate) fn scalar_text(&self, id: NodeId) -> Option<&str> {
        match self.nodes.get(id.0 as usize)?.kind {
            NodeKind::Scalar { value, .. } => Some(self.text(value)),
            _ => None,
        }
    }
}

/// Appends `new` to `runs` (one of the tree's vectors of children) and says where it went.
fn append<T>(runs: &mut Vec<T>, new: impl IntoIterator<Item = T>) -> Children {
    let start = runs.len();
    runs.extend(new);
    Children {
        start,
        end: runs.len(),
    }
}

/// A node as stored: its range is relative to the start of its document, so that moving a document (an edit
/// before it changed the length of the text) changes one number instead of every node.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct NodeData {
    pub(crate) range: TextRange,
    pub(crate) kind: NodeKind,
    pub(crate) parent: Option<NodeId>,
}

/// A node as read: its range in the file's text.
#[derive(Clone, Copy, Debug)]
pub struct Node<'a> {
    pub range: TextRange,
    pub kind: &'a NodeKind,
    pub parent: Option<NodeId>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SyntaxError {
    pub range: TextRange,
    /// What is wrong, in the catalog's words (rendered in the user's language by the analysis).
    pub message: Message,
    /// Edits that repair the mistake (checked: the parser gets past it), the likeliest first.
    pub repairs: Vec<Repair>,
}

/// A text edit that repairs a syntax error: insert the missing space after `:`, close a bracket.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Repair {
    pub title: Message,
    /// Non-overlapping edits of the file's text, applied together.
    pub edits: Vec<(TextRange, String)>,
}

/// One `---` document: its span in the file, its tree (none when empty) and its syntax errors.
#[derive(Clone, Debug)]
pub struct Document {
    /// Unique per parse: a document moved by an edit elsewhere keeps its id (its content is the same), a
    /// re-parsed one gets a new id. Caches of per-document results key on it.
    pub id: u64,
    pub range: TextRange,
    /// Shared between the versions of a document that only moved. The builder's vectors are kept as they
    /// are, not copied into new allocations (a tenth of the builder's cost).
    pub(crate) tree: Arc<Tree>,
    pub root: Option<NodeId>,
    pub errors: Vec<SyntaxError>,
    /// What parses, but only because podls reads it as Kubernetes does (e.g. Go YAML's `\'` escape).
    pub warnings: Vec<SyntaxError>,
    /// Byte offset up to which the tree is trustworthy: the first error's position, or the document end.
    pub parsed_until: usize,
    /// The Go template actions of a Helm template, masked before parsing (none in plain YAML).
    pub(crate) template: Option<Arc<Template>>,
}

#[derive(Clone, Debug, PartialEq, Default)]
pub struct YamlFile {
    /// Shared, so that re-parsing after an edit reuses the documents it did not touch without copying them.
    pub documents: Vec<Arc<Document>>,
}

impl YamlFile {
    /// The document whose span holds `offset` (the last one when `offset` is the end of the file).
    pub fn document_at(&self, offset: usize) -> Option<&Document> {
        self.documents
            .iter()
            .find(|doc| doc.range.start <= offset && offset < doc.range.end)
            .or_else(|| self.documents.last().filter(|doc| doc.range.end <= offset))
            .map(|doc| &**doc)
    }
}

/// Two documents are equal when they say the same at the same place, whichever parse made them (`id`).
impl PartialEq for Document {
    fn eq(&self, other: &Self) -> bool {
        self.range == other.range
            && self.tree == other.tree
            && self.root == other.root
            && self.errors == other.errors
            && self.warnings == other.warnings
            && self.parsed_until == other.parsed_until
            && self.template == other.template
    }
}

impl Document {
    pub fn node(&self, id: NodeId) -> Node<'_> {
        let data = &self.tree.nodes[id.0 as usize];
        Node {
            range: data.range.shifted(self.range.start as isize),
            kind: &data.kind,
            parent: data.parent,
        }
    }

    /// Whether `range` (of `text`, the file) runs over several lines into the document's first syntax
    /// error: text the parser was still reading when it stopped, which it may have misread (a key still
    /// being typed folded into the value above, `web` and the next line's `spec` read as one name).
    pub fn runs_into_error(&self, text: &str, range: TextRange) -> bool {
        !self.errors.is_empty()
            && range.end >= self.parsed_until
            && text
                .get(range.as_range())
                .is_some_and(|covered| covered.contains(super::lines::BREAKS))
    }

    pub fn node_count(&self) -> usize {
        self.tree.nodes.len()
    }

    /// Every node, in the order the parser met them.
    pub fn node_ids(&self) -> impl Iterator<Item = NodeId> + '_ {
        (0..self.tree.nodes.len() as u32).map(NodeId)
    }

    /// Follows an alias to the node it names (one step: anchors cannot point at aliases).
    pub fn resolve(&self, id: NodeId) -> NodeId {
        match self.node(id).kind {
            NodeKind::Alias {
                target: Some(target),
            } => *target,
            _ => id,
        }
    }

    /// What a node is (after resolving an alias). Reading an unknown one is noted (`reads`).
    pub fn kind(&self, id: NodeId) -> &NodeKind {
        let kind = self.node(self.resolve(id)).kind;
        if matches!(kind, NodeKind::Unknown) {
            reads::note();
        }
        kind
    }

    /// The entries of a mapping (after resolving an alias), empty for anything else.
    pub fn entries(&self, id: NodeId) -> &[(NodeId, NodeId)] {
        match self.kind(id) {
            NodeKind::Mapping { entries, .. } => self.entries_of(*entries),
            _ => &[],
        }
    }

    pub fn items(&self, id: NodeId) -> &[NodeId] {
        match self.kind(id) {
            NodeKind::Sequence { items, .. } => self.items_of(*items),
            _ => &[],
        }
    }

    /// The entries of a mapping of this document (its `NodeKind::Mapping::entries`).
    #[inline]
    pub fn entries_of(&self, entries: Children) -> &[(NodeId, NodeId)] {
        self.tree.entries_of(entries)
    }

    /// The items of a sequence of this document (its `NodeKind::Sequence::items`).
    #[inline]
    pub fn items_of(&self, items: Children) -> &[NodeId] {
        self.tree.items_of(items)
    }

    /// The scalar text of a node, if it is a scalar (after resolving an alias).
    #[inline]
    pub fn scalar(&self, id: NodeId) -> Option<&str> {
        match self.kind(id) {
            NodeKind::Scalar { value, .. } => Some(self.text(*value)),
            _ => None,
        }
    }

    /// The text of a scalar of this document (its `NodeKind::Scalar::value`).
    #[inline]
    pub fn text(&self, value: ScalarText) -> &str {
        self.tree.text(value)
    }

    /// The entry of `key` in a mapping, its first when written twice. Templated keys are passed over; when
    /// the key is not written in a mapping that may hold more (`is_open`), that absence is an unknown read.
    pub fn entry(&self, mapping: NodeId, key: &str) -> Option<(NodeId, NodeId)> {
        self.entry_where(mapping, key, |_| true)
    }

    /// The first entry of `key` whose value passes `keep`, with `entry`'s care for templated keys.
    pub fn entry_where(
        &self,
        mapping: NodeId,
        key: &str,
        keep: impl Fn(NodeId) -> bool,
    ) -> Option<(NodeId, NodeId)> {
        let entries = self.entries(mapping);
        let found = entries
            .iter()
            .find(|(k, v)| self.key_is(*k, key) && keep(*v))
            .copied();
        if found.is_none() && self.template.is_some() && self.is_open(mapping) {
            reads::note();
        }
        found
    }

    /// Whether the key node `k` (after resolving an alias) is the scalar `key`. Read from the arena directly,
    /// without the positions `node` computes: every lookup of a field by name runs this on each key before it.
    #[inline]
    fn key_is(&self, k: NodeId, key: &str) -> bool {
        let nodes = &self.tree.nodes;
        let mut kind = &nodes[k.0 as usize].kind;
        if let NodeKind::Alias {
            target: Some(target),
        } = kind
        {
            kind = &nodes[target.0 as usize].kind;
        }
        // Bytes compared: the stored text is whole characters, no boundary to check.
        matches!(kind, NodeKind::Scalar { value, .. } if self.tree.strings.as_bytes().get(value.start..value.end) == Some(key.as_bytes()))
    }

    /// The value under `key` in a mapping.
    pub fn get(&self, mapping: NodeId, key: &str) -> Option<NodeId> {
        self.entry(mapping, key).map(|(_, v)| v)
    }

    pub fn is_null(&self, id: NodeId) -> bool {
        matches!(self.node(id).kind, NodeKind::Scalar { null: true, .. })
    }

    /// Whether the node is what a template action yields (after resolving an alias).
    pub fn is_unknown(&self, id: NodeId) -> bool {
        matches!(self.node(self.resolve(id)).kind, NodeKind::Unknown)
    }

    /// Whether a mapping may hold keys that are not written (a templated key, entries an `include` or
    /// `toYaml` prints), or a list items that are not (an item a template prints): what is absent from it
    /// may be there once rendered.
    pub fn is_open(&self, id: NodeId) -> bool {
        let has_unknown = match self.node(self.resolve(id)).kind {
            NodeKind::Mapping { entries, .. } => self
                .entries_of(*entries)
                .iter()
                .any(|(k, _)| self.is_unknown(*k)),
            NodeKind::Sequence { items, .. } => {
                self.items_of(*items).iter().any(|i| self.is_unknown(*i))
            }
            NodeKind::Unknown => true,
            _ => false,
        };
        has_unknown
            || self
                .template
                .as_ref()
                .is_some_and(|t| t.open.contains(&self.resolve(id)))
    }

    /// Whether nothing in the node's subtree comes from a template action: it is all written here.
    pub fn is_literal(&self, id: NodeId) -> bool {
        let mut pending = vec![id];
        let mut seen = 0;
        while let Some(id) = pending.pop() {
            seen += 1;
            if seen > self.tree.nodes.len() {
                return true;
            }
            match self.node(id).kind {
                NodeKind::Unknown => return false,
                NodeKind::Mapping { entries, .. } => {
                    pending.extend(self.entries_of(*entries).iter().flat_map(|&(k, v)| [k, v]));
                }
                NodeKind::Sequence { items, .. } => {
                    pending.extend(self.items_of(*items).iter().copied())
                }
                _ => {}
            }
        }
        true
    }

    /// Whether the document is a template (it has Go template actions).
    pub fn is_template(&self) -> bool {
        self.template.is_some()
    }

    /// Whether `offset` is inside a template action, where YAML has nothing to say.
    pub fn in_template_action(&self, offset: usize) -> bool {
        let Some(relative) = offset.checked_sub(self.range.start) else {
            return false;
        };
        self.template
            .as_ref()
            .is_some_and(|t| t.in_action(relative))
    }

    /// Whether the text at offsets `a` and `b` lies in different branches of one template `if … else`:
    /// only one of them is ever rendered.
    pub fn exclusive(&self, a: usize, b: usize) -> bool {
        let start = self.range.start;
        match (a.checked_sub(start), b.checked_sub(start), &self.template) {
            (Some(a), Some(b), Some(template)) => template.exclusive(a, b),
            _ => false,
        }
    }

    /// This document, also spanning the `len` bytes before it (a byte-order mark that is not content).
    pub(crate) fn extended_back(mut self, len: usize) -> Document {
        self.range.start -= len;
        for data in &mut Arc::make_mut(&mut self.tree).nodes {
            data.range = data.range.shifted(len as isize);
        }
        if let Some(template) = &mut self.template {
            Arc::make_mut(template).shift(len);
        }
        self
    }

    /// This document moved by `delta` bytes (another document before it changed length): its nodes are
    /// shared, not copied.
    pub fn shifted(&self, delta: isize) -> Document {
        let mut doc = self.clone();
        doc.range = doc.range.shifted(delta);
        doc.parsed_until = doc.parsed_until.checked_add_signed(delta).unwrap_or(0);
        for error in doc.errors.iter_mut().chain(doc.warnings.iter_mut()) {
            error.range = error.range.shifted(delta);
            for repair in &mut error.repairs {
                for (range, _) in &mut repair.edits {
                    *range = range.shifted(delta);
                }
            }
        }
        doc
    }
}
