//! Says which param of a request is wrong. tower-lsp-server answers bad params with serde's message alone
//! ("invalid type: integer `1`, expected struct …"), which does not say where, and the LSP params types
//! flatten their parts, so serde's own positions are lost. Here the value serde names in its message is found
//! in the params (the first such in the order serde reads them), and a missing field is placed by asking
//! serde again with the field present. Params are read from the message's already parsed value, as
//! tower-lsp-server's router reads them (`serde_json::from_value`), so the check and the router agree and a
//! good request is not printed and parsed again.

use serde::Deserialize;
use serde_json::Value;
use tower_lsp_server::ls_types::request::{self as lsp, Request};

type Check = fn(&Value) -> Result<(), serde_json::Error>;

fn check<R: Request>(params: &Value) -> Result<(), serde_json::Error> {
    R::Params::deserialize(params).map(|_| ())
}

fn entry<R: Request>() -> (&'static str, Check) {
    (R::METHOD, check::<R>)
}

/// The client→server requests whose params are checked (the standard ones: an unserved method with bad
/// params is still told which param is wrong before it is told the method is unknown).
fn checks() -> [(&'static str, Check); 28] {
    [
        entry::<lsp::Initialize>(),
        entry::<lsp::HoverRequest>(),
        entry::<lsp::Completion>(),
        entry::<lsp::ResolveCompletionItem>(),
        entry::<lsp::SignatureHelpRequest>(),
        entry::<lsp::GotoDeclaration>(),
        entry::<lsp::GotoDefinition>(),
        entry::<lsp::GotoTypeDefinition>(),
        entry::<lsp::GotoImplementation>(),
        entry::<lsp::References>(),
        entry::<lsp::DocumentHighlightRequest>(),
        entry::<lsp::DocumentSymbolRequest>(),
        entry::<lsp::WorkspaceSymbolRequest>(),
        entry::<lsp::ExecuteCommand>(),
        entry::<lsp::CodeActionRequest>(),
        entry::<lsp::CodeActionResolveRequest>(),
        entry::<lsp::CodeLensRequest>(),
        entry::<lsp::DocumentLinkRequest>(),
        entry::<lsp::Formatting>(),
        entry::<lsp::RangeFormatting>(),
        entry::<lsp::Rename>(),
        entry::<lsp::PrepareRenameRequest>(),
        entry::<lsp::FoldingRangeRequest>(),
        entry::<lsp::SelectionRangeRequest>(),
        entry::<lsp::InlayHintRequest>(),
        entry::<lsp::SemanticTokensFullRequest>(),
        entry::<lsp::DocumentDiagnosticRequest>(),
        entry::<lsp::WorkspaceDiagnosticRequest>(),
    ]
}

/// What is wrong with the params of a `method` request, naming the param; `None` when they read (or the
/// method is not a checked one).
pub fn problem(method: &str, params: Option<&Value>) -> Option<String> {
    let (_, check) = checks().into_iter().find(|(name, _)| *name == method)?;
    let params = params.unwrap_or(&Value::Null);
    let message = check(params).err()?.to_string();
    let path = locate(params, &message, check).unwrap_or_else(|| "params".to_owned());
    Some(format!("Invalid params for {method}: {path}: {message}"))
}

/// The path of the member serde's `message` is about.
fn locate(params: &Value, message: &str, check: Check) -> Option<String> {
    if let Some(field) = quoted(message, "missing field `") {
        // The object where adding the field changes serde's answer is the one that lacks it.
        return nodes(params, "params")
            .into_iter()
            .find_map(|(path, node)| {
                let Value::Object(members) = node else {
                    return None;
                };
                let mut changed = params.clone();
                let mut members = members.clone();
                members.insert(field.to_owned(), Value::Null);
                *pointer(&mut changed, &path)? = Value::Object(members);
                let now = check(&changed).err().map(|e| e.to_string());
                (!now.is_some_and(|now| now.starts_with(message))).then_some(path)
            });
    }
    if let Some(field) = quoted(message, "unknown field `") {
        return nodes(params, "params")
            .into_iter()
            .find_map(|(path, node)| node.get(field).map(|_| format!("{path}.{field}")));
    }
    let found = message
        .strip_prefix("invalid type: ")
        .or_else(|| message.strip_prefix("invalid value: "))
        .or_else(|| message.strip_prefix("unknown variant "));
    let found = found?.split(", expected").next()?;
    nodes(params, "params")
        .into_iter()
        .find(|(_, node)| is_the_found(node, found))
        .map(|(path, _)| path)
}

/// Whether `node` is what serde's message calls `found` (``integer `1` ``, ``string "a"``, `map`, …).
fn is_the_found(node: &Value, found: &str) -> bool {
    let quoted_value = quoted(found, "`");
    match node {
        Value::Null => found == "null" || found == "unit value",
        Value::Bool(b) => quoted_value == Some(if *b { "true" } else { "false" }),
        Value::Number(n) => {
            (found.starts_with("integer") || found.starts_with("floating point"))
                && quoted_value
                    .is_some_and(|q| q == n.to_string() || q.parse::<f64>().ok() == n.as_f64())
        }
        Value::String(text) => {
            found == format!("string {}", Value::String(text.clone()))
                || quoted_value == Some(text.as_str())
        }
        Value::Array(_) => found == "sequence",
        Value::Object(_) => found == "map",
    }
}

/// The text between `prefix` and the next backquote.
fn quoted<'a>(text: &'a str, prefix: &str) -> Option<&'a str> {
    let rest = &text[text.find(prefix)? + prefix.len()..];
    rest.split('`').next()
}

