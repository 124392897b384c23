/**
 * The browser bridge: the same API the Electron preload exposes, carried over HTTP so the renderer can run
 * in plain Chromium for development and end-to-end tests (Electron cannot launch on every machine).
 * A Vite plugin mounts `POST /api/<method>` on Vite's preview server, next to the built renderer.
 * Loopback only, and a request must come from the page this server serves (Host and Origin checked),
 * so another web page open in the same browser cannot call the API.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Plugin } from 'vite';
import type { Handlers } from '../api/contract.ts';
import { dispatch } from '../api/dispatch.ts';
import type { Envelope } from '../api/errors.ts';

export const BRIDGE_PREFIX = '/api/';
const MAX_BODY_BYTES = 20 * 1024 * 1024;

export function bridgePlugin(handlers: Handlers): Plugin {
  const middleware = (req: IncomingMessage, res: ServerResponse, next: () => void) => {
    if (!req.url?.startsWith(BRIDGE_PREFIX)) return next();
    void handle(handlers, req, res);
  };
  return {
    name: 'timbang-bridge',
    configurePreviewServer: (server) => void server.middlewares.use(middleware),
  };
}

async function handle(handlers: Handlers, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const refuse = (status: number, id: string, en: string) =>
    send(res, status, { ok: false, error: { code: 'forbidden', message: { id, en } } });
  if (req.method !== 'POST') return refuse(405, 'Gunakan POST.', 'Use POST.');
  const host = req.headers.host ?? '';
  if (!/^(127\.0\.0\.1|localhost)(:\d+)?$/.test(host)) return refuse(403, `Host ${host} ditolak.`, `Host ${host} refused.`);
  const origin = req.headers.origin;
  if (origin !== undefined && origin !== `http://${host}`) return refuse(403, `Asal ${origin} ditolak.`, `Origin ${origin} refused.`);
  if (!req.headers['content-type']?.startsWith('application/json')) return refuse(415, 'Harus JSON.', 'Must be JSON.');

  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return refuse(413, 'Permintaan terlalu besar.', 'Request too large.');
    chunks.push(chunk as Buffer);
  }
  let input: unknown;
  try {
    input = chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : {};
  } catch {
    return refuse(400, 'Badan permintaan bukan JSON.', 'Request body is not JSON.');
  }
  const method = decodeURIComponent(req.url!.slice(BRIDGE_PREFIX.length).split('?')[0]);
  send(res, 200, await dispatch(handlers, method, input));
}

function send(res: ServerResponse, status: number, envelope: Envelope<unknown>): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(envelope));
}
