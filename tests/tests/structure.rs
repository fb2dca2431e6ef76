//! Outline, folding and selection ranges through the real binary: nested symbols for clients that take
//! them and flat ones for those that do not, folds in lines with the closed fold's text only where the
//! client shows it, selection chains per position — in block and flow style, several documents, and
//! positions in UTF-16 past emoji.

use podls_e2e::{Client, offset, position};
use serde_json::{Value, json};

const URI: &str = "file:///work/web.yaml";

const DEPLOYMENT: &str = "\
# the web tier
# served by nginx 😀
apiVersion: apps/v1
kind: Deployment
metadata: {name: web, labels: {tier: web}}
spec:
  template:
    spec:
      initContainers:
      - name: migrate
        image: flyway:10
      containers:
      - name: app
        image: nginx:1.27
        ports:
        - {name: http, containerPort: 8080}
      volumes:
      - name: data
        emptyDir: {}
---
{apiVersion: v1, kind: Pod, metadata: {name: one}, spec: {containers: [{name: a, image: busybox}]}}
";

fn started(capabilities: Value, text: &str) -> Client {
    let mut client = Client::start();
    client.initialize(capabilities);
    client.open(URI, text);
    client
}

/// A request about the whole document (`documentSymbol`, `foldingRange`), its answer's items mapped.
fn each(client: &mut Client, method: &str, show: impl Fn(&Value) -> String) -> Vec<String> {
    let answer = client
        .request(method, json!({"textDocument": {"uri": URI}}))
        .unwrap();
    answer.as_array().unwrap().iter().map(show).collect()
}

fn text_of(client: &Client, range: &Value) -> String {
    let text = client.text(URI);
    text[offset(text, &range["start"], client.encoding)
        ..offset(text, &range["end"], client.encoding)]
        .to_string()
}

/// Each symbol as `name <selected text>`, children indented.
fn render(client: &Client, symbols: &Value, depth: usize, out: &mut String) {
    for symbol in symbols.as_array().unwrap() {
        out.push_str(&format!(
            "{}{} <{}> kind {}\n",
            "  ".repeat(depth),
            symbol["name"].as_str().unwrap(),
            text_of(client, &symbol["selectionRange"]),
            symbol["kind"]
        ));
        if let Some(children) = symbol.get("children") {
            render(client, children, depth + 1, out);
        }
    }
}

#[test]
fn the_outline_is_a_tree_per_document() {
    let mut client = started(
        json!({"textDocument": {"documentSymbol": {"hierarchicalDocumentSymbolSupport": true}}}),
        DEPLOYMENT,
    );
    let symbols = client
        .request(
            "textDocument/documentSymbol",
            json!({"textDocument": {"uri": URI}}),
        )
        .unwrap();
    let mut out = String::new();
    render(&client, &symbols, 0, &mut out);
    assert_eq!(
        out,
        "Deployment web <web> kind 2
  init container migrate (flyway:10) <migrate> kind 9
  container app (nginx:1.27) <app> kind 5
    port http (8080/TCP) <http> kind 11
  volume data (emptyDir) <data> kind 1
Pod one <one> kind 2
  container a (busybox) <a> kind 5
"
    );
    // The object spans its document, comments aside.
    let web = &symbols[0];
    assert!(text_of(&client, &web["range"]).starts_with("apiVersion: apps/v1"));
    assert!(text_of(&client, &web["range"]).ends_with("emptyDir: {}"));
}

#[test]
fn clients_without_nested_symbols_get_a_flat_list_with_containers() {
    let mut client = started(json!({}), DEPLOYMENT);
    let flat = each(&mut client, "textDocument/documentSymbol", |s| {
        assert_eq!(s["location"]["uri"], URI);
        format!(
            "{} in {}",
            s["name"].as_str().unwrap(),
            s["containerName"].as_str().unwrap_or("-")
        )
    });
    assert_eq!(
        flat,
        [
            "Deployment web in -",
            "init container migrate (flyway:10) in Deployment web",
            "container app (nginx:1.27) in Deployment web",
            "port http (8080/TCP) in container app (nginx:1.27)",
            "volume data (emptyDir) in Deployment web",
            "Pod one in -",
            "container a (busybox) in Pod one",
        ]
    );
}

