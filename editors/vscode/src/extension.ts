// VS Code client for podls, the Kubernetes Pod YAML language server.
//
// - activates on YAML files and starts `podls --stdio`;
// - finds the server: setting `podls.server.path` → binary shipped in the extension's `server/` dir → `podls` on PATH;
// - passes the `podls.*` settings (minus `server.*` and `trace.*`) as initializationOptions, answers
//   workspace/configuration pulls with them, and pushes changes via workspace/didChangeConfiguration
//   (`kubernetesVersion` only when the user set it, so a project's `podls.toml` applies otherwise);
// - output channel "podls", command "podls: Restart Server", a status bar item while a YAML document is active;
// - which YAML documents are Pods is the server's business: it publishes nothing for the others, so nothing is
//   filtered here (and redhat.vscode-yaml can run beside it on the same files).
import { ChildProcess, spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import {
  DidChangeConfigurationNotification,
  LanguageClient,
  LanguageClientOptions,
  ServerOptions,
  State,
} from 'vscode-languageclient/node';

const SECTION = 'podls';
const EXE = process.platform === 'win32' ? 'podls.exe' : 'podls';

let client: LanguageClient | undefined;
let output: vscode.OutputChannel;
let status: vscode.StatusBarItem;
let extensionContext: vscode.ExtensionContext;
let startError: string | undefined;
/** Closes the notification that says why the server could not start (set while one is shown). */
let closeStartErrorNotice: (() => void) | undefined;
/** The running server process, spawned here so that a deliberate stop is not reported as an error. */
let serverProcess: ChildProcess | undefined;
let stopping = false;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  extensionContext = context;
  output = vscode.window.createOutputChannel('podls');
  status = vscode.window.createStatusBarItem('podls.status', vscode.StatusBarAlignment.Right, 100);
  status.name = 'podls';
  status.command = 'podls.showOutput';
  context.subscriptions.push(
    output,
    status,
    vscode.commands.registerCommand('podls.restartServer', () => restart()),
    vscode.commands.registerCommand('podls.showOutput', () => output.show(true)),
    vscode.window.onDidChangeActiveTextEditor(() => updateStatus()),
    vscode.workspace.onDidChangeConfiguration(onConfigurationChanged),
  );
  await start();
}

export async function deactivate(): Promise<void> {
  await stop();
}

// ---------------------------------------------------------------------------------------------------------
// Server lookup

interface Found { command: string; source: string }

function expandPath(p: string): string {
  let s = p.trim();
  if (s === '~' || s.startsWith('~/')) s = path.join(os.homedir(), s.slice(1));
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  if (folder) s = s.replace(/\$\{workspaceFolder\}/g, folder);
  if (!path.isAbsolute(s) && folder) s = path.resolve(folder, s);
  return s;
}

