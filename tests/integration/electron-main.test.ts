/**
 * The main process under plain Node, with Electron replaced by a recording fake: the window's security
 * options, navigation and window.open denied, permissions denied (requests and checks), the CSP on the
 * app's own pages only, IPC wired to the same handlers with the sender checked (top frame, app page) and
 * inputs validated again, the keychain through safeStorage's async API, development overrides ignored
 * when packaged, one instance at a time, and windows that say why their page did not show. The real
 * binary is exercised by tests/e2e/electron.spec.ts wherever one can be launched.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ipcChannel, methodNames } from '../../src/api/contract.ts';
import type { AppError } from '../../src/api/errors.ts';
import { PROJECT_ROOT, tempDir } from '../support/demo.ts';
import { TEST_PASSPHRASE } from '../support/workspace.ts';

type Listener = (...args: unknown[]) => unknown;
interface FakeWindow {
  options: { webPreferences: Record<string, unknown>; show?: boolean };
  url: string;
  loaded: string[];
  listeners: Map<string, Listener>;
  openHandler?: Listener;
  shown: boolean;
  focused: boolean;
  minimized: boolean;
  destroyed: boolean;
}
interface FakeSession {
  permission?: Listener;
  permissionCheck?: Listener;
}

const fake = vi.hoisted(() => ({
  userData: '',
  packaged: false,
  lock: true,
  quits: 0,
  ready: 0,
  appListeners: new Map<string, Listener[]>(),
  ipc: new Map<string, Listener>(),
  windows: [] as FakeWindow[],
  defaultSession: {} as FakeSession & { headers?: Listener },
  partitions: new Map<string, FakeSession>(),
  sandboxEnabled: false,
  schemes: [] as unknown[],
  protocols: new Map<string, (request: Request) => Promise<Response>>(),
  fetched: [] as string[],
  keychainCalls: [] as string[],
  loadFile: undefined as ((window: FakeWindow & { emit(name: string, ...args: unknown[]): void }) => Promise<void>) | undefined,
  printToPDF: undefined as ((window: FakeWindow & { emit(name: string, ...args: unknown[]): void }) => Promise<Buffer>) | undefined,
}));

vi.mock('electron', () => {
  const later = <T>(value: T) => new Promise<T>((resolve) => setTimeout(() => resolve(value), 2));
  class BrowserWindow {
    options: unknown;
    url = '';
    loaded: string[] = [];
    listeners = new Map<string, Listener>();
    openHandler?: Listener;
    shown = false;
    focused = false;
    minimized = false;
    destroyed = false;
    webContents = {
      on: (name: string, listener: Listener) => this.listeners.set(name, listener),
      setWindowOpenHandler: (handler: Listener) => (this.openHandler = handler),
      printToPDF: () => (fake.printToPDF ? fake.printToPDF(this as never) : Promise.resolve(Buffer.from('%PDF-1.4'))),
      print: () => {},
    };
    constructor(options: unknown) {
      this.options = options;
      fake.windows.push(this as never);
    }
    emit(name: string, ...args: unknown[]) {
      this.listeners.get(name)?.({ preventDefault() {} }, ...args);
    }
    once() {}
    show() {
      this.shown = true;
    }
    focus() {
      this.focused = true;
    }
    isMinimized() {
      return this.minimized;
    }
    restore() {
      this.minimized = false;
    }
    isDestroyed() {
      return this.destroyed;
    }
    destroy() {
      this.destroyed = true;
    }
    loadURL(url: string) {
      this.url = url;
      this.loaded.push(url);
      return Promise.resolve();
    }
    loadFile(file: string) {
      this.loaded.push(file);
      return fake.loadFile ? fake.loadFile(this as never) : Promise.resolve();
    }
    static getAllWindows = () => fake.windows.filter((w) => !w.destroyed);
  }
  const fakeSession = (target: FakeSession) => ({
    setPermissionRequestHandler: (handler: Listener) => (target.permission = handler),
    setPermissionCheckHandler: (handler: Listener) => (target.permissionCheck = handler),
  });
  return {
    app: {
      get isPackaged() {
        return fake.packaged;
      },
      requestSingleInstanceLock: () => fake.lock,
      quit: () => void (fake.quits += 1),
      enableSandbox: () => (fake.sandboxEnabled = true),
      whenReady: () => {
        fake.ready += 1;
        return Promise.resolve();
      },
      getPath: () => fake.userData,
      getAppPath: () => PROJECT_ROOT,
      getVersion: () => '0.0.0-test',
      on: (name: string, listener: Listener) => fake.appListeners.set(name, [...(fake.appListeners.get(name) ?? []), listener]),
    },
    BrowserWindow,
    screen: { getPrimaryDisplay: () => ({ workAreaSize: { width: 1366, height: 728 } }) },
    // The asynchronous API only: the synchronous one is deprecated in 45 and gone in 46.
    safeStorage: {
      isAsyncEncryptionAvailable: () => later(true),
      getSelectedStorageBackend: () => 'gnome_libsecret',
      encryptStringAsync: (text: string) => {
        fake.keychainCalls.push('encrypt');
        return later(Buffer.from(`disegel:${text}`));
      },
      decryptStringAsync: (sealed: Buffer) => {
        fake.keychainCalls.push('decrypt');
        return later({ result: sealed.toString().slice('disegel:'.length), shouldReEncrypt: false });
      },
    },
    ipcMain: { handle: (channel: string, listener: Listener) => fake.ipc.set(channel, listener) },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => fake.schemes.push(...schemes),
      handle: (scheme: string, handler: (request: Request) => Promise<Response>) => fake.protocols.set(scheme, handler),
    },
    net: {
      fetch: (url: string) => {
        fake.fetched.push(url);
        return Promise.resolve(new Response('<!doctype html>', { headers: { 'content-type': 'text/html' } }));
      },
    },
    session: {
      defaultSession: {
        ...fakeSession(fake.defaultSession),
        webRequest: { onHeadersReceived: (handler: Listener) => (fake.defaultSession.headers = handler) },
      },
      fromPartition: (partition: string) => {
        if (!fake.partitions.has(partition)) fake.partitions.set(partition, {});
        return { partition, ...fakeSession(fake.partitions.get(partition)!) };
      },
    },
  };
});

/**
 * Starts main afresh, as a new launch would: the previous one quits first (its workspace closes).
 * `env` is what the launch's environment holds while main loads.
 */
