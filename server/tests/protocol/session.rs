//! What an arbitrary session is: built by `arbitrary` from the fuzzer's bytes (or from proptest's), its
//! steps drawn over a few seed manifests so that it reaches deep into the analyses.

use arbitrary::{Arbitrary, Unstructured};
use serde_json::{Value, json};

use super::model::{self, Encoding};

/// What the documents start as: Pods and workloads, block and flow, a Helm template, a kustomize patch, a
/// project file, multi-byte text.
pub(super) const SEEDS: &[&str] = &[
    "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  labels: {app: web}\nspec:\n  containers:\n    - name: app\n      image: nginx:1.25\n      ports:\n        - {containerPort: 80, name: http}\n      livenessProbe: {httpGet: {port: http}}\n      volumeMounts:\n        - {name: data, mountPath: /data}\n      resources: {limits: {cpu: 500m, memory: 1Gi}}\n  volumes:\n    - name: data\n      emptyDir: {}\n",
    "{apiVersion: v1, kind: Pod, metadata: {name: \"é😀\"}, spec: {containers: [{name: a, image: 'busybox:latest', env: [{name: X, value: \"中文\"}, {name: X}], ports: [{containerPort: 99999}]}]}}\n",
    "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  selector: {matchLabels: {app: web}}\n  template:\n    metadata: {labels: {app: other}}\n    spec:\n      restartPolicy: Nevr\n      containers:\n      - name: web\n        image: nginx\n        volumeMounts: [{name: cache, mountPath: /c}]\n---\napiVersion: batch/v1\nkind: CronJob\nmetadata: {name: nightly}\nspec:\n  schedule: \"0 3 * * *\"\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          containers: [{name: job, image: \"busybox:1\", resources: {limits: {memory: 1Gb}}}]\n",
    "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ include \"shop.fullname\" . }}\n  labels:\n    {{- include \"shop.labels\" . | nindent 4 }}\nspec:\n  {{- if .Values.replicas }}\n  replicas: {{ .Values.replicas }}\n  {{- end }}\n  template:\n    spec:\n      containers:\n        - name: web\n          image: \"{{ .Values.image }}\"\n          {{- with .Values.resources }}\n          resources:\n            {{- toYaml . | nindent 12 }}\n          {{- end }}\n",
    "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      containers:\n        - name: web\n          imagePullPolicy: Alway\n          volumeMounts:\n            - name: tmp\n              mountPath: /tmp\n",
    "kubernetes-version = \"1.30\"\nlocale = \"zh-cn\"\nexclude = [\"charts/\"]\n\n[rules]\nimage-latest = \"off\"\n\n[[pod-template]]\napiVersion = \"argoproj.io/v1alpha1\"\nkind = \"Rollout\"\npath = \"spec.template\"\n",
    "{\"apiVersion\": \"v1\", \"kind\": \"Pod\", \"metadata\": {\"name\": \"p\"}, \"spec\": {\"containers\": [{\"name\": \"c\", \"image\": \"x:1\"}]}}\r\n",
    "",
];

/// Pieces an edit inserts: line breaks of every kind, YAML punctuation, template actions, characters
/// outside the BMP (a surrogate pair in UTF-16) and the words the analyses react to.
const PIECES: &[&str] = &[
    "\n",
    "\r\n",
    "\r",
    "  ",
    "- ",
    ": ",
    "😀",
    "é",
    "中",
    "\t",
    "{",
    "}",
    "[",
    "]",
    ",",
    "\"",
    "'",
    "#",
    "---\n",
    "{{ .Values.x }}",
    "{{- end }}",
    "name: x\n",
    "    - name: b\n      image: busybox\n",
    "volumeMounts:\n",
    "port: http",
    "kind: Deployment\n",
    "\u{feff}",
    "zh-cn",
    "en",
    "off",
    "error",
    "1.30",
    "hint",
    "&a ",
    "*a",
    "<<: *a\n",
    "|\n",
    "image: nginx:latest",
];

/// The keys of arbitrary settings and JSON: podls's own, and others.
const KEYS: &[&str] = &[
    "podls",
    "settings",
    "locale",
    "rules",
    "inlayHints",
    "defaults",
    "quantities",
    "enabled",
    "kubernetesVersion",
    "image-latest",
    "unknown-field",
    "podTemplates",
    "apiVersion",
    "kind",
    "path",
    "id",
    "method",
];

/// Where each document slot is, in the session's project directory; the last has no file.
pub(super) const SLOTS: [&str; 5] = [
    "pod.yaml",
    "chart/templates/deployment.yaml",
    "overlay/patch.yaml",
    "podls.toml",
    "",
];

/// The project the documents live in: a Pod, a chart, a kustomize overlay and a `podls.toml`.
pub(super) const PROJECT: &[(&str, usize)] = &[
    ("pod.yaml", 0),
    ("chart/templates/deployment.yaml", 3),
    ("overlay/patch.yaml", 4),
    ("podls.toml", 5),
];
pub(super) const CHART: &str = "apiVersion: v2\nname: shop\nversion: 0.1.0\n";
pub(super) const KUSTOMIZATION: &str = "resources: [../pod.yaml]\npatches:\n  - path: patch.yaml\n";

