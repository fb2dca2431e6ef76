//! The client that plays a `Session` against a fresh server on in-memory streams and checks every message
//! that comes back.

use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use serde_json::{Value, json};
use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader, DuplexStream};
use tokio::sync::mpsc::{UnboundedReceiver, unbounded_channel};

use super::model::{self, Encoding};
use super::session::{
    CHART, Edit, KUSTOMIZATION, PROJECT, Request, SEEDS, SLOTS, Session, Step, Trace,
};

/// Panics anywhere in the process (the server's tasks catch theirs: they are counted here).
static PANICS: AtomicUsize = AtomicUsize::new(0);

fn count_panics() {
    static HOOK: OnceLock<()> = OnceLock::new();
    HOOK.get_or_init(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            PANICS.fetch_add(1, Ordering::SeqCst);
            previous(info);
        }));
    });
}

/// How long the client waits for an answer, a publication or the server's exit before calling it a hang.
const PATIENCE: Duration = Duration::from_secs(30);
/// Sessions longer than this are cut (the fuzzer's inputs can describe thousands of steps).
const MAX_STEPS: usize = 64;

/// Plays `session` against a fresh server and checks every invariant; panics on a violation.
pub fn run(session: Session) {
    count_panics();
    let panics = PANICS.load(Ordering::SeqCst);
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("a runtime");
    let described = format!("{session:#?}");
    let played = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        runtime.block_on(play(session));
    }));
    runtime.shutdown_timeout(Duration::from_secs(5));
    if let Err(panic) = played {
        eprintln!("the session that failed: {described}");
        std::panic::resume_unwind(panic);
    }
    assert_eq!(PANICS.load(Ordering::SeqCst), panics, "the server panicked");
}

/// A new project directory for one session (sessions may run in parallel, and each changes its files).
fn project() -> PathBuf {
    static SESSIONS: AtomicUsize = AtomicUsize::new(0);
    let n = SESSIONS.fetch_add(1, Ordering::SeqCst);
    let dir = std::env::temp_dir().join(format!("podls-protocol-{}-{n}", std::process::id()));
    for (path, text) in PROJECT
        .iter()
        .map(|&(path, seed)| (path, SEEDS[seed]))
        .chain([
            ("chart/Chart.yaml", CHART),
            ("overlay/kustomization.yaml", KUSTOMIZATION),
        ])
    {
        let path = dir.join(path);
        std::fs::create_dir_all(path.parent().unwrap()).expect("the project directory");
        std::fs::write(path, text).expect("a project file");
    }
    dir
}

fn uri_of(dir: &std::path::Path, slot: u8) -> String {
    match SLOTS[slot as usize % SLOTS.len()] {
        "" => "untitled:Untitled-1".to_owned(),
        path => format!("file://{}/{path}", dir.display()),
    }
}

/// The publication a document is due: its version (none once closed) and, once closed, no diagnostics.
pub(super) type Due = (Option<i64>, Option<usize>);

/// What a request waiting for its answer was.
#[derive(Debug)]
pub(super) enum Kind {
    Initialize,
    Shutdown,
    Session(Request),
}

/// A request waiting for its answer.
#[derive(Debug)]
pub(super) struct Pending {
    pub(super) kind: Kind,
    pub(super) uri: String,
    pub(super) cancelled: bool,
    pub(super) after_shutdown: bool,
}

pub(super) struct Client {
    pub(super) input: Option<DuplexStream>,
    pub(super) incoming: UnboundedReceiver<Value>,
    pub(super) dir: PathBuf,
    pub(super) encoding: Encoding,
    /// The open documents' text and version, by URI.
    pub(super) open: BTreeMap<String, (String, i32)>,
    /// Every version of every document the client sent, to check publications of older ones.
    pub(super) history: HashMap<(String, i32), String>,
    pub(super) next_version: i32,
    pub(super) next_id: i64,
    pub(super) pending: HashMap<i64, Pending>,
    pub(super) answers: HashMap<i64, usize>,
    /// Garbage frames that must be answered with id null, and those answers.
    pub(super) null_answers_due: usize,
    pub(super) null_answers: usize,
    /// The (version, count) of each publication, by URI.
    pub(super) published: HashMap<String, Vec<(Option<i64>, usize)>>,
    /// The `didClose` sent, by URI: each is due its own empty publication (an earlier close's is not the
    /// latest one's).
    pub(super) closes: HashMap<String, usize>,
    pub(super) ever_opened: Vec<String>,
    pub(super) pulls: bool,
    pub(super) pulled: Value,
    pub(super) shut_down: bool,
    pub(super) trace_ever_on: bool,
    pub(super) trace_messages: usize,
}

