#!/usr/bin/env python3
"""podls against yaml-language-server: the same LSP messages over stdio, as an editor sends them.

For each file size (generated multi-document files of Pods, and of workloads whose templates are the same
Pods) both servers are started fresh and measured on:
spawn → initialize response; didOpen → first diagnostics; edit → its diagnostics (paced: each edit waits for
its answer); hover latency; completion latency right after an edit; peak RSS of the process tree.
Prints a Markdown table with the ratio yaml-language-server / podls (higher is better for podls).

Then, per file kind, podls's keystroke table: completion after an edit, edit → diagnostics (a retyped digit and
a new line) and hover, p50 and p99 at each size, with the largest size's over the smallest's (issue 16's
targets: within 1.3×, and completion and hover p99 under 1 ms at every size). For that table podls's sizes
are measured side by side, one sample of each size in turn, so that the machine's drift during a run moves
every size alike; the peer's sizes one after the other.

Each file is opened in a folder of its own, the workspace the server reads in the background (so no size's
run scans the other sizes' files). Where a file has fewer places of a kind than samples asked (ten
`imagePullPolicy:` lines in 1,000 lines), places are taken again, so every size has as many samples.

Usage: bench/run.sh [--sizes 1000,10000,50000] [--files pods,workloads] [--only podls]   (run.sh installs and builds first)
"""

import argparse
import bisect
import json
import os
import platform
import queue
import random
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
DEPS = HERE / ".deps"
WORK = HERE / "results"


# --- Pod files -------------------------------------------------------------------------------------------

def pod(i: int) -> str:
    """A realistic Pod: init container, two containers with env, ports, probes, resources, volumes."""
    return f"""apiVersion: v1
kind: Pod
metadata:
  name: web-{i}
  namespace: shop
  labels:
    app: web-{i}
    tier: frontend
  annotations:
    prometheus.io/scrape: "true"
spec:
  restartPolicy: Always
  serviceAccountName: web
  nodeSelector:
    kubernetes.io/os: linux
  initContainers:
    - name: migrate
      image: registry.example.com/shop/migrate:1.4.{i % 10}
      command: ["/bin/migrate", "--to", "latest"]
      env:
        - name: DATABASE_URL
          valueFrom:
            secretKeyRef:
              name: db
              key: url
  containers:
    - name: app
      image: registry.example.com/shop/web:2.3.{i % 10}
      imagePullPolicy: IfNotPresent
      args: ["--port", "8080"]
      ports:
        - name: http
          containerPort: 8080
          protocol: TCP
      env:
        - name: LOG_LEVEL
          value: info
        - name: POD_NAME
          valueFrom:
            fieldRef:
              fieldPath: metadata.name
      resources:
        requests:
          cpu: 100m
          memory: 128Mi
        limits:
          cpu: "1"
          memory: 512Mi
      readinessProbe:
        httpGet:
          path: /healthz
          port: http
        initialDelaySeconds: 5
        periodSeconds: 10
      livenessProbe:
        tcpSocket:
          port: 8080
        failureThreshold: 3
      volumeMounts:
        - name: config
          mountPath: /etc/web
          readOnly: true
        - name: cache
          mountPath: /var/cache/web
    - name: sidecar
      image: registry.example.com/shop/proxy:0.9.{i % 10}
      ports:
        - containerPort: 9901
      resources:
        requests:
          cpu: 50m
          memory: 64Mi
  volumes:
    - name: config
      configMap:
        name: web-config
    - name: cache
      emptyDir:
        sizeLimit: 1Gi
  tolerations:
    - key: dedicated
      operator: Equal
      value: web
      effect: NoSchedule
"""


