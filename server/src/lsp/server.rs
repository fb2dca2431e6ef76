//! The `LanguageServer` implementation: lifecycle, document sync and configuration, and the dispatch of each
//! request to its feature file. Handlers run concurrently (tower-lsp-server polls several at once), so
//! notifications change state before their first `.await`, and requests take a snapshot under the lock and
//! release it before doing any work.

use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, OnceLock, RwLock};
use std::time::Duration;

use serde_json::Value;
use tower_lsp_server::jsonrpc::Result;
use tower_lsp_server::ls_types::{
    ClientCapabilities, CodeActionKind, CodeActionOptions, CodeActionParams,
    CodeActionProviderCapability, CodeActionResponse, CodeLens, CodeLensOptions, CodeLensParams,
    CompletionParams, CompletionResponse, ConfigurationItem, DidChangeConfigurationParams,
    DidChangeTextDocumentParams, DidChangeWatchedFilesParams,
    DidChangeWatchedFilesRegistrationOptions, DidCloseTextDocumentParams,
    DidOpenTextDocumentParams, DidSaveTextDocumentParams, DocumentDiagnosticParams,
    DocumentDiagnosticReportResult, DocumentHighlight, DocumentHighlightParams,
    DocumentSymbolParams, DocumentSymbolResponse, FileChangeType, FileSystemWatcher, FoldingRange,
    FoldingRangeParams, FoldingRangeProviderCapability, GlobPattern, GotoDefinitionParams,
    GotoDefinitionResponse, Hover, HoverParams, HoverProviderCapability, InitializeParams,
    InitializeResult, InitializedParams, InlayHint, InlayHintParams, Location, MessageType, OneOf,
    PrepareRenameResponse, ReferenceParams, Registration, RenameOptions, RenameParams,
    SelectionRange, SelectionRangeParams, SelectionRangeProviderCapability, ServerCapabilities,
    ServerInfo, TextDocumentPositionParams, TextDocumentSyncCapability, TextDocumentSyncKind,
    TextDocumentSyncOptions, TextDocumentSyncSaveOptions, Uri, WorkDoneProgressOptions,
    WorkspaceEdit,
};
use tower_lsp_server::{Client, LanguageServer};

use super::cancel::InFlight;
use super::config::{self, Settings};
use super::documents::{DocumentSnapshot, DocumentStore};
use super::encoding;
use super::encoding::PositionEncoding;
use super::names::{NameFile, NameFiles};
use super::project::{self, ProjectConfigs};
use super::trace::Trace;
use super::workspace::{self, Folder, WorkspaceFiles};
use super::{
    code_action, code_lens, completion, definition, diagnostics, document_highlight,
    document_symbol, folding_range, guard, hover, inlay_hint, pull_diagnostics, references, rename,
    selection_range, structure,
};
use crate::analysis::names::NamesCache;
use crate::analysis::{DiagnosticsCache, FileRole, FileRoles, Inputs, names};
use crate::messages::config::not_applied;
use crate::messages::{Locale, Message};

/// How long diagnostics wait at most for the requests read with an edit to be answered.
const REQUESTS_FIRST: Duration = Duration::from_millis(100);

/// How long to wait for the client to answer a `workspace/configuration` pull before going on without it.
const CONFIGURATION_TIMEOUT: Duration = Duration::from_secs(5);

#[derive(Clone)]
pub struct PodServer {
    client: Client,
    state: Arc<SessionState>,
}

/// Everything the handlers share. Locks are `std` ones, held only for a copy or a synchronous edit and
/// never across an `.await`.
#[derive(Default)]
struct SessionState {
    documents: Mutex<DocumentStore>,
    /// Chosen once at `initialize`.
    encoding: OnceLock<PositionEncoding>,
    settings: RwLock<Settings>,
    /// What `initializationOptions` held that was refused, said at `initialized`.
    initial_problems: Mutex<Vec<Message>>,
    /// The `podls.toml` of each document's folder, read once until one changes.
    projects: Mutex<ProjectConfigs>,
    /// Whether the client watches files for servers that register for it (`didChangeWatchedFiles`).
    registers_file_watchers: AtomicBool,
    /// Whether the client answers `workspace/configuration` (the pull model of settings).
    pulls_configuration: AtomicBool,
    /// Whether the client sends `didChangeConfiguration` only to servers that register for it.
    registers_configuration: AtomicBool,
    /// What the client takes in completion items (snippets), from `initialize`.
    completion_support: OnceLock<completion::ClientSupport>,
    /// What the client takes in outlines and folds, from `initialize`.
    structure_support: OnceLock<structure::ClientSupport>,
    /// The client pulls diagnostics (`textDocument/diagnostic`): nothing is pushed to it.
    pulls_diagnostics: AtomicBool,
    /// What the client lets the server ask it to refresh after a settings change.
    refreshes: OnceLock<Refreshes>,
    /// Bumped when the settings or a `podls.toml` change what diagnostics say: part of the pull
    /// diagnostics' result ids.
    settings_generation: AtomicU64,
    /// The workspace folders' files that hold names, read in the background.
    workspace: Arc<Mutex<WorkspaceFiles>>,
    /// Set by `shutdown`: `exit` after it ends the process with 0, without it with 1 (LSP spec).
    shutdown_requested: Arc<AtomicBool>,
    /// What the client asked to be traced with `$/logTrace`.
    trace: Trace,
    /// The requests not answered yet: diagnostics wait for them.
    in_flight: InFlight,
    /// Held from a publication's last version check until it is sent, so two publications of one document
    /// (an older version's and a newer one's, or a close's) leave in the order they were decided: a send can
    /// wait on a full channel, and waiting senders are not served in order (the protocol proptest saw an
    /// older version published last under load).
    publishing: tokio::sync::Mutex<()>,
}

