#!/usr/bin/env python3
"""Checks podls's security promises with strace: a language-server session and a `podls check` run on
documents full of URLs, shell commands, host paths and file references open no network socket, execute
nothing but podls itself, and open no file except the ones given (plus the shared libraries and /proc or
/sys entries the Rust runtime reads at start-up).

Usage: bench/security.py [--podls target/release/podls]   (needs strace: apt-get install strace)
"""

import argparse
import re
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from run import Server, lsp_position  # noqa: E402

BAIT = """apiVersion: v1
kind: Pod
metadata:
  name: bait
  annotations:
    url: http://127.0.0.1:1/schema.json
    schema: https://raw.githubusercontent.com/yannh/kubernetes-json-schema/master/pod.json
# yaml-language-server: $schema=http://127.0.0.1:1/pod.json
spec:
  containers:
    - name: c
      image: busybox
      command: ["/bin/sh", "-c", "touch /tmp/podls-pwned; curl http://127.0.0.1:1/"]
      args: ["$(rm -rf /)", "`id`"]
      envFrom:
        - configMapRef:
            name: /etc/passwd
  volumes:
    - name: host
      hostPath:
        path: /etc/shadow
    - name: ref
      configMap:
        name: file:///etc/passwd
"""

ALLOWED_OPEN = re.compile(r'^"(/etc/ld\.so\.cache|/lib/|/usr/lib/|/lib64/|/proc/self/|/sys/|/proc/sys/|/dev/)')


def strace(command, output):
    return ["strace", "-f", "-qq", "-o", str(output),
            "-e", "trace=%network,execve,execveat,open,openat,openat2,creat", *command]


def check_trace(trace: Path, podls: str, given: list[str]) -> list[str]:
    problems = []
    execs = 0
    for line in trace.read_text().splitlines():
        call = re.match(r"^\d+\s+(\w+)\((.*)", line)
        if not call or "resumed" in line:
            continue
        name, args = call.groups()
        if name in ("execve", "execveat"):
            execs += 1
            if not args.startswith(f'"{podls}"'):
                problems.append(f"executes: {line}")
        elif name in ("open", "openat", "openat2", "creat"):
            path = re.search(r'"[^"]*"', args)
            path = path.group(0) if path else ""
            if not ALLOWED_OPEN.match(path) and path.strip('"') not in given:
                problems.append(f"opens: {line}")
        elif name == "socketpair" and "AF_UNIX" in args:
            pass  # the async runtime's in-process wake-up channel: no address, no peer outside podls
        else:
            # socket, connect, bind, sendto…: none are expected at all (stdio only).
            problems.append(f"network: {line}")
    if execs != 1:
        problems.append(f"{execs} execve calls (expected just podls itself)")
    return problems


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--podls", default=str(Path(__file__).resolve().parent.parent / "target/release/podls"))
    args = parser.parse_args()
    podls = str(Path(args.podls).resolve())
    failures = []
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        bait = tmp / "bait.yaml"
        bait.write_text(BAIT)

        # 1. A language-server session: open, hover and complete everywhere, edit, close.
        trace = tmp / "serve.trace"
        server = Server("podls", strace([podls, "--stdio"], trace), {"podls": {}}, cwd=str(tmp))
        server.request("initialize", {"processId": None, "rootUri": tmp.as_uri(), "capabilities": {}})
        server.notify("initialized", {})
        uri = bait.as_uri()
        server.notify("textDocument/didOpen",
                      {"textDocument": {"uri": uri, "languageId": "yaml", "version": 1, "text": BAIT}})
        server.wait_diagnostics(uri)
        for offset in range(0, len(BAIT), 7):
            at = {"textDocument": {"uri": uri}, "position": lsp_position(BAIT, offset)}
            server.request("textDocument/hover", at)
            server.request("textDocument/completion", at)
        server.request("textDocument/codeAction", {
            "textDocument": {"uri": uri},
            "range": {"start": {"line": 0, "character": 0}, "end": {"line": 30, "character": 0}},
            "context": {"diagnostics": []}})
        # A document the client never sent, by URI only: podls must not go and read it.
        server.request("textDocument/hover", {"textDocument": {"uri": "file:///etc/passwd"},
                                              "position": {"line": 0, "character": 0}})
        server.notify("textDocument/didClose", {"textDocument": {"uri": uri}})
        server.stop()
        failures += [f"serve: {p}" for p in check_trace(trace, podls, given=[])]

        # 2. `podls check` on the bait file: it reads that file and nothing else of the user's.
        trace = tmp / "check.trace"
        subprocess.run(strace([podls, "check", str(bait)], trace), capture_output=True)
        failures += [f"check: {p}" for p in check_trace(trace, podls, given=[str(bait)])]
        if Path("/tmp/podls-pwned").exists():
            failures.append("a command from the document ran (/tmp/podls-pwned exists)")

    if failures:
        print("\n".join(failures))
        sys.exit(1)
    print("ok: no network syscall, no execve but podls, no file opened but the one given "
          "(serve session and podls check)")


if __name__ == "__main__":
    main()