/// Fixed-size parts first and the steps last, taking the rest of the bytes: a few random bytes make a
/// session of many steps.
#[derive(Arbitrary, Debug)]
pub struct Session {
    pub capabilities: Capabilities,
    /// The position encodings offered at `initialize`, in order (none: the field is left out).
    pub offered: [Option<Encoding>; 3],
    pub steps: Vec<Step>,
}

impl Session {
    /// The bytes of a session's head in [`Session::from_framed`] (more than its capabilities and encodings
    /// take).
    pub const HEAD: usize = 64;

    /// A session whose head comes from `head` and each step from one chunk of its own: what proptest's
    /// random bytes make into a session of many steps (read as one stream, as the fuzzer's are, a string's
    /// random length takes half of what is left each time).
    pub fn from_chunks(head: &[u8], chunks: &[Vec<u8>]) -> Session {
        let mut u = Unstructured::new(head);
        Session {
            capabilities: Capabilities::arbitrary(&mut u).expect("any bytes make capabilities"),
            offered: u.arbitrary().expect("any bytes make encodings"),
            steps: chunks
                .iter()
                .map(|chunk| Step::arbitrary_take_rest(Unstructured::new(chunk)).expect("a step"))
                .collect(),
        }
    }

    /// A session from the fuzzer's bytes (fuzz/fuzz_targets/protocol.rs, fuzz/regressions/protocol/): the
    /// first [`Session::HEAD`] bytes make the head, then each step is a chunk whose length is the byte before it. A
    /// mutation inside one step leaves the others as they were, and a seed is any such chunks
    /// (fuzz/seeds.py), as proptest draws them.
    pub fn from_framed(bytes: &[u8]) -> Session {
        let (head, mut rest) = bytes.split_at(bytes.len().min(Session::HEAD));
        let mut chunks = Vec::new();
        while let Some((&len, tail)) = rest.split_first() {
            let (chunk, tail) = tail.split_at((len as usize).min(tail.len()));
            chunks.push(chunk.to_vec());
            rest = tail;
        }
        Session::from_chunks(head, &chunks)
    }

    pub(super) fn offered(&self) -> Vec<Encoding> {
        self.offered.iter().flatten().copied().collect()
    }
}

#[derive(Arbitrary, Debug)]
pub struct Capabilities {
    pub pull_diagnostics: bool,
    pub pulls_configuration: bool,
    pub registers_configuration: bool,
    pub watches_files: bool,
    pub snippets: bool,
    pub hierarchical_symbols: bool,
    pub line_folding_only: bool,
    pub refreshes: bool,
    pub trace: Trace,
    pub locale: Option<Text>,
    pub initialization_options: Option<Json>,
    /// What the client answers to `workspace/configuration`.
    pub pulled: Json,
    /// Ends with `exit` alone: the server must exit with 1.
    pub exit_without_shutdown: bool,
    /// `shutdown` after this many steps (the rest are sent to a server shut down), else at the end.
    pub shutdown_after: Option<u8>,
}

#[derive(Arbitrary, Debug, Clone)]
pub enum Trace {
    Off,
    Messages,
    Verbose,
    Other(String),
}

impl Trace {
    pub(super) fn value(&self) -> Value {
        match self {
            Trace::Off => json!("off"),
            Trace::Messages => json!("messages"),
            Trace::Verbose => json!("verbose"),
            Trace::Other(other) => json!(other),
        }
    }

    pub(super) fn is_on(&self) -> bool {
        matches!(self, Trace::Messages | Trace::Verbose)
    }
}

/// Text from the seeds, the pieces, or anything.
#[derive(Arbitrary, Debug, Clone)]
pub enum Text {
    Seed(u8),
    Piece(u8),
    Pieces(Vec<u8>),
    Any(String),
}

impl Text {
    pub(super) fn get(&self) -> String {
        match self {
            Text::Seed(i) => SEEDS[*i as usize % SEEDS.len()].to_owned(),
            Text::Piece(i) => PIECES[*i as usize % PIECES.len()].to_owned(),
            Text::Pieces(list) => list
                .iter()
                .map(|i| PIECES[*i as usize % PIECES.len()])
                .collect(),
            Text::Any(text) => text.clone(),
        }
    }
}

/// Arbitrary JSON, at most 3 levels deep and 3 members wide (its `Arbitrary` is written below: derived, one
/// array could take every byte of the session).
#[derive(Debug, Clone)]
pub enum Json {
    Null,
    Bool(bool),
    Int(i64),
    Float(f64),
    Str(Text),
    Array(Vec<Json>),
    Object(Vec<(Key, Json)>),
}

#[derive(Arbitrary, Debug, Clone)]
pub enum Key {
    Known(u8),
    Any(String),
}

