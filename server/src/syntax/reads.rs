//! Whether an analysis read what a template hides. A rule that looked at an unknown value, or missed a key
//! in a mapping that may hold more once rendered, has drawn its conclusion from nothing: `watch` tells the
//! caller so, and the caller drops that conclusion. `Document`'s readers note such reads here, per thread;
//! readers that ask first (`is_unknown`, `is_open`) note nothing.

use std::cell::Cell;

thread_local! {
    static READ_UNKNOWN: Cell<bool> = const { Cell::new(false) };
}

/// Runs `f` and says whether it read anything unknown (nested watches see their own reads, and pass them
/// on to the watch around them).
pub fn watch<R>(f: impl FnOnce() -> R) -> (R, bool) {
    let outer = READ_UNKNOWN.replace(false);
    let result = f();
    let read = READ_UNKNOWN.get();
    READ_UNKNOWN.set(outer || read);
    (result, read)
}

pub(super) fn note() {
    READ_UNKNOWN.set(true);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn watches_nest_and_pass_reads_outwards() {
        let ((), outer) = watch(|| {
            let ((), inner) = watch(note);
            assert!(inner);
            let ((), quiet) = watch(|| {});
            assert!(!quiet);
        });
        assert!(outer);
        assert!(!watch(|| {}).1);
    }
}
