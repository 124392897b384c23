/**
 * The BUILT preload (out/preload/index.cjs, as electron-vite bundles it) run the way a sandboxed
 * renderer runs it: in a bare V8 context whose `require` knows only what Electron's sandbox offers a
 * preload (`electron`, `events`, `timers`, `url`), with no `process` and no `Buffer`. A bundle that
 * needed anything else (a Node built-in, a package left external) fails here, as it would in the app.
 * tests/integration/preload.test.ts checks the TypeScript source with Electron mocked.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runInContext, createContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ipcChannel, methodNames } from '../../src/api/contract.ts';
import { buildCopy, projectCopy, type Checkout } from '../support/electron-checkout.ts';

const SANDBOX_MODULES = ['electron', 'events', 'timers', 'url'];

interface Loaded {
  exposed: { key: string; api: Record<string, (input: unknown) => Promise<unknown>> }[];
  invoked: [string, unknown][];
  required: string[];
  globals: string[];
}

function loadInSandbox(code: string): Loaded {
  const loaded: Loaded = { exposed: [], invoked: [], required: [], globals: [] };
  const electron = {
    contextBridge: { exposeInMainWorld: (key: string, api: Loaded['exposed'][number]['api']) => loaded.exposed.push({ key, api }) },
    ipcRenderer: {
      invoke: (channel: string, input: unknown) => {
        loaded.invoked.push([channel, input]);
        return Promise.resolve({ ok: true, value: channel });
      },
    },
  };
  const sandboxRequire = (name: string) => {
    loaded.required.push(name);
    if (!SANDBOX_MODULES.includes(name))
      throw new Error(`module not found: ${name} (a sandboxed preload can require only ${SANDBOX_MODULES.join(', ')})`);
    return name === 'electron' ? electron : {}; // events, timers and url would be Electron's polyfills; none is used today
  };
  const context = createContext({});
  const wrapper = runInContext(`(function (exports, require, module) {\n${code}\n})`, context, { filename: 'out/preload/index.cjs' }) as (
    exports: object,
    require: (name: string) => unknown,
    module: { exports: object },
  ) => void;
  const module = { exports: {} };
  wrapper(module.exports, sandboxRequire, module);
  loaded.globals = runInContext('Object.getOwnPropertyNames(globalThis)', context) as string[];
  return loaded;
}

describe('the built preload in a bare sandbox (electron, events, timers, url; no process, no Buffer)', () => {
  let copy: Checkout;
  let code: string;
  let loaded: Loaded;
  beforeAll(() => {
    copy = projectCopy();
    buildCopy(copy); // always from today's sources, in a copy: never a stale out/, never the checkout's own out/
    code = readFileSync(join(copy.dir, 'out', 'preload', 'index.cjs'), 'utf8');
    loaded = loadInSandbox(code);
  }, 120_000);
  afterAll(() => copy?.remove());

  it('is one CommonJS file that requires nothing but electron', () => {
    expect(loaded.required).toEqual(['electron']);
    expect(loaded.globals).not.toContain('process');
    expect(loaded.globals).not.toContain('Buffer');
    expect(code).not.toMatch(/\bimport\s*\(|^import /m);
  });

  it('exposes exactly the whole contract, once, as window.timbang', () => {
    expect(loaded.exposed).toHaveLength(1);
    expect(loaded.exposed[0].key).toBe('timbang');
    expect(Object.keys(loaded.exposed[0].api).sort()).toEqual([...methodNames].sort());
    for (const method of methodNames) expect(typeof loaded.exposed[0].api[method], method).toBe('function');
  });

  it("sends each call through ipcRenderer.invoke on the method's own channel, and hands back main's answer", async () => {
    const api = loaded.exposed[0].api;
    expect(await api.listNominees({ eventId: 'e', categoryId: 'c' })).toEqual({ ok: true, value: 'timbang:listNominees' });
    expect(await api.unlockKey({ passphrase: 'frasa-sandi' })).toEqual({ ok: true, value: ipcChannel('unlockKey') });
    expect(loaded.invoked).toEqual([
      ['timbang:listNominees', { eventId: 'e', categoryId: 'c' }],
      ['timbang:unlockKey', { passphrase: 'frasa-sandi' }],
    ]);
  });
});
