//! Field paths: where a value sits in a document, as keys and list indexes from the document root. One type
//! for schema lookups, rules, diagnostics and completion, written as people read it:
//! `spec.containers[0].ports[1].hostPort`.

use std::fmt;
use std::ops::Deref;

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum PathSegment {
    Key(String),
    Index(usize),
}

/// A path of keys and indexes. Derefs to its segments, so it reads like a slice (`last()`, `split_last()`,
/// `strip_prefix()`); the builder methods return a longer copy.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct FieldPath(Vec<PathSegment>);

impl FieldPath {
    pub fn new() -> Self {
        FieldPath(Vec::new())
    }

    /// This path one key further: `spec` → `spec.containers`.
    #[must_use]
    pub fn key(&self, key: impl Into<String>) -> Self {
        self.with(PathSegment::Key(key.into()))
    }

    /// This path one list item further: `spec.containers` → `spec.containers[0]`.
    #[must_use]
    pub fn index(&self, index: usize) -> Self {
        self.with(PathSegment::Index(index))
    }

    /// This path some keys further: `spec` + `["dnsConfig", "nameservers"]`.
    #[must_use]
    pub fn keys(&self, keys: &[&str]) -> Self {
        let mut path = self.clone();
        path.0
            .extend(keys.iter().map(|k| PathSegment::Key(k.to_string())));
        path
    }

    /// This path followed by another one.
    #[must_use]
    pub fn join(&self, rest: &[PathSegment]) -> Self {
        let mut path = self.clone();
        path.0.extend_from_slice(rest);
        path
    }

    #[must_use]
    pub fn with(&self, segment: PathSegment) -> Self {
        // Sized for the new segment: a clone then a push allocated twice.
        let mut segments = Vec::with_capacity(self.0.len() + 1);
        segments.extend_from_slice(&self.0);
        segments.push(segment);
        FieldPath(segments)
    }

    pub fn push(&mut self, segment: PathSegment) {
        self.0.push(segment);
    }

    pub fn pop(&mut self) -> Option<PathSegment> {
        self.0.pop()
    }

    pub fn segments(&self) -> &[PathSegment] {
        &self.0
    }

    /// A cursor one segment below this path, for a walk that visits every child: the path grows in place
    /// instead of being copied for each child, and a key's buffer is reused from one sibling to the next.
    pub fn below(&mut self) -> Below<'_> {
        let depth = self.0.len();
        Below { path: self, depth }
    }
}

/// A path with one more segment, set child by child (`FieldPath::below`); the segment goes when it drops.
pub struct Below<'p> {
    path: &'p mut FieldPath,
    depth: usize,
}

impl Below<'_> {
    /// The path to the child at `key`.
    pub fn key(&mut self, key: &str) -> &mut FieldPath {
        let segments = &mut self.path.0;
        segments.truncate(self.depth + 1);
        match segments.get_mut(self.depth) {
            Some(PathSegment::Key(last)) => {
                last.clear();
                last.push_str(key);
            }
            Some(last) => *last = PathSegment::Key(sibling_key(key)),
            None => segments.push(PathSegment::Key(sibling_key(key))),
        }
        self.path
    }

    /// The path to the list item at `index`.
    pub fn index(&mut self, index: usize) -> &mut FieldPath {
        let segments = &mut self.path.0;
        segments.truncate(self.depth);
        segments.push(PathSegment::Index(index));
        self.path
    }
}

/// A key's buffer that the next siblings reuse: room for the longest field names of the table (29 bytes,
/// `terminationGracePeriodSeconds`), so that a longer sibling grows no buffer.
fn sibling_key(key: &str) -> String {
    let mut buffer = String::with_capacity(key.len().max(32));
    buffer.push_str(key);
    buffer
}

impl Drop for Below<'_> {
    fn drop(&mut self) {
        self.path.0.truncate(self.depth);
    }
}

impl Deref for FieldPath {
    type Target = [PathSegment];

    fn deref(&self) -> &[PathSegment] {
        &self.0
    }
}

impl From<Vec<PathSegment>> for FieldPath {
    fn from(segments: Vec<PathSegment>) -> Self {
        FieldPath(segments)
    }
}

impl From<&[PathSegment]> for FieldPath {
    fn from(segments: &[PathSegment]) -> Self {
        FieldPath(segments.to_vec())
    }
}

impl FromIterator<PathSegment> for FieldPath {
    fn from_iter<I: IntoIterator<Item = PathSegment>>(iter: I) -> Self {
        FieldPath(iter.into_iter().collect())
    }
}

impl fmt::Display for FieldPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_segments(f, &self.0)
    }
}

/// The dotted form of a borrowed path (`spec.containers[0].image`), for callers holding a slice.
pub fn dotted(path: &[PathSegment]) -> String {
    struct Dotted<'a>(&'a [PathSegment]);
    impl fmt::Display for Dotted<'_> {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            write_segments(f, self.0)
        }
    }
    Dotted(path).to_string()
}

fn write_segments(f: &mut fmt::Formatter<'_>, segments: &[PathSegment]) -> fmt::Result {
    // A dot goes between segments once something is written (an empty first key, being typed, adds none).
    let mut written = false;
    for segment in segments {
        match segment {
            PathSegment::Key(key) if written => write!(f, ".{key}")?,
            PathSegment::Key(key) => write!(f, "{key}")?,
            PathSegment::Index(index) => write!(f, "[{index}]")?,
        }
        written |= !matches!(segment, PathSegment::Key(key) if key.is_empty());
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn displays_as_people_write_paths() {
        let path = FieldPath::new()
            .key("spec")
            .key("containers")
            .index(0)
            .key("ports")
            .index(1)
            .key("hostPort");
        assert_eq!(path.to_string(), "spec.containers[0].ports[1].hostPort");
        assert_eq!(FieldPath::new().to_string(), "");
        assert_eq!(
            FieldPath::new().index(2).key("name").to_string(),
            "[2].name"
        );
        assert_eq!(dotted(&path[..2]), "spec.containers");
        let mut walked = FieldPath::new().key("spec");
        {
            let mut below = walked.below();
            assert_eq!(below.key("containers").to_string(), "spec.containers");
            assert_eq!(below.key("os").to_string(), "spec.os");
            below.key("volumes").below().index(3);
            assert_eq!(below.index(1).to_string(), "spec[1]");
        }
        assert_eq!(walked.to_string(), "spec");
        assert_eq!(
            FieldPath::new().keys(&["spec", "os"]).join(&path[2..3]),
            FieldPath::from(vec![
                PathSegment::Key("spec".into()),
                PathSegment::Key("os".into()),
                PathSegment::Index(0)
            ])
        );
    }
}