impl PodServer {
    pub fn new(client: Client, shutdown_requested: Arc<AtomicBool>, in_flight: InFlight) -> Self {
        let state = SessionState {
            shutdown_requested,
            in_flight,
            ..SessionState::default()
        };
        PodServer {
            client,
            state: Arc::new(state),
        }
    }

    pub(super) fn trace(&self) -> &Trace {
        &self.state.trace
    }

    fn documents(&self) -> MutexGuard<'_, DocumentStore> {
        // A panic while holding the lock leaves the store as consistent as each edit step (see documents.rs),
        // so a poisoned lock is still usable.
        self.state
            .documents
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    fn encoding(&self) -> PositionEncoding {
        self.state.encoding.get().copied().unwrap_or_default()
    }

    fn snapshot(&self, uri: &Uri) -> Option<DocumentSnapshot> {
        self.documents().snapshot(uri)
    }

    fn structure_support(&self) -> structure::ClientSupport {
        self.state
            .structure_support
            .get()
            .copied()
            .unwrap_or_default()
    }

    /// The files a name request sees: the document asked about first, then the other open ones. `None` when
    /// the document is not open.
    fn name_files(&self, uri: &Uri) -> Option<NameFiles> {
        let (current, others) = {
            let documents = self.documents();
            let others: Vec<_> = documents
                .snapshots()
                .into_iter()
                .filter(|(other, _)| other != uri)
                .collect();
            (documents.snapshot(uri)?, others)
        };
        let open = |uri: &Uri, doc| NameFile::open(uri.clone(), doc, &self.inputs(uri));
        let mut files = vec![open(uri, &current)];
        files.extend(others.iter().map(|(uri, doc)| open(uri, doc)));
        // The workspace's files that are not open (an open document is newer than the disk).
        let open: std::collections::HashSet<&Uri> = others.iter().map(|(uri, _)| uri).collect();
        let scanned: Vec<_> = self
            .workspace()
            .files
            .iter()
            .filter(|(scanned, _)| *scanned != uri && !open.contains(scanned))
            .map(|(uri, file)| (uri.clone(), Arc::clone(file)))
            .collect();
        files.extend(scanned.into_iter().map(|(uri, file)| NameFile {
            uri,
            rope: file.rope.clone(),
            names: file.names.clone(),
        }));
        Some(NameFiles {
            files,
            encoding: self.encoding(),
        })
    }

    fn workspace(&self) -> MutexGuard<'_, WorkspaceFiles> {
        self.state
            .workspace
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Reads the workspace folders, on a blocking thread: at the start, and again when a configuration file
    /// changed. Requests meanwhile see what was read before.
    fn scan_workspace(&self) {
        let (roots, scan) = {
            let mut workspace = self.workspace();
            if workspace.roots.is_empty() {
                return;
            }
            (workspace.roots.clone(), workspace.start_scan())
        };
        let state = Arc::clone(&self.state);
        tokio::task::spawn_blocking(move || {
            let started = std::time::Instant::now();
            let mut folders: Vec<Folder> = roots.into_iter().map(Folder::new).collect();
            let found = workspace::scan(&mut folders);
            let count = found.len();
            let mut files = state.workspace.lock().unwrap_or_else(|p| p.into_inner());
            files.finish_scan(scan, folders, found);
            tracing::info!(
                "workspace scan: {count} files with names in {:?}",
                started.elapsed()
            );
        });
    }

    /// Reads one workspace file again from disk (after a close, or a change the client watched), on a
    /// blocking thread.
    fn refresh_from_disk(&self, uri: Uri) {
        let Some(path) = uri.to_file_path().map(|p| p.into_owned()) else {
            return;
        };
        if !self.workspace().holds(&path) {
            return;
        }
        let state = Arc::clone(&self.state);
        tokio::task::spawn_blocking(move || {
            let text = workspace::read(&path);
            let mut files = state.workspace.lock().unwrap_or_else(|p| p.into_inner());
            files.update(uri, text.as_deref());
        });
    }

    fn settings(&self) -> Settings {
        self.state
            .settings
            .read()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .clone()
    }