function isExecutableFile(p: string): boolean {
  try {
    if (!fs.statSync(p).isFile()) return false;
    if (process.platform !== 'win32') fs.accessSync(p, fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Returns the server to run, or an error message saying what to do. */
export function findServer(): Found | { error: string } {
  const configured = vscode.workspace.getConfiguration(SECTION).get<string>('server.path', '').trim();
  if (configured) {
    const p = expandPath(configured);
    if (isExecutableFile(p)) return { command: p, source: 'setting podls.server.path' };
    return {
      error: `The setting podls.server.path is "${configured}", but ${p} is not an executable file. ` +
        'Fix or clear the setting (when empty, podls is looked up in the extension and on PATH).',
    };
  }
  const bundled = extensionContext.asAbsolutePath(path.join('server', EXE));
  if (isExecutableFile(bundled)) return { command: bundled, source: 'bundled with the extension' };
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    const p = path.join(dir, EXE);
    if (isExecutableFile(p)) return { command: p, source: 'PATH' };
  }
  return {
    error: 'The podls language server was not found: podls.server.path is not set, this extension has no bundled ' +
      'binary, and there is no `podls` on PATH. Install it (e.g. `cargo install --git https://github.com/podls/podls podls`) ' +
      'and make sure it is on PATH, or set podls.server.path to the binary.',
  };
}

// ---------------------------------------------------------------------------------------------------------
// Settings sent to the server

function resolveLocale(value: unknown): string {
  if (typeof value === 'string' && value && value !== 'auto') return value;
  const ui = (vscode.env.language || 'en').toLowerCase();
  return ui === 'zh-cn' || ui === 'zh-hans' || ui === 'zh' || ui.startsWith('zh-hans') ? 'zh-cn' : 'en';
}

/** Whether the user (or the workspace, or the folder) set this `podls` setting, not only its default. */
function userSet(cfg: vscode.WorkspaceConfiguration, key: string): boolean {
  const set = cfg.inspect(key);
  return [
    set?.globalValue, set?.workspaceValue, set?.workspaceFolderValue,
    set?.globalLanguageValue, set?.workspaceLanguageValue, set?.workspaceFolderLanguageValue,
  ].some((value) => value !== undefined);
}

/** Everything under `podls` except the client-only `server.*` and `trace.*`, with `locale` resolved. */
export function serverSettings(scope?: vscode.ConfigurationScope): Record<string, unknown> {
  const cfg = vscode.workspace.getConfiguration(SECTION, scope);
  // A WorkspaceConfiguration serialises to the plain nested settings object (its methods are dropped).
  const all = JSON.parse(JSON.stringify(cfg)) as Record<string, unknown>;
  delete all.server;
  delete all.trace;
  all.locale = resolveLocale(all.locale);
  // The contributed default (the newest version) is not sent: the server's own default is the same, and a
  // project file's `kubernetes-version` applies unless the user chose a version in VS Code.
  if (!userSet(cfg, 'kubernetesVersion')) delete all.kubernetesVersion;
  return all;
}

// ---------------------------------------------------------------------------------------------------------
// Client lifecycle

function log(msg: string): void {
  output.appendLine(`[client ${new Date().toISOString()}] ${msg}`);
}

/**
 * Says why the server could not start, until it starts or the user closes the notice. An error message
 * (`showErrorMessage`) cannot be closed by the extension and would keep saying the path is wrong after it was
 * fixed; a notification-located progress can, so the notice is one, with its two actions as command links.
 */
function showStartError(message: string, settingToOpen?: string): void {
  closeStartErrorNotice?.();
  const settings = settingToOpen
    ? ` [Open Settings](command:workbench.action.openSettings?${encodeURIComponent(JSON.stringify(settingToOpen))})`
    : '';
  void vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'podls', cancellable: true },
    (progress, token) => new Promise<void>((resolve) => {
      progress.report({ message: `${message}${settings} [Show Output](command:podls.showOutput)` });
      const close = () => {
        if (closeStartErrorNotice === close) closeStartErrorNotice = undefined;
        resolve();
      };
      closeStartErrorNotice = close;
      token.onCancellationRequested(close);
    }),
  );
}

/** Starts `podls --stdio` (the client is given the process; it then neither kills it nor logs its exit). */
function spawnServer(command: string): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, ['--stdio'], {
      env: { ...process.env, RUST_BACKTRACE: process.env.RUST_BACKTRACE ?? '1' },
      stdio: 'pipe',
    });
    child.once('error', reject);
    child.once('spawn', () => {
      serverProcess = child;
      child.once('exit', (code, signal) => {
        if (serverProcess === child) serverProcess = undefined;
        const how = signal ? `signal ${signal}` : `code ${code}`;
        // After shutdown/exit the server ends with 0: that is the stop we asked for, not an error.
        if (stopping && (code === 0 || signal)) log(`server exited with ${how}`);
        else output.appendLine(`[Error - ${new Date().toLocaleTimeString()}] podls server exited with ${how}`);
      });
      resolve(child);
    });
  });
}

