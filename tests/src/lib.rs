//! Harness for end-to-end tests that drive the real `podls` binary over stdio: JSON-RPC with
//! `Content-Length` framing, a mirror of each open document (so tests write edits as "replace this text"
//! and the harness computes the range in the negotiated position encoding), and answers to the requests
//! the server sends the client. Dropping a [`Client`] kills the server.

use std::collections::{HashMap, VecDeque};
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, ExitStatus, Stdio};
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::sync::{Arc, Mutex, OnceLock};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

/// How long any single answer may take. Generous: a debug build on a busy CI machine.
pub const TIMEOUT: Duration = Duration::from_secs(20);

/// The `podls` binary under test: `$PODLS_BIN` if set, else built once per test process with
/// `cargo build -p podls` (a no-op when up to date), so `cargo test --workspace` on a fresh clone tests
/// the current source rather than a stale binary.
pub fn binary() -> &'static Path {
    static BINARY: OnceLock<PathBuf> = OnceLock::new();
    BINARY.get_or_init(|| {
        if let Some(path) = std::env::var_os("PODLS_BIN") {
            return PathBuf::from(path);
        }
        let workspace = Path::new(env!("CARGO_MANIFEST_DIR"))
            .parent()
            .expect("workspace root");
        let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
        let output = Command::new(cargo)
            .args([
                "build",
                "-p",
                "podls",
                "--bin",
                "podls",
                "--message-format=json-render-diagnostics",
            ])
            .current_dir(workspace)
            .stderr(Stdio::inherit())
            .output()
            .expect("run cargo build -p podls");
        assert!(output.status.success(), "cargo build -p podls failed");
        // Cargo names the built executable, wherever the target directory is configured to be.
        String::from_utf8_lossy(&output.stdout)
            .lines()
            .filter_map(|line| serde_json::from_str::<Value>(line).ok())
            .filter(|message| {
                message["reason"] == "compiler-artifact" && message["target"]["name"] == "podls"
            })
            .find_map(|message| message["executable"].as_str().map(PathBuf::from))
            .expect("cargo reported no podls executable")
    })
}

/// What the `character` of a position counts, as negotiated at `initialize`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    Utf16,
    Utf32,
}

impl Encoding {
    pub fn from_name(name: &str) -> Encoding {
        match name {
            "utf-8" => Encoding::Utf8,
            "utf-16" => Encoding::Utf16,
            "utf-32" => Encoding::Utf32,
            other => panic!("unknown position encoding {other:?}"),
        }
    }

    fn width(self, c: char) -> usize {
        match self {
            Encoding::Utf8 => c.len_utf8(),
            Encoding::Utf16 => c.len_utf16(),
            Encoding::Utf32 => 1,
        }
    }
}

/// The LSP position of byte `offset` in `text` (lines end at `\n`, `\r\n` or `\r`, as in LSP).
pub fn position(text: &str, offset: usize, encoding: Encoding) -> Value {
    let (mut line, mut line_start) = (0, 0);
    let bytes = text.as_bytes();
    for (i, &b) in bytes[..offset].iter().enumerate() {
        let breaks = b == b'\n' || (b == b'\r' && bytes.get(i + 1) != Some(&b'\n'));
        if breaks {
            line += 1;
            line_start = i + 1;
        }
    }
    let character: usize = text[line_start..offset]
        .chars()
        .map(|c| encoding.width(c))
        .sum();
    json!({"line": line, "character": character})
}

/// The byte offset of an LSP position in `text` (the inverse of [`position`], for exact positions).
pub fn offset(text: &str, position: &Value, encoding: Encoding) -> usize {
    let line = position["line"].as_u64().unwrap() as usize;
    let character = position["character"].as_u64().unwrap() as usize;
    let mut start = 0;
    for _ in 0..line {
        let rest = &text[start..];
        let next = rest
            .find(['\n', '\r'])
            .expect("position past the last line");
        let terminator = if rest[next..].starts_with("\r\n") {
            2
        } else {
            1
        };
        start += next + terminator;
    }
    let mut units = 0;
    for (i, c) in text[start..].char_indices() {
        if units >= character || c == '\n' || c == '\r' {
            return start + i;
        }
        units += encoding.width(c);
    }
    text.len()
}

