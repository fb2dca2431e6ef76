#!/usr/bin/env bash
# The benchmark in one command: installs yaml-language-server and the Pod schema (bench/install-deps.sh),
# builds podls in release mode, and runs bench/run.py with any arguments given (e.g. --sizes 100,1000).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bench/install-deps.sh
cargo build --release -p podls
exec python3 bench/run.py "$@"