async fn play(session: Session) {
    let dir = project();
    let (client_end, server_input) = tokio::io::duplex(64 * 1024);
    let (server_output, client_output) = tokio::io::duplex(64 * 1024);
    let server = tokio::spawn(podls::lsp::serve(server_input, server_output));
    // The server's output is read all along, so it never waits on a client busy writing.
    let (sender, incoming) = unbounded_channel();
    tokio::spawn(async move {
        let mut output = BufReader::new(client_output);
        while let Some(body) = read_frame(&mut output).await {
            let message = serde_json::from_slice(&body).expect("the server writes JSON");
            if sender.send(message).is_err() {
                break;
            }
        }
    });
    let capabilities = &session.capabilities;
    let mut client = Client {
        input: Some(client_end),
        incoming,
        dir: dir.clone(),
        encoding: Encoding::Utf16,
        open: BTreeMap::new(),
        history: HashMap::new(),
        next_version: 1,
        next_id: 1,
        pending: HashMap::new(),
        answers: HashMap::new(),
        null_answers_due: 0,
        null_answers: 0,
        published: HashMap::new(),
        closes: HashMap::new(),
        ever_opened: Vec::new(),
        pulls: capabilities.pull_diagnostics,
        pulled: capabilities.pulled.value(),
        shut_down: false,
        trace_ever_on: capabilities.trace.is_on(),
        trace_messages: 0,
    };
    client.initialize(&session).await;
    let shutdown_after = session.capabilities.shutdown_after.map(usize::from);
    for (n, step) in session.steps.into_iter().take(MAX_STEPS).enumerate() {
        if shutdown_after == Some(n) {
            client.quiesce().await;
            client.shutdown().await;
        }
        client.step(step).await;
    }
    if !client.shut_down {
        client.quiesce().await;
        if !session.capabilities.exit_without_shutdown {
            client.shutdown().await;
        }
    }
    client.notify("exit", Value::Null).await;
    // The end of the input: the server must be gone after `exit` anyway.
    client.input = None;
    let exited = tokio::time::timeout(PATIENCE, server).await;
    let asked = exited
        .expect("the server exits")
        .expect("the serve loop ends");
    assert_eq!(
        asked, client.shut_down,
        "serve's answer to whether shutdown came first"
    );
    while let Some(message) = client.incoming.recv().await {
        client.handle(message).await;
    }
    client.finish();
    let _ = std::fs::remove_dir_all(&client.dir);
}

/// The body of the next frame the server writes; `None` when its output ends.
async fn read_frame(output: &mut BufReader<DuplexStream>) -> Option<Vec<u8>> {
    let mut length = None;
    loop {
        let mut line = String::new();
        if output.read_line(&mut line).await.ok()? == 0 {
            return None;
        }
        let line = line.trim_end();
        if line.is_empty() {
            break;
        }
        if let Some(value) = line.strip_prefix("Content-Length: ") {
            length = value.parse().ok();
        }
    }
    let mut body = vec![0; length.expect("the server frames with a Content-Length")];
    output.read_exact(&mut body).await.ok()?;
    Some(body)
}

impl Client {
    pub(super) async fn write(&mut self, bytes: &[u8]) {
        let input = self.input.as_mut().expect("the input is open");
        // The server may be gone (an `exit` in the middle is not sent, but a failed write is no finding).
        let _ = input.write_all(bytes).await;
    }

    pub(super) async fn send(&mut self, message: Value) {
        let body = message.to_string();
        let frame = format!("Content-Length: {}\r\n\r\n{body}", body.len());
        self.write(frame.as_bytes()).await;
    }

    pub(super) async fn notify(&mut self, method: &str, params: Value) {
        self.send(json!({"jsonrpc": "2.0", "method": method, "params": params}))
            .await;
    }