/// A document as the client sees it.
struct OpenDocument {
    text: String,
    version: i32,
}

/// A client connected to a freshly started `podls --stdio`.
pub struct Client {
    child: Child,
    stdin: ChildStdin,
    incoming: Receiver<Value>,
    /// Notifications read while waiting for something else, in arrival order.
    notifications: VecDeque<Value>,
    next_id: i64,
    stderr: Arc<Mutex<String>>,
    documents: HashMap<String, OpenDocument>,
    /// The negotiated encoding, from the `initialize` result.
    pub encoding: Encoding,
    /// What the harness answers to `workspace/configuration` for the `podls` section.
    pub configuration: Value,
    /// The server→client requests seen (method names), e.g. `client/registerCapability`.
    pub server_requests: Vec<String>,
}

impl Client {
    /// Starts the server (`podls --stdio`), logging at debug level into a buffer shown when a test fails.
    pub fn start() -> Client {
        let mut child = Command::new(binary())
            .arg("--stdio")
            .env(
                "PODLS_LOG",
                std::env::var("PODLS_LOG").unwrap_or_else(|_| "debug".into()),
            )
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("start podls");
        let stdin = child.stdin.take().unwrap();
        let stdout = child.stdout.take().unwrap();
        let stderr_pipe = child.stderr.take().unwrap();

        let (sender, incoming) = channel();
        std::thread::spawn(move || {
            let mut reader = BufReader::new(stdout);
            while let Some(message) = read_message(&mut reader) {
                if sender.send(message).is_err() {
                    break;
                }
            }
        });
        let stderr = Arc::new(Mutex::new(String::new()));
        let sink = Arc::clone(&stderr);
        std::thread::spawn(move || {
            for line in BufReader::new(stderr_pipe).lines().map_while(Result::ok) {
                let mut log = sink.lock().unwrap();
                log.push_str(&line);
                log.push('\n');
            }
        });

        Client {
            child,
            stdin,
            incoming,
            notifications: VecDeque::new(),
            next_id: 1,
            stderr,
            documents: HashMap::new(),
            encoding: Encoding::Utf16,
            configuration: Value::Null,
            server_requests: Vec::new(),
        }
    }

    /// `initialize` with these client capabilities, then `initialized`; returns the `InitializeResult`.
    pub fn initialize(&mut self, capabilities: Value) -> Value {
        self.initialize_with(json!({"capabilities": capabilities}))
    }

    /// `initialize` with these `InitializeParams` (`processId`, `rootUri` filled in when missing).
    pub fn initialize_with(&mut self, mut params: Value) -> Value {
        params
            .as_object_mut()
            .unwrap()
            .entry("processId")
            .or_insert(json!(std::process::id()));
        params
            .as_object_mut()
            .unwrap()
            .entry("rootUri")
            .or_insert(Value::Null);
        params
            .as_object_mut()
            .unwrap()
            .entry("capabilities")
            .or_insert(json!({}));
        let result = self
            .request("initialize", params)
            .expect("initialize succeeds");
        let encoding = result["capabilities"]["positionEncoding"]
            .as_str()
            .unwrap_or("utf-16");
        self.encoding = Encoding::from_name(encoding);
        self.notify("initialized", json!({}));
        result
    }