    /// What the analyses of the document at `uri` take: its folder's `podls.toml` under the editor's
    /// settings. A configuration file that does not read is said once, in a message (and on the file).
    fn inputs(&self, uri: &Uri) -> Inputs {
        let lookup = self
            .state
            .projects
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .lookup(uri);
        if let Some(error) = lookup.new_error {
            let locale = self.settings().locale();
            self.tell(vec![not_applied(error.render(locale))], locale);
        }
        // What the file is to its project (a chart's template, a kustomize patch), found when it opened.
        let role = self.documents().role(uri).unwrap_or_default();
        Inputs {
            role,
            ..self.settings().inputs(lookup.config.as_deref())
        }
    }

    /// A configuration file changed: forget what was read and publish every open document again.
    async fn project_changed(&self) {
        self.state
            .projects
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .forget();
        // Its exclusions and pod templates decide which workspace files hold which names.
        self.scan_workspace();
        // Pulling clients are asked to pull again, with new result ids.
        settings_changed(&self.client, &self.state, true);
        let open = self.documents().versions();
        for (uri, version) in open {
            self.publish_diagnostics(uri, version).await;
        }
    }

    /// Whether the document's folder's `podls.toml` excludes it (it gets no diagnostics).
    fn excluded(&self, uri: &Uri) -> bool {
        self.state
            .projects
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .excludes(uri)
    }

    /// What computes the diagnostics of the document at `uri`, pushed or pulled: a `podls.toml`'s own
    /// mistakes, or the analysis of a manifest under its folder's configuration.
    fn diagnostics_of<'a>(
        &self,
        uri: &'a Uri,
        document: &'a DocumentSnapshot,
    ) -> impl FnOnce() -> Vec<tower_lsp_server::ls_types::Diagnostic> + 'a {
        let encoding = self.encoding();
        let inputs = (!project::is_config(uri)).then(|| self.inputs(uri));
        let locale = self.settings().locale();
        let excluded = self.excluded(uri);
        move || match &inputs {
            Some(_) if excluded => Vec::new(),
            Some(inputs) => diagnostics::diagnostics(uri, document, encoding, inputs),
            None => project::diagnostics(uri, document, encoding, locale),
        }
    }

    /// After an open, an edit or new settings: computes and publishes the diagnostics of the document at
    /// `version` (unless the client pulls them), then indexes its names; neither when a newer version
    /// arrived meanwhile. No snapshot is held across a wait: the next edit then finds the document's
    /// `SplitFile` unshared and edits it in place, instead of copying its list of `---` documents.
    async fn publish_diagnostics(&self, uri: Uri, version: i32) {
        // The edit is applied; let requests that arrived with it (a completion while typing) answer first,
        // and skip the work entirely when the next edit is already here. A yield alone is not enough: each
        // request yields once before its work too (cancel.rs), and would then come after this.
        tokio::task::yield_now().await;
        self.state.in_flight.idle(REQUESTS_FIRST).await;
        let current = || {
            self.snapshot(&uri)
                .filter(|document| document.version == version)
        };
        let Some(document) = current() else {
            return;
        };
        if !self.state.pulls_diagnostics.load(Ordering::Relaxed)
            && !self.push_diagnostics(&uri, document).await
        {
            return;
        }
        if !project::is_config(&uri) {
            self.index_names(&uri, version).await;
        }
    }

    /// Analyses the `---` documents of `document` that its diagnostics cache has not seen on a blocking
    /// thread, so that a request read meanwhile (a completion typed with the edit) is answered at once,
    /// and gives the document back if it is still at that version. Only the changed documents go to the
    /// thread, not the snapshot: an edit meanwhile still finds the `SplitFile` unshared.
    async fn analyse_changed(
        &self,
        uri: &Uri,
        document: DocumentSnapshot,
    ) -> Option<DocumentSnapshot> {
        if project::is_config(uri) || self.excluded(uri) {
            return Some(document);
        }
        let inputs = self.inputs(uri);
        let missing = diagnostics::missing(&document, &inputs);
        if missing.is_empty() {
            return Some(document);
        }
        let (version, cache) = (document.version, Arc::clone(&document.diagnostics));
        drop(document);
        let analysed = tokio::task::spawn_blocking(move || {
            guard::catch_panic("diagnostics", || {
                DiagnosticsCache::analyse(&inputs, &missing)
            })
        })
        .await;
        // After a panic nothing is added: the diagnostics computed from the cache meet it again, guarded.
        if let Ok(Ok(analysed)) = analysed {
            diagnostics::add(&cache, analysed);
        }
        self.snapshot(uri)
            .filter(|document| document.version == version)
    }

    /// Indexes the names of the `---` documents an edit replaced on a blocking thread, after the
    /// diagnostics and for clients that pull them too: otherwise the first hover in each would pay for it.
    async fn index_names(&self, uri: &Uri, version: i32) {
        let current = || {
            self.snapshot(uri)
                .filter(|document| document.version == version)
        };
        let Some(document) = current() else {
            return;
        };
        let inputs = self.inputs(uri);
        let missing = super::names::missing(&document, &inputs);
        if !missing.is_empty() {
            let cache = Arc::clone(&document.names);
            drop(document);
            let templates = Arc::clone(&inputs.pod_templates);
            let indexed = tokio::task::spawn_blocking(move || {
                guard::catch_panic("name index", || NamesCache::index(&templates, &missing))
            })
            .await;
            let Ok(Ok(indexed)) = indexed else {
                return;
            };
            super::names::add(&cache, indexed);
        }
        // Taken into the cache at once (nothing is computed here), so the cache stays the file's size.
        if let Some(document) = current() {
            super::names::warm(&document, &inputs);
        }
    }

    /// Computes and sends the diagnostics of `document`; false when it was not sent (a newer version
    /// arrived meanwhile, or the analysis panicked).
    async fn push_diagnostics(&self, uri: &Uri, document: DocumentSnapshot) -> bool {
        let Some(document) = self.analyse_changed(uri, document).await else {
            return false;
        };
        let found = guard::catch_panic("diagnostics", self.diagnostics_of(uri, &document));
        let version = document.version;
        drop(document);
        let Ok(found) = found else {
            return false;
        };
        if self.documents().version(uri) != Some(version) {
            return false;
        }
        let message = format!(
            "publishDiagnostics {} (version {}): {} diagnostics",
            uri.as_str(),
            version,
            found.len()
        );
        let codes = || {
            let codes = found.iter().filter_map(|d| d.code.as_ref());
            let codes: Vec<_> = codes.map(|code| format!("{code:?}")).collect();
            format!("codes: {}", codes.join(", "))
        };
        self.trace().log(&self.client, message, codes).await;
        // Sending the trace may have yielded: a close or a newer version meanwhile has the last word.
        let order = self.state.publishing.lock().await;
        if self.documents().version(uri) != Some(version) {
            return false;
        }
        self.client
            .publish_diagnostics(uri.clone(), found, Some(version))
            .await;
        drop(order);
        true
    }

    /// Applies a settings payload; when it changes what diagnostics say (their language), publishes every
    /// open document's again, so a locale switch shows without a restart or an edit.
    async fn update_settings(&self, value: &Value, how: &str) {
        let (before, after) = {
            let mut settings = self
                .state
                .settings
                .write()
                .unwrap_or_else(|p| p.into_inner());
            let before = settings.inputs(None);
            let problems = settings.update(value);
            tracing::info!("settings {how}: locale {:?}", settings.locale());
            self.tell(problems, settings.locale());
            (before, settings.inputs(None))
        };
        let diagnostics_changed = !before.same_diagnostics(&after);
        settings_changed(&self.client, &self.state, diagnostics_changed);
        if !diagnostics_changed {
            return;
        }
        let open = self.documents().versions();
        for (uri, version) in open {
            self.publish_diagnostics(uri, version).await;
        }
    }

    /// Shows the user what the settings or a project file refused (`window/showMessage`, plain text as
    /// diagnostics are), on its own task.
    fn tell(&self, problems: Vec<Message>, locale: Locale) {
        for problem in problems {
            let client = self.client.clone();
            let text = diagnostics::plain_text(&problem.render(locale));
            tokio::spawn(async move {
                client.show_message(MessageType::WARNING, text).await;
            });
        }
    }

    /// Asks the client for the `podls` section (clients that pull settings send an empty
    /// `didChangeConfiguration` and expect this). Runs as its own task so no handler waits on the client.
    fn pull_configuration(&self) {
        if !self.state.pulls_configuration.load(Ordering::Relaxed) {
            return;
        }
        let client = self.client.clone();
        let server = self.clone();
        tokio::spawn(async move {
            let item = ConfigurationItem {
                scope_uri: None,
                section: Some(config::SECTION.to_owned()),
            };
            match tokio::time::timeout(CONFIGURATION_TIMEOUT, client.configuration(vec![item]))
                .await
            {
                Ok(Ok(values)) => {
                    if let Some(section) = values.first().filter(|v| !v.is_null()) {
                        server.update_settings(section, "pulled").await;
                    }
                }
                Ok(Err(error)) => tracing::warn!("workspace/configuration failed: {error}"),
                Err(_) => tracing::warn!(
                    "workspace/configuration: no answer in {CONFIGURATION_TIMEOUT:?}"
                ),
            }
        });
    }
}

