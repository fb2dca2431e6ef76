//! yaml-rust2 events → our tree. yaml-rust2 gives start marks only (and its byte `index()` drifts after
//! non-ASCII text), so positions come from the marks' line and character column, and every end is computed
//! here from the source text. On the first error the open collections are closed where the error is, so the
//! part of the document before it stays usable.

use crate::messages::syntax as msg;
use std::cell::Cell;

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use yaml_rust2::parser::{Event, MarkedEventReceiver, Parser};
use yaml_rust2::scanner::{Marker, ScanError, TScalarStyle};

use super::errors::{self, ParseStop};
use super::lenient;
use super::line_index::LineIndex;
use super::template;
use super::tree::{
    Children, Document, NodeData, NodeId, NodeKind, Repair, ScalarStyle, ScalarText, SyntaxError,
    TextRange, Tree,
};

/// How many double-quoted scalars with `\'` escapes a document may have before the next one is an error.
const MAX_LENIENT_ROUNDS: usize = 100;

use super::lines::{BLANKS, BOM, BREAKS, blank_or_break};

/// Parses the document spanning `span` of `text`.
pub(super) fn parse_document(text: &str, span: TextRange) -> Document {
    let source = &text[span.as_range()];
    // A byte-order mark (files saved by Windows editors) is not content: YAML and Go YAML skip it, yaml-rust2
    // would read it into the first key. Parse what follows it; the document still spans the mark.
    if source.starts_with(BOM) {
        let after = TextRange::new(span.start + BOM.len_utf8(), span.end);
        return parse_document(text, after).extended_back(BOM.len_utf8());
    }
    // A Helm template's actions are masked, each literal byte at its offset (`template.rs`).
    let original = source;
    let masked = template::mask(source);
    let source = masked.as_ref().map_or(source, |(text, _)| text.as_str());
    // Go YAML (what kubectl and the API server use) reads `\'` in a double-quoted string as `'`; YAML 1.2 and
    // yaml-rust2 reject it. Real manifests use it, so read it as Go does, warn, and keep positions: each `\'`
    // is parsed as `\"` (same length) and the value is corrected afterwards.
    let mut lenient_escapes = Vec::new();
    let mut lenient_warnings = Vec::new();
    let mut lenient_values = Vec::new();
    let mut patched: Option<String> = None;
    let mut rounds = 0;
    loop {
        let current = patched.as_deref().unwrap_or(source);
        let (mut builder, error) = run_parser(current);
        if let Some(error) = &error {
            // Each round re-parses the whole document: bounded, or 10,000 `\'` lines take minutes.
            if error.info().contains("unknown escape") && rounds < MAX_LENIENT_ROUNDS {
                rounds += 1;
                let escapes = single_quote_escapes(current, builder.offset(error.marker()));
                if !escapes.is_empty() {
                    let mut fixed = current.to_string();
                    for &at in &escapes {
                        fixed.replace_range(at + 1..at + 2, "\"");
                    }
                    lenient_escapes.extend(escapes);
                    patched = Some(fixed);
                    continue;
                }
            }
            if rounds < MAX_LENIENT_ROUNDS {
                let at = builder.offset(error.marker());
                let info = error.info();
                let quoted = info.contains("quoted scalar") || info.contains("tab cannot be used");
                let in_flow = !builder.open_flows().is_empty() && info.contains("indentation");
                let patch = quoted
                    .then(|| lenient::quoted_lines(current, at))
                    .flatten()
                    .or_else(|| lenient::flow_line(current, at, in_flow));
                if let Some(patch) = patch {
                    rounds += 1;
                    lenient_warnings.push(patch.warning);
                    lenient_values.extend(patch.quoted);
                    patched = Some(patch.fixed);
                    continue;
                }
            }
        }
        let mut errors = Vec::new();
        let mut parsed_until = source.len();
        if let Some(error) = error {
            let at = builder.offset(error.marker());
            parsed_until = at;
            let open_flows = builder.open_flows();
            builder.close_all(at);
            let mut explained = errors::explain(&ParseStop {
                source: current,
                lines: &builder.lines,
                at,
                info: error.info(),
                open_flows,
            });
            if let Some((_, template)) = &masked {
                let near =
                    TextRange::new(explained.range.start.min(at), explained.range.end.max(at));
                explained.message.map_text(&|text| {
                    template::unmask_message(text, original, current, template, near)
                });
                explained.repairs.retain(|repair| {
                    !repair
                        .edits
                        .iter()
                        .any(|(range, _)| template.edits_action(*range))
                });
            }
            errors.push(explained);
        }
        // Unless the parser stopped at a mistake before the first NUL, the NUL is the error (one that spans
        // it, an unclosed string, is the NUL's doing).
        let before = |nul: &SyntaxError| errors.iter().any(|e| e.range.end <= nul.range.start);
        if let Some(nul) = errors::nul_character(current).filter(|nul| !before(nul)) {
            parsed_until = nul.range.start;
            errors = vec![nul];
        }
        set_quoted_values(&mut builder.tree, lenient_values.drain(..));
        let mut warnings = restore_single_quotes(&mut builder.tree, current, &lenient_escapes);
        warnings.append(&mut lenient_warnings);
        warnings.extend(builder.merge_keys.iter().map(|&range| SyntaxError {
            range,
            repairs: Vec::new(),
            message: msg::merge_key(),
        }));
        let template = masked.as_ref().map(|(_, template)| {
            let mut template = template.clone();
            template::mark_unknown(current, &mut builder.tree, &mut template);
            Arc::new(template)
        });
        let mut document = Document {
            id: new_document_id(),
            range: TextRange::new(0, source.len()),
            tree: Arc::new(builder.tree),
            root: builder.root,
            errors,
            warnings,
            parsed_until,
            template,
        };
        if span.start > 0 {
            document = document.shifted(span.start as isize);
        }
        return document;
    }
}

