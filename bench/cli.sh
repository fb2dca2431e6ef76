#!/usr/bin/env bash
# The CLI benchmark in one command: installs kubernetes-validate and checkov from PyPI into a virtualenv in
# bench/.deps/py (once; later runs need no network), builds podls and the reference (yaml_events) in release
# mode, and runs bench/cli.py with any arguments given (e.g. --sizes 1000 --only podls,reference).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
PY=bench/.deps/py
if [ ! -x "$PY/bin/kubernetes-validate" ] || [ ! -x "$PY/bin/checkov" ]; then
  python3 -m venv "$PY"
  "$PY/bin/pip" install --quiet 'kubernetes-validate==1.37.0' 'checkov==3.3.30'
fi
cargo build --release -p podls --bin podls --example yaml_events
exec python3 bench/cli.py "$@"
