import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveBridge } from '../../src/bridge/serve.ts';
import { createHandlers } from '../../src/services/handlers.ts';
import { openWorkspace } from '../../src/services/workspace/workspace.ts';
import { RESOURCES_DIR, tempDir } from '../support/demo.ts';

// The real built renderer is exercised by the Playwright tests; here a stand-in page is enough.
describe('browser bridge', () => {
  const tmp = tempDir();
  const ws = openWorkspace(join(tmp.dir, 'bridge.sqlite'));
  let server: Awaited<ReturnType<typeof serveBridge>>;
  beforeAll(async () => {
    mkdirSync(join(tmp.dir, 'out', 'renderer'), { recursive: true });
    writeFileSync(join(tmp.dir, 'out', 'renderer', 'index.html'), '<!doctype html><title>t</title><div id="root"></div>');
    const handlers = createHandlers({ workspace: ws, resourcesDir: RESOURCES_DIR, appVersion: 't' });
    server = await serveBridge({ handlers, projectRoot: tmp.dir, port: 5191 });
  });
  afterAll(async () => {
    await server.close();
    ws.close();
    tmp.remove();
  });

  const post = (method: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${server.url}api/${method}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

  it('serves the built renderer page', async () => {
    expect(await (await fetch(server.url)).text()).toContain('<div id="root"></div>');
  });

  it('refuses to start without a built renderer, saying what to run', async () => {
    const handlers = createHandlers({ workspace: ws, resourcesDir: RESOURCES_DIR, appVersion: 't' });
    await expect(serveBridge({ handlers, projectRoot: join(tmp.dir, 'kosong'), port: 5192 })).rejects.toThrow('run "npm run build" first');
  });

  it('carries API calls to the handlers as envelopes', async () => {
    expect(await (await post('loadDemoEvent', { role: 'sekretariat' })).json()).toMatchObject({ ok: true, value: { nomineeCount: 40 } });
    expect(await (await post('listCategories', { eventId: 'paritrana-ntt-2025' })).json()).toMatchObject({ ok: true });
    expect(await (await post('listCategories', { eventId: '' })).json()).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });

  it('refuses other verbs, other origins and non-JSON bodies', async () => {
    expect((await fetch(`${server.url}api/listEvents`)).status).toBe(405);
    expect((await post('listEvents', {}, { origin: 'https://contoh.example' })).status).toBe(403);
    const text = await fetch(`${server.url}api/listEvents`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{}' });
    expect(text.status).toBe(415);
  });
});
