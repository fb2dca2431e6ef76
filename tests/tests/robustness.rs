//! Hostile input: an alias bomb, garbage ranges, huge files. The server answers, stays within memory, and
//! keeps serving.

use std::time::Instant;

use podls_e2e::{Client, POD};
use serde_json::json;

const URI: &str = "file:///work/hostile.yaml";

#[test]
fn billion_laughs_answers_with_bounded_memory() {
    let mut text = String::from(
        "apiVersion: v1\nkind: Pod\nmetadata:\n  labels:\n    a0: &a0 [\"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\"]\n",
    );
    for level in 1..=9 {
        let previous = format!("*a{}", level - 1);
        let items = [previous.as_str(); 9].join(", ");
        text.push_str(&format!("    a{level}: &a{level} [{items}]\n"));
    }
    text.push_str(
        "spec:\n  restartPolicy: Never\n  containers:\n    - name: c\n      image: busybox\n",
    );

    let mut client = Client::start();
    client.initialize(json!({}));
    client.open(URI, &text);
    client.wait_for_diagnostics(URI);
    let docs = client
        .hover_on(URI, "restartPolicy")
        .expect("hover in a billion-laughs document");
    assert!(docs.contains("OnFailure"), "{docs}");
    let peak = client.peak_memory_kib().unwrap_or(0);
    eprintln!("billion laughs: peak memory {peak} KiB");
    // Expanding the aliases would take gigabytes; the tree with references takes a few megabytes.
    assert!(peak < 200 * 1024, "peak memory {peak} KiB");
    assert_eq!(client.shutdown_and_exit().code(), Some(0));
}

#[test]
fn garbage_ranges_do_not_kill_the_server() {
    let mut client = Client::start();
    client.initialize(json!({}));
    client.open(URI, "a: 😀\n");
    client.change(
        URI,
        2,
        vec![
            // Reversed, past the end, inside a surrogate pair.
            json!({"range": {"start": {"line": 0, "character": 5}, "end": {"line": 0, "character": 1}}, "text": "x"}),
            json!({"range": {"start": {"line": 99, "character": 99}, "end": {"line": 120, "character": 0}}, "text": "tail"}),
            json!({"range": {"start": {"line": 0, "character": 4}, "end": {"line": 0, "character": 4}}, "text": "y"}),
        ],
    );
    // A change for a document that was never opened.
    client.change("file:///never-opened.yaml", 2, vec![json!({"text": "x"})]);
    // A notification the server does not know, and a request it does not know.
    client.notify("$/unknownNotification", json!({}));
    let error = client
        .request("podls/unknownRequest", json!({}))
        .unwrap_err();
    assert_eq!(error["code"], -32601);

    client.open("file:///work/pod.yaml", POD);
    assert!(
        client
            .hover_on("file:///work/pod.yaml", "imagePullPolicy")
            .is_some()
    );
    assert_eq!(client.shutdown_and_exit().code(), Some(0));
}

#[test]
fn a_ten_thousand_line_file_stays_responsive() {
    let mut text = String::new();
    while text.lines().count() < 10_000 {
        text.push_str("---\n");
        text.push_str(POD);
    }
    let mut client = Client::start();
    client.initialize(json!({}));
    let started = Instant::now();
    client.open(URI, &text);
    client.wait_for_diagnostics(URI);
    let opened = started.elapsed();

    let started = Instant::now();
    let rounds = 20;
    for _ in 0..rounds {
        client.edit(URI, "IfNotPresent", "Always");
        assert!(client.hover_on(URI, "imagePullPolicy").is_some());
    }
    let per_edit_and_hover = started.elapsed() / rounds;

    let started = Instant::now();
    for _ in 0..rounds {
        assert!(client.hover_on(URI, "containerPort").is_some());
        assert!(client.hover_on(URI, "restartPolicy").is_some());
    }
    let per_hover = started.elapsed() / (2 * rounds);
    eprintln!(
        "{} lines: open + diagnostics {opened:?}, edit + hover {per_edit_and_hover:?}, hover {per_hover:?}",
        client.text(URI).lines().count()
    );
    assert_eq!(client.shutdown_and_exit().code(), Some(0));
}