def workload(i: int) -> str:
    """The same pod as the template of a Deployment, a StatefulSet, a Job or a CronJob, in turn; the Job's
    restart their containers on failure (a Job refuses `Always`)."""
    kind = ("Deployment", "StatefulSet", "Job", "CronJob")[i % 4]
    spec = pod(i).split("\nspec:\n", 1)[1]
    if kind in ("Job", "CronJob"):
        spec = spec.replace("restartPolicy: Always", "restartPolicy: OnFailure")
    head = {"Deployment": ("apps/v1", f"  replicas: 3\n  selector:\n    matchLabels:\n      app: web-{i}\n", 2),
            "StatefulSet": ("apps/v1", f"  serviceName: web-{i}\n  replicas: 3\n  selector:\n    matchLabels:\n"
                                       f"      app: web-{i}\n", 2),
            "Job": ("batch/v1", "  backoffLimit: 2\n", 2),
            "CronJob": ("batch/v1", '  schedule: "*/15 * * * *"\n  concurrencyPolicy: Forbid\n  jobTemplate:\n'
                                    "    spec:\n", 6)}
    api_version, fields, depth = head[kind]
    pad = " " * depth
    body = "".join(pad + "  " + line + "\n" if line else "\n" for line in spec.rstrip("\n").split("\n"))
    return (f"apiVersion: {api_version}\nkind: {kind}\nmetadata:\n  name: web-{i}\n  namespace: shop\n"
            f"  labels:\n    app: web-{i}\nspec:\n{fields}{pad}template:\n{pad}  metadata:\n{pad}    labels:\n"
            f"{pad}      app: web-{i}\n{pad}      tier: frontend\n{pad}  spec:\n{body}")


def generated_file(make, lines: int) -> str:
    """Documents made by `make(i)` until the file has `lines` lines."""
    documents, total, i = [], 0, 0
    while total < lines:
        text = make(i)
        documents.append(text)
        total += text.count("\n") + 1
        i += 1
    return "---\n".join(documents)


# --- An LSP client ----------------------------------------------------------------------------------------

class Server:
    def __init__(self, name, command, settings, cwd, stderr=subprocess.DEVNULL, env=None):
        self.name, self.settings = name, settings
        self.started = time.perf_counter()
        self.proc = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=stderr, cwd=cwd, env=env)
        self.write_lock = threading.Lock()
        self.responses = {}
        self.response_ready = threading.Condition()
        self.diagnostics = queue.Queue()
        self.next_id = 1
        self.peak_rss_kib = 0
        self.alive = True
        threading.Thread(target=self._read, daemon=True).start()
        threading.Thread(target=self._sample_rss, daemon=True).start()

    def _send(self, message):
        body = json.dumps(message).encode()
        with self.write_lock:
            self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
            self.proc.stdin.flush()

    def _read(self):
        out = self.proc.stdout
        while True:
            length = None
            while True:
                line = out.readline()
                if not line:
                    self.alive = False
                    return
                line = line.strip()
                if not line:
                    break
                name, _, value = line.partition(b":")
                if name.lower() == b"content-length":
                    length = int(value)
            message = json.loads(out.read(length))
            now = time.perf_counter()
            if "method" in message and "id" in message:
                self._answer(message)
            elif "id" in message:
                with self.response_ready:
                    self.responses[message["id"]] = (now, message)
                    self.response_ready.notify_all()
            elif message.get("method") == "textDocument/publishDiagnostics":
                self.diagnostics.put((now, message["params"]))

    def _answer(self, request):
        result = None
        if request["method"] == "workspace/configuration":
            result = [self.settings.get(item.get("section"), None) for item in request["params"]["items"]]
        self._send({"jsonrpc": "2.0", "id": request["id"], "result": result})

    def _sample_rss(self):
        """Peak RSS of the server and all its descendants, sampled every 10 ms."""
        while self.alive and self.proc.poll() is None:
            self.peak_rss_kib = max(self.peak_rss_kib, tree_rss_kib(self.proc.pid))
            time.sleep(0.01)

    def request(self, method, params, timeout=600):
        """Returns (result, seconds)."""
        request_id = self.next_id
        self.next_id += 1
        sent = time.perf_counter()
        self._send({"jsonrpc": "2.0", "id": request_id, "method": method, "params": params})
        with self.response_ready:
            if not self.response_ready.wait_for(lambda: request_id in self.responses, timeout):
                raise TimeoutError(f"{self.name}: no answer to {method}")
            answered, message = self.responses.pop(request_id)
        if "error" in message:
            raise RuntimeError(f"{self.name}: {method} failed: {message['error']}")
        return message.get("result"), answered - sent

    def notify(self, method, params):
        self._send({"jsonrpc": "2.0", "method": method, "params": params})

    def drain_diagnostics(self):
        while not self.diagnostics.empty():
            self.diagnostics.get_nowait()

    def wait_diagnostics(self, uri, version=None, timeout=600):
        """The time the next diagnostics for `uri` (at `version`, when the server sends versions) arrive."""
        deadline = time.perf_counter() + timeout
        while True:
            left = deadline - time.perf_counter()
            if left <= 0:
                raise TimeoutError(f"{self.name}: no diagnostics for {uri}")
            arrived, params = self.diagnostics.get(timeout=left)
            if params["uri"] != uri:
                continue
            if version is not None and params.get("version") is not None and params["version"] != version:
                continue
            return arrived, params

    def stop(self):
        try:
            self.request("shutdown", None, timeout=10)
            self.notify("exit", None)
            self.proc.wait(timeout=10)
        except Exception:
            self.proc.kill()
        self.alive = False
        self.peak_rss_kib = max(self.peak_rss_kib, hwm_kib(self.proc.pid))


