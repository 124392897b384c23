/**
 * The browser bridge: the same API the Electron preload exposes, carried over HTTP so the renderer can run
 * in plain Chromium for development and end-to-end tests (Electron cannot launch on every machine).
 * A Vite plugin mounts `POST /api/<method>` on Vite's preview server, next to the built renderer.
 *
 * Who is admitted. Loopback alone is not enough: any local process (another user's, a script, a page in
 * another browser tab served from another port) can reach 127.0.0.1, and the API reads every mark, records
 * scores and signs sheets with the key the page unlocked. So each `timbang serve` start draws a random
 * token (32 bytes from node:crypto), and only the browser tab that was given it gets in:
 *
 * - The token leaves this process in one place only: the address `timbang serve` prints in the terminal,
 *   where it stands in the fragment (`http://127.0.0.1:5180/#token=…`; `--token-file` writes it to a file of
 *   mode 0600 for scripts and tests). A browser never sends a fragment to any server, so the token is in no
 *   request line, log or Referer. It is never injected into a page either: the page and its assets hold
 *   nothing secret and are served to anyone who passes the guards below.
 * - The renderer (src/renderer/bridge/http-transport.ts) reads the fragment once at start, keeps the token
 *   in sessionStorage (scoped to scheme, host and port, and to the one tab), takes it out of the address
 *   bar, and sends it in the `X-Timbang-Token` header of every `/api/` call. Every `/api/` call without it,
 *   or with another, gets a 401 envelope before its body is read, so nothing is read or changed. Tokens are
 *   compared in constant time (SHA-256 of both, then crypto.timingSafeEqual).
 * - No cookie: browsers send the cookies of 127.0.0.1 to every port of it, so a page served by any other
 *   local process (another port, same site for SameSite) would receive a cookie and could replay it. A
 *   header is sent only by code that holds the token, and a custom header makes any cross-origin call need
 *   a CORS preflight, which is refused: the Origin check (every request with an Origin must come from this
 *   server's own) answers 403, and Vite's CORS is off. `/api/` also takes only `application/json` bodies.
 *   The Host check (127.0.0.1 or localhost only) stops DNS rebinding.
 *
 * Every response, whoever writes it (this plugin, Vite's static files, its 404 or error pages), carries
 * `X-Frame-Options: DENY` and `Content-Security-Policy: frame-ancestors 'none'`, so no other page can frame
 * the app and trick a juror into clicking. Any error while handling a request answers a bilingual JSON
 * envelope (4xx for a malformed request, 5xx otherwise) and the server keeps serving.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, OutgoingHttpHeaders, Server, ServerResponse } from 'node:http';
import type { Connect, Plugin } from 'vite';
import type { Handlers } from '../api/contract.ts';
import { dispatch } from '../api/dispatch.ts';
import type { Envelope, ErrorCode } from '../api/errors.ts';
import { bridgeMessages } from '../core/messages/bridge.ts';
import type { Bilingual } from '../core/model.ts';

export const BRIDGE_PREFIX = '/api/';
/** The key, in the printed address's fragment (`#token=…`), that carries the token. */
export const TOKEN_PARAM = 'token';
/** The request header that carries the token on every `/api/` call (src/renderer/bridge/http-transport.ts). */
export const TOKEN_HEADER = 'x-timbang-token';
const MAX_BODY_BYTES = 20 * 1024 * 1024;
/** API requests handled at once (their bodies are held in memory, up to MAX_BODY_BYTES each); beyond: 503. */
export const MAX_REQUESTS_IN_FLIGHT = 8;
const FRAME_CSP = "frame-ancestors 'none'";
const ALLOWED_HOST = /^(127\.0\.0\.1|localhost)(:\d+)?$/;
const JSON_TYPE = /^application\/json\s*(;\s*charset\s*=\s*"?utf-8"?\s*)?$/i;

export interface BridgeAccess {
  /** This start's secret, handed out only in the printed address. */
  token: string;
}

export function bridgePlugin(handlers: Handlers, access: BridgeAccess): Plugin {
  const expected = digest(access.token);
  const sameToken = (given: string | null | undefined) =>
    typeof given === 'string' && given !== '' && timingSafeEqual(digest(given), expected);
  let inFlight = 0;

  const gate: Connect.NextHandleFunction = (req, res, next) => {
    try {
      const host = req.headers.host ?? '';
      if (!ALLOWED_HOST.test(host)) return refuse(res, 403, 'forbidden', bridgeMessages.hostRefused({ host }));
      const origin = req.headers.origin;
      if (origin !== undefined && origin !== `http://${host}`)
        return refuse(res, 403, 'forbidden', bridgeMessages.originRefused({ origin }));

      const url = req.url ?? '/';
      const queryAt = url.indexOf('?');
      const path = queryAt < 0 ? url : url.slice(0, queryAt);
      let decoded: string;
      try {
        decoded = decodeURIComponent(path);
      } catch {
        return refuse(res, 400, 'invalid-input', bridgeMessages.malformedPath());
      }
      if (!path.startsWith(BRIDGE_PREFIX)) return next(); // the built renderer's files: nothing secret in them
      const given = req.headers[TOKEN_HEADER];
      if (!sameToken(typeof given === 'string' ? given : undefined)) {
        return refuse(res, 401, 'unauthorized', bridgeMessages.noToken());
      }
      inFlight++;
      void handleApi(handlers, req, res, decoded.slice(BRIDGE_PREFIX.length), inFlight > MAX_REQUESTS_IN_FLIGHT)
        .catch((error: unknown) => answerError(res, error))
        .finally(() => inFlight--);
    } catch (error) {
      answerError(res, error);
    }
  };

  return {
    name: 'timbang-bridge',
    configurePreviewServer: (server) => {
      // Before any middleware runs, so every response on this server gets the headers, whoever writes it.
      (server.httpServer as Server | null)?.prependListener('request', (_req: IncomingMessage, res: ServerResponse) => guardFraming(res));
      server.middlewares.use(gate);
    },
  };
}