/// Which views the client lets the server ask it to draw again (`workspace/*/refresh`).
#[derive(Clone, Copy, Debug, Default)]
struct Refreshes {
    diagnostics: bool,
    inlay_hints: bool,
    code_lenses: bool,
}

impl Refreshes {
    fn from_capabilities(capabilities: &ClientCapabilities) -> Refreshes {
        let workspace = capabilities.workspace.as_ref();
        Refreshes {
            diagnostics: workspace
                .and_then(|w| w.diagnostics.as_ref())
                .and_then(|d| d.refresh_support)
                .unwrap_or(false),
            inlay_hints: workspace
                .and_then(|w| w.inlay_hint.as_ref())
                .and_then(|i| i.refresh_support)
                .unwrap_or(false),
            code_lenses: workspace
                .and_then(|w| w.code_lens.as_ref())
                .and_then(|c| c.refresh_support)
                .unwrap_or(false),
        }
    }
}

/// After a settings change: when the diagnostics change with it (their language), pulled ones get new
/// result ids and the client is asked to pull again; inlay hints and lenses are drawn again in any case
/// (which hints show is a setting). Runs on its own task: no handler waits on the
/// client's answers.
fn settings_changed(client: &Client, state: &SessionState, diagnostics_changed: bool) {
    if diagnostics_changed {
        state.settings_generation.fetch_add(1, Ordering::SeqCst);
    }
    let refreshes = state.refreshes.get().copied().unwrap_or_default();
    let client = client.clone();
    tokio::spawn(async move {
        if refreshes.diagnostics && diagnostics_changed {
            refreshed("diagnostic", client.workspace_diagnostic_refresh()).await;
        }
        if refreshes.inlay_hints {
            refreshed("inlay hint", client.inlay_hint_refresh()).await;
        }
        if refreshes.code_lenses {
            refreshed("code lens", client.code_lens_refresh()).await;
        }
    });
}

