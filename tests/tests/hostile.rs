//! Hostile input through the real binary: broken framing and JSON, requests that make no sense, and
//! documents built to hurt a parser (huge lines, deep nesting, alias bombs, NULs, BOMs, tabs). Every test
//! ends by proving the server still answers: a hover on a healthy document gets its docs.

use std::io::{BufRead, BufReader, Read, Write};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

use podls_e2e::{Client, POD, TIMEOUT, binary};
use serde_json::{Value, json};

const URI: &str = "file:///work/hostile.yaml";
const HEALTHY: &str = "file:///work/healthy.yaml";

/// Opens a valid Pod and hovers a field: the server is alive and still serves analysis.
fn assert_still_serving(client: &mut Client) {
    client.open(HEALTHY, POD);
    client.wait_for_diagnostics(HEALTHY);
    let docs = client
        .hover_on(HEALTHY, "imagePullPolicy")
        .expect("hover on a healthy document");
    assert!(docs.contains("IfNotPresent"), "{docs}");
}

/// Opens `text`, waits for its diagnostics, hovers and completes at a spread of positions (all must be
/// answered, with or without a result), then checks the server still serves a healthy document and exits
/// cleanly. Returns the diagnostics of `text`.
fn survives_document(text: &str) -> Value {
    let mut client = Client::start();
    client.initialize(json!({}));
    client.open(URI, text);
    let diagnostics = client.wait_for_diagnostics(URI);
    let lines = text.lines().count() as u32;
    for line in [0, 1, lines / 2, lines.saturating_sub(1), lines + 5] {
        for character in [0, 1, 7, 1000, u32::MAX] {
            hover_and_complete(&mut client, json!({"line": line, "character": character}));
        }
    }
    client
        .request(
            "textDocument/codeAction",
            json!({
                "textDocument": {"uri": URI},
                "range": {"start": {"line": 0, "character": 0}, "end": {"line": lines + 1, "character": 0}},
                "context": {"diagnostics": diagnostics["diagnostics"]},
            }),
        )
        .expect("code actions answer");
    assert_still_serving(&mut client);
    let peak = client.peak_memory_kib().unwrap_or(0);
    assert!(peak < 512 * 1024, "peak memory {peak} KiB");
    assert_eq!(client.shutdown_and_exit().code(), Some(0));
    diagnostics
}

/// A hover and a completion at `position` of the open document: both must be answered.
fn hover_and_complete(client: &mut Client, position: Value) {
    client.hover_at(URI, position.clone());
    let params = json!({"textDocument": {"uri": URI}, "position": position});
    client
        .request("textDocument/completion", params)
        .expect("completion answers");
}

fn messages(diagnostics: &Value) -> Vec<String> {
    diagnostics["diagnostics"]
        .as_array()
        .expect("diagnostics array")
        .iter()
        .map(|d| d["message"].as_str().unwrap_or_default().to_owned())
        .collect()
}

// --- The protocol: bytes the harness would never send, written raw. ---

/// A server spoken to in raw bytes, for framing the harness refuses to produce.
struct RawSession {
    child: Child,
    stdin: ChildStdin,
    incoming: Receiver<Value>,
    /// Responses to requests that had no usable id, in arrival order.
    errors: Vec<Value>,
}

impl RawSession {
    fn start() -> RawSession {
        let mut child = Command::new(binary())
            .arg("--stdio")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("start podls");
        let stdin = child.stdin.take().unwrap();
        let mut stdout = BufReader::new(child.stdout.take().unwrap());
        let (sender, incoming) = channel();
        std::thread::spawn(move || {
            loop {
                let mut length = 0;
                loop {
                    let mut header = String::new();
                    if stdout.read_line(&mut header).unwrap_or(0) == 0 {
                        return;
                    }
                    let header = header.trim_end();
                    if header.is_empty() {
                        break;
                    }
                    if let Some(value) = header.strip_prefix("Content-Length:") {
                        length = value.trim().parse().expect("server's Content-Length");
                    }
                }
                let mut body = vec![0; length];
                if stdout.read_exact(&mut body).is_err() {
                    return;
                }
                let message = serde_json::from_slice(&body).expect("server sends JSON");
                if sender.send(message).is_err() {
                    return;
                }
            }
        });
        RawSession {
            child,
            stdin,
            incoming,
            errors: Vec::new(),
        }
    }

