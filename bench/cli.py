#!/usr/bin/env python3
"""`podls check` against kubernetes-validate and checkov, and against the physical reference, on one tree.

Generates a tree of manifests (Pods, Deployments, StatefulSets, DaemonSets, Jobs and CronJobs, block and flow
style, one file in ten with a mistake), then checks it with each tool in turn, in one run: files/s, MB/s and
peak RSS of the process tree. The reference is `yaml_events` (server/examples/yaml_events.rs) on the same
files: reading them alone, and reading plus yaml-rust2's raw event parse, on as many threads as podls.
Prints a Markdown table per size: wall and CPU seconds, files/s, MB/s, peak RSS, how many times faster podls
is than each, and podls over read + raw parse in wall and CPU time; then podls's peak RSS by tree size.
checkov is slow (about 45 files/s, 3 GB at 10,000 files): it runs on the first --checkov-files files (labelled so in its row).

Usage: bench/cli.sh [--sizes 1000,10000] [--peers-at 10000] [--repeat 3] [--timeout 1800]
                    [--checkov-files 1000] [--only podls,kubernetes-validate,checkov,reference]
                    [--podls PATH]
(cli.sh installs the peers and builds first)
"""

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
from run import hwm_kib, tree_rss_kib  # noqa: E402  (one way to sum a process tree's RSS for both benchmarks)

DEPS = HERE / ".deps"
WORK = HERE / "results" / "cli"
PODLS = ROOT / "target" / "release" / "podls"
EVENTS = ROOT / "target" / "release" / "examples" / "yaml_events"
PY = DEPS / "py" / "bin"
KUBERNETES_VERSION = "1.37.0"  # podls's default (KubernetesVersion::DEFAULT), and kubernetes-validate's


# --- The tree ------------------------------------------------------------------------------------------------

def pod_spec(i: int) -> dict:
    """A realistic Pod spec: an init container, two containers with env, ports, probes, resources, volumes."""
    return {
        "restartPolicy": "Always",
        "serviceAccountName": "web",
        "nodeSelector": {"kubernetes.io/os": "linux"},
        "initContainers": [{
            "name": "migrate",
            "image": f"registry.example.com/shop/migrate:1.4.{i % 10}",
            "command": ["/bin/migrate", "--to", "latest"],
            "env": [{"name": "DATABASE_URL",
                     "valueFrom": {"secretKeyRef": {"name": "db", "key": "url"}}}],
        }],
        "containers": [
            {
                "name": "app",
                "image": f"registry.example.com/shop/web:2.3.{i % 10}",
                "imagePullPolicy": "IfNotPresent",
                "args": ["--port", "8080"],
                "ports": [{"name": "http", "containerPort": 8080, "protocol": "TCP"}],
                "env": [
                    {"name": "LOG_LEVEL", "value": "info"},
                    {"name": "POD_NAME", "valueFrom": {"fieldRef": {"fieldPath": "metadata.name"}}},
                ],
                "resources": {"requests": {"cpu": "100m", "memory": "128Mi"},
                              "limits": {"cpu": "500m", "memory": "256Mi"}},
                "readinessProbe": {"httpGet": {"path": "/ready", "port": "http"},
                                   "initialDelaySeconds": 5, "periodSeconds": 10},
                "livenessProbe": {"httpGet": {"path": "/health", "port": 8080},
                                  "failureThreshold": 3},
                "volumeMounts": [{"name": "config", "mountPath": "/etc/web", "readOnly": True},
                                 {"name": "cache", "mountPath": "/var/cache/web"}],
            },
            {
                "name": "metrics",
                "image": "registry.example.com/tools/exporter:0.9.1",
                "ports": [{"name": "metrics", "containerPort": 9100}],
                "resources": {"requests": {"cpu": "10m", "memory": "16Mi"}},
            },
        ],
        "volumes": [{"name": "config", "configMap": {"name": f"web-{i}"}},
                    {"name": "cache", "emptyDir": {"sizeLimit": "1Gi"}}],
        "tolerations": [{"key": "dedicated", "operator": "Equal", "value": "web", "effect": "NoSchedule"}],
    }


KINDS = ["Pod", "Deployment", "StatefulSet", "DaemonSet", "Job", "CronJob"]