/// An id no other parse has given (`Document::id`).
fn new_document_id() -> u64 {
    static NEXT_ID: AtomicU64 = AtomicU64::new(1);
    NEXT_ID.fetch_add(1, Ordering::Relaxed)
}

/// A document without YAML spanning `range`: what a text whose parser panicked is served as.
pub(super) fn unparsed_document(range: TextRange) -> Document {
    Document {
        id: new_document_id(),
        range,
        tree: Arc::default(),
        root: None,
        errors: Vec::new(),
        warnings: Vec::new(),
        parsed_until: range.start,
        template: None,
    }
}

fn run_parser(source: &str) -> (Builder<'_>, Option<ScanError>) {
    let mut builder = Builder {
        source,
        lines: LineIndex::new(source),
        // One node per 11 bytes on average in manifests, fewer in some: sized for one per 8 bytes, so that
        // nearly every file needs no growth (a copy of every node); a large text (maybe one long scalar)
        // grows from a bounded start.
        tree: Tree::for_source(source, (source.len() / 8).min(4096)),
        // The stacks of open collections and their children so far: room for a manifest's nesting and the
        // entries along it, so that they seldom grow (each growth a copy, 5 or 6 per document unsized).
        open: Vec::with_capacity(16),
        pairs: Vec::with_capacity(64),
        items: Vec::with_capacity(16),
        anchors: Vec::new(),
        root: None,
        flow_depth: 0,
        cursor: Cell::new((0, 0, 0)),
        ascii: source.is_ascii(),
        merge_keys: Vec::new(),
    };
    let mut parser = Parser::new_from_str(source);
    let error = load_first_document(&mut parser, &mut builder).err();
    (builder, error)
}

/// Feeds the events of the first document to `builder`. Not `Parser::load`: it recurses once per nesting
/// level, so 10,000 nested `- ` overflow the stack (an abort that no `catch_unwind` stops); the builder keeps
/// its own stack of open collections and needs no recursion.
fn load_first_document(
    parser: &mut Parser<std::str::Chars<'_>>,
    builder: &mut Builder<'_>,
) -> Result<(), ScanError> {
    loop {
        let (event, mark) = parser.next_token()?;
        let done = matches!(event, Event::DocumentEnd | Event::StreamEnd);
        builder.on_event(event, mark);
        if done {
            return Ok(());
        }
    }
}

/// The offsets of the `\'` escapes in the double-quoted scalar starting at `at`.
fn single_quote_escapes(source: &str, at: usize) -> Vec<usize> {
    let mut found = Vec::new();
    if !source[at..].starts_with('"') {
        return found;
    }
    let bytes = source.as_bytes();
    let mut i = at + 1;
    while i < bytes.len() && bytes[i] != b'"' {
        if bytes[i] == b'\\' {
            if bytes.get(i + 1) == Some(&b'\'') {
                found.push(i);
            }
            i += 2;
        } else {
            i += 1;
        }
    }
    found
}

