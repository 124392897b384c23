/**
 * The main process under plain Node, with Electron replaced by a recording fake: the window's security
 * options, navigation and window.open denied, permissions denied, CSP set, and IPC wired to the same
 * handlers with the sender checked and inputs validated again. The real binary is exercised by
 * tests/e2e/electron.spec.ts wherever one can be launched.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ipcChannel, methodNames } from '../../src/api/contract.ts';
import { PROJECT_ROOT, tempDir } from '../support/demo.ts';

type Listener = (...args: unknown[]) => unknown;
const fake = vi.hoisted(() => ({
  userData: '',
  ipc: new Map<string, Listener>(),
  windows: [] as { options: { webPreferences: Record<string, unknown> }; url: string; listeners: Map<string, Listener>; openHandler?: Listener }[],
  permission: undefined as Listener | undefined,
  headers: undefined as Listener | undefined,
  sandboxEnabled: false,
  schemes: [] as unknown[],
  protocols: new Map<string, (request: Request) => Promise<Response>>(),
  fetched: [] as string[],
}));

vi.mock('electron', () => {
  class BrowserWindow {
    options: unknown;
    url = '';
    listeners = new Map<string, Listener>();
    openHandler?: Listener;
    webContents = {
      on: (name: string, listener: Listener) => this.listeners.set(name, listener),
      setWindowOpenHandler: (handler: Listener) => (this.openHandler = handler),
    };
    constructor(options: unknown) {
      this.options = options;
      fake.windows.push(this as never);
    }
    once() {}
    show() {}
    loadURL(url: string) {
      this.url = url;
      return Promise.resolve();
    }
    static getAllWindows = () => fake.windows;
  }
  return {
    app: {
      isPackaged: false,
      enableSandbox: () => (fake.sandboxEnabled = true),
      whenReady: () => Promise.resolve(),
      getPath: () => fake.userData,
      getAppPath: () => PROJECT_ROOT,
      getVersion: () => '0.0.0-test',
      on: () => {},
    },
    BrowserWindow,
    screen: { getPrimaryDisplay: () => ({ workAreaSize: { width: 1366, height: 728 } }) },
    safeStorage: {
      isEncryptionAvailable: () => true,
      getSelectedStorageBackend: () => 'gnome_libsecret',
      encryptString: (text: string) => Buffer.from(`disegel:${text}`),
      decryptString: (sealed: Buffer) => sealed.toString().slice('disegel:'.length),
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
        setPermissionRequestHandler: (handler: Listener) => (fake.permission = handler),
        webRequest: { onHeadersReceived: (handler: Listener) => (fake.headers = handler) },
      },
    },
  };
});

describe('Electron main process (Electron faked, real handlers and SQLite)', () => {
  const tmp = tempDir();
  beforeAll(async () => {
    fake.userData = tmp.dir;
    await import('../../electron/main/index.ts');
    await vi.waitFor(() => expect(fake.windows).toHaveLength(1));
  });
  afterAll(() => tmp.remove());

  const appUrl = () => fake.windows[0].url;
  const call = (method: string, input: unknown, senderUrl = appUrl()) =>
    fake.ipc.get(ipcChannel(method as never))!({ senderFrame: { url: senderUrl } }, input);

  it('opens a sandboxed, context-isolated window without Node integration', () => {
    expect(fake.sandboxEnabled).toBe(true);
    const prefs = fake.windows[0].options.webPreferences;
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, webviewTag: false });
    expect(String(prefs.preload)).toMatch(/preload[\\/]index\.cjs$/);
    expect(appUrl()).toBe('app://timbang/index.html');
    expect(fake.windows[0].options).toMatchObject({ width: 1280, height: 728 }); // fits a 1366×768 laptop's work area
  });

  it('registers one IPC handler per contract method', () => {
    expect([...fake.ipc.keys()].sort()).toEqual(methodNames.map(ipcChannel).sort());
  });

  it('serves the app page through the same handlers, with the workspace in userData', async () => {
    expect(await call('loadDemoEvent', { role: 'sekretariat' })).toMatchObject({ ok: true, value: { nomineeCount: 40 } });
    expect(await call('appInfo', {})).toMatchObject({ ok: true, value: { version: '0.0.0-test', workspacePath: `${tmp.dir}/workspace.sqlite` } });
  });

  it("seals the workspace key with the OS keychain (safeStorage): no passphrase asked", async () => {
    expect(await call('keyStatus', {})).toEqual({ ok: true, value: { state: 'none', protection: 'os' } });
    const created = (await call('createKey', {})) as { ok: boolean; value: { state: string; protection: string; fingerprint: string } };
    expect(created).toMatchObject({ ok: true, value: { state: 'unlocked', protection: 'os' } });
    expect(created.value.fingerprint).toMatch(/^(\d{5} ){4}\d{5}$/);
  });

  it('refuses calls from any other page, and validates inputs again in main', async () => {
    expect(await call('listEvents', {}, 'https://contoh.example/')).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await call('listNominees', { eventId: 42 })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });

  it('denies navigation away from the app, new windows and every permission request', () => {
    const window = fake.windows[0];
    const prevent = vi.fn();
    window.listeners.get('will-navigate')!({ preventDefault: prevent }, 'https://contoh.example/');
    expect(prevent).toHaveBeenCalledOnce();
    expect(window.openHandler!({ url: 'https://contoh.example/' })).toEqual({ action: 'deny' });
    const decided = vi.fn();
    fake.permission!({}, 'media', decided);
    expect(decided).toHaveBeenCalledWith(false);
  });

  it('serves the renderer from app://timbang/, only its own files, each with the CSP', async () => {
    expect(fake.schemes).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true } }]);
    const serve = fake.protocols.get('app')!;
    const page = await serve(new Request('app://timbang/index.html'));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html');
    expect(page.headers.get('Content-Security-Policy')).toContain("default-src 'none'");
    expect(fake.fetched).toEqual([pathToFileURL(join(PROJECT_ROOT, 'electron', 'renderer', 'index.html')).toString()]);
    for (const outside of ['app://timbang/..%2f..%2fpackage.json', 'app://timbang/%2e%2e%5c%2e%2e%5cpackage.json', 'app://lain/index.html', 'app://timbang/%E0%A4%A']) {
      expect((await serve(new Request(outside))).status, outside).toBe(404);
    }
    // Dot segments, even percent-encoded, are resolved by the URL parser itself: they never leave the renderer.
    await serve(new Request('app://timbang/%2e%2e/%2e%2e/etc/passwd'));
    expect(fake.fetched.slice(1)).toEqual([pathToFileURL(join(PROJECT_ROOT, 'electron', 'renderer', 'etc', 'passwd')).toString()]);
  });

  it('adds a strict Content-Security-Policy to every response', () => {
    const done = vi.fn();
    fake.headers!({ responseHeaders: {} }, done);
    const csp = done.mock.calls[0][0].responseHeaders['Content-Security-Policy'][0] as string;
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe');
  });
});
