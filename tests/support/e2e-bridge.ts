/**
 * The way into a `timbang serve` in the end-to-end tests, as a person gets in: through the address the
 * server printed, with its token in the fragment (`…/#token=…`). The page keeps the token in its tab's
 * sessionStorage and sends it in a header on every API call, so the page and its reloads are admitted;
 * `page.request` shares nothing with the page (no cookie holds the token), so its calls to `/api/` carry
 * the header themselves: `page.request.post(url, { headers: bridgeHeaders(url), data })`. Each server of
 * the config writes its token to a file the Playwright config names (`--token-file`).
 */
import { readFileSync } from 'node:fs';
import { tokenFile, WORKSPACES } from '../playwright.config.ts';

/** The token of the server listening on this port, as it wrote it at start. */
export function bridgeToken(port: number): string {
  return readFileSync(tokenFile(port), 'utf8').trim();
}

/**
 * The printed address for a server's page: `withToken('http://127.0.0.1:5184/')`, or `withToken('/')` for
 * the default server (the config's baseURL). `page.goto(withToken(URL))` lands on URL, admitted, in a
 * page that is not already showing URL (a change of fragment alone does not load a page).
 */
export function withToken(url: string): string {
  const address = new URL(url, `http://127.0.0.1:${WORKSPACES.main}/`);
  address.hash = new URLSearchParams({ token: bridgeToken(Number(address.port)) }).toString();
  return address.href;
}

/**
 * The header that admits a `page.request` call to a server's `/api/`: `bridgeHeaders(url)` for a server of
 * the config (any address on its port), or `bridgeHeaders(server.address)` for a server whose printed
 * address (with `#token=…`) is at hand.
 */
export function bridgeHeaders(url: string): Record<string, string> {
  const address = new URL(url, `http://127.0.0.1:${WORKSPACES.main}/`);
  const printed = new URLSearchParams(address.hash.slice(1)).get('token');
  return { 'x-timbang-token': printed ?? bridgeToken(Number(address.port)) };
}