def children(pid):
    found = []
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{task}/children") as f:
                found += [int(c) for c in f.read().split()]
    except OSError:
        pass
    return found


def status_kib(pid, field):
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith(field + ":"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def tree_rss_kib(pid):
    return status_kib(pid, "VmRSS") + sum(tree_rss_kib(c) for c in children(pid))


def hwm_kib(pid):
    return status_kib(pid, "VmHWM")


# --- One run ------------------------------------------------------------------------------------------------

def percentile(samples, p):
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def lsp_position(text, offset):
    """UTF-16 position of a byte offset (the generated files are ASCII, so characters = bytes)."""
    line = text.count("\n", 0, offset)
    return {"line": line, "character": offset - (text.rfind("\n", 0, offset) + 1)}


class Positions:
    """LSP positions of byte offsets by a binary search of the line starts (the generated files are ASCII, so
    characters = bytes): what an editor's buffer knows without reading the text again."""

    def __init__(self, text):
        self.starts = [offset for offset, _ in line_starts(text)]

    def at(self, offset):
        line = bisect.bisect_right(self.starts, offset) - 1
        return {"line": line, "character": offset - self.starts[line]}


def retype(text, digits):
    """`text` with the one-character replacements `digits` (offset → character), in one pass."""
    parts, start = [], 0
    for offset in sorted(digits):
        parts += [text[start:offset], digits[offset]]
        start = offset + 1
    return "".join(parts) + text[start:]


def places(rng, candidates, count):
    """`count` places picked at random among `candidates`: each at most once while there are enough, then
    again (a 1,000-line file has ten `imagePullPolicy:` lines, and a p99 needs more than ten samples)."""
    picked = []
    while len(picked) < count:
        picked += rng.sample(candidates, min(count - len(picked), len(candidates)))
    return picked


def measure(server_name, command, settings, text, path, samples, seed):
    """The file at `path`, opened in its folder as the workspace.

    Between a keystroke's send and its answer the client does nothing; before the send it does what an
    editor does, nothing in proportion to the file: positions come from the line starts (`Positions`; every
    edit below leaves them as they were) and the retyped digits reach the client's copy of the text after
    their phase. A 2 MB copy of the text and a count of its newlines before each send would leave the server
    with caches the client has just filled, which costs the server more at 50,000 lines than at 1,000.

    A generator: it yields after each sample, so that `interleaved` can take one sample from each size's
    server in turn, and returns its result."""
    rng = random.Random(seed)
    positions = Positions(text)
    result = {}
    uri, root = path.as_uri(), path.parent
    server = Server(server_name, command, settings, cwd=str(root))
    _, _ = server.request("initialize", {
        "processId": os.getpid(),
        "rootUri": root.as_uri(),
        "capabilities": {
            "general": {"positionEncodings": ["utf-16"]},
            "workspace": {"configuration": True, "didChangeConfiguration": {"dynamicRegistration": False}},
            "textDocument": {
                "hover": {"contentFormat": ["markdown", "plaintext"]},
                "completion": {"completionItem": {"snippetSupport": True}},
                "publishDiagnostics": {"versionSupport": True},
                "synchronization": {"didSave": False},
            },
        },
    })
    result["startup"] = time.perf_counter() - server.started
    server.notify("initialized", {})
    server.notify("workspace/didChangeConfiguration", {"settings": settings})

    opened = time.perf_counter()
    server.notify("textDocument/didOpen",
                  {"textDocument": {"uri": uri, "languageId": "yaml", "version": 1, "text": text}})
    arrived, _ = server.wait_diagnostics(uri)
    result["open_diagnostics"] = arrived - opened
    time.sleep(0.3)
    server.drain_diagnostics()

    # Hover: on keys all over the file.
    keys = [i + len(line) - len(line.lstrip()) + 2 for i, line in line_starts(text)
            if line.strip().startswith(("image:", "containerPort:", "periodSeconds:", "restartPolicy:", "mountPath:"))]
    hovers = []
    for offset in places(rng, keys, samples["hover"]):
        found, seconds = server.request("textDocument/hover",
                                        {"textDocument": {"uri": uri}, "position": positions.at(offset)})
        if found is None:
            raise RuntimeError(f"{server_name}: no hover at {positions.at(offset)}")
        hovers.append(seconds)
        yield
    result["hover"] = hovers

    # Edits: retype an image tag's last digit, in a document picked at random; each waits for diagnostics.
    images = [i + len(line) - 1 for i, line in line_starts(text) if line.strip().startswith("image:")]
    version, edits, retyped = 1, [], {}
    for offset in places(rng, images, samples["edit"]):
        version += 1
        digit = str(rng.randrange(10))
        retyped[offset] = digit
        position = positions.at(offset)
        server.drain_diagnostics()
        sent = time.perf_counter()
        server.notify("textDocument/didChange", {
            "textDocument": {"uri": uri, "version": version},
            "contentChanges": [{"range": {"start": position,
                                          "end": {"line": position["line"], "character": position["character"] + 1}},
                                "text": digit}]})
        arrived, _ = server.wait_diagnostics(uri, version)
        edits.append(arrived - sent)
        yield
    result["edit_diagnostics"] = edits
    text = retype(text, retyped)

    # A new line typed in a container, then taken back: every later `---` document moves (and its diagnostics
    # with it), where retyping a digit moved nothing.
    anchors = [i + len(line) for i, line in line_starts(text) if line.strip().startswith("imagePullPolicy:")]
    inserts = []
    for offset in places(rng, anchors, samples["edit"]):
        position = positions.at(offset)
        line = text[text.rfind("\n", 0, offset) + 1:offset]
        typed = "\n" + " " * (len(line) - len(line.lstrip()))
        after = {"line": position["line"] + 1, "character": len(typed) - 1}
        for change in ({"range": {"start": position, "end": position}, "text": typed},
                       {"range": {"start": position, "end": after}, "text": ""}):
            version += 1
            server.drain_diagnostics()
            sent = time.perf_counter()
            server.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": version},
                                                     "contentChanges": [change]})
            arrived, _ = server.wait_diagnostics(uri, version)
            if change["text"]:
                inserts.append(arrived - sent)
        yield
    result["insert_diagnostics"] = inserts

    # Completion right after an edit: type a new key line in a container, ask at once, then undo.
    completions = []
    anchors = [i + len(line) for i, line in line_starts(text) if line.strip().startswith("imagePullPolicy:")]
    for offset in places(rng, anchors, samples["completion"]):
        line = text[text.rfind("\n", 0, offset) + 1:offset]
        indent = len(line) - len(line.lstrip())
        typed = "\n" + " " * indent + "re"
        version += 1
        position = positions.at(offset)
        server.drain_diagnostics()
        server.notify("textDocument/didChange", {
            "textDocument": {"uri": uri, "version": version},
            "contentChanges": [{"range": {"start": position, "end": position}, "text": typed}]})
        at = {"line": position["line"] + 1, "character": indent + 2}
        found, seconds = server.request("textDocument/completion", {
            "textDocument": {"uri": uri}, "position": at,
            "context": {"triggerKind": 1}})
        items = found.get("items", []) if isinstance(found, dict) else (found or [])
        if not any(item.get("label", "").startswith("re") for item in items):
            raise RuntimeError(f"{server_name}: completion without `resources` etc. at {at}")
        completions.append(seconds)
        version += 1
        server.notify("textDocument/didChange", {
            "textDocument": {"uri": uri, "version": version},
            "contentChanges": [{"range": {"start": position, "end": at}, "text": ""}]})
        server.wait_diagnostics(uri, version)
        yield
    result["completion"] = completions

    server.stop()
    result["peak_rss_mib"] = server.peak_rss_kib / 1024
    return result