/// Waits for the client's answer to a refresh request, logging a failure or silence.
async fn refreshed(what: &str, answer: impl std::future::Future<Output = Result<()>>) {
    match tokio::time::timeout(CONFIGURATION_TIMEOUT, answer).await {
        Ok(Ok(())) => {}
        Ok(Err(error)) => tracing::warn!("{what} refresh failed: {error}"),
        Err(_) => tracing::warn!("{what} refresh: no answer in {CONFIGURATION_TIMEOUT:?}"),
    }
}

/// What podls offers.
fn capabilities(encoding: PositionEncoding) -> ServerCapabilities {
    ServerCapabilities {
        position_encoding: Some(encoding.kind()),
        // Saves without their text: podls analyses every edit; a saved `podls.toml` is read again from the
        // disk (for clients that do not watch files), a saved manifest refreshes the workspace's copy of it.
        text_document_sync: Some(TextDocumentSyncCapability::Options(
            TextDocumentSyncOptions {
                open_close: Some(true),
                change: Some(TextDocumentSyncKind::INCREMENTAL),
                save: Some(TextDocumentSyncSaveOptions::Supported(true)),
                ..TextDocumentSyncOptions::default()
            },
        )),
        hover_provider: Some(HoverProviderCapability::Simple(true)),
        code_action_provider: Some(CodeActionProviderCapability::Options(CodeActionOptions {
            code_action_kinds: Some(vec![CodeActionKind::QUICKFIX]),
            ..CodeActionOptions::default()
        })),
        completion_provider: Some(completion::capability()),
        document_symbol_provider: Some(OneOf::Left(true)),
        folding_range_provider: Some(FoldingRangeProviderCapability::Simple(true)),
        selection_range_provider: Some(SelectionRangeProviderCapability::Simple(true)),
        inlay_hint_provider: Some(OneOf::Left(true)),
        diagnostic_provider: Some(pull_diagnostics::capability()),
        code_lens_provider: Some(CodeLensOptions {
            resolve_provider: Some(false),
        }),
        definition_provider: Some(OneOf::Left(true)),
        references_provider: Some(OneOf::Left(true)),
        document_highlight_provider: Some(OneOf::Left(true)),
        rename_provider: Some(OneOf::Right(RenameOptions {
            prepare_provider: Some(true),
            work_done_progress_options: WorkDoneProgressOptions::default(),
        })),
        ..ServerCapabilities::default()
    }
}

impl LanguageServer for PodServer {
    #[tracing::instrument(skip_all)]
    async fn initialize(&self, params: InitializeParams) -> Result<InitializeResult> {
        let offered = params
            .capabilities
            .general
            .as_ref()
            .and_then(|general| general.position_encodings.as_deref());
        let encoding = PositionEncoding::negotiate(offered);
        // `initialize` runs once (tower-lsp-server rejects a second one), so this is the only set.
        let _ = self.state.encoding.set(encoding);
        if let Some(trace) = params.trace {
            self.state.trace.set(trace);
        }

        let (settings, problems) = Settings::from_initialize(
            params.locale.as_deref(),
            params.initialization_options.as_ref(),
        );
        // Said once the session is up (`initialized`): before, the client may not show it yet.
        *self
            .state
            .initial_problems
            .lock()
            .unwrap_or_else(|p| p.into_inner()) = problems;
        tracing::info!(
            "position encoding {encoding:?}, locale {:?}",
            settings.locale()
        );
        *self
            .state
            .settings
            .write()
            .unwrap_or_else(|p| p.into_inner()) = settings;

        let _ = self
            .state
            .completion_support
            .set(completion::ClientSupport::from_capabilities(
                &params.capabilities,
            ));

        let _ = self
            .state
            .structure_support
            .set(structure::ClientSupport::from_capabilities(
                &params.capabilities,
            ));

        let pulls_diagnostics = params
            .capabilities
            .text_document
            .as_ref()
            .is_some_and(|t| t.diagnostic.is_some());
        self.state
            .pulls_diagnostics
            .store(pulls_diagnostics, Ordering::Relaxed);
        let _ = self
            .state
            .refreshes
            .set(Refreshes::from_capabilities(&params.capabilities));
        #[allow(deprecated)] // `rootUri`: what clients without workspace folders still send.
        let roots: Vec<std::path::PathBuf> = match &params.workspace_folders {
            Some(folders) => folders.iter().map(|f| f.uri.clone()).collect::<Vec<_>>(),
            None => params.root_uri.clone().into_iter().collect(),
        }
        .iter()
        .filter_map(|uri| uri.to_file_path().map(|p| p.into_owned()))
        .collect();
        self.workspace().roots = roots;

        let workspace = params.capabilities.workspace.as_ref();

        let pulls = workspace.and_then(|w| w.configuration).unwrap_or(false);
        self.state
            .pulls_configuration
            .store(pulls, Ordering::Relaxed);
        let registers = workspace
            .and_then(|w| w.did_change_configuration.as_ref())
            .and_then(|c| c.dynamic_registration)
            .unwrap_or(false);
        self.state
            .registers_configuration
            .store(registers, Ordering::Relaxed);
        let watches = workspace
            .and_then(|w| w.did_change_watched_files.as_ref())
            .and_then(|c| c.dynamic_registration)
            .unwrap_or(false);
        self.state
            .registers_file_watchers
            .store(watches, Ordering::Relaxed);

        Ok(InitializeResult {
            capabilities: capabilities(encoding),
            server_info: Some(ServerInfo {
                name: "podls".to_owned(),
                version: Some(env!("CARGO_PKG_VERSION").to_owned()),
            }),
            offset_encoding: None,
        })
    }

