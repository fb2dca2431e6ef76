#!/usr/bin/env python3
"""podls as it runs for days: many documents open in a workspace, and a long soak of edits.

Workspace: a folder of generated manifests (one per file: Pods and workloads, block and flow style), which the
server scans at `initialized` (`server/src/lsp/workspace.rs`). Measured:
- keystrokes (a new line typed in a container, completion right after, a hover, the line taken back) on one
  document while the workspace scan runs, and after it: the scan must not delay them;
- the same keystrokes with one document open, then with every one open (each edited in turn): latency must
  not change with the number of open documents;
- RSS of the server before and after opening them all: the memory of an open document.

Soak (--soak N): N edits across kinds (Pods and workloads, block and flow style, a Helm template), each
followed by a hover and a completion whose answers are checked, with a configuration reload every 5,000 edits
(didChangeConfiguration and a podls.toml change, in turn); RSS sampled every N/20 edits.

Usage: cargo build --release -p podls && bench/workspace.py [--documents 1000] [--scan-files 4000] [--soak 100000]
"""

import argparse
import json
import os
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import run  # noqa: E402  (the LSP client, file generators and table helpers of the main benchmark)

WORK = run.WORK / "workspace"


def flow_pod(i):
    """A Pod in flow style, one line per top-level field."""
    return (f'{{apiVersion: v1, kind: Pod,\n metadata: {{name: flow-{i}, labels: {{app: flow-{i}}}}},\n'
            f' spec: {{containers: [{{name: app, image: "registry.example.com/shop/web:2.3.{i % 10}",\n'
            f'   imagePullPolicy: IfNotPresent, ports: [{{containerPort: 8080}}],\n'
            f'   resources: {{limits: {{cpu: "1", memory: 512Mi}}}}}}]}}}}\n')


HELM_POD = """apiVersion: v1
kind: Pod
metadata:
  name: {{ .Release.Name }}-web
  labels:
    {{- include "chart.labels" . | nindent 4 }}
spec:
  containers:
    - name: app
      image: "{{ .Values.image.repository }}:{{ .Values.image.tag }}"
      imagePullPolicy: IfNotPresent
      {{- if .Values.resources }}
      resources:
        {{- toYaml .Values.resources | nindent 8 }}
      {{- end }}
"""


def manifest(i):
    """The i-th file of the workspace: Pods and workloads in block style, a flow-style Pod every fifth."""
    if i % 5 == 4:
        return flow_pod(i)
    return run.pod(i) if i % 2 == 0 else run.workload(i)


def make_workspace(documents, scan_files):
    shutil.rmtree(WORK, ignore_errors=True)
    (WORK / "open").mkdir(parents=True)
    (WORK / "closed").mkdir()
    opened = []
    for i in range(documents):
        path = WORK / "open" / f"manifest-{i:05}.yaml"
        path.write_text(manifest(i))
        opened.append(path)
    for i in range(scan_files):
        (WORK / "closed" / f"manifest-{i:05}.yaml").write_text(manifest(documents + i))
    return opened


class LoggingServer(run.Server):
    """The benchmark's client, also reading the server's log (stderr) to see when the workspace scan ends."""

    def __init__(self, command, cwd):
        self.scan_done = None
        super().__init__("podls", command, {"podls": {}}, cwd, stderr=subprocess.PIPE,
                         env=dict(os.environ, PODLS_LOG="info"))
        threading.Thread(target=self._read_log, daemon=True).start()

    def _read_log(self):
        for line in self.proc.stderr:
            if b"workspace scan:" in line and self.scan_done is None:
                self.scan_done = time.perf_counter()


def initialize(server, root):
    server.request("initialize", {
        "processId": os.getpid(),
        "rootUri": root.as_uri(),
        "workspaceFolders": [{"uri": root.as_uri(), "name": "workspace"}],
        "capabilities": {
            "general": {"positionEncodings": ["utf-16"]},
            "workspace": {"configuration": False, "didChangeWatchedFiles": {"dynamicRegistration": False}},
            "textDocument": {"publishDiagnostics": {"versionSupport": True},
                             "completion": {"completionItem": {"snippetSupport": True}}},
        },
    })
    server.notify("initialized", {})