async function launch({ packaged = false, lock = true, env = {} as Record<string, string> } = {}): Promise<void> {
  await quit();
  Object.assign(fake, { packaged, lock, quits: 0, ready: 0, windows: [], schemes: [], fetched: [], keychainCalls: [] });
  fake.appListeners.clear();
  fake.ipc.clear();
  fake.protocols.clear();
  for (const key of Object.keys(fake.defaultSession)) delete fake.defaultSession[key as keyof typeof fake.defaultSession];
  const saved = Object.fromEntries(Object.keys(env).map((name) => [name, process.env[name]]));
  Object.assign(process.env, env);
  try {
    vi.resetModules();
    await import('../../electron/main/index.ts');
    if (lock) await vi.waitFor(() => expect(fake.windows).toHaveLength(1));
  } finally {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
}

/** Quits the running main as Electron does: will-quit, which may put the quit off (then main calls app.quit again). */
async function quit(): Promise<{ putOff: boolean }> {
  let putOff = false;
  for (;;) {
    let prevented = false;
    const quits = fake.quits;
    for (const listener of fake.appListeners.get('will-quit') ?? []) listener({ preventDefault: () => (prevented = true) });
    if (!prevented) return { putOff };
    putOff = true;
    await vi.waitFor(() => expect(fake.quits).toBeGreaterThan(quits));
  }
}

const mainWindow = () => fake.windows[0];
/** An IPC call as Electron delivers it: from the window's top frame unless another frame is given. */
function call(method: string, input: unknown, frame: { url: string } | null = { url: mainWindow().url }, top = frame) {
  return fake.ipc.get(ipcChannel(method as never))!({ senderFrame: frame, sender: { mainFrame: top } }, input) as Promise<{
    ok: boolean;
    value?: any;
    error?: any;
  }>;
}

describe('Electron main process (Electron faked, real handlers and SQLite)', () => {
  const tmp = tempDir();
  beforeAll(async () => {
    fake.userData = tmp.dir;
    await launch();
  });
  afterAll(async () => {
    await quit();
    tmp.remove();
  });

  it('opens a sandboxed, context-isolated window without Node integration', () => {
    expect(fake.sandboxEnabled).toBe(true);
    const prefs = mainWindow().options.webPreferences;
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, webviewTag: false });
    expect(String(prefs.preload)).toMatch(/preload[\\/]index\.cjs$/);
    expect(mainWindow().url).toBe('app://timbang/index.html');
    expect(mainWindow().options).toMatchObject({ width: 1280, height: 728 }); // fits a 1366×768 laptop's work area
  });

  it('registers one IPC handler per contract method', () => {
    expect([...fake.ipc.keys()].sort()).toEqual(methodNames.map(ipcChannel).sort());
  });

  it('serves the app page through the same handlers, with the workspace in userData', async () => {
    expect(await call('loadDemoEvent', { role: 'sekretariat' })).toMatchObject({ ok: true, value: { nomineeCount: 40 } });
    expect(await call('appInfo', {})).toMatchObject({
      ok: true,
      value: { version: '0.0.0-test', workspacePath: `${tmp.dir}/workspace.sqlite` },
    });
  });

  it('seals the workspace key with the OS keychain (safeStorage, asynchronously), after asking for a backup passphrase', async () => {
    expect(await call('keyStatus', {})).toEqual({ ok: true, value: { state: 'none', protection: 'os' } });
    expect(await call('createKey', {})).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', message: { id: expect.stringContaining('Frasa sandi cadangan minimal 8 karakter') } },
    });
    const created = await call('createKey', { passphrase: TEST_PASSPHRASE });
    expect(created).toMatchObject({ ok: true, value: { state: 'unlocked', protection: 'os' } });
    expect(created.value.fingerprint).toMatch(/^(\d{5} ){4}\d{5}$/);
    await vi.waitFor(() => expect(fake.keychainCalls).toEqual(['encrypt']));
  });

  it('refuses calls from any other page, from a subframe (even one of ours) and from a frame already gone', async () => {
    expect(await call('listEvents', {}, { url: 'https://contoh.example/' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const subframe = { url: 'app://timbang/index.html' };
    expect(await call('listEvents', {}, subframe, { url: 'app://timbang/index.html' })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await call('listEvents', {}, null, { url: 'app://timbang/index.html' })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await call('listEvents', {})).toMatchObject({ ok: true });
  });

  it('validates inputs again in main', async () => {
    expect(await call('listNominees', { eventId: 42 })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });

  it('denies navigation away from the app, new windows, every permission request and every permission check', () => {
    const window = mainWindow();
    const prevent = vi.fn();
    window.listeners.get('will-navigate')!({ preventDefault: prevent }, 'https://contoh.example/');
    expect(prevent).toHaveBeenCalledOnce();
    expect(window.openHandler!({ url: 'https://contoh.example/' })).toEqual({ action: 'deny' });
    const decided = vi.fn();
    fake.defaultSession.permission!({}, 'media', decided);
    expect(decided).toHaveBeenCalledWith(false);
    for (const permission of ['media', 'clipboard-read', 'notifications', 'geolocation', 'hid', 'serial', 'usb']) {
      expect(fake.defaultSession.permissionCheck!({}, permission, 'app://timbang', {}), permission).toBe(false);
    }
  });

  it('serves the renderer from app://timbang/, only its own files, each with the CSP', async () => {
    expect(fake.schemes).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true } }]);
    const serve = fake.protocols.get('app')!;
    const page = await serve(new Request('app://timbang/index.html'));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html');
    const csp = page.headers.get('Content-Security-Policy')!;
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe');
    expect(fake.fetched).toEqual([pathToFileURL(join(PROJECT_ROOT, 'electron', 'renderer', 'index.html')).toString()]);
    for (const outside of [
      'app://timbang/..%2f..%2fpackage.json',
      'app://timbang/%2e%2e%5c%2e%2e%5cpackage.json',
      'app://lain/index.html',
      'app://timbang/%E0%A4%A',
    ]) {
      expect((await serve(new Request(outside))).status, outside).toBe(404);
    }
    // Dot segments, even percent-encoded, are resolved by the URL parser itself: they never leave the renderer.
    await serve(new Request('app://timbang/%2e%2e/%2e%2e/etc/passwd'));
    expect(fake.fetched.slice(1)).toEqual([pathToFileURL(join(PROJECT_ROOT, 'electron', 'renderer', 'etc', 'passwd')).toString()]);
  });

  it('adds the CSP to no other response (it would strip the printed report of its inline styles)', () => {
    expect(fake.defaultSession.headers).toBeUndefined();
  });

  it('shows the main window with the reason in both languages when its page fails to load or its renderer dies', async () => {
    const window = mainWindow();
    window.listeners.get('did-fail-load')!({}, -3, 'ERR_ABORTED', 'app://timbang/index.html', true); // a cancelled navigation is no failure
    window.listeners.get('did-fail-load')!({}, -6, 'ERR_FILE_NOT_FOUND', 'app://timbang/iframe.html', false); // nor a subframe's
    expect(window.shown).toBe(false);
    window.listeners.get('did-fail-load')!({}, -6, 'ERR_FILE_NOT_FOUND', 'app://timbang/index.html', true);
    expect(window.shown).toBe(true);
    const page = decodeURIComponent(window.url);
    expect(page).toMatch(/^data:text\/html/);
    expect(page).toContain('Halaman Timbang tidak dapat dimuat (ERR_FILE_NOT_FOUND)');
    expect(page).toContain('The Timbang page could not be loaded (ERR_FILE_NOT_FOUND)');
    window.listeners.get('render-process-gone')!({}, { reason: 'crashed', exitCode: 139 });
    expect(decodeURIComponent(window.url)).toContain('berhenti (crashed)');
    expect(decodeURIComponent(window.url)).toContain('stopped (crashed)');
    // The failure page itself failing does not loop.
    const loads = window.loaded.length;
    window.listeners.get('did-fail-load')!({}, -2, 'ERR_FAILED', window.url, true);
    expect(window.loaded).toHaveLength(loads);
  });
});

