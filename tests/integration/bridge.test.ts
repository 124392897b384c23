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
  let token: Record<string, string>;
  beforeAll(async () => {
    mkdirSync(join(tmp.dir, 'out', 'renderer', 'assets'), { recursive: true });
    writeFileSync(join(tmp.dir, 'out', 'renderer', 'index.html'), '<!doctype html><title>t</title><div id="root"></div>');
    writeFileSync(join(tmp.dir, 'out', 'renderer', 'assets', 'app.js'), 'console.log("timbang");');
    const handlers = createHandlers({ workspace: ws, resourcesDir: RESOURCES_DIR, appVersion: 't' });
    server = await serveBridge({ handlers, projectRoot: tmp.dir, port: 5191 });
    token = { 'x-timbang-token': server.token };
  });
  afterAll(async () => {
    await server.close();
    ws.close();
    tmp.remove();
  });

  const post = (method: string, body: unknown, headers: Record<string, string> = token) =>
    fetch(`${server.origin}api/${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
  const events = async () => ((await (await post('listEvents', {})).json()) as { value: unknown }).value;
  const unauthorized = {
    ok: false,
    error: {
      code: 'unauthorized',
      message: {
        id: expect.stringMatching(/^Tanpa token akses: buka alamat lengkap \(dengan #token=…\) yang dicetak di terminal/),
        en: expect.stringMatching(/^No access token: open the full address \(with #token=…\) that "timbang serve"/),
      },
    },
  };

  it('prints an address with a fresh random token per start, in the fragment, which a browser never sends', async () => {
    expect(server.url).toBe(`http://127.0.0.1:5191/#token=${server.token}`);
    expect(new URL(server.url).search).toBe('');
    expect(server.token).toMatch(/^[\w-]{43}$/); // 32 random bytes, base64url: nothing to escape in the fragment
    expect(server.tokenHeader).toBe('x-timbang-token');
    expect(new URLSearchParams(new URL(server.url).hash.slice(1)).get('token')).toBe(server.token);
    const handlers = createHandlers({ workspace: ws, resourcesDir: RESOURCES_DIR, appVersion: 't' });
    const other = await serveBridge({ handlers, projectRoot: tmp.dir, port: 5193 });
    try {
      expect(other.token).not.toBe(server.token);
      // Each start's token opens that server only.
      const crossed = await post('loadDemoEvent', { role: 'juri' }, { 'x-timbang-token': other.token });
      expect(crossed.status).toBe(401);
      expect(await crossed.json()).toMatchObject(unauthorized);
      expect(
        (
          await fetch(`${other.origin}api/listEvents`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'x-timbang-token': server.token },
            body: '{}',
          })
        ).status,
      ).toBe(401);
      expect(
        (
          await fetch(`${other.origin}api/listEvents`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'x-timbang-token': other.token },
            body: '{}',
          })
        ).status,
      ).toBe(200);
      expect(await events()).toEqual([]);
    } finally {
      await other.close();
    }
  });

  it('serves the page and its assets without the token (they hold nothing secret), never the token, and sets no cookie', async () => {
    for (const path of ['/', '/index.html', '/?token=salah', `/?token=${server.token}`]) {
      const response = await raw(5191, path);
      expect(response.status, path).toBe(200);
      expect(response.body, path).toContain('<div id="root"></div>');
      expect(response.body, path).not.toContain(server.token);
      expect(response.headers['set-cookie'], path).toBeUndefined();
    }
    const asset = await raw(5191, '/assets/app.js');
    expect(asset.status).toBe(200);
    expect(asset.body).toContain('console.log("timbang")');
    expect(asset.headers['set-cookie']).toBeUndefined();
  });

  it('refuses to start without a built renderer, saying what to run', async () => {
    const handlers = createHandlers({ workspace: ws, resourcesDir: RESOURCES_DIR, appVersion: 't' });
    await expect(serveBridge({ handlers, projectRoot: join(tmp.dir, 'kosong'), port: 5192 })).rejects.toThrow('run "npm run build" first');
  });

  it('carries API calls with the token header to the handlers as envelopes', async () => {
    expect(await (await post('loadDemoEvent', { role: 'sekretariat' })).json()).toMatchObject({ ok: true, value: { nomineeCount: 40 } });
    expect(await (await post('listCategories', { eventId: EVENT })).json()).toMatchObject({ ok: true });
    expect(await (await post('listCategories', { eventId: '' })).json()).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    // The exact JSON type, with or without a UTF-8 charset; the header's name in any case.
    expect((await post('listEvents', {}, { ...token, 'content-type': 'application/json; charset=UTF-8' })).status).toBe(200);
    expect((await post('listEvents', {}, { 'X-Timbang-Token': server.token })).status).toBe(200);
  });

  it('a call without the token, or with a wrong one, gets 401 and changes nothing; a cookie or query holding the token admits nothing', async () => {
    const before = await events();
    expect(before).toHaveLength(1);
    const attempts: [string, Record<string, string>][] = [
      ['no token', {}],
      ['empty', { 'x-timbang-token': '' }],
      ['wrong', { 'x-timbang-token': 'tebakan' }],
      ['one character short', { 'x-timbang-token': server.token.slice(0, -1) }],
      ['one character more', { 'x-timbang-token': `${server.token}A` }],
      ['another header', { authorization: `Bearer ${server.token}` }],
      ['the old cookie', { cookie: `timbang_bridge_5191=${server.token}` }],
    ];
    for (const [what, headers] of attempts) {
      const response = await post('updateEventBasics', { eventId: EVENT, name: { id: 'Diubah', en: 'Changed' } }, headers);
      expect(response.status, what).toBe(401);
      expect(await response.json(), what).toMatchObject(unauthorized);
      expect(response.headers.get('set-cookie'), what).toBeNull();
      expect((await post('loadDemoEvent', { role: 'juri' }, headers)).status, what).toBe(401);
    }
    // The token in the query (as the old address carried it) is no header either.
    const query = await fetch(`${server.origin}api/loadDemoEvent?token=${server.token}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"role":"juri"}',
    });
    expect(query.status).toBe(401);
    // The same header twice (Node joins the values) is not the token.
    const twice = await raw(5191, '/api/loadDemoEvent', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-timbang-token': [server.token, server.token] as unknown as string },
      body: '{"role":"juri"}',
    });
    expect(twice.status).toBe(401);
    expect(await events()).toEqual(before);
  });

  it('refuses other verbs, other origins, other hosts and anything but exactly JSON', async () => {
    expect((await fetch(`${server.origin}api/listEvents`, { headers: token })).status).toBe(405);
    // Another origin is refused even with the token.
    const foreign = await post('listEvents', {}, { ...token, origin: 'http://127.0.0.1:9999' });
    expect(foreign.status).toBe(403);
    expect(await foreign.json()).toMatchObject({
      ok: false,
      error: { code: 'forbidden', message: { id: 'Asal http://127.0.0.1:9999 ditolak.', en: 'Origin http://127.0.0.1:9999 refused.' } },
    });
    expect((await post('listEvents', {}, { ...token, origin: 'https://contoh.example' })).status).toBe(403);
    expect((await post('listEvents', {}, { ...token, origin: 'http://localhost:5191' })).status).toBe(403); // another origin, though the same server
    expect(
      (
        await raw(5191, '/api/listEvents', {
          method: 'POST',
          headers: { ...token, host: 'contoh.example', 'content-type': 'application/json' },
          body: '{}',
        })
      ).status,
    ).toBe(403);
    const rebound = await raw(5191, '/', { headers: { host: '192.168.1.5:5191' } });
    expect(rebound.status).toBe(403);
    expect(JSON.parse(rebound.body)).toMatchObject({
      ok: false,
      error: { message: { id: 'Host 192.168.1.5:5191 ditolak.', en: 'Host 192.168.1.5:5191 refused.' } },
    });
    // The preflight a browser sends before another origin's call with the token header: refused, no CORS header.
    const preflight = await raw(5191, '/api/listEvents', {
      method: 'OPTIONS',
      headers: {
        origin: 'http://127.0.0.1:9999',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type,x-timbang-token',
      },
    });
    expect(preflight.status).toBe(403);
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
    expect(preflight.headers['access-control-allow-headers']).toBeUndefined();
    for (const type of [
      'text/plain',
      'application/jsonx',
      'application/json-patch+json',
      'application/json; charset=latin1',
      'multipart/form-data; boundary=x',
    ]) {
      expect((await post('listEvents', {}, { ...token, 'content-type': type })).status, type).toBe(415);
    }
  });

  it('answers malformed paths and bodies with a bilingual 4xx and goes on serving its page and API', async () => {
    for (const path of ['/api/%', '/api/%E0%A4%A', '/api/list%ZZEvents', '/%', '/assets/%', '/%E0%A4%A']) {
      for (const headers of [{ ...token, 'content-type': 'application/json' }, { 'content-type': 'application/json' }]) {
        const response = await raw(5191, path, {
          method: path.startsWith('/api/') ? 'POST' : 'GET',
          headers,
          body: path.startsWith('/api/') ? '{}' : undefined,
        });
        expect(response.status, path).toBe(400);
        expect(JSON.parse(response.body), path).toEqual({
          ok: false,
          error: {
            code: 'invalid-input',
            message: { id: 'Alamat permintaan tidak sah (kode persen rusak).', en: 'Malformed request path (bad percent-encoding).' },
          },
        });
      }
    }
    const notJson = await raw(5191, '/api/listEvents', {
      method: 'POST',
      headers: { ...token, 'content-type': 'application/json' },
      body: '{"tidak',
    });
    expect(notJson.status).toBe(400);
    expect(JSON.parse(notJson.body)).toMatchObject({
      error: { message: { id: 'Badan permintaan bukan JSON.', en: 'Request body is not JSON.' } },
    });
    expect(await (await post('nothingHere', {})).json()).toMatchObject({ ok: false, error: { code: 'unknown-method' } });
    // Still alive: the page and the API answer.
    expect((await raw(5191, '/')).body).toContain('<div id="root"></div>');
    expect(await (await post('listEvents', {})).json()).toMatchObject({ ok: true });
  });

  it('refuses more than the cap of request bodies in flight with 503, and serves again once they end', async () => {
    // Requests whose bodies never finish, each holding a place.
    const open = Array.from({ length: MAX_REQUESTS_IN_FLIGHT }, () => {
      const req = httpRequest({
        host: '127.0.0.1',
        port: 5191,
        path: '/api/listEvents',
        method: 'POST',
        headers: { ...token, 'content-type': 'application/json', 'content-length': '100' },
      });
      req.on('error', () => {});
      req.write('{');
      return req;
    });
    await new Promise((r) => setTimeout(r, 200));
    const refused = await post('listEvents', {});
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toBe('1');
    expect(await refused.json()).toMatchObject({
      ok: false,
      error: { message: { id: expect.stringContaining('Terlalu banyak permintaan'), en: expect.stringContaining('Too many requests') } },
    });
    // A call without the token is refused before it takes a place.
    expect((await post('listEvents', {}, {})).status).toBe(401);
    for (const req of open) req.destroy();
    await new Promise((r) => setTimeout(r, 200));
    expect(await (await post('listEvents', {})).json()).toMatchObject({ ok: true });
  });

  it('refuses a body over 20 MiB with 413', async () => {
    const big = await raw(5191, '/api/listEvents', {
      method: 'POST',
      headers: { ...token, 'content-type': 'application/json' },
      body: `"${'a'.repeat(21 * 1024 * 1024)}"`,
    }).catch((error: Error) => error);
    // The server answers 413 and closes; depending on timing the client sees the answer or a reset.
    if (!(big instanceof Error)) expect(big.status).toBe(413);
    expect(await (await post('listEvents', {})).json()).toMatchObject({ ok: true });
  });

  it('puts X-Frame-Options DENY, frame-ancestors none and the other headers on every response, and never a cookie', async () => {
    const json = { 'content-type': 'application/json' };
    const responses = [
      await raw(5191, '/'),
      await raw(5191, '/assets/app.js'),
      await raw(5191, '/assets/tidak-ada.js', { headers: { accept: 'text/javascript' } }),
      await raw(5191, `/?token=${server.token}`),
      await raw(5191, '/api/listEvents', { method: 'POST', headers: { ...token, ...json }, body: '{}' }),
      await raw(5191, '/api/listEvents', { method: 'POST', headers: json, body: '{}' }),
      await raw(5191, '/api/listEvents', { method: 'POST', headers: { 'x-timbang-token': 'salah', ...json }, body: '{}' }),
      await raw(5191, '/api/listEvents', { headers: token }),
      await raw(5191, '/api/listEvents', { method: 'POST', headers: { ...token, 'content-type': 'text/plain' }, body: '{}' }),
      await raw(5191, '/api/%', { method: 'POST', headers: { ...token, ...json }, body: '{}' }),
      await raw(5191, '/%'),
      await raw(5191, '/', { headers: { host: 'contoh.example' } }),
      await raw(5191, '/api/listEvents', {
        method: 'OPTIONS',
        headers: {
          origin: 'http://127.0.0.1:9999',
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'x-timbang-token',
        },
      }),
    ];
    expect(new Set(responses.map((r) => r.status))).toEqual(new Set([200, 401, 403, 404, 405, 415, 400]));
    for (const response of responses) {
      expect(response.headers['x-frame-options']).toBe('DENY');
      expect(String(response.headers['content-security-policy'])).toContain("frame-ancestors 'none'");
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['referrer-policy']).toBe('no-referrer');
      expect(response.headers['cross-origin-resource-policy']).toBe('same-origin');
      // CORS is off: no answer invites another origin to read it.
      expect(response.headers['access-control-allow-origin']).toBeUndefined();
      expect(response.headers['set-cookie']).toBeUndefined();
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
    const handlers = {
      ...createHandlers({ workspace: ws, resourcesDir: RESOURCES_DIR, appVersion: 't' }),
      listEvents: () => {
        throw new Error('disk hilang');
      },
    };
    const server = await serveBridge({ handlers, projectRoot: tmp.dir, port: 5196 });
    try {
      const call = (method: string) =>
        fetch(`${server.origin}api/${method}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-timbang-token': server.token },
          body: '{}',
        });
      const failed = await call('listEvents');
      expect(failed.status).toBe(500);
      expect(failed.headers.get('x-frame-options')).toBe('DENY');
      expect(await failed.json()).toEqual({
        ok: false,
        error: { code: 'internal', message: { id: 'Kesalahan internal: disk hilang', en: 'Internal error: disk hilang' } },
      });
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
      expect(JSON.parse(first.body)).toEqual({
        ok: false,
        error: { code: 'internal', message: { id: 'Galat di server Timbang (rusak).', en: 'Error in the Timbang server (rusak).' } },
      });
      const second = await raw(port, '/');
      expect(second.status).toBe(400);
      expect(JSON.parse(second.body)).toMatchObject({
        ok: false,
        error: { code: 'invalid-input', message: { id: 'Permintaan tidak sah.', en: 'Malformed request.' } },
      });
      expect((await raw(port, '/')).status).toBe(404);
    } finally {
      server.close();
    }
  });
});

