#!/usr/bin/env bash
# Runs every podls test: formatting and lints, the Rust tests (unit and data-driven analysis tests, end-to-end
# tests through the real binary, the real-world corpus), then the editor tests in real VS Code (code-server)
# and Neovim. Editor dependencies are installed on first use (editors/install-deps.sh, cached in
# ~/.cache/podls-ci); set SKIP_EDITORS=1 to run only the Rust tests.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
step() { printf '\n=== %s\n' "$*"; }

step "cargo fmt --check"
cargo fmt --all -- --check
step "cargo clippy"
cargo clippy --workspace --all-targets -- -D warnings
step "cargo test"
cargo test --workspace
if [ "${SKIP_EDITORS:-0}" != 1 ]; then
  step "editor end-to-end tests"
  cargo build -p podls
  PODLS_BIN=$PWD/target/debug/podls
  export PODLS_BIN
  editors/install-deps.sh
  editors/test.sh
fi
step "all tests passed"
