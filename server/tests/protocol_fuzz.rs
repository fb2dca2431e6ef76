//! The protocol fuzz target's sessions (fuzz/fuzz_targets/protocol.rs), bounded, in CI: arbitrary LSP
//! sessions against the serve loop on in-memory streams, with the same invariants (no panic, every request
//! answered once, every range inside the document as the client knows it, the latest version's diagnostics
//! published), and the sessions the fuzzer found kept in fuzz/regressions/protocol/.

use proptest::prelude::*;

mod protocol;

use protocol::{Session, run};

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_sessions_keep_the_protocol(
        head in prop::collection::vec(any::<u8>(), Session::HEAD),
        steps in prop::collection::vec(prop::collection::vec(any::<u8>(), 1..48), 0..40),
    ) {
        run(Session::from_chunks(&head, &steps));
    }
}

#[test]
fn the_fuzzers_findings_stay_fixed() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../fuzz/regressions/protocol");
    for entry in std::fs::read_dir(&dir).into_iter().flatten() {
        let path = entry.expect("a regression").path();
        let bytes = std::fs::read(&path).expect("a regression's bytes");
        eprintln!("replaying {}", path.display());
        run(Session::from_framed(&bytes));
    }
}