    fn write(&mut self, bytes: &[u8]) {
        self.stdin.write_all(bytes).unwrap();
        self.stdin.flush().unwrap();
    }

    fn send(&mut self, message: Value) {
        let body = message.to_string();
        self.write(format!("Content-Length: {}\r\n\r\n{body}", body.len()).as_bytes());
    }

    /// The next message that is not a notification (diagnostics, logs).
    fn response(&mut self) -> Value {
        let deadline = Instant::now() + TIMEOUT;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            let message = self
                .incoming
                .recv_timeout(left)
                .expect("the server answers");
            if message.get("method").is_none() {
                return message;
            }
        }
    }

    fn initialize(&mut self) {
        self.send(json!({"jsonrpc": "2.0", "id": 0, "method": "initialize", "params": {"capabilities": {}}}));
        assert!(self.response()["result"]["capabilities"].is_object());
        self.send(json!({"jsonrpc": "2.0", "method": "initialized", "params": {}}));
    }

    /// Opens a Pod and hovers `imagePullPolicy` with request id `id`: the answer carries its docs.
    fn assert_still_serving(&mut self, id: i64) {
        self.send(
            json!({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {
            "textDocument": {"uri": HEALTHY, "languageId": "yaml", "version": 1, "text": POD}}}),
        );
        let line = POD
            .lines()
            .position(|l| l.contains("imagePullPolicy"))
            .unwrap();
        self.send(
            json!({"jsonrpc": "2.0", "id": id, "method": "textDocument/hover", "params": {
            "textDocument": {"uri": HEALTHY}, "position": {"line": line, "character": 10}}}),
        );
        // Error responses to earlier garbage (id null) may come first.
        let response = loop {
            let response = self.response();
            if response["id"] == id {
                break response;
            }
            self.errors.push(response);
        };
        let docs = response["result"]["contents"]["value"]
            .as_str()
            .unwrap_or_default();
        assert!(docs.contains("IfNotPresent"), "{response}");
    }

    fn shutdown_and_exit(mut self) {
        self.send(json!({"jsonrpc": "2.0", "id": 9999, "method": "shutdown"}));
        assert_eq!(self.response()["id"], 9999);
        self.send(json!({"jsonrpc": "2.0", "method": "exit"}));
        let deadline = Instant::now() + TIMEOUT;
        while Instant::now() < deadline {
            if let Some(status) = self.child.try_wait().unwrap() {
                assert_eq!(status.code(), Some(0));
                return;
            }
            std::thread::sleep(Duration::from_millis(10));
        }
        panic!("podls did not exit");
    }
}

