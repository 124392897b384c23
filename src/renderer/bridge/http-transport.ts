/**
 * The browser side of the bridge: the same transport shape as the Electron preload, carried over
 * `POST /api/<method>` to the Node process that served this page (see src/bridge).
 */
import type { TimbangTransport } from '../../api/contract.ts';
import { transportFrom } from '../../api/dispatch.ts';
import type { Envelope } from '../../api/errors.ts';

export function createHttpTransport(baseUrl = '/api/'): TimbangTransport {
  return transportFrom(async (method, input) => {
    try {
      const response = await fetch(`${baseUrl}${encodeURIComponent(method)}`, {
        method: 'POST',
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