def manifest(i: int) -> dict:
    """File `i`'s object: the kinds in turn, the Pod as the workload's template."""
    kind = KINDS[i % len(KINDS)]
    name = f"web-{i}"
    labels = {"app": name, "tier": "frontend"}
    metadata = {"name": name, "namespace": "shop", "labels": labels,
                "annotations": {"prometheus.io/scrape": "true"}}
    spec = pod_spec(i)
    if kind == "Pod":
        return {"apiVersion": "v1", "kind": kind, "metadata": metadata, "spec": spec}
    if kind in ("Job", "CronJob"):
        spec["restartPolicy"] = "OnFailure"
    template = {"metadata": {"labels": labels}, "spec": spec}
    if kind == "Job":
        body = {"backoffLimit": 3, "template": template}
    elif kind == "CronJob":
        body = {"schedule": "*/15 * * * *", "concurrencyPolicy": "Forbid",
                "jobTemplate": {"spec": {"backoffLimit": 3, "template": template}}}
    else:
        body = {"selector": {"matchLabels": labels}, "template": template}
        if kind != "DaemonSet":
            body["replicas"] = 3
        if kind == "StatefulSet":
            body["serviceName"] = name
    group = "batch/v1" if kind in ("Job", "CronJob") else "apps/v1"
    return {"apiVersion": group, "kind": kind, "metadata": metadata, "spec": body}


def containers_of(obj: dict) -> list:
    spec = obj["spec"]
    while "containers" not in spec:
        spec = spec.get("template", spec.get("jobTemplate", {})).get("spec")
    return spec["containers"]


# The mistakes, one file in ten, in turn: what a schema validator and podls both report, and a syntax error.
MISTAKES = ["unknown-field", "wrong-type", "missing-image", "bad-enum", "syntax"]


def with_mistake(obj: dict, mistake: str) -> dict:
    app = containers_of(obj)[0]
    if mistake == "unknown-field":
        app["imagePullPolcy"] = app.pop("imagePullPolicy")
    elif mistake == "wrong-type":
        app["ports"][0]["containerPort"] = "eighty"
    elif mistake == "missing-image":
        del app["image"]
    elif mistake == "bad-enum":
        app["ports"][0]["protocol"] = "TPC"
    return obj


SPECIAL = set("#:,[]{}&*!|>'\"%@`")