    /// Sends a request and waits for its response: `Ok(result)` or `Err(error)`.
    pub fn request(&mut self, method: &str, params: Value) -> Result<Value, Value> {
        let id = self.next_id;
        self.next_id += 1;
        self.send(&json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}));
        let response = self.receive_until(&format!("the response to {method} #{id}"), |message| {
            message.get("method").is_none() && message["id"] == json!(id)
        });
        match response.get("error") {
            Some(error) => Err(error.clone()),
            None => Ok(response["result"].clone()),
        }
    }

    pub fn notify(&mut self, method: &str, params: Value) {
        self.send(&json!({"jsonrpc": "2.0", "method": method, "params": params}));
    }

    pub fn open(&mut self, uri: &str, text: &str) {
        self.open_as(uri, "yaml", text);
    }

    /// Opens a document with the client's language id (`helm`, as vim-helm and vscode-kubernetes-tools say).
    pub fn open_as(&mut self, uri: &str, language_id: &str, text: &str) {
        self.notify(
            "textDocument/didOpen",
            json!({"textDocument": {"uri": uri, "languageId": language_id, "version": 1, "text": text}}),
        );
        self.documents.insert(
            uri.to_owned(),
            OpenDocument {
                text: text.to_owned(),
                version: 1,
            },
        );
    }

    /// Sends a raw `didChange` (content changes as the client would send them). The harness's mirror of the
    /// document is not updated: use [`Client::edit`] for that.
    pub fn change(&mut self, uri: &str, version: i32, changes: Vec<Value>) {
        self.notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": uri, "version": version}, "contentChanges": changes}),
        );
    }

    /// Replaces the first occurrence of `old` with `new`, as one incremental change with its range in the
    /// negotiated encoding; returns the new version.
    pub fn edit(&mut self, uri: &str, old: &str, new: &str) -> i32 {
        let text = &self.documents[uri].text;
        let start = text
            .find(old)
            .unwrap_or_else(|| panic!("{old:?} not in {text:?}"));
        self.edit_range(uri, start..start + old.len(), new)
    }

    /// Replaces the byte range `range` of the document with `new`, as one incremental change.
    pub fn edit_range(&mut self, uri: &str, range: std::ops::Range<usize>, new: &str) -> i32 {
        let encoding = self.encoding;
        let document = self.documents.get_mut(uri).expect("document is open");
        let lsp_range = json!({
            "start": position(&document.text, range.start, encoding),
            "end": position(&document.text, range.end, encoding),
        });
        document.text.replace_range(range, new);
        document.version += 1;
        let version = document.version;
        self.change(uri, version, vec![json!({"range": lsp_range, "text": new})]);
        version
    }

    /// The harness's copy of an open document's text.
    pub fn text(&self, uri: &str) -> &str {
        &self.documents[uri].text
    }

    pub fn version(&self, uri: &str) -> i32 {
        self.documents[uri].version
    }

    /// `textDocument/hover` at a raw position; the result (`null` when there is nothing to say).
    pub fn hover(&mut self, uri: &str, line: u32, character: u32) -> Value {
        self.hover_at(uri, json!({"line": line, "character": character}))
    }

    pub fn hover_at(&mut self, uri: &str, position: Value) -> Value {
        self.request(
            "textDocument/hover",
            json!({"textDocument": {"uri": uri}, "position": position}),
        )
        .expect("hover succeeds")
    }

    /// Hovers the middle of the first occurrence of `needle` in the document; returns the markdown, after
    /// checking that the hover range lies within the document and covers the cursor.
    pub fn hover_on(&mut self, uri: &str, needle: &str) -> Option<String> {
        let text = self.text(uri).to_owned();
        let start = text
            .find(needle)
            .unwrap_or_else(|| panic!("{needle:?} not in the document"));
        let middle = start
            + needle
                .char_indices()
                .nth(needle.chars().count() / 2)
                .map_or(0, |(i, _)| i);
        let hover = self.hover_at(uri, position(&text, middle, self.encoding));
        if hover.is_null() {
            return None;
        }
        let range = self.hover_range(uri, &hover).expect("hover has a range");
        assert!(
            range.start <= middle && middle <= range.end,
            "hover range {range:?} misses the cursor {middle}"
        );
        Some(
            hover["contents"]["value"]
                .as_str()
                .expect("markdown contents")
                .to_owned(),
        )
    }

    /// A hover's range as a byte range of the harness's copy of the document.
    pub fn hover_range(&self, uri: &str, hover: &Value) -> Option<std::ops::Range<usize>> {
        let range = hover.get("range")?;
        let text = self.text(uri);
        Some(
            offset(text, &range["start"], self.encoding)
                ..offset(text, &range["end"], self.encoding),
        )
    }

    /// Waits for the next `publishDiagnostics` for `uri`; returns its params (`version`, `diagnostics`).
    pub fn wait_for_diagnostics(&mut self, uri: &str) -> Value {
        self.wait_for_notification("textDocument/publishDiagnostics", |params| {
            params["uri"] == uri
        })
    }

    /// Waits for `publishDiagnostics` for `uri` at `version`, skipping those of earlier versions.
    pub fn wait_for_diagnostics_of_version(&mut self, uri: &str, version: i32) -> Value {
        self.wait_for_notification("textDocument/publishDiagnostics", |params| {
            params["uri"] == uri && params["version"] == version
        })
    }

    /// Waits for a notification `method` whose params satisfy `matches`; earlier ones of the same kind that
    /// do not match are dropped, others are kept for later waits.
    pub fn wait_for_notification(
        &mut self,
        method: &str,
        matches: impl Fn(&Value) -> bool,
    ) -> Value {
        loop {
            let queued = self
                .notifications
                .iter()
                .position(|n| n["method"] == method);
            if let Some(index) = queued {
                let notification = self.notifications.remove(index).unwrap();
                if matches(&notification["params"]) {
                    return notification["params"].clone();
                }
                continue;
            }
            let notification = self.receive_until(&format!("a {method} notification"), |m| {
                m["method"] == method
            });
            if matches(&notification["params"]) {
                return notification["params"].clone();
            }
        }
    }

    /// The notifications of `method` read so far and not yet waited for (they stay queued).
    pub fn queued(&self, method: &str) -> usize {
        self.notifications
            .iter()
            .filter(|n| n["method"] == method)
            .count()
    }

    /// Writes `bytes` to the server as they are: frames the harness would never make, or several at once.
    pub fn write_raw(&mut self, bytes: &[u8]) {
        if let Err(error) = self
            .stdin
            .write_all(bytes)
            .and_then(|()| self.stdin.flush())
        {
            self.fail(&format!("cannot write to podls: {error}"));
        }
    }

    /// A request framed but not sent (for [`Client::write_raw`]), and the id it will be answered with.
    pub fn framed_request(&mut self, method: &str, params: Value) -> (Vec<u8>, i64) {
        let id = self.next_id;
        self.next_id += 1;
        (
            frame(&json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params})),
            id,
        )
    }

    /// Waits for the response with this `id` (`null` for the answer to a message that had none).
    pub fn response(&mut self, id: Value) -> Value {
        self.receive_until(&format!("the response #{id}"), |message| {
            message.get("method").is_none() && message["id"] == id
        })
    }

    /// The notifications `method` received so far and not waited for, taken out of the queue.
    pub fn take_notifications(&mut self, method: &str) -> Vec<Value> {
        let queued = std::mem::take(&mut self.notifications);
        let (taken, kept): (Vec<Value>, Vec<Value>) =
            queued.into_iter().partition(|n| n["method"] == method);
        self.notifications = kept.into();
        taken
    }

    /// `shutdown` then `exit`; returns how the process ended.
    pub fn shutdown_and_exit(mut self) -> ExitStatus {
        self.request("shutdown", Value::Null)
            .expect("shutdown succeeds");
        self.exit()
    }

    /// `exit` (with or without a `shutdown` before); returns how the process ended.
    pub fn exit(mut self) -> ExitStatus {
        self.notify("exit", Value::Null);
        self.wait_for_exit()
    }

    fn wait_for_exit(&mut self) -> ExitStatus {
        let deadline = Instant::now() + TIMEOUT;
        loop {
            if let Some(status) = self.child.try_wait().expect("wait for podls") {
                return status;
            }
            if Instant::now() > deadline {
                self.fail("podls did not exit");
            }
            std::thread::sleep(Duration::from_millis(10));
        }
    }

    /// The server's peak memory (`VmHWM`) in KiB, on Linux.
    pub fn peak_memory_kib(&self) -> Option<u64> {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.child.id())).ok()?;
        let line = status.lines().find(|line| line.starts_with("VmHWM:"))?;
        line.split_whitespace().nth(1)?.parse().ok()
    }

    /// The server's resident memory now (`VmRSS`), in KiB.
    pub fn resident_memory_kib(&self) -> Option<u64> {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.child.id())).ok()?;
        let line = status.lines().find(|line| line.starts_with("VmRSS:"))?;
        line.split_whitespace().nth(1)?.parse().ok()
    }

    /// The server's stderr so far.
    pub fn logs(&self) -> String {
        self.stderr.lock().unwrap().clone()
    }

    fn send(&mut self, message: &Value) {
        self.write_raw(&frame(message));
    }

    /// Reads messages until one satisfies `wanted`; answers server requests and queues other notifications.
    fn receive_until(&mut self, what: &str, wanted: impl Fn(&Value) -> bool) -> Value {
        let deadline = Instant::now() + TIMEOUT;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            let message = match self.incoming.recv_timeout(left) {
                Ok(message) => message,
                Err(RecvTimeoutError::Timeout) => {
                    self.fail(&format!("timed out waiting for {what}"))
                }
                Err(RecvTimeoutError::Disconnected) => {
                    self.fail(&format!("podls closed stdout before {what}"))
                }
            };
            if wanted(&message) {
                return message;
            }
            if message.get("id").is_some() && message.get("method").is_some() {
                self.answer_server_request(&message);
            } else if message.get("method").is_some() {
                self.notifications.push_back(message);
            } else {
                self.fail(&format!(
                    "unexpected response {message} while waiting for {what}"
                ));
            }
        }
    }

    fn answer_server_request(&mut self, request: &Value) {
        let method = request["method"].as_str().unwrap_or_default().to_owned();
        let result = match method.as_str() {
            "workspace/configuration" => {
                let items = request["params"]["items"].as_array().map_or(0, Vec::len);
                Value::Array(vec![self.configuration.clone(); items])
            }
            _ => Value::Null,
        };
        self.server_requests.push(method);
        self.send(&json!({"jsonrpc": "2.0", "id": request["id"], "result": result}));
    }

    fn fail(&self, message: &str) -> ! {
        panic!("{message}\n--- podls stderr ---\n{}", self.logs());
    }
}