impl<'a> Arbitrary<'a> for Json {
    fn arbitrary(u: &mut Unstructured<'a>) -> arbitrary::Result<Self> {
        Json::nested(u, 3)
    }
}

impl Json {
    fn nested(u: &mut Unstructured<'_>, depth: u32) -> arbitrary::Result<Json> {
        let kinds = if depth == 0 { 5 } else { 7 };
        Ok(match u.choose_index(kinds)? {
            0 => Json::Null,
            1 => Json::Bool(u.arbitrary()?),
            2 => Json::Int(u.arbitrary()?),
            3 => Json::Float(u.arbitrary()?),
            4 => Json::Str(u.arbitrary()?),
            5 => {
                let n = u.int_in_range(0..=3)?;
                Json::Array(
                    (0..n)
                        .map(|_| Json::nested(u, depth - 1))
                        .collect::<Result<_, _>>()?,
                )
            }
            _ => {
                let n = u.int_in_range(0..=3)?;
                let member =
                    |u: &mut Unstructured<'_>| Ok((u.arbitrary()?, Json::nested(u, depth - 1)?));
                Json::Object(
                    (0..n)
                        .map(|_| member(u))
                        .collect::<arbitrary::Result<_>>()?,
                )
            }
        })
    }

    pub(super) fn value(&self) -> Value {
        match self {
            Json::Null => Value::Null,
            Json::Bool(b) => json!(b),
            Json::Int(i) => json!(i),
            Json::Float(f) => json!(f),
            Json::Str(text) => json!(text.get()),
            Json::Array(items) => Value::Array(items.iter().map(Json::value).collect()),
            Json::Object(members) => Value::Object(
                members
                    .iter()
                    .map(|(key, value)| {
                        let key = match key {
                            Key::Known(i) => KEYS[*i as usize % KEYS.len()].to_owned(),
                            Key::Any(key) => key.clone(),
                        };
                        (key, value.value())
                    })
                    .collect(),
            ),
        }
    }
}

/// A position near the text (its line taken modulo a little more than the line count, its character
/// likewise), or anywhere.
#[derive(Arbitrary, Debug, Clone, Copy)]
pub enum Position {
    Near(u8, u8),
    Anywhere(u32, u32),
}

impl Position {
    pub(super) fn resolve(self, text: &str, encoding: Encoding) -> (u32, u32) {
        match self {
            Position::Near(line, character) => {
                let lines = model::lines(text);
                let line = line as usize % (lines.len() + 1);
                let width = lines.get(line).map_or(0, |&(start, end)| {
                    text[start..end]
                        .chars()
                        .map(|c| encoding.width(c))
                        .sum::<usize>()
                });
                (line as u32, (character as usize % (width + 3)) as u32)
            }
            Position::Anywhere(line, character) => (line, character),
        }
    }
}

#[derive(Arbitrary, Debug, Clone)]
pub enum Edit {
    Range {
        start: Position,
        end: Position,
        text: Text,
    },
    Full(Text),
}

#[derive(Arbitrary, Debug, Clone)]
pub enum Request {
    Hover(Position),
    Completion(Position, u8),
    CodeAction(Position, Position, bool),
    Definition(Position),
    References(Position, bool),
    Highlight(Position),
    PrepareRename(Position),
    Rename(Position, Text),
    Symbols,
    Folding,
    Selection(Vec<Position>),
    InlayHints(Position, Position),
    CodeLens,
    PullDiagnostics(Option<String>),
    /// A method podls does not serve: MethodNotFound.
    Unknown,
    /// Params of the wrong shape: Invalid params, naming the param.
    BadParams,
    /// A second `initialize`: an error.
    InitializeAgain,
}

/// Frames a well-behaved client never sends.
#[derive(Arbitrary, Debug, Clone)]
pub enum Garbage {
    /// A body that is not JSON: Parse error, id null.
    NotJson(Vec<u8>),
    /// JSON that is no message (an array): Invalid Request, id null.
    NotMessage(Vec<Json>),
    /// A header line without a colon before the next frame.
    HeaderLine(Vec<u8>),
    /// A `Content-Length` that is no number, and no body.
    BadLength(Vec<u8>),
    /// An unknown notification with headers beside its length.
    ExtraHeaders,
    /// A response to a request the server never sent.
    Response(Json),
    /// A cancel of a request that does not exist.
    CancelNothing(u32),
}

#[derive(Arbitrary, Debug, Clone)]
pub enum Step {
    Open {
        slot: u8,
        text: Text,
        helm: bool,
    },
    Change {
        slot: u8,
        edits: Vec<Edit>,
    },
    Close {
        slot: u8,
    },
    Save {
        slot: u8,
    },
    Request {
        slot: u8,
        request: Request,
        cancel: bool,
    },
    Configure(Json),
    /// The project's `podls.toml` written (or deleted) on disk, and the client says it changed.
    ProjectFile(Option<Text>),
    SetTrace(Trace),
    Garbage(Garbage),
}