def interleaved(runs):
    """Drives the `measure` generators in turn, one sample from each, until all have returned; their results.

    The keystroke table compares sizes, so each size's samples are taken side by side with the others' (the
    servers all open at once, each idle while another is measured) rather than one size after the other: a
    machine that gets busier or quieter during the run then moves every size alike, not the ratio."""
    results, active = [None] * len(runs), dict(enumerate(runs))
    while active:
        for index, run in list(active.items()):
            try:
                next(run)
            except StopIteration as done:
                results[index] = done.value
                del active[index]
    return results


def line_starts(text):
    offset = 0
    for line in text.split("\n"):
        yield offset, line
        offset += len(line) + 1


# --- Report -------------------------------------------------------------------------------------------------

def ms(seconds):
    return seconds * 1000


def fmt_ms(value):
    return f"{value:.3f}" if value < 1 else f"{value:.1f}" if value < 100 else f"{value:.0f}"


def rows(podls, peer):
    def one(label, key, unit, pick):
        a = pick(podls[key])
        b = pick(peer[key]) if peer else None
        ratio = f"{b / a:.0f}×" if b and a and b / a >= 10 else f"{b / a:.1f}×" if b and a else ""
        cell = fmt_ms if unit == "ms" else (lambda v: f"{v:.1f}")
        return f"| {label} | {cell(a)} | {cell(b) if b is not None else ''} | {ratio} |"

    def stat(p):
        return lambda samples: ms(percentile(samples, p))

    out = [
        one("startup (spawn → initialize), ms", "startup", "ms", ms),
        one("didOpen → diagnostics, ms", "open_diagnostics", "ms", ms),
        one("edit → diagnostics p50, ms", "edit_diagnostics", "ms", stat(50)),
        one("edit → diagnostics p95, ms", "edit_diagnostics", "ms", stat(95)),
        one("edit → diagnostics p99, ms", "edit_diagnostics", "ms", stat(99)),
        one("new line → diagnostics p50, ms", "insert_diagnostics", "ms", stat(50)),
        one("new line → diagnostics p99, ms", "insert_diagnostics", "ms", stat(99)),
        one("hover p50, ms", "hover", "ms", stat(50)),
        one("hover p95, ms", "hover", "ms", stat(95)),
        one("hover p99, ms", "hover", "ms", stat(99)),
        one("completion after an edit p50, ms", "completion", "ms", stat(50)),
        one("completion after an edit p95, ms", "completion", "ms", stat(95)),
        one("completion after an edit p99, ms", "completion", "ms", stat(99)),
        one("peak RSS of the process tree, MiB", "peak_rss_mib", "MiB", lambda v: v),
    ]
    return out


