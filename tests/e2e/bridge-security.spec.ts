/**
 * Issue 14, the browser bridge admits only the tab that opened its printed address: the token travels in
 * the address's fragment (never sent to a server), the page keeps it in its tab's sessionStorage and sends
 * it in a header on every API call; no cookie holds it, so a page served by another local process on
 * another port of 127.0.0.1 receives nothing, can neither frame the app nor call its API, while the real
 * page goes on working. A tab opened without the printed address says, in both languages, where to find
 * it. The server's workspace ("keamanan") is empty at start; the refused calls would have put the demo
 * event in it.
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test, type Page } from '@playwright/test';
import { WORKSPACES } from '../playwright.config.ts';
import { bridgeHeaders, bridgeToken, withToken } from '../support/e2e-bridge.ts';

const BRIDGE = `http://127.0.0.1:${WORKSPACES.keamanan}/`;
const WELCOME = 'Selamat datang di Timbang';

test.describe.configure({ mode: 'serial' });

// page.evaluate takes expressions as text here: the tests' types have no DOM.
/** What the workspace holds, asked with the server's token in the header (as the page sends it). */
async function events(page: Page): Promise<unknown[]> {
  const response = await page.request.post(`${BRIDGE}api/listEvents`, { headers: bridgeHeaders(BRIDGE), data: {} });
  expect(response.status()).toBe(200);
  return ((await response.json()) as { value: unknown[] }).value;
}

