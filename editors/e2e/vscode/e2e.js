// Drives code-server (the real VS Code 1.99 workbench + extension host) with playwright-core and Debian's
// chromium, against the installed podls .vsix and the real podls binary.
// usage: node e2e.js <baseUrl> <workspaceDir> <artifactsDir>
// Checks: the podls status item, a podls hover on imagePullPolicy, a podls diagnostic in the Problems panel,
// a version diagnostic that follows podls.kubernetesVersion,
// the outline (Go to Symbol in Editor), and imagePullPolicy offered by completion while typing `imag` in a
// container. Each check prints what it
// saw; the last line is "vscode e2e: N passed, N failed".
'use strict';
const fs = require('fs');
const path = require('path');
const { log, openWorkbench } = require('./workbench');

const [base, ws, artifacts] = process.argv.slice(2);
const oneLine = (s) => String(s).replace(/\s+/g, ' ').trim();

const results = [];
async function check(name, fn) {
  const t = Date.now();
  try {
    const detail = await fn();
    results.push({ name, ok: true });
    log(`PASS ${name} (${((Date.now() - t) / 1000).toFixed(1)}s)${detail ? ': ' + detail : ''}`);
  } catch (e) {
    results.push({ name, ok: false });
    log(`FAIL ${name}: ${e.message}`);
    if (page) await page.screenshot({ path: path.join(artifacts, `fail-${name.replace(/\W+/g, '-')}.png`) }).catch(() => {});
  }
}

async function until(ms, cond) {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await cond();
    if (v) return v;
    if (Date.now() > deadline) return null;
    await page.waitForTimeout(100);
  }
}

// The "podls" output channel as VS Code logs it (LOGS_DIR = <user-data-dir>/logs).
function clientLog() {
  const found = [];
  const walk = (d) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (/podls\.log$/.test(e.name) && p.includes('output_logging')) found.push(p);
    }
  };
  try { walk(process.env.LOGS_DIR); } catch { /* not there yet */ }
  return found.map((f) => fs.readFileSync(f, 'utf8')).join('\n');
}