class Document:
    """An open document as the client keeps it (its text and version)."""

    def __init__(self, server, path, text, language="yaml"):
        self.server, self.uri, self.text, self.version = server, path.as_uri(), text, 1
        server.notify("textDocument/didOpen", {"textDocument": {
            "uri": self.uri, "languageId": language, "version": 1, "text": text}})

    def change(self, start, end, new):
        """Replaces text[start:end] with `new`; returns the version."""
        self.version += 1
        range_ = {"start": run.lsp_position(self.text, start), "end": run.lsp_position(self.text, end)}
        self.text = self.text[:start] + new + self.text[end:]
        self.server.notify("textDocument/didChange", {
            "textDocument": {"uri": self.uri, "version": self.version},
            "contentChanges": [{"range": range_, "text": new}]})
        return self.version

    def request(self, method, offset, **extra):
        return self.server.request(method, dict({"textDocument": {"uri": self.uri},
                                                 "position": run.lsp_position(self.text, offset)}, **extra))


def keystroke(document, anchor="image:", expect_completion="imagePullPolicy", expect_hover="image"):
    """A new line typed after the line holding `anchor`, completion at once (checked), a hover on the
    anchor's key (checked), the line taken back; returns (completion s, hover s)."""
    key = document.text.index(anchor)
    end = document.text.index("\n", key)
    line_start = document.text.rfind("\n", 0, key) + 1
    indent = " " * (key - line_start)
    document.change(end, end, "\n" + indent + "i")
    found, completion = document.request("textDocument/completion", end + 1 + len(indent) + 1,
                                         context={"triggerKind": 1})
    items = found.get("items", []) if isinstance(found, dict) else (found or [])
    if not any(item.get("label") == expect_completion for item in items):
        raise RuntimeError(f"no `{expect_completion}` completing in {document.uri}")
    hovered, hover = document.request("textDocument/hover", key + 1)
    if not hovered or expect_hover not in json.dumps(hovered):
        raise RuntimeError(f"no hover on `{anchor}` in {document.uri}: {hovered}")
    version = document.change(end, end + 1 + len(indent) + 1, "")
    document.server.wait_diagnostics(document.uri, version)
    return completion, hover


def rss_kib(server):
    return run.status_kib(server.proc.pid, "VmRSS")


def p(samples, q):
    return run.fmt_ms(run.ms(run.percentile(samples, q)))


def many_documents(binary, documents, scan_files, rounds):
    opened = make_workspace(documents, scan_files)
    server = LoggingServer([binary, "--stdio"], cwd=str(WORK))
    started = time.perf_counter()
    initialize(server, WORK)
    first = Document(server, opened[0], opened[0].read_text())
    server.wait_diagnostics(first.uri)

    # Keystrokes while the scan runs, then after it.
    during, after = ([], []), ([], [])
    while server.scan_done is None and time.perf_counter() - started < 120:
        for samples, value in zip(during, keystroke(first)):
            samples.append(value)
    scan_seconds = (server.scan_done or time.perf_counter()) - started
    time.sleep(0.5)
    for _ in range(rounds):
        for samples, value in zip(after, keystroke(first)):
            samples.append(value)
    rss_one = rss_kib(server)

    # Every document open, then each edited in turn.
    others = []
    for path in opened[1:]:
        others.append(Document(server, path, path.read_text()))
        server.wait_diagnostics(others[-1].uri)
    time.sleep(0.5)
    rss_all = rss_kib(server)
    many = ([], [])
    for document in [first] + others:
        for samples, value in zip(many, keystroke(document)):
            samples.append(value)
    server.stop()

    files = documents + scan_files
    out = [f"### {documents:,} documents open, a workspace of {files:,} manifests", "",
           f"Workspace scan: {scan_seconds * 1000:.0f} ms from `initialize` to its log line "
           f"({len(during[0])} keystrokes during it).", "",
           "| | during the scan | after it, 1 document open | "
           f"{documents:,} documents open, each edited | {documents:,} open / 1 open |",
           "|---|---:|---:|---:|---:|"]
    for label, index in (("completion after an edit", 0), ("hover", 1)):
        for q in (50, 99):
            ratio = run.percentile(many[index], q) / run.percentile(after[index], q)
            out.append(f"| {label} p{q}, ms | {p(during[index], q) if during[index] else '–'} | "
                       f"{p(after[index], q)} | {p(many[index], q)} | {ratio:.2f}× |")
    per_document = (rss_all - rss_one) / max(1, documents - 1)
    out += ["", "| RSS | KiB |", "|---|---:|",
            f"| server, 1 document open (workspace scanned) | {rss_one:,} |",
            f"| server, {documents:,} documents open | {rss_all:,} |",
            f"| per open document (average file {sum(len(d.text) for d in others) // max(1, len(others)):,} bytes) "
            f"| {per_document:,.1f} |"]
    return out