/// Gives each quoted string that `lenient::quoted_lines` joined into one line the value Go YAML reads.
fn set_quoted_values(tree: &mut Tree, values: impl Iterator<Item = (usize, String)>) {
    for (at, read) in values {
        let Some(i) = tree.nodes.iter().position(|n| n.range.start == at) else {
            continue;
        };
        let quoted = matches!(
            tree.nodes[i].kind,
            NodeKind::Scalar {
                style: ScalarStyle::DoubleQuoted | ScalarStyle::SingleQuoted,
                ..
            }
        );
        if !quoted {
            continue;
        }
        let read = tree.add_text(&read);
        if let NodeKind::Scalar { value, .. } = &mut tree.nodes[i].kind {
            *value = read;
        }
    }
}

/// Puts back the `'` of each lenient `\'` escape (parsed as `\"`) and returns a warning for each.
fn restore_single_quotes(tree: &mut Tree, source: &str, escapes: &[usize]) -> Vec<SyntaxError> {
    let mut warnings = Vec::new();
    // Last first: restoring a `'` removes a `"` from the value, which would shift the later ones' ordinals.
    for &at in escapes.iter().rev() {
        let Some(found) = tree.nodes.iter().position(|n| {
            n.range.start < at
                && at < n.range.end
                && matches!(
                    n.kind,
                    NodeKind::Scalar {
                        style: ScalarStyle::DoubleQuoted,
                        ..
                    }
                )
        }) else {
            continue;
        };
        // The k-th `\"` escape of the scalar produced its k-th `"`.
        let mut ordinal = 0;
        let bytes = source.as_bytes();
        let mut i = tree.nodes[found].range.start + 1;
        while i < at {
            if bytes[i] == b'\\' {
                ordinal += usize::from(bytes[i + 1] == b'"');
                i += 2;
            } else {
                i += 1;
            }
        }
        if let NodeKind::Scalar { value, .. } = tree.nodes[found].kind {
            let text = tree.text(value);
            if let Some((pos, _)) = text.match_indices('"').nth(ordinal) {
                let restored = format!("{}'{}", &text[..pos], &text[pos + 1..]);
                let restored = tree.add_text(&restored);
                if let NodeKind::Scalar { value, .. } = &mut tree.nodes[found].kind {
                    *value = restored;
                }
            }
        }
        warnings.push(SyntaxError {
            range: TextRange::new(at, at + 2),
            repairs: vec![Repair {
                title: msg::remove_backslash(),
                edits: vec![(TextRange::new(at, at + 1), String::new())],
            }],
            message: msg::escaped_single_quote(),
        });
    }
    warnings.reverse();
    warnings
}

/// A collection not closed yet. Its children so far are the builder's `pairs` (`items`) from `from` on:
/// nested collections push theirs after them and take them off when they close, so each collection gets
/// one allocation of its exact size instead of a growing vector and then a copy.
enum Open {
    Mapping {
        id: NodeId,
        from: usize,
        key: Option<NodeId>,
        flow: bool,
    },
    Sequence {
        id: NodeId,
        from: usize,
        flow: bool,
    },
}

struct Builder<'a> {
    source: &'a str,
    lines: LineIndex,
    tree: Tree,
    open: Vec<Open>,
    /// The entries of the open mappings, innermost last (`Open::Mapping::from`).
    pairs: Vec<(NodeId, NodeId)>,
    /// The items of the open sequences, innermost last (`Open::Sequence::from`).
    items: Vec<NodeId>,
    /// yaml-rust2 numbers anchors from 1 per parse; index = anchor id.
    anchors: Vec<Option<NodeId>>,
    root: Option<NodeId>,
    /// How many of the open collections are flow style (`{}`/`[]`), where plain scalars stop at `,]}`.
    flow_depth: usize,
    /// The last mark converted (line, character column, byte offset): marks move forward along a line, so
    /// the next one is counted from here rather than from the line start, which on one 5 MB line of flow
    /// items would be quadratic.
    cursor: Cell<(usize, usize, usize)>,
    /// Whether the text is all ASCII (nearly every manifest), where a mark's index is its byte offset.
    ascii: bool,
    /// The `<<` keys merged (`merge.rs`), each a lenient warning.
    merge_keys: Vec<TextRange>,
}