    #[tracing::instrument(skip_all)]
    async fn initialized(&self, _: InitializedParams) {
        let mut registrations = Vec::new();
        if self.state.registers_configuration.load(Ordering::Relaxed) {
            registrations.push(configuration_registration());
        }
        if self.state.registers_file_watchers.load(Ordering::Relaxed) {
            registrations.push(config_file_watcher());
            registrations.push(manifest_watcher());
        }
        if !registrations.is_empty() {
            let client = self.client.clone();
            tokio::spawn(async move {
                let registration = client.register_capability(registrations);
                match tokio::time::timeout(CONFIGURATION_TIMEOUT, registration).await {
                    Ok(Ok(())) => {}
                    Ok(Err(error)) => tracing::warn!("client/registerCapability failed: {error}"),
                    Err(_) => tracing::warn!(
                        "client/registerCapability: no answer in {CONFIGURATION_TIMEOUT:?}"
                    ),
                }
            });
        }
        let problems = std::mem::take(
            &mut *self
                .state
                .initial_problems
                .lock()
                .unwrap_or_else(|p| p.into_inner()),
        );
        self.tell(problems, self.settings().locale());
        self.pull_configuration();
        self.scan_workspace();
    }

    #[tracing::instrument(skip_all)]
    async fn did_change_watched_files(&self, params: DidChangeWatchedFilesParams) {
        let config_changed = params
            .changes
            .iter()
            .any(|change| project::is_config(&change.uri));
        // A manifest created, changed or deleted outside the editor: the names other files see.
        for change in params.changes {
            if change.typ == FileChangeType::DELETED {
                self.workspace().files.remove(&change.uri);
            } else {
                self.refresh_from_disk(change.uri);
            }
        }
        if config_changed {
            self.project_changed().await;
        }
    }

    #[tracing::instrument(skip_all, fields(uri = params.text_document.uri.as_str()))]
    async fn did_save(&self, params: DidSaveTextDocumentParams) {
        let uri = params.text_document.uri;
        if project::is_config(&uri) {
            self.project_changed().await;
            return;
        }
        let holds = uri
            .to_file_path()
            .is_some_and(|path| self.workspace().holds(&path));
        if let Some(document) = self.snapshot(&uri).filter(|_| holds) {
            self.workspace().update(uri, Some(&document.text));
        }
    }

    #[tracing::instrument(skip_all)]
    async fn shutdown(&self) -> Result<()> {
        self.state.shutdown_requested.store(true, Ordering::SeqCst);
        Ok(())
    }

    #[tracing::instrument(skip_all, fields(uri = params.text_document.uri.as_str()))]
    async fn did_open(&self, params: DidOpenTextDocumentParams) {
        let document = params.text_document;
        // Read from the files around it, before the store's lock is taken.
        let role = file_role(&document.uri, &document.language_id);
        let uri = document.uri.clone();
        let version = (self.documents())
            .open_as(uri, document.text, document.version, role)
            .version;
        self.publish_diagnostics(document.uri, version).await;
    }

    #[tracing::instrument(skip_all, fields(uri = params.text_document.uri.as_str()))]
    async fn did_change(&self, params: DidChangeTextDocumentParams) {
        let uri = params.text_document.uri;
        let encoding = self.encoding();
        // Applied here, before the first `.await`: a request read after this notification sees the edit.
        let snapshot = self.documents().change(
            &uri,
            params.text_document.version,
            params.content_changes,
            encoding,
        );
        match snapshot.map(|snapshot| snapshot.version) {
            Some(version) => self.publish_diagnostics(uri, version).await,
            None => tracing::warn!("didChange for a document that is not open"),
        }
    }

