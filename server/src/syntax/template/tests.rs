//! The masked tree of Helm templates: what is literal stays at its offset, what an action yields is
//! `unknown`, and the shape of a printing action's output follows its neighbours.

use expect_test::{Expect, expect};

use crate::syntax::parse;
use crate::syntax::tests::dump;

fn check(text: &str, expect: Expect) {
    expect.assert_eq(&dump(text));
}

#[test]
fn values_and_keys_written_by_actions_are_unknown() {
    check(
        r#"metadata:
  name: {{ include "app.fullname" . }}
  labels:
    {{ $k }}: {{ $v | quote }}
spec:
  replicas: {{ .Values.replicaCount }}
  image: "{{ .Values.image.repository }}:{{ .Values.image.tag }}"
  tag: v-{{ .Chart.Version }}
  pull: IfNotPresent
"#,
        expect![[r#"
            document "metadata:\n  name: {{ include \"app.fullname\" . }}\n  labels:\n    {{ $k }}: {{ $v | quote }}\nspec:\n  replicas: {{ .Values.replicaCount }}\n  image: \"{{ .Values.image.repository }}:{{ .Values.image.tag }}\"\n  tag: v-{{ .Chart.Version }}\n  pull: IfNotPresent\n"
              mapping "metadata:\n  name: {{ include \"app.fullname\" . }}\n  labels:\n    {{ $k }}: {{ $v | quote }}\nspec:\n  replicas: {{ .Values.replicaCount }}\n  image: \"{{ .Values.image.repository }}:{{ .Values.image.tag }}\"\n  tag: v-{{ .Chart.Version }}\n  pull: IfNotPresent"
                "metadata" "metadata"
                  mapping "name: {{ include \"app.fullname\" . }}\n  labels:\n    {{ $k }}: {{ $v | quote }}"
                    "name" "name"
                      unknown "{{ include \"app.fullname\" . }}"
                    "labels" "labels"
                      mapping "{{ $k }}: {{ $v | quote }}"
                        unknown "{{ $k }}"
                          unknown "{{ $v | quote }}"
                "spec" "spec"
                  mapping "replicas: {{ .Values.replicaCount }}\n  image: \"{{ .Values.image.repository }}:{{ .Values.image.tag }}\"\n  tag: v-{{ .Chart.Version }}\n  pull: IfNotPresent"
                    "replicas" "replicas"
                      unknown "{{ .Values.replicaCount }}"
                    "image" "image"
                      unknown "\"{{ .Values.image.repository }}:{{ .Values.image.tag }}\""
                    "tag" "tag"
                      unknown "v-{{ .Chart.Version }}"
                    "pull" "pull"
                      "IfNotPresent" "IfNotPresent"
        "#]],
    );
}

#[test]
fn lines_of_control_actions_are_blank_and_printing_lines_take_their_neighbours_shape() {
    check(
        r#"spec:
  {{- if .Values.enabled }}
  replicas: 1
  {{- else }}
  replicas: 2
  {{- end }}
  labels:
    {{- include "app.labels" . | nindent 4 }}
    tier: web
  resources:
    {{- toYaml .Values.resources | nindent 4 }}
  env:
    - name: A
{{ toYaml .Values.env | indent 4 }}
  {{- with .Values.tolerations }}
  tolerations:
{{ toYaml . | indent 2 }}
  {{- end }}
"#,
        expect![[r#"
            document "spec:\n  {{- if .Values.enabled }}\n  replicas: 1\n  {{- else }}\n  replicas: 2\n  {{- end }}\n  labels:\n    {{- include \"app.labels\" . | nindent 4 }}\n    tier: web\n  resources:\n    {{- toYaml .Values.resources | nindent 4 }}\n  env:\n    - name: A\n{{ toYaml .Values.env | indent 4 }}\n  {{- with .Values.tolerations }}\n  tolerations:\n{{ toYaml . | indent 2 }}\n  {{- end }}\n"
              mapping "spec:\n  {{- if .Values.enabled }}\n  replicas: 1\n  {{- else }}\n  replicas: 2\n  {{- end }}\n  labels:\n    {{- include \"app.labels\" . | nindent 4 }}\n    tier: web\n  resources:\n    {{- toYaml .Values.resources | nindent 4 }}\n  env:\n    - name: A\n{{ toYaml .Values.env | indent 4 }}\n  {{- with .Values.tolerations }}\n  tolerations:\n{{ toYaml . | indent 2 }}"
                "spec" "spec"
                  mapping "replicas: 1\n  {{- else }}\n  replicas: 2\n  {{- end }}\n  labels:\n    {{- include \"app.labels\" . | nindent 4 }}\n    tier: web\n  resources:\n    {{- toYaml .Values.resources | nindent 4 }}\n  env:\n    - name: A\n{{ toYaml .Values.env | indent 4 }}\n  {{- with .Values.tolerations }}\n  tolerations:\n{{ toYaml . | indent 2 }}"
                    "replicas" "replicas"
                      "1" "1"
                    "replicas" "replicas"
                      "2" "2"
                    "labels" "labels"
                      mapping "{{- include \"app.labels\" . | nindent 4 }}\n    tier: web"
                        unknown "{{- include \"app.labels\" . | nindent 4 }"
                          unknown ""
                        "tier" "tier"
                          "web" "web"
                    "resources" "resources"
                      unknown "{{- toYaml .Values.resources | nindent 4 }}"
                    "env" "env"
                      sequence "- name: A\n{{ toYaml .Values.env | indent 4 }}"
                        mapping "name: A"
                          "name" "name"
                            "A" "A"
                        unknown "aml .Values.env | indent 4 }}"
                    "tolerations" "tolerations"
                      sequence " toYaml . | indent 2 }}"
                        unknown "oYaml . | indent 2 }}"
        "#]],
    );
}

#[test]
fn define_bodies_are_no_content_and_real_syntax_errors_stay() {
    check(
        r#"{{- define "app.name" -}}
{{ .Chart.Name | trunc 63 }}: [
{{- end }}
a: {{ .x }}
b: [
"#,
        expect![[r#"
            document "{{- define \"app.name\" -}}\n{{ .Chart.Name | trunc 63 }}: [\n{{- end }}\na: {{ .x }}\nb: [\n"
              mapping "a: {{ .x }}\nb: [\n"
                "a" "a"
                  unknown "{{ .x }}"
                "b" "b"
                  sequence flow "[\n"
              error "[" this `[` is never closed: add `]` after its last entry
        "#]],
    );
}

#[test]
fn branches_of_an_if_are_exclusive() {
    let text = "{{ if .a }}\nx: 1\n{{ else if .b }}\nx: 2\n{{ else }}\nx: 3\n{{ end }}\nx: 4\n";
    let file = parse(text);
    let doc = &file.documents[0];
    let at = |n: usize| text.match_indices("x:").nth(n).unwrap().0;
    assert!(doc.exclusive(at(0), at(1)));
    assert!(doc.exclusive(at(1), at(2)));
    assert!(!doc.exclusive(at(0), at(3)));
    assert!(!doc.exclusive(at(3), at(3)));
    assert!(doc.in_template_action(text.find(".b").unwrap()));
    assert!(!doc.in_template_action(at(0)));
}

#[test]
fn a_syntax_error_quotes_the_action_not_its_placeholder() {
    let text =
        "spec:\n  containers:\n  - name: {{ .Values.name }}\n    image {{ .Values.image }}\n";
    let file = parse(text);
    let error = &file.documents[0].errors[0];
    let message = error.message.render(crate::messages::Locale::En);
    assert!(message.contains("`image {{ .Values.image }}`"), "{message}");
    assert!(!message.contains("xxx"), "{message}");
}

/// Found by the `parse` fuzz target: a `define` inside another made two hidden pieces that overlap, and
/// masking sliced backwards (a panic) on the line after the inner one's end.
#[test]
fn a_define_inside_a_define_is_hidden_with_it() {
    for text in [
        "{{define}}{{define}}{{end}}\n{{end}}}",
        "{{- define \"a\" }}\n{{- define \"b\" }}\nx: 1\n{{- end }}\ny: 2\n{{- end }}\nkind: Pod\n",
    ] {
        let file = parse(text);
        assert_eq!(file.documents.len(), 1, "{text:?}");
    }
    check(
        "{{- define \"a\" }}\n{{- define \"b\" }}\nx: 1\n{{- end }}\n{{- end }}\nkind: Pod\n",
        expect![[r#"
            document "{{- define \"a\" }}\n{{- define \"b\" }}\nx: 1\n{{- end }}\n{{- end }}\nkind: Pod\n"
              mapping "kind: Pod"
                "kind" "kind"
                  "Pod" "Pod"
        "#]],
    );
}

/// Found by the `fix_all` fuzz target: a string left open before an action that runs over several lines
/// was "repaired" by a quote at the end of the first line, checked on the masked text; in the template that
/// quote is inside the action, masked again, and `--fix` inserted it on every pass.
#[test]
fn no_repair_edits_inside_an_action() {
    for text in [
        "metadata:\n  name: \"{{ include \"x\"\n    . }}\nspec: {}\n",
        "a: \"{{ .x\n }}\n",
        "a: [{{ .x\n }}\nb: 1\n",
    ] {
        let file = parse(text);
        let doc = &file.documents[0];
        let template = doc.template.as_ref().expect("a template");
        assert!(!doc.errors.is_empty(), "{text:?}");
        for error in &doc.errors {
            for repair in &error.repairs {
                for (range, _) in &repair.edits {
                    assert!(!template.edits_action(*range), "{text:?}: {repair:?}");
                }
            }
        }
    }
}
