// Packages the VS Code extension: `node scripts/package.js` → the generic podls-<version>.vsix, which runs
// `podls` from podls.server.path or PATH; `node scripts/package.js --target linux-x64 [path/to/podls]` → the
// platform-specific podls-linux-x64-<version>.vsix with the release binary inside (server/podls), as
// rust-analyzer ships, so that installing the extension is enough. Output in editors/vscode/.
const { execFileSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const root = path.join(__dirname, '..');
const args = process.argv.slice(2);
const at = args.indexOf('--target');
const target = at >= 0 ? args[at + 1] : undefined;
if (at >= 0 && !target) {
  console.error('package: --target needs a VS Code platform (linux-x64, linux-arm64, darwin-arm64, win32-x64, ...)');
  process.exit(2);
}
const binary = args.filter((_, i) => at < 0 || (i !== at && i !== at + 1))[0];
const { version } = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const server = path.join(root, 'server');
// The generic package must not carry a binary left over from a platform build.
fs.rmSync(server, { recursive: true, force: true });
if (target) {
  const bundle = [path.join(__dirname, 'bundle-server.js')].concat(binary ? [binary] : []);
  execFileSync(process.execPath, bundle, { stdio: 'inherit' });
}
const out = path.join(root, target ? `podls-${target}-${version}.vsix` : `podls-${version}.vsix`);
const vsce = ['--no-install', 'vsce', 'package', '--out', out].concat(target ? ['--target', target] : []);
try {
  execFileSync('npx', vsce, { cwd: root, stdio: 'inherit' });
} finally {
  fs.rmSync(server, { recursive: true, force: true });
}
console.log(`package: ${out}`);
