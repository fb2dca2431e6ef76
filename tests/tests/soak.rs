//! Soak: 100,000 edits on one document, with a hover and a completion after each, and the server's peak
//! memory (`VmHWM`) read as it goes: it must stop growing once warm. Ignored by default (minutes in a debug
//! build); run it on a release binary:
//!
//! ```sh
//! cargo build --release -p podls
//! PODLS_BIN=$PWD/target/release/podls cargo test -p podls-e2e --test soak -- --ignored --nocapture
//! ```

use std::time::Instant;

use podls_e2e::{Client, POD};
use serde_json::json;

const URI: &str = "file:///work/soak.yaml";

#[test]
#[ignore = "minutes long: run by hand (see the module docs)"]
fn a_hundred_thousand_edits_keep_memory_flat() {
    let edits: usize = std::env::var("SOAK_EDITS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(100_000);
    let mut text = String::new();
    for i in 0..20 {
        text.push_str(&POD.replace("name: web", &format!("name: web-{i}")));
        text.push_str("---\n");
    }
    let mut client = Client::start();
    client.initialize(json!({}));
    client.open(URI, &text);
    client.wait_for_diagnostics(URI);

    let started = Instant::now();
    let mut samples = Vec::new();
    for i in 1..=edits {
        // Type into a value, then take it back out, then add and remove a whole line: the document grows
        // and shrinks but returns to the same text every four edits.
        let version = match i % 4 {
            1 => client.edit(URI, "image: nginx:1.27", "image: nginx:1.27x"),
            2 => client.edit(URI, "image: nginx:1.27x", "image: nginx:1.27"),
            3 => client.edit(
                URI,
                "  restartPolicy: OnFailure\n",
                "  restartPolicy: OnFailure\n  hostname: h\n",
            ),
            _ => client.edit(URI, "  hostname: h\n", ""),
        };
        assert!(client.hover_on(URI, "imagePullPolicy").is_some());
        let text = client.text(URI).to_owned();
        let at = text.find("restartPolicy").unwrap() + 4;
        client
            .request(
                "textDocument/completion",
                json!({"textDocument": {"uri": URI}, "position": podls_e2e::position(&text, at, client.encoding)}),
            )
            .expect("completion answers");
        if i % 1000 == 0 {
            client.wait_for_diagnostics_of_version(URI, version);
        }
        if i == 1_000 || i % 10_000 == 0 {
            let peak = client.peak_memory_kib().unwrap_or(0);
            eprintln!(
                "{i:>7} edits  {:>6.1}s  VmHWM {peak} KiB",
                started.elapsed().as_secs_f64()
            );
            samples.push(peak);
        }
    }
    let warm = samples[0];
    let last = *samples.last().unwrap();
    assert!(
        last <= warm + 8 * 1024,
        "peak memory grew from {warm} KiB after 1,000 edits to {last} KiB: {samples:?}"
    );
    assert_eq!(client.shutdown_and_exit().code(), Some(0));
}
