//! Per-document results of a `SplitFile`, kept in the order of its parts: the caches of an editor's file
//! (diagnostics, the name index) bring theirs up to date after an edit at the cost of the documents the edit
//! replaced, plus one id comparison per document on arrays read in order — no lookup and no pointer followed
//! per document, which in a file of 500 documents cost more than analysing the one that changed.

use std::collections::HashMap;
use std::ops::Range;

use super::Part;

/// A value per part of the file last given to `update`, matched to parts by their document's id.
#[derive(Clone, Debug)]
pub struct PartResults<T> {
    ids: Vec<u64>,
    values: Vec<T>,
    /// Values computed elsewhere (`add`), taken by the next `update` instead of computing them.
    added: HashMap<u64, T>,
}

impl<T> Default for PartResults<T> {
    fn default() -> Self {
        PartResults {
            ids: Vec::new(),
            values: Vec::new(),
            added: HashMap::new(),
        }
    }
}

/// Past this many old documents in the changed middle, they are found by id through a map, not a scan.
const SCAN: usize = 8;

impl<T: Clone> PartResults<T> {
    /// Makes the values those of `parts`, in order: a part whose document had a value keeps it, the others
    /// get `make(part)`. An edit replaces a run of documents: the equal runs before and after it are found
    /// by comparing ids from each end, and only the run between is looked at (any other file still works,
    /// matched by id).
    pub fn update(&mut self, parts: &[Part], mut make: impl FnMut(&Part) -> T) {
        let (old, new) = self.changed(parts);
        let new = &parts[new];
        let mut added = std::mem::take(&mut self.added);
        let mut make = |part: &Part| added.remove(&part.id).unwrap_or_else(|| make(part));
        if old.is_empty() && new.is_empty() {
            return;
        }
        // The replaced run's values, for documents that only moved inside it (or a file given out of turn).
        let by_id: HashMap<u64, T> = if old.len() > SCAN {
            (self.ids[old.clone()].iter().copied())
                .zip(self.values[old.clone()].iter().cloned())
                .collect()
        } else {
            HashMap::new()
        };
        let kept = |id: u64| match old.len() > SCAN {
            true => by_id.get(&id).cloned(),
            false => (self.ids[old.clone()].iter())
                .position(|&old| old == id)
                .map(|at| self.values[old.start + at].clone()),
        };
        let values: Vec<T> = new
            .iter()
            .map(|part| kept(part.id).unwrap_or_else(|| make(part)))
            .collect();
        self.ids.splice(old.clone(), new.iter().map(|part| part.id));
        self.values.splice(old, values);
    }

