#!/usr/bin/env bash
# VS Code e2e: package editors/vscode into a .vsix, install it into a fresh code-server profile, start
# code-server on 127.0.0.1, drive it with e2e.js, stop it by pid. Needs ../../install-deps.sh first.
# env: PODLS_BIN (the server binary, required), PODLS_CI_CACHE (default ~/.cache/podls-ci),
#      UPDATE_SCREENSHOT=1 copies the hover screenshot to editors/vscode/images/hover.png.
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
EDITORS=$(cd "$HERE/../.." && pwd)
CACHE=${PODLS_CI_CACHE:-$HOME/.cache/podls-ci}
CS=$CACHE/cs/node_modules/.bin/code-server
: "${PODLS_BIN:?set PODLS_BIN to the podls binary}"
ART=${ARTIFACTS:-$EDITORS/e2e/artifacts}/vscode
[ -x "$CS" ] || { echo "code-server not found at $CS: run editors/install-deps.sh" >&2; exit 1; }
[ -d "$EDITORS/vscode/node_modules" ] || { echo "editors/vscode/node_modules missing: run editors/install-deps.sh" >&2; exit 1; }
rm -rf "$ART"; mkdir -p "$ART"

# 1. typecheck, then package the extension exactly as a release would (vscode:prepublish bundles with esbuild)
(cd "$EDITORS/vscode" && npx --no-install tsc --noEmit -p .) || { echo "editors/vscode: tsc failed" >&2; exit 1; }
VSIX=$ART/podls.vsix
(cd "$EDITORS/vscode" && npx --no-install vsce package \
  --out "$VSIX" >"$ART/vsce.log" 2>&1) || { cat "$ART/vsce.log"; echo "vsce package failed" >&2; exit 1; }
echo "[vscode] packaged $(du -h "$VSIX" | cut -f1) $VSIX"

# 2. fresh profile, everything VS Code writes stays under $R
R=$(mktemp -d "${TMPDIR:-/tmp}/podls-vscode-e2e.XXXXXX")
export XDG_CONFIG_HOME=$R/xdg XDG_DATA_HOME=$R/xdg-data XDG_CACHE_HOME=$R/xdg-cache
mkdir -p "$R/ud/User" "$R/ext" "$R/tmp"
# a copy of the fixtures: the test types into pod.yaml and must never change the repo
WS=$R/workspace; cp -r "$EDITORS/e2e/workspace" "$WS"
"$CS" --user-data-dir "$R/ud" --extensions-dir "$R/ext" --install-extension "$VSIX" --force >"$ART/install.log" 2>&1 \
  || { cat "$ART/install.log"; exit 1; }
export TMPDIR=$R/tmp   # VS Code drops its ipc sockets there
cat > "$R/ud/User/settings.json" <<JSON
{
  "podls.server.path": "$PODLS_BIN",
  "podls.trace.server": "verbose",
  "editor.wordBasedSuggestions": "off",
  "editor.hover.delay": 200,
  "editor.hover.above": false,
  "security.workspace.trust.enabled": false,
  "git.enabled": false,
  "workbench.startupEditor": "none",
  "workbench.tips.enabled": false,
  "workbench.enableExperiments": false,
  "telemetry.telemetryLevel": "off",
  "extensions.autoUpdate": false,
  "extensions.autoCheckUpdates": false,
  "extensions.ignoreRecommendations": true,
  "update.mode": "none",
  "window.restoreWindows": "none",
  "files.hotExit": "off",
  "files.autoSave": "off",
  "chat.commandCenter.enabled": false
}
JSON
PORT=$(python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])')
printf 'bind-addr: 127.0.0.1:%s\nauth: none\ncert: false\n' "$PORT" > "$R/config.yaml"

# its own process group (setsid), so that cleanup ends code-server, its extension host and podls together
setsid "$CS" --config "$R/config.yaml" --bind-addr "127.0.0.1:$PORT" --auth none \
  --disable-telemetry --disable-update-check --disable-workspace-trust --disable-getting-started-override \
  --user-data-dir "$R/ud" --extensions-dir "$R/ext" "$WS" > "$ART/code-server.log" 2>&1 &
CS_PID=$!
cleanup() {
  kill -- "-$CS_PID" 2>/dev/null || kill "$CS_PID" 2>/dev/null || true; wait "$CS_PID" 2>/dev/null || true
  sleep 0.5; kill -9 -- "-$CS_PID" 2>/dev/null || true
  rm -rf "$R"
}
trap cleanup EXIT
for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$PORT/healthz" >/dev/null && break; sleep 0.5; done
curl -sf "http://127.0.0.1:$PORT/healthz" >/dev/null || { cat "$ART/code-server.log"; echo "code-server did not come up" >&2; exit 1; }

rc=0
[ -n "${STEPS:-}" ] || LOGS_DIR=$R/ud/logs node "$HERE/e2e.js" "http://127.0.0.1:$PORT" "$WS" "$ART" || rc=$?
# Typing a Pod by accepting suggestions, and quick fixes (scenarios shared with the Neovim test)
python3 "$EDITORS/e2e/accept/scenarios.py" > "$R/scenarios.json"
node "$HERE/typing.js" "http://127.0.0.1:$PORT" "$WS" "$ART" "$R/scenarios.json" || rc=$?

# the language client's output channel ("podls") and the extension host log
# (one per window: the basic checks, then the typing tests)
find "$R/ud/logs" -path '*output_logging*' -name '*podls*' | sort | while read -r f; do cat "$f"; done > "$ART/podls-output.log" 2>/dev/null || true
find "$R/ud/logs" -name 'exthost.log' -exec cp {} "$ART/exthost.log" \; 2>/dev/null || true
if [ $rc -ne 0 ]; then
  echo "--- podls output channel (language client log, last 80 lines):"
  tail -n 80 "$ART/podls-output.log" 2>/dev/null || echo "(none: did the extension activate?)"
  echo "--- extension host log (last 30 lines):"; tail -n 30 "$ART/exthost.log" 2>/dev/null || true
  echo "--- code-server log (last 20 lines):"; tail -n 20 "$ART/code-server.log"
  echo "--- screenshots: $ART"
fi
# hover.png exists only when the hover check passed
if [ "${UPDATE_SCREENSHOT:-}" = 1 ] && [ -f "$ART/hover.png" ]; then
  cp "$ART/hover.png" "$EDITORS/vscode/images/hover.png"; echo "[vscode] updated editors/vscode/images/hover.png"
fi
exit $rc