    #[tracing::instrument(skip_all, fields(uri = params.text_document.uri.as_str()))]
    async fn did_close(&self, params: DidCloseTextDocumentParams) {
        let uri = params.text_document.uri;
        self.documents().close(&uri);
        // Unsaved edits are gone with the document: the disk's text is the file's names again.
        self.refresh_from_disk(uri.clone());
        // A closed document's problems leave the Problems panel with it (a pulling client drops them itself).
        if !self.state.pulls_diagnostics.load(Ordering::Relaxed) {
            let _order = self.state.publishing.lock().await;
            self.client.publish_diagnostics(uri, Vec::new(), None).await;
        }
    }

    #[tracing::instrument(skip_all)]
    async fn did_change_configuration(&self, params: DidChangeConfigurationParams) {
        let has_section = config::find_section(&params.settings).is_some();
        if has_section {
            self.update_settings(&params.settings, "changed").await;
        } else {
            // Push-less clients (VS Code without `configurationSection`) only say "something changed".
            self.pull_configuration();
        }
    }

    #[tracing::instrument(skip_all)]
    async fn hover(&self, params: HoverParams) -> Result<Option<Hover>> {
        let at = params.text_document_position_params;
        let Some(document) = self.snapshot(&at.text_document.uri) else {
            return Ok(None);
        };
        let inputs = self.inputs(&at.text_document.uri);
        let uri = &at.text_document.uri;
        guard::request("hover", || {
            // The other files are read only for a hover on a use of a name: a field's docs need none of
            // them, and with a thousand documents open that is most of a hover's cost.
            let offset = encoding::offset(&document.rope, at.position, self.encoding());
            let current = NameFile::open_at(uri.clone(), &document, &inputs, offset);
            let files = if names::on_name_use(&current.names, offset) {
                self.name_files(uri)?
            } else {
                NameFiles {
                    files: vec![current],
                    encoding: self.encoding(),
                }
            };
            hover::hover(&document, &files, at.position, &inputs)
        })
    }

    #[tracing::instrument(skip_all)]
    async fn goto_definition(
        &self,
        params: GotoDefinitionParams,
    ) -> Result<Option<GotoDefinitionResponse>> {
        let at = params.text_document_position_params;
        guard::request("definition", || {
            let files = self.name_files(&at.text_document.uri)?;
            definition::definition(&files, at.position)
        })
    }

    #[tracing::instrument(skip_all)]
    async fn references(&self, params: ReferenceParams) -> Result<Option<Vec<Location>>> {
        let at = params.text_document_position;
        let with_declaration = params.context.include_declaration;
        guard::request("references", || {
            let files = self.name_files(&at.text_document.uri)?;
            references::references(&files, at.position, with_declaration)
        })
    }

    #[tracing::instrument(skip_all)]
    async fn document_highlight(
        &self,
        params: DocumentHighlightParams,
    ) -> Result<Option<Vec<DocumentHighlight>>> {
        let at = params.text_document_position_params;
        guard::request("document highlight", || {
            let files = self.name_files(&at.text_document.uri)?;
            document_highlight::highlights(&files, at.position)
        })
    }

    #[tracing::instrument(skip_all)]
    async fn prepare_rename(
        &self,
        params: TextDocumentPositionParams,
    ) -> Result<Option<PrepareRenameResponse>> {
        guard::request("prepare rename", || {
            let Some(files) = self.name_files(&params.text_document.uri) else {
                return Ok(None);
            };
            rename::prepare_rename(&files, params.position, self.settings().locale())
        })?
    }

    #[tracing::instrument(skip_all)]
    async fn rename(&self, params: RenameParams) -> Result<Option<WorkspaceEdit>> {
        let at = params.text_document_position;
        guard::request("rename", || {
            let Some(files) = self.name_files(&at.text_document.uri) else {
                return Ok(None);
            };
            rename::rename(
                &files,
                at.position,
                &params.new_name,
                self.settings().locale(),
            )
        })?
    }

    #[tracing::instrument(skip_all)]
    async fn completion(&self, params: CompletionParams) -> Result<Option<CompletionResponse>> {
        let uri = &params.text_document_position.text_document.uri;
        let Some(document) = self.snapshot(uri) else {
            return Ok(None);
        };
        let (encoding, inputs) = (self.encoding(), self.inputs(uri));
        let support = self
            .state
            .completion_support
            .get()
            .copied()
            .unwrap_or_default();
        guard::request("completion", || {
            completion::completion(&document, &params, encoding, &inputs, support)
        })
    }

    #[tracing::instrument(skip_all)]
    async fn code_action(&self, params: CodeActionParams) -> Result<Option<CodeActionResponse>> {
        let uri = params.text_document.uri;
        let Some(document) = self.snapshot(&uri) else {
            return Ok(None);
        };
        let (encoding, inputs) = (self.encoding(), self.inputs(&uri));
        guard::request("code action", || {
            code_action::code_actions(&uri, &document, params.range, encoding, &inputs)
        })
    }