#[test]
fn folds_in_lines_with_collapsed_text_where_the_client_shows_it() {
    let capabilities = json!({"textDocument": {"foldingRange": {
        "lineFoldingOnly": true, "foldingRange": {"collapsedText": true}}}});
    let mut client = started(capabilities, DEPLOYMENT);
    let lines = each(&mut client, "textDocument/foldingRange", |f| {
        assert!(f.get("startCharacter").is_none(), "{f}");
        format!(
            "{}-{} {} {}",
            f["startLine"],
            f["endLine"],
            f["kind"].as_str().unwrap(),
            f["collapsedText"].as_str().unwrap()
        )
    });
    assert_eq!(
        lines,
        [
            "0-1 comment # the web tier … 2 lines",
            "2-18 region apiVersion: apps/v1 … 4 keys",
            "5-18 region spec: … 1 key",
            "6-18 region template: … 1 key",
            "7-18 region spec: … 3 keys",
            "8-10 region initContainers: … 1 item",
            "9-10 region - name: migrate … 2 keys",
            "11-15 region containers: … 1 item",
            "12-15 region - name: app … 3 keys",
            "14-15 region ports: … 1 item",
            "16-18 region volumes: … 1 item",
            "17-18 region - name: data … 2 keys",
        ]
    );

    // Without the capabilities: characters are given (UTF-16: the emoji is two units), no collapsed text.
    let mut client = started(json!({}), DEPLOYMENT);
    let folds = client
        .request(
            "textDocument/foldingRange",
            json!({"textDocument": {"uri": URI}}),
        )
        .unwrap();
    let comment = &folds[0];
    let utf16 = "# served by nginx 😀".encode_utf16().count();
    assert_eq!(comment["endCharacter"], json!(utf16));
    assert!(comment.get("collapsedText").is_none());
}

#[test]
fn selection_expands_from_the_cursor_per_position() {
    let mut client = started(json!({}), DEPLOYMENT);
    let at = |needle: &str, encoding| {
        let text = DEPLOYMENT;
        position(text, text.find(needle).unwrap() + 1, encoding)
    };
    let positions = json!([
        at("nginx:1.27", client.encoding),
        at("busybox", client.encoding)
    ]);
    let chains = client
        .request(
            "textDocument/selectionRange",
            json!({"textDocument": {"uri": URI}, "positions": positions}),
        )
        .unwrap();
    let chain = |mut range: &Value| {
        let mut out = Vec::new();
        while !range.is_null() {
            out.push(text_of(&client, &range["range"]));
            range = &range["parent"];
        }
        out
    };
    let block = chain(&chains[0]);
    assert_eq!(block[..2], ["nginx:1.27", "image: nginx:1.27"]);
    assert!(block[2].starts_with("name: app\n        image"));
    assert!(
        block
            .iter()
            .any(|r| r.starts_with("containers:\n      - name: app"))
    );
    let flow = chain(&chains[1]);
    assert_eq!(
        flow[..4],
        [
            "busybox",
            "image: busybox",
            "{name: a, image: busybox}",
            "[{name: a, image: busybox}]"
        ]
    );
}

#[test]
fn other_yaml_gets_no_outline_or_folds() {
    let mut client = started(
        json!({}),
        "apiVersion: v1\nkind: Service\nspec:\n  ports: []\n",
    );
    for method in ["textDocument/documentSymbol", "textDocument/foldingRange"] {
        let answer = client
            .request(method, json!({"textDocument": {"uri": URI}}))
            .unwrap();
        assert!(answer.is_null(), "{method}: {answer}");
    }
}

#[test]
fn every_advertised_provider_answers() {
    let mut client = Client::start();
    let result = client.initialize(json!({}));
    client.open(URI, DEPLOYMENT);
    let document = json!({"textDocument": {"uri": URI}});
    let at = json!({"textDocument": {"uri": URI}, "position": {"line": 13, "character": 10}});
    let requests = [
        (
            "documentSymbolProvider",
            "textDocument/documentSymbol",
            document.clone(),
        ),
        (
            "foldingRangeProvider",
            "textDocument/foldingRange",
            document.clone(),
        ),
        (
            "selectionRangeProvider",
            "textDocument/selectionRange",
            json!({"textDocument": {"uri": URI}, "positions": [at["position"]]}),
        ),
        ("hoverProvider", "textDocument/hover", at.clone()),
        (
            "inlayHintProvider",
            "textDocument/inlayHint",
            json!({"textDocument": {"uri": URI}, "range": {"start": {"line": 0, "character": 0}, "end": {"line": 30, "character": 0}}}),
        ),
        (
            "codeLensProvider",
            "textDocument/codeLens",
            document.clone(),
        ),
        (
            "diagnosticProvider",
            "textDocument/diagnostic",
            document.clone(),
        ),
    ];
    for (capability, method, params) in requests {
        assert!(
            !result["capabilities"][capability].is_null(),
            "{capability} not advertised"
        );
        assert!(client.request(method, params).is_ok(), "{method} failed");
    }
}
