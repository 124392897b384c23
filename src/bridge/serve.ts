/**
 * Serves the built renderer with the browser bridge: `timbang serve` and the Playwright tests use this.
 * The renderer must have been built first (`npm run build`), exactly as the Electron app loads it.
 * Each start draws a fresh random token; only the returned `url` carries it, in its fragment (see bridge-plugin.ts).
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Handlers } from '../api/contract.ts';
import { AppError } from '../api/errors.ts';
import { bridgeMessages } from '../core/messages/bridge.ts';
import { bridgePlugin, errorMiddleware, TOKEN_HEADER, TOKEN_PARAM } from './bridge-plugin.ts';

export interface BridgeOptions {
  handlers: Handlers;
  projectRoot: string;
  port: number;
}

export interface BridgeServer {
  /**
   * The address to open, with this start's token in its fragment: `http://127.0.0.1:5180/#token=…`, which a
   * browser never sends to a server. Print it; share it with no one.
   */
  url: string;
  /** The same address without the token (`http://127.0.0.1:5180/`): the page, which holds nothing secret. */
  origin: string;
  /** This start's token (32 random bytes, base64url), which `url` carries. */
  token: string;
  /** The request header every `/api/` call must carry the token in. */
  tokenHeader: string;
  close(): Promise<void>;
}

export async function serveBridge({ handlers, projectRoot, port }: BridgeOptions): Promise<BridgeServer> {
  const outDir = join(projectRoot, 'out', 'renderer');
  if (!existsSync(join(outDir, 'index.html'))) {
    throw new AppError('not-found', bridgeMessages.notBuilt({ outDir }));
  }
  const token = randomBytes(32).toString('base64url');
  const { preview } = await import('vite');
  const server = await preview({
    configFile: false,
    root: join(projectRoot, 'src', 'renderer'),
    logLevel: 'warn',
    build: { outDir },
    // CORS off: no other origin may read an answer (the bridge refuses other origins anyway). Vite's own
    // host check is replaced by the bridge's, which is stricter (127.0.0.1 and localhost only) and answers
    // in both languages.
    preview: { host: '127.0.0.1', port, strictPort: true, open: false, cors: false, allowedHosts: true },
    plugins: [bridgePlugin(handlers, { token })],
  }).catch((error: unknown) => {
    throw new AppError('conflict', bridgeMessages.portUnusable({ port, reason: (error as Error).message }));
  });
  // Last in the chain, after Vite's own: whatever any middleware throws is answered here, and the server goes on.
  server.middlewares.use(errorMiddleware);
  const origin = server.resolvedUrls?.local[0] ?? `http://127.0.0.1:${port}/`;
  const url = new URL(origin);
  url.hash = new URLSearchParams({ [TOKEN_PARAM]: token }).toString();
  return { url: url.href, origin, token, tokenHeader: TOKEN_HEADER, close: () => server.close() };
}