/** The message a tab without the token shows, in both languages, instead of the app. */
async function expectLocked(page: Page) {
  const notice = page.getByTestId('bridge-locked');
  await expect(notice).toBeVisible();
  await expect(notice.locator('p[lang="id"]')).toHaveText(
    'Halaman ini belum tersambung ke server Timbang. Buka alamat lengkap yang dicetak di terminal oleh timbang serve (atau npm run browser), yang berisi #token=…. Alamat itu berlaku di tab tempat ia dibuka, sampai server dimulai ulang.',
  );
  await expect(notice.locator('p[lang="en"]')).toHaveText(
    'This page is not connected to the Timbang server. Open the full address that timbang serve (or npm run browser) printed in the terminal, the one with #token=…. It works in the tab it is opened in, until the server restarts.',
  );
  await expect(page.getByRole('heading', { name: WELCOME })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Buka acara demo' })).toHaveCount(0);
}

/** Every request the page sends to the bridge's API, with the token header it carried. */
function apiCalls(page: Page) {
  const calls: { url: string; token: string | undefined }[] = [];
  page.on('request', (request) => {
    if (request.url().startsWith(`${BRIDGE}api/`)) calls.push({ url: request.url(), token: request.headers()['x-timbang-token'] });
  });
  return calls;
}

test.describe('the browser bridge admits only the tab given its printed address', () => {
  let other: Server;
  let otherOrigin: string;
  /** Everything the other local server was sent: where a leaked token would show. */
  const received: { url: string; headers: IncomingHttpHeaders }[] = [];

  test.beforeAll(async () => {
    // Another site on another loopback port, as any local process could serve: it frames the bridge and calls its API.
    other = createServer((req, res) => {
      received.push({ url: req.url ?? '', headers: req.headers });
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(
        req.url === '/bingkai'
          ? `<!doctype html><title>lain</title><iframe id="bingkai" src="${BRIDGE}" width="800" height="600"></iframe>`
          : '<!doctype html><title>lain</title><p>halaman lain</p><img src="/gambar.png" alt="">',
      );
    });
    await new Promise<void>((done) => other.listen(0, '127.0.0.1', done));
    otherOrigin = `http://127.0.0.1:${(other.address() as AddressInfo).port}`;
  });
  test.afterAll(() => new Promise<void>((done) => other.close(() => done())));

  test('without the printed address: the page says where to find it in both languages, and the API refuses', async ({ page }) => {
    const calls = apiCalls(page);
    const response = await page.goto(BRIDGE);
    expect(response!.status()).toBe(200); // the page holds nothing secret; the API does
    await expectLocked(page);
    expect(calls).toEqual([]); // without a token the page sends no call at all

    const call = await page.request.post(`${BRIDGE}api/loadDemoEvent`, { data: { role: 'sekretariat' } });
    expect(call.status()).toBe(401);
    expect(await call.json()).toMatchObject({
      ok: false,
      error: {
        code: 'unauthorized',
        message: {
          id: expect.stringContaining('Tanpa token akses: buka alamat lengkap (dengan #token=…)'),
          en: expect.stringContaining('No access token: open the full address (with #token=…)'),
        },
      },
    });
    expect(
      (
        await page.request.post(`${BRIDGE}api/loadDemoEvent`, { headers: { 'x-timbang-token': 'tebakan' }, data: { role: 'sekretariat' } })
      ).status(),
    ).toBe(401);

    // The old address form (token in the query) admits nothing; a wrong token in the fragment is refused by the API.
    await page.goto(`${BRIDGE}?token=${bridgeToken(WORKSPACES.keamanan)}`);
    await expectLocked(page);
    const wrong = await page.context().newPage();
    const wrongCalls = apiCalls(wrong);
    await wrong.goto(`${BRIDGE}#token=tebakan`);
    await expectLocked(wrong);
    expect(wrongCalls.length).toBeGreaterThan(0);
    expect(wrongCalls.every((c) => c.token === 'tebakan')).toBe(true);
    expect(wrong.url()).toBe(BRIDGE);
    // A token that failed is not kept: a reload asks for the address again without calling.
    expect(await wrong.evaluate('sessionStorage.length')).toBe(0);
    await wrong.close();

    // Told so, the person pastes the printed address into this very tab: only the fragment changes, no
    // page load by itself; the page takes the token and starts again, admitted, with a clean address bar.
    await page.goto(BRIDGE);
    await expectLocked(page);
    await page.goto(withToken(BRIDGE));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(WELCOME);
    expect(page.url()).toBe(BRIDGE);

    expect(await page.context().cookies()).toEqual([]);
    expect(await events(page)).toEqual([]);
  });

  test('the printed address: the token leaves the address bar, stays in this tab only, goes in a header, and a reload still works', async ({
    page,
    context,
  }) => {
    const token = bridgeToken(WORKSPACES.keamanan);
    const calls = apiCalls(page);
    const sent: string[] = [];
    page.on('request', (request) => sent.push(`${request.url()} ${JSON.stringify(request.headers())}`));
    await page.goto(withToken(BRIDGE));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(WELCOME);
    expect(page.url()).toBe(BRIDGE);
    expect(await page.evaluate('location.href')).toBe(BRIDGE);
    // Kept in this tab's sessionStorage only: no cookie, nothing in localStorage.
    expect(await page.evaluate("sessionStorage.getItem('timbang.bridgeToken')")).toBe(token);
    expect(await page.evaluate('JSON.stringify(localStorage)')).not.toContain(token);
    expect(await page.evaluate('document.cookie')).toBe('');
    expect(await context.cookies()).toEqual([]);
    // Every API call carries it in the header, and no request carries it anywhere else (the fragment is never sent).
    expect(calls.length).toBeGreaterThan(0);
    expect(calls.every((c) => c.token === token && !c.url.includes(token))).toBe(true);
    expect(sent.filter((line) => line.includes(token) && !line.startsWith(`${BRIDGE}api/`))).toEqual([]);

    // A reload in the same tab: still admitted, through sessionStorage; the address bar stays clean.
    calls.length = 0;
    await page.reload();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(WELCOME);
    await expect(page.getByTestId('bridge-locked')).toHaveCount(0);
    expect(page.url()).toBe(BRIDGE);
    await expect.poll(() => calls.length).toBeGreaterThan(0);
    expect(calls.every((c) => c.token === token)).toBe(true);

    // A new tab in the same browser, opened on the address without the fragment: no token, and it says so.
    const second = await context.newPage();
    const secondCalls = apiCalls(second);
    await second.goto(BRIDGE);
    await expectLocked(second);
    expect(secondCalls).toEqual([]);
    await second.close();
    // The first tab is not disturbed.
    await page.reload();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(WELCOME);
  });

  test('a page on another loopback port receives no token, cannot frame the app nor call its API; the real page goes on working', async ({
    page,
  }) => {
    const token = bridgeToken(WORKSPACES.keamanan);
    await page.goto(withToken(BRIDGE)); // this tab is admitted, as a juror's would be
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(WELCOME);
    await page.waitForLoadState('networkidle'); // its own calls done, so that none is cut short below
    const refusals: string[] = [];
    page.on('console', (message) => refusals.push(message.text()));
    const failed: string[] = [];
    page.on('requestfailed', (request) => failed.push(`${request.url()} ${request.failure()?.errorText}`));

    // The other site, in the same tab and in another: the browser sends it nothing of the bridge's.
    received.length = 0;
    await page.goto(`${otherOrigin}/`);
    const elsewhere = await page.context().newPage();
    await elsewhere.goto(`${otherOrigin}/`);
    await elsewhere.close();
    expect(received.map((r) => r.url).filter((url) => url !== '/favicon.ico')).toEqual(['/', '/gambar.png', '/', '/gambar.png']);
    for (const request of received) {
      expect(request.headers.cookie, request.url).toBeUndefined();
      expect(JSON.stringify(request), request.url).not.toContain(token);
    }
    // Nor can its scripts read the bridge's storage: another port is another origin.
    expect(await page.evaluate('[sessionStorage.length, localStorage.length, document.cookie]')).toEqual([0, 0, '']);

    await page.goto(`${otherOrigin}/bingkai`);
    // Chromium refuses to show the framed app and says why.
    await expect
      .poll(() => refusals.join('\n'))
      .toContain(
        `Framing '${BRIDGE}' violates the following Content Security Policy directive: "frame-ancestors 'none'". The request has been blocked.`,
      );
    const framed = page.frames().find((frame) => frame !== page.mainFrame())!;
    expect(framed.url()).not.toBe(BRIDGE);
    await expect(page.frameLocator('#bingkai').getByRole('heading', { name: WELCOME })).toHaveCount(0);

    // The API, called from that page: a call with the token header (even a right one) or a JSON body is
    // stopped at its CORS preflight (refused: another Origin); a "simple" request, which needs no preflight,
    // is refused by the server (403, another Origin; 401, no token) and its answer withheld (CORP).
    const attempts = await page.evaluate(
      async ([api, guess]) => {
        const outcome = async (call: Promise<Response>) =>
          call.then(
            (r) => `status ${r.status} ${r.type}`,
            (error: Error) => `failed: ${error.message}`,
          );
        return {
          header: await outcome(
            fetch(`${api}loadDemoEvent`, {
              method: 'POST',
              headers: { 'content-type': 'application/json', 'x-timbang-token': guess },
              body: '{"role":"sekretariat"}',
            }),
          ),
          simple: await outcome(
            fetch(`${api}loadDemoEvent`, {
              method: 'POST',
              credentials: 'include',
              mode: 'no-cors',
              headers: { 'content-type': 'text/plain' },
              body: '{"role":"sekretariat"}',
            }),
          ),
          read: await outcome(
            fetch(`${api}listEvents`, {
              method: 'POST',
              credentials: 'include',
              headers: { 'content-type': 'application/json' },
              body: '{}',
            }),
          ),
        };
      },
      [`${BRIDGE}api/`, token] as const,
    );
    expect(attempts).toEqual({ header: 'failed: Failed to fetch', simple: 'failed: Failed to fetch', read: 'failed: Failed to fetch' });
    expect(failed).toEqual([
      `${BRIDGE} net::ERR_BLOCKED_BY_RESPONSE`, // the frame above
      `${BRIDGE}api/loadDemoEvent net::ERR_FAILED`,
      `${BRIDGE}api/loadDemoEvent net::ERR_BLOCKED_BY_RESPONSE.NotSameOrigin`,
      `${BRIDGE}api/listEvents net::ERR_FAILED`,
    ]);
    // The server's answers to such requests, asked from outside a browser: the preflight and the simple call are refused.
    const preflight = await page.request.fetch(`${BRIDGE}api/loadDemoEvent`, {
      method: 'OPTIONS',
      headers: {
        origin: otherOrigin,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type,x-timbang-token',
      },
    });
    expect(preflight.status()).toBe(403);
    expect(preflight.headers()['access-control-allow-origin']).toBeUndefined();
    const simple = await page.request.post(`${BRIDGE}api/loadDemoEvent`, {
      headers: { origin: otherOrigin, 'content-type': 'text/plain' },
      data: '{"role":"sekretariat"}',
    });
    expect(simple.status()).toBe(403);
    expect(await simple.json()).toMatchObject({
      ok: false,
      error: { message: { id: `Asal ${otherOrigin} ditolak.`, en: `Origin ${otherOrigin} refused.` } },
    });

    // Nothing changed, and the real page goes on working: back in this tab, whose sessionStorage still holds the token.
    await page.goto(BRIDGE);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(WELCOME);
    expect(await events(page)).toEqual([]);
    await page.getByRole('radio', { name: /^Sekretariat/ }).check();
    await page.getByRole('button', { name: 'Buka acara demo' }).click();
    await expect.poll(async () => (await events(page)).length).toBe(1);
  });

  test('malformed addresses are refused and the page is still served afterwards', async ({ page }) => {
    await page.goto(withToken(BRIDGE));
    for (const path of ['api/%', 'api/%E0%A4%A', '%', 'assets/%zz']) {
      const response = await page.request.post(`${BRIDGE}${path}`, { headers: bridgeHeaders(BRIDGE), data: {} });
      expect(response.status(), path).toBe(400);
      expect(await response.json()).toMatchObject({
        ok: false,
        error: {
          message: { id: expect.stringContaining('Alamat permintaan tidak sah'), en: expect.stringContaining('Malformed request path') },
        },
      });
      expect(response.headers()['x-frame-options']).toBe('DENY');
    }
    await page.reload();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(WELCOME);
  });

  test('every response the page loads, the page, its assets and API calls, forbids framing and sets no cookie', async ({ page }) => {
    const seen: { url: string; frame: string | undefined; csp: string | undefined; cookie: string | undefined }[] = [];
    page.on('response', async (response) => {
      if (!response.url().startsWith(BRIDGE)) return;
      const headers = await response.allHeaders();
      seen.push({
        url: response.url(),
        frame: headers['x-frame-options'],
        csp: headers['content-security-policy'],
        cookie: headers['set-cookie'],
      });
    });
    await page.goto(withToken(BRIDGE));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(WELCOME);
    await page.waitForLoadState('networkidle');
    expect(seen.some((r) => r.url.includes('/assets/') && r.url.endsWith('.js'))).toBe(true);
    expect(seen.some((r) => r.url.includes('/assets/') && r.url.endsWith('.css'))).toBe(true);
    expect(seen.some((r) => r.url.includes('/api/'))).toBe(true);
    expect(seen.some((r) => r.url === BRIDGE)).toBe(true);
    for (const response of seen) {
      expect(response.frame, response.url).toBe('DENY');
      expect(response.csp, response.url).toContain("frame-ancestors 'none'");
      expect(response.cookie, response.url).toBeUndefined();
    }
  });
});
