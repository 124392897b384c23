/**
 * The way into a `timbang serve` in the end-to-end tests, as a person gets in: through the address the
 * server printed, with its token (`…/?token=…`). The first visit sets the server's HttpOnly cookie and
 * redirects to the clean address; from then on the page, its reloads and `page.request` (which shares the
 * browser context's cookies) are admitted. Each server writes its token to a file the Playwright config
 * names (`--token-file`).
 */
import { readFileSync } from 'node:fs';
import { tokenFile, WORKSPACES } from '../playwright.config.ts';

/** The token of the server listening on this port, as it wrote it at start. */
export function bridgeToken(port: number): string {
  return readFileSync(tokenFile(port), 'utf8').trim();
}

/**
 * The printed address for a server's page: `withToken('http://127.0.0.1:5184/')`, or `withToken('/')` for
 * the default server (the config's baseURL). `page.goto(withToken(URL))` lands on URL, admitted.
 */
export function withToken(url: string): string {
  const address = new URL(url, `http://127.0.0.1:${WORKSPACES.main}/`);
  address.searchParams.set('token', bridgeToken(Number(address.port)));
  return address.href;
}
