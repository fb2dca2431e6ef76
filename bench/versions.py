#!/usr/bin/env python3
"""The target Kubernetes version costs nothing: the same LSP session against a release podls with
`podls.kubernetesVersion` unset, 1.25 and 1.37, timing didOpen → diagnostics, hovers and completions on a
multi-document file of Pods with the fields whose answer depends on the version (a sidecar, a stop signal,
a resize policy, a numeric toleration).

Usage: python3 bench/versions.py [path/to/podls] [--docs 500] [--rounds 200]
(`cargo build --release` first; the CLI side is `podls check tests/corpus --kubernetes-version V`, timed
in the report with `time`.)
"""

import argparse
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

POD = """apiVersion: v1
kind: Pod
metadata:
  name: web-{i}
spec:
  os: {{name: linux}}
  initContainers:
  - name: proxy
    image: envoy:1.30
    restartPolicy: Always
  containers:
  - name: app
    image: nginx:1.27
    resizePolicy: [{{resourceName: cpu, restartPolicy: NotRequired}}]
    lifecycle:
      stopSignal: SIGUSR1
    env:
    - name: MODE
      value: fast
  tolerations:
  - {{key: gpus, operator: Gt, value: "3"}}
"""


class Server:
    def __init__(self, binary, options):
        self.proc = subprocess.Popen([binary, "--stdio"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=subprocess.DEVNULL)
        self.next_id = 1
        self.request("initialize", {"processId": None, "rootUri": None, "capabilities": {},
                                    "initializationOptions": options})
        self.notify("initialized", {})

    def send(self, message):
        body = json.dumps(message).encode()
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.proc.stdin.flush()

    def read(self):
        length = 0
        while True:
            line = self.proc.stdout.readline()
            if line in (b"\r\n", b""):
                break
            if line.lower().startswith(b"content-length:"):
                length = int(line.split(b":")[1])
        return json.loads(self.proc.stdout.read(length))

    def notify(self, method, params):
        self.send({"jsonrpc": "2.0", "method": method, "params": params})

    def request(self, method, params):
        rid = self.next_id
        self.next_id += 1
        self.send({"jsonrpc": "2.0", "id": rid, "method": method, "params": params})
        while True:
            message = self.read()
            if message.get("id") == rid and "method" not in message:
                return message.get("result")

    def wait_for(self, method):
        while True:
            message = self.read()
            if message.get("method") == method:
                return message["params"]

    def close(self):
        self.request("shutdown", None)
        self.notify("exit", None)
        self.proc.wait(timeout=10)


def session(binary, version, docs, rounds):
    options = {"podls": {"kubernetesVersion": version}} if version else {}
    server = Server(binary, options)
    text = "---\n".join(POD.format(i=i) for i in range(docs))
    lines = text.split("\n")
    uri = "file:///tmp/podls-bench-versions.yaml"
    start = time.perf_counter()
    server.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "yaml", "version": 1,
                                                            "text": text}})
    diagnostics = server.wait_for("textDocument/publishDiagnostics")
    open_ms = (time.perf_counter() - start) * 1000
    stop_lines = [i for i, line in enumerate(lines) if "stopSignal" in line]
    hover, completion = [], []
    for n in range(rounds):
        line = stop_lines[n % len(stop_lines)]
        at = {"textDocument": {"uri": uri}, "position": {"line": line, "character": 8}}
        t = time.perf_counter()
        server.request("textDocument/hover", at)
        hover.append((time.perf_counter() - t) * 1000)
        # The keys of the `lifecycle` mapping: where `stopSignal` is offered or not.
        at = {"textDocument": {"uri": uri}, "position": {"line": line, "character": 6}}
        t = time.perf_counter()
        server.request("textDocument/completion", at)
        completion.append((time.perf_counter() - t) * 1000)
    server.close()
    return open_ms, len(diagnostics["diagnostics"]), hover, completion


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("binary", nargs="?", default=str(ROOT / "target" / "release" / "podls"))
    parser.add_argument("--docs", type=int, default=500)
    parser.add_argument("--rounds", type=int, default=200)
    args = parser.parse_args()
    print("| podls.kubernetesVersion | didOpen → diagnostics | diagnostics | hover median / p95 | "
          "completion median / p95 |")
    print("|---|---|---|---|---|")
    for version in [None, "1.25", "1.37"]:
        open_ms, found, hover, completion = session(args.binary, version, args.docs, args.rounds)
        p95 = lambda xs: sorted(xs)[int(len(xs) * 0.95)]
        print("| %s | %.0f ms | %d | %.2f / %.2f ms | %.2f / %.2f ms |" % (
            version or "(unset: 1.37)", open_ms, found, statistics.median(hover), p95(hover),
            statistics.median(completion), p95(completion)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