def soak(binary, edits):
    """Edits across kinds with reloads; returns the table lines. Raises on a wrong answer."""
    root = WORK / "soak"
    shutil.rmtree(root, ignore_errors=True)
    (root / "chart" / "templates").mkdir(parents=True)
    (root / "chart" / "Chart.yaml").write_text("apiVersion: v2\nname: chart\nversion: 0.1.0\n")
    config = root / "podls.toml"
    config.write_text("")
    server = LoggingServer([binary, "--stdio"], cwd=str(root))
    initialize(server, root)
    files = [("pods.yaml", "---\n".join(run.pod(i) for i in range(3)), "yaml", "image:", "imagePullPolicy", "image"),
             ("workloads.yaml", "---\n".join(run.workload(i) for i in range(4)), "yaml", "image:",
              "imagePullPolicy", "image"),
             ("flow.yaml", flow_pod(0) + "---\n" + flow_pod(1), "yaml", "imagePullPolicy:", "livenessProbe",
              "imagePullPolicy"),
             ("chart/templates/pod.yaml", HELM_POD, "helm", "image:", "livenessProbe", "image")]
    documents = []
    for name, text, language, *expect in files:
        (root / name).write_text(text)
        documents.append((Document(server, root / name, text, language), expect))
        server.wait_diagnostics(documents[-1][0].uri)
    samples, reloads = [], 0
    started = time.perf_counter()
    step = max(1, edits // 20)
    for i in range(1, edits + 1):
        document, (anchor, completion, hover) = documents[i % len(documents)]
        if i % 2:
            keystroke(document, anchor, completion, hover)
        else:
            # Retype a character of the anchor's line: the document's diagnostics change and come back.
            at = document.text.index(anchor) + len(anchor) + 1
            document.change(at, at, "x")
            version = document.change(at, at + 1, "")
            server.wait_diagnostics(document.uri, version)
        if i % 5000 == 0:
            reloads += 1
            if reloads % 2:
                locale = "zh-cn" if reloads % 4 == 1 else "en"
                server.notify("workspace/didChangeConfiguration", {"settings": {"podls": {"locale": locale}}})
            else:
                config.write_text("[rules]\n" if reloads % 4 == 2 else "")
                server.notify("workspace/didChangeWatchedFiles",
                              {"changes": [{"uri": config.as_uri(), "type": 2}]})
        if i % step == 0:
            samples.append((i, time.perf_counter() - started, rss_kib(server),
                            run.status_kib(server.proc.pid, "VmHWM")))
            print(f"soak: {i:,} edits, RSS {samples[-1][2]:,} KiB", file=sys.stderr, flush=True)
    server.stop()
    warm = samples[0][2]
    out = [f"### Soak: {edits:,} edits across kinds, {reloads} configuration reloads", "",
           "| edits | seconds | RSS, KiB | VmHWM, KiB | RSS − first sample, KiB |", "|---:|---:|---:|---:|---:|"]
    out += [f"| {i:,} | {seconds:.0f} | {rss:,} | {hwm:,} | {rss - warm:+,} |" for i, seconds, rss, hwm in samples]
    return out


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--podls", default=str(run.ROOT / "target" / "release" / "podls"))
    parser.add_argument("--documents", type=int, default=1000, help="documents opened (and files of the workspace)")
    parser.add_argument("--scan-files", type=int, default=4000, help="more files in the workspace, never opened")
    parser.add_argument("--rounds", type=int, default=200, help="keystrokes with one document open")
    parser.add_argument("--soak", type=int, default=0, help="edits of the soak (0: no soak)")
    args = parser.parse_args()
    version = subprocess.run([args.podls, "--version"], capture_output=True, text=True).stdout.split("\n")[0]
    report = [f"Machine: {run.machine()}", f"Server: {version} (release build)", ""]
    if args.documents:
        report += many_documents(args.podls, args.documents, args.scan_files, args.rounds) + [""]
    if args.soak:
        report += soak(args.podls, args.soak) + [""]
    print("\n".join(report))


if __name__ == "__main__":
    main()
