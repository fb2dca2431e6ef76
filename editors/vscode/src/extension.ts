// VS Code client for podls, the Kubernetes Pod YAML language server.
//
// - activates on YAML files and starts `podls --stdio`;
// - finds the server: setting `podls.server.path` → binary shipped in the extension's `server/` dir → `podls` on PATH;
// - passes the `podls.*` settings (minus `server.*` and `trace.*`) as initializationOptions, answers
//   workspace/configuration pulls with them, and pushes changes via workspace/didChangeConfiguration;
// - output channel "podls", command "podls: Restart Server", a status bar item while a Pod document is active.
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
  TransportKind,
} from 'vscode-languageclient/node';

const SECTION = 'podls';
const EXE = process.platform === 'win32' ? 'podls.exe' : 'podls';

let client: LanguageClient | undefined;
let output: vscode.OutputChannel;
let status: vscode.StatusBarItem;
let extensionContext: vscode.ExtensionContext;
let startError: string | undefined;

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
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.document === vscode.window.activeTextEditor?.document) updateStatus();
    }),
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

/** Everything under `podls` except the client-only `server.*` and `trace.*`, with `locale` resolved. */
export function serverSettings(scope?: vscode.ConfigurationScope): Record<string, unknown> {
  const cfg = vscode.workspace.getConfiguration(SECTION, scope);
  // A WorkspaceConfiguration serialises to the plain nested settings object (its methods are dropped).
  const all = JSON.parse(JSON.stringify(cfg)) as Record<string, unknown>;
  delete all.server;
  delete all.trace;
  all.locale = resolveLocale(all.locale);
  return all;
}

// ---------------------------------------------------------------------------------------------------------
// Pod detection (status item, diagnostics de-duplication)

const API_V1 = /^apiVersion:[ \t]*["']?v1["']?[ \t]*(#.*)?$/m;
const KIND_POD = /^kind:[ \t]*["']?Pod["']?[ \t]*(#.*)?$/m;

export function isPodText(text: string): boolean {
  return text.split(/^---.*$/m).some((doc) => API_V1.test(doc) && KIND_POD.test(doc));
}

function isPodDocument(doc: vscode.TextDocument | undefined): boolean {
  return !!doc && doc.languageId === 'yaml' && isPodText(doc.getText());
}

const YAML_EXTENSION = 'redhat.vscode-yaml';

// ---------------------------------------------------------------------------------------------------------
// Client lifecycle

function log(msg: string): void {
  output.appendLine(`[client ${new Date().toISOString()}] ${msg}`);
}

async function start(): Promise<void> {
  startError = undefined;
  const found = findServer();
  if ('error' in found) {
    startError = found.error;
    log(found.error);
    updateStatus();
    const choice = await vscode.window.showErrorMessage(found.error, 'Open Settings', 'Show Output');
    if (choice === 'Open Settings') {
      await vscode.commands.executeCommand('workbench.action.openSettings', 'podls.server.path');
    } else if (choice === 'Show Output') {
      output.show(true);
    }
    return;
  }
  log(`starting ${found.command} (${found.source})`);

  // TransportKind.stdio appends `--stdio` to the arguments.
  const serverOptions: ServerOptions = {
    command: found.command,
    transport: TransportKind.stdio,
    options: { env: { ...process.env, RUST_BACKTRACE: process.env.RUST_BACKTRACE ?? '1' } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'yaml' },
      { scheme: 'untitled', language: 'yaml' },
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
      // redhat.vscode-yaml already reports YAML syntax errors; podls's only differ on Pod documents.
      handleDiagnostics: (uri, diagnostics, next) => {
        if (diagnostics.length > 0 && vscode.extensions.getExtension(YAML_EXTENSION)) {
          const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
          if (doc && !isPodDocument(doc)) diagnostics = [];
        }
        next(uri, diagnostics);
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
  } catch (e) {
    startError = `podls failed to start: ${e instanceof Error ? e.message : String(e)}`;
    log(startError);
    void vscode.window.showErrorMessage(startError, 'Show Output').then((c) => c && output.show(true));
  }
  updateStatus();
}

async function stop(): Promise<void> {
  const c = client;
  client = undefined;
  if (c) {
    try {
      await c.stop(2000);
    } catch (e) {
      log(`stop: ${e instanceof Error ? e.message : String(e)}`);
    }
    await c.dispose().catch(() => undefined);
  }
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
  if (!doc || doc.languageId !== 'yaml') {
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
  if (!isPodDocument(doc)) {
    status.hide();
    return;
  }
  const state = client?.state;
  if (state === State.Running) {
    const info = client?.initializeResult?.serverInfo;
    status.text = '$(check) podls';
    status.tooltip = `podls ${info?.version ?? ''} is checking this Pod — click for the output`;
  } else {
    status.text = '$(sync~spin) podls';
    status.tooltip = 'podls is starting';
  }
  status.show();
}
