//! Micro-benchmarks of what an edit costs: parsing, incremental re-parsing, applying an LSP change to the
//! document store, diagnostics, hover and completion, on multi-document Pod files of 1,000 and 10,000 lines
//! (the files of bench/run.py). `cargo bench -p podls`; compare runs to see a regression.

use divan::{Bencher, black_box};
use podls::analysis::{self, CompletionOptions, names};
use podls::lsp::{DocumentStore, PositionEncoding};
use podls::schema::Locale;
use podls::syntax::{self, TextRange};
use tower_lsp_server::ls_types::{Position, Range, TextDocumentContentChangeEvent, Uri};

fn main() {
    divan::main();
}

const LINES: &[usize] = &[1_000, 10_000];

fn pod(i: usize) -> String {
    format!(
        "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web-{i}\n  labels:\n    app: web\nspec:\n  \
         restartPolicy: Always\n  initContainers:\n    - name: migrate\n      image: migrate:1.{i}\n  \
         containers:\n    - name: app\n      image: web:2.{i}\n      imagePullPolicy: IfNotPresent\n      \
         ports:\n        - containerPort: 8080\n          protocol: TCP\n      env:\n        - name: LOG\n          \
         value: info\n      resources:\n        requests:\n          cpu: 100m\n          memory: 128Mi\n      \
         readinessProbe:\n        httpGet:\n          path: /healthz\n          port: 8080\n      volumeMounts:\n        \
         - name: config\n          mountPath: /etc/web\n  volumes:\n    - name: config\n      configMap:\n        \
         name: web\n"
    )
}

fn pods(lines: usize) -> String {
    let mut text = String::new();
    let mut i = 0;
    while text.lines().count() < lines {
        if i > 0 {
            text.push_str("---\n");
        }
        text.push_str(&pod(i));
        i += 1;
    }
    text
}

/// An offset in the middle Pod: its `imagePullPolicy` value.
fn middle(text: &str) -> usize {
    let half = text.len() / 2;
    half + text[half..].find("IfNotPresent").unwrap()
}

#[divan::bench(args = LINES)]
fn parse(bencher: Bencher, lines: usize) {
    let text = pods(lines);
    bencher.bench(|| syntax::parse(black_box(&text)));
}

#[divan::bench(args = LINES)]
fn reparse_after_one_char(bencher: Bencher, lines: usize) {
    let text = pods(lines);
    let file = syntax::parse(&text);
    let at = middle(&text);
    let mut edited = text.clone();
    edited.replace_range(at..at + 1, "X");
    bencher.bench(|| syntax::reparse(&file, black_box(&edited), TextRange::new(at, at + 1), 1));
}

#[divan::bench(args = LINES)]
fn document_store_change(bencher: Bencher, lines: usize) {
    let text = pods(lines);
    let line = text[..middle(&text)].matches('\n').count() as u32;
    let uri: Uri = "file:///bench.yaml".parse().unwrap();
    let mut store = DocumentStore::default();
    store.open(uri.clone(), text, 1);
    let mut version = 1;
    bencher.bench_local(|| {
        version += 1;
        let letter = if version % 2 == 0 { "X" } else { "I" };
        let change = TextDocumentContentChangeEvent {
            range: Some(Range::new(Position::new(line, 23), Position::new(line, 24))),
            range_length: None,
            text: letter.to_owned(),
        };
        store.change(&uri, version, vec![change], PositionEncoding::Utf16)
    });
}

#[divan::bench(args = LINES)]
fn diagnostics(bencher: Bencher, lines: usize) {
    let text = pods(lines);
    let file = syntax::parse(&text);
    let inputs = analysis::Inputs::default();
    bencher.bench(|| analysis::diagnostics(&inputs, black_box(&text), &file));
}

#[divan::bench(args = LINES)]
fn hover(bencher: Bencher, lines: usize) {
    let text = pods(lines);
    let file = syntax::parse(&text);
    let at = middle(&text) - 4;
    let inputs = analysis::Inputs::new(Locale::En);
    bencher.bench(|| analysis::hover(&inputs, &text, &file, black_box(at)));
}

#[divan::bench(args = LINES)]
fn completion(bencher: Bencher, lines: usize) {
    let text = pods(lines);
    let file = syntax::parse(&text);
    let at = middle(&text);
    bencher.bench(|| {
        analysis::completions(
            &analysis::Inputs::default(),
            &text,
            &file,
            black_box(at),
            CompletionOptions::default(),
        )
    });
}

/// The name index of every `---` document (what a name request builds for a file it has not seen, and
/// what the diagnostics build per document): divide by the file's Pods for the cost per document.
#[divan::bench(args = LINES)]
fn name_index(bencher: Bencher, lines: usize) {
    let text = pods(lines);
    let file = syntax::parse(&text);
    let templates = std::sync::Arc::from([]);
    bencher.bench(|| names::file_names(&templates, black_box(&text), &file));
}

/// The names of a file of `lines` lines, and the offset of the middle Pod's volumeMount `config`.
fn middle_volume_mount(lines: usize) -> (names::FileNames, usize) {
    let text = pods(lines);
    let file = syntax::parse(&text);
    let index = names::file_names(&std::sync::Arc::from([]), &text, &file);
    let half = text.len() / 2;
    let at = half + text[half..].find("- name: config").unwrap() + "- name: con".len();
    (index, at)
}

/// Go to definition from the middle Pod's volumeMount to its volume, the index already built (as after the
/// first request on a version): the walk over the file's names.
#[divan::bench(args = LINES)]
fn definition(bencher: Bencher, lines: usize) {
    let (index, at) = middle_volume_mount(lines);
    bencher.bench(|| {
        let workspace = names::Workspace {
            files: vec![&index],
        };
        names::definition(&workspace, black_box(at))
    });
}

/// Rename of the middle Pod's volume: its group and the edits.
#[divan::bench(args = LINES)]
fn rename(bencher: Bencher, lines: usize) {
    let (index, at) = middle_volume_mount(lines);
    bencher.bench(|| {
        let workspace = names::Workspace {
            files: vec![&index],
        };
        names::rename(&workspace, black_box(at), "settings", Locale::En)
    });
}
