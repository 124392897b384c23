/**
 * Electron main process: windows, IPC wiring and the workspace. Deliberately thin: every call goes to
 * the same handlers the CLI and the browser bridge use, through the same contract and dispatcher.
 */
import { app, BrowserWindow, ipcMain, net, protocol, safeStorage, screen, session } from 'electron';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ipcChannel, methodNames, type Handlers } from '../../src/api/contract.ts';
import { dispatch } from '../../src/api/dispatch.ts';
import type { OsSecretStore } from '../../src/services/keys/key-store.ts';
import { hostWorkspace, type WorkspaceHost } from '../../src/services/workspace-host.ts';
import { electronPrinting } from './report-printing.ts';
import { APP_ENTRY, APP_SCHEME, CONTENT_SECURITY_POLICY, isAppUrl, rendererFile, secureWebPreferences } from './security.ts';

const rendererUrl = process.env.ELECTRON_RENDERER_URL ?? APP_ENTRY;
const rendererDir = join(import.meta.dirname, '../renderer');
const resourcesDir = app.isPackaged ? join(process.resourcesPath, 'resources') : join(app.getAppPath(), 'resources');

let host: WorkspaceHost | undefined;

/**
 * The OS keychain for sealing the workspace's private key, where there is a real one. On Linux without
 * a keyring Electron falls back to a fixed password ('basic_text'), which protects nothing: the key
 * then takes a passphrase instead.
 */
function osSecretStore(): OsSecretStore | undefined {
  if (!safeStorage.isEncryptionAvailable()) return undefined;
  if (process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text') return undefined;
  return {
    seal: (secret) => safeStorage.encryptString(secret.toString('base64')),
    open: (sealed) => Buffer.from(safeStorage.decryptString(sealed), 'base64'),
  };
}

function registerIpc(handlers: Handlers): void {
  for (const method of methodNames) {
    ipcMain.handle(ipcChannel(method), (event, input: unknown) => {
      const senderUrl = event.senderFrame?.url ?? '';
      if (!isAppUrl(senderUrl, rendererUrl)) {
        return { ok: false, error: { code: 'forbidden', message: { id: 'Pemanggil tidak dikenal.', en: 'Unknown caller.' } } };
      }
      return dispatch(handlers, method, input); // validates the input with zod again, here in main
    });
  }
}

function createWindow(): BrowserWindow {
  // Never taller or wider than the screen's work area: a juror's 1366×768 laptop has about 728 px below the taskbar.
  const area = screen.getPrimaryDisplay().workAreaSize;
  const window = new BrowserWindow({ // eng-disable CONTEXT_ISOLATION_JS_CHECK SANDBOX_JS_CHECK AUXCLICK_JS_CHECK: secureWebPreferences() sets contextIsolation and sandbox (security.ts, tested); a middle-click's new window meets setWindowOpenHandler below, which denies every one
    width: Math.min(1280, area.width),
    height: Math.min(860, area.height),
    show: false,
    title: 'Timbang',
    webPreferences: secureWebPreferences(join(import.meta.dirname, '../preload/index.cjs')),
  });
  window.once('ready-to-show', () => window.show());
  window.webContents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url, rendererUrl)) event.preventDefault();
  });
  window.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  void window.loadURL(rendererUrl);
  return window;
}

/** The built renderer's files, each with the CSP; nothing else answers on app://. */
function serveRenderer(): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const file = rendererFile(request.url, rendererDir);
    if (!file) return new Response(null, { status: 404 });
    const response = await net.fetch(pathToFileURL(file).toString());
    const headers = new Headers(response.headers);
    headers.set('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    return new Response(response.body, { status: response.status, headers });
  });
}

app.enableSandbox();
// Before ready, as Electron requires: a standard, secure scheme gets an origin, so 'self' in the CSP means it.
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true } }]);

app.whenReady().then(() => {
  session.defaultSession.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false));
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } }); // eng-disable CSP_GLOBAL_CHECK: the constant CONTENT_SECURITY_POLICY, which the tool cannot read; the same policy in src/renderer/index.html is checked
  });
  // TIMBANG_DATA_DIR lets tests (and a portable install) keep the workspace elsewhere than userData.
  const dataDir = process.env.TIMBANG_DATA_DIR ?? app.getPath('userData');
  mkdirSync(dataDir, { recursive: true });
  // Opens even a damaged workspace file: the window then shows what is wrong and offers the backups.
  host = hostWorkspace(join(dataDir, 'workspace.sqlite'), { resourcesDir, appVersion: app.getVersion(), osSecrets: osSecretStore(), printing: electronPrinting });
  registerIpc(host.handlers);
  serveRenderer();
  createWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow();
  });
});

app.on('web-contents-created', (_event, contents) => {
  contents.on('will-attach-webview', (event) => event.preventDefault());
});

app.on('window-all-closed', () => {
  host?.close();
  host = undefined;
  if (process.platform !== 'darwin') app.quit();
});