    #[tracing::instrument(skip_all)]
    async fn document_symbol(
        &self,
        params: DocumentSymbolParams,
    ) -> Result<Option<DocumentSymbolResponse>> {
        let uri = params.text_document.uri;
        let Some(document) = self.snapshot(&uri) else {
            return Ok(None);
        };
        let (encoding, support) = (self.encoding(), self.structure_support());
        let inputs = self.inputs(&uri);
        guard::request("document symbol", || {
            document_symbol::document_symbols(&uri, &document, encoding, support, &inputs)
        })
    }

    #[tracing::instrument(skip_all)]
    async fn folding_range(&self, params: FoldingRangeParams) -> Result<Option<Vec<FoldingRange>>> {
        let Some(document) = self.snapshot(&params.text_document.uri) else {
            return Ok(None);
        };
        let (encoding, support) = (self.encoding(), self.structure_support());
        let inputs = self.inputs(&params.text_document.uri);
        guard::request("folding range", || {
            folding_range::folding_ranges(&document, encoding, support, &inputs)
        })
    }

    #[tracing::instrument(skip_all)]
    async fn diagnostic(
        &self,
        params: DocumentDiagnosticParams,
    ) -> Result<DocumentDiagnosticReportResult> {
        let uri = params.text_document.uri;
        let document = self.snapshot(&uri);
        let generation = self.state.settings_generation.load(Ordering::SeqCst);
        let previous = params.previous_result_id;
        guard::request("pull diagnostics", || {
            pull_diagnostics::report(
                document.as_ref(),
                previous.as_deref(),
                generation,
                |document| self.diagnostics_of(&uri, document)(),
            )
        })
    }

    #[tracing::instrument(skip_all)]
    async fn inlay_hint(&self, params: InlayHintParams) -> Result<Option<Vec<InlayHint>>> {
        let Some(document) = self.snapshot(&params.text_document.uri) else {
            return Ok(None);
        };
        let (encoding, options) = (self.encoding(), self.settings().inlay_hints);
        let inputs = self.inputs(&params.text_document.uri);
        guard::request("inlay hint", || {
            inlay_hint::inlay_hints(&document, params.range, encoding, options, &inputs)
        })
    }

    #[tracing::instrument(skip_all)]
    async fn code_lens(&self, params: CodeLensParams) -> Result<Option<Vec<CodeLens>>> {
        let Some(document) = self.snapshot(&params.text_document.uri) else {
            return Ok(None);
        };
        let (encoding, inputs) = (self.encoding(), self.inputs(&params.text_document.uri));
        guard::request("code lens", || {
            code_lens::code_lenses(&document, encoding, &inputs)
        })
    }

    #[tracing::instrument(skip_all)]
    async fn selection_range(
        &self,
        params: SelectionRangeParams,
    ) -> Result<Option<Vec<SelectionRange>>> {
        let Some(document) = self.snapshot(&params.text_document.uri) else {
            return Ok(None);
        };
        let encoding = self.encoding();
        guard::request("selection range", || {
            Some(selection_range::selection_ranges(
                &document,
                &params.positions,
                encoding,
            ))
        })
    }
}

/// What a document is to its project: a Helm template (language id `helm`, or under a chart's
/// `templates/`), a chart's partial or NOTES.txt, a patch a kustomization lists, or a manifest.
fn file_role(uri: &Uri, language_id: &str) -> FileRole {
    let read = |path: &std::path::Path| std::fs::read_to_string(path).ok();
    match uri.to_file_path() {
        Some(path) => FileRoles::new(&read).role(&path, Some(language_id)),
        None if language_id == "helm" => FileRole::Template,
        None => FileRole::Manifest,
    }
}

/// The registration for `workspace/didChangeConfiguration`, for clients that send it only to servers that
/// ask (VS Code's languageclient without `synchronize.configurationSection`).
fn configuration_registration() -> Registration {
    Registration {
        id: "podls-did-change-configuration".to_owned(),
        method: "workspace/didChangeConfiguration".to_owned(),
        register_options: Some(Value::Object(Default::default())),
    }
}

/// Watching every `podls.toml` and `.podls.toml` of the workspace, so a change applies without a restart.
fn config_file_watcher() -> Registration {
    let watchers = crate::config::FILE_NAMES
        .iter()
        .map(|name| FileSystemWatcher {
            glob_pattern: GlobPattern::String(format!("**/{name}")),
            kind: None,
        })
        .collect();
    Registration {
        id: "podls-watch-config".to_owned(),
        method: "workspace/didChangeWatchedFiles".to_owned(),
        register_options: serde_json::to_value(DidChangeWatchedFilesRegistrationOptions {
            watchers,
        })
        .ok(),
    }
}

/// The watchers for `workspace/didChangeWatchedFiles`: a manifest created, changed or deleted outside the
/// editor changes the names other files see.
fn manifest_watcher() -> Registration {
    let options = DidChangeWatchedFilesRegistrationOptions {
        watchers: ["**/*.yaml", "**/*.yml"]
            .map(|glob| FileSystemWatcher {
                glob_pattern: GlobPattern::String(glob.to_owned()),
                kind: None,
            })
            .to_vec(),
    };
    Registration {
        id: "podls-watch-manifests".to_owned(),
        method: "workspace/didChangeWatchedFiles".to_owned(),
        register_options: serde_json::to_value(options).ok(),
    }
}