impl MarkedEventReceiver for Builder<'_> {
    fn on_event(&mut self, event: Event, mark: Marker) {
        let at = self.offset(&mark);
        match event {
            Event::Scalar(value, style, anchor, tag) => {
                let null = value.is_empty() && style == TScalarStyle::Plain && tag.is_none();
                let style = scalar_style(style);
                let range = if null {
                    self.null_range(at)
                } else {
                    scalar_range(
                        self.source,
                        &self.lines,
                        at,
                        style,
                        &value,
                        self.flow_depth > 0,
                    )
                };
                let tag = tag.map(|tag| match tag.handle.as_str() {
                    "tag:yaml.org,2002:" => format!("!!{}", tag.suffix),
                    handle => format!("{handle}{}", tag.suffix),
                });
                // The text is copied among the tree's strings and yaml-rust2's string freed at once.
                let value = self.tree.add_text(&value);
                let id = self.push(
                    range,
                    NodeKind::Scalar {
                        value,
                        style,
                        tag,
                        null,
                    },
                );
                self.anchor(anchor, id);
            }
            Event::Alias(anchor) => {
                let target = self.anchors.get(anchor).copied().flatten();
                let end = scan_while(self.source, at + 1, |c| {
                    !BLANKS.contains(&c) && !BREAKS.contains(&c) && !",[]{}".contains(c)
                });
                self.push(TextRange::new(at, end), NodeKind::Alias { target });
            }
            Event::MappingStart(anchor, _) => {
                // Inside `[ ]` or `{ }` everything is flow, a single `key: value` pair in a flow sequence
                // too (its mapping has no braces): an edit in block style would land inside the brackets.
                let flow = self.flow_depth > 0 || self.source[at..].starts_with('{');
                let id = self.push(
                    TextRange::empty(at),
                    NodeKind::Mapping {
                        entries: Children::default(),
                        flow,
                    },
                );
                self.anchor(anchor, id);
                self.flow_depth += usize::from(flow);
                self.open.push(Open::Mapping {
                    id,
                    from: self.pairs.len(),
                    key: None,
                    flow,
                });
            }
            Event::SequenceStart(anchor, _) => {
                let flow = self.flow_depth > 0 || self.source[at..].starts_with('[');
                let id = self.push(
                    TextRange::empty(at),
                    NodeKind::Sequence {
                        items: Children::default(),
                        flow,
                    },
                );
                self.anchor(anchor, id);
                self.flow_depth += usize::from(flow);
                self.open.push(Open::Sequence {
                    id,
                    from: self.items.len(),
                    flow,
                });
            }
            Event::MappingEnd | Event::SequenceEnd => self.close(at),
            Event::Nothing
            | Event::StreamStart
            | Event::StreamEnd
            | Event::DocumentStart
            | Event::DocumentEnd => {}
        }
    }
}

