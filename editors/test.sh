#!/usr/bin/env bash
# Editor end-to-end tests: Neovim 0.11 (headless) and VS Code 1.99 (code-server + chromium), both against
# the real podls binary. Install what they need first with editors/install-deps.sh.
#   PODLS_BIN   server binary (default: target/release/podls, else target/debug/podls, from the repo root)
#   ONLY=nvim|vscode   run one of them
#   STEPS=TEXT   only the typing steps whose name holds TEXT (and not the other checks)
#   UPDATE_SCREENSHOT=1   refresh editors/vscode/images/hover.png from the VS Code run
# Artifacts (screenshots, logs, the .vsix): editors/e2e/artifacts/ (gitignored).
set -uo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)
if [ -z "${PODLS_BIN:-}" ]; then
  for p in "$ROOT/target/release/podls" "$ROOT/target/debug/podls"; do
    [ -x "$p" ] && { PODLS_BIN=$p; break; }
  done
fi
if [ -z "${PODLS_BIN:-}" ] || [ ! -x "$PODLS_BIN" ]; then
  echo "editors/test.sh: no podls binary (PODLS_BIN='${PODLS_BIN:-}'); run \`cargo build --release\` first" >&2
  exit 1
fi
PODLS_BIN=$(cd "$(dirname "$PODLS_BIN")" && pwd)/$(basename "$PODLS_BIN")
export PODLS_BIN
echo "[editors] server: $PODLS_BIN ($("$PODLS_BIN" --version 2>&1 | head -1))"

passed=0 failed=0 rc=0
run() { # name script
  local t0=$SECONDS out
  echo "[editors] === $1"
  out=$(mktemp); "$2" 2>&1 | tee "$out"; local r=${PIPESTATUS[0]}
  # each driver ends with "<editor> [part] e2e: N passed, N failed"
  local lines; lines=$(grep -E '^(nvim|vscode)( [a-z]+)? e2e: [0-9]+ passed, [0-9]+ failed' "$out")
  rm -f "$out"
  local p=0 f=0 line
  while read -r line; do
    [ -n "$line" ] || continue
    p=$((p + $(sed -E 's/.* ([0-9]+) passed.*/\1/' <<<"$line")))
    f=$((f + $(sed -E 's/.* ([0-9]+) failed.*/\1/' <<<"$line")))
  done <<<"$lines"
  passed=$((passed + p)); failed=$((failed + f))
  if [ "$r" -ne 0 ]; then
    rc=1
    [ "$f" -eq 0 ] && failed=$((failed + 1)) # died before/after counting
  fi
  echo "[editors] === $1: exit $r in $((SECONDS - t0)) s"
}
[ "${ONLY:-nvim}" = nvim ] || [ -z "${ONLY:-}" ] && run nvim "$HERE/e2e/nvim/run.sh"
[ "${ONLY:-vscode}" = vscode ] || [ -z "${ONLY:-}" ] && run vscode "$HERE/e2e/vscode/run.sh"
echo "editors: $passed passed, $failed failed"
exit $rc
