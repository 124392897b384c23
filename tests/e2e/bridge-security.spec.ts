/**
 * Issue 14, the browser bridge admits only its own page: without the printed address (its token) a
 * browser gets only a page saying where to find it and the API answers 401; a page from another origin,
 * even in the browser that holds the cookie, can neither frame the app nor call its API; the real page
 * goes on working. The server's workspace ("keamanan") is empty at start; the refused calls would have
 * put the demo event in it.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test, type Page } from '@playwright/test';
import { WORKSPACES } from '../playwright.config.ts';
import { withToken } from '../support/e2e-bridge.ts';

const BRIDGE = `http://127.0.0.1:${WORKSPACES.keamanan}/`;

test.describe.configure({ mode: 'serial' });

/** What the workspace holds, asked with the page's own cookie (page.request shares its context's cookies). */
async function events(page: Page): Promise<unknown> {
  const response = await page.request.post(`${BRIDGE}api/listEvents`, { data: {} });
  expect(response.status()).toBe(200);
  return ((await response.json()) as { value: unknown }).value;
}

test.describe('the browser bridge admits only its own page', () => {
  let other: Server;
  let otherOrigin: string;

  test.beforeAll(async () => {
    // Another site on another loopback port, as any local process could serve: it frames the bridge and calls its API.
    other = createServer((req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(req.url === '/bingkai'
        ? `<!doctype html><title>lain</title><iframe id="bingkai" src="${BRIDGE}" width="800" height="600"></iframe>`
        : '<!doctype html><title>lain</title><p>halaman lain</p>');
    });
    await new Promise<void>((done) => other.listen(0, '127.0.0.1', done));
    otherOrigin = `http://127.0.0.1:${(other.address() as AddressInfo).port}`;
  });
  test.afterAll(() => new Promise<void>((done) => other.close(() => done())));

  test('without the printed address: a page that says where to find it, and the API refuses', async ({ page }) => {
    const response = await page.goto(BRIDGE);
    expect(response!.status()).toBe(401);
    await expect(page.getByText('Buka alamat lengkap yang dicetak di terminal')).toBeVisible();
    await expect(page.getByText('Open the full address that timbang serve')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Buka acara demo' })).toHaveCount(0);

    const call = await page.request.post(`${BRIDGE}api/loadDemoEvent`, { data: { role: 'sekretariat' } });
    expect(call.status()).toBe(401);
    expect(await call.json()).toMatchObject({ ok: false, error: { message: { id: expect.stringContaining('Tanpa token akses'), en: expect.stringContaining('No access token') } } });
    // A wrong token is no better, and sets nothing.
    expect((await page.goto(`${BRIDGE}?token=tebakan`))!.status()).toBe(401);
    expect(await page.context().cookies(BRIDGE)).toEqual([]);
  });

  test('the printed address sets a strict HttpOnly cookie and lands on the clean address', async ({ page }) => {
    await page.goto(withToken(BRIDGE));
    expect(page.url()).toBe(BRIDGE);
    const cookies = await page.context().cookies(BRIDGE);
    expect(cookies).toHaveLength(1);
    expect(cookies[0]).toMatchObject({ name: `timbang_bridge_${WORKSPACES.keamanan}`, path: '/', httpOnly: true, sameSite: 'Strict' });
    // The page's scripts cannot read it (the tests' types have no DOM, hence the cast).
    expect(await page.evaluate(() => (globalThis as unknown as { document: { cookie: string } }).document.cookie)).toBe('');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Selamat datang di Timbang');
    expect(await events(page)).toEqual([]);
  });

  test('a page from another origin cannot frame the app nor call its API, even in the browser holding the cookie', async ({ page }) => {
    await page.goto(withToken(BRIDGE)); // this browser is admitted, as a juror's would be
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Selamat datang di Timbang');
    await page.waitForLoadState('networkidle'); // its own calls done, so that none is cut short below
    const refusals: string[] = [];
    page.on('console', (message) => refusals.push(message.text()));
    const failed: string[] = [];
    page.on('requestfailed', (request) => failed.push(`${request.url()} ${request.failure()?.errorText}`));

    await page.goto(`${otherOrigin}/bingkai`);
    // Chromium refuses to show the framed app and says why.
    await expect.poll(() => refusals.join('\n')).toContain(`Framing '${BRIDGE}' violates the following Content Security Policy directive: "frame-ancestors 'none'". The request has been blocked.`);
    const framed = page.frames().find((frame) => frame !== page.mainFrame())!;
    expect(framed.url()).not.toBe(BRIDGE);
    await expect(page.frameLocator('#bingkai').getByRole('heading', { name: 'Selamat datang di Timbang' })).toHaveCount(0);

    // The API, called from that page with the cookie the browser holds: a JSON call is stopped at its CORS
    // preflight (refused: another Origin); a "simple" request, which needs no preflight, is refused by the
    // server (403, another Origin) and its answer is withheld from the page (Cross-Origin-Resource-Policy).
    const attempts = await page.evaluate(async (api) => {
      const outcome = async (call: Promise<Response>) => call.then((r) => `status ${r.status} ${r.type}`, (error: Error) => `failed: ${error.message}`);
      return {
        json: await outcome(fetch(`${api}loadDemoEvent`, { method: 'POST', credentials: 'include', headers: { 'content-type': 'application/json' }, body: '{"role":"sekretariat"}' })),
        simple: await outcome(fetch(`${api}loadDemoEvent`, { method: 'POST', credentials: 'include', mode: 'no-cors', headers: { 'content-type': 'text/plain' }, body: '{"role":"sekretariat"}' })),
        read: await outcome(fetch(`${api}listEvents`, { method: 'POST', credentials: 'include', headers: { 'content-type': 'application/json' }, body: '{}' })),
      };
    }, `${BRIDGE}api/`);
    expect(attempts).toEqual({ json: 'failed: Failed to fetch', simple: 'failed: Failed to fetch', read: 'failed: Failed to fetch' });
    expect(failed).toEqual([
      `${BRIDGE} net::ERR_BLOCKED_BY_RESPONSE`, // the frame above
      `${BRIDGE}api/loadDemoEvent net::ERR_FAILED`,
      `${BRIDGE}api/loadDemoEvent net::ERR_BLOCKED_BY_RESPONSE.NotSameOrigin`,
      `${BRIDGE}api/listEvents net::ERR_FAILED`,
    ]);
    // The server's answer to such a request, with the cookie and that Origin, asked from outside a browser.
    const cookie = (await page.context().cookies(BRIDGE)).map((c) => `${c.name}=${c.value}`).join('; ');
    const simple = await page.request.post(`${BRIDGE}api/loadDemoEvent`, { headers: { origin: otherOrigin, cookie, 'content-type': 'text/plain' }, data: '{"role":"sekretariat"}' });
    expect(simple.status()).toBe(403);
    expect(await simple.json()).toMatchObject({ ok: false, error: { message: { id: `Asal ${otherOrigin} ditolak.`, en: `Origin ${otherOrigin} refused.` } } });

    // Nothing changed, and the real page goes on working.
    await page.goto(BRIDGE);
    expect(await events(page)).toEqual([]);
    await page.getByRole('radio', { name: /^Sekretariat/ }).check();
    await page.getByRole('button', { name: 'Buka acara demo' }).click();
    await expect.poll(async () => ((await events(page)) as unknown[]).length).toBe(1);
  });

  test('malformed addresses are refused and the page is still served afterwards', async ({ page }) => {
    await page.goto(withToken(BRIDGE));
    for (const path of ['api/%', 'api/%E0%A4%A', '%', 'assets/%zz']) {
      const response = await page.request.post(`${BRIDGE}${path}`, { data: {} });
      expect(response.status(), path).toBe(400);
      expect(await response.json()).toMatchObject({ ok: false, error: { message: { id: expect.stringContaining('Alamat permintaan tidak sah'), en: expect.stringContaining('Malformed request path') } } });
      expect(response.headers()['x-frame-options']).toBe('DENY');
    }
    await page.reload();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Selamat datang di Timbang');
  });

  test('every response the page loads, the page, its assets and API calls, forbids framing', async ({ page }) => {
    const seen: { url: string; frame: string | undefined; csp: string | undefined }[] = [];
    page.on('response', async (response) => {
      if (!response.url().startsWith(BRIDGE)) return;
      const headers = await response.allHeaders();
      seen.push({ url: response.url(), frame: headers['x-frame-options'], csp: headers['content-security-policy'] });
    });
    await page.goto(withToken(BRIDGE));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Selamat datang di Timbang');
    await page.waitForLoadState('networkidle');
    expect(seen.some((r) => r.url.includes('/assets/') && r.url.endsWith('.js'))).toBe(true);
    expect(seen.some((r) => r.url.includes('/assets/') && r.url.endsWith('.css'))).toBe(true);
    expect(seen.some((r) => r.url.includes('/api/'))).toBe(true);
    expect(seen.some((r) => r.url === BRIDGE)).toBe(true);
    for (const response of seen) {
      expect(response.frame, response.url).toBe('DENY');
      expect(response.csp, response.url).toContain("frame-ancestors 'none'");
    }
  });
});