let page;
(async () => {
  fs.mkdirSync(artifacts, { recursive: true });
  let browser;
  try {
    ({ browser, page } = await openWorkbench(base, ws, { width: 1100, height: 640 }));
    const editor = page.locator('.editor-instance .monaco-editor').first();
    await check('open pod.yaml', async () => {
      const row = page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'pod.yaml' }).first();
      await row.waitFor({ timeout: 60000 });
      await row.dblclick();
      await editor.locator('.view-lines', { hasText: 'imagePullPolicy' }).waitFor({ timeout: 30000 });
    });

    // The status item appears once the client runs and the active document is a Pod.
    await check('status item', async () => {
      const item = page.locator('.statusbar-item', { hasText: 'podls' }).first();
      await item.waitFor({ timeout: 60000 });
      const deadline = Date.now() + 30000;
      let text = '';
      while (Date.now() < deadline) {
        text = oneLine(await item.innerText());
        const label = oneLine(await item.getAttribute('aria-label').catch(() => '') || '');
        if (!/error/i.test(label) && !(await item.locator('.codicon-sync').count())) break;
        await page.waitForTimeout(250);
      }
      const cls = await item.locator('.codicon').first().getAttribute('class').catch(() => '');
      if (/codicon-error/.test(cls || '')) throw new Error(`status item shows an error: ${await item.getAttribute('aria-label')}`);
      if (!/codicon-check/.test(cls || '')) throw new Error(`status item never showed "attached": text=${text} icon=${cls}`);
      return `${text} (${cls})`;
    });

    // Hovers over the imagePullPolicy key until the hover text satisfies `ok`; returns the last text seen.
    async function hoverKey(ok, timeoutMs, onOk) {
      const tok = editor.locator('.view-line span span', { hasText: /^imagePullPolicy$/ }).first();
      await tok.waitFor({ timeout: 10000 });
      const deadline = Date.now() + timeoutMs;
      let seen = '(no hover)';
      while (Date.now() < deadline) {
        await page.mouse.move(0, 0);
        await page.keyboard.press('Escape');
        await tok.hover();
        const hover = page.locator('.monaco-hover-content').filter({ visible: true }).first();
        try {
          await hover.waitFor({ state: 'visible', timeout: 5000 });
          await page.waitForTimeout(300); // async hover parts render after the first one
          seen = await hover.innerText();
          if (ok(seen)) {
            if (onOk) await onOk();
            return { ok: true, seen };
          }
        } catch { /* no hover yet: the server may still be starting */ }
        await page.waitForTimeout(1000);
      }
      return { ok: false, seen };
    }

    await check('hover imagePullPolicy', async () => {
      const r = await hoverKey((t) => t.includes('imagePullPolicy') && t.includes('IfNotPresent'), 45000, async () => {
            await page.waitForTimeout(700); // let the fade-in finish before the screenshot
            // the editor area with the hover, for editors/vscode/images/hover.png
            const box = await page.locator('.part.editor').boundingBox();
            const hb = await page.locator('.monaco-hover').filter({ visible: true }).first().boundingBox().catch(() => null);
            const right = Math.max(box.x + 720, hb ? hb.x + hb.width + 12 : 0);
            const bottom = Math.max(box.y + 420, hb ? hb.y + hb.height + 12 : 0);
            await page.screenshot({ path: path.join(artifacts, 'hover.png'), clip: {
              x: box.x, y: box.y, width: Math.min(box.width, right - box.x), height: Math.min(box.height, bottom - box.y) } });
      });
      if (!r.ok) throw new Error(`hover text lacks "imagePullPolicy" and "IfNotPresent"; got: ${JSON.stringify(r.seen)}`);
      return JSON.stringify(r.seen.slice(0, 300));
    });
    await page.keyboard.press('Escape');
    await page.mouse.move(0, 0);

    await check('diagnostic in Problems panel', async () => {
      await page.keyboard.press('Control+Shift+M'); // workbench.actions.view.problems
      const rows = page.locator('.markers-panel .monaco-list-row');
      const deadline = Date.now() + 30000;
      let texts = [];
      while (Date.now() < deadline) {
        texts = (await rows.allInnerTexts()).map(oneLine);
        const hit = texts.find((t) => /podls/.test(t) && /invalid-enum|Sometimes/i.test(t));
        if (hit) {
          const squiggles = await editor.locator('.squiggly-error').count();
          return `${hit} (error squiggles in the editor: ${squiggles})`;
        }
        await page.waitForTimeout(1000);
      }
      throw new Error(`no podls invalid-enum diagnostic for "imagePullPolicy: Sometimes"; Problems panel rows: ${JSON.stringify(texts)}`);
    });
    await page.keyboard.press('Control+Shift+M'); // toggle the panel away again

    // VS Code's own outline: Go to Symbol in Editor (Ctrl+Shift+O) lists podls's document symbols; picking
    // the sidecar container moves the cursor to its name.
    await check('outline: Go to Symbol lists the Pod, its containers and ports', async () => {
      await editor.locator('.view-line', { hasText: 'kind' }).first().click();
      const input = page.locator('.quick-input-widget .quick-input-box input').filter({ visible: true }).first();
      const rows = page.locator('.quick-input-list .monaco-list-row');
      const want = ['Pod web', 'container web (nginx:1.27)', 'port 80/TCP', 'container sidecar (busybox:1.36)',
        'mount cache → /cache', 'volume cache (emptyDir)'];
      const deadline = Date.now() + 30000;
      let texts = [];
      while (Date.now() < deadline) {
        await page.keyboard.press('Control+Shift+O');
        await input.waitFor({ timeout: 10000 });
        await page.waitForTimeout(500);
        texts = (await rows.allInnerTexts()).map(oneLine);
        const found = want.map((w) => texts.findIndex((t) => t.includes(w)));
        if (found.every((i, k) => i >= 0 && (k === 0 || i > found[k - 1]))) break;
        await page.keyboard.press('Escape');
        await page.waitForTimeout(1000);
      }
      const found = want.map((w) => texts.findIndex((t) => t.includes(w)));
      if (!found.every((i, k) => i >= 0 && (k === 0 || i > found[k - 1]))) {
        await page.keyboard.press('Escape');
        throw new Error(`Go to Symbol rows ${JSON.stringify(texts)}, wanted in order ${JSON.stringify(want)}`);
      }
      await input.fill('@container sidecar');
      await page.waitForTimeout(300);
      await page.keyboard.press('Enter');
      const selection = page.locator('.statusbar-item', { hasText: /Ln \d+, Col \d+/ }).first();
      const at = await until(10000, async () => {
        const t = oneLine(await selection.innerText().catch(() => ''));
        const m = /Ln 16, Col (\d+)/.exec(t);
        return m && +m[1] >= 13 && +m[1] <= 20 ? t : null; // on `sidecar`, or past it when it is selected
      });
      if (!at) throw new Error(`picking "container sidecar" left the cursor at ${oneLine(await selection.innerText().catch(() => '?'))}, not on line 16 (its name)`);
      return `${JSON.stringify(texts.slice(0, 6))}; picked the sidecar: ${at}`;
    });
    await page.keyboard.press('Escape');

    // Names (issue 14): F12 from a mount's name to its volume, F2 renames both; checked by the text.
    const statusAt = () => page.locator('.statusbar-item', { hasText: /Ln \d+, Col \d+/ }).first().innerText().catch(() => '');
    async function gotoLine(line, column) {
      const input = page.locator('.quick-input-widget .quick-input-box input').filter({ visible: true }).first();
      await page.keyboard.press('Control+G');
      await input.waitFor({ timeout: 10000 });
      await input.fill(`:${line}:${column}`);
      await page.waitForTimeout(100);
      await page.keyboard.press('Enter');
      await input.waitFor({ state: 'hidden', timeout: 5000 }).catch(() => {});
    }
    await check('go to definition (F12): a volumeMount name jumps to its volume', async () => {
      await gotoLine(20, 19); // `cache` in `        - name: cache` under volumeMounts
      await page.keyboard.press('F12');
      const at = await until(15000, async () => (/Ln 23, Col/.test(await statusAt()) ? statusAt() : null));
      if (!at) throw new Error(`F12 on the mount's name left the cursor at ${oneLine(await statusAt())}, not on line 23 (the volume)`);
      return oneLine(at);
    });
    await page.keyboard.press('Escape');
    await check('rename (F2): the volume and its mount together', async () => {
      const lines = editor.locator('.view-line');
      const count = async (word) => (await lines.allInnerTexts()).filter((t) => new RegExp(`name:\\s${word}\\s*$`).test(oneLine(t))).length;
      const rename = async (to) => {
        await gotoLine(23, 15); // `cache` in `    - name: cache` under volumes
        await page.keyboard.press('F2');
        const box = page.locator('.rename-box input').first();
        await box.waitFor({ timeout: 10000 });
        await box.fill(to);
        await page.keyboard.press('Enter');
        return until(15000, async () => ((await count(to)) === 2 ? true : null));
      };
      const renamed = await rename('scratch');
      const seen = (await lines.allInnerTexts()).map(oneLine).filter((t) => /name: (scratch|cache)/.test(t));
      if (!renamed || (await count('cache')) !== 0) throw new Error(`after F2 → scratch the lines say ${JSON.stringify(seen)}`);
      await rename('cache'); // back, for the checks that follow
      await page.keyboard.press('Control+S');
      return `renamed: ${JSON.stringify(seen)}`;
    });
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    await gotoLine(1, 1); // the top of the file back in view: later checks click its first lines

    await check('completion offers imagePullPolicy', async () => {
      // New line under `image: busybox:1.36` in the second container (which has no imagePullPolicy yet).
      const line = editor.locator('.view-line', { hasText: 'busybox' }).first();
      await line.click();
      await page.keyboard.press('End');
      await page.keyboard.press('Enter');
      await page.keyboard.type('imag', { delay: 50 });
      const widget = page.locator('.editor-widget.suggest-widget');
      const rows = widget.locator('.monaco-list-row');
      const deadline = Date.now() + 30000;
      let texts = [];
      let retriggered = 0;
      while (Date.now() < deadline) {
        if (await widget.isVisible()) {
          texts = (await rows.allInnerTexts()).map(oneLine);
          if (texts.some((t) => t.startsWith('imagePullPolicy'))) {
            const lineText = oneLine(await editor.locator('.view-line', { hasText: /^\s*imag\s*$/ }).first().innerText().catch(() => '?'));
            return `typed "${lineText}", suggestions: ${JSON.stringify(texts.slice(0, 6))}`;
          }
        }
        if (retriggered < 5) { // ask explicitly (editor.action.triggerSuggest)
          await page.keyboard.press('Escape');
          await page.keyboard.press('Control+Space');
          retriggered++;
        }
        await page.waitForTimeout(1500);
      }
      throw new Error(`imagePullPolicy not offered after typing "imag" in a container; suggest widget rows: ${JSON.stringify(texts)}`);
    });
    await page.keyboard.press('Escape');

    // Settings reach the running server (workspace/didChangeConfiguration), no restart: switch the locale.
    await check('locale zh-cn applied without restart', async () => {
      // as a workspace setting: .vscode/settings.json in the opened folder (a copy made by run.sh)
      fs.mkdirSync(path.join(ws, '.vscode'), { recursive: true });
      const file = path.join(ws, '.vscode', 'settings.json');
      fs.writeFileSync(file, JSON.stringify({ 'podls.locale': 'zh-cn' }, null, 2));
      const r = await hoverKey((t) => t.includes('imagePullPolicy') && /[\u4e00-\u9fff]/.test(t), 30000);
      fs.rmSync(file);
      if (!r.ok) throw new Error(`hover not in Chinese after setting podls.locale=zh-cn; got: ${JSON.stringify(r.seen)}`);
      return JSON.stringify(r.seen.slice(0, 120));
    });

    // podls.kubernetesVersion reaches the running server: a field newer than the target is an error in the
    // Problems panel, and gone once the setting is removed again.
    await check('podls.kubernetesVersion applied without restart', async () => {
      await page.keyboard.press('Escape');
      const row = page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'versions.yaml' }).first();
      await row.dblclick();
      await editor.locator('.view-lines', { hasText: 'stopSignal' }).waitFor({ timeout: 30000 });
      const problems = async () => (await page.locator('.markers-panel .monaco-list-row').allInnerTexts()).map(oneLine)
        .filter((t) => /stopSignal/.test(t));
      const tooNew = (t) => /is in Kubernetes 1\.33 and later; the target is 1\.30/.test(t);
      await page.keyboard.press('Control+Shift+M');
      const gated = await until(30000, async () => ((await problems()).some((t) => /ContainerStopSignals/.test(t)) ? problems() : null));
      if (!gated) throw new Error(`no feature-gate warning for stopSignal at the default version; rows: ${JSON.stringify(await problems())}`);
      const file = path.join(ws, '.vscode', 'settings.json');
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, JSON.stringify({ 'podls.kubernetesVersion': '1.30' }, null, 2));
      const at130 = await until(30000, async () => ((await problems()).some(tooNew) ? problems() : null));
      fs.rmSync(file);
      if (!at130) {
        await page.keyboard.press('Control+Shift+M');
        throw new Error(`no "stopSignal is in Kubernetes 1.33 and later" with podls.kubernetesVersion 1.30; rows: ${JSON.stringify(await problems())}`);
      }
      const back = await until(30000, async () => ((await problems()).some(tooNew) ? null : problems()));
      await page.keyboard.press('Control+Shift+M');
      await page.keyboard.press('Control+W'); // close versions.yaml: pod.yaml is the active editor again
      await editor.locator('.view-lines', { hasText: 'imagePullPolicy' }).waitFor({ timeout: 30000 });
      if (!back) throw new Error(`the 1.30 error stayed after the setting was removed; rows: ${JSON.stringify(await problems())}`);
      return `1.30: ${JSON.stringify(at130)}; removed: ${JSON.stringify(back)}`;
    });

    await check('command "podls: Restart Server"', async () => {
      await page.keyboard.press('Escape');
      await editor.locator('.view-line', { hasText: 'kind' }).first().click();
      await page.keyboard.press('F1'); // command palette, already in ">" mode
      const input = page.locator('.quick-input-widget .quick-input-box input').filter({ visible: true }).first();
      await input.waitFor({ timeout: 10000 });
      await input.fill('>podls: Restart Server');
      const row = page.locator('.quick-input-list .monaco-list-row', { hasText: 'Restart Server' }).first();
      await row.waitFor({ timeout: 10000 });
      await page.keyboard.press('Enter');
      const deadline = Date.now() + 30000;
      let lines = [];
      while (Date.now() < deadline) {
        lines = clientLog().split('\n').filter((l) => /^\[client /.test(l));
        const i = lines.findIndex((l) => / restarting$/.test(l));
        if (i >= 0 && lines.slice(i).some((l) => / started podls/.test(l))) break;
        await page.waitForTimeout(500);
      }
      const i = lines.findIndex((l) => / restarting$/.test(l));
      if (i < 0 || !lines.slice(i).some((l) => / started podls/.test(l))) {
        throw new Error(`no restart in the podls output channel; client lines: ${JSON.stringify(lines)}`);
      }
      const r = await hoverKey((t) => t.includes('imagePullPolicy'), 20000);
      if (!r.ok) throw new Error(`no hover after the restart; got: ${JSON.stringify(r.seen)}`);
      // A deliberate stop is not an error: no "[Error …] … exited with code 0" in the channel.
      const errors = clientLog().split('\n').filter((l) => /^\[Error/.test(l) && /exit/i.test(l));
      if (errors.length) throw new Error(`the restart logged errors: ${JSON.stringify(errors)}`);
      return lines.slice(i).map((l) => l.replace(/^\[client \S+\] /, '')).join(' | ');
    });

    await check('a kind podls does not serve: no podls problems (the server decides, the client does not filter)', async () => {
      const podProblems = async () => (await page.locator('.markers-panel .monaco-list-row').allInnerTexts()).map(oneLine)
        .filter((t) => /podls/.test(t));
      await page.keyboard.press('Control+Shift+M');
      const before = await podProblems();
      const row = page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'custom-resource.yaml' }).first();
      await row.dblclick();
      await editor.locator('.view-lines', { hasText: 'WebApp' }).waitFor({ timeout: 30000 });
      await page.waitForTimeout(3000); // time for a (wrong) diagnostic to arrive
      const after = await podProblems();
      await page.keyboard.press('Control+Shift+M');
      if (after.length !== before.length) throw new Error(`podls problems changed after opening custom-resource.yaml: ${JSON.stringify(after)}`);
      return `podls problems stay ${after.length} (pod.yaml only)`;
    });

    await check('podls.toml: its mistake in the Problems panel (invalid-config)', async () => {
      const folder = page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'project' }).first();
      await folder.click();
      const file = page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'podls.toml' }).first();
      await file.waitFor({ timeout: 15000 });
      await file.dblclick();
      await editor.locator('.view-lines', { hasText: 'kubernetes-versio' }).waitFor({ timeout: 30000 });
      await page.keyboard.press('Control+Shift+M');
      const configProblems = async () => (await page.locator('.markers-panel .monaco-list-row').allInnerTexts()).map(oneLine)
        .filter((t) => /podls/.test(t) && /invalid-config/.test(t));
      const hits = await until(30000, async () => { const h = await configProblems(); return h.length ? h : null; });
      await page.keyboard.press('Control+Shift+M');
      // back to pod.yaml: the checks after this one read its status item
      await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'pod.yaml' }).first().dblclick();
      await editor.locator('.view-lines', { hasText: 'imagePullPolicy' }).waitFor({ timeout: 30000 });
      if (!hits) throw new Error('no podls invalid-config problem for project/podls.toml');
      if (!hits.some((t) => /kubernetes-versio/.test(t))) throw new Error(`the problem does not name the key: ${JSON.stringify(hits)}`);
      return hits[0];
    });

    await check('bad podls.server.path: restart and a clear error', async () => {
      const file = path.join(ws, '.vscode', 'settings.json');
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, JSON.stringify({ 'podls.server.path': '/nonexistent/podls' }, null, 2));
      const toast = page.locator('.notifications-toasts .notification-toast', { hasText: 'podls.server.path' }).first();
      await toast.waitFor({ timeout: 20000 });
      const text = oneLine(await toast.innerText());
      await page.screenshot({ path: path.join(artifacts, 'bad-server-path.png') });
      const err = page.locator('.statusbar-item', { hasText: 'podls' }).first();
      const cls = await err.locator('.codicon').first().getAttribute('class').catch(() => '');
      if (!/not an executable file/.test(text)) throw new Error(`unexpected error text: ${text}`);
      if (!/codicon-error/.test(cls || '')) throw new Error(`status item does not show the error: ${cls}`);
      // Fixing the path starts the server; the notice about the wrong path goes away with it.
      fs.rmSync(file);
      await toast.waitFor({ state: 'detached', timeout: 20000 }).catch(() => {});
      const still = await page.locator('.notifications-toasts .notification-toast', { hasText: 'podls.server.path' }).count();
      const center = await page.locator('.notifications-center .notification-list-item', { hasText: 'podls.server.path' }).count();
      const ok = page.locator('.statusbar-item', { hasText: 'podls' }).first().locator('.codicon-check');
      await ok.waitFor({ timeout: 20000 }).catch(() => {});
      if (still || center) throw new Error(`the wrong-path notice stays after the path was fixed (toasts ${still}, notification center ${center})`);
      if (!(await ok.count())) throw new Error('the status item does not show podls running after the path was fixed');
      return `${text.slice(0, 160)} (status item: ${cls}); gone once the path was fixed`;
    });
  } catch (e) {
    log('ERROR', e.stack || e.message);
    results.push({ name: 'driver', ok: false });
  } finally {
    await page?.screenshot({ path: path.join(artifacts, 'final.png') }).catch(() => {});
    await browser?.close();
  }
  const passed = results.filter((r) => r.ok).length;
  const failed = results.length - passed;
  console.log(`vscode e2e: ${passed} passed, ${failed} failed`);
  process.exit(failed === 0 && passed > 0 ? 0 : 1);
})();
