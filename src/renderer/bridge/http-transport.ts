/**
 * The browser side of the bridge: the same transport shape as the Electron preload, carried over
 * `POST /api/<method>` to the Node process that served this page (see src/bridge). The bridge admits the
 * call by the HttpOnly cookie the printed address set; a same-origin fetch sends it, and this code never
 * sees the token. Without it (the server restarted with a new token) every call answers the bridge's
 * bilingual envelope saying to open the printed address again.
 */
import type { TimbangTransport } from '../../api/contract.ts';
import { transportFrom } from '../../api/dispatch.ts';
import type { Envelope } from '../../api/errors.ts';

export function createHttpTransport(baseUrl = '/api/'): TimbangTransport {
  return transportFrom(async (method, input) => {
    try {
      const response = await fetch(`${baseUrl}${encodeURIComponent(method)}`, {
        method: 'POST',
        credentials: 'same-origin', // the bridge's cookie, and only to this origin
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(input ?? {}),
      });
      return (await response.json()) as Envelope<unknown>;
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      return { ok: false, error: { code: 'internal', message: { id: `Server Timbang tidak terjangkau (${reason}).`, en: `The Timbang server cannot be reached (${reason}).` } } };
    }
  });
}