def scalar(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    plain = (value and value[0] not in SPECIAL and value[0] != "-" and not (set(value) & SPECIAL)
             and value.strip() == value and value.lower() not in ("true", "false", "null", "yes", "no", "~")
             and not value.replace(".", "", 1).isdigit())
    return value if plain else json.dumps(value)


def block(value, indent: int = 0) -> list:
    """Block style, as kubectl users write it (sequences indented under their key)."""
    pad = " " * indent
    lines = []
    if isinstance(value, dict):
        for key, item in value.items():
            if isinstance(item, (dict, list)) and item:
                lines.append(f"{pad}{scalar(key)}:")
                lines += block(item, indent + 2)
            else:
                lines.append(f"{pad}{scalar(key)}: {flow(item)}")
    else:
        for item in value:
            inner = block(item, indent + 2) if isinstance(item, (dict, list)) else [f"{pad}  {flow(item)}"]
            lines.append(f"{pad}- {inner[0].lstrip()}")
            lines += inner[1:]
    return lines


def flow(value) -> str:
    if isinstance(value, dict):
        return "{" + ", ".join(f"{scalar(k)}: {flow(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(flow(v) for v in value) + "]"
    return scalar(value)


def flow_document(obj: dict) -> list:
    """Flow style, one top-level key a line (as generated manifests and JSON-minded people write it)."""
    keys = list(obj.items())
    return ["{" + ",\n ".join(f"{scalar(k)}: {flow(v)}" for k, v in keys) + "}"]


def file_text(i: int) -> str:
    obj = manifest(i)
    mistake = MISTAKES[(i // 10) % len(MISTAKES)] if i % 10 == 9 else None
    if mistake:
        obj = with_mistake(obj, mistake)
    lines = flow_document(obj) if i % 4 == 3 else block(obj)
    text = "\n".join(lines) + "\n"
    if mistake == "syntax":
        # An unclosed flow sequence: the scanner stops there, every checker must say so.
        text = text.replace("--to", "--to, [latest", 1) if i % 4 == 3 else text.replace(
            "  restartPolicy:", "  restartPolicy: [", 1)
    return text


def generate(files: int) -> Path:
    """`files` manifests in directories of 100, as a repository holds them; reused when already there."""
    tree = WORK / f"tree-{files}"
    stamp = tree / ".complete"
    if stamp.exists():
        return tree
    shutil.rmtree(tree, ignore_errors=True)
    for i in range(files):
        path = tree / f"team-{i // 100:03}" / f"{KINDS[i % len(KINDS)].lower()}-{i}.yaml"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(file_text(i))
    stamp.write_text("")
    return tree


def tree_bytes(tree: Path) -> int:
    return sum(p.stat().st_size for p in tree.rglob("*.yaml"))


# --- Measuring -------------------------------------------------------------------------------------------------

def run(command: list, timeout: float, cwd: Path = ROOT) -> dict:
    """Runs `command` to the end, output discarded (a checker's printing is part of its work, the terminal's
    is not): wall seconds, CPU seconds (user + system of the process and the children it waited for), and
    peak RSS (the process tree sampled every 10 ms, and the root's VmHWM sampled with it: wait4's ru_maxrss
    would count the Python process forked before the exec). Past `timeout` seconds the process tree is
    stopped and the run reported as unfinished."""
    start = time.perf_counter()
    proc = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            start_new_session=True)
    peak = [0]
    done = threading.Event()

    def sample():
        while not done.is_set():
            peak[0] = max(peak[0], tree_rss_kib(proc.pid), hwm_kib(proc.pid))
            if time.perf_counter() - start > timeout:
                os.killpg(proc.pid, 9)
                break
            time.sleep(0.01)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    done.set()
    sampler.join()
    code = os.waitstatus_to_exitcode(status)
    finished = code in (0, 1)
    if not finished and seconds <= timeout:
        sys.exit(f"{' '.join(command[:3])}… failed with {code}")
    return {"seconds": seconds, "cpu": usage.ru_utime + usage.ru_stime,
            "rss_mib": peak[0] / 1024, "finished": finished}


# kubernetes-validate's own command line ends the whole run at the first file it cannot parse (its
# `resources_from_file` raises SystemExit), so on a tree with syntax mistakes it would check a few dozen files
# and stop. This runs its own per-file function (`validate_file`, strict, quiet: what `--strict --quiet` does)
# on every file in one process, and goes on past a file that does not parse, as a CI check must.
KUBERNETES_VALIDATE_EACH = """
import sys
from kubernetes_validate import utils
rc = 0
for name in sys.argv[2:]:
    try:
        rc |= utils.validate_file(name, sys.argv[1], True, True, False)
    except SystemExit as stop:
        print(stop, file=sys.stderr)
        rc = 1
sys.exit(rc)
"""


def tools(tree: Path, podls: Path = PODLS) -> dict:
    files = [str(p) for p in sorted(tree.rglob("*.yaml"))]
    return {
        "podls check": [str(podls), "check", str(tree)],
        "kubernetes-validate --strict": [str(PY / "python"), "-c", KUBERNETES_VALIDATE_EACH,
                                         KUBERNETES_VERSION, *files],
        "checkov --framework kubernetes": [str(PY / "checkov"), "-d", str(tree), "--framework",
                                           "kubernetes", "--quiet", "--compact", "--skip-download"],
        "read (reference)": [str(EVENTS), "read", str(tree)],
        "read + yaml-rust2 events (reference)": [str(EVENTS), "parse", str(tree)],
    }


PEERS = {"kubernetes-validate --strict", "checkov --framework kubernetes"}
CHECKOV = "checkov --framework kubernetes"
SHORT = {"podls check": "podls", "kubernetes-validate --strict": "kubernetes-validate",
         CHECKOV: "checkov", "read (reference)": "reference",
         "read + yaml-rust2 events (reference)": "reference"}


def measure(tree: Path, files: int, podls: Path, args, with_peers: bool, only: set) -> dict:
    """Each tool on `tree` (checkov on the first `--checkov-files` of it when fewer: the files are the same,
    file `i` of every tree is the same text), with the number of files it was given."""
    results = {}
    for name, command in tools(tree, podls).items():
        if (name in PEERS and not with_peers) or (only and SHORT[name] not in only):
            continue
        given = files
        if name == CHECKOV and 0 < args.checkov_files < files:
            given = args.checkov_files
            command = tools(generate(given), podls)[name]
        print(f"{tree.name}: {name} on {given} files…", file=sys.stderr, flush=True)
        # Peers take minutes: once. The rest: the median of `repeat` runs.
        runs = [run(command, args.timeout) for _ in range(1 if name in PEERS else args.repeat)]
        results[name] = {
            "files": given,
            "seconds": statistics.median(r["seconds"] for r in runs),
            "cpu": statistics.median(r["cpu"] for r in runs),
            "rss_mib": max(r["rss_mib"] for r in runs),
            "finished": all(r["finished"] for r in runs),
        }
        r = results[name]
        print(f"  {r['seconds']:.2f} s wall, {r['cpu']:.2f} s CPU, {r['rss_mib']:.1f} MiB"
              + ("" if r["finished"] else " (stopped at the timeout)"), file=sys.stderr, flush=True)
    return results


def table(files: int, size: int, results: dict) -> list:
    """One row per tool. Speeds are per file given (checkov may have had a subset: its row says so); the
    last column is podls's files/s over the tool's (wall time): above 1, podls is that many times faster."""
    mb_per_file = size / 1e6 / files
    podls = results.get("podls check")
    reference = results.get("read + yaml-rust2 events (reference)")
    rows = [f"### {files:,} files, {size / 1e6:.1f} MB", "",
            "| | files | wall s | CPU s | files/s | MB/s | peak RSS, MiB | podls's files/s ÷ this |",
            "|---|---:|---:|---:|---:|---:|---:|---:|"]
    for name, r in results.items():
        # A run stopped at the timeout took at least that long: its speeds are upper bounds.
        more, less = ("", "") if r["finished"] else ("> ", "< ")
        rate = r["files"] / r["seconds"]
        label = name if r["files"] == files else f"{name} (on the first {r['files']:,} files)"
        ratio = ""
        if podls and name != "podls check":
            ratio = f"{more}{podls['files'] / podls['seconds'] / rate:.2f}×"
        # A run shorter than the first 10 ms sample has no RSS measured.
        rss = f"{r['rss_mib']:.1f}" if r["rss_mib"] else "—"
        rows.append(f"| {label} | {r['files']:,} | {more}{r['seconds']:.2f} | {more}{r['cpu']:.2f} | "
                    f"{less}{rate:,.0f} | {less}{rate * mb_per_file:.1f} | {rss} | {ratio} |")
    if podls and reference:
        rows += ["", "podls / (read + raw parse), on the same threads: "
                 f"{podls['seconds'] / reference['seconds']:.2f}× wall time, "
                 f"{podls['cpu'] / reference['cpu']:.2f}× CPU time (target: within 2×)"]
    return rows


def memory(results_by_size: dict, largest: dict) -> list:
    """podls's peak RSS by tree size, beside the tree's largest file: it should follow the file, not the tree."""
    rows = []
    for files, results in sorted(results_by_size.items()):
        podls = results.get("podls check")
        if podls:
            rows.append(f"{files:,} files (largest {largest[files] / 1024:.1f} KiB): {podls['rss_mib']:.1f} MiB")
    return ["podls's peak RSS by tree size: " + "; ".join(rows)] if len(rows) > 1 else []


def machine() -> str:
    cpu = platform.machine()
    memory = ""
    try:
        cpu = next(line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if line.startswith("model name"))
        kib = next(int(line.split()[1]) for line in open("/proc/meminfo") if line.startswith("MemTotal"))
        memory = f", {kib / 1024 / 1024:.0f} GiB RAM"
    except (OSError, StopIteration):
        pass
    return f"{cpu}, {os.cpu_count()} cores{memory}, Linux {platform.release()}"


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="1000,10000", help="tree sizes in files (default 1000,10000)")
    parser.add_argument("--peers-at", default="10000",
                        help="sizes the peers run at too (they take minutes; default 10000)")
    parser.add_argument("--timeout", type=float, default=1800,
                        help="seconds after which a run is stopped and reported as unfinished (default 1800)")
    parser.add_argument("--repeat", type=int, default=3, help="runs of podls and the reference (median)")
    parser.add_argument("--checkov-files", type=int, default=1000,
                        help="checkov runs on the first N files of a larger tree (about 45 files/s and "
                             "3 GB at 10,000 files; 0: all; default 1000)")
    parser.add_argument("--podls", type=Path, default=PODLS, help="the podls binary (default: the release build)")
    parser.add_argument("--only", default="", help="comma-separated: podls,kubernetes-validate,checkov,reference")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    peers_at = {int(s) for s in args.peers_at.split(",") if s}
    only = {s for s in args.only.split(",") if s}
    for needed in (args.podls, EVENTS):
        if not needed.exists():
            sys.exit(f"{needed} is missing: run bench/cli.sh (it builds it)")
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True,
                            text=True).stdout.strip()
    podls_version = subprocess.run([str(args.podls), "--version"], capture_output=True,
                                   text=True).stdout.splitlines()[0]
    load_before = os.getloadavg()
    report = []
    by_size, largest = {}, {}
    for files in sizes:
        tree = generate(files)
        size = tree_bytes(tree)
        largest[files] = max(p.stat().st_size for p in tree.rglob("*.yaml"))
        # Warms the page cache: every tool reads the files from memory.
        subprocess.run([str(EVENTS), "read", str(tree)], stdout=subprocess.DEVNULL, check=True)
        by_size[files] = measure(tree, files, args.podls, args, files in peers_at, only)
        report += table(files, size, by_size[files]) + [""]
    report += memory(by_size, largest)
    load_after = os.getloadavg()
    header = [
        f"- Commit: {commit} ({podls_version}, release build), `bench/cli.sh {' '.join(sys.argv[1:])}`".rstrip(),
        f"- Machine: {machine()}",
        f"- Load average (1, 5, 15 min) before: {', '.join(f'{x:.2f}' for x in load_before)}; "
        f"after: {', '.join(f'{x:.2f}' for x in load_after)}",
        f"- podls and the reference on {os.cpu_count()} threads (the same pool: each thread takes the next "
        f"file), median of {args.repeat}; peers once, as they run (kubernetes-validate and checkov on one "
        "thread); CPU s is user + system time, comparable whatever the threads",
        "",
    ]
    print("\n".join(header + report))


if __name__ == "__main__":
    main()
