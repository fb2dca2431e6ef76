// What both VS Code drivers (e2e.js, typing.js) share: a timestamped log, and chromium opening code-server's
// workbench on a folder.
'use strict';
const { chromium } = require('playwright-core');

const T0 = Date.now();
const log = (...a) => console.log(`[vscode ${((Date.now() - T0) / 1000).toFixed(1)}s]`, ...a);

/** Launches Debian's chromium ($CHROMIUM) headless and opens the workbench of `folder`; returns both. */
async function openWorkbench(base, folder, viewport) {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
  const page = await browser.newPage({ viewport });
  page.on('pageerror', (e) => log('pageerror', e.message));
  await page.goto(`${base}/?folder=${encodeURIComponent(folder)}`);
  await page.waitForSelector('.monaco-workbench', { timeout: 60000 });
  log('workbench up');
  return { browser, page };
}

module.exports = { log, openWorkbench };