impl Builder<'_> {
    fn offset(&self, mark: &Marker) -> usize {
        if self.ascii {
            // One byte a character: the mark's count of characters read is the byte offset (it drifts only
            // after non-ASCII text), nothing to look up.
            return mark.index().min(self.source.len());
        }
        let (line, col) = (mark.line().saturating_sub(1), mark.col());
        let (last_line, last_col, last_at) = self.cursor.get();
        let at = if line == last_line && col >= last_col && line < self.lines.line_count() {
            let end = self.lines.line_end(self.source, line);
            self.source[last_at..end]
                .char_indices()
                .nth(col - last_col)
                .map_or(end, |(i, _)| last_at + i)
        } else {
            self.lines.offset(self.source, line, col)
        };
        self.cursor.set((line, col, at));
        at
    }

    fn push(&mut self, range: TextRange, kind: NodeKind) -> NodeId {
        let id = NodeId(self.tree.nodes.len() as u32);
        let parent = match self.open.last_mut() {
            None => {
                if self.root.is_none() {
                    self.root = Some(id);
                }
                None
            }
            Some(Open::Mapping {
                id: parent, key, ..
            }) => {
                match key.take() {
                    None => *key = Some(id),
                    Some(key) => self.pairs.push((key, id)),
                }
                Some(*parent)
            }
            Some(Open::Sequence { id: parent, .. }) => {
                self.items.push(id);
                Some(*parent)
            }
        };
        self.tree.nodes.push(NodeData {
            range,
            kind,
            parent,
        });
        id
    }

    fn anchor(&mut self, anchor: usize, id: NodeId) {
        if anchor == 0 {
            return;
        }
        if self.anchors.len() <= anchor {
            self.anchors.resize(anchor + 1, None);
        }
        self.anchors[anchor] = Some(id);
    }

    /// The empty value of `key:` sits right after the colon; an empty `-` item right after its dash; an empty
    /// key right after its `?`, or where the parser met its `:` (`: value` on a line of its own, not at the
    /// end of the line above, where indentation-based fixes would read its column).
    fn null_range(&self, at: usize) -> TextRange {
        let before = self.source[..at].trim_end();
        match self.open.last() {
            Some(Open::Mapping { key: Some(key), .. }) => {
                let key_end = self.tree.nodes[key.0 as usize].range.end;
                let colon = scan_while(self.source, key_end, |c| c == ' ' || c == '\t');
                let after = if self.source[colon..].starts_with(':') {
                    colon + 1
                } else {
                    colon
                };
                TextRange::empty(after)
            }
            Some(Open::Mapping { key: None, .. }) if !before.ends_with('?') => TextRange::empty(at),
            _ if before.ends_with(['-', ':', '?']) => TextRange::empty(before.len()),
            _ => TextRange::empty(at),
        }
    }

    fn close(&mut self, at: usize) {
        let Some(open) = self.open.pop() else { return };
        let (id, kind, flow) = match open {
            Open::Mapping {
                id,
                from,
                key,
                flow,
            } => {
                if let Some(key) = key {
                    // A key whose value never came (the document broke off): give it an empty value.
                    let end = self.tree.nodes[key.0 as usize].range.end;
                    let value = NodeId(self.tree.nodes.len() as u32);
                    self.tree.nodes.push(NodeData {
                        range: TextRange::empty(end),
                        kind: NodeKind::Scalar {
                            value: ScalarText::default(),
                            style: ScalarStyle::Plain,
                            tag: None,
                            null: true,
                        },
                        parent: Some(id),
                    });
                    self.pairs.push((key, value));
                }
                (
                    id,
                    NodeKind::Mapping {
                        entries: self.tree.add_entries(self.pairs.drain(from..)),
                        flow,
                    },
                    flow,
                )
            }
            Open::Sequence { id, from, flow } => (
                id,
                NodeKind::Sequence {
                    items: self.tree.add_items(self.items.drain(from..)),
                    flow,
                },
                flow,
            ),
        };
        self.flow_depth -= usize::from(flow);
        let mut start = self.tree.nodes[id.0 as usize].range.start;
        if !flow && matches!(kind, NodeKind::Sequence { .. }) {
            // An indentless sequence (`containers:` then `- name: a`) is marked at its first item: start
            // at the item's dash.
            let before = self.source[..start].trim_end_matches([' ', '\t']);
            if before.ends_with('-') {
                start = before.len() - 1;
            }
        }
        let children_end = last_child_end(&self.tree, &kind).unwrap_or(start);
        let children_start = first_child_start(&self.tree, &kind).unwrap_or(start);
        // A single pair in a flow sequence (`[a: b]`) is a flow mapping without braces: it ends with its pair.
        let bracketed = self.source[start..].starts_with(['{', '[']);
        let range = if flow && bracketed {
            TextRange::new(
                start,
                flow_close(self.source, at.max(children_end), &kind).max(children_end),
            )
        } else {
            TextRange::new(
                start.min(children_start),
                children_end.max(start.min(children_start)),
            )
        };
        // Merge keys after the range: merged entries are written elsewhere (at their anchor).
        let merged = match &kind {
            NodeKind::Mapping { entries, flow } => {
                super::merge::merge_entries(&self.tree, self.tree.entries_of(*entries))
                    .map(|(entries, applied)| (entries, applied, *flow))
            }
            _ => None,
        };
        let kind = match merged {
            Some((entries, applied, flow)) => {
                self.merge_keys.extend(applied);
                NodeKind::Mapping {
                    entries: self.tree.add_entries(entries),
                    flow,
                }
            }
            None => kind,
        };
        let node = &mut self.tree.nodes[id.0 as usize];
        node.range = range;
        node.kind = kind;
    }

    /// The offsets of the `{` and `[` still open, outermost first.
    fn open_flows(&self) -> Vec<usize> {
        self.open
            .iter()
            .filter_map(|open| match open {
                Open::Mapping { id, flow: true, .. } | Open::Sequence { id, flow: true, .. } => {
                    Some(self.tree.nodes[id.0 as usize].range.start)
                }
                _ => None,
            })
            // Only what a bracket opened: a `key: value` pair inside `[ ]` is flow but has no brace (and
            // starts where the parser met it, past the end of a text cut off after `key:`).
            .filter(|&start| self.source[start.min(self.source.len())..].starts_with(['{', '[']))
            .collect()
    }

    fn close_all(&mut self, at: usize) {
        while !self.open.is_empty() {
            self.close(at);
        }
    }
}

