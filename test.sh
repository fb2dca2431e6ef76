#!/usr/bin/env bash
# Runs every podls test: formatting and lints, the field table's checks (regenerated = checked in, consistent),
# the Rust tests (unit and data-driven analysis tests, end-to-end tests through the real binary, the real-world
# corpus), `cargo package` with verification (the crates stay publishable), then the editor tests in real VS Code (code-server) and Neovim. Editor dependencies are installed on
# first use (editors/install-deps.sh, cached in ~/.cache/podls-ci); set SKIP_EDITORS=1 to run only the rest.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
step() { printf '\n=== %s\n' "$*"; }

step "cargo fmt --check"
cargo fmt --all -- --check
step "cargo clippy"
cargo clippy --workspace --all-targets -- -D warnings
step "field table: schema/fields.json is what its generator writes, and consistent"
# The generator reads the pinned kubernetes-validate (.ci/run installs it). Only a local run without it may
# skip the comparison; in CI (CI=true) a missing dependency fails here.
if [ "${CI:-}" = true ] || python3 -c 'import kubernetes_validate' 2>/dev/null; then
  python3 schema/tools/gen_fields.py --check
else
  echo "SKIPPED gen_fields.py --check: kubernetes-validate is not installed here" \
    "(pip install kubernetes-validate==1.37.0, as .ci/run does)"
fi
python3 schema/tools/check_fields.py
step "cargo test"
cargo test --workspace
step "cargo package: the published crates build from their packages alone"
# Verification unpacks each .crate and builds it against the registry (podls-schema through cargo's
# temporary local registry), so a file embedded from outside its package fails here, not on crates.io.
# It builds podls a second time from the package: CI (CI=true, set by .ci/run) always runs it; locally it
# runs with PACKAGE=1.
if [ "${CI:-}" = true ] || [ "${PACKAGE:-0}" = 1 ]; then
  cargo package --allow-dirty -p podls-schema -p podls
else
  echo "SKIPPED cargo package: CI runs it (set PACKAGE=1 to run it here)"
fi
if [ "${SKIP_EDITORS:-0}" != 1 ]; then
  step "editor end-to-end tests"
  cargo build -p podls
  PODLS_BIN=$PWD/target/debug/podls
  export PODLS_BIN
  editors/install-deps.sh
  step "VS Code packages: the generic .vsix (podls from PATH) and linux-x64 with the binary inside"
  (cd editors/vscode && node scripts/package.js && node scripts/package.js --target linux-x64 "$PODLS_BIN")
  vsix_files() { python3 -m zipfile -l "$1" | awk '{print $1}'; }
  vsix_files editors/vscode/podls-linux-x64-*.vsix | grep -x 'extension/server/podls' >/dev/null
  # (`if`, not `!`: errexit ignores a negated command.)
  if vsix_files editors/vscode/podls-0.*.vsix | grep '^extension/server/'; then
    echo "the generic .vsix carries a binary" >&2
    exit 1
  fi
  editors/test.sh
fi
step "all tests passed"
