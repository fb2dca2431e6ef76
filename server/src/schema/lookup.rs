//! Looking names up in the field table, which every visited key of a check does (a few times each): a
//! cheap hash of the name's bytes instead of a binary search of string comparisons (a sixth of the walk)
//! or SipHash, which guards against chosen keys that the table's fixed names never are.

use std::hash::{BuildHasherDefault, Hasher};

/// FNV-1a over the bytes written: a few instructions per byte for the short names of the table.
#[derive(Clone, Copy)]
pub struct NameHasher(u64);

impl Default for NameHasher {
    fn default() -> Self {
        NameHasher(0xcbf2_9ce4_8422_2325)
    }
}

impl Hasher for NameHasher {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// The hasher of the table's maps keyed by a name.
pub type Names = BuildHasherDefault<NameHasher>;

fn hash(name: &str) -> u64 {
    let mut hasher = NameHasher::default();
    hasher.write(name.as_bytes());
    hasher.finish()
}

/// Where each of a fixed list of names is: an open-addressed table of positions in the list, twice as
/// large as the list (so a probe ends after about one comparison).
#[derive(Clone, Debug, Default)]
pub struct NameIndex {
    /// Position + 1 of the name in the slot, 0 for an empty slot; the length is a power of two.
    slots: Box<[u32]>,
}

impl NameIndex {
    pub fn new<'a>(names: impl ExactSizeIterator<Item = &'a str>) -> NameIndex {
        let size = (names.len() * 2).next_power_of_two().max(2);
        let mut slots = vec![0u32; size];
        for (i, name) in names.enumerate() {
            let mut slot = hash(name) as usize & (size - 1);
            while slots[slot] != 0 {
                slot = (slot + 1) & (size - 1);
            }
            slots[slot] = i as u32 + 1;
        }
        NameIndex {
            slots: slots.into(),
        }
    }

    /// The position of `name` in the list, where `name_at` gives the list's names.
    pub fn find<'a>(&self, name: &str, name_at: impl Fn(usize) -> &'a str) -> Option<usize> {
        let mask = self.slots.len().checked_sub(1)?;
        let mut slot = hash(name) as usize & mask;
        loop {
            let i = (*self.slots.get(slot)? as usize).checked_sub(1)?;
            if name_at(i) == name {
                return Some(i);
            }
            slot = (slot + 1) & mask;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::NameIndex;

    #[test]
    fn finds_every_name_and_no_other() {
        let names: Vec<String> = (0..300).map(|i| format!("field{i}")).collect();
        let index = NameIndex::new(names.iter().map(String::as_str));
        for (i, name) in names.iter().enumerate() {
            assert_eq!(index.find(name, |j| &names[j]), Some(i));
        }
        for other in ["", "field", "field300", "Field1", "field1 "] {
            assert_eq!(index.find(other, |j| &names[j]), None, "{other:?}");
        }
        let empty = NameIndex::new(std::iter::empty());
        assert_eq!(empty.find("a", |_| unreachable!()), None);
        assert_eq!(NameIndex::default().find("a", |_| unreachable!()), None);
    }
}
