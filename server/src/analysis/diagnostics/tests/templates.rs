//! Diagnostics of Helm templates: what an action yields satisfies every rule, what is written literally is
//! checked as in any manifest and reported at its own line, in block and flow style.

use expect_test::expect;

use super::check;

/// A Deployment template in the style of `helm create`, with one literal mistake per case spliced in.
const DEPLOYMENT: &str = r#"apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ include "app.fullname" . }}
  labels:
    {{- include "app.labels" . | nindent 4 }}
spec:
  {{- if not .Values.autoscaling.enabled }}
  replicas: {{ .Values.replicaCount }}
  {{- else }}
  replicas: 1
  {{- end }}
  selector:
    matchLabels:
      {{- include "app.selectorLabels" . | nindent 6 }}
  template:
    metadata:
      labels:
        {{- include "app.selectorLabels" . | nindent 8 }}
    spec:
      {{- with .Values.imagePullSecrets }}
      imagePullSecrets:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      securityContext:
        {{- toYaml .Values.podSecurityContext | nindent 8 }}
      containers:
        - name: {{ .Chart.Name }}
          image: "{{ .Values.image.repository }}:{{ .Values.image.tag | default .Chart.AppVersion }}"
          imagePullPolicy: {{ .Values.image.pullPolicy }}
          ports:
            - name: http
              containerPort: {{ .Values.service.port }}
              protocol: TCP
          livenessProbe:
            httpGet:
              path: /
              port: http
          resources:
            {{- toYaml .Values.resources | nindent 12 }}
          {{- with .Values.volumeMounts }}
          volumeMounts:
            {{- toYaml . | nindent 12 }}
          {{- end }}
      {{- with .Values.volumes }}
      volumes:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      {{- with .Values.nodeSelector }}
      nodeSelector:
        {{- toYaml . | nindent 8 }}
      {{- end }}
"#;

fn with(from: &str, to: &str) -> String {
    assert!(DEPLOYMENT.contains(from), "{from}");
    DEPLOYMENT.replacen(from, to, 1)
}

#[test]
fn a_helm_create_deployment_is_clean() {
    check(DEPLOYMENT, expect![""]);
}

#[test]
fn literal_mistakes_are_found_at_their_line() {
    check(
        &with("protocol: TCP", "protocol: tcp"),
        expect![[r#"
            34:25-34:28 error[invalid-enum] spec.template.spec.containers[0].ports[0].protocol: `tcp` is not a valid `protocol`; allowed: `SCTP`, `TCP` or `UDP`; did you mean `TCP`?
        "#]],
    );
    check(
        &with("          livenessProbe:", "          livenesProbe:"),
        expect![[r#"
            35:11-35:23 error[unknown-field] spec.template.spec.containers[0].livenesProbe: unknown field `livenesProbe` in Container; did you mean `livenessProbe`?
        "#]],
    );
    check(
        &with(
            "              port: http",
            "              port: http\n            periodSeconds: \"10\"",
        ),
        expect![[r#"
            39:28-39:32 error[type-mismatch] spec.template.spec.containers[0].livenessProbe.periodSeconds: `periodSeconds` must be an integer, found a string (`"10"`)
        "#]],
    );
    check(
        &with(
            "          resources:\n            {{- toYaml .Values.resources | nindent 12 }}",
            "          resources:\n            limits:\n              memory: 512mb\n            {{- toYaml .Values.resources | nindent 12 }}",
        ),
        expect![[r#"
            41:23-41:28 error[invalid-quantity] spec.template.spec.containers[0].resources.limits.memory: `512mb` is not a valid quantity: `mb` is not a quantity suffix (suffixes are case-sensitive: `Ki`, `Mi`, `Gi`, `k`, `M`, `G`, `m`, ...); write a number with an optional suffix such as `500m`, `2`, `128Mi`, `1Gi` or `1G`
        "#]],
    );
    // A broken reference between two literal names: the probe's port and the container's ports.
    check(
        &with("              port: http", "              port: htp"),
        expect![[r#"
            38:21-38:24 warning[unresolved-reference] spec.template.spec.containers[0].livenessProbe.httpGet.port: the container declares no port named `htp` (declared: `http`): the API server accepts the Pod, but the kubelet cannot resolve the name and the probe fails at run time
        "#]],
    );
    // A real syntax error in the literal text is still one.
    check(
        &with("      securityContext:", "      securityContext"),
        expect![[r#"
            25:7-25:22 error[yaml-syntax] missing `:` after `securityContext` (a key is written `securityContext: value`, or `securityContext:` with its value below)
        "#]],
    );
}

#[test]
fn what_actions_yield_satisfies_types_enums_and_formats() {
    // `replicas` is an integer, `imagePullPolicy` an enum, `name` a DNS label, `containerPort` a port:
    // each written by an action, quoted or not, in block and in flow style.
    check(
        r#"apiVersion: v1
kind: Pod
metadata:
  name: {{ .Release.Name }}-web
  namespace: "{{ .Release.Namespace }}"
spec:
  restartPolicy: {{ .Values.restartPolicy | quote }}
  containers:
    - {name: "{{ .Chart.Name }}", image: {{ .Values.image }}, imagePullPolicy: {{ .Values.pull }}, ports: [{containerPort: {{ .Values.port }}}]}
  terminationGracePeriodSeconds: {{ .Values.grace }}
  {{ .Values.extraKey }}: {{ .Values.extraValue }}
"#,
        expect![""],
    );
}

#[test]
fn mappings_filled_by_include_or_to_yaml_are_open() {
    // The container's name and image, and a StatefulSet's serviceName and selector, come from includes:
    // nothing is missing, nothing unknown, no reference is broken.
    check(
        r#"apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: db
spec:
  {{- include "db.identity" . | nindent 2 }}
  template:
    metadata:
      labels: {{- include "db.labels" . | nindent 8 }}
    spec:
      containers:
        - {{- include "db.container" . | nindent 10 }}
          volumeMounts:
            - name: data
              mountPath: /var/lib/db
      volumes:
        {{- range .Values.volumes }}
        - name: {{ .name }}
          {{- toYaml .source | nindent 10 }}
        {{- end }}
"#,
        expect![""],
    );
}

#[test]
fn keys_of_both_branches_are_read_and_never_duplicates() {
    check(
        r#"apiVersion: batch/v1
kind: Job
metadata:
  name: migrate
spec:
  {{- if .Values.fast }}
  backoffLimit: 0
  activeDeadlineSeconds: 60
  {{- else if .Values.slow }}
  backoffLimit: 6
  {{- else }}
  backoffLimit: 3
  completionMode: Indexd
  {{- end }}
  backoffLimit: 2
  template:
    spec:
      restartPolicy: Never
      containers:
        - name: migrate
          image: migrate:1.0
"#,
        expect![[r#"
            13:19-13:25 error[invalid-enum] spec.completionMode: `Indexd` is not a valid `completionMode`; allowed: `Indexed` or `NonIndexed`; did you mean `Indexed`?
            15:3-15:15 error[duplicate-key] duplicate key `backoffLimit`: this mapping already has it; YAML forbids repeated keys and Kubernetes rejects them
        "#]],
    );
}
