//! The first place each name was written, for the rules that report a name written twice (duplicate
//! keys, names that must be unique). Nearly every set is a handful of names, searched in a short list: a
//! hash map for each was a tenth of the diagnostics' time. A large set is hashed, or it is quadratic.

use std::collections::HashMap;

use crate::syntax::NodeId;

/// Names up to which the list is searched rather than hashed.
const SMALL: usize = 16;

#[derive(Default)]
pub(crate) struct FirstSeen<'a> {
    small: Vec<(&'a str, NodeId)>,
    large: HashMap<&'a str, NodeId>,
}

impl<'a> FirstSeen<'a> {
    /// Where `name` was first seen; when it is new, `node` is kept as its first and `None` returned.
    pub(crate) fn earlier(&mut self, name: &'a str, node: NodeId) -> Option<NodeId> {
        if self.large.is_empty() {
            if let Some(&(_, earlier)) = self.small.iter().find(|(seen, _)| *seen == name) {
                return Some(earlier);
            }
            if self.small.len() < SMALL {
                self.small.push((name, node));
                return None;
            }
            self.large.extend(self.small.drain(..));
        }
        match self.large.get(name) {
            Some(&earlier) => Some(earlier),
            None => {
                self.large.insert(name, node);
                None
            }
        }
    }

    /// Forgets every name, keeping the memory: one `FirstSeen` serves many mappings in turn.
    pub(crate) fn clear(&mut self) {
        self.small.clear();
        self.large.clear();
    }

    /// Every name seen.
    pub(crate) fn names(&self) -> impl Iterator<Item = &'a str> + '_ {
        self.small
            .iter()
            .map(|(name, _)| *name)
            .chain(self.large.keys().copied())
    }
}

#[cfg(test)]
mod tests {
    use super::FirstSeen;
    use crate::syntax::NodeId;

    #[test]
    fn the_first_node_of_each_name_small_or_large() {
        for count in [3, 16, 17, 200] {
            let names: Vec<String> = (0..count).map(|i| format!("n{i}")).collect();
            let mut seen = FirstSeen::default();
            for (i, name) in names.iter().enumerate() {
                assert_eq!(seen.earlier(name, NodeId(i as u32)), None);
            }
            for (i, name) in names.iter().enumerate() {
                assert_eq!(seen.earlier(name, NodeId(1000)), Some(NodeId(i as u32)));
            }
            let mut all: Vec<&str> = seen.names().collect();
            all.sort();
            let mut expected: Vec<&str> = names.iter().map(String::as_str).collect();
            expected.sort();
            assert_eq!(all, expected, "{count} names");
        }
    }
}
