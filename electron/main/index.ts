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
import { AppError, isAppError, type Envelope } from '../../src/api/errors.ts';
import { desktopMessages } from '../../src/core/messages/desktop.ts';
import type { Bilingual } from '../../src/core/model.ts';
import { KEYCHAIN_PENDING } from '../../src/services/keys/key-store.ts';
import { useVerifyWorker } from '../../src/services/workers/verify-pool.ts';
import { hostWorkspace, type WorkspaceHost } from '../../src/services/workspace-host.ts';
import { openKeychain, type Keychain } from './keychain.ts';
import { failurePageUrl, NAVIGATION_ABORTED, pageFailedMessage, rendererGoneMessage } from './failure-page.ts';
import { electronPrinting } from './report-printing.ts';
import {
  APP_ENTRY,
  APP_SCHEME,
  CONTENT_SECURITY_POLICY,
  developmentOverrides,
  isAppUrl,
  isTrustedSender,
  rendererFile,
  secureWebPreferences,
} from './security.ts';

// An installed app reads no development override (security.ts): only `npm start` and tests may set them.
const overrides = developmentOverrides(app.isPackaged, process.env);
const rendererUrl = overrides.rendererUrl ?? APP_ENTRY;
const rendererDir = join(import.meta.dirname, '../renderer');
const resourcesDir = app.isPackaged ? join(process.resourcesPath, 'resources') : join(app.getAppPath(), 'resources');

let host: WorkspaceHost | undefined;
let keychain: Keychain | undefined;
let mainWindow: BrowserWindow | undefined;

function registerIpc(handlers: Handlers, keychain: Keychain | undefined): void {
  for (const method of methodNames) {
    ipcMain.handle(ipcChannel(method), async (event, input: unknown) => {
      if (!isTrustedSender(event, rendererUrl)) {
        return { ok: false, error: { code: 'forbidden', message: desktopMessages.unknownCaller() } };
      }
      const answer = await dispatch(handlers, method, input); // validates the input with zod again, here in main
      // The key store asks the keychain (asynchronous) and says "still opening" until it has answered:
      // wait for the answer and ask once more, so the user never sees that.
      if (keychain && method === 'unlockKey' && isKeychainPending(answer)) {
        await keychain.idle();
        return dispatch(handlers, method, input);
      }
      return answer;
    });
  }
}

function isKeychainPending(answer: Envelope<unknown>): boolean {
  if (answer.ok) return false;
  const error = AppError.fromInfo(answer.error);
  return isAppError(error, 'key-locked') && error.details?.keychain === KEYCHAIN_PENDING;
}

function createWindow(): BrowserWindow {
  // Never taller or wider than the screen's work area: a juror's 1366×768 laptop has about 728 px below the taskbar.
  const area = screen.getPrimaryDisplay().workAreaSize;
  // Kept on one line (electronegativity reads an eng-disable comment only on the line of its finding):
  // prettier-ignore
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
  // A page that never paints would leave the window hidden for good: show it, saying what happened.
  const showFailure = (message: Bilingual) => {
    if (window.isDestroyed()) return;
    void window.loadURL(failurePageUrl(message));
    window.show();
  };
  const what = desktopMessages.timbangPage();
  window.webContents.on('did-fail-load', (_event, code, description, url, isMainFrame) => {
    if (isMainFrame && code !== NAVIGATION_ABORTED && !url.startsWith('data:')) showFailure(pageFailedMessage(what, description));
  });
  window.webContents.on('render-process-gone', (_event, details) => {
    if (details.reason !== 'clean-exit') showFailure(rendererGoneMessage(what, details.reason));
  });
  void window.loadURL(rendererUrl);
  return window;
}

/** A second launch (a double click while the app is open) brings the open window forward instead. */
function focusMainWindow(): void {
  const window = mainWindow && !mainWindow.isDestroyed() ? mainWindow : undefined;
  if (!window) return;
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
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

// One app per user: two would write the same workspace, and a restore in one would pull the file from
// under the other. The second launch hands over to the first (its 'second-instance') and quits.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', focusMainWindow);
  start();
}

function start(): void {
  app.enableSandbox();
  // Before ready, as Electron requires: a standard, secure scheme gets an origin, so 'self' in the CSP means it.
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true } }]);

  app.whenReady().then(async () => {
    // The CSP comes with each app:// response (serveRenderer) and in index.html's meta tag; it is not added
    // to every response of the session, which would strip the printed report of its inline styles.
    session.defaultSession.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false));
    session.defaultSession.setPermissionCheckHandler(() => false);
    // TIMBANG_DATA_DIR (development and tests only) keeps the workspace elsewhere than userData.
    const dataDir = overrides.dataDir ?? app.getPath('userData');
    mkdirSync(dataDir, { recursive: true });
    // Opens even a damaged workspace file: the window then shows what is wrong and offers the backups.
    keychain = await openKeychain(safeStorage, process.platform);
    // Sheets verify side by side in worker threads, from the worker the build writes beside this file
    // (out/main/verify-worker.js); where it cannot start, the pool verifies in this thread with the same results.
    useVerifyWorker(new URL('./verify-worker.js', import.meta.url));
    host = hostWorkspace(join(dataDir, 'workspace.sqlite'), {
      resourcesDir,
      appVersion: app.getVersion(),
      osSecrets: keychain,
      printing: electronPrinting,
    });
    registerIpc(host.handlers, keychain);
    serveRenderer();
    mainWindow = createWindow();
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) mainWindow = createWindow();
    });
  });

  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  // Closed on quitting, not with the last window: on macOS the app stays and opens a window again.
  // A keychain still sealing a new key is waited for, so its copy is stored before the workspace closes.
  app.on('will-quit', (event) => {
    if (keychain?.busy()) {
      event.preventDefault();
      void keychain.idle().then(() => app.quit());
      return;
    }
    host?.close();
    host = undefined;
  });
}