fn last_child_end(tree: &Tree, kind: &NodeKind) -> Option<usize> {
    let nodes = &tree.nodes;
    match kind {
        NodeKind::Mapping { entries, .. } => tree.entries_of(*entries).last().map(|(k, v)| {
            nodes[k.0 as usize]
                .range
                .end
                .max(nodes[v.0 as usize].range.end)
        }),
        NodeKind::Sequence { items, .. } => tree
            .items_of(*items)
            .last()
            .map(|id| nodes[id.0 as usize].range.end),
        _ => None,
    }
}

fn first_child_start(tree: &Tree, kind: &NodeKind) -> Option<usize> {
    match kind {
        NodeKind::Mapping { entries, .. } => tree
            .entries_of(*entries)
            .first()
            .map(|(k, _)| tree.nodes[k.0 as usize].range.start),
        _ => None,
    }
}

/// The end of a flow collection: just past its closing bracket, searched from where yaml-rust2 ended it
/// (which can be a trailing comma before the bracket).
fn flow_close(source: &str, from: usize, kind: &NodeKind) -> usize {
    let close = if matches!(kind, NodeKind::Mapping { .. }) {
        b'}'
    } else {
        b']'
    };
    let bytes = source.as_bytes();
    let mut i = from;
    while i < bytes.len() {
        match bytes[i] {
            b if b == close => return i + 1,
            b' ' | b'\t' | b'\r' | b'\n' | b',' => i += 1,
            b'#' => i = scan_while(source, i, |c| !BREAKS.contains(&c)),
            _ => break,
        }
    }
    from
}

fn scalar_style(style: TScalarStyle) -> ScalarStyle {
    match style {
        TScalarStyle::SingleQuoted => ScalarStyle::SingleQuoted,
        TScalarStyle::DoubleQuoted => ScalarStyle::DoubleQuoted,
        TScalarStyle::Literal => ScalarStyle::Literal,
        TScalarStyle::Folded => ScalarStyle::Folded,
        _ => ScalarStyle::Plain,
    }
}

fn scan_while(source: &str, from: usize, keep: impl Fn(char) -> bool) -> usize {
    source[from..]
        .find(|c| !keep(c))
        .map_or(source.len(), |i| from + i)
}

/// The byte range of a scalar that starts at `at` (for block scalars, at its first content line).
fn scalar_range(
    source: &str,
    lines: &LineIndex,
    at: usize,
    style: ScalarStyle,
    value: &str,
    in_flow: bool,
) -> TextRange {
    match style {
        ScalarStyle::DoubleQuoted => TextRange::new(at, quoted_end(source, at, '"')),
        ScalarStyle::SingleQuoted => TextRange::new(at, quoted_end(source, at, '\'')),
        ScalarStyle::Plain => TextRange::new(at, plain_end(source, lines, at, value, in_flow)),
        ScalarStyle::Literal | ScalarStyle::Folded => block_scalar_range(source, lines, at),
    }
}

fn quoted_end(source: &str, at: usize, quote: char) -> usize {
    let mut chars = source[at..].char_indices().skip(1).peekable();
    while let Some((i, c)) = chars.next() {
        if quote == '"' && c == '\\' {
            chars.next();
        } else if c == quote {
            if quote == '\'' && chars.peek().is_some_and(|&(_, n)| n == '\'') {
                chars.next();
            } else {
                return at + i + 1;
            }
        }
    }
    source.len()
}