impl Drop for Client {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// `message` as a `Content-Length` frame.
pub fn frame(message: &Value) -> Vec<u8> {
    let body = message.to_string();
    format!("Content-Length: {}\r\n\r\n{body}", body.len()).into_bytes()
}

/// Reads one `Content-Length` framed JSON message; `None` at the end of the stream.
fn read_message(reader: &mut impl BufRead) -> Option<Value> {
    let mut length = None;
    loop {
        let mut header = String::new();
        if reader.read_line(&mut header).ok()? == 0 {
            return None;
        }
        let header = header.trim_end();
        if header.is_empty() {
            break;
        }
        match header.split_once(':') {
            Some((name, value)) if name.eq_ignore_ascii_case("content-length") => {
                length = value.trim().parse::<usize>().ok();
            }
            _ => {}
        }
    }
    let mut body = vec![0; length.expect("Content-Length header")];
    reader.read_exact(&mut body).ok()?;
    Some(serde_json::from_slice(&body).expect("a JSON message"))
}

/// Whether `text` contains Chinese characters (CJK Unified Ideographs).
pub fn has_chinese(text: &str) -> bool {
    text.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
}

/// A small valid Pod with one container, used by several tests.
pub const POD: &str = "\
apiVersion: v1
kind: Pod
metadata:
  name: web
  labels:
    app: web
spec:
  restartPolicy: OnFailure
  containers:
    - name: nginx
      image: nginx:1.27
      imagePullPolicy: IfNotPresent
      ports:
        - containerPort: 80
          protocol: TCP
";

/// The codes of a `publishDiagnostics`' diagnostics, in order.
pub fn diagnostic_codes(published: &Value) -> Vec<String> {
    let diagnostics = published["diagnostics"].as_array();
    let codes = diagnostics.into_iter().flatten();
    codes
        .map(|d| d["code"].as_str().unwrap_or_default().to_owned())
        .collect()
}

/// A fixture of `tests/fixtures/`.
pub fn fixture(relative: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures")
        .join(relative)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_round_trip_in_every_encoding() {
        let text = "a: 😀中\r\nb: x\rc\n";
        for encoding in [Encoding::Utf8, Encoding::Utf16, Encoding::Utf32] {
            // The `\n` of a CRLF has no position of its own: it is the end of its line, like the `\r`.
            let own_position = |&(i, c): &(usize, char)| !(c == '\n' && text[..i].ends_with('\r'));
            for (i, _) in text.char_indices().filter(own_position) {
                assert_eq!(
                    offset(text, &position(text, i, encoding), encoding),
                    i,
                    "{encoding:?} {i}"
                );
            }
        }
        assert_eq!(
            position(text, text.find('中').unwrap(), Encoding::Utf16),
            json!({"line": 0, "character": 5})
        );
        assert_eq!(
            position(text, text.find('x').unwrap(), Encoding::Utf8),
            json!({"line": 1, "character": 3})
        );
        assert_eq!(
            position(text, text.find('c').unwrap(), Encoding::Utf32),
            json!({"line": 2, "character": 0})
        );
    }
}

/// A directory of its own under the system temp dir (made a repository root by a `.git` in it, so no
/// configuration file above it applies), removed when the test ends.
pub struct Repository(pub PathBuf);

impl Repository {
    pub fn new(name: &str) -> Repository {
        let dir = std::env::temp_dir().join(format!("podls-repo-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join(".git")).unwrap();
        Repository(dir)
    }

    pub fn write(&self, relative: &str, contents: impl AsRef<[u8]>) -> &Self {
        let path = self.0.join(relative);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, contents).unwrap();
        self
    }

    pub fn read(&self, relative: &str) -> String {
        std::fs::read_to_string(self.0.join(relative)).unwrap()
    }

    /// Copies the directory `from` (a fixture) into the repository, under `relative`.
    pub fn copy(&self, from: &Path, relative: &str) -> &Self {
        for entry in std::fs::read_dir(from).unwrap() {
            let entry = entry.unwrap();
            let name = format!("{relative}/{}", entry.file_name().to_string_lossy());
            if entry.file_type().unwrap().is_dir() {
                self.copy(&entry.path(), &name);
            } else {
                self.write(&name, std::fs::read(entry.path()).unwrap());
            }
        }
        self
    }

    /// Replaces the first `from` in a file of the repository with `to`.
    pub fn edit(&self, relative: &str, from: &str, to: &str) {
        let text = self.read(relative);
        assert!(text.contains(from), "no {from:?} in {relative}");
        self.write(relative, text.replacen(from, to, 1));
    }

    /// `file://` URI of a file in the repository.
    pub fn uri(&self, relative: &str) -> String {
        format!("file://{}", self.0.join(relative).display())
    }

    /// Runs `podls check ARGS` in the repository with `stdin`.
    pub fn check(&self, args: &[&str], stdin: &str) -> CheckRun {
        run_check(&self.0, args, Some(stdin), &[])
    }
}

/// Runs `podls check ARGS` in `dir` with `stdin` and these environment variables.
pub fn run_check(dir: &Path, args: &[&str], stdin: Option<&str>, env: &[(&str, &str)]) -> CheckRun {
    let mut child = Command::new(binary())
        .arg("check")
        .envs(env.iter().copied())
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start podls check");
    let mut pipe = child.stdin.take().unwrap();
    pipe.write_all(stdin.unwrap_or_default().as_bytes())
        .unwrap();
    drop(pipe);
    let output = child.wait_with_output().unwrap();
    CheckRun {
        code: output.status.code().expect("exited, not killed"),
        stdout: String::from_utf8(output.stdout).expect("UTF-8 stdout"),
        stderr: String::from_utf8(output.stderr).expect("UTF-8 stderr"),
    }
}

impl Drop for Repository {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// What one `podls check` run printed and returned.
#[derive(Debug)]
pub struct CheckRun {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl CheckRun {
    /// The `code` of every finding of a `--format json` run, in output order.
    pub fn codes(&self) -> Vec<String> {
        let items: Value = serde_json::from_str(&self.stdout)
            .unwrap_or_else(|e| panic!("not JSON ({e}):\n{}\n{}", self.stdout, self.stderr));
        items
            .as_array()
            .expect("a JSON array")
            .iter()
            .map(|d| d["code"].as_str().unwrap().to_owned())
            .collect()
    }
}