# What issue 16 asks of a keystroke: the same cost at every file size (largest / smallest within 1.3×), and
# completion and hover p99 under 1 ms at every size.
SCALING = [("completion after an edit", "completion"), ("edit → diagnostics", "edit_diagnostics"),
           ("new line → diagnostics", "insert_diagnostics"), ("hover", "hover")]
SCALING_TARGET = 1.3
P99_BUDGET_MS = {"completion": 1.0, "hover": 1.0}


def scaling(name, by_size):
    """podls's keystroke measures at each size, and the largest size's over the smallest's."""
    sizes = sorted(by_size)
    small, large = by_size[sizes[0]], by_size[sizes[-1]]
    head = " | ".join(f"{size:,} lines" for size in sizes)
    out = [f"### podls, keystroke cost by file size ({name})", "",
           f"| | {head} | {sizes[-1]:,} / {sizes[0]:,} | target |",
           "|---|" + "---:|" * (len(sizes) + 1) + "---|"]
    for label, key in SCALING:
        for p in (50, 99):
            values = [ms(percentile(by_size[size][key], p)) for size in sizes]
            ratio = ms(percentile(large[key], p)) / ms(percentile(small[key], p))
            verdicts = [f"≤ {SCALING_TARGET}×: " + ("met" if ratio <= SCALING_TARGET else "**not met**")]
            budget = P99_BUDGET_MS.get(key) if p == 99 else None
            if budget is not None:
                verdicts.append(f"< {budget:g} ms at every size: "
                                + ("met" if max(values) < budget else "**not met**"))
            cells = " | ".join(fmt_ms(v) for v in values)
            out.append(f"| {label} p{p}, ms | {cells} | {ratio:.2f}× | {'; '.join(verdicts)} |")
    return out


