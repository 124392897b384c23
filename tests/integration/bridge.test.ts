import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer, request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorMiddleware, MAX_REQUESTS_IN_FLIGHT } from '../../src/bridge/bridge-plugin.ts';
import { serveBridge, type BridgeServer } from '../../src/bridge/serve.ts';
import { createHandlers } from '../../src/services/handlers.ts';
import { openWorkspace } from '../../src/services/workspace/workspace.ts';
import { RESOURCES_DIR, tempDir } from '../support/demo.ts';

const EVENT = 'paritrana-ntt-2025';
const MARK = { eventId: EVENT, roundId: 'administrasi', nomineeId: 'ukm-01', criterionCode: 'UK1' };

/** A raw HTTP request, for what fetch refuses to send (malformed paths, foreign Host headers, half-sent bodies). */
function raw(port: number, path: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}) {
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }>((done, fail) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, method: options.method ?? 'GET', headers: options.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => done({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', fail);
    req.end(options.body);
  });
}

// The real built renderer is exercised by the Playwright tests; here a stand-in page and asset are enough.
describe('browser bridge', () => {
  const tmp = tempDir();
  const ws = openWorkspace(join(tmp.dir, 'bridge.sqlite'));
  let server: BridgeServer;
  let cookie: string;
  beforeAll(async () => {
    mkdirSync(join(tmp.dir, 'out', 'renderer', 'assets'), { recursive: true });
    writeFileSync(join(tmp.dir, 'out', 'renderer', 'index.html'), '<!doctype html><title>t</title><div id="root"></div>');
    writeFileSync(join(tmp.dir, 'out', 'renderer', 'assets', 'app.js'), 'console.log("timbang");');
    const handlers = createHandlers({ workspace: ws, resourcesDir: RESOURCES_DIR, appVersion: 't' });
    server = await serveBridge({ handlers, projectRoot: tmp.dir, port: 5191 });
    cookie = `${server.cookieName}=${server.token}`;
  });
  afterAll(async () => {
    await server.close();
    ws.close();
    tmp.remove();
  });

  const post = (method: string, body: unknown, headers: Record<string, string> = { cookie }) =>
    fetch(`${server.origin}api/${method}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

  it('prints an address with a fresh random token per start', async () => {
    expect(server.url).toBe(`http://127.0.0.1:5191/?token=${server.token}`);
    expect(server.token).toMatch(/^[\w-]{43}$/); // 32 random bytes, base64url
    const handlers = createHandlers({ workspace: ws, resourcesDir: RESOURCES_DIR, appVersion: 't' });
    const other = await serveBridge({ handlers, projectRoot: tmp.dir, port: 5193 });
    try {
      expect(other.token).not.toBe(server.token);
      // The other start's token opens nothing here.
      expect((await post('listEvents', {}, { cookie: `${server.cookieName}=${other.token}` })).status).toBe(401);
    } finally {
      await other.close();
    }
  });

  it('without the token serves only a bilingual page that says where the address is, never the token', async () => {
    for (const path of ['/', '/index.html', '/assets/app.js', '/?token=salah', `/?token=${server.token.slice(0, -1)}`]) {
      const response = await raw(5191, path);
      expect(response.status, path).toBe(401);
      expect(response.body).toContain('Buka alamat lengkap yang dicetak di terminal');
      expect(response.body).toContain('Open the full address that <code>timbang serve</code>');
      expect(response.body.indexOf('Buka alamat')).toBeLessThan(response.body.indexOf('Open the full address'));
      expect(response.body).not.toContain(server.token);
      expect(response.body).not.toContain('<div id="root">');
      expect(response.headers['set-cookie']).toBeUndefined();
    }
  });

  it('the printed address sets a strict HttpOnly cookie and redirects to the clean address, which then serves the app', async () => {
    const first = await raw(5191, new URL(server.url).pathname + new URL(server.url).search);
    expect(first.status).toBe(303);
    expect(first.headers.location).toBe('/');
    expect(first.headers['set-cookie']).toEqual([`${server.cookieName}=${server.token}; Path=/; HttpOnly; SameSite=Strict`]);
    expect(first.headers['cache-control']).toBe('no-store');
    // Even a path that would lead elsewhere lands on "/".
    expect((await raw(5191, `//contoh.example/?token=${server.token}`)).headers.location).toBe('/');

    const page = await raw(5191, '/', { headers: { cookie } });
    expect(page.status).toBe(200);
    expect(page.body).toContain('<div id="root"></div>');
    expect((await raw(5191, '/assets/app.js', { headers: { cookie } })).body).toContain('console.log("timbang")');
  });

  it('refuses to start without a built renderer, saying what to run', async () => {
    const handlers = createHandlers({ workspace: ws, resourcesDir: RESOURCES_DIR, appVersion: 't' });
    await expect(serveBridge({ handlers, projectRoot: join(tmp.dir, 'kosong'), port: 5192 })).rejects.toThrow('run "npm run build" first');
  });

  it('carries API calls to the handlers as envelopes', async () => {
    expect(await (await post('loadDemoEvent', { role: 'sekretariat' })).json()).toMatchObject({ ok: true, value: { nomineeCount: 40 } });
    expect(await (await post('listCategories', { eventId: EVENT })).json()).toMatchObject({ ok: true });
    expect(await (await post('listCategories', { eventId: '' })).json()).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    // The exact JSON type, with or without a UTF-8 charset.
    expect((await post('listEvents', {}, { cookie, 'content-type': 'application/json; charset=UTF-8' })).status).toBe(200);
  });

  it('refuses other verbs, other origins, other hosts and anything but exactly JSON', async () => {
    expect((await fetch(`${server.origin}api/listEvents`, { headers: { cookie } })).status).toBe(405);
    // Another origin is refused even with the cookie (a page on another local port would send it).
    const foreign = await post('listEvents', {}, { cookie, origin: 'http://127.0.0.1:9999' });
    expect(foreign.status).toBe(403);
    expect(await foreign.json()).toMatchObject({ ok: false, error: { code: 'forbidden', message: { id: 'Asal http://127.0.0.1:9999 ditolak.', en: 'Origin http://127.0.0.1:9999 refused.' } } });
    expect((await post('listEvents', {}, { cookie, origin: 'https://contoh.example' })).status).toBe(403);
    expect((await raw(5191, '/api/listEvents', { method: 'POST', headers: { cookie, host: 'contoh.example', 'content-type': 'application/json' }, body: '{}' })).status).toBe(403);
    const rebound = await raw(5191, '/', { headers: { cookie, host: '192.168.1.5:5191' } });
    expect(rebound.status).toBe(403);
    expect(JSON.parse(rebound.body)).toMatchObject({ ok: false, error: { message: { id: 'Host 192.168.1.5:5191 ditolak.', en: 'Host 192.168.1.5:5191 refused.' } } });
    for (const type of ['text/plain', 'application/jsonx', 'application/json-patch+json', 'application/json; charset=latin1', 'multipart/form-data; boundary=x']) {
      expect((await post('listEvents', {}, { cookie, 'content-type': type })).status, type).toBe(415);
    }
  });

  it('a request without the token gets 401 and changes nothing', async () => {
    const before = await (await post('listEvents', {})).json();
    const response = await post('updateEventBasics', { eventId: EVENT }, {});
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ ok: false, error: { code: 'unauthorized', message: { id: expect.stringContaining('Tanpa token akses'), en: expect.stringContaining('No access token') } } });
    expect((await post('loadDemoEvent', { role: 'juri' }, { cookie: `${server.cookieName}=` })).status).toBe(401);
    expect((await post('loadDemoEvent', { role: 'juri' }, { cookie: `timbang_bridge_5193=${server.token}` })).status).toBe(401); // another port's cookie name
    expect(await (await post('listEvents', {})).json()).toEqual(before);
  });

  it('answers malformed paths and bodies with a bilingual 4xx and goes on serving its page', async () => {
    for (const path of ['/api/%', '/api/%E0%A4%A', '/api/list%ZZEvents', '/%', '/assets/%', '/%E0%A4%A']) {
      const response = await raw(5191, path, { method: path.startsWith('/api/') ? 'POST' : 'GET', headers: { cookie, 'content-type': 'application/json' }, body: path.startsWith('/api/') ? '{}' : undefined });
      expect(response.status, path).toBe(400);
      expect(JSON.parse(response.body), path).toEqual({ ok: false, error: { code: 'invalid-input', message: { id: 'Alamat permintaan tidak sah (kode persen rusak).', en: 'Malformed request path (bad percent-encoding).' } } });
    }
    const notJson = await raw(5191, '/api/listEvents', { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: '{"tidak' });
    expect(notJson.status).toBe(400);
    expect(JSON.parse(notJson.body)).toMatchObject({ error: { message: { id: 'Badan permintaan bukan JSON.', en: 'Request body is not JSON.' } } });
    expect(await (await post('nothingHere', {})).json()).toMatchObject({ ok: false, error: { code: 'unknown-method' } });
    // Still alive: the page and the API answer.
    expect((await raw(5191, '/', { headers: { cookie } })).body).toContain('<div id="root"></div>');
    expect(await (await post('listEvents', {})).json()).toMatchObject({ ok: true });
  });

  it('refuses more than the cap of request bodies in flight with 503, and serves again once they end', async () => {
    // Requests whose bodies never finish, each holding a place.
    const open = Array.from({ length: MAX_REQUESTS_IN_FLIGHT }, () => {
      const req = httpRequest({ host: '127.0.0.1', port: 5191, path: '/api/listEvents', method: 'POST', headers: { cookie, 'content-type': 'application/json', 'content-length': '100' } });
      req.on('error', () => {});
      req.write('{');
      return req;
    });
    await new Promise((r) => setTimeout(r, 200));
    const refused = await post('listEvents', {});
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toBe('1');
    expect(await refused.json()).toMatchObject({ ok: false, error: { message: { id: expect.stringContaining('Terlalu banyak permintaan'), en: expect.stringContaining('Too many requests') } } });
    for (const req of open) req.destroy();
    await new Promise((r) => setTimeout(r, 200));
    expect(await (await post('listEvents', {})).json()).toMatchObject({ ok: true });
  });

  it('refuses a body over 20 MiB with 413', async () => {
    const big = await raw(5191, '/api/listEvents', { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: `"${'a'.repeat(21 * 1024 * 1024)}"` }).catch((error: Error) => error);
    // The server answers 413 and closes; depending on timing the client sees the answer or a reset.
    if (!(big instanceof Error)) expect(big.status).toBe(413);
    expect(await (await post('listEvents', {})).json()).toMatchObject({ ok: true });
  });

  it('puts X-Frame-Options DENY and frame-ancestors none on every response: page, asset, API, errors, refusals', async () => {
    const responses = [
      await raw(5191, '/', { headers: { cookie } }),
      await raw(5191, '/assets/app.js', { headers: { cookie } }),
      await raw(5191, '/assets/tidak-ada.js', { headers: { cookie, accept: 'text/javascript' } }),
      await raw(5191, '/'),
      await raw(5191, server.url.slice(server.origin.length - 1)),
      await raw(5191, '/api/listEvents', { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: '{}' }),
      await raw(5191, '/api/listEvents', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' }),
      await raw(5191, '/api/listEvents', { headers: { cookie } }),
      await raw(5191, '/api/%', { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: '{}' }),
      await raw(5191, '/%', { headers: { cookie } }),
      await raw(5191, '/', { headers: { host: 'contoh.example' } }),
      await raw(5191, '/api/listEvents', { method: 'OPTIONS', headers: { origin: 'http://127.0.0.1:9999', 'access-control-request-method': 'POST' } }),
    ];
    expect(new Set(responses.map((r) => r.status))).toEqual(new Set([200, 303, 401, 403, 404, 405, 400]));
    for (const response of responses) {
      expect(response.headers['x-frame-options']).toBe('DENY');
      expect(String(response.headers['content-security-policy'])).toContain("frame-ancestors 'none'");
      // CORS is off: no answer invites another origin to read it.
      expect(response.headers['access-control-allow-origin']).toBeUndefined();
    }
  });
});

