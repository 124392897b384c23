/**
 * Serves the built renderer with the browser bridge: `timbang serve` and the Playwright tests use this.
 * The renderer must have been built first (`npm run build`), exactly as the Electron app loads it.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Handlers } from '../api/contract.ts';
import { bridgePlugin } from './bridge-plugin.ts';

export interface BridgeOptions {
  handlers: Handlers;
  projectRoot: string;
  port: number;
}

export async function serveBridge({ handlers, projectRoot, port }: BridgeOptions): Promise<{ url: string; close(): Promise<void> }> {
  const outDir = join(projectRoot, 'out', 'renderer');
  if (!existsSync(join(outDir, 'index.html'))) {
    throw new Error(`Tampilan belum dibangun: jalankan "npm run build" dulu. / The renderer is not built: run "npm run build" first. (${outDir})`);
  }
  const { preview } = await import('vite');
  const server = await preview({
    configFile: false,
    root: join(projectRoot, 'src', 'renderer'),
    logLevel: 'warn',
    build: { outDir },
    preview: { host: '127.0.0.1', port, strictPort: true, open: false },
    plugins: [bridgePlugin(handlers)],
  }).catch((error: unknown) => {
    throw new Error(`Port ${port} tidak dapat dipakai (${(error as Error).message}); pilih yang lain dengan --port. / Port ${port} cannot be used; choose another with --port.`);
  });
  const url = server.resolvedUrls?.local[0] ?? `http://127.0.0.1:${port}/`;
  return { url, close: () => server.close() };
}
