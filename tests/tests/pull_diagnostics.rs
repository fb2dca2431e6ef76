//! Pull diagnostics through the real binary: a client that declares `textDocument.diagnostic` asks for
//! them and gets a report with a result id, `unchanged` when it asks again about the same text, a new
//! report after an edit or a settings change; nothing is pushed to it. A client that does not declare
//! it still gets `publishDiagnostics`.

use podls_e2e::{Client, POD};
use serde_json::{Value, json};

const URI: &str = "file:///work/pod.yaml";

fn pull(client: &mut Client, previous: Option<&str>) -> Value {
    client
        .request(
            "textDocument/diagnostic",
            json!({"textDocument": {"uri": URI}, "previousResultId": previous}),
        )
        .unwrap()
}

fn messages(report: &Value) -> Vec<String> {
    report["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            format!(
                "{} {}",
                d["code"].as_str().unwrap(),
                d["range"]["start"]["line"]
            )
        })
        .collect()
}

#[test]
fn a_pulling_client_gets_reports_with_result_ids_and_no_pushes() {
    let mut client = Client::start();
    let result =
        client.initialize(json!({"textDocument": {"diagnostic": {"dynamicRegistration": false}}}));
    assert_eq!(
        result["capabilities"]["diagnosticProvider"],
        json!({"identifier": "podls", "interFileDependencies": false, "workspaceDiagnostics": false})
    );
    let broken = POD.replace(
        "imagePullPolicy: IfNotPresent",
        "imagePullPolicy: Sometimes",
    );
    client.open(URI, &broken);
    let first = pull(&mut client, None);
    assert_eq!(first["kind"], "full");
    assert_eq!(messages(&first), ["invalid-enum 11"]);
    let id = first["resultId"].as_str().unwrap().to_owned();

    let again = pull(&mut client, Some(&id));
    assert_eq!(again, json!({"kind": "unchanged", "resultId": id}));

    client.edit(URI, "Sometimes", "Always");
    let fixed = pull(&mut client, Some(&id));
    assert_eq!(fixed["kind"], "full");
    assert!(messages(&fixed).is_empty(), "{fixed}");
    assert_ne!(fixed["resultId"], json!(id));

    // A settings change may change the messages: the same text gets a new id.
    let before = fixed["resultId"].as_str().unwrap().to_owned();
    client.notify(
        "workspace/didChangeConfiguration",
        json!({"settings": {"podls": {"locale": "zh-cn"}}}),
    );
    let after = pull(&mut client, Some(&before));
    assert_eq!(after["kind"], "full");

    // Nothing was pushed meanwhile (one more round trip, so a push would have arrived by now).
    client.hover(URI, 0, 0);
    assert_eq!(client.queued("textDocument/publishDiagnostics"), 0);
}

#[test]
fn documents_not_open_and_other_yaml_report_nothing() {
    let mut client = Client::start();
    client.initialize(json!({"textDocument": {"diagnostic": {}}}));
    let report = pull(&mut client, None);
    assert_eq!(report["kind"], "full");
    assert!(messages(&report).is_empty());
    client.open(
        URI,
        "apiVersion: v1\nkind: Service\nspec: {ports: [{port: x}]}\n",
    );
    assert!(messages(&pull(&mut client, None)).is_empty());
}

#[test]
fn a_client_without_pull_support_still_gets_pushed() {
    let mut client = Client::start();
    client.initialize(json!({}));
    client.open(URI, &POD.replace("IfNotPresent", "Sometimes"));
    let pushed = client.wait_for_diagnostics(URI);
    assert_eq!(pushed["diagnostics"][0]["code"], "invalid-enum");
}
