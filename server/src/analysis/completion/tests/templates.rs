//! Completion in Helm templates: the literal parts complete as in any manifest, inside a `{{ … }}` action
//! (closed, or still being typed) nothing is offered.

use expect_test::expect;

use super::*;

const TEMPLATE: &str = "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ include \"app.fullname\" . }}\nspec:\n  template:\n    spec:\n      containers:\n        - name: {{ .Chart.Name }}\n          image: \"{{ .Values.image.repository }}:{{ .Values.image.tag }}\"\n          resources:\n            {{- toYaml .Values.resources | nindent 12 }}\n";

#[test]
fn literal_parts_complete_as_in_any_manifest() {
    check(
        &format!("{TEMPLATE}          imagePullP$0\n"),
        expect![[r#"
            replaces "imagePullP"
            imagePullPolicy "imagePullPolicy: ${1|Always,IfNotPresent,Never|}"
        "#]],
    );
    check(
        &format!("{TEMPLATE}          imagePullPolicy: $0\n"),
        expect![[r#"
            replaces ""
            Always "Always"
            IfNotPresent "IfNotPresent"
            Never "Never"
        "#]],
    );
}

#[test]
fn nothing_inside_an_action() {
    check(
        &TEMPLATE.replace(".Values.image.tag", ".Values.im$0age.tag"),
        expect!["nothing"],
    );
    check(
        &TEMPLATE.replace("{{- toYaml", "{{$0- toYaml"),
        expect!["nothing"],
    );
    check(
        &format!("{TEMPLATE}          imagePullPolicy: {{{{ .Values.$0\n"),
        expect!["nothing"],
    );
    check(
        &format!("{TEMPLATE}          {{{{- if .Values.$0\n"),
        expect!["nothing"],
    );
}
