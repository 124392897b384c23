/**
 * The browser side of the bridge: the same transport shape as the Electron preload, carried over
 * `POST /api/<method>` to the Node process that served this page (see src/bridge/bridge-plugin.ts).
 *
 * The bridge admits a call by the token `timbang serve` printed in the fragment of its address
 * (`http://127.0.0.1:5180/#token=…`; a browser never sends a fragment to a server). At start this code
 * reads it once, keeps it in sessionStorage (this scheme, host and port only, and this tab only: a page on
 * another port, or another tab, never sees it), takes it out of the address bar, and sends it in the
 * `X-Timbang-Token` header of every call. No cookie: the browser would send one to every port of 127.0.0.1.
 * A reload in the same tab keeps the token; a tab opened without the printed address has none, and then
 * (as when the bridge answers 401 because the server restarted with a new token) the page shows only
 * where to find the address (src/renderer/bridge/BridgeGate.tsx).
 */
import type { TimbangTransport } from '../../api/contract.ts';
import { transportFrom } from '../../api/dispatch.ts';
import type { Envelope } from '../../api/errors.ts';

/** The fragment key and the header the bridge reads: the same names as src/bridge/bridge-plugin.ts. */
export const TOKEN_PARAM = 'token';
export const TOKEN_HEADER = 'X-Timbang-Token';
const STORAGE_KEY = 'timbang.bridgeToken';

let token: string | null = null;
let locked = false;
const listeners = new Set<() => void>();

/** True once this page is known to hold no token the bridge accepts: no printed address opened in this tab, or a 401. */
export const bridgeLocked = () => locked;

/** Calls `listener` when the page becomes locked; returns the unsubscribe (for useSyncExternalStore). */
export function onBridgeLocked(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function lock(): void {
  token = null;
  try {
    sessionStorage.removeItem(STORAGE_KEY);
  } catch {
    // storage refused (a private mode may do so): the token was kept in memory only
  }
  if (locked) return;
  locked = true;
  for (const listener of listeners) listener();
}

/** The token in the address's fragment, if any, moved into this tab's sessionStorage and out of the address bar. */
function takeFromAddress(): string | null {
  const fragment = location.hash.slice(1);
  const given = fragment === '' ? null : new URLSearchParams(fragment).get(TOKEN_PARAM);
  if (given === null) return null;
  try {
    sessionStorage.setItem(STORAGE_KEY, given);
  } catch {
    // kept in memory only: this page works, a reload will ask for the address again
  }
  // Out of the address bar and this history entry: not bookmarked, not shown to someone looking at the screen.
  history.replaceState(history.state, '', location.pathname + location.search);
  return given;
}

function storedToken(): string | null {
  try {
    return sessionStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

const noToken: Envelope<unknown> = {
  ok: false,
  error: {
    code: 'unauthorized',
    message: {
      id: 'Tanpa token akses: buka alamat lengkap (dengan #token=…) yang dicetak di terminal oleh "timbang serve" (atau "npm run browser").',
      en: 'No access token: open the full address (with #token=…) that "timbang serve" (or "npm run browser") printed in the terminal.',
    },
  },
};

export function createHttpTransport(baseUrl = '/api/'): TimbangTransport {
  token = takeFromAddress() ?? storedToken();
  if (token === null || token === '') lock();
  // The printed address pasted into this tab while it shows the app: only the fragment changes, so the
  // page does not load again by itself. Take the new token and start afresh with it.
  window.addEventListener('hashchange', () => {
    const given = takeFromAddress();
    if (given !== null && given !== token) location.reload();
  });

  return transportFrom(async (method, input) => {
    if (token === null) return noToken; // nothing is sent without the token
    try {
      const response = await fetch(`${baseUrl}${encodeURIComponent(method)}`, {
        method: 'POST',
        credentials: 'omit', // the bridge reads no cookie, and none need travel
        headers: { 'content-type': 'application/json', [TOKEN_HEADER]: token },
        body: JSON.stringify(input ?? {}),
      });
      if (response.status === 401) lock(); // a token of an earlier start: the printed address has changed
      return (await response.json()) as Envelope<unknown>;
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      return {
        ok: false,
        error: {
          code: 'internal',
          message: { id: `Server Timbang tidak terjangkau (${reason}).`, en: `The Timbang server cannot be reached (${reason}).` },
        },
      };
    }
  });
}