/** Connect's last word for anything a middleware threw or passed on (Vite's own answer would be HTML). */
export const errorMiddleware: Connect.ErrorHandleFunction = (error, _req, res, _next) => answerError(res, error);

async function handleApi(
  handlers: Handlers,
  req: IncomingMessage,
  res: ServerResponse,
  method: string,
  overloaded: boolean,
): Promise<void> {
  if (req.method !== 'POST') return refuse(res, 405, 'forbidden', bridgeMessages.usePost());
  if (!JSON_TYPE.test(req.headers['content-type'] ?? '')) return refuse(res, 415, 'invalid-input', bridgeMessages.mustBeJson());
  if (overloaded) {
    res.setHeader('retry-after', '1');
    return refuse(res, 503, 'internal', bridgeMessages.tooManyRequests());
  }

  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) {
      res.setHeader('connection', 'close');
      return refuse(res, 413, 'invalid-input', bridgeMessages.tooLarge());
    }
    chunks.push(chunk as Buffer);
  }
  let input: unknown;
  try {
    input = chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : {};
  } catch {
    return refuse(res, 400, 'invalid-input', bridgeMessages.notJson());
  }
  const envelope = await dispatch(handlers, method, input);
  // A handler that threw (anything but an AppError) or broke the contract is a fault on this side: 500.
  // Every other answer, refusals by the services included, is the API's own and travels as 200.
  const fault = !envelope.ok && (envelope.error.code === 'internal' || envelope.error.code === 'invalid-output');
  send(res, fault ? 500 : 200, envelope);
}

function answerError(res: ServerResponse, error: unknown): void {
  if (res.headersSent) {
    res.destroy(); // half an answer cannot be mended; the server itself goes on
    return;
  }
  const status = (error as { status?: unknown }).status;
  if (error instanceof URIError || (typeof status === 'number' && status >= 400 && status < 500)) {
    return refuse(res, typeof status === 'number' ? status : 400, 'invalid-input', bridgeMessages.malformed());
  }
  const reason = error instanceof Error ? error.message : String(error);
  send(res, 500, { ok: false, error: { code: 'internal', message: bridgeMessages.serverError({ reason }) } });
}

function refuse(res: ServerResponse, status: number, code: ErrorCode, message: Bilingual): void {
  send(res, status, { ok: false, error: { code, message } });
}

function send(res: ServerResponse, status: number, envelope: Envelope<unknown>): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(envelope));
}

/**
 * Makes every response on this server carry the anti-framing headers, whoever writes it: wraps writeHead
 * (Node calls it for implicit headers too), adding them to what was set and to the headers passed in.
 * A Content-Security-Policy already there (Vite's error pages set `default-src 'none'`) is kept and ours
 * added beside it: a browser enforces both policies.
 */
function guardFraming(res: ServerResponse): void {
  const writeHead = res.writeHead;
  res.writeHead = function (this: ServerResponse, ...args: unknown[]) {
    const headersAt = args.findIndex((arg, i) => i > 0 && typeof arg === 'object' && arg !== null && !Array.isArray(arg));
    if (headersAt > 0) {
      // Headers passed to writeHead override setHeader: move them onto the response first.
      for (const [name, value] of Object.entries(args[headersAt] as OutgoingHttpHeaders))
        if (value !== undefined) this.setHeader(name, value);
      args[headersAt] = {};
    }
    this.setHeader('x-frame-options', 'DENY');
    const csp = this.getHeader('content-security-policy');
    const policies = csp === undefined ? [] : Array.isArray(csp) ? csp : [String(csp)];
    if (!policies.some((policy) => policy.includes(FRAME_CSP))) this.setHeader('content-security-policy', [...policies, FRAME_CSP]);
    this.setHeader('x-content-type-options', 'nosniff');
    this.setHeader('referrer-policy', 'no-referrer');
    this.setHeader('cross-origin-resource-policy', 'same-origin');
    return (writeHead as (...a: unknown[]) => ServerResponse).apply(this, args);
  } as ServerResponse['writeHead'];
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}
