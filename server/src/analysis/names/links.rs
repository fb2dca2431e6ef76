//! Which declarations and uses are one name: the same volume, container or claim of one pod, the same port
//! of one container, the same ConfigMap, Secret, claim or ServiceAccount of a namespace in any file, and a
//! Service's selector and target ports with the pods it selects. Every navigation request starts from the
//! name under the cursor and takes its `group`, across the files it is given.

use std::collections::{HashSet, VecDeque};
use std::sync::Arc;

use super::index::{DocumentNames, NameKind, Role, Scope, Symbol, same_namespace};
use crate::syntax::TextRange;

/// One file's names: each `---` document's index with where the document starts now.
#[derive(Clone, Debug, Default)]
pub struct FileNames {
    pub documents: Vec<(usize, Arc<DocumentNames>)>,
}

/// The files a request sees: the one it is about first, then every other open document and workspace file.
pub struct Workspace<'a> {
    pub files: Vec<&'a FileNames>,
}

/// A symbol of the workspace: file, document, symbol.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct SymbolRef {
    pub file: usize,
    pub document: usize,
    pub symbol: usize,
}

/// Where a name is written: a file of the workspace and the range in its text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Location {
    pub file: usize,
    pub range: TextRange,
}

/// More uses than any manifest has: a bound on the walk over linked names.
const MAX_GROUP: usize = 10_000;

impl Workspace<'_> {
    pub fn symbol(&self, at: SymbolRef) -> &Symbol {
        &self.names(at).symbols[at.symbol]
    }

    fn names(&self, at: SymbolRef) -> &DocumentNames {
        &self.files[at.file].documents[at.document].1
    }

    /// Where a symbol is written, in its file's text.
    pub fn location(&self, at: SymbolRef) -> Location {
        let start = self.files[at.file].documents[at.document].0;
        Location {
            file: at.file,
            range: self.symbol(at).range.shifted(start as isize),
        }
    }

    /// The name at `offset` of the first file.
    pub fn symbol_at(&self, offset: usize) -> Option<SymbolRef> {
        let file = self.files.first()?;
        file.documents
            .iter()
            .enumerate()
            .find_map(|(document, (start, names))| {
                let symbol = names
                    .symbols
                    .iter()
                    .position(|s| s.range.shifted(*start as isize).touches(offset))?;
                Some(SymbolRef {
                    file: 0,
                    document,
                    symbol,
                })
            })
    }

    /// Every declaration and use of the same name as `start` (itself included), in workspace order.
    pub fn group(&self, start: SymbolRef) -> Vec<SymbolRef> {
        let mut seen = HashSet::from([start]);
        let mut queue = VecDeque::from([start]);
        while let Some(at) = queue.pop_front() {
            for other in self.all() {
                if seen.len() >= MAX_GROUP {
                    break;
                }
                if !seen.contains(&other) && self.linked(at, other) {
                    seen.insert(other);
                    queue.push_back(other);
                }
            }
        }
        let mut group: Vec<SymbolRef> = seen.into_iter().collect();
        group.sort_by_key(|r| (r.file, r.document, self.symbol(*r).range.start));
        group
    }

    /// The declarations of `start`'s name.
    pub fn declarations(&self, start: SymbolRef) -> Vec<SymbolRef> {
        self.group(start)
            .into_iter()
            .filter(|r| self.symbol(*r).role == Role::Declaration)
            .collect()
    }

    /// Whether a declaration of the same kind in the same scope as `at` (the same pod, container or namespace)
    /// is named `name`.
    pub fn declares_beside(&self, at: SymbolRef, name: &str) -> bool {
        let symbol = self.symbol(at);
        self.all().any(|other| {
            let o = self.symbol(other);
            o.role == Role::Declaration
                && o.kind == symbol.kind
                && o.name == name
                && match (&symbol.scope, &o.scope) {
                    (Scope::Namespace(m), Scope::Namespace(n)) => same_namespace(m, n),
                    (scope, other_scope) => {
                        other.file == at.file
                            && other.document == at.document
                            && scope == other_scope
                    }
                }
        })
    }

    fn all(&self) -> impl Iterator<Item = SymbolRef> + '_ {
        self.files.iter().enumerate().flat_map(|(file, names)| {
            names
                .documents
                .iter()
                .enumerate()
                .flat_map(move |(document, (_, doc))| {
                    (0..doc.symbols.len()).map(move |symbol| SymbolRef {
                        file,
                        document,
                        symbol,
                    })
                })
        })
    }

    /// Whether two symbols name the same thing directly.
    fn linked(&self, a: SymbolRef, b: SymbolRef) -> bool {
        let (x, y) = (self.symbol(a), self.symbol(b));
        if x.kind != y.kind || x.name != y.name || x.label_key != y.label_key {
            return false;
        }
        let same_document = a.file == b.file && a.document == b.document;
        match (&x.scope, &y.scope) {
            (Scope::Namespace(m), Scope::Namespace(n)) => same_namespace(m, n),
            (Scope::Service(s), Scope::Service(t)) => same_document && s == t,
            (Scope::Service(s), Scope::Pod(pod) | Scope::Container(pod, _)) => {
                self.selects(a, *s, b, *pod, x.kind)
            }
            (Scope::Pod(pod) | Scope::Container(pod, _), Scope::Service(s)) => {
                self.selects(b, *s, a, *pod, x.kind)
            }
            (scope, other) => same_document && scope == other,
        }
    }

    /// Whether the Service `service` of `at`'s document selects the pod `owner` of `pod`'s document: a
    /// selector's label names the pod's label, a named target port the pod's container ports.
    fn selects(
        &self,
        at: SymbolRef,
        service: usize,
        pod: SymbolRef,
        owner: crate::syntax::NodeId,
        kind: NameKind,
    ) -> bool {
        if !matches!(kind, NameKind::Label | NameKind::Port) {
            return false;
        }
        let selector = &self.names(at).services[service];
        self.names(pod)
            .pods
            .iter()
            .find(|p| p.owner == owner)
            .is_some_and(|p| selector.selects(p))
    }
}