    /// Sends a request and returns its id; its answer is checked when it comes.
    async fn request(&mut self, method: &str, params: Value, pending: Pending) -> i64 {
        let id = self.next_id;
        self.next_id += 1;
        self.pending.insert(id, pending);
        self.send(json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}))
            .await;
        id
    }

    async fn initialize(&mut self, session: &Session) {
        let c = &session.capabilities;
        let mut general = json!({});
        let offered = session.offered();
        if !offered.is_empty() {
            let names: Vec<_> = offered.iter().map(|e| e.name()).collect();
            general = json!({"positionEncodings": names});
        }
        let refresh = json!({"refreshSupport": c.refreshes});
        let mut text_document = json!({
            "completion": {"completionItem": {"snippetSupport": c.snippets}},
            "documentSymbol": {"hierarchicalDocumentSymbolSupport": c.hierarchical_symbols},
            "foldingRange": {"lineFoldingOnly": c.line_folding_only},
        });
        if c.pull_diagnostics {
            text_document["diagnostic"] = json!({"dynamicRegistration": false});
        }
        let root = format!("file://{}", self.dir.display());
        let mut params = json!({
            "processId": null,
            "rootUri": root,
            "workspaceFolders": [{"uri": root, "name": "project"}],
            "capabilities": {
                "general": general,
                "textDocument": text_document,
                "workspace": {
                    "configuration": c.pulls_configuration,
                    "didChangeConfiguration": {"dynamicRegistration": c.registers_configuration},
                    "didChangeWatchedFiles": {"dynamicRegistration": c.watches_files},
                    "diagnostics": refresh, "inlayHint": refresh, "codeLens": refresh,
                },
            },
        });
        // Not `Trace::Other`: `initialize` itself would be refused, and the session with it.
        if matches!(c.trace, Trace::Off | Trace::Messages | Trace::Verbose) {
            params["trace"] = c.trace.value();
        }
        if let Some(locale) = &c.locale {
            params["locale"] = json!(locale.get());
        }
        if let Some(options) = &c.initialization_options {
            params["initializationOptions"] = options.value();
        }
        let pending = Pending {
            kind: Kind::Initialize,
            uri: String::new(),
            cancelled: false,
            after_shutdown: false,
        };
        let id = self.request("initialize", params, pending).await;
        let answer = self.answer_of(id).await;
        let chosen = answer["result"]["capabilities"]["positionEncoding"]
            .as_str()
            .and_then(Encoding::from_name)
            .unwrap_or(Encoding::Utf16);
        assert!(
            chosen == Encoding::Utf16 || offered.contains(&chosen),
            "the server chose {chosen:?}, not offered in {offered:?}"
        );
        self.encoding = chosen;
        self.notify("initialized", json!({})).await;
    }

    /// Waits for the answer to `id` (answering the server's own requests meanwhile) and returns it.
    async fn answer_of(&mut self, id: i64) -> Value {
        loop {
            let message = self.next_message().await;
            let is_it = message.get("id") == Some(&json!(id)) && message.get("method").is_none();
            self.handle(message.clone()).await;
            if is_it {
                return message;
            }
        }
    }

    async fn next_message(&mut self) -> Value {
        match tokio::time::timeout(PATIENCE, self.incoming.recv()).await {
            Ok(Some(message)) => message,
            Ok(None) => panic!("the server's output ended; unanswered: {:?}", self.pending),
            Err(_) => panic!("no message in {PATIENCE:?}; unanswered: {:?}", self.pending),
        }
    }

    /// Waits until every request sent so far is answered.
    async fn settle(&mut self) {
        while !self.pending.is_empty() {
            let message = self.next_message().await;
            self.handle(message).await;
        }
    }

    /// Waits until every request is answered and, for a client that takes pushed diagnostics, every open
    /// document's latest version is published.
    async fn quiesce(&mut self) {
        self.settle().await;
        if self.pulls {
            return;
        }
        loop {
            let Some((uri, wanted)) = self.behind() else {
                return;
            };
            let message = tokio::time::timeout(PATIENCE, self.incoming.recv()).await;
            match message {
                Ok(Some(message)) => self.handle(message).await,
                _ => panic!(
                    "{uri}: diagnostics {wanted:?} never came: {:?}",
                    self.published.get(&uri)
                ),
            }
        }
    }

    /// A document whose last publication is not the one due (of its latest version, or the empty one of
    /// its close), and that one.
    pub(super) fn behind(&self) -> Option<(String, Due)> {
        self.ever_opened.iter().find_map(|uri| {
            let published = self.published.get(uri).map_or(&[][..], Vec::as_slice);
            let due = match self.open.get(uri) {
                Some((_, version)) => (Some(*version as i64), None),
                None => (None, Some(0)),
            };
            // Versions are never sent twice, but every close publishes the same empty list: the last close's
            // has come once there are as many empty ones as closes (found by the fuzzer: a session that
            // ended right after a second close took the first close's for it, and exited too early).
            let empty = published.iter().filter(|(version, _)| version.is_none());
            let closes = self.closes.get(uri).copied().unwrap_or(0);
            let arrived = published.last().is_some_and(|(version, count)| {
                *version == due.0 && due.1.is_none_or(|due| due == *count)
            }) && (due.0.is_some() || empty.count() >= closes);
            (!arrived).then(|| (uri.clone(), due))
        })
    }

    async fn shutdown(&mut self) {
        let pending = Pending {
            kind: Kind::Shutdown,
            uri: String::new(),
            cancelled: false,
            after_shutdown: false,
        };
        let id = self.request("shutdown", Value::Null, pending).await;
        let answer = self.answer_of(id).await;
        assert_eq!(
            answer.get("result"),
            Some(&Value::Null),
            "shutdown: {answer}"
        );
        self.shut_down = true;
    }

    pub(super) fn text_of(&self, uri: &str) -> Option<String> {
        if let Some((text, _)) = self.open.get(uri) {
            return Some(text.clone());
        }
        let path = uri.strip_prefix("file://")?;
        std::fs::read_to_string(path).ok()
    }

    async fn step(&mut self, step: Step) {
        if self.shut_down {
            // After `shutdown` only requests (refused) and garbage still mean something.
            match step {
                Step::Request { .. } | Step::Garbage(_) => {}
                _ => return,
            }
        }
        match step {
            Step::Open { slot, text, helm } => {
                self.settle().await;
                let uri = uri_of(&self.dir, slot);
                let text = text.get();
                let version = self.version_for(&uri, &text);
                let language = if helm { "helm" } else { "yaml" };
                self.open.insert(uri.clone(), (text.clone(), version));
                self.ever_opened.push(uri.clone());
                let document =
                    json!({"uri": uri, "languageId": language, "version": version, "text": text});
                self.notify("textDocument/didOpen", json!({"textDocument": document}))
                    .await;
            }
            Step::Change { slot, edits } => {
                self.settle().await;
                let uri = uri_of(&self.dir, slot);
                let Some((mut text, _)) = self.open.get(&uri).cloned() else {
                    return;
                };
                let mut changes = Vec::new();
                for edit in edits.into_iter().take(8) {
                    match edit {
                        Edit::Range {
                            start,
                            end,
                            text: new,
                        } => {
                            let (start, end) = (
                                start.resolve(&text, self.encoding),
                                end.resolve(&text, self.encoding),
                            );
                            let new = new.get();
                            model::apply(&mut text, Some((start, end)), &new, self.encoding);
                            let range = json!({
                                "start": {"line": start.0, "character": start.1},
                                "end": {"line": end.0, "character": end.1},
                            });
                            changes.push(json!({"range": range, "text": new}));
                        }
                        Edit::Full(new) => {
                            let new = new.get();
                            model::apply(&mut text, None, &new, self.encoding);
                            changes.push(json!({"text": new}));
                        }
                    }
                }
                let version = self.version_for(&uri, &text);
                self.open.insert(uri.clone(), (text, version));
                let document = json!({"uri": uri, "version": version});
                let params = json!({"textDocument": document, "contentChanges": changes});
                self.notify("textDocument/didChange", params).await;
            }
            Step::Close { slot } => {
                self.settle().await;
                let uri = uri_of(&self.dir, slot);
                self.open.remove(&uri);
                *self.closes.entry(uri.clone()).or_default() += 1;
                self.notify(
                    "textDocument/didClose",
                    json!({"textDocument": {"uri": uri}}),
                )
                .await;
            }
            Step::Save { slot } => {
                self.settle().await;
                let uri = uri_of(&self.dir, slot);
                self.notify(
                    "textDocument/didSave",
                    json!({"textDocument": {"uri": uri}}),
                )
                .await;
            }
            Step::Request {
                slot,
                request,
                cancel,
            } => {
                let uri = uri_of(&self.dir, slot);
                let (method, params) = self.params(&uri, &request);
                let pending = Pending {
                    kind: Kind::Session(request),
                    uri,
                    cancelled: cancel,
                    after_shutdown: self.shut_down,
                };
                let id = self.request(method, params, pending).await;
                if cancel {
                    self.notify("$/cancelRequest", json!({"id": id})).await;
                }
            }
            Step::Configure(settings) => {
                self.settle().await;
                let params = json!({"settings": settings.value()});
                self.notify("workspace/didChangeConfiguration", params)
                    .await;
            }
            Step::ProjectFile(text) => {
                self.settle().await;
                let path = self.dir.join("podls.toml");
                let kind = match text {
                    Some(text) => {
                        let created = !path.exists();
                        std::fs::write(&path, text.get()).expect("podls.toml written");
                        if created { 1 } else { 2 }
                    }
                    None => {
                        let _ = std::fs::remove_file(&path);
                        3
                    }
                };
                let uri = uri_of(&self.dir, 3);
                let params = json!({"changes": [{"uri": uri, "type": kind}]});
                self.notify("workspace/didChangeWatchedFiles", params).await;
            }
            Step::SetTrace(trace) => {
                self.trace_ever_on |= trace.is_on();
                self.notify("$/setTrace", json!({"value": trace.value()}))
                    .await;
            }
            Step::Garbage(garbage) => self.garbage(garbage).await,
        }
    }

    /// A new version for `uri`'s next text (versions only grow, across closes too), kept for the checks of
    /// publications.
    fn version_for(&mut self, uri: &str, text: &str) -> i32 {
        let version = self.next_version;
        self.next_version += 1;
        self.history
            .insert((uri.to_owned(), version), text.to_owned());
        version
    }
}