describe("browser bridge on a juror's laptop", () => {
  const tmp = tempDir();
  const ws = openWorkspace(join(tmp.dir, 'juri.sqlite'));
  let server: BridgeServer;
  beforeAll(async () => {
    mkdirSync(join(tmp.dir, 'out', 'renderer'), { recursive: true });
    writeFileSync(join(tmp.dir, 'out', 'renderer', 'index.html'), '<!doctype html><title>t</title><div id="root"></div>');
    server = await serveBridge({
      handlers: createHandlers({ workspace: ws, resourcesDir: RESOURCES_DIR, appVersion: 't' }),
      projectRoot: tmp.dir,
      port: 5195,
    });
  });
  afterAll(async () => {
    await server.close();
    ws.close();
    tmp.remove();
  });
  const call = async (method: string, body: unknown, withToken = true, headers: Record<string, string> = {}) => {
    const response = await fetch(`${server.origin}api/${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(withToken ? { 'x-timbang-token': server.token } : {}), ...headers },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as { ok: boolean; value?: unknown } };
  };

  it('records no mark without the token, nor from another origin; with it, the mark is kept', async () => {
    expect((await call('loadDemoEvent', { role: 'juri' })).body.ok).toBe(true);
    expect((await call('chooseJuror', { eventId: EVENT, jurorId: 'J2' })).body.ok).toBe(true);

    expect((await call('recordScore', { ...MARK, value: 5 }, false)).status).toBe(401);
    expect((await call('recordScore', { ...MARK, value: 5 }, false, { 'x-timbang-token': 'salah' })).status).toBe(401);
    expect((await call('recordScore', { ...MARK, value: 5 }, false, { cookie: `timbang_bridge_5195=${server.token}` })).status).toBe(401);
    expect((await call('recordScore', { ...MARK, value: 5 }, true, { origin: 'http://127.0.0.1:9999' })).status).toBe(403);
    expect((await call('recordScore', { ...MARK, value: 5 }, false, { origin: 'http://127.0.0.1:9999' })).status).toBe(403);
    expect((await call('scoreHistory', MARK)).body).toEqual({ ok: true, value: [] });
    // Nor is anything read without it.
    expect((await call('scoringState', { eventId: EVENT, roundId: 'administrasi', categoryId: 'ukm' }, false)).body).not.toHaveProperty(
      'value',
    );

    expect((await call('recordScore', { ...MARK, value: 4 })).body).toMatchObject({ ok: true, value: { value: 4 } });
    expect((await call('scoreHistory', MARK)).body).toMatchObject({ ok: true, value: [{ value: 4 }] });
  });
});
