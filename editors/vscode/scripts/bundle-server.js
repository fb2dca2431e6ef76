// Copies a podls binary into server/ so that the packaged .vsix ships it (the extension prefers
// podls.server.path, then server/podls, then PATH). usage: node scripts/bundle-server.js [path/to/podls]
// Default source: $PODLS_BIN, else ../../target/release/podls. A .vsix with a binary is platform-specific:
// package it with `npx @vscode/vsce package --target linux-x64` (or the matching target).
const fs = require('fs');
const path = require('path');
const exe = process.platform === 'win32' ? 'podls.exe' : 'podls';
const src = process.argv[2] || process.env.PODLS_BIN || path.join(__dirname, '..', '..', '..', 'target', 'release', exe);
if (!fs.existsSync(src)) {
  console.error(`bundle-server: ${src} not found; build it with \`cargo build --release\` at the repo root`);
  process.exit(1);
}
const dir = path.join(__dirname, '..', 'server');
fs.mkdirSync(dir, { recursive: true });
fs.copyFileSync(src, path.join(dir, exe));
fs.chmodSync(path.join(dir, exe), 0o755);
console.log(`bundle-server: copied ${src} -> ${path.join(dir, exe)}`);
