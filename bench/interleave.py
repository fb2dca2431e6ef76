#!/usr/bin/env python3
"""`podls check` and the raw-parse reference run in turn, many times: the ratio of their CPU times on a shared
machine, where one run of each (bench/cli.py) can land in a busy and a quiet minute.

Usage: python3 bench/interleave.py [--runs 11] [--cpus LIST] [--podls target/release/podls] TREE

`--cpus 0` pins both to one CPU (`taskset -c`; each still starts its usual threads): the cost of the work
without what two threads on two vCPUs pay each other. On the project's VMs the two vCPUs slow each other
down (two threads use 1.6-1.9x the CPU time of one for the same work), and they slow podls, whose code and
data are larger, more than the raw parse.

Each round runs podls check then `yaml_events parse` on TREE, with bench/cli.py's commands and its `run`
(output discarded, CPU time from wait4). Prints, for CPU and wall time, the medians, the minima, their ratios
and the median of the ratios of each round's pair (the two runs of a round share the machine's state). Build
first: `cargo build --release -p podls --bin podls --example yaml_events`.
"""

import argparse
import os
import statistics
from pathlib import Path

from cli import PODLS, run, tools

NAMES = ("podls check", "read + yaml-rust2 events (reference)")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("tree", type=Path)
    parser.add_argument("--runs", type=int, default=11)
    parser.add_argument("--podls", type=Path, default=PODLS)
    parser.add_argument("--cpus", help="pin both to these CPUs, as taskset -c takes them (e.g. 0)")
    args = parser.parse_args()
    commands = tools(args.tree, args.podls)
    pin = ["taskset", "-c", args.cpus] if args.cpus else []
    times = {name: [] for name in NAMES}
    for _ in range(args.runs):
        for name in NAMES:
            result = run(pin + commands[name], timeout=600)
            times[name].append((result["cpu"], result["seconds"]))
    pinned = f", pinned to CPUs {args.cpus}" if args.cpus else ""
    print(f"{args.runs} rounds on {args.tree}{pinned}, load average before the last: {os.getloadavg()[0]:.2f}\n")
    print("| | CPU median s | CPU min s | wall median s | wall min s |")
    print("|---|---:|---:|---:|---:|")
    for name, runs in times.items():
        cpu, wall = [r[0] for r in runs], [r[1] for r in runs]
        row = [statistics.median(cpu), min(cpu), statistics.median(wall), min(wall)]
        print(f"| {name} | " + " | ".join(f"{v:.3f}" for v in row) + " |")
    print()
    podls, reference = (times[name] for name in NAMES)
    for i, label in ((0, "CPU"), (1, "wall")):
        p, r = [pair[i] for pair in podls], [pair[i] for pair in reference]
        pairs = statistics.median(a / b for a, b in zip(p, r))
        print(
            f"podls / reference, {label}: {statistics.median(p) / statistics.median(r):.2f}x of medians, "
            f"{min(p) / min(r):.2f}x of minima, {pairs:.2f}x median of the rounds' ratios (target: within 2x)"
        )


if __name__ == "__main__":
    main()