/// Every node of `value` with its path, parents before their members, members in order.
fn nodes<'a>(value: &'a Value, path: &str) -> Vec<(String, &'a Value)> {
    let mut all = vec![(path.to_owned(), value)];
    match value {
        Value::Object(members) => {
            for (key, member) in members {
                all.extend(nodes(member, &format!("{path}.{key}")));
            }
        }
        Value::Array(elements) => {
            for (index, element) in elements.iter().enumerate() {
                all.extend(nodes(element, &format!("{path}[{index}]")));
            }
        }
        _ => {}
    }
    all
}

/// The node at `path` (as [`nodes`] writes it) inside `value`.
fn pointer<'a>(value: &'a mut Value, path: &str) -> Option<&'a mut Value> {
    let mut pointer = String::new();
    for part in path.strip_prefix("params")?.split('.').skip(1) {
        let (key, indices) = part
            .split_once('[')
            .map_or((part, ""), |(k, rest)| (k, rest));
        pointer.push('/');
        pointer.push_str(&key.replace('~', "~0").replace('/', "~1"));
        for index in indices.split('[').filter(|i| !i.is_empty()) {
            pointer.push('/');
            pointer.push_str(index.trim_end_matches(']'));
        }
    }
    value.pointer_mut(&pointer)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn problem_of(method: &str, params: Value) -> String {
        problem(method, Some(&params)).expect("a problem")
    }

    #[test]
    fn the_wrong_member_is_named() {
        let hover = "textDocument/hover";
        let at = |position: Value| json!({"textDocument": {"uri": "file:///a.yaml"}, "position": position});
        assert_eq!(
            problem_of(
                hover,
                json!({"textDocument": 1, "position": {"line": 0, "character": 0}})
            ),
            "Invalid params for textDocument/hover: params.textDocument: invalid type: integer `1`, expected struct TextDocumentIdentifier"
        );
        assert!(
            problem_of(hover, at(json!({"line": "a", "character": 0}))).starts_with(
                "Invalid params for textDocument/hover: params.position.line: invalid type: string"
            ),
        );
        assert!(
            problem_of(hover, at(json!({"line": -1, "character": 0})))
                .contains("params.position.line: invalid value: integer `-1`"),
        );
        assert_eq!(
            problem_of(hover, json!({"textDocument": {"uri": "file:///a.yaml"}})),
            "Invalid params for textDocument/hover: params: missing field `position`"
        );
        assert!(problem_of(hover, at(json!({"line": 0}))).starts_with(
            "Invalid params for textDocument/hover: params.position: missing field `character`"
        ),);
        assert!(
            problem(hover, None)
                .unwrap()
                .starts_with("Invalid params for textDocument/hover: params: invalid type: null")
        );
        assert!(
            problem_of(hover, json!(17)).starts_with(
                "Invalid params for textDocument/hover: params: invalid type: integer"
            )
        );
    }

    #[test]
    fn elements_of_arrays_are_named() {
        let action = json!({"textDocument": {"uri": "file:///a.yaml"},
            "range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}},
            "context": {"diagnostics": [{"range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}}, "message": "m"}, {"message": 3}]}});
        assert!(
            problem_of("textDocument/codeAction", action)
                .contains("params.context.diagnostics[1].message: invalid type: integer `3`"),
        );
    }

    #[test]
    fn good_params_and_unchecked_methods_have_no_problem() {
        let at = json!({"textDocument": {"uri": "file:///a.yaml"}, "position": {"line": 0, "character": 0}});
        assert_eq!(problem("textDocument/hover", Some(&at)), None);
        assert_eq!(problem("textDocument/completion", Some(&at)), None);
        assert_eq!(problem("podls/anything", Some(&json!(1))), None);
        assert_eq!(
            problem("initialize", Some(&json!({"capabilities": {}}))),
            None
        );
    }
}