def machine():
    cpu = next((line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if line.startswith("model name")),
               platform.processor())
    mem = status_line("/proc/meminfo", "MemTotal")
    return f"{cpu}, {os.cpu_count()} cores, {mem} RAM, {platform.system()} {platform.release()}"


def status_line(path, field):
    for line in open(path):
        if line.startswith(field + ":"):
            kib = int(line.split()[1])
            return f"{kib / 1024 / 1024:.0f} GiB"
    return "?"


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="1000,10000,50000",
                        help="file sizes in lines; the keystroke table compares the largest to the smallest")
    parser.add_argument("--podls", default=str(ROOT / "target" / "release" / "podls"))
    parser.add_argument("--only", choices=["podls", "yaml-language-server"])
    parser.add_argument("--hover", type=int, default=200, help="hover samples per size")
    parser.add_argument("--edits", type=int, default=200, help="edits per size (of each kind), podls")
    parser.add_argument("--completions", type=int, default=200, help="completions per size, podls")
    parser.add_argument("--peer-edits", type=int, default=20, help="edits per size (of each kind), the peer "
                        "(it waits 200 ms before each validation); half of it above 10,000 lines")
    parser.add_argument("--peer-completions", type=int, default=50, help="completions per size, the peer; "
                        "half of it above 10,000 lines")
    parser.add_argument("--files", default="pods,workloads",
                        help="which generated files: pods (kind: Pod), workloads (Deployments, StatefulSets, "
                             "Jobs and CronJobs in turn)")
    args = parser.parse_args()

    WORK.mkdir(exist_ok=True)
    schema = DEPS / "pod.schema.json"
    workloads_schema = DEPS / "workloads.schema.json"
    node = DEPS / "node_modules" / "node" / "bin" / "node"
    peer = DEPS / "node_modules" / "yaml-language-server" / "bin" / "yaml-language-server"
    servers = []
    if args.only != "yaml-language-server":
        servers.append(("podls", [args.podls, "--stdio"], {"podls": {}}))
    if args.only != "podls":
        if not (schema.exists() and workloads_schema.exists() and node.exists() and peer.exists()):
            sys.exit("bench/install-deps.sh has not run")
        yaml_settings = {
            "schemas": {schema.as_uri(): ["pods-*.yaml", "**/pods-*.yaml"],
                        workloads_schema.as_uri(): ["workloads-*.yaml", "**/workloads-*.yaml"]},
            "schemaStore": {"enable": False, "url": ""},
            "kubernetesCRDStore": {"enable": False},
            "validate": True, "hover": True, "completion": True, "format": {"enable": False},
        }
        servers.append(("yaml-language-server", [str(node), str(peer), "--stdio"], {"yaml": yaml_settings}))

    version = subprocess.run([args.podls, "--version"], capture_output=True, text=True).stdout.strip()
    peer_version = json.load(open(DEPS / "node_modules" / "yaml-language-server" / "package.json"))["version"] \
        if peer.exists() else "?"
    report = [f"Machine: {machine()}",
              f"Servers: {version} (release build); yaml-language-server {peer_version} on Node "
              + (subprocess.run([str(node), "--version"], capture_output=True, text=True).stdout.strip()
                 if node.exists() else "?"),
              ""]
    makers = {"pods": (pod, "Pods"), "workloads": (workload, "workloads")}
    keystrokes = {}
    sizes = [int(size) for size in args.sizes.split(",")]
    for name in args.files.split(","):
        make, what = makers[name]
        files = {}
        for size in sizes:
            text = generated_file(make, size)
            # Each file in a folder of its own, the workspace the server scans: the same workspace at every
            # size (results/ also holds the other sizes and bench/cli.sh's 10,000 files, which podls would read
            # in the background while this is measured; bench/workspace.py measures keystrokes during such a
            # scan).
            folder = WORK / "lsp" / f"{name}-{size}"
            folder.mkdir(parents=True, exist_ok=True)
            path = folder / f"{name}-{size}.yaml"
            path.write_text(text)
            files[size] = (text, path)
        # The same samples at every size for podls (the keystroke table compares sizes); fewer paced round
        # trips for the peer on big files, where it takes seconds per validation.
        def counts_at(size):
            scale = 1 if size <= 10000 else 2
            return {"podls": {"hover": args.hover, "edit": args.edits, "completion": args.completions},
                    "yaml-language-server": {"hover": args.hover, "edit": max(5, args.peer_edits // scale),
                                             "completion": max(10, args.peer_completions // scale)}}
        samples = {size: counts_at(size) for size in sizes}
        results = {size: {} for size in sizes}
        for server_name, command, settings in servers:
            # podls: every size at once, a sample of each in turn (`interleaved`); the peer: one size after
            # the other (its table is the ratio at one size, and three of it at once would crowd two cores).
            groups = [sizes] if server_name == "podls" else [[size] for size in sizes]
            for group in groups:
                print(f"{', '.join(map(str, group))} lines of {name}: {server_name}…", file=sys.stderr, flush=True)
                done = interleaved([measure(server_name, command, settings, *files[size],
                                            samples[size][server_name], seed=size) for size in group])
                for size, result in zip(group, done):
                    results[size][server_name] = result
        for size in sizes:
            text, _ = files[size]
            lines = text.count("\n") + 1
            documents = text.count("\n---\n") + 1
            if "podls" in results[size]:
                keystrokes.setdefault(name, {})[size] = results[size]["podls"]
            counts = "; ".join(f"{server_name}: {n['hover']} hovers, {n['edit']} edits of each kind, "
                               f"{n['completion']} completions"
                               for server_name, n in samples[size].items() if server_name in results[size])
            report.append(f"### {lines:,} lines ({documents:,} {what}; {counts})")
            report.append("")
            report.append("| | podls | yaml-language-server | ratio |")
            report.append("|---|---:|---:|---:|")
            if "podls" in results[size]:
                report += rows(results[size]["podls"], results[size].get("yaml-language-server"))
            report.append("")
            print("\n".join(report[-20:]), file=sys.stderr, flush=True)
    for name, by_size in keystrokes.items():
        if len(by_size) > 1:
            report += scaling(name, by_size) + [""]
    print("\n".join(report))


if __name__ == "__main__":
    main()