    /// The parts of `parts` that the next `update` would compute a value for (none added for them).
    pub fn missing<'a>(&self, parts: &'a [Part]) -> Vec<&'a Part> {
        let (old, new) = self.changed(parts);
        let old = &self.ids[old];
        (parts[new].iter())
            .filter(|part| !old.contains(&part.id) && !self.added.contains_key(&part.id))
            .collect()
    }

    /// A value computed elsewhere (on another thread) for the document `id`, for the next `update`.
    pub fn add(&mut self, id: u64, value: T) {
        // Added values no `update` took (the documents were edited again first) are forgotten before they
        // outnumber the file's own.
        if self.added.len() > self.ids.len() + 64 {
            self.added.clear();
        }
        self.added.insert(id, value);
    }

    /// The run of the last file's parts (`old`, indexes into the values) that `parts` replaces with its
    /// own `new` run: what is left once the equal runs at both ends are set aside.
    fn changed(&self, parts: &[Part]) -> (Range<usize>, Range<usize>) {
        let same = |(id, part): (&u64, &Part)| *id == part.id;
        let prefix = self.ids.iter().zip(parts).take_while(|&p| same(p)).count();
        let room = parts.len().min(self.ids.len()) - prefix;
        let suffix = (self.ids[prefix..].iter().rev())
            .zip(parts[prefix..].iter().rev())
            .take(room)
            .take_while(|&p| same(p))
            .count();
        (
            prefix..self.ids.len() - suffix,
            prefix..parts.len() - suffix,
        )
    }

    /// The value of part `index` of the file last given to `update`, if that part is `part` (same document).
    pub fn get(&self, index: usize, part: &Part) -> Option<&T> {
        (self.ids.get(index) == Some(&part.id)).then(|| &self.values[index])
    }

    /// The values, in the order of the parts last given to `update`.
    pub fn values(&self) -> &[T] {
        &self.values
    }

    /// The values, to bring one up to date where it depends on more than its document.
    pub fn values_mut(&mut self) -> &mut [T] {
        &mut self.values
    }

    pub fn clear(&mut self) {
        self.ids.clear();
        self.values.clear();
        self.added.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::syntax::{SplitFile, TextRange};

    /// Applies `edits` in turn and checks after each that the values are a fresh computation's, and that
    /// exactly the documents the edit parsed again (new ids; at most the given count) were computed.
    fn check(text: &str, edits: &[(&str, &str, usize)]) {
        let mut file = SplitFile::parse(text);
        let mut text = text.to_owned();
        let mut results = PartResults::default();
        let mut made = 0;
        results.update(file.parts(), |part| {
            made += 1;
            part.text.to_string()
        });
        assert_eq!(made, file.parts().len());
        for &(find, replace, at_most) in edits {
            let before: Vec<u64> = file.parts().iter().map(|part| part.id).collect();
            let at = text.find(find).unwrap();
            let range = TextRange::new(at, at + find.len());
            text.replace_range(range.as_range(), replace);
            file.edit(range, replace);
            let mut made = 0;
            results.update(file.parts(), |part| {
                made += 1;
                part.text.to_string()
            });
            let fresh: Vec<String> = file.parts().iter().map(|p| p.text.to_string()).collect();
            assert_eq!(results.values(), fresh, "after {find:?} → {replace:?}");
            let parsed = (file.parts().iter())
                .filter(|part| !before.contains(&part.id))
                .count();
            assert_eq!(
                made, parsed,
                "documents computed after {find:?} → {replace:?}"
            );
            assert!(
                parsed <= at_most,
                "{parsed} documents parsed after {find:?}"
            );
            for (index, part) in file.parts().iter().enumerate() {
                assert_eq!(results.get(index, part), Some(&fresh[index]));
            }
        }
    }

    #[test]
    fn only_the_documents_an_edit_replaced_are_computed_again() {
        let docs: Vec<String> = (0..30).map(|i| format!("name: d{i}\n")).collect();
        check(
            &docs.join("---\n"),
            &[
                // One document retyped: itself alone, or with the next when the edit reaches its marker.
                ("d7\n", "d7x\n", 2),
                ("d8", "d8x", 1),
                // A document split in two, then joined again (with the next, whose marker the edit reaches).
                ("name: d12\n", "name: d12\n---\nname: new\n", 3),
                ("d12\n---\nname: new\n", "d12\n", 2),
                // Documents deleted: the one left where they were.
                ("name: d3\n---\nname: d4\n---\n", "", 1),
                // The first and the last.
                ("name: d0", "name: first", 1),
                ("name: d29", "name: last", 1),
                // Retyped as it was: parsed again, so computed again.
                ("name: d5", "name: d5", 1),
            ],
        );
    }

    #[test]
    fn values_added_from_elsewhere_are_taken_not_computed() {
        let text: Vec<String> = (0..20).map(|i| format!("name: d{i}\n")).collect();
        let mut file = SplitFile::parse(&text.join("---\n"));
        let mut results = PartResults::default();
        results.update(file.parts(), |part| part.id);
        let at = file.parts()[7].start + 4;
        file.edit(TextRange::empty(at), "# c\n");
        let missing: Vec<u64> = results.missing(file.parts()).iter().map(|p| p.id).collect();
        let old: Vec<u64> = results.ids.clone();
        let parsed: Vec<u64> = (file.parts().iter().map(|part| part.id))
            .filter(|id| !old.contains(id))
            .collect();
        assert!(!missing.is_empty());
        assert_eq!(missing, parsed);
        for id in &missing {
            results.add(*id, id * 10);
        }
        assert!(results.missing(file.parts()).is_empty());
        results.update(file.parts(), |_| {
            unreachable!("an added value was computed again")
        });
        let expected: Vec<u64> = (file.parts().iter())
            .map(|part| match missing.contains(&part.id) {
                true => part.id * 10,
                false => part.id,
            })
            .collect();
        assert_eq!(results.values(), expected);
        assert!(results.added.is_empty());
    }

    #[test]
    fn another_file_is_matched_by_id() {
        let text: Vec<String> = (0..40).map(|i| format!("name: d{i}\n")).collect();
        let file = SplitFile::parse(&text.join("---\n"));
        let mut results = PartResults::default();
        results.update(file.parts(), |part| part.id);
        // The same parts reversed: every value kept, none computed, in the new order.
        let reversed: Vec<Part> = file.parts().iter().rev().cloned().collect();
        results.update(&reversed, |_| unreachable!("a value was computed again"));
        let ids: Vec<u64> = reversed.iter().map(|part| part.id).collect();
        assert_eq!(results.values(), ids);
        // Another file altogether: everything computed, nothing of the old kept.
        let other = SplitFile::parse("a: 1\n---\nb: 2\n");
        results.update(other.parts(), |part| part.id + 1000);
        let ids: Vec<u64> = other.parts().iter().map(|part| part.id + 1000).collect();
        assert_eq!(results.values(), ids);
        assert_eq!(results.get(2, &other.parts()[0]), None);
    }
}