impl Drop for RawSession {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[test]
fn malformed_content_length_headers_are_skipped() {
    let mut session = RawSession::start();
    session.initialize();
    // Not a number, negative, a header with no value, and a header line without a colon: each frame is
    // garbage, and the server must find the next good frame after it.
    session.write(b"Content-Length: abc\r\n\r\n{\"jsonrpc\":\"2.0\",\"method\":\"x\"}");
    session.write(b"Content-Length: -5\r\n\r\n{}");
    session.write(b"Content-Length:\r\n\r\n{}");
    session.write(b"garbage without a colon\r\n\r\n");
    session.assert_still_serving(1);
    session.shutdown_and_exit();
}

#[test]
fn invalid_json_is_skipped_and_the_server_goes_on() {
    let mut session = RawSession::start();
    session.initialize();
    for body in [
        "{not json",
        "[1, 2",
        "\"a string\"",
        "{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"textDocument/hover\",\"params\":17}",
        "{\"jsonrpc\":\"2.0\",\"id\":6,\"method\":\"textDocument/hover\",\"params\":{\"textDocument\":{}}}",
        "{\"jsonrpc\":\"2.0\",\"id\":7}",
        "\u{0}\u{1}\u{2}",
    ] {
        session.write(format!("Content-Length: {}\r\n\r\n{body}", body.len()).as_bytes());
    }
    // Invalid UTF-8 inside a frame.
    session.write(b"Content-Length: 4\r\n\r\n\xff\xfe\xfd\xfc");
    session.assert_still_serving(1);
    // Every frame with a request in it gets one answer: Parse error (id null) for what is not JSON (or not
    // UTF-8), Invalid Request for JSON that is no message (id null) and for the message with an id and
    // nothing else (its id), Invalid params for the two hovers.
    let mut answers: Vec<_> = session
        .errors
        .iter()
        .map(|e| (e["id"].to_string(), e["error"]["code"].as_i64().unwrap()))
        .collect();
    answers.sort();
    let expected = [
        ("5", -32602),
        ("6", -32602),
        ("7", -32600),
        ("null", -32700),
        ("null", -32700),
        ("null", -32700),
        ("null", -32700),
        ("null", -32600),
    ];
    let mut expected: Vec<_> = expected.map(|(id, code)| (id.to_owned(), code)).to_vec();
    expected.sort();
    assert_eq!(answers, expected, "{:?}", session.errors);
    session.shutdown_and_exit();
}

#[test]
fn invalid_params_are_an_error_response() {
    let mut session = RawSession::start();
    session.initialize();
    session.send(json!({"jsonrpc": "2.0", "id": 2, "method": "textDocument/hover", "params": {"textDocument": 1}}));
    let response = session.response();
    assert_eq!(response["id"], 2);
    assert_eq!(response["error"]["code"], -32602, "{response}");
    session.assert_still_serving(3);
    session.shutdown_and_exit();
}

#[test]
fn unknown_methods_are_answered_or_ignored() {
    let mut client = Client::start();
    client.initialize(json!({}));
    let error = client
        .request("podls/doesNotExist", json!({"anything": [1, 2]}))
        .unwrap_err();
    assert_eq!(error["code"], -32601);
    client.notify("podls/unknownNotification", json!(null));
    client.notify("$/cancelRequest", json!({"id": 424242}));
    client.notify("$/setTrace", json!({"value": "verbose"}));
    assert_still_serving(&mut client);
    assert_eq!(client.shutdown_and_exit().code(), Some(0));
}

#[test]
fn requests_for_documents_never_opened_answer_null() {
    let mut client = Client::start();
    client.initialize(json!({}));
    let never = "file:///never/opened.yaml";
    let at = json!({"textDocument": {"uri": never}, "position": {"line": 0, "character": 0}});
    assert_eq!(
        client.request("textDocument/hover", at.clone()),
        Ok(Value::Null)
    );
    assert!(client.request("textDocument/completion", at).is_ok());
    assert!(
        client
            .request(
                "textDocument/codeAction",
                json!({"textDocument": {"uri": never},
                   "range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}},
                   "context": {"diagnostics": []}}),
            )
            .is_ok()
    );
    client.change(never, 3, vec![json!({"text": "kind: Pod\n"})]);
    client.notify(
        "textDocument/didClose",
        json!({"textDocument": {"uri": never}}),
    );
    client.notify(
        "textDocument/didSave",
        json!({"textDocument": {"uri": never}}),
    );
    // Not even a file URI.
    let odd = json!({"textDocument": {"uri": "untitled:Untitled-1"}, "position": {"line": 0, "character": 0}});
    assert_eq!(client.request("textDocument/hover", odd), Ok(Value::Null));
    assert_still_serving(&mut client);
    assert_eq!(client.shutdown_and_exit().code(), Some(0));
}

#[test]
fn positions_past_the_end_are_clamped() {
    let mut client = Client::start();
    client.initialize(json!({}));
    client.open(URI, "apiVersion: v1\nkind: Pod\nspec:\n  😀: x\n");
    client.wait_for_diagnostics(URI);
    for (line, character) in [
        (0, 10_000),
        (2, u32::MAX),
        (3, 3), // between the two halves of the emoji's surrogate pair
        (4, 0),
        (99, 0),
        (u32::MAX, u32::MAX),
    ] {
        let position = json!({"line": line, "character": character});
        hover_and_complete(&mut client, position.clone());
        client
            .request(
                "textDocument/codeAction",
                json!({"textDocument": {"uri": URI},
                   "range": {"start": position, "end": {"line": 0, "character": 0}},
                   "context": {"diagnostics": []}}),
            )
            .expect("code actions answer");
    }
    // Edits past the end, reversed, and splitting the surrogate pair; then the text is still coherent.
    client.change(
        URI,
        2,
        vec![
            json!({"range": {"start": {"line": u32::MAX, "character": 0}, "end": {"line": u32::MAX, "character": u32::MAX}}, "text": "metadata:\n  name: x\n"}),
            json!({"range": {"start": {"line": 3, "character": 4}, "end": {"line": 3, "character": 1}}, "text": ""}),
            json!({"range": {"start": {"line": 3, "character": 3}, "end": {"line": 3, "character": 4}}, "text": "k"}),
        ],
    );
    client.wait_for_diagnostics_of_version(URI, 2);
    assert_still_serving(&mut client);
    assert_eq!(client.shutdown_and_exit().code(), Some(0));
}

// --- Documents built to hurt. ---

#[test]
fn a_five_megabyte_single_line_value() {
    let mut text = String::from("apiVersion: v1\nkind: Pod\nmetadata:\n  name: ");
    text.push_str(&"x".repeat(5 * 1024 * 1024));
    text.push('\n');
    let started = Instant::now();
    survives_document(&text);
    eprintln!("5 MB single-line value: {:?}", started.elapsed());
}

#[test]
fn a_five_megabyte_single_line_flow_collection() {
    // A million scalars on one line: every position conversion on that line must not start from its
    // beginning, or this takes hours.
    let mut text =
        String::from("apiVersion: v1\nkind: Pod\nmetadata: {labels: {a: b}, annotations: [");
    while text.len() < 5 * 1024 * 1024 {
        text.push_str("ab, ");
    }
    text.push_str("z]}\n");
    let started = Instant::now();
    survives_document(&text);
    eprintln!("5 MB single-line flow sequence: {:?}", started.elapsed());
}

#[test]
fn ten_thousand_levels_of_block_sequences() {
    let text = format!("spec:\n  containers:\n{}x\n", "- ".repeat(10_000));
    survives_document(&text);
}

#[test]
fn ten_thousand_levels_of_block_mappings() {
    // Explicit keys nest block mappings on one line: `? ? ? x`.
    let text = format!("kind: Pod\nspec: {}x\n", "? ".repeat(10_000));
    survives_document(&text);
    // And by indentation, one space a level (50 MB would be too much: 3,000 levels is 4.5 MB).
    let mut text = String::from("kind: Pod\nspec:\n");
    for level in 1..3_000 {
        text.push_str(&" ".repeat(level));
        text.push_str("a:\n");
    }
    survives_document(&text);
}

#[test]
fn ten_thousand_levels_of_flow_collections() {
    survives_document(&format!(
        "kind: Pod\nspec: {}{}\n",
        "[".repeat(10_000),
        "]".repeat(10_000)
    ));
    survives_document(&format!(
        "kind: Pod\nspec: {}x{}\n",
        "{a: ".repeat(10_000),
        "}".repeat(10_000)
    ));
    // Unclosed.
    survives_document(&format!("kind: Pod\nspec: {}\n", "[{".repeat(10_000)));
}

#[test]
fn billion_laughs_stays_small() {
    // Ten levels of ten aliases each: 10^10 strings if expanded.
    let mut text =
        String::from("apiVersion: v1\nkind: Pod\nmetadata:\n  name: &l0 lol\n  labels:\n");
    for level in 1..=10 {
        let items = vec![format!("*l{}", level - 1); 10].join(", ");
        text.push_str(&format!("    l{level}: &l{level} [{items}]\n"));
    }
    text.push_str("spec:\n  containers: &c\n    - name: a\n      image: nginx\n      env: *l10\n");
    text.push_str("  initContainers: *c\n  volumes: *l10\n  nodeSelector: *l10\n");
    // `<<` merge keys multiply too, when a tool expands them.
    text.push_str("  securityContext: &s {<<: *l10, <<: *l10}\n");
    let mut client = Client::start();
    client.initialize(json!({}));
    client.open(URI, &text);
    client.wait_for_diagnostics(URI);
    for line in 0..text.lines().count() as u32 {
        client.hover(URI, line, 6);
        client
            .request(
                "textDocument/completion",
                json!({"textDocument": {"uri": URI}, "position": {"line": line, "character": 8}}),
            )
            .expect("completion answers");
    }
    assert_still_serving(&mut client);
    let peak = client.peak_memory_kib().expect("VmHWM");
    assert!(peak < 100 * 1024, "peak memory {peak} KiB");
    assert_eq!(client.shutdown_and_exit().code(), Some(0));
}

#[test]
fn nul_bytes_and_control_characters() {
    survives_document(
        "apiVersion: v1\nkind: Pod\u{0}\nmetadata:\n  name: a\u{0}b\n\u{0}\u{0}\u{7}\u{1b}[31m\n",
    );
    survives_document("\u{0}");
    survives_document("\"\u{0}\": \u{0}\n");
}

#[test]
fn a_byte_order_mark() {
    survives_document(&format!("\u{feff}{POD}"));
    // A BOM in the middle of the text, and at the start of a second document.
    survives_document(&format!("{POD}\u{feff}---\n\u{feff}{POD}"));
}

#[test]
fn tabs_as_indentation_are_a_diagnostic() {
    let text = "apiVersion: v1\nkind: Pod\nspec:\n\tcontainers:\n\t\t- name: a\n";
    let diagnostics = survives_document(text);
    assert!(
        messages(&diagnostics).iter().any(|m| m.contains("tab")),
        "{diagnostics}"
    );
    survives_document("\t\t\t\n\t- \t: \t\n\t");
}

#[test]
fn unterminated_quotes() {
    let diagnostics =
        survives_document("apiVersion: v1\nkind: Pod\nmetadata:\n  name: \"web\n  labels: {}\n");
    assert!(!messages(&diagnostics).is_empty());
    survives_document("kind: 'Pod\n");
    survives_document("\"");
    survives_document("a: \"\\");
    survives_document("a: \"😀\\u12");
}

#[test]
fn assorted_broken_yaml() {
    for text in [
        "",
        "\n\n\n",
        "---\n---\n...\n...\n---",
        ":",
        "- : - : -",
        "? ",
        "&a *a",
        "a: *undefined\n",
        "a: &a\n  b: *a\n",
        "!!binary !!str x",
        "%YAML 1.2\n%YAML 1.1\n---\n",
        "%TAG ! tag:x,\n---\n!x a\n",
        "a: |\n",
        "a: >-2\n x\n",
        "a: |0\n",
        "{]",
        "[}",
        "\r\r\r\n\r",
        "a:\r b\r",
        "\u{85}\u{2028}\u{2029}",
        "key: 😀😀😀\u{200d}\u{fe0f}\n  \u{301}: x",
    ] {
        survives_document(text);
    }
}

// --- `podls check` on the same kinds of content. ---

/// Runs `podls check` on files with these contents; each must finish with exit 0 (clean) or 1 (errors
/// found), never a panic or a crash, within the harness's time limit.
fn check_survives(files: &[(&str, Vec<u8>)]) -> String {
    let dir = std::env::temp_dir().join(format!("podls-hostile-check-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let mut paths = Vec::new();
    for (name, contents) in files {
        let path = dir.join(name);
        std::fs::write(&path, contents).unwrap();
        paths.push(path);
    }
    let started = Instant::now();
    let output = Command::new(binary())
        .arg("check")
        .args(&paths)
        .output()
        .expect("run podls check");
    std::fs::remove_dir_all(&dir).ok();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        matches!(output.status.code(), Some(0 | 1)),
        "podls check exited with {:?}\n{stderr}",
        output.status
    );
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(started.elapsed() < TIMEOUT, "took {:?}", started.elapsed());
    String::from_utf8_lossy(&output.stdout).into_owned()
}

#[test]
fn check_survives_hostile_content() {
    let mut laughs = String::from("kind: Pod\nmetadata:\n  name: &l0 lol\n  labels:\n");
    for level in 1..=10 {
        let items = vec![format!("*l{}", level - 1); 10].join(", ");
        laughs.push_str(&format!("    l{level}: &l{level} [{items}]\n"));
    }
    let mut long_line = String::from("kind: Pod\nmetadata:\n  name: ");
    long_line.push_str(&"x".repeat(5 * 1024 * 1024));
    let output = check_survives(&[
        ("laughs.yaml", laughs.into_bytes()),
        ("long.yaml", long_line.into_bytes()),
        (
            "deep.yaml",
            format!("kind: Pod\nspec:\n{}x\n", "- ".repeat(10_000)).into_bytes(),
        ),
        (
            "flow.yaml",
            format!("kind: Pod\nspec: {}\n", "[{".repeat(10_000)).into_bytes(),
        ),
        ("nul.yaml", b"kind: Pod\x00\nspec: \x00\n".to_vec()),
        ("bom.yaml", format!("\u{feff}{POD}").into_bytes()),
        (
            "tabs.yaml",
            b"kind: Pod\nspec:\n\tcontainers: []\n".to_vec(),
        ),
        (
            "quote.yaml",
            b"kind: Pod\nmetadata:\n  name: \"web\n".to_vec(),
        ),
    ]);
    assert!(output.contains("tabs.yaml"), "{output}");
}

#[test]
fn check_skips_endless_files_in_a_hostile_repository() {
    // A repository can hold `zero.yaml -> /dev/zero` and a FIFO named like a manifest: walking it must
    // neither block nor read forever (it used to grow by gigabytes a second).
    let dir = std::env::temp_dir().join(format!("podls-hostile-repo-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("tabs.yaml"),
        "kind: Pod\nspec:\n\tcontainers: []\n",
    )
    .unwrap();
    std::os::unix::fs::symlink("/dev/zero", dir.join("zero.yaml")).unwrap();
    let fifo = Command::new("mkfifo")
        .arg(dir.join("fifo.yaml"))
        .status()
        .is_ok_and(|s| s.success());
    let started = Instant::now();
    let walked = Command::new(binary())
        .args(["check", "--format", "json"])
        .arg(&dir)
        .output()
        .expect("run podls check");
    // Named explicitly, an endless file is read up to a bound and reported, not exhausted.
    let named = Command::new(binary())
        .args(["check", "/dev/zero"])
        .output()
        .expect("run podls check");
    std::fs::remove_dir_all(&dir).ok();
    assert!(started.elapsed() < TIMEOUT, "took {:?}", started.elapsed());
    let stdout = String::from_utf8_lossy(&walked.stdout);
    // The real manifest is checked (its tab is an error), the endless ones are not even opened.
    assert_eq!(walked.status.code(), Some(1), "{stdout}");
    assert!(stdout.contains("tabs.yaml"), "{stdout}");
    assert!(!stdout.contains("zero.yaml"), "{stdout}");
    assert!(!fifo || !stdout.contains("fifo.yaml"), "{stdout}");
    assert_eq!(named.status.code(), Some(2));
    let report = String::from_utf8_lossy(&named.stdout) + String::from_utf8_lossy(&named.stderr);
    assert!(report.contains("MiB"), "{report}");
}

/// `podls check` with `args` on one file of `text`, with a hang guard far above what the run needs (it is
/// no timing: the cases below were quadratic, minutes to hours). Returns what it printed.
fn check_guarded(name: &str, text: &str, args: &[&str]) -> String {
    let dir =
        std::env::temp_dir().join(format!("podls-hostile-line-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    let mut child = Command::new(binary())
        .arg("check")
        .args(args)
        .arg(&path)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run podls check");
    let mut stdout = child.stdout.take().unwrap();
    let (done, finished) = channel();
    std::thread::spawn(move || {
        let mut out = String::new();
        let _ = stdout.read_to_string(&mut out);
        let _ = done.send(out);
    });
    let out = finished.recv_timeout(Duration::from_secs(300));
    let _ = child.kill();
    let status = child.wait().unwrap();
    std::fs::remove_dir_all(&dir).ok();
    let out = out.unwrap_or_else(|_| panic!("{name}: podls check did not finish (hang guard)"));
    assert!(matches!(status.code(), Some(0 | 1)), "{name}: {status:?}");
    out
}

/// `check_guarded` with `--statistics --format json`: each code's count.
fn check_statistics(name: &str, text: &str) -> std::collections::BTreeMap<String, u64> {
    let out = check_guarded(name, text, &["--statistics", "--format", "json"]);
    let rows: Value = serde_json::from_str(&out).unwrap_or_else(|e| panic!("{name}: {e}: {out}"));
    rows.as_array()
        .unwrap()
        .iter()
        .map(|row| {
            (
                row["code"].as_str().unwrap().to_owned(),
                row["count"].as_u64().unwrap(),
            )
        })
        .collect()
}

/// `prefix`, then `item(i)` joined by `, ` until the line is 3 MiB, then `suffix`; and how many items.
fn one_line(prefix: &str, item: impl Fn(usize) -> String, suffix: &str) -> (String, usize) {
    line_of(3 * 1024 * 1024, prefix, item, suffix)
}

/// `one_line` of `bytes`.
fn line_of(
    bytes: usize,
    prefix: &str,
    item: impl Fn(usize) -> String,
    suffix: &str,
) -> (String, usize) {
    let mut text = String::from(prefix);
    let mut n = 0;
    while text.len() < bytes {
        if n > 0 {
            text.push_str(", ");
        }
        text.push_str(&item(n));
        n += 1;
    }
    text.push_str(suffix);
    (text, n)
}

#[test]
fn check_on_three_megabyte_lines_with_a_finding_every_few_bytes() {
    // A minified manifest: one line, each finding's column used to be counted from the line's start.
    let (text, keys) = one_line(
        "{apiVersion: v1, kind: Pod, metadata: {name: a}, spec: {containers: [{name: a, image: b}], ",
        |i| format!("k{i}: {i}"),
        "}}\n",
    );
    assert_eq!(
        check_statistics("keys.yaml", &text)["unknown-field"],
        keys as u64
    );
    // Thousands of containers: each one's ports were looked up among every name of the pod.
    let (text, containers) = one_line(
        "{apiVersion: v1, kind: Pod, metadata: {name: a}, spec: {containers: [",
        |i| format!("{{name: c{i}, image: b, imagee: x}}"),
        "]}}\n",
    );
    let counts = check_statistics("containers.yaml", &text);
    assert_eq!(counts["unknown-field"], containers as u64);
    // One key of 3 MiB: "did you mean" compared it edit by edit with every field name.
    let key = "y".repeat(3 * 1024 * 1024);
    let text = format!(
        "{{apiVersion: v1, kind: Pod, metadata: {{name: a}}, spec: {{{key}: 1, containers: [{{name: a, image: b}}]}}}}\n"
    );
    assert_eq!(check_statistics("key.yaml", &text)["unknown-field"], 1);
}

#[test]
fn check_on_three_megabyte_lines_repeating_one_key() {
    // One key repeated in one mapping: each repeat's removal fix searched the mapping for its key (3 MiB
    // took 29 s).
    let (text, repeats) = one_line(
        "{apiVersion: v1, kind: Pod, metadata: {name: a}, spec: {containers: [{name: a, image: b}], ",
        |i| format!("a: v{i}"),
        "}}\n",
    );
    let counts = check_statistics("repeated.yaml", &text);
    assert_eq!(counts["unknown-field"], repeats as u64);
    assert_eq!(counts["duplicate-key"], repeats as u64 - 1);
    // One variable set again and again: each repeat looked through every value for a `$(X)`.
    let (text, repeats) = one_line(
        "{apiVersion: v1, kind: Pod, metadata: {name: a}, spec: {containers: [{name: a, image: b, env: [",
        |i| format!("{{name: X, value: v{i}}}"),
        "]}]}}\n",
    );
    assert_eq!(
        check_statistics("env.yaml", &text)["duplicate-env"],
        repeats as u64 - 1
    );
}

#[test]
fn code_frames_of_many_findings_on_one_long_line() {
    // The default format quotes a finding's lines: finding them was a search from the finding, and its line
    // number a count from the file's start, for each finding (a copy of the whole line each: 1 MiB is
    // already tens of seconds that way). The line is too long to quote: each finding says where it is.
    let (text, keys) = line_of(
        1024 * 1024,
        "{apiVersion: v1, kind: Pod, metadata: {name: a}, spec: {containers: [{name: a, image: b}], ",
        |i| format!("k{i}: {i}"),
        "}}\n",
    );
    let out = check_guarded("frames.yaml", &text, &[]);
    assert_eq!(
        out.matches("error[unknown-field]").count(),
        keys,
        "{}",
        &out[..2000.min(out.len())]
    );
    // And so does the image warning.
    assert_eq!(out.matches("frames.yaml:1:").count(), keys + 1);
}