describe('the report window (Electron faked)', () => {
  let printing: typeof import('../../electron/main/report-printing.ts').electronPrinting;
  let partition: string;
  const html =
    '<!doctype html><html><head><style>h1 { font-family: serif; color: #123456 }</style></head><body><h1>Berita Acara</h1></body></html>';
  beforeAll(async () => {
    ({ electronPrinting: printing, REPORT_PARTITION: partition } = await import('../../electron/main/report-printing.ts'));
  });
  const reportWindow = () => fake.windows.at(-1)!;

  it('prints in a session of its own, where the app CSP is not added and every permission is denied, then closes', async () => {
    fake.loadFile = undefined;
    fake.printToPDF = undefined;
    expect((await printing.toPdf(html)).subarray(0, 5).toString()).toBe('%PDF-');
    const window = reportWindow();
    expect(window.options.webPreferences.session).toMatchObject({ partition });
    expect(partition).not.toMatch(/^persist:/); // in memory
    expect(window.options.webPreferences).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      javascript: false,
    });
    expect(fake.partitions.get(partition)!.permissionCheck!({}, 'media')).toBe(false);
    const decided = vi.fn();
    fake.partitions.get(partition)!.permission!({}, 'media', decided);
    expect(decided).toHaveBeenCalledWith(false);
    expect(window.loaded[0]).toMatch(/laporan\.html$/);
    expect(window.destroyed).toBe(true);
    expect(window.shown).toBe(false);
  });

  it('shows the window with the reason in both languages, and fails the call with it, when the report fails to load', async () => {
    fake.loadFile = (window) => {
      window.emit('did-fail-load', -6, 'ERR_FILE_NOT_FOUND', 'file:///tmp/laporan.html', true);
      return Promise.reject(new Error('ERR_FILE_NOT_FOUND (-6) loading file:///tmp/laporan.html'));
    };
    const failure = await printing.toPdf(html).catch((error: unknown) => error);
    expect(failure).toMatchObject({ name: 'AppError', code: 'internal' }); // the envelope's error, in both languages
    expect((failure as AppError).bilingual).toEqual({
      id: expect.stringContaining('Laporan tidak dapat dimuat (ERR_FILE_NOT_FOUND)'),
      en: expect.stringContaining('The report could not be loaded (ERR_FILE_NOT_FOUND)'),
    });
    const window = reportWindow();
    expect(window.shown).toBe(true);
    expect(window.destroyed).toBe(false); // stays until the user closes it
    expect(decodeURIComponent(window.url)).toContain('Laporan tidak dapat dimuat (ERR_FILE_NOT_FOUND)');
    expect(decodeURIComponent(window.url)).toContain('The report could not be loaded (ERR_FILE_NOT_FOUND)');
  });

  it('shows the window with the reason when the process drawing the report dies while printing', async () => {
    fake.loadFile = undefined;
    fake.printToPDF = (window) => {
      setTimeout(() => window.emit('render-process-gone', { reason: 'oom', exitCode: -1 }), 1);
      return new Promise<Buffer>(() => {}); // printToPDF never answers once the renderer is gone
    };
    const failure = (await printing.toPdf(html).catch((error: unknown) => error)) as AppError;
    expect(failure.bilingual.id).toContain('Proses yang menampilkan laporan berhenti (oom)');
    expect(failure.bilingual.en).toContain('The process showing the report stopped (oom)');
    expect(reportWindow().shown).toBe(true);
    expect(decodeURIComponent(reportWindow().url)).toContain('berhenti (oom)');
    fake.printToPDF = undefined;
  });
});

