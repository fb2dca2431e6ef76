// VS Code e2e, typing a Pod as a person does: a few letters of each key, the suggestion that pops up
// accepted with Enter (Down to reach it), Tab to a snippet's next field; quick fixes from the Ctrl+. menu.
// The keystrokes and the YAML wanted after each step come from ../accept/scenarios.py (shared with the
// Neovim driver); after each step the file is saved and compared with it byte for byte.
// usage: node typing.js <baseUrl> <workspaceDir> <artifactsDir> <scenarios.json>
'use strict';
const fs = require('fs');
const path = require('path');
const { log, openWorkbench } = require('./workbench');

const [base, ws, artifacts, scenariosFile] = process.argv.slice(2);
const WAIT = 5000; // ms for a widget to open or an edit to land
const TYPE_DELAY = 30; // ms between typed characters

const framed = (s) => s.split('\n').map((l, i) => `${String(i + 1).padStart(3)} ${l}|`).join('\n');
const plainTitle = (t) => t.replace(/[`'"‘’]/g, '');
/** Whether an offered code-action title is the one wanted (or it followed by details in parentheses). */
const titleMatches = (offered, wanted) =>
  plainTitle(offered) === plainTitle(wanted) || plainTitle(offered).startsWith(`${plainTitle(wanted)} (`);

let page;
let editor;
let file; // the document under test, on disk

async function until(ms, cond) {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await cond();
    if (v) return v;
    if (Date.now() > deadline) return null;
    await page.waitForTimeout(25);
  }
}

/** Leaves the suggest widget and snippet mode, saves, and returns the file's text (once two reads agree:
 * the write may still be under way when the tab stops showing it dirty). */
async function saved() {
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+S');
  await until(WAIT, async () => (await page.locator('.tabs-container .tab.active.dirty').count()) === 0);
  let text = fs.readFileSync(file, 'utf8');
  for (let i = 0; i < 20; i++) {
    await page.waitForTimeout(50);
    const again = fs.readFileSync(file, 'utf8');
    if (again === text) break;
    text = again;
  }
  return text;
}

/** Replaces the document with `text` in one input (Ctrl+A, then the text as one insertion: nothing
 * re-indents it, auto-indent being off), saves and checks the file. */
async function setText(text) {
  for (let attempt = 0; ; attempt++) {
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+A');
    if (text) await page.keyboard.insertText(text);
    else await page.keyboard.press('Delete');
    await page.waitForTimeout(100);
    const now = await saved();
    if (now === text) return;
    if (attempt === 2) throw new Error(`the document could not be set; it holds\n${framed(now)}`);
  }
}

async function gotoLine(line, column) {
  const input = page.locator('.quick-input-widget .quick-input-box input').filter({ visible: true }).first();
  for (let attempt = 0; ; attempt++) {
    await page.keyboard.press('Control+G');
    await input.waitFor({ timeout: WAIT });
    await input.fill(column ? `:${line}:${column}` : `:${line}`); // Ctrl+G is quick open in its ":" mode
    await page.waitForTimeout(50);
    await page.keyboard.press('Enter');
    // the keys that follow must go to the editor
    const closed = await input.waitFor({ state: 'hidden', timeout: 1500 }).then(() => true, () => false);
    if (closed) return;
    await page.keyboard.press('Escape');
    if (attempt === 2) throw new Error(`Go to Line ${line} did not close`);
    await editor.click();
  }
}

const suggest = () => page.locator('.editor-widget.suggest-widget.visible');

async function suggestions() {
  if (!(await suggest().count())) return { visible: false, labels: [], focused: null };
  const rows = suggest().locator('.monaco-list-row');
  const labels = [];
  let focused = null;
  for (const row of await rows.all()) {
    const label = (await row.locator('.label-name').innerText().catch(() => '')).trim();
    labels.push(label);
    if (/\bfocused\b/.test((await row.getAttribute('class')) || '')) focused = label;
  }
  return { visible: true, labels, focused };
}

const notes = []; // what a step needed beyond typing, printed with it
// The run's first suggestion must pop up by itself: that is the extension's `[yaml]` quick suggestions for
// strings (configurationDefaults) at work, which VS Code leaves off by default.
let byItself = true;

/** Waits for the suggest widget to list `label`, moves to it with Down and accepts it with Enter. When the
 * quick suggestions did not open at all (VS Code now and then skips them right after a trigger character's
 * empty answer), asks once with Ctrl+Space, as a person would, and says so in the step's line. */
async function accept(label, { first = false } = {}) {
  const listed = async () => {
    const s = await suggestions();
    return s.labels.includes(label) ? s : null;
  };
  const strict = first || byItself;
  byItself = false;
  let seen = await until(strict ? WAIT : 1500, listed);
  if (!seen && !strict) {
    if (!(await suggest().count())) {
      notes.push(`Ctrl+Space for "${label}"`);
      await page.keyboard.press('Control+Space');
    }
    // An open widget may still show the answer to the keystroke before (a loaded machine renders late):
    // give it the full wait, as for the first suggestion, before calling the label missing.
    seen = await until(WAIT, listed);
  }
  if (!seen) {
    const s = await suggestions();
    throw new Error(`the suggest widget never listed "${label}" (widget ${s.visible ? 'open' : 'closed'}: ${JSON.stringify(s.labels)})`);
  }
  if (first && seen.focused !== label) {
    throw new Error(`"${label}" is not the pre-selected suggestion (${JSON.stringify(seen.focused)} is): ${JSON.stringify(seen.labels)}`);
  }
  for (let i = 0; i < 40 && (await suggestions()).focused !== label; i++) await page.keyboard.press('ArrowDown');
  const s = await suggestions();
  if (s.focused !== label) throw new Error(`Down never reached "${label}": ${JSON.stringify(s.labels)}`);
  await page.keyboard.press('Enter');
  await until(WAIT, async () => !(await suggest().count()) || (await suggestions()).focused !== label);
}

/** The pre-selected suggestion, after Ctrl+Space when nothing opened the widget. */
async function acceptFirst(label) {
  // a snippet's choice opens its list by itself
  if (!(await until(1000, async () => (await suggest().count()) > 0))) await page.keyboard.press('Control+Space');
  await accept(label, { first: true });
}

/** A new line below the first line whose text is `below`, indented by `indent` blanks (Enter leaves column 0:
 * auto-indent is off; the blanks come in one input, as an editor's auto-indent puts them). */
async function openLine({ below, indent }) {
  const lines = (await saved()).split('\n');
  const i = lines.findIndex((l) => l.trim() === below);
  if (i < 0) throw new Error(`no line "${below}" in the document`);
  await gotoLine(i + 1);
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  if (indent) await page.keyboard.insertText(' '.repeat(indent));
  // A blank is a trigger character: let its (empty) answer arrive before the first letter, or VS Code,
  // still waiting on it, does not start the quick suggestions for the word typed next.
  await page.waitForTimeout(400);
}

/** The code-action menu (Ctrl+.) on the last character of the first `at`, and the action titled `title`
 * chosen from it. */
async function codeAction({ at, title }) {
  const lines = (await saved()).split('\n');
  const i = lines.findIndex((l) => l.includes(at));
  if (i < 0) throw new Error(`no "${at}" in the document`);
  const rows = page.locator('.action-widget .monaco-list-row:not(.group-header)');
  let titles = [];
  for (let attempt = 0; attempt < 6; attempt++) { // diagnostics may still be on their way
    await page.keyboard.press('Escape');
    await gotoLine(i + 1, lines[i].indexOf(at) + at.length); // 1-based column of its last character
    await page.keyboard.press('Control+.');
    await until(1500, async () => (await rows.count()) > 0);
    titles = (await rows.allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
    const hits = titles.filter((t) => titleMatches(t, title));
    if (hits.length > 1) throw new Error(`more than one code action "${title}" at "${at}": ${JSON.stringify(titles)}`);
    if (hits.length === 1) {
      // Down to it and Enter, as from the keyboard (a pointer block covers the menu while it opens)
      const focused = page.locator('.action-widget .monaco-list-row.focused');
      for (let n = 0; n < 20 && !titleMatches((await focused.getAttribute('aria-label').catch(() => '')) || '', title); n++) {
        await page.keyboard.press('ArrowDown');
      }
      const now = (await focused.getAttribute('aria-label').catch(() => '')) || '';
      if (!titleMatches(now, title)) throw new Error(`Down never reached "${title}" in ${JSON.stringify(titles)}`);
      await page.keyboard.press('Enter');
      await page.waitForTimeout(300);
      return;
    }
    await page.waitForTimeout(500);
  }
  throw new Error(`no code action "${title}" at "${at}"; the menu offered: ${JSON.stringify(titles)}`);
}

async function run(action) {
  if (action.type !== undefined) await page.keyboard.type(action.type, { delay: TYPE_DELAY });
  else if (action.accept) await accept(action.accept);
  else if (action.accept_first) await acceptFirst(action.accept_first);
  else if (action.key) await page.keyboard.press(action.key);
  else if (action.open) await openLine(action.open);
  else if (action.code_action) await codeAction(action.code_action);
  else throw new Error(`unknown action ${JSON.stringify(action)}`);
}

let passed = 0;
let failed = 0;
const timings = [];

async function step(doc, st) {
  const t = Date.now();
  notes.length = 0;
  const want = st.expect.join('\n');
  try {
    if (st.start) await setText(st.start.join('\n'));
    for (const [i, action] of st.actions.entries()) {
      try {
        await run(action);
      } catch (e) {
        const now = await saved().catch(() => '(unreadable)');
        throw new Error(`action ${i + 1} ${JSON.stringify(action)}: ${e.message}\n--- document now\n${framed(now)}`);
      }
    }
    const got = await saved();
    if (got !== want) {
      const w = want.split('\n');
      const g = got.split('\n');
      let at = 0;
      while (at < w.length && w[at] === g[at]) at++;
      throw new Error(`the document differs from the YAML wanted from line ${at + 1} (expected ${JSON.stringify(w[at])}, ` +
        `actual ${JSON.stringify(g[at])})\n--- expected\n${framed(want)}\n--- actual\n${framed(got)}`);
    }
    passed++;
    log(`PASS ${doc.name} / ${st.name} (${((Date.now() - t) / 1000).toFixed(1)}s)${notes.length ? ` (${notes.join(', ')})` : ''}`);
  } catch (e) {
    failed++;
    log(`FAIL ${doc.name} / ${st.name} (${((Date.now() - t) / 1000).toFixed(1)}s): ${e.message}`);
    await page.screenshot({ path: path.join(artifacts, `typing-fail-${doc.file}-${st.name.replace(/\W+/g, '-')}.png`) }).catch(() => {});
    // the next step starts from the text this one should have left
    await setText(want).catch((e) => log(`could not reset the document: ${e.message}`));
  }
  timings.push(`${doc.name} / ${st.name}: ${((Date.now() - t) / 1000).toFixed(1)}s`);
}

(async () => {
  const scenarios = JSON.parse(fs.readFileSync(scenariosFile, 'utf8'));
  for (const doc of scenarios.documents) fs.writeFileSync(path.join(ws, doc.file), doc.start.join('\n'));
  // The editor's own indenting is not under test: with it off, Enter starts a line at column 0 and the
  // driver types the blanks, in both editors alike. (Per language: VS Code's YAML support sets its own.)
  fs.mkdirSync(path.join(ws, '.vscode'), { recursive: true });
  fs.writeFileSync(path.join(ws, '.vscode', 'settings.json'), JSON.stringify({ '[yaml]': { 'editor.autoIndent': 'none' } }, null, 2));
  let browser;
  try {
    ({ browser, page } = await openWorkbench(base, ws, { width: 1100, height: 900 }));
    editor = page.locator('.editor-instance .monaco-editor').first();
    for (const doc of scenarios.documents) {
      file = path.join(ws, doc.file);
      const row = page.locator('.explorer-folders-view .monaco-list-row', { hasText: doc.file }).first();
      await row.waitFor({ timeout: 60000 });
      await row.dblclick();
      await page.locator('.tabs-container .tab.active', { hasText: doc.file }).waitFor({ timeout: 30000 });
      await editor.click();
      // typing starts once podls runs (the status item turns to a check), as a person would wait for it
      await page.locator('.statusbar-item', { hasText: 'podls' }).first().locator('.codicon-check').waitFor({ timeout: 30000 });
      await setText(doc.start.join('\n'));
      await page.keyboard.press('Control+End');
      for (const st of doc.steps) {
        if (st.skip) {
          log(`SKIP ${doc.name} / ${st.name}: ${st.skip}`);
          await setText(st.expect.join('\n'));
          await page.keyboard.press('Control+End');
        } else {
          await step(doc, st);
        }
      }
    }
  } catch (e) {
    failed++;
    log('ERROR', e.stack || e.message);
  } finally {
    await page?.screenshot({ path: path.join(artifacts, 'typing-final.png') }).catch(() => {});
    await browser?.close();
  }
  console.log(`vscode typing e2e: ${passed} passed, ${failed} failed`);
  console.log(`vscode typing steps:\n  ${timings.join('\n  ')}`);
  process.exit(failed === 0 && passed > 0 ? 0 : 1);
})();
