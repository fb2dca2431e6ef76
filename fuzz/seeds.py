#!/usr/bin/env python3
"""Writes a starting corpus for each fuzz target into fuzz/corpus/<target>/ from the repository's own
manifests (tests/corpus, tests/fixtures: Pods, workloads, Helm charts, kustomize) and fuzz/seeds/, each in
the byte layout of its target's input. Run from anywhere; libFuzzer then keeps its corpus there."""

import pathlib
import random

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


def size_at_end(n, total):
    """The bytes `arbitrary` reads from the end of `total` bytes as the length `n` of the first string."""
    width = 1 if total <= 256 else 2 if total <= 65537 else 4
    return n.to_bytes(width, "big")


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
    # edits: (initial String, encoding u8, edits Vec (none: one 0), probes Vec<u16> taking the rest), the
    # initial text's length from the end.
    tail = bytes([i % 3, 0]) + bytes(range(1, 33))
    total = len(text) + len(tail)
    total += 1 if total < 256 else 2 if total < 65536 else 4
    write("edits", name, text + tail + size_at_end(len(text), total))

# protocol: sessions framed as `Session::from_framed` reads them (a 64-byte head, then each step a chunk
# after its length byte), random as the proptest's; a few long ones.
rng = random.Random(16)
for i in range(48):
    steps = rng.randrange(8, 40 if i < 40 else 400)
    data = bytearray(rng.randbytes(64))
    for _ in range(steps):
        n = rng.randrange(1, 48)
        data += bytes([n]) + rng.randbytes(n)
    write("protocol", f"{i:03}-session", bytes(data))

for path in sorted((root / "fuzz" / "seeds").glob("*.toml")):
    write("config", path.name, path.read_bytes())