describe('launches of the Electron main process (Electron faked)', () => {
  const tmp = tempDir();
  beforeAll(() => {
    fake.userData = tmp.dir;
  });
  afterAll(async () => {
    await quit();
    tmp.remove();
  });

  it('honours ELECTRON_RENDERER_URL and TIMBANG_DATA_DIR during development', async () => {
    const elsewhere = tempDir();
    await launch({ env: { ELECTRON_RENDERER_URL: 'http://localhost:5173/', TIMBANG_DATA_DIR: elsewhere.dir } });
    expect(mainWindow().url).toBe('http://localhost:5173/');
    expect(await call('appInfo', {})).toMatchObject({ ok: true, value: { workspacePath: `${elsewhere.dir}/workspace.sqlite` } });
    await quit();
    fake.appListeners.clear();
    elsewhere.remove();
  });

  it('ignores both when packaged: no environment variable points the installed app at another page or workspace', async () => {
    (process as { resourcesPath?: string }).resourcesPath = PROJECT_ROOT; // set by Electron in an installed app
    await launch({ packaged: true, env: { ELECTRON_RENDERER_URL: 'https://penyerang.example/', TIMBANG_DATA_DIR: join(tmp.dir, 'lain') } });
    expect(mainWindow().url).toBe('app://timbang/index.html');
    expect(await call('appInfo', {})).toMatchObject({ ok: true, value: { workspacePath: `${tmp.dir}/workspace.sqlite` } });
    // The foreign page gets nothing, were it loaded anyway.
    expect(await call('listEvents', {}, { url: 'https://penyerang.example/' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('opens a keychain key in a later session in one call: main waits for the keychain rather than saying "try again"', async () => {
    await launch();
    await call('createKey', { passphrase: TEST_PASSPHRASE });
    // Quitting at once waits for the keychain to seal the new key, so its copy is stored before the workspace closes.
    expect(await quit()).toEqual({ putOff: true });
    expect(fake.keychainCalls).toEqual(['encrypt']);
    await launch(); // the next session: the key is locked, sealed by the keychain
    expect(await call('keyStatus', {})).toMatchObject({ ok: true, value: { state: 'locked', protection: 'os' } });
    expect(await call('unlockKey', {})).toMatchObject({ ok: true, value: { state: 'unlocked', protection: 'os' } });
    expect(fake.keychainCalls).toEqual(['decrypt']);
  });

  it('takes the single-instance lock; a second launch brings the first window back (restored, shown, focused)', async () => {
    await launch();
    const window = mainWindow();
    Object.assign(window, { minimized: true, shown: false, focused: false });
    const secondInstance = fake.appListeners.get('second-instance');
    expect(secondInstance).toHaveLength(1);
    secondInstance![0]({}, ['timbang'], tmp.dir);
    expect(window).toMatchObject({ minimized: false, shown: true, focused: true });
    expect(fake.windows).toHaveLength(1); // no second window
  });

  it('quits at once when another instance holds the lock: no window, no IPC, no workspace opened', async () => {
    await launch({ lock: false });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(fake.quits).toBe(1);
    expect(fake.ready).toBe(0);
    expect(fake.windows).toHaveLength(0);
    expect(fake.ipc.size).toBe(0);
  });
});