/// Where a plain scalar ends on one line: before ` #`, before `: ` (a key), before a flow indicator inside
/// flow collections, or at the end of the line; trailing blanks are not part of it.
fn plain_line_end(line: &str, in_flow: bool) -> usize {
    let bytes = line.as_bytes();
    let mut end = bytes.len();
    for i in 0..bytes.len() {
        let next_blank = bytes.get(i + 1).is_none_or(|&b| blank_or_break(b));
        let stop = match bytes[i] {
            b'#' => i > 0 && (bytes[i - 1] == b' ' || bytes[i - 1] == b'\t'),
            b':' => next_blank || in_flow && bytes.get(i + 1).is_some_and(|b| b",[]{}".contains(b)),
            b',' | b'[' | b']' | b'{' | b'}' => in_flow,
            b'\r' | b'\n' => true,
            _ => false,
        };
        if stop {
            end = i;
            break;
        }
    }
    line[..end].trim_end_matches(BLANKS).len()
}

fn plain_end(source: &str, lines: &LineIndex, at: usize, value: &str, in_flow: bool) -> usize {
    // Nearly every scalar is all on its first line, its text the value itself: then it ends where the value
    // does (a scalar that goes on to another line has a folded space where its text has the line break).
    if !value.is_empty() && source.as_bytes()[at..].starts_with(value.as_bytes()) {
        return at + value.len();
    }
    // `plain_line_end` stops at the line break itself: a scalar on its first line needs no line lookup.
    let mut end = at + plain_line_end(&source[at..], in_flow);
    let mut consumed = (end - at).min(value.len());
    if consumed == value.len() {
        return end;
    }
    let line = lines.line_of(at);
    // A plain scalar may continue on more-indented lines; the value, with line breaks folded into spaces,
    // tells how many lines it took.
    let mut next = line + 1;
    while consumed < value.len() && next < lines.line_count() {
        let rest = value[consumed..].trim_start_matches([' ', '\n']);
        if rest.is_empty() {
            break;
        }
        let start = lines.line_start(next);
        let text = &source[start..lines.line_end(source, next)];
        let content = text.trim_start_matches(BLANKS);
        let piece = &content[..plain_line_end(content, in_flow)];
        if piece.is_empty() {
            next += 1;
            continue;
        }
        if !rest.starts_with(piece) {
            break;
        }
        consumed = value.len() - rest.len() + piece.len();
        end = start + (text.len() - content.len()) + piece.len();
        next += 1;
    }
    end
}

/// A block scalar spans from its `|` or `>` indicator to the end of its last non-blank content line.
fn block_scalar_range(source: &str, lines: &LineIndex, content_start: usize) -> TextRange {
    let first_line = lines.line_of(content_start);
    let indent = content_start - lines.line_start(first_line);
    // The header is the last non-blank line before the content.
    let mut header = first_line;
    let start = loop {
        if header == 0 {
            break content_start;
        }
        header -= 1;
        let line = &source[lines.line_start(header)..lines.line_end(source, header)];
        if let Some(pos) = block_indicator(line) {
            break lines.line_start(header) + pos;
        }
        if !line.trim().is_empty() {
            break content_start;
        }
    };
    let mut end = content_start;
    for line in first_line..lines.line_count() {
        let line_start = lines.line_start(line);
        let line_end = lines.line_end(source, line);
        let text = &source[line_start..line_end];
        if text.trim().is_empty() {
            continue;
        }
        let line_indent = text.len() - text.trim_start_matches(' ').len();
        if line != first_line && line_indent < indent {
            break;
        }
        end = line_end;
    }
    if source[content_start..].trim().is_empty() || end < content_start {
        end = content_start;
    }
    TextRange::new(start.min(end), end)
}

/// The position of a block scalar indicator (`|`, `>`, with modifiers) at the end of a header line.
fn block_indicator(line: &str) -> Option<usize> {
    let code = super::lines::code(line);
    let pos = code.rfind(['|', '>'])?;
    let modifiers = &code[pos + 1..];
    let before_ok = pos == 0 || code[..pos].ends_with([' ', ':', '-', '\t']);
    (before_ok
        && modifiers
            .chars()
            .all(|c| c == '-' || c == '+' || c.is_ascii_digit()))
    .then_some(pos)
}