describe('browser bridge when something throws', () => {
  const tmp = tempDir();
  const ws = openWorkspace(join(tmp.dir, 'rusak.sqlite'));
  afterAll(() => {
    ws.close();
    tmp.remove();
  });

  it('a handler that throws answers 500 with a bilingual envelope, and the server goes on', async () => {
    mkdirSync(join(tmp.dir, 'out', 'renderer'), { recursive: true });
    writeFileSync(join(tmp.dir, 'out', 'renderer', 'index.html'), '<div id="root"></div>');
    const handlers = { ...createHandlers({ workspace: ws, resourcesDir: RESOURCES_DIR, appVersion: 't' }), listEvents: () => { throw new Error('disk hilang'); } };
    const server = await serveBridge({ handlers, projectRoot: tmp.dir, port: 5196 });
    try {
      const call = (method: string) => fetch(`${server.origin}api/${method}`, { method: 'POST', headers: { 'content-type': 'application/json', cookie: `${server.cookieName}=${server.token}` }, body: '{}' });
      const failed = await call('listEvents');
      expect(failed.status).toBe(500);
      expect(failed.headers.get('x-frame-options')).toBe('DENY');
      expect(await failed.json()).toEqual({ ok: false, error: { code: 'internal', message: { id: 'Kesalahan internal: disk hilang', en: 'Internal error: disk hilang' } } });
      expect(await (await call('keyStatus')).json()).toMatchObject({ ok: true });
    } finally {
      await server.close();
    }
  });

  it('whatever another middleware throws is answered as a bilingual envelope (4xx for a malformed request, else 500)', async () => {
    const errors: unknown[] = [new Error('rusak'), new URIError('URI malformed'), Object.assign(new Error('tidak ada'), { status: 404 })];
    const server = createServer((req, res) => errorMiddleware(errors.shift(), req, res, () => {}));
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    const { port } = server.address() as AddressInfo;
    try {
      const first = await raw(port, '/');
      expect(first.status).toBe(500);
      expect(JSON.parse(first.body)).toEqual({ ok: false, error: { code: 'internal', message: { id: 'Galat di server Timbang (rusak).', en: 'Error in the Timbang server (rusak).' } } });
      const second = await raw(port, '/');
      expect(second.status).toBe(400);
      expect(JSON.parse(second.body)).toMatchObject({ ok: false, error: { code: 'invalid-input', message: { id: 'Permintaan tidak sah.', en: 'Malformed request.' } } });
      expect((await raw(port, '/')).status).toBe(404);
    } finally {
      server.close();
    }
  });
});