async function start(): Promise<void> {
  startError = undefined;
  const found = findServer();
  if ('error' in found) {
    startError = found.error;
    log(found.error);
    updateStatus();
    showStartError(found.error, 'podls.server.path');
    return;
  }
  log(`starting ${found.command} (${found.source})`);

  const serverOptions: ServerOptions = () => spawnServer(found.command);
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      // JSON too: the server reads JSON Pods, and publishes nothing for other JSON files.
      { scheme: 'file', language: 'yaml' },
      { scheme: 'untitled', language: 'yaml' },
      { scheme: 'file', language: 'json' },
      { scheme: 'untitled', language: 'json' },
      // The project's own configuration: the server reports its mistakes on it (`invalid-config`).
      { scheme: 'file', pattern: '**/podls.toml' },
      { scheme: 'file', pattern: '**/.podls.toml' },
    ],
    outputChannel: output,
    initializationOptions: serverSettings(),
    middleware: {
      workspace: {
        // The server may pull its settings: answer with the same object as initializationOptions.
        configuration: async (params, token, next) => {
          const result = await next(params, token);
          if (!Array.isArray(result)) return result;
          return params.items.map((item, i) => {
            const scope = item.scopeUri ? vscode.Uri.parse(item.scopeUri) : undefined;
            if (item.section === SECTION) return serverSettings(scope);
            if (item.section === `${SECTION}.locale`) return resolveLocale(result[i]);
            return result[i];
          });
        },
      },
    },
  };

  const c = new LanguageClient('podls', 'podls', serverOptions, clientOptions);
  client = c;
  c.onDidChangeState(() => updateStatus());
  try {
    await c.start();
    const info = c.initializeResult?.serverInfo;
    log(`started ${info?.name ?? 'podls'} ${info?.version ?? ''}`.trim());
    closeStartErrorNotice?.(); // a notice about an earlier failed start is out of date now
  } catch (e) {
    startError = `podls failed to start: ${e instanceof Error ? e.message : String(e)}`;
    log(startError);
    showStartError(startError);
  }
  updateStatus();
}

async function stop(): Promise<void> {
  const c = client;
  client = undefined;
  if (!c) return;
  stopping = true;
  try {
    await c.stop(2000); // shutdown + exit: the server ends by itself
  } catch (e) {
    log(`stop: ${e instanceof Error ? e.message : String(e)}`);
  }
  await c.dispose().catch(() => undefined);
  const child = serverProcess;
  if (child && child.exitCode === null && child.signalCode === null) {
    const exited = new Promise<boolean>((resolve) => child.once('exit', () => resolve(true)));
    const within = (ms: number) =>
      Promise.race([exited, new Promise<boolean>((resolve) => setTimeout(() => resolve(false), ms))]);
    // It ends by itself right after `exit`; one that does not is ended, so a restart leaves none behind.
    if (!(await within(2000))) {
      child.kill();
      await within(2000);
    }
  }
  stopping = false;
}

async function restart(): Promise<void> {
  log('restarting');
  await stop();
  await start();
}

async function onConfigurationChanged(e: vscode.ConfigurationChangeEvent): Promise<void> {
  if (!e.affectsConfiguration(SECTION)) return;
  if (e.affectsConfiguration(`${SECTION}.server`)) {
    await restart();
    return;
  }
  if (e.affectsConfiguration(`${SECTION}.trace`)) return; // the language client handles podls.trace.server
  if (client?.state === State.Running) {
    const settings = { [SECTION]: serverSettings() };
    log(`settings changed: ${JSON.stringify(settings)}`);
    await client.sendNotification(DidChangeConfigurationNotification.type, { settings });
  }
}

function updateStatus(): void {
  const doc = vscode.window.activeTextEditor?.document;
  if (!doc || (doc.languageId !== 'yaml' && doc.languageId !== 'json')) {
    status.hide();
    return;
  }
  if (startError) {
    status.text = '$(error) podls';
    status.tooltip = startError;
    status.backgroundColor = new vscode.ThemeColor('statusBarItem.errorBackground');
    status.show();
    return;
  }
  status.backgroundColor = undefined;
  const state = client?.state;
  if (state === State.Running) {
    const info = client?.initializeResult?.serverInfo;
    status.text = '$(check) podls';
    status.tooltip = `podls ${info?.version ?? ''} is running (it checks the Pods in YAML files) — click for the output`;
  } else {
    status.text = '$(sync~spin) podls';
    status.tooltip = 'podls is starting';
  }
  status.show();
}
