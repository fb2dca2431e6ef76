#!/usr/bin/env python3
"""Writes a starting corpus for each fuzz target into fuzz/corpus/<target>/ from the repository's own
manifests (tests/corpus, tests/fixtures: Pods, workloads, Helm charts, kustomize) and fuzz/seeds/, each in
the byte layout of its target's input. Run from anywhere; libFuzzer then keeps its corpus there."""

import pathlib

root = pathlib.Path(__file__).resolve().parent.parent
out = root / "fuzz" / "corpus"
manifests = sorted(
    p
    for pattern in ("tests/corpus/*.yaml", "tests/fixtures/**/*.yaml", "tests/fixtures/**/*.tpl",
                    "examples/*.yaml", "fuzz/seeds/*.yaml")
    for p in root.glob(pattern)
)


def arbitrary_len(n):
    """Zero bytes that `arbitrary` reads as the length 0 of a string taken before the last one: its
    length comes from the data's end, in as many bytes as the remaining size needs."""
    return b"\0" * (1 if n <= 256 else 2 if n <= 65537 else 4)


def write(target, name, data):
    directory = out / target
    directory.mkdir(parents=True, exist_ok=True)
    (directory / name).write_bytes(data)


for i, path in enumerate(manifests):
    text = path.read_bytes()
    name = f"{i:03}-{path.name}"
    role = 1 if "templates" in path.parts else 2 if "patches" in path.parts else 0
    # parse: (role u8, a u16, b u16, at u16, insert &str, text &str), the text taking the rest.
    body = text
    write("parse", name, bytes([role]) + b"\0\x10\0\x20\0\x30" + body + arbitrary_len(len(body) + 1))
    # fix_all: (options u8, text &str).
    write("fix_all", name, bytes([role]) + text)
    write("fix_all", "unsafe-" + name, bytes([role | 4]) + text)

for path in sorted((root / "fuzz" / "seeds").glob("*.toml")):
    write("config", path.name, path.read_bytes())