describe('browser bridge on a juror\'s laptop', () => {
  const tmp = tempDir();
  const ws = openWorkspace(join(tmp.dir, 'juri.sqlite'));
  let server: BridgeServer;
  beforeAll(async () => {
    mkdirSync(join(tmp.dir, 'out', 'renderer'), { recursive: true });
    writeFileSync(join(tmp.dir, 'out', 'renderer', 'index.html'), '<!doctype html><title>t</title><div id="root"></div>');
    server = await serveBridge({ handlers: createHandlers({ workspace: ws, resourcesDir: RESOURCES_DIR, appVersion: 't' }), projectRoot: tmp.dir, port: 5195 });
  });
  afterAll(async () => {
    await server.close();
    ws.close();
    tmp.remove();
  });
  const call = async (method: string, body: unknown, withToken = true, headers: Record<string, string> = {}) => {
    const response = await fetch(`${server.origin}api/${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(withToken ? { cookie: `${server.cookieName}=${server.token}` } : {}), ...headers },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as { ok: boolean; value?: unknown } };
  };

  it('records no mark without the token, nor from another origin; with it, the mark is kept', async () => {
    expect((await call('loadDemoEvent', { role: 'juri' })).body.ok).toBe(true);
    expect((await call('chooseJuror', { eventId: EVENT, jurorId: 'J2' })).body.ok).toBe(true);

    expect((await call('recordScore', { ...MARK, value: 5 }, false)).status).toBe(401);
    expect((await call('recordScore', { ...MARK, value: 5 }, true, { origin: 'http://127.0.0.1:9999' })).status).toBe(403);
    expect((await call('recordScore', { ...MARK, value: 5 }, false, { origin: 'http://127.0.0.1:9999' })).status).toBe(403);
    expect((await call('scoreHistory', MARK)).body).toEqual({ ok: true, value: [] });
    // Nor is anything read without it.
    expect((await call('scoringState', { eventId: EVENT, roundId: 'administrasi', categoryId: 'ukm' }, false)).body).not.toHaveProperty('value');

    expect((await call('recordScore', { ...MARK, value: 4 })).body).toMatchObject({ ok: true, value: { value: 4 } });
    expect((await call('scoreHistory', MARK)).body).toMatchObject({ ok: true, value: [{ value: 4 }] });
  });
});
