#!/usr/bin/env python3
"""Latency of podls's structure requests on the benchmark's generated files (the same Pods and workloads as
run.py): documentSymbol, foldingRange, selectionRange, inlayHint (the whole file and a 60-line window, as an
editor asks for what it shows), codeLens, and pull diagnostics (textDocument/diagnostic: the first report,
one after an edit, and `unchanged` when nothing changed). podls only: the peer answers none of these for
Kubernetes YAML in the same terms. Prints a Markdown table of p50/p95/max in ms per size.

Usage: bench/structure.py [--sizes 1000,10000] [--files pods,workloads] [--podls target/release/podls]
"""

import argparse
import os
import random
import sys

from run import ROOT, WORK, Server, generated_file, lsp_position, percentile, pod, workload


def timings(server, method, params_list):
    out = []
    for params in params_list:
        _, seconds = server.request(method, params)
        out.append(seconds * 1000)
    return out


def measure(podls, text, uri, samples, seed):
    rng = random.Random(seed)
    server = Server("podls", [podls, "--stdio"], {"podls": {}}, cwd=str(WORK))
    server.request("initialize", {
        "processId": os.getpid(), "rootUri": WORK.as_uri(),
        "capabilities": {"textDocument": {
            "documentSymbol": {"hierarchicalDocumentSymbolSupport": True},
            "foldingRange": {"lineFoldingOnly": True, "foldingRange": {"collapsedText": True}},
            "diagnostic": {"dynamicRegistration": False},
        }},
    })
    server.notify("initialized", {})
    server.notify("textDocument/didOpen",
                  {"textDocument": {"uri": uri, "languageId": "yaml", "version": 1, "text": text}})
    doc = {"textDocument": {"uri": uri}}
    lines = text.count("\n") + 1
    rows = {}
    first, seconds = server.request("textDocument/diagnostic", doc)
    rows["diagnostic (pull, after open)"] = [seconds * 1000]
    result_id = first["resultId"]
    rows["diagnostic (pull, unchanged)"] = timings(
        server, "textDocument/diagnostic",
        [{**doc, "previousResultId": result_id}] * samples)
    # An edit in one document, then a pull: only that `---` document is analysed again.
    edits = []
    images = [i for i in range(len(text)) if text.startswith("image: ", i)]
    version = 1
    # From the end backwards, so that each insertion leaves the offsets before it as they were.
    for offset in sorted(rng.sample(images, min(samples, len(images))), reverse=True):
        version += 1
        start = lsp_position(text, offset + 7)
        server.notify("textDocument/didChange", {
            "textDocument": {"uri": uri, "version": version},
            "contentChanges": [{"range": {"start": start, "end": start}, "text": "x"}]})
        edits += timings(server, "textDocument/diagnostic", [doc])
        text = text[:offset + 7] + "x" + text[offset + 7:]
    rows["diagnostic (pull, after an edit)"] = edits
    rows["documentSymbol"] = timings(server, "textDocument/documentSymbol", [doc] * samples)
    rows["foldingRange"] = timings(server, "textDocument/foldingRange", [doc] * samples)
    offsets = rng.sample(range(len(text)), samples)
    rows["selectionRange"] = timings(server, "textDocument/selectionRange", [
        {**doc, "positions": [lsp_position(text, o)]} for o in offsets])
    whole = {"start": {"line": 0, "character": 0}, "end": {"line": lines, "character": 0}}
    rows["inlayHint (whole file)"] = timings(server, "textDocument/inlayHint", [{**doc, "range": whole}] * samples)
    windows = []
    for _ in range(samples):
        top = rng.randrange(max(1, lines - 60))
        windows.append({**doc, "range": {"start": {"line": top, "character": 0},
                                         "end": {"line": top + 60, "character": 0}}})
    rows["inlayHint (60-line window)"] = timings(server, "textDocument/inlayHint", windows)
    rows["codeLens"] = timings(server, "textDocument/codeLens", [doc] * samples)
    server.stop()
    return rows


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="1000,10000")
    parser.add_argument("--files", default="pods,workloads")
    parser.add_argument("--podls", default=str(ROOT / "target" / "release" / "podls"))
    parser.add_argument("--samples", type=int, default=50)
    args = parser.parse_args()
    WORK.mkdir(exist_ok=True)
    makers = {"pods": pod, "workloads": workload}
    out = ["| file | request | p50 ms | p95 ms | max ms |", "|---|---|---:|---:|---:|"]
    for name in args.files.split(","):
        for size in [int(s) for s in args.sizes.split(",")]:
            text = generated_file(makers[name], size)
            path = WORK / f"structure-{name}-{size}.yaml"
            path.write_text(text)
            print(f"{size} lines of {name}…", file=sys.stderr, flush=True)
            for request, ms in measure(args.podls, text, path.as_uri(), args.samples, seed=size).items():
                out.append(f"| {name} {text.count(chr(10)) + 1:,} lines | {request} | "
                           f"{percentile(ms, 50):.2f} | {percentile(ms, 95):.2f} | {max(ms):.2f} |")
    print("\n".join(out))


if __name__ == "__main__":
    main()
